"""Every problem in one run: references and dates are checked on the part of a file that validates.

Each test writes a document with a schema error and a consistency problem elsewhere,
runs it through the real loader and validator, and states every diagnostic by code,
line and column (`at` finds where a snippet is written), so a problem placed at a
pruned index, or one made up by pruning, fails the test.
"""

from __future__ import annotations

import pytest

from agreement.validation import MAX_PROBLEMS

from .model.support import agreement, at, check, header, where, with_action


def found(text: str) -> list[tuple[str, int, int]]:
    """(code, line, column) of every diagnostic of `text`, in file order."""
    return sorted((where(diagnostic) for diagnostic in check(text).diagnostics), key=lambda place: place[1:])


def messages(text: str) -> dict[str, tuple[str, str | None]]:
    """Message and hint of each diagnostic, by code."""
    return {diagnostic.code: (diagnostic.message, diagnostic.hint) for diagnostic in check(text).diagnostics}


def test_a_wrong_owner_is_reported_beside_a_schema_error() -> None:
    text = with_action("""
- {title: Trygghetsvandringar, status: pågående}
- {title: Belysning i tunnlar, owner: eslov/gata}
""")
    assert found(text) == [at("S204", text, "pågående"), at("R301", text, "eslov/gata")]
    assert messages(text)["R301"] == ("owner 'eslov/gata': party 'eslov' has no unit 'gata'",
                                      "did you mean 'eslov/gtp'?")


def test_a_problem_after_a_pruned_item_is_placed_at_the_files_item() -> None:
    text = with_action("""
- {goal: Färre brott}
- {title: Trygghetsvandringar, owner: polisen}
- {title: Belysning i tunnlar, owner: eslov/gata}
""")
    assert found(text) == [at("S202", text, "{goal: Färre brott}"), at("R301", text, "eslov/gata")]
    reference = next(d for d in check(text).diagnostics if d.code == "R301")
    assert reference.path == ("focus_areas", 0, "actions", 2, "owner", 0)


def test_a_goal_ref_naming_a_pruned_goal_is_not_reported() -> None:
    text = with_action("""
- {title: Trygghetsvandringar, goal_ref: tryggare}
- {title: Belysning i tunnlar, goal_ref: tryggre}
""") + "goals:\n  - {id: tryggare, kind: effektmål, text: Fler känner sig trygga.}\n"
    assert found(text) == [at("R302", text, "tryggre"), at("S204", text, "effektmål")]


def test_references_to_a_pruned_party_and_its_units_are_not_reported() -> None:
    parties = """parties:
  - id: eslov
    name: Eslövs kommun
    type: kommun
    units: [{id: gtp, name: "Gata, trafik, park"}]
  - {id: polisen, name: Lokalpolisområde Eslöv, type: police}
"""
    text = header(parties=parties) + """focus_areas:
  - id: a
    title: Trygghet
    actions:
      - {title: Belysning, owner: eslov/gtp, partners: [eslov, polisen]}
      - {title: Trygghetsvandringar, owner: polis}
"""
    assert found(text) == [at("S204", text, "kommun\n    units"), at("R301", text, "polis}")]
    assert messages(text)["R301"] == ("owner 'polis' is not a declared party or unit", "did you mean 'polisen'?")


def test_a_reference_to_a_unit_of_a_party_whose_units_were_pruned_is_not_reported() -> None:
    parties = "parties:\n  - {id: eslov, name: Eslövs kommun, type: municipality, units: gtp}\n"
    text = with_action("- {title: C, owner: eslov/gtp}", parties=parties)
    assert found(text) == [at("S203", text, "gtp}")]


def test_a_unit_of_a_pruned_unit_list_item_does_not_hide_other_wrong_units() -> None:
    parties = """parties:
  - id: eslov
    name: Eslövs kommun
    type: municipality
    units: [{id: gtp, name: "Gata, trafik, park"}, {id: tillvaxt}]
"""
    text = header(parties=parties) + """focus_areas:
  - id: a
    title: B
    actions:
      - {title: C, owner: eslov/tillvaxt}
      - {title: D, owner: eslov/gata}
"""
    assert found(text) == [at("S202", text, "{id: tillvaxt}"), at("R301", text, "eslov/gata")]


def test_a_required_key_of_the_document_stands_in_so_references_are_still_checked() -> None:
    text = with_action("- {title: Trygghetsvandringar, owner: eslov/gata}")
    text = text.replace("title: Samverkansavtal", "titel: Samverkansavtal")
    assert found(text) == [at("S202", text, "kind"), at("S201", text, "titel"), at("R301", text, "eslov/gata")]


def test_a_stood_in_period_reports_no_dates() -> None:
    text = with_action("- {title: C, owner: eslov/gata, follow_up: 2030-06-30}",
                       period="{start: 2015-13-01, end: 2018-12-31}")
    assert found(text) == [at("S205", text, "2015-13-01"), at("R301", text, "eslov/gata")]


