"""Swedish terms in "did you mean": the model states them, the index finds them, validation shows them.

The first tests hold the model to the convention of `agreement.model.base`: every key
and every fixed value of every kind of file (each kind of document, and the follow-up
file beside them) has a Swedish term, and no term points at two keys (or two values)
at once. A field added without `sv=` fails here.
"""

from __future__ import annotations

from typing import Iterator

import pytest
from pydantic import BaseModel

from agreement import terms
from agreement.model import FILE_KINDS, KINDS, Action, Commitment, Goal, Party
from agreement.model.base import SWEDISH, SWEDISH_VALUES
from agreement.model_paths import fixed_values, key_of, model_in

from .model.support import action_plan, agreement, check, expect_only, header, only, with_action


def models() -> Iterator[type[BaseModel]]:
    """Every model a file of any kind is made of, each once."""
    seen: set[type[BaseModel]] = set()
    todo: list[type[BaseModel]] = list(FILE_KINDS.values())
    while todo:
        model = todo.pop()
        if model in seen:
            continue
        seen.add(model)
        yield model
        todo.extend(found for info in model.model_fields.values() if (found := model_in(info.annotation)))


def fields() -> list[tuple[type[BaseModel], str]]:
    return sorted(((model, name) for model in models() for name in model.model_fields),
                  key=lambda pair: (pair[0].__name__, pair[1]))


def extra(model: type[BaseModel], name: str) -> dict:
    found = model.model_fields[name].json_schema_extra
    return found if isinstance(found, dict) else {}


def test_the_walk_reaches_the_nested_models() -> None:
    names = {model.__name__ for model in models()}
    assert {"Agreement", "ActionPlan", "Action", "Promise", "ProgressEntry", "FollowUp", "Member", "Unit"} <= names
    assert {"Guidelines", "CitizenPromises", "FollowUpLog", "Measurement", "OutlineEntry", "Section", "Contact",
            "ActionGroup", "FocusAreaGroup", "Role", "Reporting", "Step"} <= names


@pytest.mark.parametrize("model, name", fields(), ids=lambda value: getattr(value, "__name__", value))
def test_every_key_has_a_swedish_term(model: type[BaseModel], name: str) -> None:
    assert extra(model, name).get(SWEDISH), (
        f"{model.__name__}.{name} has no Swedish term: give it sv=(...) (see agreement.model.base)")


@pytest.mark.parametrize("model, name", [(m, n) for m, n in fields() if fixed_values(m.model_fields[n].annotation)],
                         ids=lambda value: getattr(value, "__name__", value))
def test_every_fixed_value_has_a_swedish_term(model: type[BaseModel], name: str) -> None:
    allowed = fixed_values(model.model_fields[name].annotation)
    given = extra(model, name).get(SWEDISH_VALUES, {})
    assert sorted(given) == sorted(allowed), f"{model.__name__}.{name}: sv_values must name every value, no other"
    assert all(given[value] for value in allowed)


@pytest.mark.parametrize("model", sorted(models(), key=lambda m: m.__name__), ids=lambda m: m.__name__)
def test_every_term_of_a_key_leads_back_to_that_key(model: type[BaseModel]) -> None:
    """Two keys of one mapping sharing a term (or an inflection of it) would make the hint a guess."""
    index = terms.keys_of(model)
    wrong = [(term, key_of(name, info), index.find(term))
             for name, info in model.model_fields.items()
             for term in extra(model, name).get(SWEDISH, [])
             if getattr(index.find(term), "english", None) != key_of(name, info)]
    assert wrong == []


def test_every_term_of_a_value_leads_back_to_that_value() -> None:
    wrong = []
    for model, name in fields():
        index = terms.values_of(model, name)
        for value, swedish in extra(model, name).get(SWEDISH_VALUES, {}).items():
            wrong.extend((model.__name__, name, term) for term in swedish
                         if getattr(index.find(term), "english", None) != value)
    assert wrong == []


def test_every_kind_has_a_swedish_name_found_through_the_registry() -> None:
    for kind, model in FILE_KINDS.items():
        for term in extra(model, "kind")[SWEDISH_VALUES][kind]:
            assert terms.kinds().find(term) == terms.Match(kind, term)


