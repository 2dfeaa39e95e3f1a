"""Occasions: resolved dates, owners as names, and their state on a given day."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from agreement.followups.occasions import State, Window, in_force, occasions
from agreement.validation import check_file

from .support import LJUSDAL, PLAN, listing, plan_folder, write


def states(found: list, key: str) -> list[tuple[str, str]]:
    return [(o.date.isoformat(), o.state.value) for o in found if o.key == key]


def test_each_occasion_has_its_resolved_date_owner_document_and_area(tmp_path: Path) -> None:
    found = listing([plan_folder(tmp_path)]).occasions
    first = found[0]
    assert (first.key, first.date, first.source, first.owner_name) == (
        "belysning", dt.date(2016, 4, 30), "document", "Exempels kommun / Gatukontoret")
    assert (first.document_id, first.area_title, first.kind) == ("exempel-2016", "Trygghet i centrum", "action")
    own = [o for o in found if o.key == "vandringar"]
    assert [(o.date, o.source) for o in own] == [(dt.date(2016, 6, 30), "item")]
    assert own[0].owner_name == "Exempels kommun och Lokalpolisområde Exempel"
    promise = [o for o in found if o.kind == "promise"]
    assert {o.key for o in promise} == {"synlig"} and promise[0].area_id is None


def test_states_on_a_day_overdue_due_later_and_reported(tmp_path: Path) -> None:
    found = listing([plan_folder(tmp_path)], today="2016-08-15").occasions
    # belysning was reported on 2016-05-02 (in the follow-up file): April is reported, August due.
    assert states(found, "belysning") == [("2016-04-30", "reported"), ("2016-08-31", "due"), ("2016-12-31", "later")]
    assert states(found, "synlig") == [("2016-04-30", "overdue"), ("2016-08-31", "due"), ("2016-12-31", "later")]
    assert states(found, "vandringar") == [("2016-06-30", "overdue")]


def test_an_occasion_is_overdue_until_a_progress_entry_dated_on_or_after_it(tmp_path: Path) -> None:
    found = listing([plan_folder(tmp_path)], today="2016-09-15").occasions
    assert states(found, "belysning")[1] == ("2016-08-31", "overdue")
    report = [o for o in found if o.key == "belysning"][0].report
    assert report is not None and (report.date, report.rating, report.note) == (dt.date(2016, 5, 2), "green",
                                                                                "Tre tunnlar klara.")


def test_progress_written_in_the_document_counts_too(tmp_path: Path) -> None:
    plan = PLAN.replace("        owner: kommunen/gata\n", "        owner: kommunen/gata\n        progress:\n"
                        "          - {date: 2016-09-01, rating: yellow}\n")
    found = listing([plan_folder(tmp_path, plan=plan)], today="2016-09-15").occasions
    assert states(found, "belysning")[:2] == [("2016-04-30", "reported"), ("2016-08-31", "reported")]


def test_an_action_without_id_is_listed_by_its_data_path(tmp_path: Path) -> None:
    found = listing([plan_folder(tmp_path)]).occasions
    keys = {o.key for o in found if o.commitment_id is None}
    assert keys == {"areas.0.actions.2"}


def test_the_within_window_decides_what_is_due(tmp_path: Path) -> None:
    folder = plan_folder(tmp_path)
    assert states(listing([folder], today="2016-08-15", within=10).occasions, "synlig")[1] == ("2016-08-31", "later")
    assert states(listing([folder], today="2016-08-31", within=0).occasions, "synlig")[1] == ("2016-08-31", "due")


def test_a_finished_action_keeps_only_its_reported_occasions(tmp_path: Path) -> None:
    plan = PLAN.replace("        owner: kommunen/gata\n", "        owner: kommunen/gata\n        status: done\n")
    found = listing([plan_folder(tmp_path, plan=plan)], today="2016-09-15").occasions
    assert states(found, "belysning") == [("2016-04-30", "reported")]


def test_filters_owner_overdue_and_dates(tmp_path: Path) -> None:
    folder = plan_folder(tmp_path)
    by_police = listing([folder], owner="polisen").occasions
    assert {o.key for o in by_police} == {"vandringar", "areas.0.actions.2", "synlig"}
    assert {o.key for o in listing([folder], owner="kommunen").occasions} == {"belysning", "vandringar"}
    assert {o.key for o in listing([folder], owner="gatukontor").occasions} == {"belysning"}
    overdue = listing([folder], overdue_only=True).occasions
    assert overdue and all(o.state is State.OVERDUE for o in overdue)
    window = listing([folder], start=dt.date(2016, 6, 1), end=dt.date(2016, 8, 31)).occasions
    assert {o.date for o in window} == {dt.date(2016, 6, 30), dt.date(2016, 8, 31)}


def test_only_documents_in_force_are_followed_up(tmp_path: Path) -> None:
    document = check_file(write(tmp_path, "plan.yaml", PLAN)).document
    assert document is not None
    today = dt.date(2016, 6, 1)
    assert in_force(document, today)
    assert not in_force(document, dt.date(2017, 1, 1))
    assert not in_force(document.model_copy(update={"status": "repealed"}), today)
    draft = document.model_copy(update={"status": "draft"})
    assert not in_force(draft, today) and in_force(draft, today, drafts=True)
    assert not in_force(document.model_copy(update={"valid_until": dt.date(2016, 5, 1)}), today)
    assert occasions(draft, "plan.yaml", Window(today)) == []


def test_a_document_without_a_period_counts_only_dates_written_out(tmp_path: Path) -> None:
    document = check_file(write(tmp_path, "plan.yaml", PLAN)).document
    assert document is not None
    timeless = document.model_copy(update={"period": None})
    found = occasions(timeless, "plan.yaml", Window(dt.date(2030, 1, 1)))
    assert [(o.key, o.date.isoformat(), o.period) for o in found] == [("vandringar", "2016-06-30", None)]


def test_ljusdal_on_15_september_2014_lists_august_overdue_where_nothing_was_reported_since() -> None:
    found = listing([LJUSDAL], today="2014-09-15").occasions
    august = [o for o in found if o.date == dt.date(2014, 8, 31)]
    reported_since = {"bekymmersamtal", "smadit", "krogartraffar", "viljan"}
    assert {o.key for o in august if o.state is State.REPORTED} == reported_since
    overdue = {o.key for o in august if o.state is State.OVERDUE}
    assert overdue and not overdue & reported_since
    assert "riskhelger" not in {o.key for o in august}  # done in May: nothing more to follow up
    assert len(overdue) + len(reported_since) + 1 == 34  # every action of the plan
