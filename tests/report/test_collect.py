"""What a report says as of a day: standings, overdue follow-ups, measured values, what changed since."""

from __future__ import annotations

from pathlib import Path

import pytest

from agreement.report.collect import ReportRequest, ReportUsageError, follow_up_report, previous_occasion
from agreement.report.standing import Standing

from .support import day, ids, loaded, plan_folder


def report_of(tmp_path: Path, as_of: str, since: str | None = None, **folder: str | None):  # type: ignore[no-untyped-def]
    document, logs = loaded(plan_folder(tmp_path, **folder))  # type: ignore[arg-type]
    return follow_up_report(document, logs, ReportRequest(day(as_of), day(since) if since else None))


def test_every_commitment_stands_where_its_latest_entry_up_to_the_day_says(tmp_path: Path) -> None:
    report = report_of(tmp_path, "2016-09-15")
    standings = {item.context.item.id: item.standing for item in report.items}
    assert standings == {
        "belysning": Standing.DONE, "vandringar": Standing.ON_TRACK, "kameror": Standing.AT_RISK,
        "skolvag": Standing.OFF_TRACK, "foraldrar": Standing.UNRATED, "lektioner": Standing.NOT_REPORTED,
        "synlig": Standing.NOT_REPORTED,
    }
    assert [report.count(s) for s in Standing] == [1, 1, 1, 1, 1, 0, 2]


def test_nothing_dated_after_the_day_counts(tmp_path: Path) -> None:
    report = report_of(tmp_path, "2016-09-15")
    skolvag = next(item for item in report.items if item.context.item.id == "skolvag")
    assert [entry.date for entry in skolvag.entries] == [day("2016-09-05")]
    assert skolvag.rating == "red"
    (lob,) = report.indicators
    assert [m.value for m in lob.measurements] == [38, 35.5]  # the document's, then the file's; not November's


def test_before_any_occasion_and_any_entry_nothing_is_reported_or_overdue(tmp_path: Path) -> None:
    report = report_of(tmp_path, "2016-03-01")
    assert {item.standing for item in report.items} == {Standing.NOT_REPORTED}
    assert all(item.overdue == () for item in report.items)
    assert report.since is None  # no earlier occasion: the list starts at the beginning
    assert not any(item.entries for item in report.items)


def test_after_occasions_those_without_a_report_since_are_overdue(tmp_path: Path) -> None:
    report = report_of(tmp_path, "2016-09-15")
    overdue = {item.context.item.id: item.overdue for item in report.items}
    assert overdue["lektioner"] == (day("2016-04-30"), day("2016-08-31"))
    assert overdue["vandringar"] == (day("2016-08-31"),)  # reported in May, not since August
    assert overdue["skolvag"] == ()  # reported on 5 September, on or after both
    assert overdue["belysning"] == ()  # done: nobody follows up what is finished


def test_the_changed_since_list_starts_after_the_previous_occasion(tmp_path: Path) -> None:
    report = report_of(tmp_path, "2016-09-15")
    assert report.since == day("2016-08-31")
    assert ids(report.new_progress) == ["belysning", "skolvag"]
    assert report.new_measurements == ()


def test_since_can_be_given_and_measurements_count_by_their_date(tmp_path: Path) -> None:
    report = report_of(tmp_path, "2016-12-31", since="2016-06-01")
    assert ids(report.new_progress) == ["belysning", "skolvag", "skolvag"]
    assert [m.value for _, m in report.new_measurements] == [35.5, 33]


def test_the_previous_occasion_is_the_last_follow_up_date_before_the_day(tmp_path: Path) -> None:
    document, _ = loaded(plan_folder(tmp_path))
    assert previous_occasion(document, day("2016-08-31")) == day("2016-04-30")
    assert previous_occasion(document, day("2016-09-01")) == day("2016-08-31")
    assert previous_occasion(document, day("2016-01-01")) is None


def test_a_document_without_progress_has_every_item_not_reported(tmp_path: Path) -> None:
    report = report_of(tmp_path, "2016-09-15", log=None)
    assert report.count(Standing.NOT_REPORTED) == len(report.items) == 7
    assert len(report.indicators) == 1  # the document's own 2015 figure
    assert report.new_progress == ()


def test_since_must_be_before_the_day() -> None:
    with pytest.raises(ReportUsageError, match="--since 2016-09-15 is not before --as-of 2016-09-15"):
        ReportRequest(day("2016-09-15"), day("2016-09-15"))
