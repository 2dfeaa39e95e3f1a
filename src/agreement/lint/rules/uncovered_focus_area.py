"""A focus area of the agreement is served by none of its action plans.

## What it does
When an agreement is linted together with one or more action plans that
`implements:` it, reports every focus area of the agreement that no area of those
plans names in `focus_area:`. An agreement linted without any of its plans is not
checked.

## Why
An agreement's focus areas are carried out through its action plans. A focus area
that no plan serves is a priority that was agreed and then forgotten.

## Example
```yaml
# file: agreement.yaml
kind: agreement
schema: 1
id: exempel
title: Samverkansöverenskommelse 2016
period: {start: 2016-01-01, end: 2016-12-31}
parties:
  - {id: kommunen, name: Exempels kommun, type: municipality}
focus_areas:  # agreement: ignore[L402] reason="the actions are in the yearly plan"
  - {id: centrum, title: Trygghet i centrum}
  - {id: alkohol, title: Alkohol och droger}
```

```yaml
# file: plan.yaml
kind: action-plan
schema: 1
id: exempel-2016
title: Handlingsplan 2016
implements: agreement.yaml
period: {start: 2016-01-01, end: 2016-12-31}
parties:
  - {id: kommunen, name: Exempels kommun, type: municipality}
follow_up: {every: year}
areas:
  - id: centrum
    title: Trygghet i centrum
    focus_area: centrum
    goals: [{kind: follow-up, text: Fyra trygghetsvandringar genomförs under året.}]
    actions:
      - {title: Trygghetsvandring i centrum, owner: kommunen}
```

## Use instead
```yaml
# file: agreement.yaml
kind: agreement
schema: 1
id: exempel
title: Samverkansöverenskommelse 2016
period: {start: 2016-01-01, end: 2016-12-31}
parties:
  - {id: kommunen, name: Exempels kommun, type: municipality}
focus_areas:  # agreement: ignore[L402] reason="the actions are in the yearly plan"
  - {id: centrum, title: Trygghet i centrum}
  - {id: alkohol, title: Alkohol och droger}
```

```yaml
# file: plan.yaml
kind: action-plan
schema: 1
id: exempel-2016
title: Handlingsplan 2016
implements: agreement.yaml
period: {start: 2016-01-01, end: 2016-12-31}
parties:
  - {id: kommunen, name: Exempels kommun, type: municipality}
follow_up: {every: year}
areas:
  - id: centrum
    title: Trygghet i centrum
    focus_area: centrum
    goals: [{kind: follow-up, text: Fyra trygghetsvandringar genomförs under året.}]
    actions:
      - {title: Trygghetsvandring i centrum, owner: kommunen}
  - id: alkohol
    title: Alkohol och droger
    focus_area: alkohol
    goals: [{kind: follow-up, text: Fyra gemensamma tillsynsbesök per år av kommunens krogar.}]
    actions:
      - {title: Gemensam tillsyn av krogar, owner: kommunen}
```

## Options
This rule has no options.
"""

from __future__ import annotations

from typing import Iterator

from ...diagnostics import Severity
from ..project import Project
from ..rule import ProjectFinding, RuleOptions

CODE = "L603"
NAME = "uncovered-focus-area"
SEVERITY = Severity.WARNING


class Options(RuleOptions):
    pass


def check_project(project: Project, options: Options) -> Iterator[ProjectFinding]:
    served: dict[str, set[str]] = {}
    for plan in project.plans():
        target = plan.implemented_path()
        if target is not None:
            served.setdefault(target, set()).update(focus_area for focus_area, _ in plan.served)
    for agreement in project.agreements():
        covered = served.get(agreement.real_path)
        if covered is None:
            continue
        for focus_area, anchor in agreement.focus_areas:
            if focus_area not in covered:
                yield ProjectFinding(agreement.file, anchor,
                                     f"focus area {focus_area!r} is served by none of the linted action plans",
                                     f"give an area of a plan `focus_area: {focus_area}`")
