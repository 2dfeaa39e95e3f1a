"""Configuration: where it is found, what it changes, and how mistakes in it are reported."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from agreement.diagnostics import Severity
from agreement.lint.config import Choices, ConfigError, find_config, load_config, settings_for
from agreement.lint.engine import lint_paths

from .support import AGREEMENT, found, write

OVERDUE = AGREEMENT + """\
focus_areas:
  - id: centrum
    title: Trygghet i centrum
    actions:
      - {id: sen, title: Belysning, goal: Verka för trygghet., owner: kommunen, follow_up: 2016-06-01}
"""
"""Line 16 has an overdue follow-up (L201, a warning) and a vague goal (L503) as of 2016-06-15."""


def toml(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def run(*paths: Path, today: dt.date = dt.date(2016, 6, 15), **choices):
    return lint_paths(list(paths), today=today, choices=Choices(**choices), jobs=1)


def test_without_configuration_every_rule_runs_with_its_default_severity(tmp_path: Path) -> None:
    report = run(write(tmp_path, OVERDUE))
    assert [(d.code, d.severity) for d in report.diagnostics] == [("L503", Severity.WARNING), ("L201", Severity.WARNING)]
    assert report.exit_code == 0


def test_pyproject_found_upwards_sets_ignore_severity_and_options(tmp_path: Path) -> None:
    toml(tmp_path, "pyproject.toml", """\
        [project]
        name = "planer"

        [tool.agreement.lint]
        ignore = ["vague-goal"]

        [tool.agreement.lint.rules.L201]
        severity = "error"
        grace_days = 10
    """)
    document = write(tmp_path / "planer" / "2016", OVERDUE)
    assert found(run(document, today=dt.date(2016, 6, 10))) == []
    report = run(document)
    assert found(report) == [("L201", 16, 81)]
    assert report.diagnostics[0].severity is Severity.ERROR
    assert report.exit_code == 1


def test_nearest_configuration_wins_and_agreement_toml_takes_lint_table(tmp_path: Path) -> None:
    toml(tmp_path, "pyproject.toml", '[tool.agreement.lint]\nignore = ["L2"]\n')
    (tmp_path / "planer").mkdir()
    toml(tmp_path / "planer", "agreement.toml", '[lint]\nignore = ["L5"]\n')
    document = write(tmp_path / "planer", OVERDUE)
    assert [d.code for d in run(document).diagnostics] == ["L201"]
    config = find_config(tmp_path / "planer")
    assert config is not None and config.path.name == "agreement.toml"


def test_a_pyproject_without_the_table_is_passed_over(tmp_path: Path) -> None:
    toml(tmp_path, "agreement.toml", '[tool.agreement.lint]\nselect = ["L201"]\n')
    (tmp_path / "sub").mkdir()
    toml(tmp_path / "sub", "pyproject.toml", '[project]\nname = "x"\n')
    assert [d.code for d in run(write(tmp_path / "sub", OVERDUE)).diagnostics] == ["L201"]


def test_overrides_apply_to_matching_paths_only(tmp_path: Path) -> None:
    toml(tmp_path, "agreement.toml", """\
        [lint]
        select = ["L2", "L5"]

        [[lint.overrides]]
        files = ["arkiv/**"]
        ignore = ["L201"]

        [[lint.overrides]]
        files = ["*.plan.yaml"]
        rules.L503.severity = "error"
    """)
    archived = write(tmp_path / "arkiv" / "2016", OVERDUE)
    current = write(tmp_path / "aktuell", OVERDUE, "eslov.plan.yaml")
    report = run(archived, current)
    assert [(Path(d.file).parent.name, d.code, d.severity.value) for d in report.diagnostics] == [
        ("aktuell", "L503", "error"), ("aktuell", "L201", "warning"), ("2016", "L503", "warning")]


def test_strict_preset_in_configuration_and_fail_on_warning(tmp_path: Path) -> None:
    toml(tmp_path, "agreement.toml", '[lint]\npreset = "strict"\nfail_on = "warning"\nselect = ["L1", "L2"]\n')
    text = AGREEMENT + """\
follow_up: {every: year}
focus_areas:
  - id: centrum
    title: Trygghet i centrum
    goals: [{kind: effect, text: Tryggare centrum.}]
    actions: [{id: a, title: Belysning, owner: kommunen, follow_up: 2016-06-01}]