@pytest.mark.parametrize("written, key, term", [
    ("ordlista", "glossary", "ordlista"), ("Ordlista", "glossary", "ordlista"), ("ordlistan", "glossary", "ordlista"),
    ("ORDLISTOR", "glossary", "ordlista"), ("förkortningarna", "glossary", "förkortningar"),
    ("forkortningar", "glossary", "förkortningar"), ("underskrift", "signatures", "underskrifter"),
    ("Giltig_till", "valid_until", "giltig till"), ("gäller-till", "valid_until", "gäller till"),
])
def test_keys_are_found_in_any_case_inflection_and_spelling(written: str, key: str, term: str) -> None:
    assert terms.keys_of(KINDS["agreement"]).find(written) == terms.Match(key, term)


@pytest.mark.parametrize("written, value, term", [
    ("pågående", "ongoing", "pågående"), ("Pågående", "ongoing", "pågående"),
    ("pagaende", "ongoing", "pågående"), ("PÅGÅENDE", "ongoing", "pågående"),
    ("genomfört", "done", "genomförd"), ("genomförda", "done", "genomförd"),
    ("avbrutna", "cancelled", "avbruten"), ("planerat", "planned", "planerad"), ("klart", "done", "klar"),
])
def test_values_are_found_in_any_case_inflection_and_spelling(written: str, value: str, term: str) -> None:
    assert terms.values_of(Commitment, "status").find(written) == terms.Match(value, term)


@pytest.mark.parametrize("written, word", [("man", "mål"), ("malaga", "mål"), ("statistik", "status")])
def test_a_shared_beginning_alone_is_no_match(written: str, word: str) -> None:
    assert terms.inflected_stem(terms.normal(written), terms.normal(word)) is None


def test_english_written_in_another_case_or_spacing_is_found_without_a_translation() -> None:
    assert terms.values_of(Commitment, "status").find("ONGOING") == terms.Match("ongoing")
    assert terms.values_of(Goal, "kind").find("follow up") == terms.Match("follow-up")


def test_a_misspelt_swedish_term_is_still_suggested() -> None:
    assert terms.suggest("ordlsta", terms.keys_of(KINDS["agreement"]), "key") == (
        "did you mean 'glossary'? (the English key for ordlista)")
    assert terms.suggest("efektmål", terms.values_of(Goal, "kind"), "value") == (
        "did you mean 'effect'? (the English value for effektmål)")


def test_nothing_close_suggests_nothing() -> None:
    assert terms.suggest("vattenkokare", terms.keys_of(Party), "key") is None


# -- through the real loader and validator ------------------------------------------


def test_a_swedish_key_gets_the_english_key() -> None:
    text = agreement("ordlista:\n  - {term: LOB, definition: Lagen om omhändertagande av berusade personer}\n")
    expect_only(text, "S201", "ordlista", "unknown key 'ordlista'",
                "did you mean 'glossary'? (the English key for ordlista)")


def test_an_inflected_swedish_key_in_an_action_gets_the_english_key() -> None:
    text = with_action("- title: Trygghetsvandringar\n  Ansvariga: polisen")
    expect_only(text, "S201", "Ansvariga", "unknown key 'Ansvariga' in focus_areas[0].actions[0]",
                "did you mean 'owner'? (the English key for ansvarig)")


@pytest.mark.parametrize("written", ["pågående", "Pågående", "pagaende"])
def test_a_swedish_status_gets_the_english_value(written: str) -> None:
    text = with_action(f"- {{title: Trygghetsvandringar, status: {written}}}")
    expect_only(text, "S204", written, f"{written!r} is not one of: planned, ongoing, done, possible, cancelled",
                "did you mean 'ongoing'? (the English value for pågående)")


def test_a_swedish_party_type_gets_the_english_value() -> None:
    text = header(parties="parties:\n  - {id: eslov, name: Eslövs kommun, type: kommun}\n")
    expect_only(text, "S204", "kommun}", "'kommun' is not one of: municipality, police, region, rescue-service, "
                "housing, other", "did you mean 'municipality'? (the English value for kommun)")


