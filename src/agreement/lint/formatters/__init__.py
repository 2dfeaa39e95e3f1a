"""Output formats of `agreement lint`: pure functions from diagnostics (and rule metadata) to text.

Each module has `render(output: Output) -> str`; `FORMATS` lists them. Nothing here
reads files, looks at the terminal or the environment: the caller decides (colour,
source lines for code frames, the folder paths are made relative to) and passes it in.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Mapping, Sequence

from ...diagnostics import Diagnostic, Severity, Span
from ..registry import RuleInfo


@dataclass(frozen=True)
class Output:
    """Everything a formatter may use."""

    diagnostics: Sequence[Diagnostic]
    files: Sequence[str] = ()
    rules: Sequence[RuleInfo] = ()
    base: str = "."
    """The folder that file names are made relative to (SARIF artifact URIs)."""
    sources: Mapping[str, Sequence[str]] = field(default_factory=dict)
    """Source lines per file, for code frames in text output."""
    color: bool = False
    version: str = "0"


@dataclass(frozen=True)
class Region:
    """A span as CI formats want it: an end at column 1 of a later line is the end of the line before."""

    line: int
    column: int
    end_line: int
    end_column: int | None


def region(span: Span) -> Region:
    end_line = span.end_line or span.line
    end_column = span.end_column if span.end_line else None
    if end_column == 1 and end_line > span.line:
        end_line, end_column = end_line - 1, None
    return Region(span.line, span.column, end_line, end_column)


def relative(file: str, base: str) -> str:
    """A file name relative to `base` with `/` separators, or absolute when outside it."""
    absolute = os.path.abspath(file)
    rel = os.path.relpath(absolute, os.path.abspath(base))
    if rel == ".." or rel.startswith(".." + os.sep):
        return Path(absolute).as_posix()
    return Path(rel).as_posix()


def counts(diagnostics: Sequence[Diagnostic]) -> dict[Severity, int]:
    """How many diagnostics of each severity."""
    found = {severity: 0 for severity in Severity}
    for diagnostic in diagnostics:
        found[diagnostic.severity] += 1
    return found


def rule_infos() -> tuple[RuleInfo, ...]:
    """Metadata of every code a run can report: validation codes, then lint rules."""
    from ...codes import CODES
    from ..registry import all_info

    validation = tuple(RuleInfo(c.code, c.name, c.summary, c.doc, Severity.ERROR) for c in sorted(CODES.values(), key=lambda c: c.code))
    return validation + all_info()


def _formats() -> dict[str, Callable[[Output], str]]:
    from . import github, json, junit, sarif, text

    return {"text": text.render, "json": json.render, "github": github.render,
            "sarif": sarif.render, "junit": junit.render}


NAMES = ("text", "json", "github", "sarif", "junit", "auto")
"""Format names the command line accepts; `auto` is GitHub annotations under GitHub Actions, else text."""


def render(name: str, output: Output) -> str:
    """The diagnostics in format `name` (not `auto`: the caller resolves it)."""
    return _formats()[name](output)
