"""The calendar: read back with vobject (an iCalendar parser independent of the icalendar writer)."""

from __future__ import annotations

import json
from pathlib import Path

import vobject

from .support import agreement, plan_folder


def calendar(*args: str) -> tuple[bytes, object]:
    done = agreement("followups", *args, "--format", "ics")
    assert done.returncode == 0, done.stderr
    data = done.stdout.encode("utf-8")
    return data, vobject.readOne(done.stdout, validate=True)


def test_one_event_per_occasion_with_swedish_summaries() -> None:
    _, parsed = calendar("examples", "--today", "2014-09-15")
    events = parsed.vevent_list  # type: ignore[attr-defined]
    occasions = json.loads(agreement("followups", "examples", "--today", "2014-09-15", "-f", "json").stdout)
    assert len(events) == len(occasions["occasions"]) > 0
    first = next(event for event in events if event.uid.value.startswith("ljusdal-2014/bekymmersamtal/20140831"))
    assert first.summary.value == "Uppföljning: Arbeta med bekymmersamtal (Polismyndigheten Gävleborgs län)"
    assert str(first.dtstart.value) == "2014-08-31" and str(first.dtend.value) == "2014-09-01"
    description = first.description.value
    assert "Åtgärd: Arbeta med bekymmersamtal" in description and "Handlingsplan utifrån" in description
    assert "Läge 2014-09-15: rapporterad 2014-09-02" in description


def test_uids_are_unique_and_stable_across_runs_and_days() -> None:
    _, september = calendar("examples", "--today", "2014-09-15")
    _, december = calendar("examples", "--today", "2014-12-20")
    uids = [event.uid.value for event in september.vevent_list]  # type: ignore[attr-defined]
    assert len(uids) == len(set(uids))
    assert set(uids) >= {event.uid.value for event in december.vevent_list}  # type: ignore[attr-defined]
    assert "ljusdal-2014/tobakstillsyn/20141231@samverkan" in uids


def test_the_same_input_gives_the_same_bytes_and_dtstamp_says_when_it_last_changed(tmp_path: Path) -> None:
    folder = plan_folder(tmp_path)
    first, parsed = calendar(str(folder), "--today", "2016-09-15")
    again, _ = calendar(str(folder), "--today", "2016-09-15")
    assert first == again
    stamps = {event.uid.value.split("/")[1]: event.dtstamp.value.isoformat()  # type: ignore[attr-defined]
              for event in parsed.vevent_list}  # type: ignore[attr-defined]
    assert stamps["belysning"] == "2016-05-02T00:00:00+00:00"  # its latest progress entry
    assert stamps["synlig"] == "2016-01-01T00:00:00+00:00"  # no progress: the document's start


def test_an_action_without_id_gets_a_uid_from_its_data_path(tmp_path: Path) -> None:
    _, parsed = calendar(str(plan_folder(tmp_path)), "--today", "2016-09-15")
    uids = {event.uid.value for event in parsed.vevent_list}  # type: ignore[attr-defined]
    assert "exempel-2016/areas.0.actions.2/20160430@samverkan" in uids
