"""The collaboration agreement (samverkansöverenskommelse, samverkansavtal)."""

from __future__ import annotations

from typing import Literal

from .base import field, required
from .document import Area, Document


class FocusArea(Area):
    """A focus area (fokusområde, samverkansområde) with its goals and actions."""


class Agreement(Document):
    """A collaboration agreement (samverkansöverenskommelse) between a municipality, the police and others."""

    kind: Literal["agreement"] = required("Kind of document: `agreement` (samverkansöverenskommelse).", "agreement")
    focus_areas: list[FocusArea] = field(
        "Focus areas (fokusområden, samverkansområden).",
        [{"id": "offentlig-miljo", "title": "Trygghet i offentlig miljö"}],
        default_factory=list,
    )

    @property
    def areas(self) -> list[FocusArea]:
        """The focus areas, under the name every kind of document shares."""
        return self.focus_areas
