"""The mapping from a commitment's latest progress entry to its standing, and the rating symbols."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from agreement.model import ProgressEntry
from agreement.report.standing import RATING_SYMBOLS, Standing, current_rating, current_status, standing_of

FONTS = Path(__file__).resolve().parents[2] / "templates" / "fonts"


def entry(day: int, status: str | None = None, rating: str | None = None) -> ProgressEntry:
    return ProgressEntry(date=dt.date(2016, 5, day), status=status, rating=rating)


@pytest.mark.parametrize(("entries", "stated", "standing"), [
    ([], None, Standing.NOT_REPORTED),
    ([], "ongoing", Standing.NOT_REPORTED),
    ([], "done", Standing.DONE),  # the adopted text says so
    ([], "cancelled", Standing.CANCELLED),
    ([entry(1, "ongoing", "green")], None, Standing.ON_TRACK),
    ([entry(1, "ongoing", "yellow")], None, Standing.AT_RISK),
    ([entry(1, None, "red")], None, Standing.OFF_TRACK),
    ([entry(1, "ongoing")], None, Standing.UNRATED),
    ([entry(1, "done", "red")], None, Standing.DONE),  # the status decides before the rating
    ([entry(1, "cancelled", "green")], None, Standing.CANCELLED),
    ([entry(1, "ongoing", "red"), entry(2, "ongoing", "green")], None, Standing.ON_TRACK),  # the latest decides
    ([entry(1, "done", "green"), entry(2, "ongoing", "yellow")], "done", Standing.AT_RISK),  # reopened
])
def test_the_latest_entry_decides_the_standing(entries: list[ProgressEntry], stated: str | None,
                                               standing: Standing) -> None:
    assert standing_of(entries, stated) is standing


def test_the_status_is_the_latest_stated_one_and_the_rating_the_latest_entrys() -> None:
    entries = [entry(1, "ongoing", "red"), entry(2, None, None)]
    assert current_status(entries, "planned") == "ongoing"
    assert current_status([], "planned") == "planned"
    assert current_rating(entries) is None  # an older rating does not carry over


def test_each_rating_has_its_own_symbol_and_every_standing_from_a_rating_one() -> None:
    assert len(set(RATING_SYMBOLS.values())) == 3
    assert {s.rating for s in Standing if s.rating} == set(RATING_SYMBOLS)


@pytest.mark.parametrize("face", ["Regular", "Bold", "Italic", "BoldItalic"])
def test_the_symbols_are_in_carlito_so_the_pdf_and_libreoffice_show_them(face: str) -> None:
    from fontTools.ttLib import TTFont

    characters = TTFont(FONTS / f"Carlito-{face}.ttf").getBestCmap()
    assert all(ord(symbol) in characters for symbol in RATING_SYMBOLS.values())
