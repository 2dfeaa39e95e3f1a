"""A link's text says nothing about where it leads ("här", "läs mer", "click here").

## What it does
Reports every Markdown link, in any text of the document, whose text is one of
`phrases` once case, spacing and final punctuation are ignored: by default "här",
"klicka här", "läs mer", "länk", "mer", "click here", "here", "read more", "link"
and "more".

## Why
Screen reader users often move from link to link, hearing only the link texts; a
list of "här, här, läs mer" tells them nothing. WCAG 2.1 (2.4.4, link purpose) asks
that the purpose of a link can be told from its text. It also helps everyone who
skims a printed PDF.

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
  Trygghetsmätningen för 2015 finns [här](https://exempel.se/trygghetsmatning-2015).
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
  Läs [trygghetsmätningen för 2015](https://exempel.se/trygghetsmatning-2015).
```

## Options
- `phrases` (default as above): the link texts to report.
"""

from __future__ import annotations

import re
from typing import Iterator

from ...diagnostics import Severity
from ..rule import Context, Finding, RuleOptions

CODE = "L802"
NAME = "vague-link-text"
SEVERITY = Severity.WARNING

_LINK = re.compile(r"(?<!!)\[([^\[\]\n]+)\]\s?[(\[]")


class Options(RuleOptions):
    phrases: list[str] = ["här", "klicka här", "läs mer", "länk", "mer",
                          "click here", "here", "read more", "link", "more"]


def _normal(text: str) -> str:
    return " ".join(text.split()).strip(" .:!…»«\"'").casefold()


def check(context: Context, options: Options) -> Iterator[Finding]:
    vague = {_normal(phrase) for phrase in options.phrases}
    for path, text in context.strings:
        if "](" not in text and "][" not in text and "] " not in text:
            continue
        for match in _LINK.finditer(text):
            if _normal(match.group(1)) in vague:
                yield Finding(path, f"link text {match.group(1)!r} does not say where the link leads",
                              "use the name of the page or document as the link text",
                              text=match.group(0)[:-1].rstrip())
