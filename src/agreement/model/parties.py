"""Parties (parter) and their units (enheter, förvaltningar) that own actions."""

from __future__ import annotations

from typing import Literal

from .base import Id, Model, Text, field, required

PartyType = Literal["municipality", "police", "region", "rescue-service", "housing", "other"]


class Unit(Model):
    """A unit of a party (förvaltning, avdelning, enhet) that can own actions."""

    id: Id = required("Key used in references as `party/unit`.", "gtp")
    name: Text = required(
        "Name of the unit as the document writes it (enhetens namn).",
        "Gata, trafik, park inom Miljö och samhällsbyggnad",
    )


class Party(Model):
    """A party to the document (part): a municipality, a police area, a region or another body."""

    id: Id = required("Key used in owner, partner, signature and registration references.", "eslov")
    name: Text = required("Name of the party (partens namn).", "Eslövs kommun")
    short_name: Text | None = field("Short name used in tables (kortnamn).", "Polisen")
    type: PartyType = required(
        "Kind of party: municipality (kommun), police (polisen/lokalpolisområde), region, "
        "rescue-service (räddningstjänst), housing (bostadsbolag) or other.",
        "municipality",
    )
    units: list[Unit] = field(
        "Units of the party that own actions (enheter).",
        [{"id": "gtp", "name": "Gata, trafik, park inom Miljö och Samhällsbyggnad"}],
        default_factory=list,
    )

    def label(self) -> str:
        """The name used where space is short (tables)."""
        return self.short_name or self.name
