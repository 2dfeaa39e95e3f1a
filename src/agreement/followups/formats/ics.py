"""iCalendar: one all-day event per follow-up occasion, to import into Outlook, Google or any calendar.

Events (VEVENT), not to-dos (VTODO): every calendar program shows events, while to-dos
are dropped by several of them on import. Each event is free time (TRANSP:
TRANSPARENT), so it reminds without blocking the day.

Re-importing a newer file updates the events instead of adding copies: the UID is
made of the document id, the action's id (else its data path) and the date, so it
stays the same from run to run and from year to year. Nothing depends on when the
file is written: DTSTAMP, which RFC 5545 requires, is the day the commitment's
information last changed (its latest progress entry, else the document's decision or
start), and SEQUENCE counts its progress entries, so a calendar sees an update as
newer. Same input and `--today`, same bytes.
"""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar, Event

from ... import version
from ..listing import Listing
from ..occasions import Occasion
from .json import order

SOURCES = {"item": "åtgärden själv", "area": "området", "document": "dokumentet"}


def render_ics(listing: Listing) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", f"-//samverkan//agreement {version()}//SV")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Uppföljningar")
    for occasion in sorted(listing.occasions, key=order):
        calendar.add_component(event(occasion, listing.window.today))
    return calendar.to_ical()


def uid(occasion: Occasion) -> str:
    """Stable across runs: document id, the commitment's id or data path, and the date."""
    return f"{occasion.document_id}/{occasion.key}/{occasion.date:%Y%m%d}@samverkan"


def event(occasion: Occasion, today: dt.date) -> Event:
    item = Event()
    item.add("uid", uid(occasion))
    item.add("dtstamp", dt.datetime.combine(occasion.revised, dt.time(0), tzinfo=dt.timezone.utc))
    item.add("sequence", occasion.entries)
    item.add("dtstart", occasion.date)
    item.add("dtend", occasion.date + dt.timedelta(days=1))
    item.add("summary", f"Uppföljning: {occasion.title} ({occasion.owner_name})")
    item.add("description", description(occasion, today))
    item.add("categories", ["Uppföljning"])
    item.add("transp", "TRANSPARENT")
    return item


def description(occasion: Occasion, today: dt.date) -> str:
    what = "Medborgarlöfte" if occasion.kind == "promise" else "Åtgärd"
    lines = [f"{what}: {occasion.title}", f"Ansvarig: {occasion.owner_name}",
             f"Dokument: {occasion.document_title} ({occasion.file})"]
    if occasion.area_title:
        lines.append(f"Område: {occasion.area_title}")
    lines.append(f"Uppföljningsdatum från {SOURCES[occasion.source]}.")
    state = occasion.state.swedish
    if occasion.report is not None:
        state += f" {occasion.report.date.isoformat()}"
    lines.append(f"Läge {today.isoformat()}: {state}")
    return "\n".join(lines)