def test_stood_in_parties_report_no_references() -> None:
    """The parties stand in from the schema's example: no owner is judged against them."""
    text = with_action("- {title: C, owner: [malmo, malmostad], follow_up: 2030-06-30}",
                       parties="parties: [{id: malmo, name: Malmö stad, type: kommun}]\n")
    assert found(text) == [at("S204", text, "kommun}"), at("R304", text, "2030-06-30")]


def test_a_date_after_a_pruned_date_is_placed_at_its_own_item() -> None:
    text = with_action("- {title: C, follow_up: [2016-02-30, 2016-06-30, 2019-06-30]}")
    assert found(text) == [at("S205", text, "2016-02-30"), at("R304", text, "2019-06-30")]


def test_a_registration_key_beside_a_pruned_one_is_still_checked() -> None:
    text = agreement('registration:\n  "KS 2015": A1\n  polis: A2\n')
    assert found(text) == [at("S204", text, '"KS 2015"'), at("R301", text, "polis:")]


def test_a_period_that_ends_before_it_starts_is_reported_beside_a_schema_error() -> None:
    text = agreement("subtitle: [Överenskommelse]\n", period="{start: 2018-12-31, end: 2015-01-01}")
    assert found(text) == [at("R303", text, "2015-01-01"), at("S203", text, "[Överenskommelse]")]


def test_a_file_that_validates_only_without_its_parties_checks_nothing_more() -> None:
    """`parties` needs one party: when every party is pruned, the stand-in's references are not reported."""
    text = header(parties="parties: [{id: eslov}]\n") + "signatures: [{party: kommunen}]\n"
    assert [d.code for d in check(text).diagnostics] == ["S202", "S202"]


def actions_with_wrong_status(count: int) -> str:
    return "\n".join(f"- {{title: Åtgärd {n}, status: klar}}" for n in range(count))


@pytest.mark.parametrize("wrong_statuses", [MAX_PROBLEMS - 1, MAX_PROBLEMS + 50])
def test_consistency_problems_count_towards_the_cap(wrong_statuses: int) -> None:
    text = with_action(actions_with_wrong_status(wrong_statuses) + "\n- {title: X, owner: [eslov/gata, polis]}")
    diagnostics = check(text).diagnostics
    codes = [d.code for d in diagnostics]
    shown_references = max(0, MAX_PROBLEMS - wrong_statuses)
    assert codes == ["S204"] * min(wrong_statuses, MAX_PROBLEMS) + ["R301"] * shown_references + ["S208"]
    total = wrong_statuses + (2 if wrong_statuses < MAX_PROBLEMS else 0)  # past the cap nothing is salvaged
    assert diagnostics[-1].message.startswith(f"{total - MAX_PROBLEMS:,} more problems in this file")


def test_a_valid_file_keeps_its_model_and_a_salvaged_one_has_none() -> None:
    assert check(with_action("- {title: C, owner: eslov/gtp}")).document is not None
    assert check(with_action("- {title: C, owner: eslov/gata, status: klar}")).document is None


# -- the outline, nested parts, the newer kinds and follow-up files ------------------


def test_an_outline_naming_a_part_that_pruning_emptied_is_not_reported() -> None:
    """`goals` is written, but its only goal is pruned: the outline still names a part the file has."""
    text = agreement("""
outline: [background, goals]
background: Bakgrund.
goals:
  - {kind: effektmål, text: Fler känner sig trygga.}
""")
    assert found(text) == [at("S204", text, "effektmål")]


def test_an_outline_naming_a_section_in_a_pruned_section_is_not_reported() -> None:
    text = agreement("""
outline: [inriktning, background]
background: Bakgrund.
sections:
  - {id: inriktning, title: Inriktning, text: Text., rubrik: Fel}
""")
    assert found(text) == [at("S201", text, "rubrik")]


def test_an_outline_naming_a_part_that_pruning_emptied_in_a_group_is_not_reported() -> None:
    """`focus_areas` prints the groups too: their pruned area does not make the part missing."""
    text = agreement("""
outline: [focus_areas]
focus_area_groups:
  - title: Brottsförebyggande områden
    focus_areas: [{id: narkotika}]
""")
    assert found(text) == [at("S202", text, "{id: narkotika}")]


def test_a_wrong_outline_entry_is_still_reported_beside_a_schema_error() -> None:
    text = agreement("""
outline: [bakgrund, goals, goals]
bakgrund: Text.
goals:
  - {text: Fler känner sig trygga.}
""")
    assert found(text) == [at("R305", text, "bakgrund"), at("R305", text, "goals]"), at("S201", text, "bakgrund:")]
    assert messages(text)["R305"][1] is not None


def test_an_outline_entry_after_a_pruned_entry_is_placed_at_its_own_item() -> None:
    text = agreement("""
outline: ["mål och syfte", bakgrund]
goals:
  - {text: Fler känner sig trygga.}
""")
    assert found(text) == [at("S204", text, '"mål och syfte"'), at("R305", text, "bakgrund")]
    outline = next(d for d in check(text).diagnostics if d.code == "R305")
    assert outline.path == ("outline", 1)


