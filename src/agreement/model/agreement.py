"""The collaboration agreement (samverkansöverenskommelse, samverkansavtal)."""

from __future__ import annotations

from typing import Literal

from .base import field, required
from .document import KIND_SV, Area, Document


class FocusArea(Area):
    """A focus area (fokusområde, samverkansområde) with its goals and actions."""


class Agreement(Document):
    """A collaboration agreement (samverkansöverenskommelse) between a municipality, the police and others."""

    kind: Literal["agreement"] = required(
        "Kind of document: `agreement` (samverkansöverenskommelse).", "agreement", sv=KIND_SV,
        sv_values={"agreement": ("samverkansöverenskommelse", "samverkansavtal", "överenskommelse", "avtal")},
    )
    focus_areas: list[FocusArea] = field(
        "Focus areas (fokusområden, samverkansområden).",
        [{"id": "offentlig-miljo", "title": "Trygghet i offentlig miljö"}],
        default_factory=list,
        sv=("fokusområden", "samverkansområden", "insatsområden"),
    )

    @property
    def areas(self) -> list[FocusArea]:
        """The focus areas, under the name every kind of document shares."""
        return self.focus_areas
