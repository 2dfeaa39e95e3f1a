"""`agreement fmt PATH…`: what the command does, apart from printing (the CLI prints)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Sequence

from . import Formatted, format_file, unified_diff

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class FmtUsageError(Exception):
    """A path that does not exist, or nothing to format: exit status 2."""


@dataclass
class FmtOutcome:
    """What one run did, file by file, for the CLI to print."""

    check: bool
    results: list[Formatted] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    write_errors: list[str] = field(default_factory=list)

    @property
    def changed(self) -> list[Formatted]:
        return [r for r in self.results if r.changed]

    @property
    def refused(self) -> list[Formatted]:
        return [r for r in self.results if r.diagnostics or r.problem]

    @property
    def exit_code(self) -> int:
        if self.write_errors or any(r.unreadable for r in self.results):
            return EXIT_USAGE
        if self.refused or (self.check and self.changed):
            return EXIT_FINDINGS
        return EXIT_CLEAN

    def diffs(self) -> Iterator[str]:
        """The unified diff of every file that is not in canonical form (for --check)."""
        for result in self.changed:
            yield unified_diff(result)

    def summary(self) -> str:
        files = len(self.results)
        unchanged = files - len(self.changed) - len(self.refused)
        if self.check:
            parts = [f"{_count(len(self.changed), 'file')} would be reformatted", f"{unchanged} already formatted"]
        else:
            parts = [f"{_count(len(self.written), 'file')} reformatted", f"{unchanged} left unchanged"]
        if self.refused:
            parts.append(f"{len(self.refused)} not formatted (invalid, see above)")
        return ", ".join(parts)


def _count(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"


def run(paths: Sequence[Path], *, check: bool, only_documents: bool = False) -> FmtOutcome:
    """Format the documents under `paths`; write the changed ones unless `check`."""
    from ..discovery import UsageError, discover, is_document

    try:
        files = discover(paths)
    except UsageError as error:
        raise FmtUsageError(str(error)) from None
    if only_documents:
        files = [path for path in files if is_document(path)]
    elif not files:
        raise FmtUsageError("no documents found (YAML files with a `kind:` key)")
    outcome = FmtOutcome(check)
    for path in files:
        result = format_file(path)
        outcome.results.append(result)
        if result.changed and not check:
            try:
                write_formatted(path, result.formatted or b"")
            except OSError as error:
                outcome.write_errors.append(f"{path}: cannot write: {error.strerror or error}")
            else:
                outcome.written.append(str(path))
    return outcome


def write_formatted(path: Path, data: bytes) -> None:
    """Replace the file at once (never half-written), through a link to the file it names, keeping
    its permissions."""
    from ..writing import write_atomically

    target = path.resolve()
    mode = target.stat().st_mode & 0o7777
    write_atomically({target: data})
    if target.stat().st_mode & 0o7777 != mode:
        os.chmod(target, mode)
