"""Follow-up files (`kind: follow-up`) beside a document: finding them and checking them against it.

A follow-up file names its document by a path relative to itself and the document's
actions, citizen promises and indicators by `id`. Validation (`validate`, `lint`)
checks each of those names here, so a report filed under a misspelt id is an error
with "did you mean" rather than a report that silently counts for nothing.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Iterator

from ..diagnostics import YamlPath
from ..model import Document, FollowUpLog, Indicator, ProgressEntry
from ..model.resolve import CommitmentContext, Problem, commitments, did_you_mean
from ..reading import read_regular

_FOLLOW_UP_KIND = re.compile(rb"^(?:\xef\xbb\xbf)?kind[ \t]*:[ \t]*([\"']?)follow-up\1[ \t]*(?:#[^\n]*)?\r?$",
                             re.MULTILINE)
_HEAD = 1 << 16
"""Bytes read to see a file's kind: `kind:` is among the first lines of every file we write or show."""


def is_follow_up_file(path: str | Path) -> bool:
    """Whether a YAML file declares `kind: follow-up` at top level (read from its first bytes only)."""
    try:
        head = read_regular(path, _HEAD)  # a named pipe is not waited for
    except OSError:
        return False
    return _FOLLOW_UP_KIND.search(head) is not None


def follow_up_files_in(folder: Path) -> list[Path]:
    """The follow-up files directly in `folder`, in name order."""
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return []
    return [folder / name for name in names
            if name.endswith((".yaml", ".yml")) and is_follow_up_file(folder / name)]


def document_of(log_file: str | Path, log: FollowUpLog) -> Path:
    """The document a follow-up file names, as a path (relative to the follow-up file's folder)."""
    return Path(log_file).parent / log.document


# -- checking a follow-up file ---------------------------------------------------------------------


def check_log(log: FollowUpLog, file: str) -> list[Problem]:
    """Problems of a validated follow-up file: a document that is missing or invalid, ids it does
    not have, progress dated outside its period."""
    from ..validation import check_file  # validation calls this module for follow-up files

    target = document_of(file, log)
    if not target.is_file():
        candidates = [path.name for path in _documents_beside(Path(file))]
        hint = did_you_mean(log.document, candidates) or (
            "documents in this folder: " + ", ".join(candidates) if candidates else None)
        return [Problem(("document",), "R306", f"document {log.document!r} does not exist", hint)]
    checked = check_file(target)
    if checked.document is None:
        what = "a follow-up file" if checked.follow_up is not None else "not a valid document"
        return [Problem(("document",), "R306", f"document {log.document!r} is {what}",
                        f"run `agreement validate {target}`" if checked.follow_up is None else None)]
    return problems_against(log, checked.document)


def _documents_beside(file: Path) -> list[Path]:
    from ..discovery import is_document

    return [path for path in sorted(file.parent.glob("*.y*ml"))
            if path != file and is_document(path) and not is_follow_up_file(path)]


def problems_against(log: FollowUpLog, document: Document) -> list[Problem]:
    """The ids of `log` that `document` lacks (with the closest one it has), and progress
    dated outside the document's period."""
    problems: list[Problem] = []
    named = commitments_by_id(document)
    period = getattr(document, "period", None)  # a document without a period: any date will do
    for key, entries in log.progress.items():
        found = named.get(key, [])
        if len(found) != 1:
            problems.append(_unknown_commitment(key, found, set(named)))
            continue
        for number, entry in enumerate(entries):
            if period is not None and not period.start <= entry.date <= period.end:
                problems.append(Problem(
                    ("progress", key, number, "date"), "R308",
                    f"progress dated {entry.date.isoformat()} is outside the document's period "
                    f"{period.start.isoformat()} – {period.end.isoformat()}",
                    "date the report inside the period it follows up"))
    indicator_ids = {indicator.id for indicator in indicators_of(document) if indicator.id}
    for key in log.measurements:
        if key not in indicator_ids:
            hint = did_you_mean(key, indicator_ids) or (
                "indicators with an id: " + ", ".join(sorted(indicator_ids)) if indicator_ids
                else "give the indicator an `id` in the document")
            problems.append(Problem(("measurements", key), "R309",
                                    f"the document has no indicator with id {key!r}", hint, on_key=True))
    return problems


def _unknown_commitment(key: str, found: list[CommitmentContext], ids: set[str]) -> Problem:
    if found:
        return Problem(("progress", key), "R307", f"id {key!r} names {len(found)} actions or promises "
                       "of the document", "give each action and promise an id of its own", on_key=True)
    hint = did_you_mean(key, ids) or (
        "actions and promises with an id: " + ", ".join(sorted(ids)) if ids
        else "give the document's actions and promises an `id`")
    return Problem(("progress", key), "R307", f"the document has no action or citizen promise with id {key!r}",
                   hint, on_key=True)


def commitments_by_id(document: Document) -> dict[str, list[CommitmentContext]]:
    """Every action and promise that has an id, by id (a list: an id may be written twice by mistake)."""
    found: dict[str, list[CommitmentContext]] = {}
    for context in commitments(document):
        if context.item.id:
            found.setdefault(context.item.id, []).append(context)
    return found


def indicators_of(document: Document) -> Iterator[Indicator]:
    """Every indicator of the document: its own, its goals', its areas', its groups of actions' and
    its actions'."""
    yield from document.indicators
    for goal in document.goals:
        yield from goal.indicators
    for area in document.areas:  # type: ignore[attr-defined]
        yield from area.indicators
        for goal in area.goals:
            yield from goal.indicators
        for _, _, group in area.groups():
            yield from group.indicators
        for action, _ in area.all_actions():
            yield from action.indicators


# -- using them ------------------------------------------------------------------------------------


def progress_by_id(logs: list[FollowUpLog]) -> dict[str, list[ProgressEntry]]:
    """The progress entries of several follow-up files of one document, by commitment id."""
    merged: dict[str, list[ProgressEntry]] = {}
    for log in logs:
        for key, entries in log.progress.items():
            merged.setdefault(key, []).extend(entries)
    return merged


def progress_of(context: CommitmentContext, logged: dict[str, list[ProgressEntry]]) -> list[ProgressEntry]:
    """Every progress entry of a commitment, written in the document or in a follow-up file, by date."""
    entries = list(context.item.progress)
    if context.item.id:
        entries.extend(logged.get(context.item.id, []))
    return sorted(entries, key=lambda entry: entry.date)


def data_path_text(path: YamlPath) -> str:
    """A commitment's data path as one key (`areas.0.by_party.1.actions.2`), for actions without an id."""
    return ".".join(str(part) for part in path)
