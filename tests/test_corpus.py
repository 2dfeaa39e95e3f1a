"""Robustness on the YAML test suite: every input ends in exit 0 or 1 with one-line diagnostics.

The inputs come from `shared/corpora/yaml-test-suite/` beside the repository (CI has it;
a user's clone does not, and there these tests skip, saying why). None of them is a
valid agreement, so each must get at least one clear diagnostic, never a traceback,
hang or crash.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from agreement.validation import check_file

SUITE = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "yaml-test-suite"
SCRIPT = Path(sys.executable).with_name("agreement")
HEAD = re.compile(r"^(?P<file>[^\n]+?\.yaml)(?::(?P<line>\d+):(?P<column>\d+))?: (?P<code>[A-Z]\d{3}) (?P<message>\S.*)$")
"""`file:line:col: CODE message`, or `file: CODE message` when there is no position."""

pytestmark = pytest.mark.skipif(not SUITE.is_dir(), reason=f"{SUITE} not found (it is beside the repository in CI)")


def suite_files() -> list[Path]:
    return sorted(SUITE.glob("*.yaml")) if SUITE.is_dir() else []


def test_the_suite_is_all_there() -> None:
    assert len(suite_files()) > 300


def test_validate_gives_every_file_a_one_line_diagnostic() -> None:
    files = suite_files()
    done = subprocess.run([str(SCRIPT), "validate", *map(str, files)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stdout + done.stderr and "internal error" not in done.stderr
    assert done.stderr.strip() == f"{len(files)} files of {len(files)} invalid: {len(files)} problems"
    heads = [line for line in done.stdout.splitlines() if line.startswith(str(SUITE))]
    assert len(heads) == len(files)
    for line in heads:
        assert HEAD.match(line), line
    assert {HEAD.match(line)["file"] for line in heads} == set(map(str, files))  # type: ignore[index]
    frame_or_hint = re.compile(r"^(> | {2})\s*\d* *\|( |$)|^ {4,}\||^  = hint: ")
    others = [line for line in done.stdout.splitlines() if not line.startswith(str(SUITE))]
    assert all(frame_or_hint.match(line) for line in others), [line for line in others if not frame_or_hint.match(line)][:5]


@pytest.mark.parametrize("path", suite_files(), ids=lambda path: path.stem)
def test_check_file_never_raises(path: Path) -> None:
    checked = check_file(path)
    assert checked.diagnostics, "no suite input is a valid agreement"
    for diagnostic in checked.diagnostics:
        assert "\n" not in diagnostic.message and diagnostic.message.strip() == diagnostic.message
        assert re.fullmatch(r"[YSR]\d{3}", diagnostic.code)
        if diagnostic.span is not None:
            assert diagnostic.span.line >= 1 and diagnostic.span.column >= 1
