"""The pre-commit hooks (agreement-lint, agreement-fmt), run by pre-commit itself in a scratch repository of plans.

pre-commit installs this project (the base samverkan distribution, without the build
extra) into a fresh virtual environment (from the package index), so this test is slow and needs the network; it is marked `e2e` and run by
`make e2e`, not `make test`.

`pre-commit try-repo` only picks up tracked files of the hook repository, so the
test runs it against a snapshot of the working tree (tracked and untracked files,
minus ignored ones): what is tested is what is on disk.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from ..installs import BUILD_PACKAGES, top_level_names

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]

GOOD = """\
kind: action-plan
schema: 1
id: plan-2016
title: Handlingsplan 2016
period: {start: 2016-01-01, end: 2016-12-31}
status: draft
parties:
  - {id: kommunen, name: Exempels kommun, type: municipality}
  - {id: polisen, name: Lokalpolisområde Exempel, type: police}
follow_up: {months: [4, 8, 12]}
areas:
  - id: centrum
    title: Trygghet i centrum
    goals: [{kind: follow-up, text: Fyra trygghetsvandringar genomförs under året.}]
    actions:
      - {id: vandringar, title: Trygghetsvandringar i centrum, owner: kommunen}
"""
BROKEN = GOOD.replace("owner: kommunen}", "goal: Tryggare centrum.}").replace("plan-2016", "plan-2017")
MESSY = """\
id: plan-2018
kind: action-plan
schema: 1
title: "Handlingsplan 2018"
parties:
    - {type: municipality, name: Exempels kommun, id: kommunen}  # the only party
follow_up: {months: [4, 8, 12]}
areas:
    - id: centrum
      title: Trygghet i centrum
      actions:
          - {owner: kommunen, title: Trygghetsvandringar i centrum, id: vandringar}
"""
TIDY = """\
kind: action-plan
schema: 1
id: plan-2018
title: Handlingsplan 2018
parties:
  - {id: kommunen, name: Exempels kommun, type: municipality}  # the only party
follow_up: {months: [4, 8, 12]}
areas:
  - id: centrum
    title: Trygghet i centrum
    actions:
      - {id: vandringar, title: Trygghetsvandringar i centrum, owner: kommunen}
"""


def git(*args: str, cwd: Path) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


def snapshot(repo: Path, target: Path) -> Path:
    """A one-commit git repository holding the working tree of `repo` as it is on disk."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=repo, check=True, capture_output=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = repo / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    git("init", "-q", cwd=target)
    git("add", "-A", cwd=target)
    git("commit", "-q", "-m", "snapshot", cwd=target)
    return target


def pre_commit(*args: str, cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "pre_commit", *args, "--color", "never"], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=900)


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    hook_repo = snapshot(REPO, tmp_path / "hook-repo")
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=hook_repo, check=True, capture_output=True,
                          text=True).stdout.strip()
    work = tmp_path / "plans"
    (work / "plans").mkdir(parents=True)
    (work / "plans" / "good.yaml").write_text(GOOD, encoding="utf-8")
    (work / "plans" / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    (work / ".pre-commit-config.yaml").write_text(textwrap.dedent(f"""\
        repos:
          - repo: {hook_repo}
            rev: {head}
            hooks:
              - id: agreement-lint
    """), encoding="utf-8")
    git("init", "-q", cwd=work)
    git("add", "-A", cwd=work)
    return work


def test_hook_fails_on_the_broken_plan_and_passes_on_the_good_one(plans: Path, tmp_path: Path) -> None:
    hook_repo = tmp_path / "hook-repo"
    tried = pre_commit("try-repo", str(hook_repo), "agreement-lint", "--all-files", cwd=plans, home=tmp_path / "cache")
    output = tried.stdout + tried.stderr
    assert tried.returncode == 1, output
    assert "agreement lint" in output and "Failed" in output
    assert "plans/broken.yaml:16:9: L102 action 'vandringar' has no owner" in output
    assert "good.yaml:" not in output
    assert ".pre-commit-config.yaml:" not in output

    passed = pre_commit("run", "--files", "plans/good.yaml", ".pre-commit-config.yaml", cwd=plans, home=tmp_path / "cache")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout


def test_the_hook_installs_only_the_base_distribution(plans: Path, tmp_path: Path) -> None:
    """pre-commit installs the hook repository itself: the light base, never the build extra."""
    home = tmp_path / "cache"
    ran = pre_commit("run", "--files", "plans/good.yaml", cwd=plans, home=home)
    assert ran.returncode == 0, ran.stdout + ran.stderr
    [site_packages] = home.glob("repo*/py_env-*/lib/python*/site-packages")
    top_level = top_level_names(site_packages)
    assert {"samverkan", "agreement", "pydantic"} <= top_level
    assert not top_level & BUILD_PACKAGES


def test_the_fmt_hook_rewrites_a_messy_plan_and_then_passes(plans: Path, tmp_path: Path) -> None:
    """Like other formatters' hooks, agreement-fmt rewrites the files and pre-commit fails the run
    because they changed; once the rewritten file is staged, the hook passes."""
    hook_repo, home = tmp_path / "hook-repo", tmp_path / "cache"
    messy = plans / "plans" / "messy.yaml"
    messy.write_text(MESSY, encoding="utf-8")
    good = (plans / "plans" / "good.yaml").read_text(encoding="utf-8")
    git("add", "-A", cwd=plans)
    first = pre_commit("try-repo", str(hook_repo), "agreement-fmt", "--all-files", cwd=plans, home=home)
    output = first.stdout + first.stderr
    assert first.returncode == 1, output
    assert "files were modified by this hook" in output and "reformatted plans/messy.yaml" in output
    assert messy.read_text(encoding="utf-8") == TIDY
    assert (plans / "plans" / "good.yaml").read_text(encoding="utf-8") == good
    git("add", "-A", cwd=plans)
    second = pre_commit("try-repo", str(hook_repo), "agreement-fmt", "--all-files", cwd=plans, home=home)
    assert second.returncode == 0, second.stdout + second.stderr
    assert "Passed" in second.stdout
