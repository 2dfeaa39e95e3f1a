"""Each rule on inline YAML: what it reports, at which (line, column), and what it lets pass.

Documents start from `support.AGREEMENT` (11 lines), so appended text starts on line 12.
"""

from __future__ import annotations

from pathlib import Path

from .support import AGREEMENT, found, lint, write

AREA_WITH_ACTIONS = AGREEMENT + """\
follow_up: {every: year}
focus_areas:
  - id: centrum
    title: Trygghet i centrum
    actions:
"""
"""Actions appended to this start on line 17, their keys in column 9."""


# -- L1xx accountability ---------------------------------------------------------------


def test_missing_goal_is_reported_at_the_action(tmp_path: Path) -> None:
    report = lint(tmp_path, AREA_WITH_ACTIONS + """\
      - id: utan-mal
        title: Belysning i gångtunnlar
        owner: kommunen
      - id: med-mal
        title: Belysning på torget
        goal: Torget ska upplevas som tryggt.
        owner: kommunen
""", select="L101")
    assert found(report) == [("L101", 17, 9)]
    assert report.diagnostics[0].message == "action 'utan-mal' has no goal"


def test_missing_goal_accepts_the_area_goals_unless_strict(tmp_path: Path) -> None:
    text = AGREEMENT + """\
follow_up: {every: year}
focus_areas:
  - id: centrum
    title: Trygghet i centrum
    goals: [{kind: effect, text: Fler ska känna sig trygga i centrum.}]
    actions:
      - {title: Belysning i gångtunnlar, owner: kommunen}
"""
    assert found(lint(tmp_path, text, select="L101")) == []
    strict = lint(tmp_path, text, select="L101", strict=True)
    assert found(strict) == [("L101", 18, 9)]
    assert "has no goal of its own" in strict.diagnostics[0].message


def test_missing_owner_inherits_the_party_group(tmp_path: Path) -> None:
    text = AGREEMENT.replace("kind: agreement", "kind: action-plan") + """\
follow_up: {every: year}
areas:
  - id: barn
    title: Barn och unga
    goals: [{kind: follow-up, text: Fler unga i riskzon fångas upp.}]
    actions:
      - title: Utan ägare
    by_party:
      - party: polisen
        actions:
          - title: Arbeta med bekymmersamtal
"""
    assert found(lint(tmp_path, text, select="L102")) == [("L102", 18, 9)]
    strict = lint(tmp_path, text, select="L102", strict=True)
    assert found(strict) == [("L102", 18, 9), ("L102", 22, 13)]


def test_missing_follow_up_after_inheritance(tmp_path: Path) -> None:
    text = AGREEMENT + """\
focus_areas:
  - id: centrum
    title: Trygghet i centrum
    actions:
      - {id: ingen, title: Belysning, goal: Tryggt., owner: kommunen}
      - {id: egen, title: Torget, goal: Tryggt., owner: kommunen, follow_up: 2016-09-30}
  - id: skolan
    title: Skolan
    follow_up: {months: [6, 12]}
    actions:
      - {id: arvd, title: Rastvakter, goal: Tryggt., owner: kommunen}
"""
    assert found(lint(tmp_path, text, select="L103")) == [("L103", 16, 9)]
    strict = lint(tmp_path, text, select="L103", strict=True)
    assert found(strict) == [("L103", 16, 9), ("L103", 22, 9)]
    assert strict.diagnostics[1].message == "action 'arvd' has no follow-up date of its own"


def test_a_schedule_without_a_date_in_the_period_is_no_follow_up(tmp_path: Path) -> None:
    text = AGREEMENT.replace("end: 2016-12-31", "end: 2016-06-30") + """\
follow_up: {every: year}
promises:
  - {id: synlig, text: Polisen lovar att synas., goal: Tryggt., owner: polisen}
"""
    report = lint(tmp_path, text, select="L103")
    assert found(report) == [("L103", 14, 5)]
    assert "citizen promise 'synlig'" in report.diagnostics[0].message


# -- L2xx dates ------------------------------------------------------------------------


def test_overdue_follow_up_points_at_the_follow_up_key(tmp_path: Path) -> None:
    report = lint(tmp_path, AREA_WITH_ACTIONS + """\
      - id: sen
        title: Belysning
        goal: Tryggt.
        owner: kommunen
        follow_up: [2016-03-31, 2016-09-30]
      - id: rapporterad
        title: Torget
        goal: Tryggt.
        owner: kommunen
        follow_up: [2016-03-31]
        progress: [{date: 2016-04-02, rating: green}]
      - {id: klar, title: Klar, goal: Tryggt., owner: kommunen, status: done, follow_up: 2016-03-31}
""", select="L201")
    assert found(report) == [("L201", 21, 9)]
    assert "was due 2016-03-31" in report.diagnostics[0].message


