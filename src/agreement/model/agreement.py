"""The collaboration agreement (samverkansöverenskommelse, samverkansavtal)."""

from __future__ import annotations

from typing import Literal

from ..diagnostics import YamlPath
from .base import Id, Markdown, Model, Text, field, required
from .document import KIND_SV, Area, Document
from .goals import Goal


class FocusArea(Area):
    """A focus area (fokusområde, samverkansområde) with its goals and actions."""


class FocusAreaGroup(Model):
    """A group of focus areas (kategori): brottsförebyggande or trygghetsskapande areas, say."""

    id: Id | None = field("Key of the group.", "brottsforebyggande", sv=("id", "nyckel"))
    title: Text = required("Heading of the group (rubrik).", "Brottsförebyggande områden", sv=("rubrik", "titel"))
    description: Markdown | None = field(
        "What the group's areas share (beskrivning).", "Områden där samverkan ska minska brottsligheten.",
        sv="beskrivning")
    goals: list[Goal] = field("Goals of the group (mål).", [{"text": "Minskad brottslighet i centrum."}],
                              default_factory=list, sv="mål")
    focus_areas: list[FocusArea] = field(
        "The group's focus areas (fokusområden).", [{"id": "narkotika", "title": "Narkotika"}], default_factory=list,
        sv=("fokusområden", "samverkansområden", "insatsområden"))


class FocusAreaDocument(Document):
    """A kind of document whose areas are focus areas, optionally in groups."""

    focus_areas: list[FocusArea] = field(
        "Focus areas (fokusområden, samverkansområden).",
        [{"id": "offentlig-miljo", "title": "Trygghet i offentlig miljö"}],
        default_factory=list,
        sv=("fokusområden", "samverkansområden", "insatsområden"),
    )
    focus_area_groups: list[FocusAreaGroup] = field(
        "Focus areas in groups (kategorier), after the focus areas above.",
        [{"title": "Trygghetsskapande områden", "focus_areas": [{"id": "centrum", "title": "Trygghet i centrum"}]}],
        default_factory=list,
        sv=("kategorier", "områdesgrupper"),
    )

    @property
    def areas(self) -> list[FocusArea]:
        """The focus areas, those in groups too, in reading order."""
        return [area for area, _ in self.area_places()]

    def area_places(self) -> list[tuple[FocusArea, YamlPath]]:  # type: ignore[override]
        found: list[tuple[FocusArea, YamlPath]] = [(area, ("focus_areas", a)) for a, area in enumerate(self.focus_areas)]
        for g, group in enumerate(self.focus_area_groups):
            found.extend((area, ("focus_area_groups", g, "focus_areas", a)) for a, area in enumerate(group.focus_areas))
        return found


class Agreement(FocusAreaDocument):
    """A collaboration agreement (samverkansöverenskommelse) between a municipality, the police and others."""

    kind: Literal["agreement"] = required(
        "Kind of document: `agreement` (samverkansöverenskommelse).", "agreement", sv=KIND_SV,
        sv_values={"agreement": ("samverkansöverenskommelse", "samverkansavtal", "överenskommelse", "avtal")},
    )
