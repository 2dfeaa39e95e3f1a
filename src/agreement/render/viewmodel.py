"""The document as the templates see it: references resolved, labels chosen, dates written out.

Templates get prepared values, never the raw model: an owner is a name, not
`eslov/gtp`; a goal inherited from the focus area says so; a follow-up is
"Varje år" and a list of dates. Plain text stays `str` (the Jinja environment
escapes it when printed); Markdown fields become `Markup` blocks that are already
wrapped for the sanitising filter (see `escaping`). Everything is frozen data, so
a template can read it and do nothing else.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from ..model import Action, Area, Body, Document, Goal, Indicator, PartyActions, Promise, Signature, expand
from ..model.resolve import (CommitmentContext, Source, commitments, follow_up_dates, resolve_follow_up,
                             resolve_goal, resolve_owner)
from .escaping import markdown_block
from .wording import Wording


def _md(text: str | None) -> Markup | None:
    return markdown_block(text) if text else None


def anchor(*parts: str) -> Markup:
    """A stable, writer-safe identifier (`area-offentlig-miljo`) for headings and links.

    Letters lose their accents (å -> a) and anything else becomes a hyphen, so the
    identifier is the same in HTML ids, Word bookmarks and typst labels.
    """
    ascii_parts = (unicodedata.normalize("NFKD", part).encode("ascii", "ignore").decode().lower() for part in parts)
    slug = "-".join(filter(None, (re.sub(r"[^a-z0-9]+", "-", part).strip("-") for part in ascii_parts)))
    return Markup(slug or "section")


@dataclass(frozen=True)
class Fact:
    """A labelled value, as on the title page: Status – Antagen."""

    label: str
    value: str


@dataclass(frozen=True)
class PartyView:
    id: str
    name: str
    label: str
    type: str  # the label of its kind: Kommun, Polisen, ...
    kind: str  # municipality, police, ...
    units: tuple[str, ...]


@dataclass(frozen=True)
class IndicatorView:
    name: str
    description: Markup | None
    source: str | None
    baseline: str | None
    target: str | None


@dataclass(frozen=True)
class GoalView:
    kind: str
    text: str
    indicators: tuple[IndicatorView, ...]


@dataclass(frozen=True)
class ProgressView:
    date: str
    status: str | None
    rating: str | None
    note: Markup | None


@dataclass(frozen=True)
class CommitmentView:
    """An action or a citizen promise with what it inherits resolved.

    `*_source` says where a value came from: item, group, area or document (or
    None when it is missing), so a template can show "Se områdets mål".
    """

    id: str | None
    anchor: Markup
    title: str
    description: Markup | None
    goal: str
    goal_source: Source | None
    owners: str
    owner_source: Source | None
    partners: str
    status: str | None
    follow_up: str
    follow_up_dates: tuple[str, ...]
    follow_up_source: Source | None
    indicators: tuple[IndicatorView, ...]
    progress: tuple[ProgressView, ...]

    @property
    def has_details(self) -> bool:
        """Whether the action has more to say than its table row."""
        return bool(self.description or self.indicators or self.progress)


@dataclass(frozen=True)
class ActionTable:
    """The actions of an area, or of one party in it, with the columns worth showing."""

    heading: str | None
    anchor: Markup
    caption: str
    actions: tuple[CommitmentView, ...]
    show_goal: bool
    show_owner: bool
    show_partners: bool
    show_status: bool
    show_follow_up: bool

    @property
    def column_count(self) -> int:
        """How many columns the table has; with one (the action), a list says the same more simply."""
        return 1 + sum((self.show_goal, self.show_owner, self.show_partners, self.show_status, self.show_follow_up))


@dataclass(frozen=True)
class AreaView:
    id: str
    anchor: Markup
    title: str
    description: Markup | None
    target_group: str | None
    goals: tuple[GoalView, ...]
    indicators: tuple[IndicatorView, ...]
    follow_up: str | None
    tables: tuple[ActionTable, ...]

    @property
    def has_content(self) -> bool:
        """Whether the area has more than a title (an area with only a title is listed, not a section)."""
        return bool(self.description or self.target_group or self.goals or self.indicators or self.tables)

    @property
    def details(self) -> tuple[CommitmentView, ...]:
        """Actions that have a description, indicators or progress to show below the tables."""
        return tuple(action for table in self.tables for action in table.actions if action.has_details)


@dataclass(frozen=True)
class MemberView:
    role: str
    name: str
    party: str


@dataclass(frozen=True)
class BodyView:
    anchor: Markup
    name: str
    kind: str
    description: Markup | None
    members: tuple[MemberView, ...]
    meets: str | None

    @property
    def show_names(self) -> bool:
        return any(member.name for member in self.members)

    @property
    def show_parties(self) -> bool:
        return any(member.party for member in self.members)


@dataclass(frozen=True)
class StepView:
    title: str
    description: Markup | None


@dataclass(frozen=True)
class SectionView:
    anchor: Markup
    title: str
    text: Markup


@dataclass(frozen=True)
class FollowUpView:
    schedule: str | None
    dates: tuple[str, ...]
    reported_to: str | None
    responsible: str | None
    description: Markup | None


@dataclass(frozen=True)
class SignatureView:
    """A signature: signed (it has a date) it is printed as it stands; not yet signed (a
    draft being circulated) it gets lines to sign on, with the place and name filled in."""

    party: str
    name: str | None
    title: str | None
    place: str | None
    place_and_date: str | None
    signed: bool


@dataclass(frozen=True)
class ReferenceView:
    title: str
    url: str | None
    note: str | None


@dataclass(frozen=True)
class TermView:
    term: str
    definition: Markup


@dataclass(frozen=True)
class DocumentView:
    """Everything the templates print, in the order the skeleton prints it."""

    id: str
    kind: str
    kind_label: str
    language: str
    language_tag: str
    labels: dict[str, Any]
    title: str
    subtitle: str | None
    period: str
    date: dt.date
    facts: tuple[Fact, ...]
    keywords: tuple[str, ...]
    parties: tuple[PartyView, ...]
    background: Markup | None
    purpose: Markup | None
    sections: tuple[SectionView, ...]
    goals: tuple[GoalView, ...]
    indicators: tuple[IndicatorView, ...]
    organisation_description: Markup | None
    bodies: tuple[BodyView, ...]
    working_model_title: str | None
    working_model_description: Markup | None
    steps: tuple[StepView, ...]
    areas_heading: str
    areas: tuple[AreaView, ...]
    promises: tuple[CommitmentView, ...]
    follow_up: FollowUpView | None
    signatures: tuple[SignatureView, ...]
    references: tuple[ReferenceView, ...]
    glossary: tuple[TermView, ...]

    @property
    def logo_owner(self) -> str:
        """Whose logo a logo file is (its alternative text): the first municipality, else the first party."""
        municipality = [p.name for p in self.parties if p.kind == "municipality"]
        return (municipality or [p.name for p in self.parties] or [self.title])[0]

    @property
    def has_working_model(self) -> bool:
        return bool(self.steps or self.working_model_description)

    @property
    def has_organisation(self) -> bool:
        return bool(self.bodies or self.organisation_description)


class _Builder:
    """Turns one validated document into a DocumentView in one language."""

    def __init__(self, document: Document, wording: Wording) -> None:
        self.document, self.wording = document, wording
        self.anchors: set[str] = set()
        self.names: dict[str, str] = {}
        for party in document.parties:
            self.names[party.id] = party.label()
            for unit in party.units:
                self.names[f"{party.id}/{unit.id}"] = unit.name

    # -- small pieces ------------------------------------------------------------

    def anchor(self, *parts: str) -> Markup:
        """`anchor`, made unique within the document (ids need not be unique across areas)."""
        base = candidate = anchor(*parts)
        number = 2
        while candidate in self.anchors:
            candidate, number = Markup(f"{base}-{number}"), number + 1
        self.anchors.add(candidate)
        return candidate

    def label(self, group: str, key: str) -> str:
        return self.wording.label(group, key)

    def refs(self, refs: list[str]) -> str:
        return self.wording.join(self.names.get(ref, ref) for ref in refs)

    def indicator(self, indicator: Indicator) -> IndicatorView:
        return IndicatorView(indicator.name, _md(indicator.description), indicator.source,
                             indicator.baseline, indicator.target)

    def goal(self, goal: Goal) -> GoalView:
        return GoalView(self.label("goal_kind", goal.kind), goal.text,
                        tuple(self.indicator(i) for i in goal.indicators))

    # -- commitments ---------------------------------------------------------------

    def commitment(self, context: CommitmentContext) -> CommitmentView:
        item = context.item
        not_stated = self.label("text", "not_stated")
        owner = resolve_owner(context)
        goal = resolve_goal(self.document, context)
        follow = resolve_follow_up(self.document, context)
        dates = follow_up_dates(self.document, context)
        if goal is None:
            goal_text = not_stated
        elif goal.source == "area" and not item.goal_ref:
            goal_text = self.label("text", "see_area_goals")
        else:
            goal_text = self.wording.join(g.text for g in goal.value)
        title = item.title if isinstance(item, Action) else item.text  # type: ignore[union-attr]
        return CommitmentView(
            id=item.id,
            anchor=self.anchor("action", context.area.id if context.area else "promise",
                               item.id or str(context.path[-1])),
            title=title,
            description=_md(item.description) if isinstance(item, Action) else None,
            goal=goal_text,
            goal_source=goal.source if goal else None,
            owners=self.refs(owner.value) if owner else not_stated,
            owner_source=owner.source if owner else None,
            partners=self.refs(item.partners) if isinstance(item, Action) else "",
            status=self.label("action_status", item.status) if item.status else None,
            follow_up=(self.wording.schedule(follow.value) or not_stated) if follow else not_stated,
            follow_up_dates=tuple(self.wording.date(d) for d in dates.value) if dates else (),
            follow_up_source=follow.source if follow else None,
            indicators=tuple(self.indicator(i) for i in item.indicators) if isinstance(item, Action) else (),
            progress=tuple(ProgressView(self.wording.date(p.date),
                                        self.label("action_status", p.status) if p.status else None,
                                        self.label("rating", p.rating) if p.rating else None,
                                        _md(p.note)) for p in item.progress),
        )

    def table(self, area: Area, group: PartyActions | None, actions: list[CommitmentView]) -> ActionTable:
        heading = (group.title or self.names.get(group.party, group.party)) if group else None
        caption = f"{self.label('caption', 'actions')} – {heading or area.title}"
        return ActionTable(
            heading=heading,
            anchor=self.anchor("area", area.id, "actions", group.party if group else ""),
            caption=caption,
            actions=tuple(actions),
            show_goal=any(a.goal_source == "item" for a in actions) or not area.goals,
            show_owner=group is None or any(a.owner_source == "item" for a in actions),
            show_partners=any(a.partners for a in actions),
            show_status=any(a.status for a in actions),
            # The document's own schedule is stated under Follow-up; repeating it on every row says nothing.
            show_follow_up=any(a.follow_up_source != "document" for a in actions),
        )

    def area(self, area: Area, contexts: list[CommitmentContext]) -> AreaView:
        loose = [self.commitment(c) for c in contexts if c.group is None]
        tables = [self.table(area, None, loose)] if loose else []
        for group in area.by_party:
            mine = [self.commitment(c) for c in contexts if c.group is group]
            if mine:
                tables.append(self.table(area, group, mine))
        follow = self.wording.schedule(area.follow_up) if area.follow_up else None
        return AreaView(area.id, self.anchor("area", area.id), area.title, _md(area.description), area.target_group,
                        tuple(self.goal(g) for g in area.goals), tuple(self.indicator(i) for i in area.indicators),
                        follow, tuple(tables))

    # -- document parts --------------------------------------------------------------

    def facts(self) -> tuple[Fact, ...]:
        document, label = self.document, self.label
        facts = [Fact(label("field", "kind"), self.kind_label),
                 Fact(label("field", "period"), self.wording.period(document.period.start, document.period.end))]
        if document.status:
            facts.append(Fact(label("field", "status"), label("status", document.status)))
        decision = document.decision
        if decision and (decision.body or decision.date or decision.section):
            parts = [decision.body, self.wording.date(decision.date) if decision.date else None, decision.section]
            facts.append(Fact(label("field", "decision"), ", ".join(p for p in parts if p)))
        for party, number in document.registration.items():
            facts.append(Fact(f"{label('field', 'registration')}, {self.names.get(party, party)}", number))
        if document.document_owner:
            facts.append(Fact(label("field", "document_owner"), document.document_owner))
        if document.valid_until:
            facts.append(Fact(label("field", "valid_until"), self.wording.date(document.valid_until)))
        implements = getattr(document, "implements", None)
        if implements:
            facts.append(Fact(label("field", "implements"), implements))
        return tuple(facts)

    @property
    def kind_label(self) -> str:
        return self.label("kind", self.document.kind)  # type: ignore[attr-defined]

    def date(self) -> dt.date:
        """The date the document is known by: its decision, else its last signature, else its start."""
        document = self.document
        if document.decision and document.decision.date:
            return document.decision.date
        signed = [s.date for s in document.signatures if s.date]
        return max(signed) if signed else document.period.start

    def body(self, body: Body) -> BodyView:
        members = []
        for member in body.members:
            flags = [self.label("text", "convener")] * member.convener
            flags += [self.label("text", "adjunct")] * member.adjunct
            role = member.role or ""
            if flags:
                role = f"{role} ({', '.join(flags)})" if role else ", ".join(flags)
            members.append(MemberView(role, member.name or "", self.names.get(member.party, member.party or "")
                                      if member.party else ""))
        return BodyView(self.anchor("body", body.id or body.name), body.name, self.label("body_kind", body.kind),
                        _md(body.description), tuple(members), body.meets)

    def follow_up(self) -> FollowUpView | None:
        follow = self.document.follow_up
        if follow is None:
            return None
        period = self.document.period
        dates = tuple(self.wording.date(d) for d in expand(follow, period.start, period.end))
        return FollowUpView(self.wording.schedule(follow), dates, follow.reported_to, follow.responsible,
                            _md(follow.description))

    def signature(self, signature: Signature) -> SignatureView:
        date = self.wording.date(signature.date) if signature.date else None
        place_date = ", ".join(part for part in (signature.place, date) if part)
        return SignatureView(self.names.get(signature.party, signature.party), signature.name, signature.title,
                             signature.place, place_date or None, signed=signature.date is not None)

    def build(self, language: str) -> DocumentView:
        document, wording = self.document, self.wording
        contexts = [c for c in commitments(document) if c.area is not None]
        areas = tuple(self.area(area, [c for c in contexts if c.area is area])
                      for area in document.areas)  # type: ignore[attr-defined]
        promises = tuple(self.commitment(c) for c in commitments(document) if isinstance(c.item, Promise))
        organisation = document.organisation
        working = document.working_model
        kind = document.kind  # type: ignore[attr-defined]
        return DocumentView(
            id=document.id, kind=kind, kind_label=self.kind_label, language=language,
            language_tag=wording.language_tag, labels=wording.labels,
            title=document.title, subtitle=document.subtitle,
            period=wording.period(document.period.start, document.period.end), date=self.date(),
            facts=self.facts(),
            keywords=tuple(document.registration.values()) + (self.kind_label,),
            parties=tuple(PartyView(p.id, p.name, p.label(), self.label("party_type", p.type), p.type,
                                    tuple(u.name for u in p.units)) for p in document.parties),
            background=_md(document.background), purpose=_md(document.purpose),
            sections=tuple(SectionView(self.anchor("section", s.id or s.title), s.title, markdown_block(s.text))
                           for s in document.sections),
            goals=tuple(self.goal(g) for g in document.goals),
            indicators=tuple(self.indicator(i) for i in document.indicators),
            organisation_description=_md(organisation.description) if organisation else None,
            bodies=tuple(self.body(b) for b in organisation.bodies) if organisation else (),
            working_model_title=working.title if working else None,
            working_model_description=_md(working.description) if working else None,
            steps=tuple(StepView(s.title, _md(s.description)) for s in working.steps) if working else (),
            areas_heading=self.label("heading", "focus_areas" if kind == "agreement" else "plan_areas"),
            areas=areas, promises=promises, follow_up=self.follow_up(),
            signatures=tuple(self.signature(s) for s in document.signatures),
            references=tuple(ReferenceView(r.title, r.url, r.note) for r in document.references),
            glossary=tuple(TermView(t.term, markdown_block(t.definition)) for t in document.glossary),
        )


def build_view(document: Document, wording: Wording, language: str) -> DocumentView:
    """The view model of `document` with the labels and date formats of `wording`."""
    return _Builder(document, wording).build(language)
