"""The view model resolves references and inheritance once, for every template."""

from __future__ import annotations

import datetime as dt

from agreement.render.viewmodel import anchor

from .conftest import EXAMPLES, PLAN, view_of


def test_owners_are_named_by_unit_and_party_label() -> None:
    view = view_of(PLAN)
    centrum = view.areas[0]
    samtal = centrum.tables[0].actions[1]
    assert samtal.owners == "Polisen och Gatuavdelningen"
    assert samtal.owner_source == "item"


def test_actions_of_a_party_group_sit_under_its_heading_and_inherit_it_as_owner() -> None:
    centrum = view_of(PLAN).areas[0]
    police, municipality = centrum.tables
    assert police.heading == "Polisen"
    assert municipality.heading == "Exempelby kommun"  # no title: the party's name
    patrull = police.actions[0]
    assert patrull.owners == "Polisen" and patrull.owner_source == "group"
    assert police.show_owner  # one action names other owners
    assert municipality.actions[0].owner_source == "item"


def test_an_inherited_area_goal_is_referred_to_not_repeated() -> None:
    centrum = view_of(PLAN).areas[0]
    patrull = centrum.tables[0].actions[0]
    assert patrull.goal == "Se områdets mål" and patrull.goal_source == "area"
    assert centrum.tables[1].actions[0].goal == "Tunneln ska upplevas som trygg."


def test_a_goal_reference_shows_the_goal_it_names() -> None:
    fritidsgard = view_of(PLAN).areas[1].tables[0].actions[0]
    assert fritidsgard.goal == "Färre unga begår brott."


def test_follow_up_dates_resolve_from_the_item_or_the_document_schedule() -> None:
    police = view_of(PLAN).areas[0].tables[0]
    patrull, samtal = police.actions
    assert patrull.follow_up == "I april, augusti och december varje år" and patrull.follow_up_source == "document"
    assert patrull.follow_up_dates == ("30 april 2021", "31 augusti 2021", "31 december 2021")
    assert samtal.follow_up == "30 juni 2021" and samtal.follow_up_source == "item"
    assert police.show_follow_up


def test_the_document_schedule_is_not_repeated_on_every_row() -> None:
    view = view_of(EXAMPLES / "eslov-2015-2018" / "agreement.yaml")
    assert all(not table.show_follow_up for area in view.areas for table in area.tables)
    assert view.follow_up is not None and view.follow_up.schedule == "Varje år"
    assert view.follow_up.dates[0] == "31 december 2015"


def test_missing_values_say_so() -> None:
    view = view_of(EXAMPLES / "eslov-2015-2018" / "agreement.yaml")
    sspe = next(a for area in view.areas for t in area.tables for a in t.actions if a.id == "sspe")
    assert sspe.owners == "Ej angiven" and sspe.owner_source is None


def test_title_page_facts_carry_the_decision_and_registration_numbers() -> None:
    facts = {fact.label: fact.value for fact in view_of(PLAN).facts}
    assert facts["Dokumenttyp"] == "Handlingsplan"
    assert facts["Period"] == "1 januari 2021 – 31 december 2021"
    assert facts["Status"] == "Antagen"
    assert facts["Beslut"] == "Kommunstyrelsen, 15 februari 2021, § 12"
    assert facts["Diarienummer, Exempelby kommun"] == "KS 2021/34"
    assert facts["Diarienummer, Polisen"] == "A123.456/2021"
    assert facts["Dokumentansvarig"] == "Trygghetssamordnaren"


def test_english_labels_and_dates() -> None:
    view = view_of(PLAN, language="en")
    facts = {fact.label: fact.value for fact in view.facts}
    assert facts["Decision"] == "Kommunstyrelsen, 15 February 2021, § 12"
    assert view.language_tag == "en-GB" and view.areas_heading == "Priority areas"


def test_the_document_date_is_the_decision_else_the_last_signature_else_the_start() -> None:
    assert view_of(PLAN).date == dt.date(2021, 2, 15)
    assert view_of(EXAMPLES / "eslov-2015-2018" / "agreement.yaml").date == dt.date(2015, 11, 26)
    assert view_of(EXAMPLES / "malmo-2011" / "agreement.yaml").date == dt.date(2010, 1, 1)


def test_keywords_hold_the_registration_numbers() -> None:
    assert view_of(PLAN).keywords[:2] == ("KS 2021/34", "A123.456/2021")


def test_anchors_are_unique_and_safe_for_every_writer() -> None:
    view = view_of(PLAN)
    anchors = [a.anchor for area in view.areas for t in area.tables for a in t.actions]
    anchors += [area.anchor for area in view.areas] + [t.anchor for area in view.areas for t in area.tables]
    assert len(anchors) == len(set(anchors))
    assert anchor("Åtgärd: a/b.c") == "atgard-a-b-c"
    assert anchor("area", "x", "actions", "") == "area-x-actions"
    assert all(set(a) <= set("abcdefghijklmnopqrstuvwxyz0123456789-") for a in anchors)


def test_an_area_with_only_a_title_is_not_a_section() -> None:
    view = view_of(EXAMPLES / "malmo-2011" / "agreement.yaml")
    assert view.areas and not any(area.has_content for area in view.areas)
