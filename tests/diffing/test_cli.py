"""`agreement diff` as users run it: two files or a git revision, three formats, exit statuses."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest


REPO = Path(__file__).resolve().parents[2]
ESLOV = REPO / "examples/eslov-2015-2018/agreement.yaml"
AGREEMENT = str(Path(sys.executable).with_name("agreement"))

REMOVED = """      - id: hastighet-30
        title: 30km/h begränsning i bostadsområden
"""
"""The start of the action the tests remove; it runs to the next `      - id:`."""


def agreement(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run([AGREEMENT, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def revised(text: str) -> str:
    """The Eslöv agreement with the 30 km/h action removed and the tunnels' owner changed to the police."""
    start = text.index(REMOVED)
    end = text.index("      - id: ", start + len(REMOVED))
    text = text[:start] + text[end:]
    tunnels = text.index("      - id: tunnlar")
    owner = text.index("owner: eslov/gtp", tunnels)
    return text[:owner] + "owner: polisen" + text[owner + len("owner: eslov/gtp"):]


@pytest.fixture
def versions(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    text = ESLOV.read_text(encoding="utf-8")
    old.write_text(text, encoding="utf-8")
    new.write_text(revised(text), encoding="utf-8")
    return old, new


def test_text_names_exactly_the_removed_action_and_the_changed_owner(versions: tuple[Path, Path]) -> None:
    done = agreement("diff", *map(str, versions))
    assert done.returncode == 0, done.stderr
    head, *lines = done.stdout.splitlines()
    assert head.endswith(": 2 changes")
    assert len(lines) == 2, done.stdout
    assert re.fullmatch(r'- removed +focus_areas "Trygghet i offentlig miljö" \(offentlig-miljo\) › '
                        r'actions "30km/h begränsning i bostadsområden" \(hastighet-30\)', lines[1]), lines[1]
    assert re.fullmatch(r'~ changed +focus_areas "Trygghet i offentlig miljö" \(offentlig-miljo\) › actions '
                        r'"Förbättra tryggheten i tunnlar och andra miljöer" \(tunnlar\): owner \(ansvarig\): '
                        r'Gata, trafik, park inom Miljö och Samhällsbyggnad → Polisen', lines[0]), lines[0]


def test_json_names_exactly_the_removed_action_and_the_changed_owner(versions: tuple[Path, Path]) -> None:
    done = agreement("diff", "--format", "json", *map(str, versions))
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["count"] == 2
    found = [(c["kind"], c["where"][-1]["id"], c["field"] and c["field"]["key"], c["old"], c["new"])
             for c in report["changes"]]
    assert found == [
        ("changed", "tunnlar", "owner", "Gata, trafik, park inom Miljö och Samhällsbyggnad", "Polisen"),
        ("removed", "hastighet-30", None, "30km/h begränsning i bostadsområden", None),
    ]
    assert report["changes"][0]["field"]["label"] == "ansvarig"


def test_markdown_names_exactly_the_removed_action_and_the_changed_owner(versions: tuple[Path, Path]) -> None:
    done = agreement("diff", "--format", "markdown", *map(str, versions))
    assert done.returncode == 0, done.stderr
    bullets = [line for line in done.stdout.splitlines() if line.startswith("- ")]
    assert bullets == [
        "- **Changed** fokusområden *Trygghet i offentlig miljö* (`offentlig-miljo`) › åtgärder "
        "*Förbättra tryggheten i tunnlar och andra miljöer* (`tunnlar`): `owner` (ansvarig): "
        "~~Gata, trafik, park inom Miljö och Samhällsbyggnad~~ → Polisen",
        "- **Removed** fokusområden *Trygghet i offentlig miljö* (`offentlig-miljo`) › åtgärder "
        "*30km/h begränsning i bostadsområden* (`hastighet-30`)",
    ]
    assert "2 changes." in done.stdout


def test_exit_code_is_1_for_changes_only_when_asked(versions: tuple[Path, Path]) -> None:
    old, new = map(str, versions)
    assert agreement("diff", "--exit-code", old, new).returncode == 1
    same = agreement("diff", "--exit-code", old, old)
    assert same.returncode == 0 and same.stdout.endswith(": no changes\n")


def test_an_invalid_version_is_reported_as_validate_reports_it(versions: tuple[Path, Path]) -> None:
    old, new = versions
    new.write_text(new.read_text(encoding="utf-8").replace("owner: polisen", "owner: polis"), encoding="utf-8")
    done = agreement("diff", str(old), str(new))
    assert done.returncode == 1
    validated = agreement("validate", "--quiet", str(new))
    assert done.stdout == validated.stdout and "R301" in done.stdout
    assert "Traceback" not in done.stderr and f"{new} is not valid" in done.stderr


@pytest.mark.parametrize("args", [["MISSING", "NEW"], ["NEW"], ["NEW", "NEW", "--git", "HEAD"],
                                  ["NEW", "NEW", "--format", "yaml"], ["FOLDER", "NEW"]])
def test_usage_mistakes_exit_2_without_a_traceback(versions: tuple[Path, Path], args: list[str]) -> None:
    named = {"MISSING": str(versions[0].parent / "missing.yaml"), "NEW": str(versions[1]),
             "FOLDER": str(versions[0].parent)}
    done = agreement("diff", *(named.get(arg, arg) for arg in args))
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stderr.startswith("error: ") and "Traceback" not in done.stderr


# -- git --------------------------------------------------------------------------------------


def git(folder: Path, *args: str) -> None:
    environment = {**os.environ, "GIT_AUTHOR_NAME": "A", "GIT_AUTHOR_EMAIL": "a@example.org",
                   "GIT_COMMITTER_NAME": "A", "GIT_COMMITTER_EMAIL": "a@example.org"}
    subprocess.run(["git", *args], cwd=folder, env=environment, check=True, capture_output=True, timeout=60)


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A git repository whose plans/eslov.yaml is the example in HEAD~1 and revised in HEAD and
    again, uncommitted, in the working tree (the police now own the 30 km/h action too)."""
    folder = tmp_path / "repo"
    plan = folder / "plans" / "eslov.yaml"
    plan.parent.mkdir(parents=True)
    git(folder, "init", "-q", "-b", "main")
    text = ESLOV.read_text(encoding="utf-8")
    plan.write_text(text, encoding="utf-8")
    git(folder, "add", ".")
    git(folder, "commit", "-q", "-m", "2015")
    plan.write_text(revised(text), encoding="utf-8")
    git(folder, "commit", "-q", "-am", "2016")
    plan.write_text(revised(text).replace("Förbättra tryggheten", "Öka tryggheten"), encoding="utf-8")
    return folder


def test_git_compares_the_revision_with_the_file_as_it_is(repository: Path) -> None:
    done = agreement("diff", "plans/eslov.yaml", "--git", "HEAD~1", "--format", "json", cwd=repository)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert (report["old"], report["new"]) == ("HEAD~1:plans/eslov.yaml", "plans/eslov.yaml")
    assert [(c["kind"], c["field"] and c["field"]["key"]) for c in report["changes"]] == [
        ("changed", "owner"), ("changed", "title"), ("removed", None)]


def test_git_paths_are_the_users_whatever_the_working_folder(repository: Path) -> None:
    done = agreement("diff", "eslov.yaml", "--git", "HEAD", cwd=repository / "plans")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1].endswith(': title (rubrik):'), done.stdout
    assert "[-Förbättra-] {+Öka+} tryggheten" in done.stdout


@pytest.mark.parametrize(("revision", "said"), [("nosuch", "nosuch"), ("--output=x", "not a revision")])
def test_an_unknown_revision_exits_2(repository: Path, revision: str, said: str) -> None:
    done = agreement("diff", "plans/eslov.yaml", "--git", revision, cwd=repository)
    assert done.returncode == 2 and said in done.stderr and "Traceback" not in done.stderr


def test_a_file_not_in_the_revision_exits_2(repository: Path) -> None:
    (repository / "plans" / "new.yaml").write_text(AGREEMENT_TEXT, encoding="utf-8")
    done = agreement("diff", "plans/new.yaml", "--git", "HEAD", cwd=repository)
    assert done.returncode == 2 and "git cannot show plans/new.yaml at HEAD" in done.stderr


def test_outside_a_repository_exits_2(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text(AGREEMENT_TEXT, encoding="utf-8")
    done = agreement("diff", "plan.yaml", "--git", "HEAD", cwd=tmp_path)
    assert done.returncode == 2 and "not a git repository" in done.stderr


AGREEMENT_TEXT = ESLOV.read_text(encoding="utf-8")
