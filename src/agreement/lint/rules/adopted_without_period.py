"""An adopted document states no period.

## What it does
Reports a document with `status: adopted` that has no `period:`.

## Why
A source that states no period is transcribed without one, and that is right for the
transcription. But an adopted agreement, plan or set of promises is in force for a
time: without a period nobody can tell when it ends, schedules such as `every: year`
give no follow-up dates, and `agreement followups` cannot say what is due.

## Example
```yaml
kind: agreement
schema: 1
id: exempel
title: Samverkansöverenskommelse
status: adopted
parties:
  - {id: kommunen, name: Exempels kommun, type: municipality}
```

## Use instead
```yaml
kind: agreement
schema: 1
id: exempel
title: Samverkansöverenskommelse
status: adopted
period: {start: 2026, end: 2027}  # or period: 2026, or days: {start: 2026-03-01, end: 2027-02-28}
parties:
  - {id: kommunen, name: Exempels kommun, type: municipality}
```

## Options
This rule has no options.
"""

from __future__ import annotations

from typing import Iterator

from ...diagnostics import Severity
from ..rule import Context, Finding, RuleOptions

CODE = "L305"
NAME = "adopted-without-period"
SEVERITY = Severity.WARNING


class Options(RuleOptions):
    pass


def check(context: Context, options: Options) -> Iterator[Finding]:
    document = context.document
    if document.status == "adopted" and document.period is None:
        yield Finding(("status",), "the document is `adopted`, but states no period",
                      "write `period:` with the years or days it is in force")
