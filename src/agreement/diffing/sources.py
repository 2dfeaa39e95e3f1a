"""The two versions to compare: files on disk, or a file as a git revision holds it.

Each version is validated as `agreement validate` would validate it; a version that
does not validate is returned with its diagnostics (and the lines for their code
frames), not compared.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import Diagnostic, Severity
from ..loading import LoadError, load_bytes, source_lines
from ..model import Document
from ..validation import Checked, check_file, check_loaded

GIT_SECONDS = 60
"""How long `git show` may take; it reads one object, so only a stuck repository takes longer."""


class SourceError(Exception):
    """A version that cannot be had at all (no such file, not a git repository, unknown revision)."""


@dataclass(frozen=True)
class Version:
    """One version of a document: the name it is shown by, what validation found, its lines."""

    name: str
    checked: Checked
    lines: tuple[str, ...]

    @property
    def document(self) -> Document | None:
        """The validated document, or None when the version has errors."""
        if any(d.severity is Severity.ERROR for d in self.checked.diagnostics):
            return None
        return self.checked.document

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return self.checked.diagnostics


def from_file(path: Path) -> Version:
    """A version on disk; a missing path is a SourceError (a usage mistake, not a finding)."""
    if not path.is_file():
        raise SourceError(f"{path}: no such file" if not path.exists() else f"{path}: not a file")
    checked = check_file(path)
    lines = checked.loaded.lines if checked.loaded is not None else source_lines(str(path))
    return Version(str(path), checked, tuple(lines))


def from_git(path: Path, revision: str) -> Version:
    """The version of `path` in git revision `revision`, read with `git show REV:./NAME` in the
    file's folder, so the path means what it means to the user whatever the working folder."""
    if shutil.which("git") is None:
        raise SourceError("git is not installed; --git needs it")
    if revision.startswith("-"):
        raise SourceError(f"{revision!r} is not a revision")  # never let a revision be read as an option
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise SourceError(f"{folder}: no such folder")
    try:
        shown = subprocess.run(["git", "show", f"{revision}:./{path.name}"], cwd=folder, capture_output=True,
                               timeout=GIT_SECONDS, check=False)
    except subprocess.TimeoutExpired:
        raise SourceError(f"git show {revision}:{path} did not finish within {GIT_SECONDS} s") from None
    if shown.returncode != 0:
        message = shown.stderr.decode("utf-8", "replace").strip().splitlines()
        raise SourceError(f"git cannot show {path} at {revision}: {message[-1] if message else 'failed'}")
    name = f"{revision}:{path}"
    try:
        loaded = load_bytes(shown.stdout, name)
    except LoadError as error:
        return Version(name, Checked(name, [error.diagnostic]), tuple(_lines(shown.stdout)))
    return Version(name, check_loaded(loaded), tuple(loaded.lines))


def _lines(raw: bytes) -> list[str]:
    """Lines for code frames, decoded leniently: a frame is only a help."""
    return raw.decode("utf-8-sig", "replace").splitlines()
