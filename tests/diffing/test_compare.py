"""Two versions of a document compared in its own terms, from inline YAML through the real validator."""

from __future__ import annotations

from agreement.diffing import Change, compare
from agreement.diffing.words import word_diff
from agreement.model import Agreement
from agreement.model.base import Text, field

from ..model.support import action_plan, agreement, valid

AREA = """
focus_areas:
  - id: offentlig-miljo
    title: Trygghet i offentlig miljö
    goals:
      - {kind: effect, text: Färre ska känna sig otrygga i centrum.}
    actions:
      - id: tunnlar
        title: Förbättra tryggheten i tunnlar
        owner: eslov/gtp
        status: ongoing
        follow_up: 2016-12-31
      - title: Trygghetsvandringar
        owner: eslov/tillvaxt
  - id: unga
    title: Barn och unga i riskmiljöer
"""


def changes(old: str, new: str) -> list[Change]:
    return list(compare(valid(old), valid(new)).changes)


def described(found: list[Change]) -> list[tuple[str, str, str | None, str | None, str | None]]:
    """(kind, last step's name or id, field, old, new) of each change: what a test reads."""
    return [(c.kind, c.where[-1].name or c.where[-1].id or "" if c.where else "document",
             c.field.key if c.field else None, c.old, c.new) for c in found]


def test_the_same_document_has_no_changes() -> None:
    assert changes(agreement(AREA), agreement(AREA)) == []


def test_a_re_wrapped_paragraph_is_not_a_change() -> None:
    old = agreement("background: |\n  Ett två tre\n  fyra fem.\n")
    new = agreement("background: |\n  Ett två\n  tre fyra fem.\n")
    assert changes(old, new) == []


def test_an_owner_is_shown_by_the_names_of_the_units() -> None:
    found = changes(agreement(AREA), agreement(AREA.replace("owner: eslov/gtp", "owner: [polisen, eslov/tillvaxt]")))
    assert described(found) == [("changed", "Förbättra tryggheten i tunnlar", "owner",
                                 "Gata, trafik, park inom Miljö och samhällsbyggnad",
                                 "Lokalpolisområde Eslöv, Tillväxtavdelningen på kommunledningskontoret")]
    assert found[0].field is not None and found[0].field.label == "ansvarig"


def test_status_and_follow_up_changes_name_their_fields() -> None:
    new = AREA.replace("status: ongoing", "status: done").replace("follow_up: 2016-12-31", "follow_up: {every: year}")
    found = changes(agreement(AREA), agreement(new))
    assert [(c.kind, c.field.key if c.field else None, c.old, c.new) for c in found] == [
        ("changed", "status", "ongoing", "done"),
        ("added", "follow_up.every", None, "year"),
        ("removed", "follow_up.dates", "2016-12-31", None),
    ]
    assert found[1].field is not None and found[1].field.label == "uppföljning"  # "month (månadsvis)" names a value


def test_an_action_moved_to_another_area_is_one_move() -> None:
    moved = AREA.replace("""      - title: Trygghetsvandringar
        owner: eslov/tillvaxt
""", "").replace("title: Barn och unga i riskmiljöer", """title: Barn och unga i riskmiljöer
    actions:
      - title: Trygghetsvandringar
        owner: eslov/tillvaxt""")
    found = changes(agreement(AREA), agreement(moved))
    assert described(found) == [("moved", "Trygghetsvandringar", None, "Trygghet i offentlig miljö",
                                 "Barn och unga i riskmiljöer")]
    assert found[0].where[-1].matched_by == "title"  # it has no id: paired by its title, and says so


def test_actions_are_paired_by_id_before_title() -> None:
    renamed = AREA.replace("title: Förbättra tryggheten i tunnlar", "title: Tryggare gångtunnlar")
    found = changes(agreement(AREA), agreement(renamed))
    assert described(found) == [("changed", "Tryggare gångtunnlar", "title", "Förbättra tryggheten i tunnlar",
                                 "Tryggare gångtunnlar")]
    assert found[0].where[-1].matched_by == "id"


def test_an_action_without_id_whose_title_changed_is_removed_and_added() -> None:
    renamed = AREA.replace("title: Trygghetsvandringar", "title: Nattvandringar")
    assert described(changes(agreement(AREA), agreement(renamed))) == [
        ("removed", "Trygghetsvandringar", None, "Trygghetsvandringar", None),
        ("added", "Nattvandringar", None, None, "Nattvandringar"),
    ]


