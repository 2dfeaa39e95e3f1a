"""The action plan (handlingsplan, åtgärdsplan) that implements an agreement for a period."""

from __future__ import annotations

from typing import Literal

from ..diagnostics import YamlPath
from .base import Id, Text, field, required
from .document import KIND_SV, Area, Document


class PlanArea(Area):
    """An area of an action plan (prioriterat område), optionally serving a focus area of the agreement."""

    focus_area: Id | None = field(
        "Id of the agreement's focus area this area serves (fokusområde).", "offentlig-miljo",
        sv=("fokusområde", "samverkansområde"),
    )


class ActionPlan(Document):
    """An action plan (handlingsplan) for one period, by area, often with actions per party."""

    kind: Literal["action-plan"] = required(
        "Kind of document: `action-plan` (handlingsplan).", "action-plan",
        sv=KIND_SV, sv_values={"action-plan": ("handlingsplan", "åtgärdsplan", "aktivitetsplan")},
    )
    implements: Text | None = field(
        "Relative path of the agreement file this plan implements (genomför).", "../eslov-2015-2018/agreement.yaml",
        sv=("genomför", "bygger på"),
    )
    areas: list[PlanArea] = field(
        "Prioritised areas of the plan (prioriterade områden).",
        [{"id": "vald", "title": "Våld", "target_group": "Alla medborgare", "focus_area": "vald-i-nara-relationer"}],
        default_factory=list,
        sv=("prioriterade områden", "områden"),
    )

    def area_places(self) -> list[tuple[PlanArea, YamlPath]]:  # type: ignore[override]
        return [(area, ("areas", a)) for a, area in enumerate(self.areas)]
