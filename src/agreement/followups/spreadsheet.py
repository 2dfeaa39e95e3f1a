"""The follow-up spreadsheet's layout, shared by the writer (`formats/xlsx.py`) and the importer.

One sheet, one row per occasion, with an autofilter. One sheet rather than one per
owner: the analyst sends one file round (or one per owner with `--owner`), every
owner filters to their own rows, and the importer reads back one table whatever the
owners became since. The columns a person fills in come after the ones that say
what the row is; the keys the importer matches rows by are hidden at the end.
"""

from __future__ import annotations

from dataclasses import dataclass

SHEET = "Uppföljning"


@dataclass(frozen=True)
class Column:
    """A column of the sheet: its header (what import matches), width, and role."""

    key: str
    header: str
    width: float
    filled_in: bool = False
    """A column the person reporting fills in (unlocked, with a drop-down or a date check)."""
    hidden: bool = False
    """A key for the importer: hidden and locked."""


COLUMNS: tuple[Column, ...] = (
    Column("owner", "Ansvarig", 34),
    Column("occasion", "Uppföljningsdatum", 14),
    Column("state", "Läge", 12),
    Column("title", "Åtgärd eller löfte", 50),
    Column("area", "Område", 26),
    Column("document", "Dokument", 30),
    Column("date", "Datum", 12, filled_in=True),
    Column("status", "Status", 13, filled_in=True),
    Column("rating", "Bedömning", 11, filled_in=True),
    Column("note", "Kommentar", 50, filled_in=True),
    Column("reported_by", "Rapporterad av", 22, filled_in=True),
    Column("file", "Dokumentfil", 30, hidden=True),
    Column("id", "Id", 20, hidden=True),
    Column("period_start", "Period från", 12, hidden=True),
    Column("period_end", "Period till", 12, hidden=True),
)
INDEX = {column.key: number for number, column in enumerate(COLUMNS, start=1)}
"""Each column's number (1 = A), by key."""
FILLED_IN = tuple(column.key for column in COLUMNS if column.filled_in)

STATUS_WORDS = {"planned": "planerad", "ongoing": "pågående", "done": "genomförd", "possible": "tänkbar",
                "cancelled": "avbruten"}
RATING_WORDS = {"green": "grön", "yellow": "gul", "red": "röd"}
"""The model's values and the Swedish words the drop-downs show; import accepts either."""
NO_ID_NOTE = "Kan inte rapporteras i arket: åtgärden saknar id i dokumentet."
"""The note of the (locked) row of an action without an id; import takes it for an empty note."""


class CellError(ValueError):
    """A cell whose value cannot be imported; the message says what would be accepted."""


def column_letter(key: str) -> str:
    """The letter of a column (A, B, …), for messages and formulas."""
    number, letters = INDEX[key], ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def parse_word(value: object, words: dict[str, str], what: str) -> str | None:
    """A drop-down value back to the model's word: `grön` or `green` (any case) -> `green`."""
    if value is None or str(value).strip() == "":
        return None
    text = str(value).strip().casefold()
    for english, swedish in words.items():
        if text in (english, swedish):
            return english
    accepted = "/".join(words.values()) + " (or " + "/".join(words) + ")"
    raise CellError(f"{value!r} is not a {what}: use {accepted}")
