"""Organisation (bodies and members) and the working model (samverkansmodell)."""

from .support import agreement, at, only, valid, where

ORGANISATION = """
organisation:
  bodies:
    - id: styrgrupp
      name: Styrgruppen
      kind: steering-group
      meets: minst tre gånger per termin
      members:
        - {role: Kommundirektör, party: eslov, convener: true}
        - {role: Lokalpolisområdeschef, party: polisen}
        - {role: Trygghetssamordnare, name: Anna Andersson, party: eslov/tillvaxt, adjunct: true}
"""


def test_bodies_and_members_are_read() -> None:
    body = valid(agreement(ORGANISATION)).organisation.bodies[0]  # type: ignore[union-attr]
    assert (body.id, body.kind, body.meets) == ("styrgrupp", "steering-group", "minst tre gånger per termin")
    convener, police, coordinator = body.members
    assert (convener.convener, police.convener, coordinator.adjunct) == (True, False, True)
    assert coordinator.party == "eslov/tillvaxt" and coordinator.name == "Anna Andersson"


def test_body_kind_defaults_to_other() -> None:
    body = valid(agreement("organisation:\n  bodies: [{name: Trygghetsrådet}]\n")).organisation.bodies[0]  # type: ignore[union-attr]
    assert body.kind == "other" and body.members == []


def test_unknown_body_kind_suggests_the_closest() -> None:
    text = agreement("organisation:\n  bodies: [{name: Styrgruppen, kind: steering}]\n")
    diagnostic = only(text)
    assert where(diagnostic) == at("S204", text, "steering}")
    assert diagnostic.hint == "did you mean 'steering-group'?"


def test_convener_must_be_true_or_false() -> None:
    text = agreement("organisation:\n  bodies:\n    - name: Styrgruppen\n      members: [{role: Ordförande, convener: ja}]\n")
    diagnostic = only(text)
    assert where(diagnostic) == at("S203", text, "ja}")
    assert diagnostic.message == "expected true or false, found the text 'ja'"


def test_member_of_an_undeclared_party_suggests_the_closest() -> None:
    text = agreement("organisation:\n  bodies:\n    - name: Styrgruppen\n      members: [{role: Chef, party: polis}]\n")
    diagnostic = only(text)
    assert where(diagnostic) == at("R301", text, "polis}")
    assert diagnostic.message == "member party 'polis' is not a declared party or unit"
    assert diagnostic.hint == "did you mean 'polisen'?"


def test_working_model_steps_keep_their_order() -> None:
    document = valid(agreement("""
        working_model:
          title: Samverkansmodellen
          steps:
            - title: Inhämta information
            - title: Gemensam lägesbild
            - {title: Uppföljning och utvärdering, description: Årligen.}
        """))
    assert [step.title for step in document.working_model.steps] == [  # type: ignore[union-attr]
        "Inhämta information", "Gemensam lägesbild", "Uppföljning och utvärdering"]


def test_a_step_needs_a_title() -> None:
    text = agreement("working_model:\n  steps:\n    - description: Vi samlar information.\n")
    diagnostic = only(text)
    assert where(diagnostic) == at("S202", text, "description: Vi")
    assert diagnostic.message == "missing required key 'title' in working_model.steps[0]"
