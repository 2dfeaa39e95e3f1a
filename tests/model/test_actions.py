"""Actions (åtgärder) and citizen promises (medborgarlöften)."""

import datetime as dt

import pytest

from .support import agreement, at, check, only, valid, where, with_action


def test_a_full_action_is_read() -> None:
    document = valid(with_action("""\
- id: tunnlar
  title: Förbättra tryggheten i tunnlar
  description: |
    I samband med trygghetsvandringar …
  goal: Alla gångtunnlar ska uppfattas som trygga.
  owner: eslov/gtp
  partners: [polisen]
  status: ongoing
  follow_up: 2016-12-31
  progress:
    - {date: 2016-04-30, status: ongoing, rating: yellow, note: Tre tunnlar har fått ny belysning.}"""))
    action = document.focus_areas[0].actions[0]
    assert (action.id, action.title, action.status) == ("tunnlar", "Förbättra tryggheten i tunnlar", "ongoing")
    assert action.description == "I samband med trygghetsvandringar …\n"
    assert (action.owner, action.partners) == (["eslov/gtp"], ["polisen"])
    assert action.progress[0].date == dt.date(2016, 4, 30) and action.progress[0].rating == "yellow"


def test_owner_as_one_string_becomes_a_list() -> None:
    action = valid(with_action("- {title: Trygghetsvandringar, owner: polisen}")).focus_areas[0].actions[0]
    assert action.owner == ["polisen"] and action.owners == ["polisen"]


def test_joint_owners_as_a_list() -> None:
    action = valid(with_action("- {title: Hästvedaläger, owner: [eslov/gtp, polisen]}")).focus_areas[0].actions[0]
    assert action.owners == ["eslov/gtp", "polisen"]


def test_no_owner_is_valid_here_and_left_to_lint() -> None:
    action = valid(with_action("- title: SSPE")).focus_areas[0].actions[0]
    assert action.owner is None and action.owners == []


def test_owner_as_a_mapping_is_the_wrong_type() -> None:
    text = with_action("- title: SSPE\n  owner: {party: polisen}")
    diagnostic = only(text)
    assert where(diagnostic) == at("S203", text, "{party")
    assert diagnostic.message == "expected a list, found a mapping"


def test_owner_with_spaces_is_not_a_reference() -> None:
    text = with_action("- {title: SSPE, owner: Socialtjänsten Eslöv}")
    diagnostic = only(text)
    assert where(diagnostic) == at("S204", text, "Socialtjänsten Eslöv")
    assert "`party` or `party/unit`" in (diagnostic.hint or "")


@pytest.mark.parametrize("status", ["planned", "ongoing", "done", "possible", "cancelled"])
def test_every_status_is_accepted(status: str) -> None:
    assert valid(with_action(f"- {{title: SSPE, status: {status}}}")).focus_areas[0].actions[0].status == status


def test_swedish_status_is_refused_with_the_allowed_values() -> None:
    text = with_action("- {title: SSPE, status: pågående}")
    diagnostic = only(text)
    assert where(diagnostic) == at("S204", text, "pågående")
    assert diagnostic.message == "'pågående' is not one of: planned, ongoing, done, possible, cancelled"


def test_an_action_needs_a_title() -> None:
    text = with_action("- goal: Färre brott")
    diagnostic = only(text)
    assert where(diagnostic) == at("S202", text, "goal: Färre brott")
    assert diagnostic.message == "missing required key 'title' in focus_areas[0].actions[0]"


def test_misspelt_owner_key_points_at_the_key() -> None:
    text = with_action("- title: SSPE\n  ownr: polisen")
    diagnostic = only(text)
    assert where(diagnostic) == at("S201", text, "ownr")
    assert diagnostic.message == "unknown key 'ownr' in focus_areas[0].actions[0]"
    assert diagnostic.hint == "did you mean 'owner'?"


def test_progress_rating_must_be_a_traffic_light() -> None:
    text = with_action("- title: SSPE\n  progress: [{date: 2016-04-30, rating: blue}]")
    diagnostic = only(text)
    assert where(diagnostic) == at("S204", text, "blue")


def test_a_promise_needs_its_text_and_may_have_an_owner() -> None:
    document = valid(agreement('promises:\n  - {id: p1, text: "Polisen lovar att vara synlig.", owner: polisen}\n'))
    assert (document.promises[0].text, document.promises[0].owners) == ("Polisen lovar att vara synlig.", ["polisen"])
    text = agreement("promises:\n  - {id: p1, owner: polisen}\n")
    diagnostic = only(text)
    assert where(diagnostic) == at("S202", text, "{id: p1")
    assert diagnostic.message == "missing required key 'text' in promises[0]"


def test_a_promise_has_no_partners() -> None:
    text = agreement('promises:\n  - {text: "Polisen lovar …", partners: [eslov]}\n')
    assert where(only(text)) == at("S201", text, "partners")


def test_all_problems_of_one_file_are_reported_together() -> None:
    text = with_action("- {title: SSPE, status: klar}\n- {titel: Hästvedaläger}")
    assert [d.code for d in check(text).diagnostics] == ["S204", "S202", "S201"]
