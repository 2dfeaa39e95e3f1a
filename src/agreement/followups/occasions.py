"""Follow-up occasions: when each action and citizen promise of a document in force is followed up,
by whom, and whether that has been reported.

The dates are the model's own (`agreement.model.resolve.follow_up_dates`: the item's
follow-up, else its area's, else the document's schedule). An occasion's state on a
given day (`today`):

- **reported**: a progress entry is dated on or after it (in the document or in a
  follow-up file beside it), the rule lint's L201 applies too;
- **overdue**: it has passed (before `today`) with no progress entry since;
- **due**: not reported, from `today` to `within` days after it;
- **later**: not reported, further ahead.

An action or promise that is done or cancelled (its status, or a progress entry's)
keeps only its reported occasions: nobody follows up what is finished.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum
from typing import Iterator

from ..model import Document, ProgressEntry
from ..model.resolve import CommitmentContext, Resolved, commitments, follow_up_dates, resolve_follow_up, resolve_owner
from .logs import data_path_text, progress_of

FINISHED = frozenset({"done", "cancelled"})
NOT_ADOPTED = frozenset({"draft", "consultation"})


class State(str, Enum):
    """Where an occasion stands on the day asked about; the order is the order of urgency."""

    OVERDUE = "overdue"
    DUE = "due"
    LATER = "later"
    REPORTED = "reported"

    @property
    def rank(self) -> int:
        return list(State).index(self)

    @property
    def swedish(self) -> str:
        """The state as the calendar and the spreadsheet name it."""
        return {"overdue": "försenad", "due": "snart", "later": "senare", "reported": "rapporterad"}[self.value]


@dataclass(frozen=True, slots=True)
class Owner:
    """An owner as a reference (`ljusdal/omsorg`) and as the names a reader knows."""

    ref: str
    name: str


@dataclass(frozen=True, slots=True)
class Report:
    """The progress entry that reports an occasion: the first dated on or after it and before the next."""

    date: dt.date
    status: str | None
    rating: str | None
    note: str | None
    reported_by: str | None

    @classmethod
    def of(cls, entry: ProgressEntry) -> "Report":
        return cls(entry.date, entry.status, entry.rating, entry.note, entry.reported_by)


@dataclass(frozen=True, slots=True)
class Occasion:
    """One follow-up of one action or promise, with everything a listing, calendar or sheet shows."""

    date: dt.date
    state: State
    file: str
    document_id: str
    document_title: str
    period: tuple[dt.date, dt.date] | None
    area_id: str | None
    area_title: str | None
    kind: str
    """`action` or `promise`."""
    commitment_id: str | None
    path: str
    """The commitment's data path (`areas.0.by_party.1.actions.2`): its key when it has no id."""
    title: str
    owners: tuple[Owner, ...]
    source: str
    """Where the follow-up was found: `item`, `area` or `document`."""
    report: Report | None
    entries: int
    """How many progress entries the commitment has in all."""
    revised: dt.date
    """When what is known about the commitment last changed: its latest entry, else the document's date."""

    @property
    def key(self) -> str:
        """The commitment's id, else its data path: what identifies it within its document."""
        return self.commitment_id or self.path

    @property
    def owner_name(self) -> str:
        """The owners' names as one label; joint owners joined by "och"."""
        return " och ".join(owner.name for owner in self.owners) or "(ingen ansvarig)"


@dataclass(frozen=True)
class Window:
    """Which occasions to list: the day that decides the state, how far ahead counts as due,
    and the filters of the command line."""

    today: dt.date
    within: int = 30
    start: dt.date | None = None
    end: dt.date | None = None
    owner: str | None = None
    overdue_only: bool = False
    drafts: bool = False

    def keeps(self, occasion: Occasion) -> bool:
        if self.start is not None and occasion.date < self.start:
            return False
        if self.end is not None and occasion.date > self.end:
            return False
        if self.overdue_only and occasion.state is not State.OVERDUE:
            return False
        return self.owner is None or any(owned_by(owner, self.owner) for owner in occasion.owners)


def owned_by(owner: Owner, wanted: str) -> bool:
    """`--owner`: a reference (`polisen`, `ljusdal/omsorg`; a party also matches its units), or
    part of the owner's name, in any case."""
    if owner.ref == wanted or owner.ref.startswith(wanted + "/"):
        return True
    return wanted.casefold() in owner.name.casefold()


