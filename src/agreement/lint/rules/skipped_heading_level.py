"""A Markdown heading skips a level (`#` followed by `###`).

## What it does
Reports every heading in a text of the document that is more than one level deeper
than the heading before it in the same text, for ATX headings (`## Mål`) and setext
headings (underlined with `===` or `---`). Headings inside code blocks are ignored.

## Why
Headings are the table of contents of a document for screen reader users and the
bookmarks of the PDF; a skipped level reads as a missing section (WCAG 2.1, 1.3.1
info and relationships). Tagged PDF (PDF/UA) forbids skipped levels.

## Example
```yaml
kind: agreement
schema: 1
id: exempel
title: Samverkansöverenskommelse 2016
period: {start: 2016-01-01, end: 2016-12-31}
parties:
  - {id: kommunen, name: Exempels kommun, type: municipality}
background: |
  # Lägesbild

  ### Anmälda brott
  Antalet anmälda brott minskade 2015.
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
background: |
  # Lägesbild

  ## Anmälda brott
  Antalet anmälda brott minskade 2015.
```

## Options
This rule has no options.
"""

from __future__ import annotations

import re
from typing import Iterator

from ...diagnostics import Severity
from ..rule import Context, Finding, RuleOptions

CODE = "L803"
NAME = "skipped-heading-level"
SEVERITY = Severity.WARNING

_ATX = re.compile(r" {0,3}(#{1,6})(?:[ \t]+|$)")
_SETEXT = re.compile(r" {0,3}(=+|-+)[ \t]*$")
_FENCE = re.compile(r" {0,3}(```|~~~)")


class Options(RuleOptions):
    pass


def headings(text: str) -> Iterator[tuple[int, str]]:
    """The level and source line of every heading of a Markdown text, outside fenced code."""
    fenced = False
    previous = ""
    for line in text.split("\n"):
        if _FENCE.match(line):
            fenced = not fenced
            previous = ""
            continue
        if not fenced:
            atx = _ATX.match(line)
            setext = _SETEXT.match(line)
            if atx:
                yield len(atx.group(1)), line.strip()
            elif setext and previous.strip() and not _ATX.match(previous):
                yield (1 if setext.group(1)[0] == "=" else 2), previous.strip()
        previous = line


def check(context: Context, options: Options) -> Iterator[Finding]:
    for path, text in context.strings:
        if "#" not in text and "=" not in text and "-" not in text:
            continue
        level = 0
        for found, line in headings(text):
            if level and found > level + 1:
                yield Finding(path, f"heading {line!r} is level {found} after a level {level} heading",
                              f"use a level {level + 1} heading ({'#' * (level + 1)}) here", text=line)
            level = found

