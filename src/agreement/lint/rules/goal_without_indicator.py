"""An effect goal has no indicator to tell whether it is reached.

## What it does
Reports every declared goal of the kinds in `kinds` (by default effect goals,
effektmål) that has no indicator: none of its own under `indicators:`, and none on
the level it is written at (its area's `indicators:` for an area goal, the
document's for a document goal). With `action_goals`, also reports actions whose
own `goal:` has no indicator on the action or its area.

## Why
An effect goal says what will be different for people. Without an indicator
(a source, a baseline and a target) nobody can tell at the follow-up whether that
happened. The national crime prevention council (Brå) asks for measurable goals
with indicators chosen when the goal is set.

## Example
```yaml
kind: agreement
schema: 1
id: exempel
title: Samverkansöverenskommelse 2016
period: {start: 2016-01-01, end: 2016-12-31}
parties:
  - {id: kommunen, name: Exempels kommun, type: municipality}
follow_up: {every: year}
focus_areas:
  - id: centrum
    title: Trygghet i centrum
    goals:
      - {id: tryggt-centrum, kind: effect, text: Fler ska känna sig trygga i centrum på kvällen.}
    actions:
      - {id: belysning, title: Bättre belysning i gångtunnlar, goal_ref: tryggt-centrum, owner: kommunen}
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
follow_up: {every: year}
focus_areas:
  - id: centrum
    title: Trygghet i centrum
    goals:
      - id: tryggt-centrum
        kind: effect
        text: Fler ska känna sig trygga i centrum på kvällen.
        indicators:
          - name: Andel som känner sig trygga i centrum på kvällen
            source: Kommunens trygghetsmätning
            baseline: 58 % (2015)
            target: 65 % (2016)
    actions:
      - {id: belysning, title: Bättre belysning i gångtunnlar, goal_ref: tryggt-centrum, owner: kommunen}
```

## Options
- `kinds` (default `["effect"]`): the kinds of goal that need an indicator
  (`overall`, `effect`, `process`, `output`, `follow-up`).
- `action_goals` (default `false`; `true` in the strict preset): also demand an
  indicator for every action that states its own `goal:`.
"""

from __future__ import annotations

from typing import Iterator

from ...diagnostics import Severity
from ...model.goals import GoalKind
from ..rule import Context, Finding, RuleOptions
from ._shared import describe, goals, shorten

CODE = "L501"
NAME = "goal-without-indicator"
SEVERITY = Severity.WARNING


class Options(RuleOptions):
    kinds: list[GoalKind] = ["effect"]
    action_goals: bool = False


STRICT = {"action_goals": True}


def check(context: Context, options: Options) -> Iterator[Finding]:
    for goal, path, level_indicators in goals(context.document):
        if goal.kind in options.kinds and not goal.indicators and not level_indicators:
            name = repr(goal.id) if goal.id else repr(shorten(goal.text))
            yield Finding(path, f"{goal.kind} goal {name} has no indicator",
                          "add `indicators:` with a source, a baseline and a target")
    if not options.action_goals:
        return
    for commitment in context.commitments:
        item = commitment.item
        area_indicators = commitment.area.indicators if commitment.area else []
        group_indicators = commitment.group.indicators if commitment.group else []
        if item.goal and not getattr(item, "indicators", None) and not area_indicators and not group_indicators:
            yield Finding(commitment.path + ("goal",), f"the goal of {describe(commitment)} has no indicator",
                          "add `indicators:` to the action, its group or its area", on_key=True)
