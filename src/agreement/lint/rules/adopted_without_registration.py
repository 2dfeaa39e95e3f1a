"""An adopted document has no registration number (diarienummer).

## What it does
Reports a document with `status: adopted` and no `registration:` at all; with the
option `every_party`, reports every party of an adopted document without a
registration number of its own.

## Why
The registration number is how the public and the parties' registries find the
decision and the document in the records (allmänna handlingar).

## Example
```yaml
kind: agreement
schema: 1
id: exempel
title: Samverkansöverenskommelse 2016
period: {start: 2016-01-01, end: 2016-12-31}
status: adopted
decision: {body: Kommunstyrelsen, date: 2015-11-26, section: "§ 123"}
parties:
  - {id: kommunen, name: Exempels kommun, type: municipality}
signatures:
  - {party: kommunen, name: Anna Andersson, date: 2015-11-26}
```

## Use instead
```yaml
kind: agreement
schema: 1
id: exempel
title: Samverkansöverenskommelse 2016
period: {start: 2016-01-01, end: 2016-12-31}
status: adopted
decision: {body: Kommunstyrelsen, date: 2015-11-26, section: "§ 123"}
registration: {kommunen: KS 2015/456}
parties:
  - {id: kommunen, name: Exempels kommun, type: municipality}
signatures:
  - {party: kommunen, name: Anna Andersson, date: 2015-11-26}
```

## Options
- `every_party` (default `false`): demand a registration number for every party,
  not just one for the document.
"""

from __future__ import annotations

from typing import Iterator

from ...diagnostics import Severity
from ..rule import Context, Finding, RuleOptions

CODE = "L303"
NAME = "adopted-without-registration"
SEVERITY = Severity.WARNING


class Options(RuleOptions):
    every_party: bool = False


def check(context: Context, options: Options) -> Iterator[Finding]:
    document = context.document
    if document.status != "adopted":
        return
    if not document.registration:
        yield Finding(("status",), "the document is `adopted`, but has no registration number (diarienummer)",
                      f"add `registration: {{{document.parties[0].id}: \"KS 2015/456\"}}`")
        return
    if options.every_party:
        for p, party in enumerate(document.parties):
            if party.id not in document.registration:
                yield Finding(("parties", p, "id"), f"party {party.id!r} has no registration number",
                              f"add `{party.id}: …` under `registration:`")
