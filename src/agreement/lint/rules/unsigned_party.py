"""A party has not signed an adopted agreement.

## What it does
Reports every party of an adopted document of the kinds in `kinds` (by default
agreements) that has no entry under `signatures:`.

## Why
An agreement binds the parties that signed it. A party that is listed but has not
signed may not consider itself bound, and the published document should show who
signed.

## Example
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
  - {id: polisen, name: Lokalpolisområde Exempel, type: police}
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
  - {id: polisen, name: Lokalpolisområde Exempel, type: police}
signatures:
  - {party: kommunen, name: Anna Andersson, date: 2015-11-26}
  - {party: polisen, name: Bo Berg, title: Lokalpolisområdeschef, date: 2015-11-30}
```

## Options
- `kinds` (default `["agreement"]`): the kinds of document that must be signed by
  every party; add `"action-plan"` where plans are signed too.
"""

from __future__ import annotations

from typing import Iterator, Literal

from ...diagnostics import Severity
from ..rule import Context, Finding, RuleOptions

CODE = "L304"
NAME = "unsigned-party"
SEVERITY = Severity.WARNING


class Options(RuleOptions):
    kinds: list[Literal["agreement", "action-plan", "guidelines", "citizen-promises"]] = ["agreement"]


def check(context: Context, options: Options) -> Iterator[Finding]:
    document = context.document
    if document.status != "adopted" or document.kind not in options.kinds:  # type: ignore[attr-defined]
        return
    signed = {signature.party.partition("/")[0] for signature in document.signatures}
    for p, party in enumerate(document.parties):
        if party.id not in signed:
            yield Finding(("parties", p, "id"), f"party {party.id!r} has not signed this adopted {document.kind}",  # type: ignore[attr-defined]
                          f"add `- {{party: {party.id}, name: …, date: YYYY-MM-DD}}` under `signatures:`")
