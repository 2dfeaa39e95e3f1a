"""Guidelines (riktlinjer, policy, program): one organisation's governing document for its safety
work, adopted by its council. It names what it applies to, who revises and follows it up, the roles
and responsibilities of its bodies and a working model; it has no second party and no signatures."""

from __future__ import annotations

from typing import Literal

from .agreement import FocusAreaDocument
from .base import required
from .document import KIND_SV


class Guidelines(FocusAreaDocument):
    """Guidelines (riktlinjer, policy, program) of one organisation, adopted by its council."""

    kind: Literal["guidelines"] = required(
        "Kind of document: `guidelines` (riktlinjer, policy, program).", "guidelines",
        sv=KIND_SV, sv_values={"guidelines": ("riktlinjer", "policy", "program")},
    )