"""
    report = run(write(tmp_path, text))
    assert [(d.code, d.message) for d in report.diagnostics] == [
        ("L101", "action 'a' has no goal of its own"),
        ("L201", "the follow-up of action 'a' was due 2016-06-01 and it has no progress entry since")]
    assert report.exit_code == 1


def test_command_line_select_and_strict_win(tmp_path: Path) -> None:
    toml(tmp_path, "agreement.toml", '[lint]\nignore = ["L201"]\n')
    document = write(tmp_path, OVERDUE)
    assert [d.code for d in run(document, select=("L2",)).diagnostics] == []
    assert run(document, strict=True).exit_code == 1
    settings = settings_for(document, find_config(tmp_path), Choices(strict=True))
    assert settings.rules["L101"].options.on_item is True  # type: ignore[attr-defined]


@pytest.mark.parametrize(("text", "message"), [
    ('[lint]\nselec = ["L1"]\n', "agreement.toml:2: unknown setting 'selec' in [lint]; did you mean 'select'?"),
    ('[lint]\nignore = ["L1O2"]\n', "agreement.toml:2: unknown rule 'L1O2'; did you mean 'L102'?"),
    ('[lint]\n\n[lint.rules.missing-goal]\non_itme = true\n',
     "agreement.toml:4: unknown option 'on_itme' for L101 (missing-goal); did you mean 'on_item'?"),
    ('[lint.rules.L201]\ngrace_days = "two weeks"\n',
     "agreement.toml:2: invalid value for option 'grace_days' of L201 (overdue-follow-up): "
     'expected a whole number from 0 to 366, found "two weeks"'),
    ('[lint.rules.L201]\ngrace_days = 9223372036854775808\n',
     "agreement.toml:2: invalid value for option 'grace_days' of L201 (overdue-follow-up): "
     "expected a whole number from 0 to 366, found 9223372036854775808"),
    ('[lint.rules.L201]\ngrace_days = true\n',
     "agreement.toml:2: invalid value for option 'grace_days' of L201 (overdue-follow-up): "
     "expected a whole number from 0 to 366, found true"),
    ('[lint.rules.missing-goal]\non_item = 1\n',
     "agreement.toml:2: invalid value for option 'on_item' of L101 (missing-goal): expected true or false, found 1"),
    ('[lint.rules.L201]\nseverity = "fatal"\n', "agreement.toml:2: invalid severity 'fatal' for L201; use error, warning or info"),
    ('[lint.rules.L201]\nseverity = ["error"]\n',
     "agreement.toml:2: invalid severity ['error'] for L201; use error, warning or info"),
    ('lint = 3\n', "agreement.toml: invalid value for 'lint': Input should be a valid dictionary"),
    ('[lint.rules.L999]\nseverity = "error"\n', "agreement.toml:1: unknown rule 'L999'"),
    ('[lint]\npreset = "paranoid"\n', "agreement.toml:2: invalid value for 'preset': Input should be 'default' or 'strict'"),
    ('[[lint.overrides]]\nfiles = ["a/*"]\nignroe = ["L1"]\n', "agreement.toml:3: unknown setting 'ignroe' in [lint]; did you mean 'ignore'?"),
    ('[lint\n', "agreement.toml: invalid TOML: "),
])
def test_configuration_mistakes_are_reported_with_their_line(tmp_path: Path, monkeypatch, text: str, message: str) -> None:
    monkeypatch.chdir(tmp_path)
    toml(tmp_path, "agreement.toml", text)
    with pytest.raises(ConfigError) as error:
        load_config(Path("agreement.toml"))
    assert error.value.problems[0].startswith(message)


def test_an_explicit_pyproject_needs_the_table(tmp_path: Path) -> None:
    path = toml(tmp_path, "pyproject.toml", '[project]\nname = "x"\n')
    with pytest.raises(ConfigError, match=r"has no \[tool.agreement.lint\] table"):
        load_config(path)


def test_both_tables_in_agreement_toml_is_an_error(tmp_path: Path) -> None:
    path = toml(tmp_path, "agreement.toml", '[lint]\nignore = []\n[tool.agreement.lint]\nignore = []\n')
    with pytest.raises(ConfigError, match="keep one"):
        load_config(path)
