"""An action or citizen promise has no goal, not even one inherited from its area.

## What it does
Reports every action and citizen promise (medborgarlöfte) that has no goal after
inheritance: no `goal:` of its own, no `goal_ref:` naming a goal, and no goals on
its focus area or plan area to fall back on.

## Why
An action without a goal cannot be followed up: nobody can say whether it worked.
The national crime prevention council (Brå) advises that every effort in local
crime prevention has a goal that can be followed up, and the source agreements say
the same ("alla insatser och aktiviteter ska ha ett, eller flera, mål").

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
follow_up: {every: year}
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
- `on_item` (default `false`; `true` in the strict preset): demand the goal on the
  action or promise itself (`goal:` or `goal_ref:`), not inherited from its area.
"""

from __future__ import annotations

from typing import Iterator

from ...diagnostics import Severity
from ...model.resolve import resolve_goal
from ..rule import Context, Finding, RuleOptions
from ._shared import missing_after_inheritance

CODE = "L101"
NAME = "missing-goal"
SEVERITY = Severity.ERROR


class Options(RuleOptions):
    on_item: bool = False


STRICT = {"on_item": True}


def check(context: Context, options: Options) -> Iterator[Finding]:
    return missing_after_inheritance(
        context,
        what="goal",
        on_item=options.on_item,
        own=lambda c: bool(c.item.goal or c.item.goal_ref),
        inherited=lambda c: resolve_goal(context.document, c) is not None,
        hint="write `goal:`, or `goal_ref:` naming a goal of its area or of the document",
        inherited_hint="it inherits its area's goals; write `goal:` or `goal_ref:` on it",
    )
