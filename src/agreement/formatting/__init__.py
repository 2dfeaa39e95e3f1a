"""`agreement fmt`: documents in one canonical layout, comments and values untouched.

A document is formatted only when it validates: fmt does not guess at the layout of a
file it cannot read as a document. The text is read with ruamel.yaml's round-trip
composer (`tree`), written in canonical form (`layout`), and then checked before
anything is written: the result must load to the same data with the project's own
loader, keep the document's parts in their order, and hold the same comments. A
result that fails the check is never written; it would be a bug, and is reported as one.
"""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Diagnostic, Severity
from ..loading import LoadError, decode, load_bytes, read_file
from .tree import Unformattable

__all__ = ["Formatted", "Unformattable", "format_file", "format_text", "unified_diff"]


@dataclass(frozen=True)
class Formatted:
    """The outcome for one file: its text before and after, or why it was not formatted."""

    file: str
    original: bytes
    formatted: bytes | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    """Why the file was refused: it does not validate (or cannot be read, Y101)."""
    problem: Unformattable | None = None
    """Why a valid document was not formatted."""

    @property
    def changed(self) -> bool:
        return self.formatted is not None and self.formatted != self.original

    @property
    def unreadable(self) -> bool:
        return any(d.code == "Y101" for d in self.diagnostics)


def format_text(text: str) -> str:
    """The canonical form of a valid document's text (LF line ends, no byte-order mark).

    Raises Unformattable for what fmt will not guess at, and when the result would not
    hold the same values and comments (a bug)."""
    from .layout import render
    from .tree import read

    document = read(text)
    formatted = render(document)
    _check_same(text, formatted, Counter(document.comments))
    return formatted


def format_file(path: str | Path) -> Formatted:
    """Validate and format one file (nothing is written)."""
    from ..validation import check_loaded

    file = str(path)
    try:
        raw = read_file(path)
        loaded = load_bytes(raw, file)
    except LoadError as error:
        return Formatted(file, b"", diagnostics=[error.diagnostic])
    errors = [d for d in check_loaded(loaded).diagnostics if d.severity is Severity.ERROR]
    if errors:
        return Formatted(file, raw, diagnostics=errors)
    try:
        formatted = format_text(decode(raw, file))
    except Unformattable as problem:
        return Formatted(file, raw, problem=problem)
    return Formatted(file, raw, _as_written(formatted, raw))


def _as_written(text: str, original: bytes) -> bytes:
    """`text` with the original file's line ends (CR LF stays CR LF) and byte-order mark."""
    if b"\r\n" in original[:original.find(b"\n") + 1]:
        text = text.replace("\n", "\r\n")
    data = text.encode("utf-8")
    return b"\xef\xbb\xbf" + data if original.startswith(b"\xef\xbb\xbf") else data


def unified_diff(formatted: Formatted) -> str:
    """What fmt would change, as a unified diff (`--- a/file`, `+++ b/file` for a relative path)."""
    before = formatted.original.decode("utf-8-sig", "replace").splitlines(keepends=True)
    after = (formatted.formatted or b"").decode("utf-8-sig", "replace").splitlines(keepends=True)
    name = formatted.file
    old, new = (name, name) if Path(name).is_absolute() else (f"a/{name}", f"b/{name}")
    lines = difflib.unified_diff(before, after, old, new)
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


# -- the check before writing -------------------------------------------------------------


def _check_same(before: str, after: str, comments_before: Counter[str]) -> None:
    """Refuse a result that changes a value, the order of the parts, or the comments."""
    from ..model.outline import PARTS

    old = load_bytes(before.encode("utf-8"), "before").data
    try:
        new = load_bytes(after.encode("utf-8"), "after").data
    except LoadError as error:
        raise Unformattable(f"the formatted text does not load ({error.diagnostic.message}); "
                            "the file was left as it was (this is a bug in agreement fmt)") from None
    if new != old or _free_orders(new) != _free_orders(old):
        raise Unformattable("formatting would change a value; the file was left as it was "
                            "(this is a bug in agreement fmt)")
    if [k for k in new if k in PARTS] != [k for k in old if k in PARTS]:
        raise Unformattable("formatting would reorder the parts; the file was left as it was "
                            "(this is a bug in agreement fmt)")
    if comments(after) != comments_before:
        raise Unformattable("formatting would lose or change a comment; the file was left as it was "
                            "(this is a bug in agreement fmt)")


def _free_orders(data: object) -> list[tuple[str, ...]]:
    """The key order of the mappings whose order is data (`registration`, `labels`)."""
    if not isinstance(data, dict):
        return []
    return [tuple(data[key]) for key in ("registration", "labels") if isinstance(data.get(key), dict)]


def comments(text: str) -> Counter[str]:
    """Every comment of a document's text, counted (the order may change with the keys)."""
    from .tree import comments_of

    return Counter(comments_of(text))
