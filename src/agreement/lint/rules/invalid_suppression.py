"""A suppression comment cannot be read, or names an unknown rule.

## What it does
Reports every comment starting `# agreement:` that is not of the form
`# agreement: ignore[CODE, …] reason="…" until=YYYY-MM-DD`, names a code or rule
name that does not exist, or gives a date that is not a date. Such a comment
suppresses nothing.

## Why
A misspelt suppression silently fails to suppress, or worse, looks as if it does.

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
      - id: sspe  # agreement: ignore[L1O2] reason="the source names no responsible unit"
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
      - id: sspe  # agreement: ignore[missing-owner] reason="the source names no responsible unit"
        title: Samverkan mellan skola, socialtjänst och polis (SSP)
        goal: Färre unga begår brott.
```

## Options
This rule has no options.
"""

from __future__ import annotations

from ...diagnostics import Severity
from ..rule import RuleOptions

CODE = "L904"
NAME = "invalid-suppression"
SEVERITY = Severity.ERROR


class Options(RuleOptions):
    pass
