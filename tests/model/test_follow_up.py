"""Follow-up (uppföljning): the written forms and their expansion to dates within the period."""

import datetime as dt

import pytest

from agreement.model import FollowUp, expand

from .support import agreement, at, check, only, valid, where

D = dt.date


def dates(**schedule: object) -> list[dt.date]:
    """The dates a schedule expands to in the period 2015-01-01 – 2016-12-31."""
    return expand(FollowUp(**schedule), D(2015, 1, 1), D(2016, 12, 31))


def test_every_year_is_the_last_day_of_each_year() -> None:
    assert dates(every="year") == [D(2015, 12, 31), D(2016, 12, 31)]


def test_every_half_year() -> None:
    assert dates(every="half-year") == [D(2015, 6, 30), D(2015, 12, 31), D(2016, 6, 30), D(2016, 12, 31)]


def test_every_quarter_ends_each_quarter() -> None:
    assert dates(every="quarter")[:4] == [D(2015, 3, 31), D(2015, 6, 30), D(2015, 9, 30), D(2015, 12, 31)]
    assert len(dates(every="quarter")) == 8


def test_every_month_uses_the_last_day_including_leap_february() -> None:
    monthly = dates(every="month")
    assert len(monthly) == 24
    assert monthly[1] == D(2015, 2, 28) and monthly[13] == D(2016, 2, 29)
    assert monthly[3] == D(2015, 4, 30)


def test_named_months_are_due_at_their_end_in_calendar_order() -> None:
    assert dates(months=[12, 4, 8]) == [D(2015, 4, 30), D(2015, 8, 31), D(2015, 12, 31),
                                        D(2016, 4, 30), D(2016, 8, 31), D(2016, 12, 31)]


def test_a_schedule_yields_only_dates_inside_the_period() -> None:
    within = expand(FollowUp(every="quarter"), D(2015, 5, 15), D(2016, 5, 15))
    assert within == [D(2015, 6, 30), D(2015, 9, 30), D(2015, 12, 31), D(2016, 3, 31)]


def test_written_dates_are_returned_sorted_even_outside_the_period() -> None:
    assert dates(dates=["2017-06-30", "2015-06-30"]) == [D(2015, 6, 30), D(2017, 6, 30)]


def test_no_schedule_expands_to_nothing() -> None:
    follow_up = FollowUp(reported_to="Rådet för hälsa och trygghet")
    assert not follow_up.has_schedule
    assert dates(reported_to="Kommunstyrelsen") == []


def test_document_schedule_with_recipient() -> None:
    document = valid(agreement("""
        follow_up:
          every: year
          reported_to: Rådet för hälsa och trygghet
        """))
    assert document.follow_up is not None
    assert (document.follow_up.every, document.follow_up.reported_to) == ("year", "Rådet för hälsa och trygghet")


@pytest.mark.parametrize("written, expected", [
    ("2016-12-31", [D(2016, 12, 31)]),
    ("[2016-06-30, 2017-06-30]", [D(2016, 6, 30), D(2017, 6, 30)]),
    ('"2016-12-31"', [D(2016, 12, 31)]),
    ("{months: [4, 8, 12]}", None),
])
def test_shorthand_forms_on_an_action(written: str, expected: list[dt.date] | None) -> None:
    document = valid(agreement(f"""
        focus_areas:
          - id: offentlig-miljo
            title: Trygghet i offentlig miljö
            actions:
              - title: Trygghetsvandringar
                follow_up: {written}
        """))
    follow_up = document.focus_areas[0].actions[0].follow_up
    assert follow_up is not None
    assert follow_up.dates == expected
    if expected is None:
        assert follow_up.months == [4, 8, 12]


def test_area_follow_up_shorthand() -> None:
    document = valid(agreement("""
        focus_areas:
          - id: offentlig-miljo
            title: Trygghet i offentlig miljö
            follow_up: 2016-04-30
        """))
    assert document.focus_areas[0].follow_up == FollowUp(dates=[D(2016, 4, 30)])


def test_two_schedules_at_once_are_refused() -> None:
    text = agreement("follow_up: {every: year, months: [4, 8, 12]}\n")
    diagnostic = only(text)
    assert where(diagnostic) == at("S204", text, "{every")
    assert "give only one of every, months and dates (found every, months)" in diagnostic.message


def test_month_thirteen_is_refused() -> None:
    text = agreement("follow_up: {months: [4, 13]}\n")
    diagnostic = only(text)
    assert where(diagnostic) == at("S204", text, "13")
    assert diagnostic.message == "the number 13 is out of range: the most allowed is 12"


@pytest.mark.parametrize("month", ["true", "'4'", "4.5"])
def test_a_month_is_written_as_a_whole_number(month: str) -> None:
    """YAML's `true` would otherwise be month 1, and '4' month 4."""
    text = agreement(f"follow_up: {{months: [{month}]}}\n")
    diagnostic = only(text)
    assert where(diagnostic) == at("S203", text, month)


def test_unknown_interval_suggests_the_closest() -> None:
    text = agreement("follow_up: {every: quartr}\n")
    diagnostic = only(text)
    assert where(diagnostic) == at("S204", text, "quartr")
    assert diagnostic.hint == "did you mean 'quarter'?"


def test_invalid_shorthand_date_points_at_the_value() -> None:
    text = agreement("""
        focus_areas:
          - id: offentlig-miljo
            title: Trygghet i offentlig miljö
            actions:
              - title: Trygghetsvandringar
                follow_up: 2016-13-01
        """)
    diagnostic = only(text)
    assert where(diagnostic) == at("S205", text, "2016-13-01")
    assert diagnostic.message == "2016-13-01: month 13 is not a month (1–12)"
    assert diagnostic.hint == "the month comes before the day: did you mean 2016-01-13?"


def test_written_dates_outside_the_period_are_reported_at_each_date() -> None:
    text = agreement("""
        follow_up: {dates: [2014-12-31, 2016-06-30, 2019-01-31]}
        """)
    diagnostics = check(text).diagnostics
    assert [where(d) for d in diagnostics] == [at("R304", text, "2014-12-31"), at("R304", text, "2019-01-31")]
    assert diagnostics[0].message == "follow-up date 2014-12-31 is outside the period 2015-01-01 – 2018-12-31"


def test_misspelt_schedule_key() -> None:
    text = agreement("follow_up: {evry: year}\n")
    diagnostic = only(text)
    assert where(diagnostic) == at("S201", text, "evry")
    assert diagnostic.hint == "did you mean 'every'?"