@pytest.mark.parametrize("written, kind, term", [
    ("handlingsplan", "action-plan", "handlingsplan"),
    ("Handlingsplanen", "action-plan", "handlingsplan"),
    ("samverkansöverenskommelse", "agreement", "samverkansöverenskommelse"),
    ("samverkansavtalet", "agreement", "samverkansavtal"),
    ("riktlinjer", "guidelines", "riktlinjer"),
    ("Medborgarlöften", "citizen-promises", "medborgarlöften"),
    ("medborgarlöftet", "citizen-promises", "medborgarlöften"),
    ("uppföljning", "follow-up", "uppföljning"),
])
def test_a_swedish_kind_gets_the_english_kind(written: str, kind: str, term: str) -> None:
    text = action_plan().replace("kind: action-plan", f"kind: {written}")
    expect_only(text, "S206", written, f"unknown kind {written!r}",
                f"did you mean {kind!r}? (the English kind for {term})")


def test_an_unknown_kind_lists_every_kind_of_the_registry() -> None:
    text = action_plan().replace("kind: action-plan", "kind: protokoll")
    assert only(text).hint == "use one of: " + ", ".join(f"`kind: {kind}`" for kind in FILE_KINDS)
    assert set(KINDS) < set(FILE_KINDS)


def test_the_index_is_not_built_for_a_valid_document() -> None:
    terms.keys_of.cache_clear()
    terms.kinds.cache_clear()
    assert check(agreement()).diagnostics == []
    assert terms.keys_of.cache_info().currsize == 0 and terms.kinds.cache_info().currsize == 0


def test_a_field_of_action_is_found_on_its_base_class() -> None:
    """Action inherits `owner` from Commitment: its terms come along."""
    assert terms.keys_of(Action).find("ägare") == terms.Match("owner", "ägare")


def test_a_value_where_the_path_leads_to_no_field_is_matched_against_the_allowed_values() -> None:
    path = ("focus_areas", 0, "actions", 0, "status", 0)  # an item of a list of fixed values
    assert terms.value_hint(KINDS["agreement"], path, "Ongoing", ["planned", "ongoing"]) == "did you mean 'ongoing'?"
    assert terms.value_hint(KINDS["agreement"], path, "pågående", ["planned", "ongoing"]) is None


def test_a_swedish_label_key_gets_the_english_key_it_labels() -> None:
    text = agreement("labels: {mål: Effektmål}\n")
    expect_only(text, "S204", "mål:", "'mål' is not one of: " + ", ".join(fixed_values(
        KINDS["agreement"].model_fields["labels"].annotation)), "did you mean 'goal'? (the English value for mål)")


def test_an_outline_entry_written_in_swedish_gets_the_part_it_names() -> None:
    text = agreement("outline: [Bakgrunden, goals]\nbackground: Text.\ngoals: [{text: Färre brott.}]\n")
    expect_only(text, "R305", "Bakgrunden", "the outline names 'Bakgrunden', which is no part or section id",
                "did you mean 'background'? (the English key for bakgrund)")


def test_an_outline_entry_near_a_section_id_still_gets_the_section() -> None:
    text = agreement("outline: [inriktnin]\nsections: [{id: inriktning, text: Text.}]\n")
    assert only(text).hint == "did you mean 'inriktning'?"


def test_a_swedish_key_in_a_follow_up_files_progress_gets_the_english_key() -> None:
    text = ("kind: follow-up\nschema: 1\ndocument: plan.yaml\n"
            "progress:\n  belysning:\n    - {date: 2016-05-02, kommentar: Klart.}\n")
    diagnostics = check(text).diagnostics
    assert [(d.code, d.hint) for d in diagnostics if d.code == "S201"] == [
        ("S201", "did you mean 'note'? (the English key for kommentar)")]


def test_terms_join_a_fields_own_schema_keywords() -> None:
    """`sv=` adds to a field's `json_schema_extra`, it does not replace it."""
    from agreement.model.base import Model, field

    class Counted(Model):
        count: int | None = field("How many (antal).", 3, json_schema_extra={"x-unit": "st"}, sv="antal")

    count = Counted.model_json_schema()["properties"]["count"]
    assert (count["x-unit"], count[SWEDISH]) == ("st", ["antal"])
