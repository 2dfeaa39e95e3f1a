"""An adopted document does not say who adopted it, when, or under which §.

## What it does
Reports a document with `status: adopted` whose `decision:` is missing, or lacks
the adopting body (`body`), the date (`date`) or the minute number (`section`, §).

## Why
An adopted agreement is a public decision. Readers and auditors look for who
decided it, when, and where in the minutes; without them the document's status
cannot be checked.

If the source document states no decision (only signatures, say), keep the example
faithful and suppress the finding with the reason:
`# agreement: ignore[L302] reason="the source states no decision, only signatures"`.

## Example
```yaml
kind: agreement
schema: 1
id: exempel
title: Samverkansöverenskommelse 2016
period: {start: 2016-01-01, end: 2016-12-31}
status: adopted
decision: {body: Kommunstyrelsen}
registration: {kommunen: KS 2015/456}
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
This rule has no options.
"""

from __future__ import annotations

from typing import Iterator

from ...diagnostics import Severity
from ..rule import Context, Finding, RuleOptions

CODE = "L302"
NAME = "adopted-without-decision"
SEVERITY = Severity.WARNING

_PARTS = (("body", "adopting body (`body`)"), ("date", "date (`date`)"), ("section", "§ (`section`)"))


class Options(RuleOptions):
    pass


def check(context: Context, options: Options) -> Iterator[Finding]:
    document = context.document
    if document.status != "adopted":
        return
    decision = document.decision
    if decision is None:
        yield Finding(("status",), "the document is `adopted`, but states no decision",
                      "add `decision: {body: …, date: YYYY-MM-DD, section: \"§ …\"}`")
        return
    missing = [words for key, words in _PARTS if getattr(decision, key) is None]
    if missing:
        listed = ", ".join(missing[:-1]) + (" or " if len(missing) > 1 else "") + missing[-1]
        yield Finding(("decision",), f"the decision that adopted the document states no {listed}",
                      "complete the decision from the minutes (protokoll)", on_key=True)
