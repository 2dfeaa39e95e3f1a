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

from .actions import ProgressEntry
from .base import Id, Markdown, Model, Terms, Text, field, required
from .goals import Measurement

FOLLOW_UP_KIND = "follow-up"
FOLLOW_UP_KIND_SV: Terms = ("uppföljning", "uppföljningsfil", "lägesrapport")
"""Swedish names of a follow-up file, for `kind: uppföljning`."""


class FollowUpLog(Model):
    """A follow-up file (uppföljning): the progress log of one document's actions and promises,
    and measured values of its indicators, by id."""

    kind: Literal["follow-up"] = required(
        "Kind of file: `follow-up` (uppföljning).", "follow-up",
        sv=("typ", "filtyp"), sv_values={FOLLOW_UP_KIND: FOLLOW_UP_KIND_SV},
    )
    schema_version: Literal[1] = required(
        "Version of this file format (1). Lets files written today still be read in years.", 1,
        alias="schema", sv=("schemaversion", "formatversion"),
    )
    document: Text = required(
        "Relative path of the document followed up (the agreement or action plan).", "action-plan.yaml",
        sv=("dokument", "följer upp"),
    )
    description: Markdown | None = field(
        "What this file is: which follow-ups it records, or that it is an illustration.",
        "Lägesrapporter från styrgruppens uppföljningar 2014.",
        sv="beskrivning",
    )
    progress: dict[Id, list[ProgressEntry]] = field(
        "Progress entries (lägesrapporter) by the `id` of an action or citizen promise of the document.",
        {"bekymmersamtal": [{"date": "2014-04-28", "status": "ongoing", "rating": "green",
                             "note": "Tolv samtal hölls under perioden.", "reported_by": "Närpolisen"}]},
        default_factory=dict,
        sv=("lägesrapporter", "uppföljningslogg"),
    )
    measurements: dict[Id, list[Measurement]] = field(
        "Measured values (mätvärden) by the `id` of an indicator of the document.",
        {"lob": [{"date": "2014-08-31", "value": 23, "source": "Polisens statistik"}]},
        default_factory=dict,
        sv=("mätvärden", "mätningar", "utfall"),
    )
