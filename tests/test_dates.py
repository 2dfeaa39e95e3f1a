"""Dates that say what is wrong: the part of an ISO date that does not exist, or the ISO form of a
date written another way. Each case goes through the real loader and validator."""

from __future__ import annotations

import pytest

from agreement.dates import explain

from .model.support import agreement, check, expect_only, with_action


def follow_up(date: str) -> str:
    """An agreement whose one action is followed up on `date`, written as is."""
    return with_action(f"- title: Trygghetsvandringar\n  follow_up: {date}")


@pytest.mark.parametrize("written, message, hint", [
    ("2018-13-01", "2018-13-01: month 13 is not a month (1–12)",
     "the month comes before the day: did you mean 2018-01-13?"),
    ("2018-00-10", "2018-00-10: month 0 is not a month (1–12)", "months run from 01 to 12: YYYY-MM-DD"),
    ("2018-04-31", "2018-04-31: day 31 does not exist in April 2018", "April 2018 has 30 days"),
    ("2018-06-00", "2018-06-00: day 0 does not exist in June 2018", "June 2018 has 30 days"),
    ("2018-02-29", "2018-02-29: 2018 is not a leap year", "February 2018 has 28 days"),
    ("2016-02-30", "2016-02-30: day 30 does not exist in February 2016", "February 2016 has 29 days"),
    ("0000-01-01", "0000-01-01: year 0 is not a year", "write the year with four digits, such as 2015"),
])
def test_an_impossible_iso_date_names_the_part_that_is_wrong(written: str, message: str, hint: str) -> None:
    expect_only(follow_up(written), "S205", written, message, hint)


@pytest.mark.parametrize("written, iso", [
    ("26/11 2015", "2015-11-26"), ("26/11/2015", "2015-11-26"), ("26.11.2015", "2015-11-26"),
    ("2015/11/26", "2015-11-26"), ("20151126", "2015-11-26"), ("2015-4-1", "2015-04-01"),
    ("26 november 2015", "2015-11-26"), ("den 26 nov. 2015", "2015-11-26"), ("1:a maj 2016", "2016-05-01"),
    ("26 November 2015", "2015-11-26"), ("November 26, 2015", "2015-11-26"),
])
def test_a_date_written_another_way_gets_its_iso_form(written: str, iso: str) -> None:
    expect_only(follow_up(f'"{written}"'), "S205", f'"{written}"',
                f"expected a date written YYYY-MM-DD, found the text {written!r}", f"write {iso}")


def test_a_time_of_day_is_not_part_of_a_date() -> None:
    expect_only(follow_up("2015-11-26T10:00"), "S205", "2015-11-26T10:00",
                "expected a date without a time of day, found the text '2015-11-26T10:00'", "write 2015-11-26")


@pytest.mark.parametrize("written", ["snart", "26 movember 2015", "31/4 2018", "våren 2016"])
def test_text_that_is_not_a_date_keeps_the_generic_message(written: str) -> None:
    expect_only(follow_up(f'"{written}"'), "S205", f'"{written}"',
                f"expected a date written YYYY-MM-DD, found the text {written!r}", "for example 2015-11-26")


def test_a_number_is_not_a_date() -> None:
    """A year is a date only in `period` (the whole year); elsewhere a number is no date."""
    expect_only(agreement("valid_until: 2016\n"), "S205", "2016\n",
                "expected a date written YYYY-MM-DD, found the number 2016", "for example 2015-11-26")
    assert check(agreement(period="{start: 2016, end: 2018-12-31}")).diagnostics == []


def test_a_month_after_the_day_is_only_suggested_when_it_makes_a_date() -> None:
    assert explain("2018-31-12", "x").hint == "the month comes before the day: did you mean 2018-12-31?"
    assert explain("2018-31-31", "x").hint == "months run from 01 to 12: YYYY-MM-DD"


def test_a_date_in_a_list_of_follow_up_dates_is_described_alone() -> None:
    expect_only(follow_up("[2016-06-30, 2016-02-30]"), "S205", "2016-02-30",
                "2016-02-30: day 30 does not exist in February 2016", "February 2016 has 29 days")
