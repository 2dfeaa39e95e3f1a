"""A text still says TODO: something was left to fill in.

## What it does
Reports every value that holds the word `TODO` (in capitals, as a word of its own): a
title, a goal, an owner's name, a paragraph of the background. `agreement new` writes
its skeletons with `TODO: …` wherever the author has to write the document's own words,
and this rule lists what is left.

## Why
A built document prints what the YAML says. A placeholder left in a value is printed
as if it were the text the council adopted ("TODO: samverkansområdets rubrik" as a
heading), and nothing else stops it: the file validates, because the placeholder is
text. Markers in comments would not print, but a value that must hold something would
then hold something made up that prints silently; so the markers are in the values,
and lint reports them until they are replaced. Comments are the author's notes and are
not checked.

## Example
```yaml
kind: agreement
schema: 1
id: exempel
title: Samverkansöverenskommelse 2026
parties:
  - {id: kommunen, name: Exempels kommun, type: municipality}
background: "TODO: varför parterna samverkar, i korthet"
```

## Use instead
```yaml
kind: agreement
schema: 1
id: exempel
title: Samverkansöverenskommelse 2026
parties:
  - {id: kommunen, name: Exempels kommun, type: municipality}
background: Kommunen och polisen samverkar för att minska brottsligheten i centrum.
```

## Options
- `markers` (default `["TODO"]`): the words that mark text left to fill in, matched in
  capitals as whole words (`FIXME`, say, or `ATT GÖRA`).
"""

from __future__ import annotations

import re
from typing import Iterator

from ...diagnostics import Severity, dotted
from ..rule import Context, Finding, RuleOptions

CODE = "L403"
NAME = "todo-marker"
SEVERITY = Severity.WARNING


class Options(RuleOptions):
    markers: list[str] = ["TODO"]


def check(context: Context, options: Options) -> Iterator[Finding]:
    words = [marker.strip() for marker in options.markers if marker.strip()]
    if not words:
        return
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(word) for word in words) + r")(?!\w)")
    for path, text in context.strings:
        match = pattern.search(text)
        if match is not None:
            yield Finding(path, f"{dotted(path)} still says {match.group(0)!r}: it prints as written",
                          "write the document's own text, or remove the key", text=match.group(0))
