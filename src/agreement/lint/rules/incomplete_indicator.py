"""An indicator has no baseline or no target.

## What it does
Reports every indicator (of the document, an area, a goal, a group of actions or an
action) that lacks
one of the values listed in `require`: by default the baseline (`baseline`,
utgångsvärde) and the target (`target`, målvärde).

## Why
An indicator says *what* is measured; only a baseline and a target say whether the
work succeeded. Without a baseline there is nothing to compare the follow-up with;
without a target nobody can say whether the result is good enough.

## Example
```yaml
kind: action-plan
schema: 1
id: exempel-2016
title: Handlingsplan 2016
period: {start: 2016-01-01, end: 2016-12-31}
parties:
  - {id: kommunen, name: Exempels kommun, type: municipality}
follow_up: {months: [4, 8, 12]}
areas:
  - id: alkohol
    title: Alkohol och droger
    goals:
      - {kind: follow-up, text: Höja alkoholdebutåldern i kommunen.}
    indicators:
      - {name: Alkoholdebut, source: "CAN:s drogvaneundersökning"}
    actions:
      - {title: Förstärkt tobakstillsyn på skolområden, owner: kommunen}
```

## Use instead
```yaml
kind: action-plan
schema: 1
id: exempel-2016
title: Handlingsplan 2016
period: {start: 2016-01-01, end: 2016-12-31}
parties:
  - {id: kommunen, name: Exempels kommun, type: municipality}
follow_up: {months: [4, 8, 12]}
areas:
  - id: alkohol
    title: Alkohol och droger
    goals:
      - {kind: follow-up, text: Höja alkoholdebutåldern i kommunen.}
    indicators:
      - name: Alkoholdebut
        source: CAN:s drogvaneundersökning
        baseline: 14,1 år (2015)
        target: 14,5 år (2016)
    actions:
      - {title: Förstärkt tobakstillsyn på skolområden, owner: kommunen}
```

## Options
- `require` (default `["baseline", "target"]`): the values every indicator must
  have; any of `baseline`, `target` and `source`.
"""

from __future__ import annotations

from typing import Iterator, Literal

from ...diagnostics import Severity
from ..rule import Context, Finding, RuleOptions
from ._shared import indicators

CODE = "L502"
NAME = "incomplete-indicator"
SEVERITY = Severity.WARNING

Part = Literal["baseline", "target", "source"]


class Options(RuleOptions):
    require: list[Part] = ["baseline", "target"]


def check(context: Context, options: Options) -> Iterator[Finding]:
    for indicator, path in indicators(context):
        missing = [part for part in options.require if not getattr(indicator, part)]
        if missing:
            listed = " and no ".join(missing)
            yield Finding(path, f"indicator {indicator.name!r} has no {listed}",
                          "add " + " and ".join(f"`{part}:`" for part in missing))
