"""The one Diagnostic type, for YAML syntax errors, schema errors and lint findings alike,
and its plain-text rendering with a code frame."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Collection, Iterable, Sequence

PathPart = str | int
YamlPath = tuple[PathPart, ...]
"""Where a value sits inside a document: its keys and list indexes from the top (`("focus_areas", 0, "title")`)."""


class Severity(str, Enum):
    """How serious a finding is; errors fail a run, warnings fail it under --strict."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A region of a file, 1-based lines and columns; `end_*` point just past the region."""

    line: int
    column: int
    end_line: int | None = None
    end_column: int | None = None


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """Something a user should know about a file: where, how serious, what to do."""

    code: str
    message: str
    file: str
    span: Span | None = None
    severity: Severity = Severity.ERROR
    path: YamlPath = ()
    hint: str | None = None
    rule: str | None = field(default=None, compare=False)

    def with_(self, **changes: object) -> "Diagnostic":
        """A copy with some fields changed (diagnostics are immutable)."""
        return replace(self, **changes)  # type: ignore[arg-type]

    @property
    def location(self) -> str:
        """`file:line:col`, or just the file when the position is unknown."""
        if self.span is None:
            return self.file
        return f"{self.file}:{self.span.line}:{self.span.column}"

    def sort_key(self) -> tuple:
        span = self.span or Span(0, 0)
        return (self.file, span.line, span.column, self.code, self.message)


def dotted(path: YamlPath) -> str:
    """A path as users write it in messages: `focus_areas[0].actions[2].owner`."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def did_you_mean(wrong: str, candidates: Collection[str], cutoff: float = 0.6) -> str | None:
    """The closest candidate phrased as a hint (`did you mean 'owner'?`), or None when nothing is close.

    The one place every "did you mean" of validation, lint and configuration comes from, so
    they read alike."""
    close = difflib.get_close_matches(wrong, sorted(candidates), n=1, cutoff=cutoff)
    return f"did you mean {close[0]!r}?" if close else None


FRAME_WIDTH = 100
"""Characters of a source line shown in a code frame; longer lines are cut around the column."""

_UNPRINTABLE = {code: "\ufffd" for code in [*range(0x20), 0x7F, *range(0x80, 0xA0)] if code != 0x09}


def _shown(line: str, start: int) -> str:
    """FRAME_WIDTH characters of a source line from `start`, as a frame shows them: cut with an
    ellipsis, tabs one column wide (as the parser counts them) and control characters replaced,
    so that a binary file cannot drive the terminal. Cut first: a line may be megabytes long."""
    cut = line[start:start + FRAME_WIDTH].expandtabs(1).translate(_UNPRINTABLE)
    return ("…" if start else "") + cut + ("…" if len(line) > start + FRAME_WIDTH else "")


def code_frame(source_lines: Sequence[str], span: Span, context: int = 1) -> str:
    """The lines around `span` with a caret under the offending column, as compilers print them.

    Lines longer than FRAME_WIDTH are cut to a window around the column, so that a
    minified or binary file prints a frame of a few lines, not megabytes. A span just
    past the last line break (the end of the file) shows an empty last line.
    """
    count = len(source_lines)

    def line_at(number: int) -> str:
        return source_lines[number - 1].rstrip("\r\n") if number <= count else ""

    first = max(1, span.line - context)
    last = min(max(count, span.line), span.line + context)
    width = len(str(last))
    current = line_at(span.line)
    start = max(0, span.column - 1 - FRAME_WIDTH // 2) if len(current) > FRAME_WIDTH else 0
    out = []
    for number in range(first, last + 1):
        marker = ">" if number == span.line else " "
        out.append(f"{marker} {number:>{width}} | {_shown(line_at(number), start)}".rstrip())
    length = 1
    if span.end_line == span.line and span.end_column and span.end_column > span.column:
        length = span.end_column - span.column
    length = max(1, min(length, len(current) - span.column + 1, FRAME_WIDTH - (span.column - 1 - start)))
    offset = span.column - 1 - start + (1 if start else 0)
    out.insert(span.line - first + 1, f"  {'':>{width}} | {' ' * offset}{'^' * length}")
    return "\n".join(out)


def format_text(diagnostic: Diagnostic, source_lines: Sequence[str] | None = None) -> str:
    """`file:line:col: CODE message`, then the code frame and the hint when there are any."""
    head = f"{diagnostic.location}: {diagnostic.code} {diagnostic.message}"
    if diagnostic.severity is not Severity.ERROR:
        head = f"{diagnostic.location}: {diagnostic.code} [{diagnostic.severity.value}] {diagnostic.message}"
    parts = [head]
    if source_lines and diagnostic.span and 0 < diagnostic.span.line <= len(source_lines) + 1:
        parts.append(code_frame(source_lines, diagnostic.span))
    if diagnostic.hint:
        parts.append(f"  = hint: {diagnostic.hint}")
    return "\n".join(parts)


def sort_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Diagnostics in file and position order, so output is stable."""
    return sorted(diagnostics, key=Diagnostic.sort_key)


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.severity is Severity.ERROR for d in diagnostics)