def test_overdue_follow_up_uses_the_inherited_schedule_and_skips_drafts(tmp_path: Path) -> None:
    text = AREA_WITH_ACTIONS.replace("every: year", "every: quarter") + """\
      - {id: kvartal, title: Belysning, goal: Tryggt., owner: kommunen}
"""
    report = lint(tmp_path, text, select="L201")
    assert found(report) == [("L201", 17, 9)]
    assert "was due 2016-03-31" in report.diagnostics[0].message
    draft = text.replace("period:", "status: draft\nperiod:")
    assert found(lint(tmp_path, draft, select="L201")) == []


# -- L3xx status, decision, signatures -------------------------------------------------


ADOPTED = AGREEMENT.replace("period:", "status: adopted\nperiod:")
"""An adopted agreement; `status` is on line 5, the parties start on line 7."""


def test_adopted_document_needs_decision_registration_and_signatures(tmp_path: Path) -> None:
    report = lint(tmp_path, ADOPTED, select="L3")
    assert found(report) == [("L302", 5, 9), ("L303", 5, 9), ("L304", 8, 9), ("L304", 12, 10)]


def test_adopted_document_with_everything(tmp_path: Path) -> None:
    text = ADOPTED.replace("status: adopted\n", """\
status: adopted
decision: {body: Kommunstyrelsen, date: 2015-11-26, section: "§ 123"}
registration: {kommunen: KS 2015/456}
""") + """\
signatures:
  - {party: kommunen, name: Anna Andersson}
  - {party: polisen, name: Bo Berg}
"""
    assert found(lint(tmp_path, text, select="L3")) == []


def test_incomplete_decision_is_reported_on_its_key(tmp_path: Path) -> None:
    text = ADOPTED.replace("status: adopted\n", "status: adopted\ndecision: {body: Kommunstyrelsen}\n")
    report = lint(tmp_path, text, select="L302")
    assert found(report) == [("L302", 6, 1)]
    assert "no date (`date`) or § (`section`)" in report.diagnostics[0].message


def test_an_adopted_document_without_a_period_is_warned_about(tmp_path: Path) -> None:
    without = ADOPTED.replace("period: {start: 2016-01-01, end: 2016-12-31}\n", "")
    report = lint(tmp_path, without, select="L305")
    assert found(report) == [("L305", 5, 9)]
    assert report.diagnostics[0].severity.value == "warning"
    assert found(lint(tmp_path, ADOPTED, select="L305")) == []
    assert found(lint(tmp_path, AGREEMENT.replace("period: {start: 2016-01-01, end: 2016-12-31}\n", ""),
                      select="L305")) == []  # not adopted: a transcription may lack a period


def test_guidelines_need_no_signatures(tmp_path: Path) -> None:
    """Guidelines are one organisation's, adopted by its council: no party signs them."""
    guidelines = ADOPTED.replace("kind: agreement", "kind: guidelines")
    assert [code for code, _, _ in found(lint(tmp_path, guidelines, select="L3"))] == ["L302", "L303"]


def test_ended_period_still_adopted(tmp_path: Path) -> None:
    import datetime as dt

    assert found(lint(tmp_path, ADOPTED, select="L301", today=dt.date(2017, 1, 1))) == [("L301", 5, 9)]
    assert found(lint(tmp_path, ADOPTED, select="L301", today=dt.date(2016, 12, 31))) == []


# -- L4xx structure --------------------------------------------------------------------


def test_duplicate_ids_across_the_document(tmp_path: Path) -> None:
    text = AGREEMENT.replace("  - {id: polisen, name: Lokalpolisområde Exempel, type: police}\n", """\
  - id: polisen
    name: Lokalpolisområde Exempel
    type: police
    units: [{id: gata, name: Trafikpolisen}]
""") + """\
follow_up: {every: year}
focus_areas:
  - id: centrum
    title: Trygghet i centrum
    actions:
      - {id: centrum, title: Belysning, goal: Tryggt., owner: kommunen}
"""
    report = lint(tmp_path, text, select="L401")
    assert found(report) == [("L401", 20, 14)]
    assert report.diagnostics[0].message == "duplicate id 'centrum': already used on line 17 by focus_areas[0]"