def test_a_member_of_a_nested_body_is_checked_beside_a_pruned_body() -> None:
    text = agreement("""
organisation:
  bodies:
    - name: Styrgruppen
      bodies:
        - {name: Arbetsgruppen, kind: arbetsgrupp}
        - name: Trygghetsrådet
          members: [{role: Ordförande, party: eslov/gata}]
  roles:
    - {role: Samordnare, party: polis}
""")
    assert found(text) == [at("S204", text, "arbetsgrupp}"), at("R301", text, "eslov/gata"),
                           at("R301", text, "polis}")]
    member = next(d for d in check(text).diagnostics if d.message.startswith("member party"))
    assert member.path == ("organisation", "bodies", 0, "bodies", 1, "members", 0, "party")


def test_guidelines_check_their_roles_beside_a_schema_error() -> None:
    text = header("guidelines", parties="parties: [{id: vaxby, name: Växby kommun, type: kommun}]\n") + """
organisation:
  roles:
    - {role: Samordnare, party: vaxby}
    - {role: Kontaktperson, party: vaxbi}
"""
    assert found(text) == [at("S204", text, "kommun}")]  # the parties stood in: no reference is judged
    text = text.replace("type: kommun", "type: municipality").replace("role: Samordnare", "roll: Samordnare")
    assert found(text) == [at("S202", text, "{roll"), at("S201", text, "roll"), at("R301", text, "vaxbi")]
    assert messages(text)["S201"][1] == "did you mean 'role'? (the English key for roll)"


def test_citizen_promises_are_checked_at_the_files_items() -> None:
    text = header("citizen-promises") + """
promises:
  - {text: Polisen lovar att vara synlig., owner: polisen, status: pågående}
  - {text: Kommunen lovar bättre belysning., owner: eslov/gata}
"""
    assert found(text) == [at("S204", text, "pågående"), at("R301", text, "eslov/gata")]


def test_a_goal_ref_to_a_pruned_goal_of_a_focus_area_group_is_not_reported() -> None:
    text = agreement("""
focus_area_groups:
  - title: Brottsförebyggande områden
    goals: [{id: farre-brott, kind: effektmål, text: Färre brott.}]
    focus_areas:
      - id: centrum
        title: Centrum
        action_groups:
          - title: Pågående aktiviteter
            actions:
              - {title: A, goal_ref: farre-brott}
              - {title: B, goal_ref: farre-brot, owner: polisen}
""")
    assert found(text) == [at("S204", text, "effektmål"), at("R302", text, "farre-brot,")]


# -- follow-up files ------------------------------------------------------------------

def _follow_up_folder(tmp_path, log: str):  # type: ignore[no-untyped-def]
    from .followups.support import plan_folder

    plan_folder(tmp_path, log=log)
    return tmp_path / "uppfoljning.yaml"


def _found_in(path) -> list[tuple[str, int, int]]:  # type: ignore[no-untyped-def]
    from agreement.validation import check_file

    return [where(diagnostic) for diagnostic in check_file(path).diagnostics]


FOLLOW_UP = """\
kind: follow-up
schema: 1
document: plan.yaml
progress:
  belysning:
    - {date: 2016-05-02, rating: grön}
    - {date: 2017-05-02, rating: green}
  belysnig:
    - {date: 2016-05-02}
"""


def test_a_follow_up_file_checks_its_ids_and_dates_beside_a_schema_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = _follow_up_folder(tmp_path, FOLLOW_UP)
    assert _found_in(path) == [at("S204", FOLLOW_UP, "grön"), at("R308", FOLLOW_UP, "2017-05-02"),
                               at("R307", FOLLOW_UP, "belysnig")]


def test_a_progress_entry_after_a_pruned_entry_is_placed_at_its_own_item(tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = FOLLOW_UP.replace("{date: 2016-05-02, rating: grön}", "{rating: green}")
    path = _follow_up_folder(tmp_path, text)
    assert _found_in(path) == [at("S202", text, "{rating: green}"), at("R308", text, "2017-05-02"),
                               at("R307", text, "belysnig")]
    from agreement.validation import check_file

    late = next(d for d in check_file(path).diagnostics if d.code == "R308")
    assert late.path == ("progress", "belysning", 1, "date")


def test_a_follow_up_file_whose_document_stood_in_reports_nothing_against_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = FOLLOW_UP.replace("document: plan.yaml", "document: [plan.yaml]")
    path = _follow_up_folder(tmp_path, text)
    assert _found_in(path) == [at("S203", text, "[plan.yaml]"), at("S204", text, "grön")]


def test_an_invalid_progress_id_is_pruned_with_its_entries(tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = FOLLOW_UP.replace("  belysnig:", '  "belys ning":')
    path = _follow_up_folder(tmp_path, text)
    assert _found_in(path) == [at("S204", text, "grön"), at("S204", text, '"belys ning"'),
                               at("R308", text, "2017-05-02")]  # no R307 for the pruned id
