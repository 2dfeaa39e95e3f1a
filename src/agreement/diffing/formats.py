"""A Diff as text (for a terminal, coloured when it is one), JSON (for tools) or Markdown (for a
pull-request comment). Pure functions of the Diff: the library never prints."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Callable

from .compare import Change, Diff, Step
from .words import Words

FORMATS = ("text", "json", "markdown")
NAME_WIDTH = 70
"""Characters of an item's name shown where the item is named; the rest is cut with "…"."""

_SIGNS = {"added": "+", "removed": "-", "changed": "~", "moved": ">"}
_COLOURS = {"added": "32", "removed": "31", "changed": "33", "moved": "36"}


def render(diff: Diff, output_format: str, color: bool = False) -> str:
    """The diff in `output_format` (one of FORMATS)."""
    renderers: dict[str, Callable[[Diff, bool], str]] = {"text": text, "json": as_json, "markdown": markdown}
    return renderers[output_format](diff, color)


def headline(diff: Diff) -> str:
    """`old → new: 2 changes`, and how actions were paired when titles had to be used."""
    count = len(diff.changes)
    line = f"{diff.old} → {diff.new}: " + (f"{count} change{'s' if count != 1 else ''}" if count else "no changes")
    if diff.matched_by_title:
        line += f" ({diff.matched_by_title} item{'s' if diff.matched_by_title != 1 else ''} matched by title, not id)"
    return line


def _cut(name: str) -> str:
    name = " ".join(name.split())
    return name if len(name) <= NAME_WIDTH else name[:NAME_WIDTH - 1] + "…"


# -- text and Markdown: one line per change, marked up per format -----------------------------


@dataclass(frozen=True)
class _Style:
    """How a format marks up the parts of a change line; the lines themselves are the same."""

    kind: Callable[[str], str]
    name: Callable[[str], str]
    ident: Callable[[str], str]
    field: Callable[[str], str]
    value: Callable[[str], str]
    old: Callable[[str], str]
    removed_words: Callable[[str], str]
    added_words: Callable[[str], str]
    by_title: str
    words_break: str
    labelled: bool
    """Whether steps are named by their Swedish term (Markdown, for readers) rather than their key."""


def _step(step: Step, style: _Style) -> str:
    parts = [(step.label or step.key) if style.labelled else step.key]
    if step.name:
        parts.append(style.name(_cut(step.name)))
    if step.id and step.id != step.name:
        parts.append(f"({style.ident(step.id)})")
    if step.matched_by == "title":
        parts.append(style.by_title)
    return " ".join(parts)


def _words(runs: tuple[Words, ...], style: _Style) -> str:
    marks = {"same": style.value, "removed": style.removed_words, "added": style.added_words}
    return " ".join(marks[run.operation](run.text) for run in runs)


def _line(change: Change, style: _Style) -> str:
    kind = style.kind(change.kind)
    where = " › ".join(_step(step, style) for step in change.where) or "document"
    if change.kind == "moved" and change.field is None:
        return f"{kind} {where}: from {style.name(change.old or '')} to {style.name(change.new or '')}"
    if change.field is None:
        named = change.where and (change.where[-1].name or change.where[-1].id)
        value = change.old if change.kind == "removed" else change.new
        return f"{kind} {where}" if named or not value else f"{kind} {where}: {style.value(value)}"
    label = f" ({style.value(change.field.label)})" if change.field.label else ""
    head = f"{kind} {where}: {style.field(change.field.key)}{label}"
    if change.kind == "moved":
        return f"{head}: order {style.old(change.old or '')} → {style.value(change.new or '')}"
    if change.words:
        return f"{head}:{style.words_break}{_words(change.words, style)}"
    if change.kind == "added":
        return f"{head}: {style.value(change.new or '')}"
    if change.kind == "removed":
        return f"{head}: {style.old(change.old or '')}"
    return f"{head}: {style.old(change.old or '')} → {style.value(change.new or '')}"


def _paint(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color and text else text


def _text_style(color: bool) -> _Style:
    def same(value: str) -> str:
        return value

    return _Style(
        kind=lambda kind: _paint(f"{_SIGNS[kind]} {kind:<7}", _COLOURS[kind], color),
        name=lambda name: f'"{name}"', ident=same, field=lambda key: _paint(key, "1", color), value=same, old=same,
        removed_words=lambda words: _paint(f"[-{words}-]", "31", color),
        added_words=lambda words: _paint(f"{{+{words}+}}", "32", color),
        by_title="[matched by title]", words_break="\n    ", labelled=False)


def text(diff: Diff, color: bool = False) -> str:
    """One line per change (`+ added`, `- removed`, `~ changed`, `> moved`), word diffs below."""
    style = _text_style(color)
    return "\n".join([_paint(headline(diff), "1", color), *(_line(change, style) for change in diff.changes)]) + "\n"


# -- JSON -------------------------------------------------------------------------------------


def _step_json(step: Step) -> dict[str, Any]:
    found: dict[str, Any] = {"key": step.key, "label": step.label, "id": step.id, "name": step.name}
    if step.matched_by is not None:
        found["matched_by"] = step.matched_by
    return found


def _change_json(change: Change) -> dict[str, Any]:
    found: dict[str, Any] = {
        "kind": change.kind,
        "where": [_step_json(step) for step in change.where],
        "field": None if change.field is None else {"key": change.field.key, "label": change.field.label},
        "old": change.old,
        "new": change.new,
    }
    if change.words:
        found["words"] = [{"op": run.operation, "text": run.text} for run in change.words]
    return found


def as_json(diff: Diff, color: bool = False) -> str:
    """`{"old", "new", "changes": [...]}`, stable keys, for tools and tests."""
    report = {"old": diff.old, "new": diff.new, "count": len(diff.changes),
              "changes": [_change_json(change) for change in diff.changes]}
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


# -- Markdown ---------------------------------------------------------------------------------

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
"""What can start markup inside a line of a bullet (emphasis, code, links, table cells, strike-through);
a value never stands at the start of a line, so `#`, `-` and `1.` need no escape."""
_HTML_SPECIAL = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def md(value: str) -> str:
    """Text from the document as literal Markdown text: no emphasis, link, table cell or HTML of its own."""
    value = "".join(_HTML_SPECIAL.get(char, char) for char in " ".join(value.split()))
    return _MARKDOWN_SPECIAL.sub(r"\\\1", value)


def _code(value: str) -> str:
    """An id or key as inline code (ids have no backticks: the model's id pattern excludes them)."""
    return f"`{value.replace('`', '')}`"


_MARKDOWN = _Style(
    kind=lambda kind: f"- **{kind.capitalize()}**", name=lambda name: f"*{md(name)}*", ident=_code, field=_code,
    value=md, old=lambda value: f"~~{md(value)}~~", removed_words=lambda words: f"~~{md(words)}~~",
    added_words=lambda words: f"**{md(words)}**", by_title="(matched by title)", words_break="<br>", labelled=True)


def markdown(diff: Diff, color: bool = False) -> str:
    """A heading, a count, and one bullet per change: a pull-request comment."""
    count = len(diff.changes)
    lines = [f"### Changes in {_code(diff.new)}", "",
             f"{_code(diff.old)} → {_code(diff.new)}: "
             + (f"{count} change{'s' if count != 1 else ''}." if count else "no changes.")]
    if diff.matched_by_title:
        lines.append("Actions are paired by `id`, then by title; items matched by title are marked.")
    if diff.changes:
        lines.append("")
        lines.extend(_line(change, _MARKDOWN) for change in diff.changes)
    return "\n".join(lines) + "\n"
