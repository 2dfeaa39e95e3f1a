"""An action or citizen promise has no owner, not even a party group it is listed under.

## What it does
Reports every action and citizen promise that nobody owns after inheritance: no
`owner:` of its own, and not listed under a party in `by_party:`.

## Why
An action that nobody owns is an action nobody carries out. An agreement names a
responsible party or unit (ansvarig) for every activity so that the follow-up knows
whom to ask.

## Example
```yaml
kind: agreement
schema: 1
id: exempel
title: Samverkansöverenskommelse 2016
period: {start: 2016-01-01, end: 2016-12-31}
parties:
  - {id: kommunen, name: Exempels kommun, type: municipality}
  - {id: polisen, name: Lokalpolisområde Exempel, type: police}
follow_up: {every: year}
focus_areas:
  - id: centrum
    title: Trygghet i centrum
    actions:
      - id: belysning
        title: Bättre belysning i gångtunnlar
        goal: Alla gångtunnlar ska uppfattas som trygga att passera efter mörkrets inbrott.
```

## Use instead
```yaml
kind: agreement
schema: 1
id: exempel
title: Samverkansöverenskommelse 2016
period: {start: 2016-01-01, end: 2016-12-31}
parties:
  - id: kommunen
    name: Exempels kommun
    type: municipality
    units: [{id: gata, name: Gatukontoret}]
  - {id: polisen, name: Lokalpolisområde Exempel, type: police}
follow_up: {every: year}
focus_areas:
  - id: centrum
    title: Trygghet i centrum
    actions:
      - id: belysning
        title: Bättre belysning i gångtunnlar
        goal: Alla gångtunnlar ska uppfattas som trygga att passera efter mörkrets inbrott.
        owner: kommunen/gata
```

## Options
- `on_item` (default `false`; `true` in the strict preset): demand `owner:` on the
  action or promise itself, not inherited from the party group it is listed under.
"""

from __future__ import annotations

from typing import Iterator

from ...diagnostics import Severity
from ...model.resolve import party_refs, resolve_owner
from ..rule import Context, Finding, RuleOptions
from ._shared import missing_after_inheritance

CODE = "L102"
NAME = "missing-owner"
SEVERITY = Severity.ERROR


class Options(RuleOptions):
    on_item: bool = False


STRICT = {"on_item": True}


def check(context: Context, options: Options) -> Iterator[Finding]:
    return missing_after_inheritance(
        context,
        what="owner",
        on_item=options.on_item,
        own=lambda c: bool(c.item.owners),
        inherited=lambda c: resolve_owner(c) is not None,
        hint=f"write `owner:` naming a party or a unit: {_declared(context)}",
        inherited_hint="it inherits the party of its `by_party` group; write `owner:` on it",
    )


def _declared(context: Context, shown: int = 6) -> str:
    """The references the document declares, as examples for the hint."""
    refs = sorted(party_refs(context.document), key=lambda ref: (ref.count("/"), ref))
    return ", ".join(refs[:shown]) + (", …" if len(refs) > shown else "")
