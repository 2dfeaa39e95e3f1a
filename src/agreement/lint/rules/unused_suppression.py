"""A suppression comment suppresses nothing.

## What it does
Reports every code in a `# agreement: ignore[…]` comment for which no finding was
suppressed: the problem has been fixed, or the comment is on a line the finding is
not reported on. A suppression applies to a finding on its own line, or to every
finding inside the mapping whose key line (or list item line) it is written on.
Codes that are not selected in this run are not reported.

## Why
Stale suppressions hide the next real problem on the same line, and mislead readers
into thinking something is wrong.

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
      - id: sspe  # agreement: ignore[L102] reason="the source names no responsible unit"
        title: Samverkan mellan skola, socialtjänst och polis (SSP)
        goal: Färre unga begår brott.
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
      - id: sspe
        title: Samverkan mellan skola, socialtjänst och polis (SSP)
        goal: Färre unga begår brott.
        owner: kommunen
```

## Options
This rule has no options.
"""

from __future__ import annotations

from ...diagnostics import Severity
from ..rule import RuleOptions

CODE = "L903"
NAME = "unused-suppression"
SEVERITY = Severity.WARNING


class Options(RuleOptions):
    pass
