"""The base install validates and lints; only `agreement build` needs the `build` extra.

A fresh virtual environment with the base install takes a minute to make (tests/e2e/
test_install.py does that). Here the same situation is made in a second: a virtual environment
whose site-packages links to every package of this one except those of the build extra, so
jinja2, markupsafe, babel, pypandoc and typst really cannot be imported there. Every command
then runs in it as a subprocess: one that imported a build module would end in a
ModuleNotFoundError traceback.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from agreement.extras import BUILD_INSTALL, BUILD_MODULES, REPORT_INSTALL, REPORT_MODULES

from .installs import is_build_package
from .lint.support import AGREEMENT

REPO = Path(__file__).resolve().parents[1]
@pytest.fixture(scope="module")
def base_python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The interpreter of a virtual environment holding this one's packages minus the build extra."""
    root = tmp_path_factory.mktemp("base-install")
    subprocess.run([getattr(sys, "_base_executable", sys.executable), "-m", "venv", "--without-pip", str(root)],
                   check=True, capture_output=True, timeout=120)
    target = Path(sysconfig.get_path("purelib", vars={"base": str(root), "platbase": str(root)}))
    source = Path(sysconfig.get_path("purelib"))
    for entry in sorted(os.listdir(source)):
        if not is_build_package(entry):
            (target / entry).symlink_to(source / entry)
    return root / "bin" / "python"