def test_empty_areas_and_party_groups(tmp_path: Path) -> None:
    text = AGREEMENT.replace("kind: agreement", "kind: action-plan") + """\
follow_up: {every: year}
areas:
  - {id: tom, title: Tomt område}
  - id: grupper
    title: Per part
    by_party:
      - {party: polisen, actions: [{title: Bekymmersamtal}]}
      - {party: kommunen}
"""
    assert found(lint(tmp_path, text, select="L402")) == [("L402", 14, 5), ("L402", 19, 9)]
    measured = text.replace("      - {party: kommunen}\n", "      - {party: kommunen, indicators: [{name: Antal LOB}]}\n")
    assert found(lint(tmp_path, measured, select="L402")) == [("L402", 14, 5)]  # it lists a measure


def test_todo_markers_are_reported_where_they_stand_until_filled_in(tmp_path: Path) -> None:
    text = AGREEMENT + """\
background: |
  Bakgrund.

  TODO: skriv syftet med samverkan
follow_up: {every: year, reported_to: "TODO: vilken nämnd"}
focus_areas:
  - id: todo-omrade
    title: Ett TODOLIST-område  # not the word TODO
    actions: [{title: Belysning, goal: Tryggt., owner: kommunen}]
"""
    report = lint(tmp_path, text, select="L403")
    assert found(report) == [("L403", 15, 3), ("L403", 16, 40)]
    assert report.diagnostics[1].message == "follow_up.reported_to still says 'TODO': it prints as written"
    assert [d.severity.value for d in report.diagnostics] == ["warning", "warning"]


def test_todo_markers_can_be_other_words(tmp_path: Path) -> None:
    (tmp_path / "agreement.toml").write_text('[lint.rules.todo-marker]\nmarkers = ["FIXME", "ATT GÖRA"]\n',
                                              encoding="utf-8")
    text = AGREEMENT + 'background: "TODO, FIXME och ATT GÖRA."\n'
    assert found(lint(tmp_path, text, select="L403")) == [("L403", 12, 20)]


# -- L5xx goals and indicators ---------------------------------------------------------


def test_effect_goal_without_indicator(tmp_path: Path) -> None:
    text = AGREEMENT + """\
goals:
  - {kind: effect, text: Fler ska känna sig trygga.}
  - {kind: overall, text: Ökad trygghet.}
  - kind: effect
    text: Färre inbrott.
    indicators: [{name: Anmälda inbrott, baseline: "120", target: "90"}]
"""
    assert found(lint(tmp_path, text, select="L501")) == [("L501", 13, 5)]


def test_indicator_without_baseline_or_target(tmp_path: Path) -> None:
    text = AGREEMENT + """\
indicators:
  - {name: Anmälda inbrott, baseline: "120"}
  - {name: Trygghet, baseline: 58 %, target: 65 %}
"""
    report = lint(tmp_path, text, select="L502")
    assert found(report) == [("L502", 13, 5)]
    assert report.diagnostics[0].message == "indicator 'Anmälda inbrott' has no target"


def test_strict_goal_indicators_count_those_of_the_actions_group(tmp_path: Path) -> None:
    text = AREA_WITH_ACTIONS.replace("    actions:\n", """\
    by_party:
      - party: polisen
        actions: [{title: Trygghetsvandringar, goal: Färre otrygga.}]
""")
    measured = text + "        indicators: [{name: Andel otrygga, baseline: 38 %, target: 30 %}]\n"
    assert [code for code, _, _ in found(lint(tmp_path, text, select="L501", strict=True))] == ["L501"]
    assert found(lint(tmp_path, measured, select="L501", strict=True)) == []


def test_an_indicator_among_a_partys_actions_is_checked_at_its_line(tmp_path: Path) -> None:
    text = AREA_WITH_ACTIONS.replace("    actions:\n", """\
    by_party:
      - party: kommunen
        actions: [{title: Trygghetsvandringar}]
        indicators:
          - {name: Antal LOB, target: "10"}
""")
    report = lint(tmp_path, text, select="L502")
    assert found(report) == [("L502", 20, 13)]
    assert report.diagnostics[0].message == "indicator 'Antal LOB' has no baseline"


def test_vague_verbs_are_found_in_folded_goals_and_titles(tmp_path: Path) -> None:
    text = AREA_WITH_ACTIONS + """\
      - id: krogar
        title: Verka  för ökat deltagande vid krögarträffarna
        goal: >-
          Alla krogar ska delta. Vi ska också
          värna om krogmiljön.
        owner: kommunen
      - {id: medverka, title: Medverka för ökat deltagande, goal: Tryggt., owner: kommunen}
"""
    report = lint(tmp_path, text, select="L503")
    assert found(report) == [("L503", 18, 16), ("L503", 21, 11)]
    assert report.diagnostics[0].message == "action title says 'Verka för', which cannot be followed up"


