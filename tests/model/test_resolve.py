"""Inheritance and references, resolved once: owner, goal and follow-up with where they came from."""

import datetime as dt

from agreement.model.resolve import (
    check_dates, check_references, commitments, did_you_mean, follow_up_dates, party_refs, resolve_follow_up,
    resolve_goal, resolve_owner,
)

from .support import action_plan, agreement, at, check, valid, where

D = dt.date

DOCUMENT = agreement("""
goals:
  - {id: trygghet, kind: overall, text: Alla ska känna sig trygga.}
follow_up:
  every: year
  reported_to: Rådet för hälsa och trygghet
focus_areas:
  - id: offentlig-miljo
    title: Trygghet i offentlig miljö
    goals:
      - {id: tunnlar, kind: effect, text: Tryggare tunnlar.}
      - {kind: process, text: Fler trygghetsvandringar.}
    follow_up: {months: [4, 8, 12]}
    actions:
      - {id: own, title: Egen, goal: Egen målsättning., owner: eslov/gtp, follow_up: 2016-06-30}
      - {id: ref-area, title: Områdets mål, goal_ref: tunnlar}
      - {id: ref-document, title: Dokumentets mål, goal_ref: trygghet}
      - {id: inherits, title: Ärver allt}
  - id: vald
    title: Våld i nära relationer
    follow_up: {reported_to: Kommunstyrelsen}
    by_party:
      - party: polisen
        actions:
          - {id: grouped, title: Bekymmerssamtal}
          - {id: own-owner, title: Medling, owner: [eslov/tillvaxt, polisen]}
promises:
  - {id: lofte, text: Polisen lovar att vara synlig., owner: polisen}
""")


def contexts() -> dict[str, object]:
    document = valid(DOCUMENT)
    return {context.item.id: context for context in commitments(document)}, document  # type: ignore[return-value]


def test_commitments_walk_areas_then_groups_then_promises() -> None:
    found = [(context.item.id, context.path, context.group.party if context.group else None)
             for context in commitments(valid(DOCUMENT))]
    assert found == [
        ("own", ("focus_areas", 0, "actions", 0), None),
        ("ref-area", ("focus_areas", 0, "actions", 1), None),
        ("ref-document", ("focus_areas", 0, "actions", 2), None),
        ("inherits", ("focus_areas", 0, "actions", 3), None),
        ("grouped", ("focus_areas", 1, "by_party", 0, "actions", 0), "polisen"),
        ("own-owner", ("focus_areas", 1, "by_party", 0, "actions", 1), "polisen"),
        ("lofte", ("promises", 0), None),
    ]


def test_promises_know_they_are_promises() -> None:
    by_id, _ = contexts()
    assert by_id["lofte"].is_promise and not by_id["own"].is_promise  # type: ignore[attr-defined]


def test_owner_from_the_item_then_the_party_group() -> None:
    by_id, _ = contexts()
    owners = {key: resolve_owner(context) for key, context in by_id.items()}  # type: ignore[arg-type]
    assert (owners["own"].value, owners["own"].source) == (["eslov/gtp"], "item")  # type: ignore[union-attr]
    assert (owners["grouped"].value, owners["grouped"].source) == (["polisen"], "group")  # type: ignore[union-attr]
    assert owners["own-owner"].value == ["eslov/tillvaxt", "polisen"]  # type: ignore[union-attr]
    assert owners["own-owner"].source == "item"  # type: ignore[union-attr]
    assert owners["inherits"] is None


def test_goal_from_the_item_a_reference_or_the_area() -> None:
    by_id, document = contexts()
    goals = {key: resolve_goal(document, context) for key, context in by_id.items()}  # type: ignore[arg-type]
    assert ([g.text for g in goals["own"].value], goals["own"].source) == (["Egen målsättning."], "item")  # type: ignore[union-attr]
    assert [g.id for g in goals["ref-area"].value] == ["tunnlar"]  # type: ignore[union-attr]
    assert [g.id for g in goals["ref-document"].value] == ["trygghet"]  # type: ignore[union-attr]
    assert goals["ref-document"].source == "item"  # type: ignore[union-attr]
    inherited = goals["inherits"]
    assert inherited is not None and inherited.source == "area"
    assert [g.text for g in inherited.value] == ["Tryggare tunnlar.", "Fler trygghetsvandringar."]
    assert goals["grouped"] is None and goals["lofte"] is None


def test_follow_up_from_the_item_then_the_area_then_the_document() -> None:
    by_id, document = contexts()
    sources = {key: resolve_follow_up(document, context).source  # type: ignore[union-attr, arg-type]
               for key, context in by_id.items()}
    assert sources == {"own": "item", "ref-area": "area", "ref-document": "area", "inherits": "area",
                       "grouped": "document", "own-owner": "document", "lofte": "document"}


