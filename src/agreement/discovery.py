"""Finding the documents to check: files named directly, and documents under folders.

A folder in a repository of plans also holds YAML that is not a document (CI
configuration, `mkdocs.yml`, another tool's files with a `kind:` of their own such as
Kubernetes' `kind: Deployment`), so under a folder only files with a document's
`kind:` are taken, and the others are counted, never silently dropped. A file that
looks like a document but has lost its `kind:` (`Kind:`, `knd:`, or keys only a
document has, such as `parties:` or `focus_areas:`) or misspelt it (`kind: Agreement`,
`kind: riktlinje`) is taken too, so that its author hears about it. Deciding reads at most the first megabyte of each file and parses
nothing, so that a folder of a thousand documents is surveyed in milliseconds.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from .reading import read_regular

SKIPPED_DIRS = {".git", ".venv", "venv", "node_modules", "build", "dist", "__pycache__", ".tox"}
"""Folders never searched (besides hidden ones): tools' and builds' files, never plans."""
KNOWN_FILES = {"_brand.yml"}
"""YAML files that are known not to be documents and are neither checked nor counted as passed
over (besides hidden ones, such as .pre-commit-config.yaml): the brand file of a build."""
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
HEAD_BYTES = 1 << 20
"""How much of a file is searched for `kind:`."""
DOCUMENT_KEYS = frozenset({"parties", "focus_areas", "areas", "period", "promises", "signatures",
                           "working_model", "implements"})
"""Top-level keys that only a document has: a file with one of them and no `kind:` lost it."""
_DOCUMENT_KEYS = frozenset(key.encode() for key in DOCUMENT_KEYS)


def _line_start(pattern: bytes) -> tuple[re.Pattern[bytes], re.Pattern[bytes]]:
    """`pattern` at the start of a file (after a byte-order mark) and after a line break: two
    searches, which Python's re runs many times faster than one with `^` and MULTILINE."""
    return re.compile(rb"(?:\xef\xbb\xbf)?" + pattern), re.compile(rb"\n" + pattern)


_KIND_VALUE = _line_start(rb"""kind[ \t]*:[ \t]*["']?([^\s"'#]*)""")
_OURS = re.compile(rb"[a-z][a-z-]*")
"""How every kind of ours is written; a `kind:` written otherwise may be another tool's."""
_KEY = _line_start(rb"""([A-Za-z_"'][\w"'-]*)[ \t]*:""")
_SCHEMA_VERSION = _line_start(rb"schema[ \t]*:[ \t]*[0-9]+[ \t]*(?:#[^\n]*)?\r?(?:\n|$)")
"""`schema: 1`, a document's format version (other tools' `schema:` names a file or a URL)."""


class UsageError(Exception):
    """A mistake in how the command was called (a path that does not exist); exit status 2."""


@dataclass(frozen=True)
class Found:
    """The files to check, and the YAML files under folders that were passed over."""

    files: list[Path]
    skipped: list[Path] = field(default_factory=list)


def find_documents(paths: Sequence[str | Path]) -> Found:
    """Files named directly, and documents (or look-alikes) under folders; each once."""
    files: list[Path] = []
    skipped: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for candidate in _yaml_under(path):
                (files if is_document(candidate) else skipped).append(candidate)
        elif path.exists():
            files.append(path)
        else:
            raise UsageError(f"{raw}: no such file or folder")
    return Found(list(dict.fromkeys(files)), list(dict.fromkeys(skipped)))


def discover(paths: Sequence[str | Path]) -> list[Path]:
    """The files to check (see `find_documents`), without what was passed over."""
    return find_documents(paths).files


def skipped_note(count: int) -> str:
    """The words every command's summary uses for the YAML files it passed over."""
    return f"{count} YAML file{' that is not a document' if count == 1 else 's that are not documents'} skipped"


def _yaml_under(folder: Path) -> Iterable[Path]:
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS and not d.startswith("."))
        yield from (Path(root, name) for name in sorted(names)
                    if name.endswith((".yaml", ".yml")) and not name.startswith(".") and name not in KNOWN_FILES)


