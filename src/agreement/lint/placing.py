"""From data paths to positions: where a finding is shown and where it may be suppressed."""

from __future__ import annotations

from ..diagnostics import Span, YamlPath
from ..loading import Loaded
from .rule import Anchor


def anchor_at(loaded: Loaded, path: YamlPath, *, key: bool = False, text: str | None = None) -> Anchor:
    """The position of `path` (its key when `key`; the piece `text` of it when found on one
    of its lines) and the lines where a suppression of a finding there may be written."""
    return Placer(loaded)(path, key=key, text=text)


class Placer:
    """`anchor_at` for many findings of one file, splitting its lines once. In a file
    without suppression comments (`suppressible` false) the suppression lines are not
    worked out: nothing could use them."""

    def __init__(self, loaded: Loaded, *, suppressible: bool = True):
        self.loaded = loaded
        self.suppressible = suppressible
        self._lines: list[str] | None = None

    def __call__(self, path: YamlPath, *, key: bool = False, text: str | None = None) -> Anchor:
        loaded = self.loaded
        span = loaded.span(path, key=key)
        if span is not None and (text or (span.end_line or 0) > span.line):
            if self._lines is None:
                self._lines = loaded.lines
            span = (_find_text(self._lines, span, text) or span) if text else _trim(self._lines, span)
        lines = suppression_lines(loaded, path, span) if self.suppressible else frozenset()
        return Anchor(span, lines)


def _trim(lines: list[str], span: Span) -> Span:
    """A block collection ends where the next item starts; end it instead after its own
    last character, so that annotations do not spill onto the next item's line."""
    end_line, end_column = span.end_line, span.end_column
    if end_line is None or end_column is None or end_line <= span.line or end_line > len(lines) + 1:
        return span
    before = lines[end_line - 1][: end_column - 1] if end_line <= len(lines) else ""
    if before.strip():
        return span
    end_line -= 1
    while end_line > span.line and _blank(lines[end_line - 1]):
        end_line -= 1
    return Span(span.line, span.column, end_line, len(lines[end_line - 1].rstrip()) + 1)


def _blank(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


def suppression_lines(loaded: Loaded, path: YamlPath, span: Span | None) -> frozenset[int]:
    """The finding's own line, and the first line of every mapping entry and list item
    that contains it: a comment on any of them may suppress the finding."""
    lines = set() if span is None else {span.line}
    for end in range(1, len(path) + 1):
        prefix = path[:end]
        position = loaded.key_positions.get(prefix) if isinstance(prefix[-1], str) else None
        position = position or loaded.positions.get(prefix)
        if position is not None:
            lines.add(position[0] + 1)
    return frozenset(lines)


def _find_text(lines: list[str], span: Span, text: str) -> Span | None:
    """Where `text` is written within the lines of `span`, when it fits on one line."""
    last = min(span.end_line or span.line, len(lines))
    for number in range(span.line, last + 1):
        line = lines[number - 1]
        start = span.column - 1 if number == span.line else 0
        column = line.find(text, start)
        if column >= 0:
            return Span(number, column + 1, number, column + 1 + len(text))
    return None
