"""A focus area, a plan area or a party group has no action.

## What it does
Reports every focus area (agreements) and plan area (action plans) with no action,
counting the actions listed per party under `by_party:`; and every `by_party`
group with no action.

## Why
An area without actions is a priority nobody works on. If the agreement leaves the
actions to yearly action plans, say so with a suppression that gives the reason, so
that readers know it is deliberate:
`# agreement: ignore[L402] reason="the actions are set in yearly action plans"`.

## Example
```yaml
kind: agreement
schema: 1
id: exempel
title: Samverkansöverenskommelse 2016
period: {start: 2016-01-01, end: 2016-12-31}
parties:
  - {id: kommunen, name: Exempels kommun, type: municipality}
follow_up: {every: year}
focus_areas:
  - id: centrum
    title: Trygghet i centrum
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
This rule has no options.
"""

from __future__ import annotations

from typing import Iterator

from ...diagnostics import Severity
from ..rule import Context, Finding, RuleOptions

CODE = "L402"
NAME = "empty-area"
SEVERITY = Severity.WARNING


class Options(RuleOptions):
    pass


def check(context: Context, options: Options) -> Iterator[Finding]:
    for area, path in context.document.area_places():
        what = "focus area" if "focus_areas" in path else "area"
        if not area.all_actions():
            yield Finding(path, f"{what} {area.id!r} has no action",
                          "add `actions:`, or say why with a suppression that gives the reason")
        for key, g, group in area.groups():
            if not group.actions and not group.indicators:
                name = group.party if key == "by_party" else group.title
                yield Finding(path + (key, g), f"the actions of {name!r} in {what} {area.id!r} are empty",
                              "add `actions:` to the group or remove it")