# -- L6xx cross-file -------------------------------------------------------------------

PLAN = """\
kind: action-plan
schema: 1
id: plan
title: Handlingsplan 2016
implements: {target}
period: {{start: 2016-01-01, end: 2016-12-31}}
parties: [{{id: kommunen, name: Exempels kommun, type: municipality}}]
follow_up: {{every: year}}
areas:
  - id: centrum
    title: Trygghet i centrum
    focus_area: {focus_area}
    goals: [{{kind: follow-up, text: Fyra trygghetsvandringar.}}]
    actions: [{{title: Trygghetsvandring, owner: kommunen}}]
"""
FOCUS_AREAS = AGREEMENT + """\
focus_areas:  # agreement: ignore[L402] reason="the actions are in the plans"
  - {id: centrum, title: Trygghet i centrum}
  - {id: alkohol, title: Alkohol och droger}
"""


def lint_files(tmp_path: Path, select: str, *paths: Path):
    from agreement.lint.config import Choices
    from agreement.lint.engine import lint_paths

    from .support import TODAY

    return lint_paths(list(paths), today=TODAY, choices=Choices(tuple(select.split(","))), jobs=1)


def test_plan_naming_a_missing_agreement(tmp_path: Path) -> None:
    plan = write(tmp_path, PLAN.format(target="../saknas.yaml", focus_area="centrum"), "plan.yaml")
    report = lint_files(tmp_path, "L6", plan)
    assert found(report) == [("L601", 5, 13)]


def test_plan_naming_an_unknown_focus_area_even_when_linted_alone(tmp_path: Path) -> None:
    write(tmp_path, FOCUS_AREAS, "agreement.yaml")
    plan = write(tmp_path, PLAN.format(target="agreement.yaml", focus_area="centrumm"), "plans/plan.yaml")
    plan.write_text(plan.read_text().replace("agreement.yaml", "../agreement.yaml"))
    report = lint_files(tmp_path, "L6", plan)
    assert found(report) == [("L602", 12, 17)]
    assert report.diagnostics[0].hint == "did you mean 'centrum'?"


def test_focus_area_no_plan_serves_when_linted_together(tmp_path: Path) -> None:
    agreement = write(tmp_path, FOCUS_AREAS, "agreement.yaml")
    plan = write(tmp_path, PLAN.format(target="agreement.yaml", focus_area="centrum"), "plan.yaml")
    report = lint_files(tmp_path, "L6,L4", agreement, plan)
    assert [(d.file, d.code, d.span.line) for d in report.diagnostics] == [(str(agreement), "L603", 14)]
    assert found(lint_files(tmp_path, "L6", agreement)) == []


# -- L7xx promises ---------------------------------------------------------------------


def test_promise_not_phrased_as_a_promise_is_info(tmp_path: Path) -> None:
    report = lint(tmp_path, AGREEMENT + """\
follow_up: {every: year}
promises:
  - {id: synlig, text: Ökad synlighet i centrum., goal: Tryggt., owner: polisen}
  - {id: lovar, text: Polisen LOVAR ATT synas i centrum., goal: Tryggt., owner: polisen}
""", select="L7")
    assert found(report) == [("L701", 14, 24)]
    assert report.diagnostics[0].severity.value == "info"
    assert report.exit_code == 0


# -- L8xx accessibility ----------------------------------------------------------------


def test_markdown_accessibility_in_block_scalars(tmp_path: Path) -> None:
    report = lint(tmp_path, AGREEMENT + """\
background: |
  # Lägesbild

  ### Anmälda brott
  Se kartan ![](karta.png) och läs rapporten [här](https://exempel.se/rapport).
  Läs [trygghetsmätningen](https://exempel.se/matning) och ![Karta över centrum](centrum.png).

  ```
  # inte en rubrik
  ### inte heller
  ```
purpose: Mer finns [Läs mer…](https://exempel.se).
""", select="L8")
    assert found(report) == [("L803", 15, 3), ("L801", 16, 13), ("L802", 16, 46), ("L802", 23, 20)]


def test_setext_headings_count_as_headings(tmp_path: Path) -> None:
    report = lint(tmp_path, AGREEMENT + """\
background: |
  Lägesbild
  =========

  #### Detaljer
""", select="L803")
    assert found(report) == [("L803", 16, 3)]
