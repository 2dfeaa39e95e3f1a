"""Finding the documents to check: files named directly, and documents under folders.

A folder in a repository of plans also holds YAML that is not a document (CI
configuration, `mkdocs.yml`), so under a folder only files with a top-level `kind:`
are taken. Deciding that reads at most the first megabyte of each file and parses
nothing, so that a folder of a thousand documents is found in milliseconds.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Sequence

from .reading import read_regular

SKIPPED_DIRS = {".git", ".venv", "venv", "node_modules", "build", "dist", "__pycache__", ".tox"}
"""Folders never searched (besides hidden ones): tools' and builds' files, never plans."""
_KIND_LINE = re.compile(rb"^(?:\xef\xbb\xbf)?kind[ \t]*:", re.MULTILINE)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
HEAD_BYTES = 1 << 20
"""How much of a file is searched for `kind:`."""


class UsageError(Exception):
    """A mistake in how the command was called (a path that does not exist); exit status 2."""


def discover(paths: Sequence[str | Path]) -> list[Path]:
    """The files to check: files named directly, and documents (YAML with a `kind`) under folders."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(_documents_under(path))
        elif path.exists():
            found.append(path)
        else:
            raise UsageError(f"{raw}: no such file or folder")
    return list(dict.fromkeys(found))


def _documents_under(folder: Path) -> list[Path]:
    files = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS and not d.startswith("."))
        for name in sorted(names):
            if name.endswith((".yaml", ".yml")) and is_document(Path(root, name)):
                files.append(Path(root, name))
    return files


def is_document(path: Path) -> bool:
    """Whether a YAML file declares a `kind` at top level: the mark of a document.

    A UTF-16 file (Notepad's "Unicode") cannot be searched as bytes; it is kept so
    that its author hears why it cannot be read rather than seeing it skipped.
    """
    try:
        head = read_regular(path, HEAD_BYTES)
    except OSError:
        return True  # let checking report why it cannot be read (a named pipe, a folder)
    return head.startswith(_UTF16_BOMS) or _KIND_LINE.search(head) is not None
