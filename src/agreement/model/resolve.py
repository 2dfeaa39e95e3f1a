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

from ..diagnostics import YamlPath
from ..diagnostics import did_you_mean as closest
from .actions import Action, Commitment, Promise
from .document import ActionGroup, Area, Document, PartyActions
from .follow_up import FollowUp, expand
from .goals import Goal
from .outline import PARTS

T = TypeVar("T")
Source = Literal["item", "group", "area", "document"]


@dataclass(frozen=True)
class Problem:
    """A consistency problem at `path`; `on_key` points at the key rather than the value."""

    path: YamlPath
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
    path: YamlPath
    area: Area | None = None
    area_path: YamlPath | None = None
    group: PartyActions | ActionGroup | None = None

    @property
    def is_promise(self) -> bool:
        return isinstance(self.item, Promise)


def commitments(document: Document) -> Iterator[CommitmentContext]:
    """Every action (in area order, then its groups) and every citizen promise."""
    for area, area_path in document.area_places():
        for i, action in enumerate(area.actions):
            yield CommitmentContext(action, area_path + ("actions", i), area, area_path)
        for key, g, group in area.groups():
            for i, action in enumerate(group.actions):
                yield CommitmentContext(action, area_path + (key, g, "actions", i), area, area_path, group)
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
    ref: str, refs: set[str], path: YamlPath, what: str, parties_only: bool = False, on_key: bool = False
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
        for body, body_path in document.organisation.all_bodies():
            for m, member in enumerate(body.members):
                if member.party:
                    path = ("organisation",) + body_path + ("members", m, "party")
                    problems.append(_reference_problem(member.party, refs, path, "member party"))
        for r, role in enumerate(document.organisation.roles):
            if role.party:
                problems.append(_reference_problem(role.party, refs, ("organisation", "roles", r, "party"), "role party"))
    for area, area_path in document.area_places():
        for key, g, group in area.groups():
            if group.party:
                problems.append(_reference_problem(group.party, refs, area_path + (key, g, "party"), "party"))
    document_goals = _goal_ids(document.goals)
    for context in commitments(document):
        problems.extend(_commitment_references(context, refs, document_goals))
    return [p for p in problems if p is not None] + check_outline(document)


def part_keys(document: Document) -> list[str]:
    """The parts this kind of document has, in the model's order."""
    return [key for key in PARTS if key in type(document).model_fields]


def check_outline(document: Document) -> list[Problem]:
    """An outline entry must name a part the document has, or a free section's id, once."""
    if document.outline is None:
        return []
    sections = {section.id for section, _ in document.all_sections() if section.id}
    top_sections = {section.id for section in document.sections if section.id}
    parts = set(part_keys(document)) - {"sections", "focus_area_groups"}
    problems, seen = [], set()
    for e, entry in enumerate(document.outline):
        path: YamlPath = ("outline", e)
        name = entry.part
        if name in seen:
            problems.append(Problem(path, "R305", f"the outline names {name!r} twice", "list each part once"))
        elif name in parts:
            if not document.has_part(name):
                problems.append(Problem(path, "R305", f"the outline names {name!r}, which this document does not have",
                                        f"write `{name}:` in the document, or remove it from the outline"))
        elif name in sections and name not in top_sections:
            problems.append(Problem(path, "R305", f"section {name!r} is a sub-section; the outline places "
                                    "top-level sections", "its parent section brings it along"))
        elif name not in top_sections:
            hint = _swedish_part(document, name, parts) or did_you_mean(name, parts | top_sections) or (
                "parts: " + ", ".join(sorted(parts)) + (("; sections: " + ", ".join(sorted(top_sections)))
                                                        if top_sections else ""))
            problems.append(Problem(path, "R305", f"the outline names {name!r}, which is no part or section id", hint))
        seen.add(name)
    return problems


def _swedish_part(document: Document, name: str, parts: set[str]) -> str | None:
    """The part a Swedish word names (`bakgrund` for `background`), from the terms the model states."""
    from ..terms import part_hint  # only for a wrong outline entry

    return part_hint(type(document), name, parts)


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
    if period is None:
        return []
    if period.end < period.start:
        return [
            Problem(
                ("period", "end"),
                "R303",
                f"period ends {period.end.isoformat()}, before it starts {period.start.isoformat()}",
            )
        ]
    problems = []
    places: list[tuple[YamlPath, FollowUp | None]] = [(("follow_up",), document.follow_up)]
    for area, area_path in document.area_places():
        places.append((area_path + ("follow_up",), area.follow_up))
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
    """The item's owners, else its group's party; None when nobody owns it."""
    if context.item.owners:
        return Resolved(context.item.owners, "item")
    if context.group is not None and context.group.party:
        return Resolved([context.group.party], "group")
    return None


def resolve_goal(document: Document, context: CommitmentContext) -> Resolved[list[Goal]] | None:
    """The goals the item serves: its own, the one it names, else its area's goals."""
    item = context.item
    if item.goal:
        return Resolved([Goal(text=item.goal)], "item")
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
    """The concrete follow-up dates of an item within the period, with their source. Without a
    period, a schedule gives no dates: only dates written out count."""
    resolved = resolve_follow_up(document, context)
    if resolved is None:
        return None
    period = document.period
    if period is None:
        return Resolved(sorted(resolved.value.dates or []), resolved.source)
    return Resolved(expand(resolved.value, period.start, period.end), resolved.source)
