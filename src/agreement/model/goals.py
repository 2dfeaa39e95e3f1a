"""Goals (mål) and the indicators (indikatorer) that make them possible to follow up."""

from __future__ import annotations

from typing import Literal

from .base import Id, Markdown, Model, Text, field, required

GoalKind = Literal["overall", "effect", "process", "output", "follow-up"]


class Indicator(Model):
    """An indicator (indikator, mått) that shows whether a goal is being met."""

    id: Id | None = field("Key of the indicator.", "lob")
    name: Text = required("What is measured (indikator).", "Antal LOB")
    description: Markdown | None = field(
        "What the indicator means (beskrivning).",
        "En återkommande drogvaneundersökning bland elever i årskurs 8 och årskurs 2 på gymnasiet.",
    )
    source: Text | None = field("Where the figures come from (källa).", "CAN:s drogvaneundersökning, årskurs 8")
    baseline: Text | None = field("Value when the work starts (utgångsvärde, nuläge).", "62 % (2014)")
    target: Text | None = field("Value to reach (målvärde).", "70 % (2018)")


class Goal(Model):
    """A goal (mål): overall (inriktningsmål), effect (effektmål), process (processmål),
    output (produktionsmål) or follow-up goal (uppföljningsmål)."""

    id: Id | None = field("Key that an action's `goal_ref` can name.", "tryggare-tunnlar")
    kind: GoalKind | None = field(
        "Kind of goal, for lint: overall (inriktningsmål, övergripande mål), effect (effektmål), "
        "process (processmål), output (produktionsmål) or follow-up (uppföljningsmål). Not printed.",
        "effect",
    )
    label: Text | None = field(
        "The label the document prints before the goal (etikett), in its own words: "
        "Uppföljningsmål, Inriktningsmål, Effekter. Left out, the goal prints without one.",
        "Uppföljningsmål",
    )
    text: Text = required("The goal as written (målformulering).", "Alla Malmöbor ska känna sig trygga i sin stad.")
    indicators: list[Indicator] = field(
        "Indicators that show whether the goal is met (indikatorer).",
        [{"name": "Graden av måluppfyllelse", "source": "Trygghetsmätningar"}],
        default_factory=list,
    )
