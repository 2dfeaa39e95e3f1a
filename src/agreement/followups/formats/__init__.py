"""The formats `agreement followups` writes, each a pure function of the listing.

`text` and `json` need nothing beyond the base install's rich; `ics` imports
icalendar and `xlsx` openpyxl, only when asked for.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..listing import Listing

FORMATS = ("text", "json", "ics", "xlsx")
BINARY = frozenset({"xlsx"})
"""Formats that are not text, so they are never written to a terminal."""


@dataclass(frozen=True)
class Style:
    """How the text table is shown: colours (a terminal without NO_COLOR) and its width."""

    color: bool = False
    width: int = 120


def render(name: str, listing: Listing, style: Style = Style()) -> bytes:
    """The listing in format `name` (one of FORMATS), as the bytes to write."""
    if name == "text":
        from .text import render_text

        return render_text(listing, style).encode("utf-8")
    if name == "json":
        from .json import render_json

        return render_json(listing).encode("utf-8")
    if name == "ics":
        from .ics import render_ics

        return render_ics(listing)
    if name == "xlsx":
        from .xlsx import render_xlsx

        return render_xlsx(listing)
    raise ValueError(f"unknown format {name!r}")
