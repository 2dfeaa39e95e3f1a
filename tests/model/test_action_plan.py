"""The action plan (handlingsplan): areas serving the agreement's focus areas, actions per party."""

from agreement.model import ActionPlan

from .support import action_plan, at, check, only, valid, where

PLAN = """
implements: ../eslov-2015-2018/agreement.yaml
areas:
  - id: ungdomar
    title: Ungdomar i riskzon
    focus_area: tidig-upptackt
    target_group: Barn och ungdomar
    goals:
      - {kind: follow-up, text: Antal bekymmerssamtal}
    by_party:
      - party: polisen
        title: Polisen Norra Gävleborg, Ljusdal
        actions:
          - title: Arbeta med bekymmersamtal
          - {title: Medling, owner: [polisen, eslov/tillvaxt]}
      - party: eslov/tillvaxt
        actions:
          - title: Förstärkt tobakstillsyn på skolområden
    actions:
      - {title: Gemensam lägesbild, owner: polisen}
"""


def test_a_plan_with_actions_per_party() -> None:
    document = valid(action_plan(PLAN))
    assert isinstance(document, ActionPlan)
    assert document.implements == "../eslov-2015-2018/agreement.yaml"
    area = document.areas[0]
    assert (area.focus_area, area.target_group) == ("tidig-upptackt", "Barn och ungdomar")
    assert [group.party for group in area.by_party] == ["polisen", "eslov/tillvaxt"]
    assert [(action.title, group.party if group else None) for action, group in area.all_actions()] == [
        ("Gemensam lägesbild", None),
        ("Arbeta med bekymmersamtal", "polisen"),
        ("Medling", "polisen"),
        ("Förstärkt tobakstillsyn på skolområden", "eslov/tillvaxt"),
    ]


def test_focus_areas_belong_to_agreements() -> None:
    text = action_plan("focus_areas: []\n")
    diagnostic = only(text)
    assert where(diagnostic) == at("S201", text, "focus_areas")


def test_party_group_of_an_undeclared_party() -> None:
    text = action_plan(PLAN.replace("party: eslov/tillvaxt", "party: eslov/tillvaxten"))
    diagnostic = only(text)
    assert where(diagnostic) == at("R301", text, "eslov/tillvaxten")
    assert diagnostic.message == "party 'eslov/tillvaxten': party 'eslov' has no unit 'tillvaxten'"
    assert diagnostic.hint == "did you mean 'eslov/tillvaxt'?"


def test_party_group_needs_its_party() -> None:
    text = action_plan("areas:\n  - id: a\n    title: B\n    by_party:\n      - actions: [{title: C}]\n")
    diagnostic = only(text)
    assert where(diagnostic) == at("S202", text, "actions: [{title: C}]")
    assert diagnostic.message == "missing required key 'party' in areas[0].by_party[0]"


def test_misspelt_key_in_a_party_group() -> None:
    text = action_plan("areas:\n  - id: a\n    title: B\n    by_party:\n      - {party: polisen, action: []}\n")
    diagnostic = only(text)
    assert where(diagnostic) == at("S201", text, "action:")
    assert diagnostic.hint == "did you mean 'actions'?"


def test_wrong_owner_inside_a_group_is_found() -> None:
    text = action_plan(PLAN.replace("owner: [polisen, eslov/tillvaxt]", "owner: [polisen, eslov/tillvaxd]"))
    diagnostics = check(text).diagnostics
    assert [where(d) for d in diagnostics] == [at("R301", text, "eslov/tillvaxd")]
    assert diagnostics[0].path == ("areas", 0, "by_party", 0, "actions", 1, "owner", 1)
