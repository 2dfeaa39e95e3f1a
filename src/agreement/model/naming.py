"""Names for references: `eslov/gtp` is how a file refers to a unit, not what a reader calls it.

Tools that show owners and partners to people (the diff of two versions, for one)
show them by name. The rendered documents make the same choice in their view model;
this lookup is the model layer's own, so that light tools need no rendering code.
"""

from __future__ import annotations

from .document import Document


def party_names(document: Document) -> dict[str, str]:
    """Every declared reference (`party`, `party/unit`) mapped to the name a reader knows it by:
    a party's short name (else its name), a unit's name."""
    names: dict[str, str] = {}
    for party in document.parties:
        names[party.id] = party.label()
        for unit in party.units:
            names[f"{party.id}/{unit.id}"] = unit.name
    return names
