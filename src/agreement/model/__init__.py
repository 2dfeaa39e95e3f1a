"""The document model: one Pydantic model per concept, a document per YAML file."""

from .action_plan import ActionPlan, PlanArea
from .actions import Action, Commitment, ProgressEntry, Promise
from .agreement import Agreement, FocusArea
from .document import Area, Decision, Document, PartyActions, Period, Section, Signature, Term
from .follow_up import FollowUp, expand
from .goals import Goal, Indicator
from .organisation import Body, Member, Organisation, Step, WorkingModel
from .parties import Party, Unit

KINDS: dict[str, type[Document]] = {"agreement": Agreement, "action-plan": ActionPlan}
"""Document kinds by the value of their `kind` key."""

__all__ = [
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
    "Goal",
    "Indicator",
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
