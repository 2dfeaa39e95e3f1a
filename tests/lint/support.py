"""Helpers for lint tests: write inline YAML to real files and lint them through the engine."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

from agreement.diagnostics import Diagnostic
from agreement.lint.config import Choices
from agreement.lint.engine import Report, lint_paths

TODAY = dt.date(2016, 6, 15)
"""The date lint tests run as of, so that "overdue" does not depend on when tests run."""

AGREEMENT = """\
kind: agreement
schema: 1
id: exempel
title: Samverkansöverenskommelse 2016
period: {start: 2016-01-01, end: 2016-12-31}
parties:
  - id: kommunen
    name: Exempels kommun
    type: municipality
    units: [{id: gata, name: Gatukontoret}]
  - {id: polisen, name: Lokalpolisområde Exempel, type: police}
"""
"""The first 11 lines of a valid agreement; tests append to it (line 12 onwards)."""


def write(folder: Path, text: str, name: str = "doc.yaml") -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def lint(folder: Path, text: str, *, select: str | None = None, name: str = "doc.yaml",
         today: dt.date = TODAY, strict: bool = False, ignore: tuple[str, ...] = ()) -> Report:
    """Lint one document written from `text` (dedented)."""
    path = write(folder, text, name)
    choices = Choices(tuple(select.split(",")) if select else None, ignore, strict)
    return lint_paths([path], today=today, choices=choices, jobs=1)


def found(report: Report | list[Diagnostic], code: str | None = None) -> list[tuple[str, int, int]]:
    """(code, line, column) of every diagnostic, optionally only of one code."""
    diagnostics = report.diagnostics if isinstance(report, Report) else report
    return [(d.code, d.span.line if d.span else 0, d.span.column if d.span else 0)
            for d in diagnostics if code is None or d.code == code]
