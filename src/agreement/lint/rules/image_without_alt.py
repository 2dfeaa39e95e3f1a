"""A Markdown image has no alternative text.

## What it does
Reports every Markdown image written with empty alternative text, `![](karta.png)`
or `![ ][karta]`, in any text of the document.

## Why
Published agreements are public documents, and the Swedish accessibility law for
digital public services (WCAG 2.1 AA, EN 301 549) applies to the PDF, Word and HTML
files a municipality publishes. A screen reader reads nothing, or the file name,
for an image without alternative text.

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
  Områdena där flest brott anmäldes 2015:

  ![](karta-anmalda-brott-2015.png)
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
  Områdena där flest brott anmäldes 2015:

  ![Karta: flest brott anmäldes i centrum och vid resecentrum](karta-anmalda-brott-2015.png)
```

## Options
This rule has no options.
"""

from __future__ import annotations

import re
from typing import Iterator

from ...diagnostics import Severity
from ..rule import Context, Finding, RuleOptions

CODE = "L801"
NAME = "image-without-alt"
SEVERITY = Severity.WARNING

_EMPTY_ALT = re.compile(r"!\[\s*\]\s*[(\[][^)\]\n]*[)\]]")


class Options(RuleOptions):
    pass


def check(context: Context, options: Options) -> Iterator[Finding]:
    for path, text in context.strings:
        if "![" not in text:
            continue
        for match in _EMPTY_ALT.finditer(text):
            yield Finding(path, f"image {match.group(0)!r} has no alternative text",
                          "describe what the image shows between the brackets: ![Karta över …](fil.png)",
                          text=match.group(0))
