"""The document as the templates see it: its parts in the author's order, names resolved, labels chosen.

A built document prints what the YAML says, in the order and under the headings the
author gave, and nothing else. So the view model carries:

- the parts to print (`DocumentView.parts`), in the order of the document's
  `outline:`, or else in the order its keys are written, each with its heading (the
  author's, or the part's usual one, or none);
- values as written: an owner is a name, not `eslov/gtp`; a follow-up is the agreed
  rhythm ("Årligen", "april, augusti och december") or the dates written out, never
  dates computed from a schedule; a goal carries the label its author gave, if any;
  a value the document does not state is absent, never a placeholder;
- labels in the document's own words where it gives them (`labels:`), else in the
  language's.

Plain text stays `str` (the Jinja environment escapes it when printed); Markdown
fields become `Markup` blocks already wrapped for the sanitising filter (see
`escaping`). Everything is frozen data, so a template can read it and do nothing else.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass, replace
from typing import Any, Literal

from markupsafe import Markup

from ..model import (Action, ActionGroup, Area, Body, Document, FocusAreaGroup, Goal, Indicator, PartyActions, Promise,
                     Role, Section, Signature, Step)
from ..model.outline import PARTS
from ..model.resolve import CommitmentContext, commitments, resolve_owner
from .escaping import markdown_block
from .wording import Wording

Layout = Literal["sections", "table", "list"]


def _md(text: str | None) -> Markup | None:
    return markdown_block(text) if text else None


def keep_anchor(of: str, prefix: str = "keep-") -> Markup:
    """The identifier of a block kept on one page in every paged format (`keep-` and a hash of
    the anchor of what it holds), or, with the prefix `notes-`, of an area's notes, kept with
    the text before them: Word bookmarks are at most 40 characters, and pandoc renames a
    longer one, so a prefix and a long anchor would lose the mark that docx.py looks for."""
    return Markup(prefix + hashlib.sha1(str(of).encode("utf-8")).hexdigest()[:12])


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
    kind: str  # municipality, police, ...


@dataclass(frozen=True)
class IndicatorView:
    name: str
    description: Markup | None
    facts: tuple[Fact, ...]  # source, baseline, target: those the document states


@dataclass(frozen=True)
class GoalView:
    text: str
    indicators: tuple[IndicatorView, ...]


@dataclass(frozen=True)
class GoalGroup:
    """Consecutive goals under one label ("Uppföljningsmål"), or under none."""

    label: str | None
    goals: tuple[GoalView, ...]


@dataclass(frozen=True)
class CommitmentView:
    """An action or a citizen promise as the document states it.

    `facts` are its own stated values (goal, owner, partners, status, follow-up) with
    their labels; what it only inherits (its area's goals, its group's party, the
    document's schedule) is said where it is stated and not repeated here.
    """

    anchor: Markup
    title: str
    description: Markup | None
    goal: str
    owners: str
    partners: str
    status: str
    follow_up: str
    facts: tuple[Fact, ...]
    indicators: tuple[IndicatorView, ...]
    activities: tuple[str, ...] = ()
    dialogue: Markup | None = None

    @property
    def has_details(self) -> bool:
        """Whether the item says more than its title and its facts: then it is a section of its own."""
        return bool(self.description or self.indicators or self.activities or self.dialogue)

    @property
    def keep_anchor(self) -> Markup:
        return keep_anchor(self.anchor)

    @property
    def keeps_whole(self) -> bool:
        """Whether the item, as a section, is short enough to be kept on one page, so that its
        goal and owner never start a page cut off from its heading and text."""
        texts = [self.description or "", self.dialogue or "", *self.activities, *(f.value for f in self.facts)]
        return sum(map(len, texts)) + INDICATOR_SIZE * len(self.indicators) <= KEEP_WHOLE


KEEP_WHOLE = 1500
"""The most characters of text an action or promise may have and still be kept whole on a page:
about a third of an A4 page, so keeping it whole moves at most that much to the next page."""
INDICATOR_SIZE = 200
"""What an indicator counts as towards KEEP_WHOLE: a line or two."""


@dataclass(frozen=True)
class ActionList:
    """Actions (or promises) printed together: as sections, as a table, or as a list.

    Sections when any of them has a description (it reads like the source's prose);
    else a table when any states a goal, owner, partner, status or follow-up of its
    own (only the columns that have something); else a list of titles.
    """

    heading: str | None
    anchor: Markup
    layout: Layout
    caption: str
    items: tuple[CommitmentView, ...]
    first_label: str  # the first column's label: Åtgärd, Löfte
    columns: tuple[tuple[str, str], ...]  # (attribute, label) of the columns after the first
    indicators: tuple[IndicatorView, ...] = ()
    """Indicators listed among the actions (a group's `indicators`), printed after them."""

    @property
    def indicators_in_list(self) -> bool:
        """Whether the indicators end the list of titles unlabelled, as sources list them ("Antal
        LOB*"): only when the actions are a list of titles and the indicators names only, so that
        the list stays tight and an indicator never reads as the last action's own."""
        return self.layout == "list" and all(not i.description and not i.facts for i in self.indicators)

    @property
    def width(self) -> int:
        return 1 + len(self.columns)


@dataclass(frozen=True)
class AreaView:
    anchor: Markup
    title: str
    level: int
    description: Markup | None
    texts: tuple[tuple[str, Markup], ...]  # problem, causes, effects: (label, text)
    facts: tuple[Fact, ...]  # target group, places, follow-up
    goals: tuple[GoalGroup, ...]
    indicators: tuple[IndicatorView, ...]
    actions: tuple[ActionList, ...]
    notes: Markup | None

    @property
    def notes_anchor(self) -> Markup:
        """The notes' identifier: they explain the lists before them, so every paged format keeps
        them with the text before them, as it keeps the signatures."""
        return keep_anchor(self.anchor, "notes-")


@dataclass(frozen=True)
class AreaGroupView:
    anchor: Markup
    title: str
    description: Markup | None
    goals: tuple[GoalGroup, ...]
    areas: tuple[AreaView, ...]


@dataclass(frozen=True)
class AreasView:
    areas: tuple[AreaView, ...]
    groups: tuple[AreaGroupView, ...]


@dataclass(frozen=True)
class MemberView:
    text: str  # "Chefen för Trygghets- och säkerhetsavdelningen på stadskontoret, som är sammankallande för gruppen"


@dataclass(frozen=True)
class BodyView:
    anchor: Markup
    title: str | None
    level: int
    description: Markup | None
    members: tuple[MemberView, ...]
    notes: Markup | None
    facts: tuple[Fact, ...]  # how often it meets, when no text of the body says so
    responsibilities: tuple[str, ...]
    bodies: tuple["BodyView", ...]

    @property
    def keep_anchor(self) -> Markup:
        """Its list of members is kept on one page."""
        return keep_anchor(self.anchor)


@dataclass(frozen=True)
class RoleView:
    heading: str  # "Samordnare: Cecilia Tegelberg, Kommunledningskontoret"
    description: Markup | None
    responsibilities: tuple[str, ...]


@dataclass(frozen=True)
class OrganisationView:
    description: Markup | None
    roles: tuple[RoleView, ...]
    bodies: tuple[BodyView, ...]


@dataclass(frozen=True)
class StepView:
    title: str
    description: Markup | None
    steps: tuple["StepView", ...]


@dataclass(frozen=True)
class WorkingModelView:
    description: Markup | None
    steps: tuple[StepView, ...]


@dataclass(frozen=True)
class ReportingView:
    what: str
    when: str
    to: str
    by: str


@dataclass(frozen=True)
class FollowUpView:
    """The follow-up as the document states it: its text when it has one (then the schedule and
    the rest are data for lint and the follow-up commands), else its facts; and reporting lines."""

    description: Markup | None
    facts: tuple[Fact, ...]
    reporting: tuple[ReportingView, ...]
    reporting_columns: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class SignatureView:
    """A signature as written: party, place and date, name and title; with lines to sign on only
    when the document asks for them (a draft circulated for signing)."""

    party: str
    name: str | None
    title: str | None
    place: str | None
    place_and_date: str | None
    lines: bool


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
class SectionView:
    anchor: Markup
    title: str | None
    level: int
    text: Markup | None
    sections: tuple["SectionView", ...]


@dataclass(frozen=True)
class PartView:
    """One part of the document as it prints: its heading (None: none) and what it holds.

    `content` is the part's own view (a Markup text, a SectionView, an AreasView, …);
    `template` is the partial that prints it."""

    key: str
    heading: str | None
    anchor: Markup
    level: int
    content: Any

    @property
    def template(self) -> str:
        return f"partials/{_TEMPLATES.get(self.key, self.key.replace('_', '-'))}.md.j2"


@dataclass(frozen=True)
class ChartView:
    """A chart the program drew from data (the follow-up report's indicator charts), never text of
    the document: the one kind of image the safety filter lets through. Each format gets it as
    it reads an image, from data, not from a file (`source`)."""

    key: str
    alt: str
    svg: bytes
    png: bytes

    @property
    def name(self) -> str:
        """What the PDF's layout looks the chart up by in `sys.inputs` (its SVG and alt text)."""
        return f"chart-{self.key}"

    def source(self, target: str) -> Markup:
        """The image's source in the Markdown for `target`: the SVG for the web page and the PNG
        for Word as data URIs, else the name (the PDF's layout reads the SVG by it)."""
        if target == "html":
            return Markup(f"data:image/svg+xml;base64,{base64.b64encode(self.svg).decode('ascii')}")
        if target == "docx":
            return Markup(f"data:image/png;base64,{base64.b64encode(self.png).decode('ascii')}")
        return Markup(self.name)


_TEMPLATES = {"background": "text", "purpose": "text", "section": "section", "focus_areas": "areas",
              "areas": "areas"}
_PART_OF_KEY = {"focus_area_groups": "focus_areas"}
"""Keys that print as part of another: focus areas in groups belong to the focus areas."""


@dataclass(frozen=True)
class DocumentView:
    """Everything the templates print: the title page, then the parts in order."""

    id: str
    kind: str
    kind_label: str
    language: str
    language_tag: str
    labels: dict[str, Any]
    title: str
    subtitle: str | None
    period: str | None
    date: dt.date | None
    """The date the document states for itself (its decision, else its last signature), for the
    files' metadata; None when it states none, and then the metadata has no date."""
    facts: tuple[Fact, ...]
    contacts: tuple[str, ...]
    keywords: tuple[str, ...]
    parties: tuple[PartyView, ...]
    parts: tuple[PartView, ...]
    charts: tuple[ChartView, ...] = ()
    """Charts the parts show (the follow-up report's); a document has none."""

    @property
    def logo_owner(self) -> str:
        """Whose logo a logo file is (its alternative text): the first municipality, else the first party."""
        municipality = [p.name for p in self.parties if p.kind == "municipality"]
        return (municipality or [p.name for p in self.parties] or [self.title])[0]

    def part(self, key: str) -> PartView | None:
        """The printed part `key` (`follow_up`, `section`, …), the first when there are several."""
        return next((part for part in self.parts if part.key == key), None)


class _Builder:
    """Turns one validated document into a DocumentView in one language."""

    def __init__(self, document: Document, wording: Wording) -> None:
        self.document, self.wording = document, wording.for_document(document.labels)
        self.anchors: set[str] = set()
        self.names: dict[str, str] = {}
        for party in document.parties:
            self.names[party.id] = party.label()
            for unit in party.units:
                self.names[f"{party.id}/{unit.id}"] = unit.name
        self.contexts = list(commitments(document))

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

    def facts(self, *pairs: tuple[str, str | None]) -> tuple[Fact, ...]:
        """Labelled values, leaving out those the document does not state."""
        return tuple(Fact(label, value) for label, value in pairs if value)

    def indicator(self, indicator: Indicator) -> IndicatorView:
        return IndicatorView(indicator.name, _md(indicator.description), self.facts(
            (self.label("table", "source"), indicator.source), (self.label("table", "baseline"), indicator.baseline),
            (self.label("table", "target"), indicator.target)))

    def goal_groups(self, goals: list[Goal]) -> tuple[GoalGroup, ...]:
        """Goals in runs of the same label, as the source lists them ("Uppföljningsmål: …")."""
        groups: list[GoalGroup] = []
        for goal in goals:
            view = GoalView(goal.text, tuple(self.indicator(i) for i in goal.indicators))
            if groups and groups[-1].label == goal.label:
                groups[-1] = GoalGroup(goal.label, groups[-1].goals + (view,))
            else:
                groups.append(GoalGroup(goal.label, (view,)))
        return tuple(groups)

    # -- commitments ---------------------------------------------------------------

    def own_goal(self, context: CommitmentContext) -> str:
        """The goal an item states (or names with `goal_ref`); an area's goals it only serves are not repeated."""
        item = context.item
        if item.goal:
            return item.goal
        if item.goal_ref:
            pool = list(context.area.goals if context.area else []) + list(self.document.goals)
            return next((goal.text for goal in pool if goal.id == item.goal_ref), "")
        return ""

    def commitment(self, context: CommitmentContext) -> CommitmentView:
        item = context.item
        owner = resolve_owner(context)
        own_owner = item.owner_text or (self.refs(owner.value) if owner and owner.source == "item" else "")
        own_follow_up = self.wording.schedule(item.follow_up) if item.follow_up else None
        goal = self.own_goal(context)
        partners = self.refs(item.partners) if isinstance(item, Action) else ""
        status = self.label("action_status", item.status) if item.status else ""
        facts = self.facts((self.label("field", "goal"), goal), (self.label("field", "owner"), own_owner),
                           (self.label("field", "partners"), partners), (self.label("field", "status"), status),
                           (self.label("field", "follow_up"), own_follow_up))
        if isinstance(item, Promise):
            return CommitmentView(
                self.anchor("promise", item.id or str(context.path[-1])), item.text, _md(item.description), goal,
                own_owner, "", status, own_follow_up or "", facts, (), tuple(item.activities), _md(item.dialogue))
        assert isinstance(item, Action)
        return CommitmentView(
            self.anchor("action", context.area.id if context.area else "", item.id or str(context.path[-1])),
            item.title, _md(item.description), goal, own_owner, partners, status, own_follow_up or "", facts,
            tuple(self.indicator(i) for i in item.indicators))

    def action_list(self, items: list[CommitmentView], heading: str | None, anchor_parts: tuple[str, ...],
                    caption: str, first_column: str) -> ActionList:
        if any(item.has_details for item in items):
            layout: Layout = "sections"
        elif any(item.facts for item in items):
            layout = "table"
        else:
            layout = "list"
        labels = {"goal": "goal", "owners": "owner", "partners": "partners", "status": "status",
                  "follow_up": "follow_up"}
        columns = tuple((name, self.label("table", label)) for name, label in labels.items()
                        if any(getattr(item, name) for item in items))
        return ActionList(heading, self.anchor(*anchor_parts), layout, caption, tuple(items),
                          self.label("table", first_column), columns)

    def area_actions(self, area: Area) -> tuple[ActionList, ...]:
        contexts = [c for c in self.contexts if c.area is area]
        loose = [self.commitment(c) for c in contexts if c.group is None]
        caption = f"{self.label('caption', 'actions')} – {area.title}"
        lists = [self.action_list(loose, None, ("area", area.id, "actions"), caption, "action")] if loose else []
        for _, _, group in area.groups():
            mine = [self.commitment(c) for c in contexts if c.group is group]
            heading = self.group_heading(group)
            if mine or group.indicators:
                found = self.action_list(mine, heading, ("area", area.id, heading or ""),
                                         f"{self.label('caption', 'actions')} – {heading or area.title}", "action")
                lists.append(replace(found, indicators=tuple(self.indicator(i) for i in group.indicators)))
        return tuple(lists)

    def group_heading(self, group: PartyActions | ActionGroup) -> str | None:
        if group.title:
            return group.title
        return self.names.get(group.party, group.party) if group.party else None

    # -- areas -------------------------------------------------------------------------

    def area(self, area: Area, level: int) -> AreaView:
        texts = tuple((self.label("field", key), markdown_block(text)) for key, text in
                      (("problem", area.problem), ("causes", area.causes), ("effects", area.effects)) if text)
        facts = self.facts((self.label("field", "target_group"), area.target_group),
                           (self.label("field", "places"), self.wording.join(area.places)),
                           (self.label("field", "follow_up"),
                            self.wording.schedule(area.follow_up) if area.follow_up else None))
        return AreaView(self.anchor("area", area.id), area.title, level, _md(area.description), texts, facts,
                        self.goal_groups(area.goals), tuple(self.indicator(i) for i in area.indicators),
                        self.area_actions(area), _md(area.notes))

    def areas(self, level: int) -> AreasView:
        document = self.document
        loose = [area for area, path in document.area_places() if path[0] != "focus_area_groups"]
        groups: list[FocusAreaGroup] = list(getattr(document, "focus_area_groups", []))
        return AreasView(
            tuple(self.area(area, level + 1) for area in loose),
            tuple(AreaGroupView(self.anchor("group", group.id or group.title), group.title, _md(group.description),
                                self.goal_groups(group.goals),
                                tuple(self.area(area, level + 2) for area in group.focus_areas))
                  for group in groups))

    # -- other parts ---------------------------------------------------------------------

    def member(self, member: Any) -> MemberView:
        """A member as the document writes one: name, role, whom they represent, and what it says of
        them (`note`); `convener` and `adjunct` print nothing, as no document words them alike."""
        represents = self.names.get(member.party, member.party) if member.party else member.organisation
        return MemberView(", ".join(part for part in (member.name, member.role, represents, member.note) if part))

    def body(self, body: Body, level: int) -> BodyView:
        meets = body.meets if not (body.description or body.notes) else None
        return BodyView(self.anchor("body", body.id or body.name), body.title, level, _md(body.description),
                        tuple(self.member(m) for m in body.members), _md(body.notes),
                        self.facts((self.label("field", "meets"), meets)),
                        tuple(body.responsibilities), tuple(self.body(b, level + 1) for b in body.bodies))

    def role(self, role: Role) -> RoleView:
        who = self.names.get(role.party, role.party) if role.party else role.organisation
        details = ", ".join(part for part in (role.name, who) if part)
        return RoleView(f"{role.role}: {details}" if details else role.role, _md(role.description),
                        tuple(role.responsibilities))

    def organisation(self, level: int) -> OrganisationView:
        organisation = self.document.organisation
        assert organisation is not None
        return OrganisationView(_md(organisation.description), tuple(self.role(r) for r in organisation.roles),
                                tuple(self.body(b, level + 1) for b in organisation.bodies))

    def step(self, step: Step) -> StepView:
        return StepView(step.title, _md(step.description), tuple(self.step(s) for s in step.steps))

    def follow_up(self) -> FollowUpView:
        follow = self.document.follow_up
        assert follow is not None
        facts: tuple[Fact, ...] = ()
        if not follow.description:
            facts = self.facts((self.label("field", "schedule"), self.wording.schedule(follow)),
                               (self.label("field", "reported_to"), follow.reported_to),
                               (self.label("field", "responsible"), follow.responsible))
        rows = tuple(ReportingView(r.what, r.when or "", r.to or "", r.by or "") for r in follow.reporting)
        columns = tuple((name, self.label("table", f"report_{name}")) for name in ("what", "when", "to", "by")
                        if any(getattr(row, name) for row in rows))
        return FollowUpView(_md(follow.description), facts, rows, columns)

    def signature(self, signature: Signature) -> SignatureView:
        date = self.wording.date(signature.date) if signature.date else None
        place_date = ", ".join(part for part in (signature.place, date) if part)
        return SignatureView(self.names.get(signature.party, signature.party), signature.name, signature.title,
                             signature.place, place_date or None, signature.lines)

    def section(self, section: Section, level: int) -> SectionView:
        return SectionView(self.anchor("section", section.id or section.title or "text"), section.title, level,
                           _md(section.text), tuple(self.section(child, level + 1) for child in section.sections))

    def promises(self) -> ActionList:
        items = [self.commitment(c) for c in self.contexts if isinstance(c.item, Promise)]
        return self.action_list(items, None, ("promises",), self.label("caption", "promises"), "promise")

    # -- the outline -------------------------------------------------------------------------

    def content(self, key: str, level: int) -> Any:
        """What part `key` holds, for its partial."""
        document = self.document
        if key in ("background", "purpose"):
            return markdown_block(getattr(document, key))
        if key == "goals":
            return self.goal_groups(document.goals)
        if key == "indicators":
            return tuple(self.indicator(i) for i in document.indicators)
        if key == "organisation":
            return self.organisation(level)
        if key == "working_model":
            working = document.working_model
            assert working is not None
            return WorkingModelView(_md(working.description), tuple(self.step(s) for s in working.steps))
        if key in ("focus_areas", "areas"):
            return self.areas(level)
        if key == "promises":
            return self.promises()
        if key == "follow_up":
            return self.follow_up()
        if key == "signatures":
            return tuple(self.signature(s) for s in document.signatures)
        if key == "references":
            return tuple(ReferenceView(r.title, r.url, r.note) for r in document.references)
        if key == "glossary":
            return tuple(TermView(t.term, markdown_block(t.definition)) for t in document.glossary)
        raise KeyError(key)

    def default_heading(self, key: str) -> str | None:
        if key == "working_model" and self.document.working_model and self.document.working_model.title:
            return self.document.working_model.title
        if key == "areas":
            return self.label("heading", "plan_areas")
        return self.label("heading", key)

    def written_parts(self) -> list[tuple[str, str | None | bool]]:
        """(key or section id, heading as the outline gives it) in the order the document prints them."""
        document = self.document
        if document.outline is not None:
            return [(_PART_OF_KEY.get(entry.part, entry.part), entry.heading) for entry in document.outline]
        keys = [_PART_OF_KEY.get(key, key) for key in document.written_order]
        ordered: list[tuple[str, str | None | bool]] = []
        for key in dict.fromkeys(keys):
            if key == "sections":
                ordered.extend((section.id or f"#{s}", None) for s, section in enumerate(document.sections))
            elif key in PARTS and document.has_part(key):
                ordered.append((key, None))
        return ordered

    def parts(self) -> tuple[PartView, ...]:
        sections = {section.id: section for section in self.document.sections if section.id}
        found = []
        for name, heading in self.written_parts():
            if name in PARTS and name != "sections":
                shown = None if heading is False else (heading or self.default_heading(name))
                found.append(PartView(name, shown, self.anchor(name), 1, self.content(name, 1)))
                continue
            section = sections.get(name) or self.document.sections[int(name[1:])]
            view = self.section(section, 1)
            shown = None if heading is False else (heading or section.title)
            found.append(PartView("section", shown, view.anchor, 1, view))
        return tuple(found)

    # -- the title page ----------------------------------------------------------------------

    def title_facts(self) -> tuple[Fact, ...]:
        document, label = self.document, self.label
        decision = document.decision
        decided = None
        if decision and (decision.body or decision.date or decision.section):
            decided = ", ".join(p for p in (decision.body, self.wording.date(decision.date) if decision.date else None,
                                            decision.section) if p)
        facts = list(self.facts(
            (label("field", "period"), self.wording.period(document.period) if document.period else None),
            (label("field", "status"), label("status", document.status) if document.status else None),
            (label("field", "decision"), decided)))
        facts += [Fact(f"{label('field', 'registration')}, {self.names.get(party, party)}", number)
                  for party, number in document.registration.items()]
        facts += self.facts(
            (label("field", "valid_until"), self.wording.date(document.valid_until) if document.valid_until else None),
            (label("field", "applies_to"), document.applies_to),
            (label("field", "document_owner"), document.document_owner),
            (label("field", "revision_responsible"), document.revision_responsible),
            (label("field", "follow_up_responsible"), document.follow_up_responsible),
            (label("field", "implements"), getattr(document, "implements", None)))
        return tuple(facts)

    def contacts(self) -> tuple[str, ...]:
        return tuple(", ".join(part for part in (c.name, c.title, c.organisation, c.email, c.phone) if part)
                     for c in self.document.contact)

    def date(self) -> dt.date | None:
        """The date the document states for itself: its decision, else its last signature. Not
        the start of its period: `period: 2014` states no day, and 1 January would be invented."""
        document = self.document
        if document.decision and document.decision.date:
            return document.decision.date
        return max((s.date for s in document.signatures if s.date), default=None)

    def build(self, language: str) -> DocumentView:
        document, wording = self.document, self.wording
        kind = document.kind  # type: ignore[attr-defined]
        kind_label = self.label("kind", kind)
        return DocumentView(
            id=document.id, kind=kind, kind_label=kind_label, language=language,
            language_tag=wording.language_tag, labels=wording.labels,
            title=document.title, subtitle=document.subtitle,
            period=wording.period(document.period) if document.period else None, date=self.date(),
            facts=self.title_facts(), contacts=self.contacts(),
            keywords=tuple(document.registration.values()) + (kind_label,),
            parties=tuple(PartyView(p.id, p.name, p.label(), p.type) for p in document.parties),
            parts=self.parts(),
        )


def build_view(document: Document, wording: Wording, language: str) -> DocumentView:
    """The view model of `document` with the labels and date formats of `wording`."""
    return _Builder(document, wording).build(language)