def test_an_area_follow_up_without_a_schedule_does_not_hide_the_documents() -> None:
    by_id, document = contexts()
    resolved = resolve_follow_up(document, by_id["grouped"])  # type: ignore[arg-type]
    assert resolved is not None and resolved.value.every == "year"


def test_follow_up_dates_expand_within_the_period() -> None:
    by_id, document = contexts()
    own = follow_up_dates(document, by_id["own"])  # type: ignore[arg-type]
    assert own is not None and (own.value, own.source) == ([D(2016, 6, 30)], "item")
    area = follow_up_dates(document, by_id["inherits"])  # type: ignore[arg-type]
    assert area is not None and area.value[:3] == [D(2015, 4, 30), D(2015, 8, 31), D(2015, 12, 31)]
    assert len(area.value) == 12 and area.value[-1] == D(2018, 12, 31)
    yearly = follow_up_dates(document, by_id["lofte"])  # type: ignore[arg-type]
    assert yearly is not None and yearly.value == [D(2015, 12, 31), D(2016, 12, 31), D(2017, 12, 31),
                                                   D(2018, 12, 31)]


def test_nothing_to_inherit_resolves_to_none() -> None:
    document = valid(agreement("focus_areas:\n  - {id: a, title: B, actions: [{title: C}]}\n"))
    context = next(commitments(document))
    assert resolve_follow_up(document, context) is None and follow_up_dates(document, context) is None
    assert resolve_goal(document, context) is None and resolve_owner(context) is None


def test_party_refs_are_parties_and_their_units() -> None:
    assert party_refs(valid(agreement())) == {"eslov", "eslov/gtp", "eslov/tillvaxt", "polisen"}


def test_did_you_mean() -> None:
    assert did_you_mean("polis", {"polisen", "eslov"}) == "did you mean 'polisen'?"
    assert did_you_mean("regionskane", {"polisen", "eslov"}) is None


def test_a_consistent_document_has_no_problems() -> None:
    document = valid(DOCUMENT)
    assert check_references(document) == [] and check_dates(document) == []


def test_wrong_owner_and_partner_with_did_you_mean() -> None:
    text = agreement("""
        focus_areas:
          - id: a
            title: B
            actions:
              - {title: C, owner: [polisen, eslov/gata], partners: [eslv]}
        """)
    diagnostics = check(text).diagnostics
    assert [where(d) for d in diagnostics] == [at("R301", text, "eslov/gata"), at("R301", text, "eslv")]
    assert [d.hint for d in diagnostics] == ["did you mean 'eslov/gtp'?", "did you mean 'eslov'?"]
    assert diagnostics[0].path == ("focus_areas", 0, "actions", 0, "owner", 1)


def test_goal_ref_must_name_a_goal_of_the_area_or_document() -> None:
    text = agreement("""
        goals: [{id: trygghet, kind: overall, text: Trygghet.}]
        focus_areas:
          - id: a
            title: B
            goals: [{id: tunnlar, kind: effect, text: Tunnlar.}]
            actions: [{title: C, goal_ref: tunnel}]
          - id: d
            title: E
            actions: [{title: F, goal_ref: tunnlar}]
        """)
    diagnostics = check(text).diagnostics
    assert [where(d) for d in diagnostics] == [at("R302", text, "tunnel}"), at("R302", text, "tunnlar}")]
    assert diagnostics[0].message == "goal_ref 'tunnel' names no goal"
    assert diagnostics[0].hint == "did you mean 'tunnlar'?"
    assert diagnostics[1].hint == "did you mean 'trygghet'?" or diagnostics[1].hint.startswith("goals with an id")


def test_goal_ref_when_no_goal_has_an_id() -> None:
    text = agreement("focus_areas:\n  - {id: a, title: B, actions: [{title: C, goal_ref: x}]}\n")
    assert check(text).diagnostics[0].hint == "give the goal an `id` on its area or the document"


def test_follow_up_dates_outside_the_period_on_every_level() -> None:
    text = action_plan("""
        follow_up: {dates: [2019-01-01]}
        areas:
          - id: a
            title: B
            follow_up: 2014-06-30
            by_party:
              - party: polisen
                actions: [{title: C, follow_up: [2016-06-30, 2020-06-30]}]
        promises: [{text: Polisen lovar., follow_up: 2030-01-01}]
        """)
    diagnostics = check(text).diagnostics
    assert [where(d) for d in diagnostics] == [
        at("R304", text, "2019-01-01"), at("R304", text, "2014-06-30"),
        at("R304", text, "2020-06-30"), at("R304", text, "2030-01-01")]
    assert diagnostics[2].path == ("areas", 0, "by_party", 0, "actions", 0, "follow_up", "dates", 1)
