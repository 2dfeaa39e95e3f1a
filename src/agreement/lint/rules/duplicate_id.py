"""Two things in the document have the same id.

## What it does
Reports every `id:` that is already used elsewhere in the same document: focus
areas, plan areas, actions, promises, goals, indicators, parties, sections, bodies
and so on share one set of ids. Units are named together with their party
(`kommunen/gata`), so two parties may each have a unit `social`.

## Why
Ids are how everything else points at a thing: `goal_ref:`, owners, follow-up
tools, suppressions and links in the built documents. With two things of the same
id, a reference silently picks one of them.

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
    actions:
      - id: belysning
        title: Bättre belysning i gångtunnlar
        goal: Alla gångtunnlar ska uppfattas som trygga att passera efter mörkrets inbrott.
        owner: kommunen
      - id: belysning
        title: Bättre belysning på torget
        goal: Torget ska uppfattas som tryggt efter mörkrets inbrott.
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
  - id: centrum
    title: Trygghet i centrum
    actions:
      - id: belysning-tunnlar
        title: Bättre belysning i gångtunnlar
        goal: Alla gångtunnlar ska uppfattas som trygga att passera efter mörkrets inbrott.
        owner: kommunen
      - id: belysning-torget
        title: Bättre belysning på torget
        goal: Torget ska uppfattas som tryggt efter mörkrets inbrott.
        owner: kommunen
```

## Options
This rule has no options.
"""

from __future__ import annotations

from typing import Any, Iterator

from ...diagnostics import Severity, YamlPath, dotted
from ..rule import Context, Finding, RuleOptions

CODE = "L401"
NAME = "duplicate-id"
SEVERITY = Severity.ERROR


class Options(RuleOptions):
    pass


def check(context: Context, options: Options) -> Iterator[Finding]:
    first_use: dict[str, YamlPath] = {}
    for path, key in _ids(context.loaded.data):
        if key in first_use:
            earlier = first_use[key]
            line = context.loaded.span(earlier)
            where = f" on line {line.line}" if line else ""
            yield Finding(path, f"duplicate id {key!r}: already used{where} by {dotted(earlier[:-1])}",
                          "give each area, action, goal, party and promise an id of its own")
        else:
            first_use[key] = path


def _ids(data: Any) -> Iterator[tuple[YamlPath, str]]:
    """Every `id:` value below the document's own, in file order; unit ids qualified by their party."""
    stack: list[tuple[YamlPath, Any, str | None]] = [((), data, None)]
    while stack:
        path, value, party = stack.pop()
        if isinstance(value, dict):
            own = value.get("id")
            if path and isinstance(own, str):
                unit_of = party if len(path) >= 2 and path[-2] == "units" else None
                yield path + ("id",), f"{unit_of}/{own}" if unit_of else own
            children = [(path + (key,), child, own if path[:1] == ("parties",) and len(path) == 2 else party)
                        for key, child in value.items() if isinstance(child, (dict, list))]
            stack.extend(reversed(children))
        elif isinstance(value, list):
            stack.extend(reversed([(path + (index,), child, party) for index, child in enumerate(value)
                                   if isinstance(child, (dict, list))]))
