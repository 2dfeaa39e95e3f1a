"""The document model: one Pydantic model per concept, a document per YAML file."""

from .action_plan import ActionPlan, PlanArea
from .actions import Action, Commitment, ProgressEntry, Promise
from .agreement import Agreement, FocusArea, FocusAreaGroup
from .base import Model
from .citizen_promises import CitizenPromises
from .document import (ActionGroup, Area, Contact, Decision, Document, PartyActions, Period, Section, Signature,
                       Term)
from .follow_up import FollowUp, Reporting, expand
from .follow_up_log import FOLLOW_UP_KIND, FollowUpLog
from .goals import Goal, Indicator, Measurement
from .guidelines import Guidelines
from .organisation import Body, Member, Organisation, Role, Step, WorkingModel
from .outline import PARTS, OutlineEntry
from .parties import Party, Unit

KINDS: dict[str, type[Document]] = {
    "agreement": Agreement,
    "action-plan": ActionPlan,
    "guidelines": Guidelines,
    "citizen-promises": CitizenPromises,
}
"""Document kinds by the value of their `kind` key."""

FILE_KINDS: dict[str, type[Model]] = {**KINDS, FOLLOW_UP_KIND: FollowUpLog}
"""Every kind of file validation reads: the documents, and the follow-up files beside them
(which are not documents: nothing is built from them)."""

__all__ = [
    "FILE_KINDS",
    "FOLLOW_UP_KIND",
    "KINDS",
    "PARTS",
    "Action",
    "ActionGroup",
    "ActionPlan",
    "Agreement",
    "Area",
    "Body",
    "CitizenPromises",
    "Commitment",
    "Contact",
    "Decision",
    "Document",
    "FocusArea",
    "FocusAreaGroup",
    "FollowUp",
    "FollowUpLog",
    "Goal",
    "Guidelines",
    "Indicator",
    "Measurement",
    "Member",
    "Organisation",
    "OutlineEntry",
    "Party",
    "PartyActions",
    "Period",
    "PlanArea",
    "ProgressEntry",
    "Promise",
    "Reporting",
    "Role",
    "Section",
    "Signature",
    "Step",
    "Term",
    "Unit",
    "WorkingModel",
    "expand",
]
