"""A suppression comment gives no reason.

## What it does
Reports every `# agreement: ignore[…]` comment without `reason="…"`. The
suppression still works; the finding is that nobody can tell why it is there.

## Why
A suppression is a decision to accept something the rules would reject. Whoever
reads the plan next (a reviewer, the next safety coordinator) needs the reason to
judge whether it still holds; a reason that quotes the source document keeps an
example faithful and honest.

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
      - id: sspe  # agreement: ignore[L102]
        title: Samverkan mellan skola, socialtjänst och polis (SSP)
        goal: Färre unga begår brott.
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
      - id: sspe  # agreement: ignore[L102] reason="the source names no responsible unit"
        title: Samverkan mellan skola, socialtjänst och polis (SSP)
        goal: Färre unga begår brott.
```

## Options
This rule has no options. Suppression findings (L9xx) cannot themselves be
suppressed in the YAML; turn them off in the configuration if you must.
"""

from __future__ import annotations

from ...diagnostics import Severity
from ..rule import RuleOptions

CODE = "L901"
NAME = "suppression-without-reason"
SEVERITY = Severity.ERROR


class Options(RuleOptions):
    pass
