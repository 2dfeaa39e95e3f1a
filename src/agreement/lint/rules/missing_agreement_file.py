"""An action plan's `implements:` names a file that does not exist or is not an agreement.

## What it does
Reports an action plan whose `implements:` path (relative to the plan's own file)
names no file, or a file that is not a valid agreement. The agreement is read even
when it is not among the files being linted.

## Why
A plan that implements an agreement is read next to it; a broken link means the
plan's areas cannot be checked against the agreement's focus areas, and readers of
the built document follow a dead reference.

## Example
```yaml
# file: plan.yaml
kind: action-plan
schema: 1
id: exempel-2016
title: Handlingsplan 2016
implements: ../samverkan/overenskommelse.yaml
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

import os
from typing import Iterator

from ...diagnostics import Severity
from ..project import Project
from ..rule import ProjectFinding, RuleOptions

CODE = "L601"
NAME = "missing-agreement-file"
SEVERITY = Severity.ERROR


class Options(RuleOptions):
    pass


def check_project(project: Project, options: Options) -> Iterator[ProjectFinding]:
    for plan in project.plans():
        target = plan.implemented_path()
        if target is None or plan.implements is None:
            continue
        written, anchor = plan.implements
        if not os.path.isfile(target):
            yield ProjectFinding(plan.file, anchor, f"`implements:` names {written!r}, which does not exist",
                                 "write the path of the agreement file relative to this plan")
            continue
        agreement = project.document_at(target)
        if agreement is None or agreement.kind != "agreement":
            yield ProjectFinding(plan.file, anchor, f"`implements:` names {written!r}, which is not a valid agreement",
                                 f"run `agreement validate {written}`, or name the agreement file")
