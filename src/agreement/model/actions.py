"""Actions (åtgärder, aktiviteter, insatser) and citizen promises (medborgarlöften).

Both are commitments: someone owns them, they serve a goal and they are followed
up. Owner, goal and follow-up may be left out here and inherited (see
`agreement.model.resolve`); lint reports a commitment that still lacks one.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator

from .base import REF_PATTERN, AlsoAccepts, Id, Markdown, Model, PartyRef, Terms, Text, field, required
from .follow_up import FollowUpSpec
from .goals import Indicator

Status = Literal["planned", "ongoing", "done", "possible", "cancelled"]
STATUS_SV: dict[str, Terms] = {
    "planned": ("planerad", "kommande"),
    "ongoing": ("pågående", "pågår", "påbörjad"),
    "done": ("genomförd", "klar", "avslutad", "slutförd"),
    "possible": ("tänkbar", "möjlig"),
    "cancelled": ("avbruten", "inställd", "struken"),
}
"""Swedish terms of each status, for actions and their progress entries alike."""
Rating = Literal["green", "yellow", "red"]
RATING_SV: dict[str, Terms] = {"green": "grön", "yellow": "gul", "red": "röd"}
"""Swedish terms of each rating (trafikljus)."""


_REF = {"type": "string", "pattern": REF_PATTERN, "description": "A party (`polisen`) or a unit (`eslov/gtp`)."}


def _as_list(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


OwnerSpec = Annotated[
    list[PartyRef],
    BeforeValidator(_as_list),
    AlsoAccepts((_REF,)),
]
"""One reference or a list of them; always a list once validated (no union, plain error paths)."""


class ProgressEntry(Model):
    """One entry in an action's progress log (lägesrapport), written at a follow-up."""

    date: dt.date = required("Date of the follow-up (datum).", "2016-04-30", sv="datum")
    status: Status | None = field("Status at that date.", "ongoing", sv=("status", "läge"), sv_values=STATUS_SV)
    rating: Rating | None = field(
        "Traffic light (grön/gul/röd): on track, at risk, off track.", "green",
        sv=("bedömning", "trafikljus", "färg"), sv_values=RATING_SV,
    )
    note: Markdown | None = field(
        "What was done and what remains (kommentar).", "Tre tunnlar har fått ny belysning.",
        sv=("kommentar", "anteckning"),
    )
    reported_by: Text | None = field(
        "Who reported it (rapporterad av): a name or a role.", "Anna Berg, enhetschef",
        sv=("rapporterad av", "rapportör", "uppgiftslämnare"),
    )


class Commitment(Model):
    """What actions and citizen promises share: owner, goal, status and follow-up."""

    id: Id | None = field(
        "Key of this item, used by lint suppressions and follow-up tools.", "tunnlar",
        sv=("id", "nyckel"),
    )
    goal: Text | None = field(
        "The item's own goal, usually an effect goal (effektmål).",
        "Alla gångtunnlar ska uppfattas som tryggare än att passera över en trafikerad väg.",
        sv=("mål", "effektmål"),
    )
    goal_ref: Id | None = field(
        "Id of a goal of the focus area or the document that this item serves, instead of its own `goal`.",
        "tryggare-tunnlar",
        sv=("målreferens", "målnyckel"),
    )
    owner: OwnerSpec | None = field(
        "Who is responsible (ansvarig): a party (`polisen`) or a unit (`eslov/gtp`); a list for joint owners.",
        "eslov/gtp",
        sv=("ansvarig", "ägare"),
    )
    owner_text: Text | None = field(
        "Who is responsible in the document's own words (ansvarig i text), printed instead of the "
        "owners' names; `owner` keeps who it is, as data for lint and the follow-up.",
        "Resursavdelningen och Grundskolan på Barn och Utbildning",
        sv=("ansvarig som skrivet", "ansvarig i text"),
    )
    status: Status | None = field(
        "planned (planerad), ongoing (pågående), done (genomförd), possible (tänkbar) or cancelled (avbruten).",
        "ongoing",
        sv=("status", "läge"), sv_values=STATUS_SV,
    )
    follow_up: FollowUpSpec | None = field(
        "When this item is followed up (uppföljning): a date, a list of dates or a schedule. "
        "Inherited from the area, then the document, when left out.",
        "2016-12-31",
        sv="uppföljning",
    )
    progress: list[ProgressEntry] = field(
        "Progress log filled in at follow-ups (lägesrapporter).",
        [{"date": "2016-04-30", "status": "ongoing", "rating": "green", "note": "Tre tunnlar har fått ny belysning."}],
        default_factory=list,
        sv=("lägesrapporter", "uppföljningslogg"),
    )

    @property
    def owners(self) -> list[str]:
        """The owners written on this item itself (empty when inherited or missing)."""
        return list(self.owner or [])


class Action(Commitment):
    """An action (åtgärd, aktivitet, insats): what a party will do, towards which goal."""

    title: Text = required(
        "Short name of the action (rubrik).", "Förbättra tryggheten i tunnlar och andra miljöer",
        sv=("rubrik", "titel", "namn"),
    )
    description: Markdown | None = field(
        "What the action is and why (beskrivning).",
        "Gångtunnlar kan skapa otrygghet genom att vara mörka, trånga och oöverblickbara.",
        sv="beskrivning",
    )
    partners: OwnerSpec = field(
        "Parties or units that take part without owning the action (samverkanspartner).",
        ["polisen", "eslov/tillvaxt"],
        default_factory=list,
        sv=("samverkanspartner", "samverkansparter", "medverkande"),
    )
    indicators: list[Indicator] = field(
        "Indicators of this action (indikatorer).",
        [{"name": "Antal genomförda trygghetsvandringar", "target": "4 per år"}],
        default_factory=list,
        sv=("indikatorer", "mått"),
    )


class Promise(Commitment):
    """A citizen promise (medborgarlöfte): a short public commitment, "Polisen lovar att …"."""

    text: Text = required(
        "The promise as published.", "Polisen lovar att vara synlig i centrum fredags- och lördagskvällar.",
        sv=("text", "löfte", "lydelse"),
    )
    description: Markdown | None = field(
        "Why the promise is made and what it means (beskrivning).",
        "Medborgardialogen visade att många känner sig otrygga i centrum kvällstid.",
        sv=("beskrivning", "bakgrund"),
    )
    activities: list[Text] = field(
        "What will be done to keep the promise (aktiviteter).",
        ["Fotpatrullering fredag och lördag kl. 20–02", "Trygghetsvandring i centrum i maj"], default_factory=list,
        sv=("aktiviteter", "insatser"),
    )
    dialogue: Markdown | None = field(
        "The dialogue the promise came from (medborgardialog): who was asked, how and what they said.",
        "Enkät till 800 invånare och samtal på torget under trygghetsveckan i mars.",
        sv=("medborgardialog", "dialog"),
    )
