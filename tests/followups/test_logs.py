"""Follow-up files (`kind: follow-up`): validated like documents, checked against the document they name."""

from __future__ import annotations

import json
from pathlib import Path

from agreement.validation import check_file

from .support import LOG, PLAN, agreement, plan_folder, write


def codes(path: Path) -> list[tuple[str, int, int, str | None]]:
    return [(d.code, d.span.line if d.span else 0, d.span.column if d.span else 0, d.hint)
            for d in check_file(path).diagnostics]


def test_a_follow_up_file_that_matches_its_document_is_valid(tmp_path: Path) -> None:
    plan_folder(tmp_path)
    checked = check_file(tmp_path / "uppfoljning.yaml")
    assert checked.diagnostics == [] and checked.document is None
    assert checked.follow_up is not None and checked.follow_up.progress["belysning"][0].rating == "green"


def test_an_unknown_action_id_is_an_error_with_did_you_mean(tmp_path: Path) -> None:
    plan_folder(tmp_path, log=LOG.replace("  belysning:", "  belysnig:"))
    assert codes(tmp_path / "uppfoljning.yaml") == [("R307", 7, 3, "did you mean 'belysning'?")]


def test_an_id_written_on_two_actions_cannot_be_reported_on(tmp_path: Path) -> None:
    plan_folder(tmp_path, plan=PLAN.replace("id: vandringar", "id: belysning"))
    [(code, line, _, _)] = codes(tmp_path / "uppfoljning.yaml")
    assert (code, line) == ("R307", 7)


def test_a_missing_document_is_an_error_naming_the_documents_beside_it(tmp_path: Path) -> None:
    plan_folder(tmp_path, log=LOG.replace("document: plan.yaml", "document: plna.yaml"))
    assert codes(tmp_path / "uppfoljning.yaml") == [("R306", 4, 11, "did you mean 'plan.yaml'?")]


def test_a_document_that_does_not_validate_is_named(tmp_path: Path) -> None:
    plan_folder(tmp_path, plan=PLAN.replace("type: police", "type: polis"))
    [diagnostic] = check_file(tmp_path / "uppfoljning.yaml").diagnostics
    assert diagnostic.code == "R306" and "not a valid document" in diagnostic.message


def test_progress_outside_the_period_is_an_error(tmp_path: Path) -> None:
    plan_folder(tmp_path, log=LOG.replace("2016-05-02", "2017-05-02"))
    assert [c[:3] for c in codes(tmp_path / "uppfoljning.yaml")] == [("R308", 8, 13)]


def test_measurements_name_an_indicator_by_id(tmp_path: Path) -> None:
    plan = PLAN.replace("    title: Trygghet i centrum\n", "    title: Trygghet i centrum\n"
                        "    indicators: [{id: trygga, name: Andel trygga, baseline: 60 %, target: 70 %}]\n")
    log = LOG + "measurements:\n  trygga:\n    - {year: 2016, value: 64, unit: '%'}\n  tryga:\n    - {year: 2016, value: 1}\n"
    plan_folder(tmp_path, plan=plan, log=log)
    assert codes(tmp_path / "uppfoljning.yaml") == [("R309", 14, 3, "did you mean 'trygga'?")]
    checked = check_file(tmp_path / "uppfoljning.yaml")
    assert checked.follow_up is not None and checked.follow_up.measurements["trygga"][0].value == 64


def test_a_measurement_needs_a_date_or_a_year_not_both(tmp_path: Path) -> None:
    log = LOG + "measurements:\n  x:\n    - {value: 3}\n    - {year: 2016, date: 2016-05-01, value: 3}\n"
    plan_folder(tmp_path, log=log)
    found = [(d.code, d.message) for d in check_file(tmp_path / "uppfoljning.yaml").diagnostics]
    assert found == [("S204", "give either `date` or `year` for a measurement")] * 2 + [
        ("R309", "the document has no indicator with id 'x'")]  # checked beside the schema errors


def test_a_document_records_measurements_on_its_indicators(tmp_path: Path) -> None:
    plan = PLAN.replace("    title: Trygghet i centrum\n", "    title: Trygghet i centrum\n    indicators:\n"
                        "      - name: Antal LOB\n        baseline: 41 (2013)\n        measurements:\n"
                        "          - {year: 2013, value: 41, source: Polisen}\n"
                        "          - {date: 2016-08-31, value: 23, note: Januari–augusti.}\n")
    write(tmp_path, "plan.yaml", plan)
    checked = check_file(tmp_path / "plan.yaml")
    assert checked.diagnostics == [] and checked.document is not None
    indicator = checked.document.areas[0].indicators[0]  # type: ignore[attr-defined]
    assert [(m.when.isoformat(), m.value) for m in indicator.measurements] == [("2013-12-31", 41), ("2016-08-31", 23)]


def test_a_misspelt_key_in_a_progress_entry_is_an_error(tmp_path: Path) -> None:
    plan_folder(tmp_path, log=LOG.replace("      rating: green", "      ratng: green"))
    [(code, line, column, hint)] = codes(tmp_path / "uppfoljning.yaml")
    assert (code, line, column, hint) == ("S201", 9, 7, "did you mean 'rating'?")


def test_validate_lint_and_build_treat_follow_up_files_as_their_own_kind(tmp_path: Path) -> None:
    plan_folder(tmp_path)
    assert agreement("validate", str(tmp_path)).returncode == 0
    linted = agreement("lint", "--format", "json", "--today", "2016-03-01", str(tmp_path))
    report = json.loads(linted.stdout)
    assert report["files"] == 2
    assert not [d for d in report["diagnostics"] if d["file"].endswith("uppfoljning.yaml")]
    broken = plan_folder(tmp_path / "broken", log=LOG.replace("  belysning:", "  belysnig:"))
    done = agreement("lint", str(broken))
    assert done.returncode == 1 and "R307" in done.stdout and "did you mean 'belysning'?" in done.stdout
