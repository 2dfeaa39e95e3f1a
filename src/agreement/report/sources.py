"""The follow-up files a report reads: those beside its document and those named on the command
line, kept when they name the document; with their problems and a digest of their bytes (a
changed follow-up file makes the report out of date in the build cache)."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from ..diagnostics import Diagnostic
from ..followups.logs import document_of, follow_up_files_in
from ..model import FollowUpLog

if TYPE_CHECKING:
    from .collect import ReportRequest


@dataclass(frozen=True)
class FollowUpSources:
    logs: tuple[FollowUpLog, ...]
    diagnostics: tuple[Diagnostic, ...]
    digest: str


def report_stem(document_id: str, as_of: dt.date) -> str:
    """The report's file name without its extension: `ljusdal-2014-uppfoljning-2014-09-15`. Always
    the Swedish word, whatever the language, so a folder of reports sorts and links the same."""
    return f"{document_id}-uppfoljning-{as_of.isoformat()}"


def follow_ups_of(document: Path, named: Sequence[Path] = ()) -> FollowUpSources:
    """The follow-up files of `document`: every `kind: follow-up` file beside it, and those of
    `named` (found on the command line), that name it."""
    from ..validation import check_file

    target = os.path.realpath(document)
    candidates: dict[str, Path] = {}
    for path in [*follow_up_files_in(document.parent), *named]:
        candidates.setdefault(os.path.realpath(path), path)
    logs: list[FollowUpLog] = []
    diagnostics: list[Diagnostic] = []
    digest = hashlib.sha256()
    for _, path in sorted(candidates.items()):
        checked = check_file(path)
        log = checked.follow_up
        if log is None:  # unreadable or invalid: it may be this document's, so its problems count
            diagnostics.extend(checked.diagnostics)
        elif os.path.realpath(document_of(path, log)) == target:
            diagnostics.extend(checked.diagnostics)
            logs.append(log)
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return FollowUpSources(tuple(logs), tuple(diagnostics), digest.hexdigest())


def report_inputs(request: "ReportRequest", sources: FollowUpSources) -> str:
    """What a report is made from besides the document and the templates, for the build cache's
    fingerprint: the day it is as of, the start of its "changed since" list, the follow-up files'
    bytes, and the plotting library's version."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        plotting = version("matplotlib")
    except PackageNotFoundError:
        plotting = None
    since = request.since.isoformat() if request.since else None
    return f"as-of {request.as_of.isoformat()}; since {since}; follow-ups {sources.digest}; matplotlib {plotting}"
