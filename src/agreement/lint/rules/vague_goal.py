"""A goal or an action title uses a vague verb such as "verka för" or "sträva efter".

## What it does
Reports goals (of the document, its areas and its actions) and, with `titles`,
action titles that contain one of the phrases in `phrases`, compared without regard
to case and spacing: by default "verka för", "värna om", "sträva efter" and their
present tense.

## Why
The national crime prevention council (Brå) advises against such verbs in goals:
"we will work towards" cannot be followed up, because any effort at all fulfils it.
A goal says what will be different, for whom, by when; an action says what will be
done.

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
  - id: alkohol
    title: Alkohol och droger
    actions:
      - id: krogar
        title: Verka för ökat deltagande vid krögarträffarna
        goal: Sträva efter färre alkoholrelaterade våldsbrott i krogmiljö.
        owner: kommunen
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
  - id: alkohol
    title: Alkohol och droger
    actions:
      - id: krogar
        title: Bjuda in alla krögare till fyra krögarträffar per år
        goal: Antalet anmälda våldsbrott i krogmiljö ska minska med en fjärdedel till 2016.
        owner: kommunen
```

## Options
- `phrases` (default `["verka för", "verkar för", "värna om", "värnar om",
  "sträva efter", "strävar efter"]`): the phrases to report.
- `titles` (default `true`): check action titles as well as goals.
"""

from __future__ import annotations

import re
from typing import Iterator

from ...diagnostics import Severity, YamlPath
from ..rule import Context, Finding, RuleOptions
from ._shared import goals, phrase_pattern

CODE = "L503"
NAME = "vague-goal"
SEVERITY = Severity.WARNING


class Options(RuleOptions):
    phrases: list[str] = ["verka för", "verkar för", "värna om", "värnar om", "sträva efter", "strävar efter"]
    titles: bool = True


def check(context: Context, options: Options) -> Iterator[Finding]:
    pattern = phrase_pattern(tuple(options.phrases))
    if pattern is None:
        return
    for goal, path, _ in goals(context.document):
        yield from _matches(pattern, goal.text, path + ("text",), "goal")
    for commitment in context.commitments:
        item = commitment.item
        if item.goal:
            yield from _matches(pattern, item.goal, commitment.path + ("goal",), "goal")
        title = getattr(item, "title", None)
        if options.titles and title:
            yield from _matches(pattern, title, commitment.path + ("title",), "action title")


def _matches(pattern: re.Pattern[str], text: str, path: YamlPath, what: str) -> Iterator[Finding]:
    match = pattern.search(text)
    if match is None:
        return
    phrase = match.group(0)
    hint = ("say what will be different, for whom and by when" if what == "goal"
            else "say what will be done, by whom and how often")
    yield Finding(path, f"{what} says {' '.join(phrase.split())!r}, which cannot be followed up", hint, text=phrase)
