"""What a follow-up report says, as data: every commitment's standing, log and overdue follow-ups,
every measured indicator, and what was added since the previous report, all as of one day.

Nothing dated after `as_of` counts: a report for a fixed `--as-of` is the same whenever it is
built, and a later entry in the follow-up file does not change an earlier report.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Sequence

from ..followups.logs import indicators_of, progress_by_id, progress_of
from ..followups.occasions import State, Window, dates_of, state_of
from ..model import Document, FollowUpLog, Indicator, Measurement, ProgressEntry
from ..model.resolve import CommitmentContext, commitments, resolve_owner
from .standing import Standing, current_rating, current_status, standing_of


class ReportUsageError(ValueError):
    """A report asked for in a way that cannot be: `--since` after `--as-of`."""


@dataclass(frozen=True)
class ReportRequest:
    """Which report: the day it is as of, and the day the "changed since" list starts after
    (None: the previous follow-up occasion of the document before `as_of`)."""

    as_of: dt.date
    since: dt.date | None = None

    def __post_init__(self) -> None:
        if self.since is not None and self.since >= self.as_of:
            raise ReportUsageError(f"--since {self.since.isoformat()} is not before --as-of {self.as_of.isoformat()}")


@dataclass(frozen=True)
class ItemReport:
    """One action or citizen promise on the report's day."""

    context: CommitmentContext
    entries: tuple[ProgressEntry, ...]
    """Its progress entries dated on or before the report's day, oldest first."""
    standing: Standing
    status: str | None
    rating: str | None
    overdue: tuple[dt.date, ...]
    """Follow-up dates passed before the report's day with no entry on or after them."""
    owners: tuple[str, ...]
    """Its owners as references (`ljusdal/omsorg`), inherited ones included."""


@dataclass(frozen=True)
class IndicatorReport:
    """An indicator with the values measured up to the report's day, oldest first."""

    indicator: Indicator
    measurements: tuple[Measurement, ...]


@dataclass(frozen=True)
class FollowUpReport:
    """Everything a report prints, before wording and layout."""

    as_of: dt.date
    since: dt.date | None
    """The "changed since" window is (since, as_of]; None: from the start."""
    items: tuple[ItemReport, ...]
    indicators: tuple[IndicatorReport, ...]
    """Indicators with at least one measurement up to the report's day."""
    new_progress: tuple[tuple[ItemReport, ProgressEntry], ...]
    new_measurements: tuple[tuple[IndicatorReport, Measurement], ...]

    def count(self, standing: Standing) -> int:
        return sum(1 for item in self.items if item.standing is standing)

    @property
    def reported(self) -> bool:
        """Whether anything at all was reported by the report's day."""
        return any(item.entries for item in self.items) or bool(self.indicators)


def follow_up_report(document: Document, logs: Sequence[FollowUpLog], request: ReportRequest) -> FollowUpReport:
    """The report of `document` with the progress and measurements of its follow-up files `logs`."""
    logged = progress_by_id(list(logs))
    items = tuple(_item(document, context, logged, request.as_of) for context in commitments(document))
    indicators = tuple(found for found in (_indicator(indicator, logs, request.as_of)
                                           for indicator in indicators_of(document)) if found.measurements)
    since = request.since if request.since is not None else previous_occasion(document, request.as_of)
    return FollowUpReport(
        request.as_of, since, items, indicators,
        new_progress=tuple((item, entry) for item in items for entry in item.entries if _after(entry.date, since)),
        new_measurements=tuple((found, value) for found in indicators for value in found.measurements
                               if _after(value.when, since)),
    )


def _after(day: dt.date, since: dt.date | None) -> bool:
    return since is None or day > since


def _item(document: Document, context: CommitmentContext, logged: dict[str, list[ProgressEntry]],
          as_of: dt.date) -> ItemReport:
    entries = tuple(entry for entry in progress_of(context, logged) if entry.date <= as_of)
    stated = context.item.status
    owner = resolve_owner(context)
    return ItemReport(context, entries, standing_of(entries, stated), current_status(entries, stated),
                      current_rating(entries), overdue_dates(document, context, list(entries), as_of),
                      tuple(owner.value) if owner else ())


def overdue_dates(document: Document, context: CommitmentContext, entries: list[ProgressEntry],
                  as_of: dt.date) -> tuple[dt.date, ...]:
    """The follow-up dates of an item that are overdue on `as_of`, by the rule of `agreement followups`
    (and lint's L201); none once the item is done or cancelled."""
    if current_status(entries, context.item.status) in ("done", "cancelled"):
        return ()
    window = Window(as_of)
    return tuple(day for day in follow_up_days(document, context) if state_of(day, entries, window) is State.OVERDUE)


def _indicator(indicator: Indicator, logs: Sequence[FollowUpLog], as_of: dt.date) -> IndicatorReport:
    values = list(indicator.measurements)
    if indicator.id:
        for log in logs:
            values.extend(log.measurements.get(indicator.id, []))
    kept = sorted((value for value in values if value.when <= as_of), key=lambda value: value.when)
    return IndicatorReport(indicator, tuple(kept))


def previous_occasion(document: Document, as_of: dt.date) -> dt.date | None:
    """The last follow-up date of any of the document's commitments before `as_of`: the day the
    previous report was due, so the default start of the "changed since" list."""
    days = {day for context in commitments(document) for day in follow_up_days(document, context) if day < as_of}
    return max(days) if days else None


def follow_up_days(document: Document, context: CommitmentContext) -> list[dt.date]:
    """The follow-up dates of one commitment; none when it has no follow-up."""
    resolved = dates_of(document, context)
    return sorted(set(resolved.value)) if resolved is not None else []
