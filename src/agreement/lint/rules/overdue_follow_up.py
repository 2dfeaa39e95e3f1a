"""A follow-up date has passed and the action has no progress entry since.

## What it does
For every action and citizen promise that is not `done` or `cancelled`, takes the
latest of its follow-up dates (its own, or inherited from its area or the document)
that has passed as of `--today` (default: today's date). If the item has no
`progress:` entry dated on or after that follow-up, the follow-up is overdue.

Only documents in force are checked: those with `status: adopted`, and those with
no status whose period has not ended. Drafts, documents out for consultation and
repealed documents are skipped (an adopted document whose period has ended is
reported by L301). A progress entry whose status is `done` or `cancelled` finishes
the item too.

Follow-up dates written outside the period are a validation error (R304), not this
rule.

## Why
A follow-up that silently passes is the usual way an agreement dies: the action is
still "ongoing" on paper years later. The progress log (lägesrapport) is where the
owner says what happened at each follow-up.

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
focus_areas:
  - id: centrum
    title: Trygghet i centrum
    actions:
      - id: belysning
        title: Bättre belysning i gångtunnlar
        goal: Alla gångtunnlar ska uppfattas som trygga att passera efter mörkrets inbrott.
        owner: kommunen
        status: ongoing
        follow_up: [2016-03-31, 2016-09-30]
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
focus_areas:
  - id: centrum
    title: Trygghet i centrum
    actions:
      - id: belysning
        title: Bättre belysning i gångtunnlar
        goal: Alla gångtunnlar ska uppfattas som trygga att passera efter mörkrets inbrott.
        owner: kommunen
        status: ongoing
        follow_up: [2016-03-31, 2016-09-30]
        progress:
          - date: 2016-04-05
            rating: yellow
            note: Tre av sju tunnlar har fått ny belysning.
```

## Options
- `grace_days` (default `0`, from 0 to 366): days after a follow-up date before it
  counts as overdue, for reports that are customarily written a few weeks later.
"""

from __future__ import annotations

import datetime as dt
from typing import Iterator

from pydantic import Field

from ...diagnostics import Severity
from ..rule import Context, Finding, RuleOptions
from ._shared import FINISHED, describe, in_force

CODE = "L201"
NAME = "overdue-follow-up"
SEVERITY = Severity.WARNING
MAX_GRACE_DAYS = 366
"""A report a year late is no longer a follow-up; larger numbers are mistakes (and 2**63 days overflow)."""


class Options(RuleOptions):
    grace_days: int = Field(default=0, ge=0, le=MAX_GRACE_DAYS)


def check(context: Context, options: Options) -> Iterator[Finding]:
    document = context.document
    if not in_force(document, context.today):
        return
    cutoff = context.today - dt.timedelta(days=options.grace_days)
    for commitment in context.commitments:
        item = commitment.item
        if item.status in FINISHED or any(entry.status in FINISHED for entry in item.progress):
            continue
        resolved = context.follow_up_dates(commitment)
        due = [date for date in (resolved.value if resolved else []) if date < cutoff]
        if not due:
            continue
        last_due = max(due)
        if any(entry.date >= last_due for entry in item.progress):
            continue
        path = commitment.path + ("follow_up",) if item.follow_up is not None else commitment.path
        yield Finding(
            path,
            f"the follow-up of {describe(commitment)} was due {last_due.isoformat()} "
            "and it has no progress entry since",
            f"add a `progress:` entry dated {last_due.isoformat()} or later, or set `status: done`",
            on_key=item.follow_up is not None,
        )
