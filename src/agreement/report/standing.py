"""How an action or promise stands on the report's day, from its latest progress entry.

The mapping (documented in docs/commands/report.md):

- the latest progress entry dated on or before `--as-of` decides (entries in the document
  and in its follow-up files alike; on the same date, the one written last);
- its status `done` counts as **done**, `cancelled` as **cancelled**;
- otherwise its rating: green is **on track**, yellow **at risk**, red **off track**;
  an entry without a rating is **not rated**;
- without any entry the item is **not reported**, unless the document itself states it
  `done` or `cancelled` (then that counts: it is what the adopted text says).

A rating is never shown by colour alone: each has a symbol of its own shape and a word.
The symbols are in both Carlito (the PDF's font, and LibreOffice's stand-in for Calibri)
and Calibri (the Word file's): a filled circle, a lozenge and a small filled square.
"""

from __future__ import annotations

from enum import Enum
from typing import Sequence

from ..model import ProgressEntry

FINISHED = {"done": "done", "cancelled": "cancelled"}

RATING_SYMBOLS = {"green": "●", "yellow": "◊", "red": "▪"}
"""U+25CF, U+25CA and U+25AA: three shapes that Carlito and Calibri both have (Carlito has no
triangle and no large square)."""
RATING_COLOURS = {"green": "1e6b34", "yellow": "7a5c00", "red": "b3261e"}
"""Each symbol's colour (RRGGBB): at least 4.5:1 against white and the table header's fill.
The web page's are in style.css (`.rating-green`), the same."""


def rating_style(key: str) -> str:
    """The Word character style that colours a rating's symbol (made in the reference document)."""
    return f"Rating {key}"


class Standing(str, Enum):
    """Where an item stands; the order is the order of the summary's columns."""

    DONE = "done"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"
    UNRATED = "unrated"
    CANCELLED = "cancelled"
    NOT_REPORTED = "not_reported"

    @property
    def always_shown(self) -> bool:
        """Whether the summary has a column for it even when nothing stands there: a zero of the
        main standings says something; not rated and cancelled are shown only when they occur."""
        return self not in (Standing.UNRATED, Standing.CANCELLED)

    @property
    def rating(self) -> str | None:
        """The rating this standing comes from, for its symbol."""
        return {Standing.ON_TRACK: "green", Standing.AT_RISK: "yellow", Standing.OFF_TRACK: "red"}.get(self)


_BY_RATING = {"green": Standing.ON_TRACK, "yellow": Standing.AT_RISK, "red": Standing.OFF_TRACK}


def latest(entries: Sequence[ProgressEntry]) -> ProgressEntry | None:
    """The entry that decides: the last by date, and of those on one date the last written
    (`entries` are in date order, stably sorted)."""
    return entries[-1] if entries else None


def standing_of(entries: Sequence[ProgressEntry], stated_status: str | None) -> Standing:
    """The standing of an item whose progress entries up to the report's day are `entries`
    (in date order) and whose document states `stated_status`."""
    entry = latest(entries)
    if entry is None:
        if stated_status in FINISHED:
            return Standing(FINISHED[stated_status])
        return Standing.NOT_REPORTED
    if entry.status in FINISHED:
        return Standing(FINISHED[entry.status])
    if entry.rating is None:
        return Standing.UNRATED
    return _BY_RATING[entry.rating]


def current_status(entries: Sequence[ProgressEntry], stated_status: str | None) -> str | None:
    """The status that holds on the report's day: the latest entry that states one, else the document's."""
    for entry in reversed(entries):
        if entry.status is not None:
            return entry.status
    return stated_status


def current_rating(entries: Sequence[ProgressEntry]) -> str | None:
    """The rating of the latest entry (an older rating does not carry over to a newer entry without one)."""
    entry = latest(entries)
    return entry.rating if entry is not None else None
