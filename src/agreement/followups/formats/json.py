"""JSON: every occasion with stable keys, for scripts and dashboards.

The top level carries `version` (1); keys are only ever added within a version, so a
script written against version 1 keeps working.
"""

from __future__ import annotations

import json
from typing import Any

from ..listing import Listing
from ..occasions import Occasion, Report, State

VERSION = 1


def render_json(listing: Listing) -> str:
    window = listing.window
    head = {
        "version": VERSION,
        "today": window.today.isoformat(),
        "within_days": window.within,
        "counts": {state.value: listing.count(state) for state in State},
    }
    # One occasion a line: readable and diffable, and written by json's C encoder (an indented
    # dump goes through the pure-Python one, several times slower on a large listing).
    rows = [json.dumps(occasion_data(occasion), ensure_ascii=False) for occasion in sorted(listing.occasions, key=order)]
    body = json.dumps(head, ensure_ascii=False)[:-1]
    return body + ', "occasions": [\n' + ",\n".join(rows) + ("\n" if rows else "") + "]}\n"


def order(occasion: Occasion) -> tuple[Any, ...]:
    """Date first, then document and document order: what a calendar or a script expects."""
    return (occasion.date, occasion.file, occasion.path)


def occasion_data(occasion: Occasion) -> dict[str, Any]:
    return {
        "date": occasion.date.isoformat(),
        "state": occasion.state.value,
        "document": {"file": occasion.file, "id": occasion.document_id, "title": occasion.document_title},
        "area": {"id": occasion.area_id, "title": occasion.area_title} if occasion.area_id else None,
        "kind": occasion.kind,
        "id": occasion.commitment_id,
        "key": occasion.key,
        "title": occasion.title,
        "owners": [{"ref": owner.ref, "name": owner.name} for owner in occasion.owners],
        "follow_up_from": occasion.source,
        "report": report_data(occasion.report),
    }


def report_data(report: Report | None) -> dict[str, Any] | None:
    if report is None:
        return None
    return {"date": report.date.isoformat(), "status": report.status, "rating": report.rating,
            "note": report.note, "reported_by": report.reported_by}
