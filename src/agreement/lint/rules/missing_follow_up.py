"""An action or citizen promise has no follow-up date, not even from its area or the document.

## What it does
Reports every action and citizen promise that has no follow-up date inside the
period after inheritance: no `follow_up:` of its own, none on its area, and no
schedule for the whole document; or a schedule that yields no date inside the
period (a yearly follow-up of a period that ends before 31 December).

Follow-up dates written *outside* the period are a validation error (R304), not
this rule.

## Why
What is not followed up is not done. A follow-up date tells everyone when the owner
reports back, and lets `agreement` tell when a follow-up is overdue (L201).

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
focus_areas:
  - id: centrum
    title: Trygghet i centrum
    actions:
      - id: belysning
        title: Bättre belysning i gångtunnlar
        goal: Alla gångtunnlar ska uppfattas som trygga att passera efter mörkrets inbrott.
        owner: kommunen
```

## Use instead
```yaml
kind: agreement
schema: 1
id: exempel
title: Samverkansöverenskommelse 2016
period: {start: 2016-01-01, end: 2016-12-31}
parties:
  - {id: kommunen, name: Exempels kommun, type: municipality}
  - {id: polisen, name: Lokalpolisområde Exempel, type: police}
follow_up:
  months: [4, 8, 12]
  reported_to: Brottsförebyggande rådet
focus_areas:
  - id: centrum
    title: Trygghet i centrum
    actions:
      - id: belysning
        title: Bättre belysning i gångtunnlar
        goal: Alla gångtunnlar ska uppfattas som trygga att passera efter mörkrets inbrott.
        owner: kommunen
```

## Options
- `on_item` (default `false`; `true` in the strict preset): demand `follow_up:` on
  the action or promise itself, not inherited from its area or the document.
"""

from __future__ import annotations

from typing import Iterator

from ...diagnostics import Severity
from ...model.resolve import CommitmentContext
from ..rule import Context, Finding, RuleOptions
from ._shared import missing_after_inheritance

CODE = "L103"
NAME = "missing-follow-up"
SEVERITY = Severity.ERROR


class Options(RuleOptions):
    on_item: bool = False


STRICT = {"on_item": True}


def check(context: Context, options: Options) -> Iterator[Finding]:
    def dated(commitment: CommitmentContext) -> bool:
        resolved = context.follow_up_dates(commitment)
        return resolved is not None and bool(resolved.value)

    return missing_after_inheritance(
        context,
        what="follow-up date within the period",
        own_what="follow-up date",
        on_item=options.on_item,
        own=lambda c: c.item.follow_up is not None and c.item.follow_up.has_schedule and dated(c),
        inherited=dated,
        hint="write `follow_up:` with a date, or give the area or the document a schedule (`every: year`)",
        inherited_hint="it inherits the schedule of its area or the document; write `follow_up:` on it",
    )
