"""References and inheritance, resolved once for every tool that needs them.

- `check_references` and `check_dates` report what the schema alone cannot: owners
  that name no party, goal references that name no goal, follow-up dates outside
  the period. Problems carry the path of the offending value; validation turns
  them into positioned diagnostics.
- `commitments` walks every action and promise with its context (area, party group).
- `resolve_owner`, `resolve_goal` and `resolve_follow_up` apply the inheritance rules
  of the document model and say where the value came from, so lint can report what
  is missing and the rendered documents can show what applies.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Generic, Iterator, Literal, TypeVar

from ..diagnostics import Path
from ..diagnostics import did_you_mean as closest
from .actions import Action, Commitment, Promise
from .document import Area, Document, PartyActions
from .follow_up import FollowUp, expand
from .goals import Goal

T = TypeVar("T")
Source = Literal["item", "group", "area", "document"]


@dataclass(frozen=True)
class Problem:
    """A consistency problem at `path`; `on_key` points at the key rather than the value."""

    path: Path
    code: str
    message: str
    hint: str | None = None
    on_key: bool = False


@dataclass(frozen=True)
class Resolved(Generic[T]):
    """A value after inheritance, and where it was found."""

    value: T
    source: Source


@dataclass(frozen=True)
class CommitmentContext:
    """An action or promise with everything needed to resolve what it inherits."""

    item: Commitment
    path: Path
    area: Area | None = None
    area_path: Path | None = None
    group: PartyActions | None = None

    @property
    def is_promise(self) -> bool:
        return isinstance(self.item, Promise)


def area_key(document: Document) -> str:
    """The YAML key under which the document's areas are written."""
    return "focus_areas" if document.kind == "agreement" else "areas"  # type: ignore[attr-defined]


def commitments(document: Document) -> Iterator[CommitmentContext]:
    """Every action (in area order, then party groups) and every citizen promise."""
    key = area_key(document)
    for a, area in enumerate(document.areas):  # type: ignore[attr-defined]
        area_path: Path = (key, a)
        for i, action in enumerate(area.actions):
            yield CommitmentContext(action, area_path + ("actions", i), area, area_path)
        for g, group in enumerate(area.by_party):
            for i, action in enumerate(group.actions):
                yield CommitmentContext(action, area_path + ("by_party", g, "actions", i), area, area_path, group)
    for p, promise in enumerate(document.promises):
        yield CommitmentContext(promise, ("promises", p))


# -- references -----------------------------------------------------------------


def party_refs(document: Document) -> set[str]:
    """Every valid reference: party ids and `party/unit` pairs."""
    refs = set()
    for party in document.parties:
        refs.add(party.id)
        refs.update(f"{party.id}/{unit.id}" for unit in party.units)
    return refs


def did_you_mean(wrong: str, candidates: set[str] | list[str]) -> str | None:
    """`diagnostics.did_you_mean` for ids and references: they are short, so one wrong
    letter weighs more and a looser match is still the one meant."""
    return closest(wrong, candidates, cutoff=0.5)


def _reference_problem(
    ref: str, refs: set[str], path: Path, what: str, parties_only: bool = False, on_key: bool = False
) -> Problem | None:
    if ref in refs and not (parties_only and "/" in ref):
        return None
    candidates = {r for r in refs if "/" not in r} if parties_only else refs
    party, _, unit = ref.partition("/")
    if unit and party in refs:
        message = f"{what} {ref!r}: party {party!r} has no unit {unit!r}"
    elif parties_only and "/" in ref:
        message = f"{what} {ref!r} must name a party, not a unit"
    else:
        message = f"{what} {ref!r} is not a declared party" + (" or unit" if not parties_only else "")
    hint = did_you_mean(ref, candidates)
    if hint is None:
        hint = "declared: " + ", ".join(sorted(candidates)) if candidates else None
    return Problem(path, "R301", message, hint, on_key)


def _goal_ids(goals: list[Goal]) -> set[str]:
    return {goal.id for goal in goals if goal.id}


def check_references(document: Document) -> list[Problem]:
    """Every reference that does not resolve, with a suggestion where one is close."""
    refs = party_refs(document)
    problems: list[Problem | None] = []
    for key in document.registration:
        problems.append(
            _reference_problem(key, refs, ("registration", key), "registration key", parties_only=True, on_key=True)
        )
    for s, signature in enumerate(document.signatures):
        problems.append(_reference_problem(signature.party, refs, ("signatures", s, "party"), "signature party"))
    if document.organisation:
        for b, body in enumerate(document.organisation.bodies):
            for m, member in enumerate(body.members):
                if member.party:
                    path = ("organisation", "bodies", b, "members", m, "party")
                    problems.append(_reference_problem(member.party, refs, path, "member party"))
    key = area_key(document)
    for a, area in enumerate(document.areas):  # type: ignore[attr-defined]
        for g, group in enumerate(area.by_party):
            problems.append(_reference_problem(group.party, refs, (key, a, "by_party", g, "party"), "party"))
    document_goals = _goal_ids(document.goals)
    for context in commitments(document):
        problems.extend(_commitment_references(context, refs, document_goals))
    return [p for p in problems if p is not None]


