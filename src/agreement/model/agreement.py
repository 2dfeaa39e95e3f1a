"""The collaboration agreement (samverkansöverenskommelse, samverkansavtal)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .document import Area, Document


class FocusArea(Area):
    """A focus area (fokusområde, samverkansområde) with its goals and actions."""


class Agreement(Document):
    """A collaboration agreement (samverkansöverenskommelse) between a municipality, the police and others."""

    kind: Literal["agreement"] = Field(description="Kind of document: `agreement` (samverkansöverenskommelse).")
    focus_areas: list[FocusArea] = Field(
        default_factory=list, description="Focus areas (fokusområden, samverkansområden)."
    )

    @property
    def areas(self) -> list[FocusArea]:
        """The focus areas, under the name every kind of document shares."""
        return self.focus_areas
