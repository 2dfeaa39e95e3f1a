"""`agreement report` on the command line: outputs, usage errors, help; where a baseline is drawn.

(That lint and validate never import matplotlib is tested with the other extras, in tests/test_extras.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from agreement.cli import app
from agreement.report.view import leading_number

from .support import plan_folder


def agreement(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["report", "--jobs", "1", *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_a_report_is_built_and_named_after_the_document_and_the_day(tmp_path: Path) -> None:
    plan = plan_folder(tmp_path)
    code, out, err = agreement(str(plan), "--as-of", "2016-09-15", "--to", "md", "--out", str(tmp_path / "out"))
    assert code == 0, err
    assert f"built: {plan} -> {tmp_path / 'out' / 'exempel-2016-uppfoljning-2016-09-15.md'}" in out
    assert "1 built" in err


def test_a_follow_up_file_named_on_the_command_line_is_not_a_document_to_report_on(tmp_path: Path) -> None:
    plan_folder(tmp_path)
    code, out, _ = agreement(str(tmp_path), "--as-of", "2016-09-15", "--to", "md", "--out", str(tmp_path / "out"))
    assert code == 0 and out.count("built:") == 1


@pytest.mark.parametrize(("args", "message"), [
    (["--as-of", "15 september"], "--as-of '15 september' is not a date written YYYY-MM-DD"),
    (["--as-of", "2016-09-15", "--since", "2016-13-01"], "--since '2016-13-01' is not a date written YYYY-MM-DD"),
    (["--as-of", "2016-09-15", "--since", "2016-09-15"], "--since 2016-09-15 is not before --as-of 2016-09-15"),
    (["--as-of", "2016-09-15", "--to", "odt"], "unknown format 'odt'"),
    (["--as-of", "2016-09-15", "--lang", "de"], "i18n/de.yaml"),
])
def test_usage_errors_exit_2_with_one_line_and_no_traceback(tmp_path: Path, args: list[str], message: str) -> None:
    plan = plan_folder(tmp_path)
    code, _, err = agreement(str(plan), *args, "--out", str(tmp_path / "out"))
    assert code == 2
    assert message in err and "Traceback" not in err


def test_a_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = agreement(str(tmp_path / "nothing.yaml"), "--as-of", "2016-09-15")
    assert code == 2 and "no such file or folder" in err and "Traceback" not in err


def test_help_shows_examples() -> None:
    result = CliRunner().invoke(app, ["report", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    shown = " ".join(result.stdout.split())
    assert "Examples:" in shown
    assert "agreement report examples/ljusdal-2014 --as-of 2014-09-15" in shown
    assert "--since" in shown and "<id>-uppfoljning-<as-" in shown


@pytest.mark.parametrize(("text", "number"), [
    ("62 % (2014)", 62), ("70", 70), ("4 per år", 4), ("1 200 besök", 1200), ("4,5", 4.5), ("0.25", 0.25),
    ("−3 %", -3), ("Minska med 10 %", None), ("", None), (None, None),
])
def test_a_baseline_or_target_is_drawn_when_its_text_starts_with_a_number(text: str | None,
                                                                           number: float | None) -> None:
    assert leading_number(text) == number