def agreement(python: Path, *args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "GITHUB_ACTIONS": ""}
    return subprocess.run([str(python), "-m", "agreement", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=120)


def test_the_base_environment_really_lacks_the_build_extra(base_python: Path) -> None:
    """Without this the other tests would prove nothing."""
    for module in [*BUILD_MODULES, "markupsafe"]:
        tried = subprocess.run([str(base_python), "-c", f"import {module}"], capture_output=True, text=True)
        assert tried.returncode == 1 and "ModuleNotFoundError" in tried.stderr, module
    found = subprocess.run([str(base_python), "-c", "import agreement, pydantic, ruamel.yaml, typer"],
                           capture_output=True, text=True)
    assert found.returncode == 0, found.stderr


@pytest.fixture(scope="module")
def plans(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with an example, a plan with lint findings and a file that does not validate."""
    folder = tmp_path_factory.mktemp("plans")
    (folder / "eslov.yaml").write_text((REPO / "examples/eslov-2015-2018/agreement.yaml").read_text(encoding="utf-8"),
                                       encoding="utf-8")
    (folder / "plan.yaml").write_text(AGREEMENT + FINDINGS, encoding="utf-8")
    (folder / "broken.yaml").write_text(AGREEMENT.replace("type: police", "type: polis"), encoding="utf-8")
    return folder


FINDINGS = """\
follow_up: {every: year}
focus_areas:
  - id: centrum
    title: Trygghet i centrum
    actions:
      - {id: belysning, title: Verka för bättre belysning}
"""
"""An action without owner or goal (errors) whose title is vague (a warning)."""


@pytest.mark.parametrize(("args", "status"), [
    (["validate", "examples"], 0),
    (["validate", "PLANS"], 1),
    (["lint", "--jobs", "2", "examples"], 0),
    (["lint", "--jobs", "2", "PLANS"], 1),
    (["lint", "--format", "json", "PLANS"], 1),
    (["lint", "--format", "github", "PLANS"], 1),
    (["lint", "--format", "sarif", "PLANS"], 1),
    (["lint", "--format", "junit", "PLANS"], 1),
    (["lint", "--format", "gitlab", "PLANS"], 1),
    (["explain", "--list"], 0),
    (["diff", "examples/malmo-2011/agreement.yaml", "examples/eslov-2015-2018/agreement.yaml"], 0),
    (["diff", "--format", "markdown", "--exit-code", "examples/malmo-2011/agreement.yaml",
      "examples/eslov-2015-2018/agreement.yaml"], 1),
    (["explain", "L102"], 0),
    (["explain", "S201", "--format", "json"], 0),
    (["--version"], 0),
    (["followups", "--today", "2014-09-15", "examples"], 0),
    (["followups", "--today", "2014-09-15", "--format", "ics", "examples"], 0),
    (["followups", "--today", "2014-09-15", "--fail-on", "overdue", "examples"], 1),
], ids=lambda value: " ".join(value) if isinstance(value, list) else str(value))
def test_checking_commands_run_without_the_build_extra(base_python: Path, plans: Path, args: list[str],
                                                       status: int) -> None:
    done = agreement(base_python, *(str(plans) if arg == "PLANS" else arg for arg in args))
    assert "Traceback" not in done.stderr and "ModuleNotFoundError" not in done.stderr, done.stderr
    assert done.returncode == status, done.stdout + done.stderr
    assert done.stdout or " valid" in done.stderr


def test_schema_writes_without_the_build_extra(base_python: Path, tmp_path: Path) -> None:
    done = agreement(base_python, "schema", "--out", str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "action-plan.schema.json", "agreement.schema.json", "citizen-promises.schema.json", "follow-up.schema.json",
        "guidelines.schema.json"]


def test_lint_reports_the_same_without_the_build_extra(base_python: Path, plans: Path) -> None:
    args = ("lint", "--format", "json", "--today", "2016-06-15", str(plans))
    base = agreement(base_python, *args)
    assert json.loads(base.stdout) == json.loads(agreement(Path(sys.executable), *args).stdout)
    assert {d["code"] for d in json.loads(base.stdout)["diagnostics"]} >= {"L101", "L102", "L503", "S204"}


def test_build_without_the_extra_exits_2_with_the_install_command(base_python: Path, tmp_path: Path) -> None:
    """Checked before any work: no output folder appears, and no traceback."""
    out = tmp_path / "out"
    done = agreement(base_python, "build", "examples", "--out", str(out))
    assert done.returncode == 2
    assert done.stderr == ("error: `agreement build` needs the build extra, which is not installed "
                           "(missing: jinja2, pypandoc-binary, typst, babel, lxml, pypdf, watchfiles, brand-yml, fonttools, pyphen); "
                           "install it with: pip install 'samverkan[build]'\n")
    assert done.stdout == "" and not out.exists()


def test_report_without_the_extras_exits_2_with_the_install_command(base_python: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = agreement(base_python, "report", "examples/ljusdal-2014", "--as-of", "2014-09-15", "--out", str(out))
    assert done.returncode == 2
    assert done.stderr.startswith("error: `agreement report` needs the report extra, which is not installed "
                                  "(missing: jinja2, pypandoc-binary, typst")
    assert done.stderr.endswith("install it with: pip install 'samverkan[report]'\n")
    assert done.stdout == "" and not out.exists()


def test_the_report_extra_brings_the_build_extra_and_the_plotting_library() -> None:
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert REPORT_INSTALL == f"pip install '{project['name']}[report]'"
    declared = {requirement.split(">")[0].strip() for requirement in project["optional-dependencies"]["report"]}
    assert declared == {f"{project['name']}[build]", *REPORT_MODULES.values()}


def test_the_install_command_names_the_extra_declared_in_pyproject() -> None:
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert BUILD_INSTALL == f"pip install '{project['name']}[build]'"
    declared = {requirement.split(">")[0].split("=")[0].strip() for requirement in project["optional-dependencies"]["build"]}
    assert declared == set(BUILD_MODULES.values())
    assert not declared & {requirement.split(">")[0].strip() for requirement in project["dependencies"]}


@pytest.mark.parametrize("command", ["lint", "validate"])
def test_checking_never_imports_the_calendar_spreadsheet_or_plotting_libraries(command: str) -> None:
    """The calendar and spreadsheet libraries are base dependencies for `followups`, and the plotting
    library is the report extra's, but lint and validate start without them, also on a folder that
    holds a follow-up file."""
    code = ("import sys\nfrom agreement.cli import run\n"
            f"sys.argv = ['agreement', {command!r}, '--jobs', '1', 'examples']\n"
            "try:\n    run()\nexcept SystemExit:\n    pass\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'icalendar', 'openpyxl', 'vobject', 'matplotlib', 'numpy'}), "
            "file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.stderr.splitlines()[-1] == "[]", done.stderr
