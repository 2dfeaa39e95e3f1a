"""The view model: the author's parts in the author's order, values as written, nothing computed."""

from __future__ import annotations

import datetime as dt

from agreement.render.viewmodel import ActionList, AreaView, DocumentView, anchor

from ..model.support import agreement
from .conftest import EXAMPLES, PLAN, markdown_of, view_of, view_of_text


def areas(view: DocumentView) -> tuple[AreaView, ...]:
    part = view.part("areas") or view.part("focus_areas")
    assert part is not None
    return part.content.areas + tuple(area for group in part.content.groups for area in group.areas)


def action_lists(view: DocumentView) -> list[ActionList]:
    return [action_list for area in areas(view) for action_list in area.actions]


def test_without_an_outline_parts_print_in_the_order_their_keys_are_written() -> None:
    view = view_of(PLAN)
    assert [part.key for part in view.parts] == ["follow_up", "areas", "promises", "signatures", "glossary"]
    assert [part.heading for part in view.parts] == ["Uppföljning", "Prioriterade områden", "Medborgarlöften",
                                                     "Underskrifter", "Ordlista"]


def test_an_outline_orders_renames_and_leaves_out_headings() -> None:
    view = view_of_text(agreement("""
        outline:
          - inriktning
          - background: Inledning
          - goals: false
        background: Bakgrundstext.
        goals: [{text: Ökad trygghet}]
        purpose: Syftet skrivs men skrivs inte ut.
        sections:
          - id: inriktning
            title: Inriktning
            text: Arbetet sker på tre nivåer.
            sections: [{title: Barn och unga, text: Tidig upptäckt.}]
        """))
    assert [(part.key, part.heading) for part in view.parts] == [
        ("section", "Inriktning"), ("background", "Inledning"), ("goals", None)]
    section = view.parts[0].content
    assert [child.title for child in section.sections] == ["Barn och unga"] and section.sections[0].level == 2


def test_owners_are_names_and_an_inherited_owner_is_said_once_by_its_group() -> None:
    police, municipality = action_lists(view_of(PLAN))[:2]
    assert police.heading == "Polisen" and municipality.heading == "Exempelby kommun"  # no title: the party's name
    patrull, samtal = police.items
    assert patrull.owners == "" and samtal.owners == "Polisen och Gatuavdelningen"
    assert municipality.items[0].owners == "Gatuavdelningen"


def test_an_area_goal_is_stated_by_the_area_not_repeated_on_its_actions() -> None:
    centrum = areas(view_of(PLAN))[0]
    assert [goal.text for group in centrum.goals for goal in group.goals] == ["Fler känner sig trygga i centrum."]
    police, municipality = centrum.actions
    assert police.items[0].goal == "" and municipality.items[0].goal == "Tunneln ska upplevas som trygg."


def test_a_goal_reference_shows_the_goal_it_names() -> None:
    fritidsgard = areas(view_of(PLAN))[1].actions[0].items[0]
    assert fritidsgard.goal == "Färre unga begår brott."


def test_a_follow_up_prints_as_written_never_as_computed_dates() -> None:
    police = action_lists(view_of(PLAN))[0]
    patrull, samtal = police.items
    assert patrull.follow_up == ""  # the document's schedule, stated under Follow-up
    assert samtal.follow_up == "30 juni 2021"
    follow_up = view_of(PLAN).part("follow_up")
    assert follow_up is not None
    assert {fact.label: fact.value for fact in follow_up.content.facts} == {
        "När": "april, augusti och december", "Redovisas för": "Brottsförebyggande rådet"}


def test_a_follow_up_with_a_text_prints_the_text_and_keeps_the_schedule_as_data() -> None:
    view = view_of_text(agreement("""
        follow_up:
          every: year
          reported_to: Rådet
          description: Uppföljningen sker årligen.
        """))
    follow_up = view.part("follow_up")
    assert follow_up is not None and follow_up.content.description and follow_up.content.facts == ()


def test_the_layout_follows_what_the_actions_state() -> None:
    eslov = action_lists(view_of(EXAMPLES / "eslov-2015-2018" / "agreement.yaml"))
    assert {action_list.layout for action_list in eslov} == {"sections"}  # every action has a description
    ljusdal = action_lists(view_of(EXAMPLES / "ljusdal-2014" / "action-plan.yaml"))
    assert {action_list.layout for action_list in ljusdal} == {"list"}  # titles only
    plan = action_lists(view_of(PLAN))
    assert [action_list.layout for action_list in plan] == ["table", "sections", "table"]
    assert [name for name, _ in plan[0].columns] == ["owners", "follow_up"]  # only columns with something


def test_nothing_the_source_does_not_state_is_printed() -> None:
    view = view_of(EXAMPLES / "eslov-2015-2018" / "agreement.yaml")
    sspe = next(item for action_list in action_lists(view) for item in action_list.items if "SSPE" in item.title)
    assert sspe.owners == "" and [fact.label for fact in sspe.facts] == ["Effektmål"]
    assert {fact.label: fact.value for fact in view.facts} == {"Period": "2015–2018"}


def test_the_documents_own_labels_replace_the_usual_ones() -> None:
    view = view_of(EXAMPLES / "eslov-2015-2018" / "agreement.yaml")
    tunnlar = action_lists(view)[0].items[0]
    assert [fact.label for fact in tunnlar.facts] == ["Effektmål", "Ansvarig"]


def test_goals_print_under_the_label_the_author_gave_and_none_otherwise() -> None:
    view = view_of(EXAMPLES / "ljusdal-2014" / "action-plan.yaml")
    goals = view.part("goals")
    assert goals is not None and [group.label for group in goals.content] == [None]
    assert [[group.label for group in area.goals] for area in areas(view)] == [["Uppföljningsmål"]] * 3


