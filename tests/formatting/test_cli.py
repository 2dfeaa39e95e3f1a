"""`agreement fmt` as users and hooks run it: the real console script on real files."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from ..test_corpus import SUITE, suite_files

SCRIPT = Path(sys.executable).with_name("agreement")
ROOT = Path(__file__).resolve().parents[2]
UNFORMATTED = """\
# yaml-language-server: $schema=https://example.org/agreement.schema.json
id: plan-2016
kind: action-plan
schema: 1
title: "Handlingsplan 2016"
parties:
    - {type: municipality, id: kommunen, name: Exempels kommun}  # the only party
areas:
    - id: centrum
      title: Centrum  # agreement: ignore[L402] reason="the actions come later"
"""
FORMATTED = """\
# yaml-language-server: $schema=https://example.org/agreement.schema.json
kind: action-plan
schema: 1
id: plan-2016
title: Handlingsplan 2016
parties:
  - {id: kommunen, name: Exempels kommun, type: municipality}  # the only party
areas:
  - id: centrum
    title: Centrum  # agreement: ignore[L402] reason="the actions come later"
"""


def agreement(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([str(SCRIPT), *args], capture_output=True, text=True, cwd=cwd, timeout=300)
    assert "Traceback" not in done.stdout + done.stderr
    return done


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_fmt_rewrites_the_file_in_place_keeping_its_permissions(tmp_path: Path) -> None:
    plan = write(tmp_path / "plans" / "plan.yaml", UNFORMATTED)
    os.chmod(plan, 0o640)
    done = agreement("fmt", "plans", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert plan.read_text(encoding="utf-8") == FORMATTED
    assert plan.stat().st_mode & 0o777 == 0o640
    assert done.stderr == "reformatted plans/plan.yaml\n1 file reformatted, 0 left unchanged\n"
    assert sorted(p.name for p in plan.parent.iterdir()) == ["plan.yaml"]  # no temporary file left


def test_fmt_leaves_a_formatted_file_alone(tmp_path: Path) -> None:
    plan = write(tmp_path / "plan.yaml", FORMATTED)
    before = plan.stat()
    done = agreement("fmt", str(plan))
    assert done.returncode == 0 and plan.stat().st_ino == before.st_ino and plan.stat().st_mtime_ns == before.st_mtime_ns
    assert done.stderr == "0 files reformatted, 1 left unchanged\n"


def test_check_prints_a_diff_and_exits_1_without_writing(tmp_path: Path) -> None:
    plan = write(tmp_path / "plan.yaml", UNFORMATTED)
    done = agreement("fmt", "--check", "plan.yaml", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stdout.startswith("--- a/plan.yaml\n+++ b/plan.yaml\n@@ ")
    assert "-id: plan-2016\n" in done.stdout and "+id: plan-2016\n" in done.stdout
    assert plan.read_text(encoding="utf-8") == UNFORMATTED
    assert done.stderr == "1 file would be reformatted, 0 already formatted\n"
    write(tmp_path / "plan.yaml", FORMATTED)
    assert agreement("fmt", "--check", "plan.yaml", cwd=tmp_path).returncode == 0


def test_the_examples_pass_the_check() -> None:
    done = agreement("fmt", "--check", "examples", cwd=ROOT)
    assert (done.returncode, done.stdout) == (0, ""), done.stdout


def test_an_invalid_file_is_not_formatted_and_its_problems_are_shown(tmp_path: Path) -> None:
    text = UNFORMATTED.replace("title: Centrum", "titel: Centrum")
    plan = write(tmp_path / "plan.yaml", text)
    done = agreement("fmt", str(plan))
    assert done.returncode == 1
    assert f"{plan}:10:7: S201 unknown key 'titel' in areas[0]" in done.stdout
    assert plan.read_text(encoding="utf-8") == text
    assert "1 not formatted (invalid, see above)" in done.stderr


def test_a_document_fmt_will_not_guess_at_is_refused_with_the_reason(tmp_path: Path) -> None:
    text = FORMATTED + "background: &text Bakgrund.\npurpose: *text\n"
    plan = write(tmp_path / "plan.yaml", text)
    done = agreement("fmt", str(plan))
    assert done.returncode == 1
    assert re.match(rf"{re.escape(str(plan))}:\d+: cannot format: fmt does not format files with", done.stdout)
    assert plan.read_text(encoding="utf-8") == text


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert agreement("fmt", str(tmp_path / "missing.yaml")).returncode == 2
    write(tmp_path / "notes" / "mkdocs.yml", "site_name: Planer\n")
    done = agreement("fmt", str(tmp_path / "notes"))
    assert done.returncode == 2 and "no documents found" in done.stderr


def test_only_documents_skips_other_yaml_as_a_hook_passes_it(tmp_path: Path) -> None:
    config = write(tmp_path / ".pre-commit-config.yaml", "repos:\n  - repo: local\n")
    plan = write(tmp_path / "plan.yaml", UNFORMATTED)
    done = agreement("fmt", "--only-documents", str(config), str(plan))
    assert done.returncode == 0, done.stdout
    assert plan.read_text(encoding="utf-8") == FORMATTED
    assert config.read_text(encoding="utf-8") == "repos:\n  - repo: local\n"


@pytest.mark.skipif(not SUITE.is_dir(), reason=f"{SUITE} not found (it is beside the repository in CI)")
def test_every_input_of_the_yaml_test_suite_is_refused_cleanly() -> None:
    """None of them is a document: each must be refused with its diagnostics, exit 1, never a traceback."""
    files = suite_files()
    done = agreement("fmt", *map(str, files))
    assert done.returncode == 1, done.stderr[-2000:]
    assert "internal error" not in done.stderr
    heads = {line.split(":", 1)[0] for line in done.stdout.splitlines() if line.startswith(str(SUITE))}
    assert heads == set(map(str, files))
    assert done.stderr.endswith(f"0 files reformatted, 0 left unchanged, {len(files)} not formatted (invalid, see above)\n")


def test_help_shows_examples() -> None:
    done = agreement("fmt", "--help")
    assert done.returncode == 0 and "agreement fmt --check examples" in done.stdout


def test_lint_does_not_load_the_formatter() -> None:
    """`agreement lint` starts as fast as before: the round-trip reader and fmt's modules stay unloaded."""
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "agreement", "lint", "examples"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if "|" in line}
    assert "agreement.lint.rules.todo_marker" in imported or "agreement.lint.engine" in imported
    assert not {name for name in imported if name.startswith(("agreement.formatting", "agreement.scaffold"))}
