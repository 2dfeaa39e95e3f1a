"""The agreement (samverkansöverenskommelse): focus areas with goals, indicators and actions."""

from agreement.model import Agreement, FocusArea

from .support import agreement, at, check, only, valid, where


def test_focus_areas_are_the_areas() -> None:
    document = valid(agreement("""
        focus_areas:
          - id: offentlig-miljo
            title: Trygghet i offentlig miljö
            description: Gångtunnlar upplevs som otrygga.
            target_group: Alla som rör sig i centrum
            goals: [{id: tunnlar, kind: effect, text: Tryggare tunnlar.}]
            actions: [{title: Belysning i tunnlar}]
          - id: vald-nara-relationer
            title: Våld i nära relationer
        """))
    assert isinstance(document, Agreement)
    assert document.areas == document.focus_areas
    assert [area.id for area in document.areas] == ["offentlig-miljo", "vald-nara-relationer"]
    assert isinstance(document.areas[0], FocusArea) and document.areas[0].goals[0].id == "tunnlar"


def test_an_agreement_may_have_no_focus_areas_yet() -> None:
    assert valid(agreement()).focus_areas == []


def test_misspelt_top_level_key_suggests_the_closest() -> None:
    text = agreement("focus_area:\n  - {id: a, title: B}\n")
    diagnostic = only(text)
    assert where(diagnostic) == at("S201", text, "focus_area")
    assert (diagnostic.message, diagnostic.hint) == ("unknown key 'focus_area'", "did you mean 'focus_areas'?")


def test_areas_belong_to_action_plans() -> None:
    text = agreement("areas:\n  - {id: a, title: B}\n")
    assert where(only(text)) == at("S201", text, "areas")


def test_a_focus_area_needs_an_id_and_a_title() -> None:
    text = agreement("focus_areas:\n  - description: Utan rubrik\n")
    assert [d.message for d in check(text).diagnostics] == ["missing required key 'id' in focus_areas[0]",
                                              "missing required key 'title' in focus_areas[0]"]


def test_a_focus_area_written_as_text_is_the_wrong_type() -> None:
    text = agreement("focus_areas:\n  - Trygghet i offentlig miljö\n")
    diagnostic = only(text)
    assert where(diagnostic) == at("S203", text, "Trygghet i offentlig miljö")
    assert diagnostic.message == "expected a mapping, found the text 'Trygghet i offentlig miljö'"


def test_unknown_key_with_nothing_close_lists_the_allowed_keys() -> None:
    text = agreement("focus_areas:\n  - {id: a, title: B, zzz: 1}\n")
    hint = only(text).hint or ""
    assert hint.startswith("allowed keys: id, title, description, problem, causes, target_group")

