"""Goals (mål) and the indicators (indikatorer) that make them possible to follow up."""

from __future__ import annotations

from typing import Literal

from .base import Id, Markdown, Model, Terms, Text, field, required

GoalKind = Literal["overall", "effect", "process", "output", "follow-up"]
GOAL_KIND_SV: dict[str, Terms] = {
    "overall": ("inriktningsmål", "övergripande mål", "övergripande"),
    "effect": "effektmål",
    "process": "processmål",
    "output": ("produktionsmål", "prestationsmål", "aktivitetsmål"),
    "follow-up": "uppföljningsmål",
}


class Indicator(Model):
    """An indicator (indikator, mått) that shows whether a goal is being met."""

    id: Id | None = field("Key of the indicator.", "lob", sv=("id", "nyckel"))
    name: Text = required("What is measured (indikator).", "Antal LOB", sv=("indikator", "namn"))
    description: Markdown | None = field(
        "What the indicator means (beskrivning).",
        "En återkommande drogvaneundersökning bland elever i årskurs 8 och årskurs 2 på gymnasiet.",
        sv="beskrivning",
    )
    source: Text | None = field(
        "Where the figures come from (källa).", "CAN:s drogvaneundersökning, årskurs 8",
        sv="källa",
    )
    baseline: Text | None = field(
        "Value when the work starts (utgångsvärde, nuläge).", "62 % (2014)",
        sv=("utgångsvärde", "nuläge", "nollvärde"),
    )
    target: Text | None = field("Value to reach (målvärde).", "70 % (2018)", sv=("målvärde", "mål"))


class Goal(Model):
    """A goal (mål): overall (inriktningsmål), effect (effektmål), process (processmål),
    output (produktionsmål) or follow-up goal (uppföljningsmål)."""

    id: Id | None = field("Key that an action's `goal_ref` can name.", "tryggare-tunnlar", sv=("id", "nyckel"))
    kind: GoalKind = required(
        "Kind of goal: overall (inriktningsmål, övergripande mål), effect (effektmål), "
        "process (processmål), output (produktionsmål) or follow-up (uppföljningsmål).",
        "effect",
        sv=("typ", "måltyp"), sv_values=GOAL_KIND_SV,
    )
    text: Text = required(
        "The goal as written (målformulering).", "Alla Malmöbor ska känna sig trygga i sin stad.",
        sv=("målformulering", "text", "lydelse"),
    )
    indicators: list[Indicator] = field(
        "Indicators that show whether the goal is met (indikatorer).",
        [{"name": "Graden av måluppfyllelse", "source": "Trygghetsmätningar"}],
        default_factory=list,
        sv=("indikatorer", "mått"),
    )
