"""The document model: one Pydantic model per concept, a document per YAML file."""

from .action_plan import ActionPlan, PlanArea
from .actions import Action, Commitment, ProgressEntry, Promise
from .agreement import Agreement, FocusArea
from .base import Model
from .document import Area, Decision, Document, PartyActions, Period, Section, Signature, Term
from .follow_up import FollowUp, expand
from .follow_up_log import FOLLOW_UP_KIND, FollowUpLog
from .goals import Goal, Indicator, Measurement
from .organisation import Body, Member, Organisation, Step, WorkingModel
from .parties import Party, Unit

KINDS: dict[str, type[Document]] = {"agreement": Agreement, "action-plan": ActionPlan}
"""Document kinds by the value of their `kind` key."""

FILE_KINDS: dict[str, type[Model]] = {**KINDS, FOLLOW_UP_KIND: FollowUpLog}
"""Every kind of file validation reads: the documents, and the follow-up files beside them
(which are not documents: nothing is built from them)."""

__all__ = [
    "FILE_KINDS",
    "FOLLOW_UP_KIND",
    "KINDS",
    "Action",
    "ActionPlan",
    "Agreement",
    "Area",
    "Body",
    "Commitment",
    "Decision",
    "Document",
    "FocusArea",
    "FollowUp",
    "FollowUpLog",
    "Goal",
    "Indicator",
    "Measurement",
    "Member",
    "Organisation",
    "Party",
    "PartyActions",
    "Period",
    "PlanArea",
    "ProgressEntry",
    "Promise",
    "Section",
    "Signature",
    "Step",
    "Term",
    "Unit",
    "WorkingModel",
    "expand",
]
