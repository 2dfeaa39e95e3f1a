"""Lint on the YAML test suite's inputs (shared/ beside the repository): every file ends in a
diagnostic and an exit status, never an exception."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from agreement.lint.engine import lint_paths

SUITE = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "yaml-test-suite"


@pytest.mark.skipif(not SUITE.is_dir(), reason=f"{SUITE} not found (it is beside the repository in CI)")
def test_lint_never_raises_on_the_yaml_test_suite() -> None:
    files = sorted(SUITE.glob("*.yaml"))
    report = lint_paths(files, today=dt.date(2016, 6, 15), jobs=1)
    assert report.files == [str(path) for path in files]
    assert report.exit_code in (1, 2)
    assert {d.file for d in report.diagnostics} == set(report.files)
