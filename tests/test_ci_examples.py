"""The CI examples in examples/ci/ work as copied: they validate against the schemas GitHub's and
GitLab's files are checked with (check-jsonschema's vendored copies, offline), they install the
light distribution and ask for what code scanning needs, and their shell steps, run here
against a repository of plans, do what their comments say."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from .lint.support import AGREEMENT

REPO = Path(__file__).resolve().parents[1]
GITHUB = REPO / "examples" / "ci" / "github-actions.yml"
GITLAB = REPO / "examples" / "ci" / "gitlab-ci.yml"
BIN = Path(sys.executable).parent
NO_OWNER = AGREEMENT + """\
follow_up: {every: year}
focus_areas:
  - id: centrum
    title: Trygghet i centrum
    actions:
      - {id: belysning, title: Belysning i gångtunnlar, goal: Alla tunnlar upplevs som trygga.}
"""


def load(path: Path) -> Any:
    return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("path", "options"), [
    (GITHUB, ["--builtin-schema", "vendor.github-workflows"]),
    (GITLAB, ["--builtin-schema", "vendor.gitlab-ci", "--data-transform", "gitlab-ci"]),
], ids=["github", "gitlab"])
def test_the_example_validates_against_its_platform_schema(path: Path, options: list[str]) -> None:
    done = subprocess.run([str(BIN / "check-jsonschema"), *options, str(path)], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def github_steps() -> list[dict[str, Any]]:
    return load(GITHUB)["jobs"]["lint"]["steps"]


def install_commands() -> list[str]:
    github = [step["run"] for step in github_steps() if step.get("run", "").startswith("pip install")]
    gitlab = [line for line in load(GITLAB)["agreement-lint"]["script"] if line.startswith("pip install")]
    return github + gitlab


def test_both_install_the_light_distribution_pinned() -> None:
    commands = install_commands()
    assert commands == ['pip install "samverkan==0.1.0"'] * 2
    assert all("[build]" not in command for command in commands)


def test_the_workflow_has_what_sarif_upload_needs_and_spares_forks() -> None:
    workflow = load(GITHUB)
    assert workflow["permissions"] == {"contents": "read", "security-events": "write", "actions": "read"}
    steps = github_steps()
    [python] = [step for step in steps if step.get("uses", "").startswith("actions/setup-python")]
    assert "cache" not in python["with"]  # no requirements file in a repository of plans to key it on
    [upload] = [step for step in steps if step.get("uses", "").startswith("github/codeql-action/upload-sarif")]
    assert "github.event.pull_request.head.repo.full_name == github.repository" in upload["if"]
    [sarif] = [step for step in steps if "--format sarif" in step.get("run", "")]
    assert upload["with"]["sarif_file"] in sarif["run"]
    [annotate] = [step for step in steps if "--format github" in step.get("run", "")]
    assert "if" not in annotate  # annotations run for forks too


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    """A repository of plans with one plan in plans/ (clean until a test breaks it)."""
    shutil.copytree(REPO / "examples" / "eslov-2015-2018", tmp_path / "plans" / "eslov")
    return tmp_path


def shell(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}", "GITHUB_ACTIONS": "", "NO_COLOR": "1"}
    return subprocess.run(["bash", "-c", command], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def lint_commands(lines: list[str]) -> list[str]:
    return [line for line in lines if line.startswith("agreement ")]


def test_the_workflow_steps_run_as_copied(plans: Path) -> None:
    """Clean plans pass; a missing owner fails the annotation step, while the SARIF step still
    writes its report (into a folder nobody made) and succeeds, so the upload has a file."""
    annotate, to_sarif = lint_commands([step.get("run", "") for step in github_steps()])
    report = plans / "reports" / "agreement-lint.sarif"
    assert shell(annotate, plans).returncode == 0
    (plans / "plans" / "plan.yaml").write_text(NO_OWNER, encoding="utf-8")
    failed = shell(annotate, plans)
    assert failed.returncode == 1 and failed.stdout.startswith("::error file=plans/plan.yaml,line=17,")
    assert shell(to_sarif, plans).returncode == 0
    assert '"ruleId": "L102"' in report.read_text(encoding="utf-8")


def test_the_gitlab_job_runs_as_copied(plans: Path) -> None:
    job = load(GITLAB)["agreement-lint"]
    to_report, in_log = lint_commands(job["script"])
    (plans / "plans" / "plan.yaml").write_text(NO_OWNER, encoding="utf-8")
    assert shell(to_report, plans).returncode == 0
    report = plans / job["artifacts"]["reports"]["codequality"]
    assert '"check_name": "L102 missing-owner"' in report.read_text(encoding="utf-8")
    logged = shell(in_log, plans)
    assert logged.returncode == 1 and "plans/plan.yaml:17:9: L102" in logged.stdout
    assert shell(to_report.replace("plans/", "nowhere/"), plans).returncode != 0  # a wrong path still fails the job
