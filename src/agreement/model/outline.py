"""The author's outline: which parts of a document print, in which order, under which headings.

A council adopts the text it wrote, in its order and under its headings. Without an
`outline:`, the parts print in the order their keys are written in the file (free
sections where `sections:` stands), each under its usual heading ("Bakgrund",
"Uppföljning", …). An `outline:` lists the parts to print instead, in order, and may
rename their headings or print a part without one:

```yaml
outline:
  - background: false          # the text that follows the title, with no heading
  - inledning                  # a free section, by its id
  - goals: Mål                 # a part under the document's own heading
  - organisation
```

A part that is written but not in the outline does not print; its values still serve
lint and the follow-up commands (a follow-up schedule stated in the background's
prose, say).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator

from .base import AlsoAccepts, Id, Model, Text, field, required
from .limits import PLAIN_TEXT_CHARACTERS

PARTS: tuple[str, ...] = (
    "background", "purpose", "sections", "goals", "indicators", "organisation", "working_model",
    "focus_areas", "focus_area_groups", "areas", "promises", "follow_up", "signatures", "references",
    "glossary",
)
"""Keys of a document that print as parts (sections with a heading), whatever the kind; a kind
has those of them its model declares. `sections` stands for the free sections it holds."""


class OutlineEntry(Model):
    """One part in the outline: a part's key or a free section's id, and its heading."""

    part: Id = required("The part's key (`background`, `goals`, …) or a free section's id.", "background",
                        sv=("del", "avsnitt"))
    heading: Text | Literal[False] | None = field(
        "The heading to print (rubrik): the document's own wording, or false for none. "
        "Left out: the part's usual heading.",
        "Inledning",
        sv=("rubrik", "titel"),
    )


def _shorthand(value: Any) -> Any:
    """`- goals` means `{part: goals}`; `- goals: Mål` means `{part: goals, heading: Mål}`."""
    if isinstance(value, str):
        return {"part": value}
    if isinstance(value, dict) and len(value) == 1 and "part" not in value:
        (part, heading), = value.items()
        return {"part": part, "heading": heading}
    return value


OutlineItem = Annotated[
    OutlineEntry,
    BeforeValidator(_shorthand),
    AlsoAccepts((
        {"type": "string", "description": "A part's key or a free section's id, under its usual heading."},
        {"type": "object", "minProperties": 1, "maxProperties": 1,
         "additionalProperties": {"anyOf": [{"type": "string", "minLength": 1, "maxLength": PLAIN_TEXT_CHARACTERS},
                                            {"const": False}]},
         "description": "A part and the heading it prints under (false: no heading)."},
    )),
]


def outline_field() -> Any:
    return field(
        "The parts to print, in order, with their headings (disposition). Left out: every part "
        "in the order its key is written, under its usual heading.",
        ["background", {"goals": "Mål"}, "inriktning", {"organisation": "Ledning och styrning"}],
        sv=("disposition", "innehållsordning"),
    )
