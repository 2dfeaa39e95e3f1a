"""Output formats of `agreement lint`: pure functions from diagnostics (and rule metadata) to text.

Each module has `render(output: Output) -> str`; `FORMATTERS` lists them. Nothing here
reads files, looks at the terminal or the environment: the caller decides (colour,
source lines for code frames, the folder paths are made relative to) and passes it in.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from importlib import import_module
from pathlib import Path
from typing import Hashable, Mapping, Sequence

from ...diagnostics import Diagnostic, Severity, Span, dotted
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
    fail_on: Mapping[str, Severity] = field(default_factory=dict)
    """Per file, the mildest severity that fails the run (warning under --strict); error when absent."""
    docs_url: str | None = None
    """The page documenting every code, one heading each (docs/codes.md): SARIF links rules into it."""
    home_url: str | None = None
    """The project's address, for SARIF's tool information."""

    @cached_property
    def rule_names(self) -> dict[str, str]:
        """Every known code's name, validation codes included (their diagnostics carry none)."""
        return {rule.code: rule.name for rule in self.rules}

    def title(self, diagnostic: Diagnostic) -> str:
        """`L102 missing-owner`, `S201 unknown-key`: the code and its name, the way CI shows a finding."""
        name = diagnostic.rule or self.rule_names.get(diagnostic.code)
        return f"{diagnostic.code} {name}" if name else diagnostic.code

    def fails(self, diagnostic: Diagnostic) -> bool:
        """Whether this finding fails the run, as the exit status counts it."""
        return diagnostic.severity.rank <= self.fail_on.get(diagnostic.file, Severity.ERROR).rank


@dataclass(frozen=True)
class Region:
    """A span as CI formats want it: an end at column 1 of a later line is the end of the line before.

    `end_column` is exclusive (the column just past the region), as SARIF defines it; every format
    writes that same number, and None means "to the end of `end_line`"."""

    line: int
    column: int
    end_line: int
    end_column: int | None

    def __str__(self) -> str:
        """`17:9-18:42`, `3:7-3` (to the end of line 3): the region in one token, for plain-text reports."""
        end = f"{self.end_line}:{self.end_column}" if self.end_column is not None else str(self.end_line)
        return f"{self.line}:{self.column}-{end}"


def region(span: Span) -> Region:
    end_line = span.end_line or span.line
    end_column = span.end_column if span.end_line else None
    if end_column == 1 and end_line > span.line:
        end_line, end_column = end_line - 1, None
    return Region(span.line, span.column, end_line, end_column)


def occurrences(keys: Sequence[Hashable]) -> list[int]:
    """For each key, how many times it has come so far (1 the first time): what tells apart two
    findings that are otherwise the same, without counting lines."""
    seen: Counter[Hashable] = Counter()
    numbers = []
    for key in keys:
        seen[key] += 1
        numbers.append(seen[key])
    return numbers


def fingerprints(output: Output) -> list[str]:
    """A fingerprint per diagnostic that survives edits elsewhere in the file and lines moving:
    a hash of the code, the file, the YAML path and the message (and which repeat it is), never
    of a line number. Code scanning and GitLab use it to follow a finding across commits."""
    keys = [(d.code, relative(d.file, output.base), dotted(d.path), d.message) for d in output.diagnostics]
    return [hashlib.sha256("\0".join((*key, str(number))).encode("utf-8")).hexdigest()
            for key, number in zip(keys, occurrences(keys))]


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


FORMATTERS = ("text", "json", "github", "sarif", "junit", "gitlab")
"""The formats, each the module of that name in this package."""
NAMES = (*FORMATTERS, "auto")
"""Format names the command line accepts; `auto` is GitHub annotations under GitHub Actions, else text."""


def render(name: str, output: Output) -> str:
    """The diagnostics in format `name` (not `auto`: the caller resolves it).

    Only that format's module is imported: a lint on every save pays for the text format, not
    for the XML and JSON libraries of the others."""
    if name not in FORMATTERS:
        raise KeyError(name)
    module = import_module(f"{__name__}.{name}")
    return module.render(output)  # type: ignore[no-any-return]
