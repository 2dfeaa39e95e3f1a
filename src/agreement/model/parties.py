"""Parties (parter) and their units (enheter, förvaltningar) that own actions."""

from __future__ import annotations

from typing import Literal

from .base import Id, Model, Terms, Text, field, required

PartyType = Literal["municipality", "police", "region", "rescue-service", "housing", "other"]
PARTY_TYPE_SV: dict[str, Terms] = {
    "municipality": "kommun",
    "police": ("polisen", "polis", "lokalpolisområde", "polisområde"),
    "region": "region",
    "rescue-service": "räddningstjänst",
    "housing": ("bostadsbolag", "bostadsföretag", "allmännyttan"),
    "other": ("annan", "övrig"),
}


class Unit(Model):
    """A unit of a party (förvaltning, avdelning, enhet) that can own actions."""

    id: Id = required("Key used in references as `party/unit`.", "gtp", sv=("id", "nyckel"))
    name: Text = required(
        "Name of the unit as the document writes it (enhetens namn).",
        "Gata, trafik, park inom Miljö och samhällsbyggnad",
        sv=("namn", "enhetens namn"),
    )


class Party(Model):
    """A party to the document (part): a municipality, a police area, a region or another body."""

    id: Id = required(
        "Key used in owner, partner, signature and registration references.", "eslov",
        sv=("id", "nyckel"),
    )
    name: Text = required("Name of the party (partens namn).", "Eslövs kommun", sv=("namn", "partens namn"))
    short_name: Text | None = field("Short name used in tables (kortnamn).", "Polisen", sv=("kortnamn", "förkortning"))
    type: PartyType = required(
        "Kind of party: municipality (kommun), police (polisen/lokalpolisområde), region, "
        "rescue-service (räddningstjänst), housing (bostadsbolag) or other.",
        "municipality",
        sv=("typ", "partstyp"), sv_values=PARTY_TYPE_SV,
    )
    units: list[Unit] = field(
        "Units of the party that own actions (enheter).",
        [{"id": "gtp", "name": "Gata, trafik, park inom Miljö och Samhällsbyggnad"}],
        default_factory=list,
        sv=("enheter", "förvaltningar", "avdelningar"),
    )

    def label(self) -> str:
        """The name used where space is short (tables)."""
        return self.short_name or self.name
