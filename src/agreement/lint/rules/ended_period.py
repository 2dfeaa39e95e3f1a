"""The period has ended, but the document still says it is adopted.

## What it does
Reports a document whose status is `adopted` although its period (or its
`valid_until` date, when it has one) ended before `--today` (default: today's date).

## Why
Readers take an adopted document to be in force. When the period is over, either a
new agreement replaces it (then mark this one `repealed`), or the parties decide to
extend it (then change the period and record the decision).

## Example
With `--today 2016-06-15`:

```yaml
kind: agreement
schema: 1
id: exempel
title: Samverkansöverenskommelse 2015
period: {start: 2015-01-01, end: 2015-12-31}
status: adopted
decision: {body: Kommunstyrelsen, date: 2014-11-26, section: "§ 123"}
registration: {kommunen: KS 2014/456}
parties:
  - {id: kommunen, name: Exempels kommun, type: municipality}
signatures:
  - {party: kommunen, name: Anna Andersson, date: 2014-11-26}
```

## Use instead
```yaml
kind: agreement
schema: 1
id: exempel
title: Samverkansöverenskommelse 2015
period: {start: 2015-01-01, end: 2015-12-31}
status: repealed
decision: {body: Kommunstyrelsen, date: 2014-11-26, section: "§ 123"}
registration: {kommunen: KS 2014/456}
parties:
  - {id: kommunen, name: Exempels kommun, type: municipality}
signatures:
  - {party: kommunen, name: Anna Andersson, date: 2014-11-26}
```

## Options
This rule has no options.
"""

from __future__ import annotations

from typing import Iterator

from ...diagnostics import Severity
from ..rule import Context, Finding, RuleOptions

CODE = "L301"
NAME = "ended-period-still-adopted"
SEVERITY = Severity.WARNING


class Options(RuleOptions):
    pass


def check(context: Context, options: Options) -> Iterator[Finding]:
    document = context.document
    if document.status != "adopted":
        return
    end = document.valid_until or (document.period.end if document.period else None)
    if end is not None and end < context.today:
        what = "it was valid until" if document.valid_until else "its period ended"
        yield Finding(("status",), f"the document is still `adopted`, but {what} {end.isoformat()}",
                      "set `status: repealed` when a new document replaces it, or record the decision "
                      "that extends the period")
