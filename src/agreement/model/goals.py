"""Goals (mål) and the indicators (indikatorer) that make them possible to follow up."""

from __future__ import annotations

import datetime as dt
import math
from typing import Literal

from pydantic import model_validator

from .base import Id, Markdown, Model, Terms, Text, field, required

GoalKind = Literal["overall", "effect", "process", "output", "follow-up"]
GOAL_KIND_SV: dict[str, Terms] = {
    "overall": ("inriktningsmål", "övergripande mål", "övergripande"),
    "effect": "effektmål",
    "process": "processmål",
    "output": ("produktionsmål", "prestationsmål", "aktivitetsmål"),
    "follow-up": "uppföljningsmål",
}


class Measurement(Model):
    """One measured value of an indicator (mätvärde, utfall), so a report can show how far the goal has come.

    Figures are often published per year (a yearly survey), sometimes per date (a count
    at a follow-up): give one of `date` and `year`."""

    date: dt.date | None = field("Date the value refers to (datum).", "2014-08-31", sv=("datum", "mätdatum"))
    year: int | None = field("Year the value refers to, when it is a yearly figure (år).", 2014,
                             ge=1900, le=2200, strict=True, sv=("år", "årtal", "mätår"))
    value: float = required("The measured value, a number (värde).", 42, strict=True, sv=("värde", "mätvärde", "utfall"))
    unit: Text | None = field("Unit of the value (enhet).", "%", sv=("enhet", "måttenhet"))
    source: Text | None = field("Where the figure comes from (källa).", "Polisens statistik", sv="källa")
    note: Text | None = field("A remark on the figure (kommentar).", "Avser januari–augusti.",
                              sv=("kommentar", "anmärkning"))

    @model_validator(mode="after")
    def _one_time(self) -> "Measurement":
        if (self.date is None) == (self.year is None):
            raise ValueError("give either `date` or `year` for a measurement")
        if self.year is not None and not 1900 <= self.year <= 2200:
            raise ValueError(f"year {self.year} is not a year between 1900 and 2200")
        if not math.isfinite(self.value):  # YAML's .inf and .nan: no figure a report can show or draw
            raise ValueError(f"value {self.value} is not a measured number: give a finite number")
        return self

    @property
    def when(self) -> dt.date:
        """The date the value refers to; a year counts as its last day, as a yearly figure is known then."""
        return self.date if self.date is not None else dt.date(self.year or 1900, 12, 31)


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
    measurements: list[Measurement] = field(
        "Values measured over time (mätvärden), oldest first.",
        [{"year": 2014, "value": 62, "unit": "%", "source": "Trygghetsmätningen"}],
        default_factory=list,
        sv=("mätvärden", "mätningar", "utfall"),
    )


class Goal(Model):
    """A goal (mål): overall (inriktningsmål), effect (effektmål), process (processmål),
    output (produktionsmål) or follow-up goal (uppföljningsmål)."""

    id: Id | None = field("Key that an action's `goal_ref` can name.", "tryggare-tunnlar", sv=("id", "nyckel"))
    kind: GoalKind | None = field(
        "Kind of goal, for lint: overall (inriktningsmål, övergripande mål), effect (effektmål), "
        "process (processmål), output (produktionsmål) or follow-up (uppföljningsmål). Not printed.",
        "effect",
        sv=("typ", "måltyp"), sv_values=GOAL_KIND_SV,
    )
    label: Text | None = field(
        "The label the document prints before the goal (etikett), in its own words: "
        "Uppföljningsmål, Inriktningsmål, Effekter. Left out, the goal prints without one.",
        "Uppföljningsmål",
        sv=("etikett", "benämning"),
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
