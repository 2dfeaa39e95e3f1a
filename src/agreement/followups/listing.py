"""The occasions of every document under some paths, with the follow-up files that report on them.

Documents are validated and their occasions computed across cores, as lint does;
follow-up files (those named on the command line and those beside each document)
are read first, in this process, since there are few and every document's worker
needs the progress they hold.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from ..diagnostics import Diagnostic, sort_diagnostics
from ..model import FollowUpLog, ProgressEntry
from ..discovery import discover
from ..validation import check_file, check_files
from .logs import document_of, follow_up_files_in, is_follow_up_file, progress_by_id
from .occasions import Occasion, State, Window, occasions

UNREADABLE = "Y101"


@dataclass
class Listing:
    """What `agreement followups` found: the occasions kept, the problems of the files read."""

    window: Window
    occasions: list[Occasion] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    documents: int = 0
    """How many documents were read (in force or not)."""

    @property
    def invalid(self) -> bool:
        return any(d.severity.value == "error" for d in self.diagnostics)

    @property
    def unreadable(self) -> bool:
        return any(d.code == UNREADABLE for d in self.diagnostics)

    def count(self, state: State) -> int:
        return sum(1 for occasion in self.occasions if occasion.state is state)


@dataclass(frozen=True)
class _Job:
    """The occasions of one document (picklable, for worker processes)."""

    window: Window
    logged: dict[str, dict[str, list[ProgressEntry]]]
    """Progress from follow-up files, by the document's real path, then by commitment id."""

    def __call__(self, path: Path) -> tuple[list[Diagnostic], list[Occasion]]:
        checked = check_file(path)
        if checked.document is None:
            return checked.diagnostics, []
        logged = self.logged.get(os.path.realpath(path), {})
        return checked.diagnostics, occasions(checked.document, str(path), self.window, logged)


def list_occasions(paths: Sequence[str | Path], window: Window, jobs: int | None = None) -> Listing:
    """Every occasion `window` keeps of the documents under `paths`, in file then document order.

    Raises `agreement.validation.UsageError` for a path that does not exist.
    """
    files = discover(paths)
    logs = [path for path in files if is_follow_up_file(path)]
    documents = [path for path in files if path not in set(logs)]
    seen = {os.path.realpath(path) for path in logs}
    for folder in dict.fromkeys(path.parent for path in documents):
        for path in follow_up_files_in(folder):
            if os.path.realpath(path) not in seen:
                seen.add(os.path.realpath(path))
                logs.append(path)
    listing = Listing(window, documents=len(documents))
    logged = _read_logs(logs, listing.diagnostics)
    for diagnostics, found in check_files(documents, check=_Job(window, logged), jobs=jobs):
        listing.diagnostics.extend(diagnostics)
        listing.occasions.extend(found)
    listing.diagnostics = sort_diagnostics(listing.diagnostics)
    return listing


def _read_logs(paths: list[Path], diagnostics: list[Diagnostic]) -> dict[str, dict[str, list[ProgressEntry]]]:
    by_document: dict[str, list[FollowUpLog]] = {}
    for path in sorted(paths):
        checked = check_file(path)
        diagnostics.extend(checked.diagnostics)
        if checked.follow_up is not None:
            target = os.path.realpath(document_of(path, checked.follow_up))
            by_document.setdefault(target, []).append(checked.follow_up)
    return {target: progress_by_id(found) for target, found in by_document.items()}
