"""Dates, months and lists the way Swedish (and English) write them."""

from __future__ import annotations

import datetime as dt

from agreement.model import FollowUp, Period
from agreement.render.template_folders import TemplateSet
from agreement.render.wording import Wording

SV = Wording(TemplateSet().labels("sv"))
EN = Wording(TemplateSet().labels("en"))


def test_swedish_dates_are_written_out_in_lower_case() -> None:
    assert SV.date(dt.date(2015, 11, 26)) == "26 november 2015"
    assert SV.date(dt.date(2015, 1, 1)) == "1 januari 2015"


def test_english_dates_use_british_order() -> None:
    assert EN.date(dt.date(2015, 11, 26)) == "26 November 2015"


def test_a_period_prints_as_written_days_or_years() -> None:
    days = Period(start=dt.date(2015, 1, 1), end=dt.date(2018, 12, 31))
    assert SV.period(days) == "1 januari 2015 – 31 december 2018"
    assert SV.period(Period.model_validate({"start": 2015, "end": 2018})) == "2015–2018"
    assert SV.period(Period.model_validate({"start": 2014, "end": 2014})) == "2014"


def test_lists_end_with_och_or_and() -> None:
    assert SV.join(["a", "b", "c"]) == "a, b och c"
    assert EN.join(["a", "b", "c"]) == "a, b and c"
    assert SV.join(["a", "", None]) == "a"  # type: ignore[list-item]
    assert SV.join([]) == ""


def test_schedules_print_as_the_agreed_rhythm_not_as_dates() -> None:
    assert SV.schedule(FollowUp(every="year")) == "Årligen"
    assert SV.schedule(FollowUp(every="quarter")) == "Fyra gånger per år"
    assert SV.schedule(FollowUp(months=[12, 4, 8])) == "april, augusti och december"
    assert EN.schedule(FollowUp(months=[4, 8])) == "April and August"
    assert SV.schedule(FollowUp(dates=[dt.date(2016, 6, 30)])) == "30 juni 2016"
    assert SV.schedule(FollowUp(reported_to="Rådet")) is None


def test_labels_fall_back_to_the_key() -> None:
    assert SV.label("status", "adopted") == "Antagen"
    assert SV.label("status", "unheard-of") == "unheard-of"
    assert SV.locale == "sv_SE" and SV.language_tag == "sv-SE"
