"""Citizen promises (medborgarlöften): the police and a municipality promise the public a few
concrete things for a year, each grown out of a dialogue with the citizens, with an owner,
activities and a follow-up."""

from __future__ import annotations

from typing import Literal

from ..diagnostics import YamlPath
from .base import required
from .document import KIND_SV, Area, Document


class CitizenPromises(Document):
    """Citizen promises (medborgarlöften) of the police and a municipality, usually for one year."""

    kind: Literal["citizen-promises"] = required(
        "Kind of document: `citizen-promises` (medborgarlöften).", "citizen-promises",
        sv=KIND_SV, sv_values={"citizen-promises": "medborgarlöften"},
    )

    @property
    def areas(self) -> list[Area]:
        """Citizen promises have no areas: the promises are the document."""
        return []

    def area_places(self) -> list[tuple[Area, YamlPath]]:
        return []