def test_a_member_prints_the_documents_words_and_no_word_for_convener_or_adjunct() -> None:
    view = view_of_text(agreement("""
        organisation:
          bodies:
            - name: Styrgruppen
              members:
                - {role: Chefen för säkerhetsavdelningen, note: som är sammankallande för gruppen, convener: true}
                - {role: Polisens informatör, adjunct: true}
                - {name: Anna Andersson, role: samordnare, party: eslov}
        """))
    organisation = view.part("organisation")
    assert organisation is not None
    assert [member.text for member in organisation.content.bodies[0].members] == [
        "Chefen för säkerhetsavdelningen, som är sammankallande för gruppen",
        "Polisens informatör",
        "Anna Andersson, samordnare, Eslövs kommun"]


def test_an_indicator_listed_among_a_partys_actions_ends_its_list_unlabelled() -> None:
    """Ljusdal's source ends the municipality's list of actions with "Antal LOB*", a measure."""
    view = view_of(EXAMPLES / "ljusdal-2014" / "action-plan.yaml")
    municipality = next(found for found in action_lists(view) if found.heading == "Ljusdals kommun")
    assert [indicator.name for indicator in municipality.indicators] == ["Antal LOB*"]
    assert not [area.indicators for area in areas(view) if area.indicators]
    markdown = markdown_of(EXAMPLES / "ljusdal-2014" / "action-plan.yaml")
    assert "- Erbjuda medling mellan brottsoffer och gärningsman\n- Antal LOB\\*\n" in markdown
    assert "Indikatorer" not in markdown


def test_an_owner_prints_in_the_sources_words_when_given_and_by_name_otherwise() -> None:
    view = view_of(EXAMPLES / "eslov-2015-2018" / "agreement.yaml")
    owners = {item.title: item.owners for found in action_lists(view) for item in found.items}
    assert owners["Hästvedaläger för 7:or"] == "Resursavdelningen och Grundskolan på Barn och Utbildning"
    assert owners["Förhindra rekrytering till våldsbejakande extremism"] == "Skolan samt polisen"
    assert owners["Människan Bakom Uniformen"] == "Resursavdelningen inom Barn och Utbildning"


def test_group_indicators_have_their_label_unless_they_end_a_list_of_titles_as_names(tmp_path) -> None:
    """Under an action set as a section, or with a baseline, an indicator would read as the last
    action's own, or loosen the list: it prints under its label instead."""
    source = tmp_path / "plan.yaml"
    source.write_text(agreement("""
        focus_areas:
          - id: a
            title: Området
            by_party:
              - party: polisen
                actions: [{title: En åtgärd, description: Beskrivning.}]
                indicators: [{name: Antal LOB}]
              - party: eslov
                actions: [{title: Två}]
                indicators: [{name: Antal X, baseline: "3"}]
              - party: eslov/gtp
                actions: [{title: Tre}]
                indicators: [{name: Antal Y}]
        """), encoding="utf-8")
    markdown = markdown_of(source)
    assert markdown.count("**Indikatorer:**") == 2
    assert "- Tre\n- Antal Y\n" in markdown


def test_title_page_facts_carry_the_decision_and_registration_numbers() -> None:
    facts = {fact.label: fact.value for fact in view_of(PLAN).facts}
    assert facts == {
        "Period": "1 januari 2021 – 31 december 2021",
        "Status": "Antagen",
        "Beslut": "Kommunstyrelsen, 15 februari 2021, § 12",
        "Diarienummer, Exempelby kommun": "KS 2021/34",
        "Diarienummer, Polisen": "A123.456/2021",
        "Dokumentansvarig": "Trygghetssamordnaren",
    }


def test_english_labels_and_dates() -> None:
    view = view_of(PLAN, language="en")
    facts = {fact.label: fact.value for fact in view.facts}
    assert facts["Decision"] == "Kommunstyrelsen, 15 February 2021, § 12"
    assert view.language_tag == "en-GB" and view.part("areas").heading == "Priority areas"  # type: ignore[union-attr]


def test_the_document_date_is_the_decision_else_the_last_signature_else_none() -> None:
    """Malmö's period is 2010–2011 and its signatures are undated: no day of it is known."""
    assert view_of(PLAN).date == dt.date(2021, 2, 15)
    assert view_of(EXAMPLES / "eslov-2015-2018" / "agreement.yaml").date == dt.date(2015, 11, 26)
    assert view_of(EXAMPLES / "malmo-2011" / "agreement.yaml").date is None


def test_keywords_hold_the_registration_numbers() -> None:
    assert view_of(PLAN).keywords[:2] == ("KS 2021/34", "A123.456/2021")


def test_anchors_are_unique_and_safe_for_every_writer() -> None:
    view = view_of(PLAN)
    anchors = [part.anchor for part in view.parts] + [area.anchor for area in areas(view)]
    anchors += [action_list.anchor for action_list in action_lists(view)]
    anchors += [item.anchor for action_list in action_lists(view) for item in action_list.items]
    assert len(anchors) == len(set(anchors))
    assert anchor("Åtgärd: a/b.c") == "atgard-a-b-c"
    assert anchor("area", "x", "actions", "") == "area-x-actions"
    assert all(set(a) <= set("abcdefghijklmnopqrstuvwxyz0123456789-") for a in anchors)


def test_areas_with_only_a_title_are_listed_without_content() -> None:
    view = view_of(EXAMPLES / "malmo-2011" / "agreement.yaml")
    assert [area.title for area in areas(view)][:2] == ["Unga i riskzonen och unga kriminella",
                                                        "Organiserad brottslighet och kriminella nätverk"]
    assert not any(area.description or area.actions or area.goals for area in areas(view))