def _commitment_references(
    context: CommitmentContext, refs: set[str], document_goals: set[str]
) -> list[Problem | None]:
    item, path = context.item, context.path
    found: list[Problem | None] = []
    for o, owner in enumerate(item.owners):
        found.append(_reference_problem(owner, refs, path + ("owner", o), "owner"))
    if isinstance(item, Action):
        for p, partner in enumerate(item.partners):
            found.append(_reference_problem(partner, refs, path + ("partners", p), "partner"))
    if item.goal_ref:
        goals = document_goals | (_goal_ids(context.area.goals) if context.area else set())
        if item.goal_ref not in goals:
            hint = did_you_mean(item.goal_ref, goals) or (
                "goals with an id: " + ", ".join(sorted(goals))
                if goals
                else "give the goal an `id` on its area or the document"
            )
            found.append(Problem(path + ("goal_ref",), "R302", f"goal_ref {item.goal_ref!r} names no goal", hint))
    return found


# -- dates ----------------------------------------------------------------------


def check_dates(document: Document) -> list[Problem]:
    """A period that ends before it starts, and follow-up dates written outside the period."""
    period = document.period
    if period.end < period.start:
        return [
            Problem(
                ("period", "end"),
                "R303",
                f"period ends {period.end.isoformat()}, before it starts {period.start.isoformat()}",
            )
        ]
    problems = []
    places: list[tuple[Path, FollowUp | None]] = [(("follow_up",), document.follow_up)]
    key = area_key(document)
    for a, area in enumerate(document.areas):  # type: ignore[attr-defined]
        places.append(((key, a, "follow_up"), area.follow_up))
    places.extend((context.path + ("follow_up",), context.item.follow_up) for context in commitments(document))
    for path, follow_up in places:
        if follow_up is None or follow_up.dates is None:
            continue
        for d, date in enumerate(follow_up.dates):
            if not period.start <= date <= period.end:
                problems.append(
                    Problem(
                        path + ("dates", d),
                        "R304",
                        f"follow-up date {date.isoformat()} is outside the period "
                        f"{period.start.isoformat()} – {period.end.isoformat()}",
                        "move the date into the period, or extend the period",
                    )
                )
    return problems


# -- inheritance ----------------------------------------------------------------


def resolve_owner(context: CommitmentContext) -> Resolved[list[str]] | None:
    """The item's owners, else its party group's party; None when nobody owns it."""
    if context.item.owners:
        return Resolved(context.item.owners, "item")
    if context.group is not None:
        return Resolved([context.group.party], "group")
    return None


def resolve_goal(document: Document, context: CommitmentContext) -> Resolved[list[Goal]] | None:
    """The goals the item serves: its own, the one it names, else its area's goals."""
    item = context.item
    if item.goal:
        return Resolved([Goal(kind="effect", text=item.goal)], "item")
    if item.goal_ref:
        pool = list(context.area.goals if context.area else []) + list(document.goals)
        named = [goal for goal in pool if goal.id == item.goal_ref]
        return Resolved(named[:1], "item") if named else None
    if context.area is not None and context.area.goals:
        return Resolved(list(context.area.goals), "area")
    return None


def resolve_follow_up(document: Document, context: CommitmentContext) -> Resolved[FollowUp] | None:
    """The follow-up that applies: the item's, else its area's, else the document's schedule."""
    candidates: list[tuple[FollowUp | None, Source]] = [(context.item.follow_up, "item")]
    if context.area is not None:
        candidates.append((context.area.follow_up, "area"))
    candidates.append((document.follow_up, "document"))
    for follow_up, source in candidates:
        if follow_up is not None and follow_up.has_schedule:
            return Resolved(follow_up, source)
    return None


def follow_up_dates(document: Document, context: CommitmentContext) -> Resolved[list[dt.date]] | None:
    """The concrete follow-up dates of an item within the period, with their source."""
    resolved = resolve_follow_up(document, context)
    if resolved is None:
        return None
    return Resolved(expand(resolved.value, document.period.start, document.period.end), resolved.source)
