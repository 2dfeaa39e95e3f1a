"""`agreement lint` as users run it: formats, output files, exit codes and usage errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from agreement.cli import app

from .support import AGREEMENT, write

CLEAN = AGREEMENT + """\
follow_up: {every: year}
focus_areas:
  - id: centrum
    title: Trygghet i centrum
    actions:
      - {id: belysning, title: Belysning i gångtunnlar, goal: Alla tunnlar upplevs som trygga., owner: kommunen/gata}
"""
NO_OWNER = CLEAN.replace(", owner: kommunen/gata", "")
WARNING_ONLY = CLEAN.replace("Alla tunnlar upplevs som trygga.", "Verka för trygga tunnlar.")


def invoke(*args: str, env: dict[str, str] | None = None):
    runner = CliRunner()
    return runner.invoke(app, ["lint", "--today", "2016-06-15", *args], env={"GITHUB_ACTIONS": "", **(env or {})})


def test_clean_file_exits_0(tmp_path: Path) -> None:
    result = invoke(str(write(tmp_path, CLEAN)))
    assert result.exit_code == 0, result.output
    assert "1 file checked: no problems" in result.output


def test_error_exits_1_with_a_code_frame(tmp_path: Path) -> None:
    path = write(tmp_path, NO_OWNER)
    result = invoke(str(path))
    assert result.exit_code == 1
    assert f"{path}:17:9: L102 action 'belysning' has no owner" in result.output
    assert ">" in result.output and "= hint: write `owner:`" in result.output


def test_warnings_fail_only_with_strict(tmp_path: Path) -> None:
    path = str(write(tmp_path, WARNING_ONLY))
    assert invoke(path).exit_code == 0
    assert invoke("--strict", path).exit_code == 1


def test_select_and_ignore_take_codes_names_and_prefixes(tmp_path: Path) -> None:
    path = str(write(tmp_path, NO_OWNER))
    assert invoke("--ignore", "missing-owner", path).exit_code == 0
    assert invoke("--select", "L5,L7", "--select", "vague-goal", path).exit_code == 0
    assert invoke("--select", "L1", path).exit_code == 1


def test_output_is_written_to_a_file_with_a_summary_on_stderr(tmp_path: Path) -> None:
    path = str(write(tmp_path, NO_OWNER))
    report = tmp_path / "out" / "lint.json"
    report.parent.mkdir()
    result = invoke("--format", "json", "--output", str(report), path)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "1 file linted: 1 error, 0 warnings, 0 info" in result.stderr
    assert json.loads(report.read_text())["diagnostics"][0]["code"] == "L102"
    assert [p.name for p in report.parent.iterdir()] == ["lint.json"]


def test_auto_format_is_github_under_github_actions(tmp_path: Path) -> None:
    path = str(write(tmp_path, NO_OWNER))
    result = invoke(path, env={"GITHUB_ACTIONS": "true"})
    assert result.stdout.startswith("::error file=")
    text = invoke("--format", "auto", path).stdout
    assert not text.startswith("::") and ":17:9: L102 action 'belysning' has no owner" in text


@pytest.mark.parametrize(("args", "message"), [
    (["--today", "2016-13-01"], "--today '2016-13-01' is not a date written YYYY-MM-DD"),
    (["--select", "L1O2"], "--select: unknown rule 'L1O2'; did you mean 'L102'?"),
    (["--ignore", "S201"], "--ignore S201: validation codes cannot be selected or ignored"),
    (["--format", "xml"], "unknown format 'xml'"),
    (["--config", "missing.toml"], "missing.toml: cannot read"),
])
def test_usage_errors_exit_2_without_a_traceback(tmp_path: Path, args: list[str], message: str) -> None:
    result = invoke(*args, str(write(tmp_path, CLEAN)))
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_missing_path_and_configuration_errors_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert invoke("nowhere.yaml").exit_code == 2
    write(tmp_path, CLEAN)
    (tmp_path / "agreement.toml").write_text('[lint]\nignore = ["L1O2"]\n')
    result = invoke("doc.yaml")
    assert result.exit_code == 2
    assert "agreement.toml:2: unknown rule 'L1O2'; did you mean 'L102'?" in result.stderr


def test_invalid_documents_are_reported_and_not_linted(tmp_path: Path) -> None:
    path = str(write(tmp_path, NO_OWNER.replace("title: Trygghet i centrum", "titel: Trygghet i centrum")))
    result = invoke("--format", "json", path)
    assert result.exit_code == 1
    assert [d["code"] for d in json.loads(result.stdout)["diagnostics"]] == ["S202", "S201"]


def test_unreadable_file_exits_2(tmp_path: Path) -> None:
    folder = tmp_path / "plan.yaml"
    folder.mkdir()
    assert invoke(str(folder)).exit_code == 2


def test_output_to_something_that_is_not_a_file_is_written_in_place(tmp_path: Path) -> None:
    import os
    import stat
    import threading

    from agreement.writing import write_atomically

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_text()))
    reader.start()
    write_atomically({pipe: b"report\n"})
    reader.join(timeout=10)
    assert received == ["report\n"]
    assert stat.S_ISFIFO(pipe.stat().st_mode)


def test_output_creates_the_folders_it_goes_into(tmp_path: Path) -> None:
    """CI writes reports into a folder of its own (reports/lint.sarif) that no step has made."""
    report = tmp_path / "reports" / "lint" / "agreement.sarif"
    result = invoke("--format", "sarif", "--output", str(report), str(write(tmp_path, NO_OWNER)))
    assert result.exit_code == 1, result.stderr
    assert json.loads(report.read_text(encoding="utf-8"))["runs"][0]["results"][0]["ruleId"] == "L102"


def test_output_under_a_file_is_a_usage_error(tmp_path: Path) -> None:
    blocker = tmp_path / "reports"
    blocker.write_text("not a folder\n", encoding="utf-8")
    result = invoke("--output", str(blocker / "lint.json"), str(write(tmp_path, CLEAN)))
    assert (result.exit_code, result.stderr) == (2, f"error: {blocker}: File exists\n")


def test_output_into_a_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = invoke("--output", str(tmp_path), str(write(tmp_path, CLEAN)))
    assert result.exit_code == 2
    assert "is a folder" in result.stderr


EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_the_examples_lint_clean_under_the_default_preset() -> None:
    """Municipalities fork the examples: they must pass lint as they are, suppressions
    (each with a reason quoting its source) included."""
    runner = CliRunner()
    result = runner.invoke(app, ["lint", "--format", "text", str(EXAMPLES)], env={"GITHUB_ACTIONS": ""})
    assert result.exit_code == 0, result.output
    assert "no problems" in result.output


# -- standard input: an editor's unsaved buffer ----------------------------------------------------


def lint_stdin(text: str, *args: str):  # noqa: ANN201 - click's Result
    return CliRunner().invoke(app, ["lint", "--today", "2016-06-15", "-", *args], input=text.encode("utf-8"),
                              env={"GITHUB_ACTIONS": ""})


def test_a_document_on_standard_input_is_reported_under_the_stdin_filename(tmp_path: Path) -> None:
    name = tmp_path / "plans" / "doc.yaml"  # need not exist: the buffer was never saved
    result = lint_stdin(NO_OWNER, "--stdin-filename", str(name))
    assert result.exit_code == 1
    assert f"{name}:17:9: L102 action 'belysning' has no owner" in result.stdout
    assert "> 17 |       - {id: belysning, title: Belysning i gångtunnlar" in result.stdout  # the frame is from stdin
    assert not name.exists()


def test_without_a_stdin_filename_it_is_called_stdin() -> None:
    result = lint_stdin(NO_OWNER)
    assert result.exit_code == 1 and "<stdin>:17:9: L102" in result.stdout


def test_the_configuration_is_found_from_the_stdin_filename(tmp_path: Path) -> None:
    write(tmp_path, '[tool.agreement.lint]\nignore = ["L102"]\n', "plans/pyproject.toml")
    assert lint_stdin(NO_OWNER, "--stdin-filename", str(tmp_path / "plans" / "doc.yaml")).exit_code == 0
    assert lint_stdin(NO_OWNER, "--stdin-filename", str(tmp_path / "elsewhere" / "doc.yaml")).exit_code == 1


def test_a_plan_on_standard_input_finds_its_agreement_beside_the_stdin_filename(tmp_path: Path) -> None:
    from .test_rules import FOCUS_AREAS, PLAN

    write(tmp_path, FOCUS_AREAS, "plans/agreement.yaml")
    name = str(tmp_path / "plans" / "plan.yaml")
    found_it = lint_stdin(PLAN.format(target="agreement.yaml", focus_area="centrum"), "--stdin-filename", name,
                          "--select", "L6")
    assert found_it.exit_code == 0, found_it.stdout
    wrong_area = lint_stdin(PLAN.format(target="agreement.yaml", focus_area="centrumm"), "--stdin-filename", name,
                            "--select", "L6")
    assert f"{name}:12:17: L602" in wrong_area.stdout


@pytest.mark.parametrize("args, message", [
    (["-", "other.yaml"], "`-` reads one document from standard input; name no other files or folders with it"),
    (["doc.yaml", "--stdin-filename", "doc.yaml"], "--stdin-filename goes with `-`"),
])
def test_standard_input_usage_errors(args: list[str], message: str) -> None:
    result = CliRunner().invoke(app, ["lint", *args], input=b"")
    assert result.exit_code == 2 and message in result.stderr
