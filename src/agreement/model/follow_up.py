"""Follow-up (uppföljning): when progress is checked and to whom it is reported.

A follow-up is written as one date, a list of dates, or a schedule; every form
expands to concrete dates inside the document's period (`expand`). A schedule's
date is the last day of each interval, because "follow-up in April" means by the
end of April.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator

from .base import AlsoAccepts, Markdown, Model, Terms, Text, field, required

Interval = Literal["month", "quarter", "half-year", "year"]
INTERVAL_SV: dict[str, Terms] = {
    "month": ("månadsvis", "månad", "varje månad"),
    "quarter": ("kvartalsvis", "kvartal"),
    "half-year": ("halvårsvis", "halvår"),
    "year": ("årligen", "årsvis", "år", "varje år"),
}
Month = Annotated[int, Field(ge=1, le=12, strict=True)]
"""A month, 1–12, written as a number (strict: YAML's `true` is not month 1)."""

_INTERVAL_MONTHS: dict[str, tuple[int, ...]] = {
    "month": tuple(range(1, 13)),
    "quarter": (3, 6, 9, 12),
    "half-year": (6, 12),
    "year": (12,),
}


class Reporting(Model):
    """One reporting line of the follow-up (rapportering): what is reported, how often, to whom."""

    what: Text = required("What is reported (vad).", "Lägesbild och genomförda åtgärder", sv=("vad", "innehåll"))
    when: Text | None = field("How often or when, as written (när).", "Två gånger per år", sv=("när", "hur ofta"))
    to: Text | None = field("To whom (till vem).", "Kommunstyrelsen", sv=("till vem", "mottagare"))
    by: Text | None = field("Who reports (av vem).", "Styrgruppen", sv=("av vem", "rapportör"))


class FollowUp(Model):
    """A follow-up arrangement (uppföljning): a schedule or dates, and who receives the report."""

    every: Interval | None = field(
        "Regular follow-up: month (månadsvis), quarter (kvartalsvis), half-year (halvårsvis) "
        "or year (årligen). Due on the last day of each interval.",
        "year",
        sv=("intervall", "återkommande"), sv_values=INTERVAL_SV,
    )
    months: list[Month] | None = field(
        "Follow-up in these months of every year (1–12), due at the end of the month.", [4, 8, 12],
        sv="månader",
    )
    dates: list[dt.date] | None = field(
        "Follow-up on these dates (uppföljningsdatum).", ["2016-06-30"],
        sv=("uppföljningsdatum", "datum"),
    )
    reported_to: Text | None = field(
        "Body that receives the follow-up report (redovisas för).", "Rådet för hälsa och trygghet",
        sv=("redovisas för", "rapporteras till", "mottagare"),
    )
    responsible: Text | None = field(
        "Who carries out the follow-up (ansvarig för uppföljningen).",
        "Respektive ansvarig verksamhet tillsammans med polisen",
        sv=("ansvarig", "ansvarig för uppföljningen"),
    )
    description: Markdown | None = field(
        "How the follow-up is done, as the document states it. When written, it is what prints; "
        "the schedule and the rest are data for lint and the follow-up commands.",
        "Uppföljningen ska årligen redovisas i berörd nämnd.",
        sv="beskrivning",
    )
    reporting: list[Reporting] = field(
        "Reporting lines (rapportering): what is reported, how often, to whom.",
        [{"what": "Lägesbild", "when": "Årligen", "to": "Kommunfullmäktige"}], default_factory=list,
        sv=("rapportering", "redovisning"),
    )

    @model_validator(mode="after")
    def _one_schedule(self) -> "FollowUp":
        given = [name for name in ("every", "months", "dates") if getattr(self, name) is not None]
        if len(given) > 1:
            raise ValueError(f"give only one of every, months and dates (found {', '.join(given)})")
        return self

    @property
    def has_schedule(self) -> bool:
        """Whether this follow-up says *when* (not only to whom it is reported)."""
        return any(getattr(self, name) is not None for name in ("every", "months", "dates"))


def _shorthand(value: Any) -> Any:
    """`follow_up: 2016-12-31` and `follow_up: [dates]` mean `follow_up: {dates: [...]}`."""
    if isinstance(value, (str, dt.date)):
        return {"dates": [value]}
    if isinstance(value, list):
        return {"dates": value}
    return value


_DATE = {"type": "string", "format": "date"}
FollowUpSpec = Annotated[
    FollowUp,
    BeforeValidator(_shorthand),
    AlsoAccepts((_DATE, {"type": "array", "items": _DATE})),
]
"""What an action or area may write under `follow_up:`: a date, a list of dates, or a schedule.

Normalised to a FollowUp before validation rather than modelled as a union, so that
error locations stay plain data paths."""


def _month_ends(start: dt.date, end: dt.date, months: tuple[int, ...]) -> list[dt.date]:
    found = []
    for year in range(start.year, end.year + 1):
        for month in months:
            day = dt.date(year, month, calendar.monthrange(year, month)[1])
            if start <= day <= end:
                found.append(day)
    return found


def expand(follow_up: FollowUp, start: dt.date, end: dt.date) -> list[dt.date]:
    """The concrete follow-up dates of `follow_up` within the period `start`–`end`, sorted.

    Explicit dates are returned as written (also those outside the period, which
    validation reports); schedules only yield dates inside the period.
    """
    if follow_up.dates is not None:
        return sorted(follow_up.dates)
    if follow_up.every is not None:
        return _month_ends(start, end, _INTERVAL_MONTHS[follow_up.every])
    if follow_up.months is not None:
        return _month_ends(start, end, tuple(sorted(set(follow_up.months))))
    return []