def is_document(path: Path) -> bool:
    """Whether a YAML file is to be checked as a document: it has a top-level `kind` that is
    (or may be meant as) one of ours (`is_our_kind`), or it looks like a document all the same
    (`looks_like_document`).

    What cannot be read, and a UTF-16 file (Notepad's "Unicode", which cannot be
    searched as bytes), is kept too, so that its author hears why rather than seeing
    it skipped.
    """
    try:
        head = read_regular(path, HEAD_BYTES)
    except OSError:
        return True  # let checking report why it cannot be read (a named pipe, a folder)
    if head.startswith(_UTF16_BOMS):
        return True
    if _starts_flow(head) and len(head) >= HEAD_BYTES:
        return True  # JSON longer than what is read to decide: let checking say what it is
    flow = _flow_mapping(head)
    if flow is not None:
        return _is_document_mapping(flow)
    kind = _kind_of(head)
    return (kind is not None and is_our_kind(kind)) or looks_like_document(head)


def _flow_mapping(head: bytes) -> dict[str, object] | None:
    """The top level of a file written as JSON (`{"kind": "agreement", …}`, as a script may write
    a plan), whose keys are indented like nested ones and so are found by parsing, not by their
    place on the line; None for any other file, or one longer than `head`."""
    if not _starts_flow(head):
        return None
    try:
        found = json.loads(head.decode("utf-8-sig"))
    except (ValueError, RecursionError):  # not JSON, or nested deeper than Python parses: read by lines
        return None
    return found if isinstance(found, dict) else None


def _starts_flow(head: bytes) -> bool:
    """Whether the file opens with a flow mapping (`{`), as JSON does."""
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")


def _is_document_mapping(mapping: dict[str, object]) -> bool:
    """`is_document` for a parsed top level: a kind of ours, or what `looks_like_document` looks for."""
    kind = mapping.get("kind")
    if isinstance(kind, str) and is_our_kind(kind.encode("utf-8")):
        return True
    return (bool(mapping.keys() & DOCUMENT_KEYS) or type(mapping.get("schema")) is int
            or any(misspelt_kind(key) for key in mapping if 3 <= len(key) <= 5))


def _kind_of(head: bytes) -> bytes | None:
    """The value of the first top-level `kind:` (empty when it has none on its line), or None."""
    found = _at_line_start(head, _KIND_VALUE)
    return found[1] if found else None


def is_our_kind(kind: bytes) -> bool:
    """Whether a `kind:` value is, or may be meant as, a kind of ours: anything written as ours
    are (lower case, hyphens), so that `kind: agrement` is reported rather than skipped; else a
    value that "did you mean" takes for one (`Agreement`, `Handlingsplan`). What is left
    (`Deployment`, `ConfigMap`) is another tool's. Only that rare last question loads the
    model, for its kinds and their Swedish names."""
    if not kind or _OURS.fullmatch(kind):
        return True
    from .terms import kind_hint

    return kind_hint(kind.decode("utf-8", "replace")) is not None


def looks_like_document(head: bytes) -> bool:
    """Whether YAML without a top-level `kind` is a document all the same: a top-level key is
    a misspelt `kind` (`Kind`, `knd`, `kinds`), or one only documents have, or `schema: 1`."""
    first, later = _KEY
    found = first.match(head)
    keys = {key.strip(b"\"'") for key in ([found[1]] if found else []) + later.findall(head)}
    return (bool(keys & _DOCUMENT_KEYS) or (b"schema" in keys and _at_line_start(head, _SCHEMA_VERSION) is not None)
            or any(misspelt_kind(key.decode("ascii")) for key in keys if 3 <= len(key) <= 5))


def _at_line_start(head: bytes, patterns: tuple[re.Pattern[bytes], re.Pattern[bytes]]) -> re.Match[bytes] | None:
    """The first match of `_line_start`'s pair: at the start of the file, else after a line break."""
    first, later = patterns
    return first.match(head) or later.search(head)


def misspelt_kind(key: str) -> bool:
    """Whether `key` is `kind` written otherwise: another case, or one letter added, left
    out, replaced or swapped with its neighbour."""
    return key != "kind" and _within_one_edit(key.lower(), "kind")


def _within_one_edit(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) == len(b):
        different = [i for i in range(len(a)) if a[i] != b[i]]
        return len(different) == 1 or (len(different) == 2 and different[1] == different[0] + 1
                                        and a[different[0]] == b[different[1]] and a[different[1]] == b[different[0]])
    shorter, longer = sorted((a, b), key=len)
    return len(longer) - len(shorter) == 1 and any(longer[:i] + longer[i + 1:] == shorter for i in range(len(longer)))
