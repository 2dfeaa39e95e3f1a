"""A plan area serves a focus area that the implemented agreement does not have.

## What it does
Reports every area of an action plan whose `focus_area:` names no focus area of the
agreement the plan `implements:`. The agreement is read even when it is not among
the files being linted. Plans that implement no agreement are not checked.

## Why
The link between a plan area and the agreement's focus area is how a reader (and
the uncovered-focus-area rule, L603) sees which priorities of the agreement the
plan carries out. A misspelt id breaks that link without a word.

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
focus_areas:
  - {id: centrum, title: Trygghet i centrum}  # agreement: ignore[L402] reason="the actions are in the yearly plan"
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
    focus_area: centrumn
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
focus_areas:
  - {id: centrum, title: Trygghet i centrum}  # agreement: ignore[L402] reason="the actions are in the yearly plan"
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

## Options
This rule has no options.
"""

from __future__ import annotations

from typing import Iterator

from ...diagnostics import Severity
from ...model.resolve import did_you_mean
from ..project import Project
from ..rule import ProjectFinding, RuleOptions

CODE = "L602"
NAME = "unknown-focus-area"
SEVERITY = Severity.ERROR


class Options(RuleOptions):
    pass


def check_project(project: Project, options: Options) -> Iterator[ProjectFinding]:
    for plan in project.plans():
        target = plan.implemented_path()
        agreement = project.document_at(target) if target else None
        if agreement is None or agreement.kind != "agreement":
            continue
        known = {focus_area for focus_area, _ in agreement.focus_areas}
        for focus_area, anchor in plan.served:
            if focus_area not in known:
                hint = did_you_mean(focus_area, known) or (
                    "the agreement's focus areas: " + ", ".join(sorted(known)) if known else None)
                yield ProjectFinding(plan.file, anchor,
                                     f"focus_area {focus_area!r} is not a focus area of {plan.implements[0]!r}",  # type: ignore[index]
                                     hint)