def in_force(document: Document, today: dt.date, drafts: bool = False) -> bool:
    """Whether the document's commitments are being followed up on `today`: its period (and
    `valid_until`) covers the day, and it is not repealed. Drafts and documents out for
    consultation promise nothing yet, so they count only with `drafts`."""
    if document.status == "repealed" or (document.status in NOT_ADOPTED and not drafts):
        return False
    period = getattr(document, "period", None)
    if period is not None and not period.start <= today <= period.end:
        return False
    return document.valid_until is None or today <= document.valid_until


def occasions(document: Document, file: str, window: Window,
              logged: dict[str, list[ProgressEntry]] | None = None) -> list[Occasion]:
    """Every occasion of a document in force that `window` keeps, in document order then by date;
    none when the document is not in force. `logged`: progress from follow-up files, by id."""
    if not in_force(document, window.today, window.drafts):
        return []
    names = owner_names(document)
    found = []
    for context in commitments(document):
        for occasion in _occasions_of(document, file, context, window, names, logged or {}):
            if window.keeps(occasion):
                found.append(occasion)
    return found


def _occasions_of(document: Document, file: str, context: CommitmentContext, window: Window,
                  names: dict[str, str], logged: dict[str, list[ProgressEntry]]) -> Iterator[Occasion]:
    resolved = dates_of(document, context)
    if resolved is None or not resolved.value:
        return
    entries = progress_of(context, logged)
    finished = context.item.status in FINISHED or any(entry.status in FINISHED for entry in entries)
    owner = resolve_owner(context)
    owners = tuple(Owner(ref, names.get(ref, ref)) for ref in (owner.value if owner else []))
    area = context.area
    period = getattr(document, "period", None)
    dates = sorted(set(resolved.value))
    for number, date in enumerate(dates):
        following = dates[number + 1] if number + 1 < len(dates) else None
        state = state_of(date, entries, window)
        if finished and state is not State.REPORTED:
            continue
        yield Occasion(
            date=date, state=state, file=file, document_id=document.id, document_title=document.title,
            period=(period.start, period.end) if period is not None else None,
            area_id=area.id if area else None, area_title=area.title if area else None,
            kind="promise" if context.is_promise else "action", commitment_id=context.item.id,
            path=data_path_text(context.path), title=_title(context), owners=owners, source=resolved.source,
            report=_report(date, following, entries), entries=len(entries),
            revised=entries[-1].date if entries else document_date(document),
        )


def dates_of(document: Document, context: CommitmentContext) -> Resolved[list[dt.date]] | None:
    """The commitment's follow-up dates; for a document without a period, only dates written out
    count (a schedule has no period to unfold in)."""
    if getattr(document, "period", None) is not None:
        return follow_up_dates(document, context)
    resolved = resolve_follow_up(document, context)
    if resolved is None:
        return None
    return Resolved(sorted(resolved.value.dates or []), resolved.source)


def state_of(date: dt.date, entries: list[ProgressEntry], window: Window) -> State:
    """The state of the occasion on `date` given the commitment's progress entries."""
    if any(entry.date >= date for entry in entries):
        return State.REPORTED
    if date < window.today:
        return State.OVERDUE
    if (date - window.today).days <= window.within:
        return State.DUE
    return State.LATER


def _report(date: dt.date, following: dt.date | None, entries: list[ProgressEntry]) -> Report | None:
    for entry in entries:
        if entry.date >= date and (following is None or entry.date < following):
            return Report.of(entry)
    return None


def _title(context: CommitmentContext) -> str:
    item = context.item
    return " ".join(str(getattr(item, "title", None) or getattr(item, "text", "")).split())


def owner_names(document: Document) -> dict[str, str]:
    """Every party and unit reference of the document with its name: `party / unit` for units."""
    names = {}
    for party in document.parties:
        names[party.id] = party.name
        for unit in party.units:
            names[f"{party.id}/{unit.id}"] = f"{party.name} / {unit.name}"
    return names


def document_date(document: Document) -> dt.date:
    """The date the document itself was last settled: its decision, else its last signature, else its start."""
    if document.decision is not None and document.decision.date is not None:
        return document.decision.date
    signed = [signature.date for signature in document.signatures if signature.date is not None]
    if signed:
        return max(signed)
    period = getattr(document, "period", None)
    return period.start if period is not None else dt.date(1970, 1, 1)
