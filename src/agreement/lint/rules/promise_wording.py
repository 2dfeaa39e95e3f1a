"""A citizen promise is not phrased as a promise by a party ("Polisen lovar att …").

## What it does
Reports every citizen promise (medborgarlöfte) whose text does not contain one of
the phrases for the document's language in `phrases`: by default "lovar att" for
Swedish and "promise to" / "promises to" for English.

## Why
A citizen promise is a public commitment that residents can hold a party to. The
police's method for citizen promises phrases each one as "Polisen lovar att …" (or
"Polisen och kommunen lovar att …"), so it is clear who promises what. A
description of an activity is not a promise.

## Example
```yaml
kind: agreement
schema: 1
id: exempel
title: Samverkansöverenskommelse 2016
period: {start: 2016-01-01, end: 2016-12-31}
parties:
  - {id: polisen, name: Lokalpolisområde Exempel, type: police}
follow_up: {every: quarter}
promises:
  - id: synlighet
    text: Ökad synlighet i centrum på fredags- och lördagskvällar.
    goal: Fler ska känna sig trygga i centrum på kvällen.
    owner: polisen
```

## Use instead
```yaml
kind: agreement
schema: 1
id: exempel
title: Samverkansöverenskommelse 2016
period: {start: 2016-01-01, end: 2016-12-31}
parties:
  - {id: polisen, name: Lokalpolisområde Exempel, type: police}
follow_up: {every: quarter}
promises:
  - id: synlighet
    text: Polisen lovar att vara synlig i centrum fredags- och lördagskvällar.
    goal: Fler ska känna sig trygga i centrum på kvällen.
    owner: polisen
```

## Options
- `phrases` (default `{sv = ["lovar att"], en = ["promise to", "promises to"]}`):
  per document language, the phrases a promise must contain (any one of them).
"""

from __future__ import annotations

from typing import Iterator

from ...diagnostics import Severity
from ...model.document import Language
from ..rule import Context, Finding, RuleOptions
from ._shared import describe, phrase_pattern

CODE = "L701"
NAME = "promise-wording"
SEVERITY = Severity.INFO


class Options(RuleOptions):
    phrases: dict[Language, list[str]] = {"sv": ["lovar att"], "en": ["promise to", "promises to"]}


def check(context: Context, options: Options) -> Iterator[Finding]:
    phrases = options.phrases.get(context.document.language, [])
    pattern = phrase_pattern(tuple(phrases))
    if pattern is None:
        return
    example = phrases[0]
    for commitment in context.commitments:
        text = getattr(commitment.item, "text", None)
        if commitment.is_promise and text and not pattern.search(text):
            yield Finding(commitment.path + ("text",), f"{describe(commitment)} is not phrased as a promise",
                          f"write who promises what: \"Polisen {example} …\"")