def test_an_edited_goal_without_id_is_a_changed_goal_with_a_word_diff() -> None:
    edited = AREA.replace("Färre ska känna sig otrygga i centrum.", "Färre ska känna sig otrygga i Eslövs centrum.")
    (change,) = changes(agreement(AREA), agreement(edited))
    assert (change.kind, change.where[-1].key, change.field and change.field.key) == ("changed", "goals", "text")
    assert [(run.operation, run.text) for run in change.words] == [
        ("same", "Färre ska känna sig otrygga i"), ("added", "Eslövs"), ("same", "centrum.")]


def test_period_decision_and_indicators() -> None:
    old = agreement(AREA + "indicators:\n  - {name: Antal LOB, target: '10'}\n")
    new = agreement(AREA + "decision: {body: Kommunstyrelsen, date: 2015-11-26}\n"
                    "indicators:\n  - {name: Antal LOB, target: '5'}\n  - {name: Anmälda brott}\n",
                    period="{start: 2015-01-01, end: 2019-12-31}")
    assert described(changes(old, new)) == [
        ("changed", "document", "period.end", "2018-12-31", "2019-12-31"),
        ("added", "document", "decision.body", None, "Kommunstyrelsen"),
        ("added", "document", "decision.date", None, "2015-11-26"),
        ("changed", "Antal LOB", "target", "10", "5"),
        ("added", "Anmälda brott", None, None, "Anmälda brott"),
    ]


def test_a_period_in_years_changes_as_written_not_as_the_days_it_covers() -> None:
    """`end: 2018` -> `end: 2019` is 2018 -> 2019, not 2018-12-31 -> 2019-12-31, which no one wrote."""
    years = agreement(AREA, period="{start: 2015, end: 2018}")
    assert described(changes(years, agreement(AREA, period="{start: 2015, end: 2019}"))) == [
        ("changed", "document", "period.end", "2018", "2019")]
    assert described(changes(years, agreement(AREA, period="{start: 2015-01-01, end: 2018-12-31}"))) == [
        ("changed", "document", "period.start", "2015", "2015-01-01"),
        ("changed", "document", "period.end", "2018", "2018-12-31")]


def test_party_groups_of_a_plan_are_named_by_their_party() -> None:
    plan = """
areas:
  - id: vald
    title: Våld
    by_party:
      - party: polisen
        actions:
          - {title: Bekymmersamtal, status: planned}
"""
    found = changes(action_plan(plan), action_plan(plan.replace("planned", "ongoing")))
    assert [step.name for step in found[0].where] == ["Våld", "Lokalpolisområde Eslöv", "Bekymmersamtal"]


def test_a_field_added_to_the_model_is_compared_under_its_swedish_term() -> None:
    """No list of fields in the comparison: a new optional field shows up by itself."""

    class WithContact(Agreement):
        contact: Text | None = field("Who answers questions about the document (kontaktperson).", "Anna Berg")

    old = WithContact.model_validate({**valid(agreement()).model_dump(by_alias=True), "contact": "Anna Berg"})
    new = old.model_copy(update={"contact": "Per Holm"})
    (change,) = compare(old, new).changes
    assert (change.field and change.field.key, change.field and change.field.label, change.old, change.new) == (
        "contact", "kontaktperson", "Anna Berg", "Per Holm")


def test_a_word_diff_keeps_a_few_words_around_an_edit() -> None:
    old = " ".join(f"ord{number}" for number in range(40))
    runs = word_diff(old, old.replace("ord20", "ORD"), context=3)
    assert [(run.operation, run.text) for run in runs] == [
        ("same", "… ord17 ord18 ord19"), ("removed", "ord20"), ("added", "ORD"), ("same", "ord21 ord22 ord23 …")]


def test_parts_in_another_order_are_one_move_of_the_outline() -> None:
    old = agreement("background: Bakgrund.\npurpose: Syfte.\noutline: [background, {purpose: Syftet}]\n")
    new = agreement("background: Bakgrund.\npurpose: Syfte.\noutline: [{purpose: Syftet}, background]\n")
    assert described(changes(old, new)) == [("moved", "document", "outline", "background, purpose",
                                             "purpose, background")]
