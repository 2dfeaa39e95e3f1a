"""The follow-up file (uppföljning): progress reports and measured values, kept beside a document.

An adopted document is a decision; what happens afterwards is a record of its
carrying out. Keeping the two in separate files keeps the adopted text's history
clean (a `git log` of the plan shows only its decisions and amendments) and lets
`agreement followups import` append reports without touching a transcribed or
adopted text. The file names its document by relative path, and actions, citizen
promises and indicators by their `id`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .actions import ProgressEntry
from .base import Id, Markdown, Model, Text, field, required
from .goals import Measurement

FOLLOW_UP_KIND = "follow-up"


class FollowUpLog(Model):
    """A follow-up file (uppföljning): the progress log of one document's actions and promises,
    and measured values of its indicators, by id."""

    kind: Literal["follow-up"] = required("Kind of file: `follow-up` (uppföljning).", "follow-up")
    schema_version: Literal[1] = Field(
        alias="schema",
        description="Version of this file format (1). Lets files written today still be read in years.",
        examples=[1],
    )
    document: Text = required(
        "Relative path of the document followed up (the agreement or action plan).", "action-plan.yaml"
    )
    description: Markdown | None = field(
        "What this file is: which follow-ups it records, or that it is an illustration.",
        "Lägesrapporter från styrgruppens uppföljningar 2014.",
    )
    progress: dict[Id, list[ProgressEntry]] = field(
        "Progress entries (lägesrapporter) by the `id` of an action or citizen promise of the document.",
        {"bekymmersamtal": [{"date": "2014-04-28", "status": "ongoing", "rating": "green",
                             "note": "Tolv samtal hölls under perioden.", "reported_by": "Närpolisen"}]},
        default_factory=dict,
    )
    measurements: dict[Id, list[Measurement]] = field(
        "Measured values (mätvärden) by the `id` of an indicator of the document.",
        {"lob": [{"date": "2014-08-31", "value": 23, "source": "Polisens statistik"}]},
        default_factory=dict,
    )
