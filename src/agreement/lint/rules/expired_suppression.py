"""A suppression's `until=` date has passed.

## What it does
Reports every suppression comment whose `until=YYYY-MM-DD` date is before
`--today` (default: today's date). An expired suppression no longer suppresses
anything: the findings it covered are reported again.

## Why
Some exceptions are temporary: "the owner is appointed in March". A date makes the
exception come back by itself instead of staying forever.

## Example
With `--today 2016-06-15`:

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
      - id: sspe  # agreement: ignore[L102] reason="the owner is appointed in March" until=2016-03-31
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

CODE = "L902"
NAME = "expired-suppression"
SEVERITY = Severity.WARNING


class Options(RuleOptions):
    pass
