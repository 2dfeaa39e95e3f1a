"""Progress from a filled-in follow-up spreadsheet back into the follow-up files beside the documents.

Each filled-in row becomes a progress entry (date, status, rating, note, who) under
its action's id in the document's follow-up file, appended through ruamel.yaml's
round-trip mode so that every comment, key order and quoting style already in the
file stays as it was, and written atomically. A row that cannot be imported (its
action is gone, a rating that is not green/yellow/red, a date outside the period) is
reported with its sheet, row and column, and nothing of that row is imported; the
other rows are. A row whose entry is already there (imported before, or shown in the
sheet as the report it already has) adds nothing, so importing twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
import difflib
import io
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from pydantic import ValidationError

from ..loading import LoadError, load_bytes
from ..model import Document, FollowUpLog, ProgressEntry
from ..model.resolve import did_you_mean
from ..validation import check_file, check_loaded
from ..writing import write_atomically
from .logs import commitments_by_id, document_of, follow_up_files_in, progress_of
from .spreadsheet import COLUMNS, FILLED_IN, NO_ID_NOTE, RATING_WORDS, SHEET, STATUS_WORDS, CellError, parse_word

KEYS = ("file", "id", "occasion")


class ImportUsageError(Exception):
    """The file is not a follow-up spreadsheet that can be read: exit status 2."""


@dataclass(frozen=True)
class RowProblem:
    """Why (part of) a row cannot be imported, at its cell."""

    sheet: str
    row: int
    column: str
    header: str
    message: str

    def __str__(self) -> str:
        return f"{self.sheet}!{self.column}{self.row} ({self.header}): {self.message}"


@dataclass(frozen=True)
class Addition:
    """A progress entry to append, and where."""

    log: Path
    commitment_id: str
    entry: ProgressEntry
    row: int


@dataclass
class ImportPlan:
    """What importing a sheet would do: the entries added, the rows refused, the files changed."""

    additions: list[Addition] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    unchanged: int = 0
    """Filled-in rows whose entry is already there."""
    changes: dict[Path, tuple[str | None, str]] = field(default_factory=dict)
    """Per follow-up file: its text before (None for a new file) and after."""

    def diff(self) -> str:
        """The changes as unified diffs, as `--dry-run` shows them."""
        out = []
        for path, (before, after) in self.changes.items():
            out.extend(difflib.unified_diff((before or "").splitlines(keepends=True), after.splitlines(keepends=True),
                                            "/dev/null" if before is None else f"a/{path}", f"b/{path}"))
        return "".join(out)

    def apply(self) -> None:
        """Write every changed file, all or none."""
        write_atomically({path: after.encode("utf-8") for path, (_, after) in self.changes.items()})


# -- reading the sheet ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    number: int
    values: dict[str, Any]
    letters: dict[str, str]

    @property
    def filled_in(self) -> bool:
        """Whether the person reporting wrote in the row (the note of a row without id is ours)."""
        return any(_blank(self.values.get(key)) is not None and self.values.get(key) != NO_ID_NOTE
                   for key in FILLED_IN)

    def problem(self, key: str, message: str) -> RowProblem:
        header = next(column.header for column in COLUMNS if column.key == key)
        return RowProblem(SHEET, self.number, self.letters[key], header, message)


def read_rows(path: Path) -> list[Row]:
    """The data rows of the follow-up sheet, with each column found by its header."""
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, data_only=True)
    except (OSError, InvalidFileException, KeyError, ValueError, __import__("zipfile").BadZipFile) as error:
        raise ImportUsageError(f"{path}: not a spreadsheet that can be read ({error.__class__.__name__}: {error})") \
            from None
    if SHEET not in workbook.sheetnames:
        raise ImportUsageError(f"{path}: no sheet named {SHEET!r}; is it a sheet from `agreement followups`?")
    sheet = workbook[SHEET]
    headers = {str(cell.value).strip(): cell.column for cell in sheet[1] if cell.value is not None}
    numbers: dict[str, int] = {}
    for column in COLUMNS:
        if column.header not in headers and (column.key in KEYS or column.filled_in):
            raise ImportUsageError(f"{path}: sheet {SHEET!r} has no column {column.header!r}; "
                                   "is it a sheet from `agreement followups`?")
        if column.header in headers:
            numbers[column.key] = headers[column.header]
    letters = {key: get_column_letter(number) for key, number in numbers.items()}
    rows = []
    for cells in sheet.iter_rows(min_row=2):
        values = {key: cells[number - 1].value if number - 1 < len(cells) else None
                  for key, number in numbers.items()}
        rows.append(Row(cells[0].row, values, letters))
    return rows


# -- planning -----------------------------------------------------------------------------------------


@dataclass
class _Target:
    """A document rows report on, and the follow-up file its progress goes into."""

    document: Document
    path: Path
    log: Path
    text: str | None
    entries: dict[str, list[ProgressEntry]]
    """Every entry already known per commitment id (document, follow-up files, this import)."""


def plan_import(xlsx: Path, base: Path | None = None) -> ImportPlan:
    """What importing `xlsx` would add; nothing is written. Document paths in the sheet are read
    relative to `base` (default: the current folder), else to the spreadsheet's folder."""
    plan = ImportPlan()
    targets: dict[str, _Target | RowProblem] = {}
    pending: dict[Path, list[Addition]] = {}
    for row in read_rows(xlsx):
        if not row.filled_in:
            continue
        addition = _row_entry(row, targets, base or Path("."), xlsx.parent, plan)
        if addition is not None:
            pending.setdefault(addition.log, []).append(addition)
            plan.additions.append(addition)
    for log, additions in pending.items():
        target = next(t for t in targets.values() if isinstance(t, _Target) and t.log == log)
        plan.changes[log] = (target.text, appended(target, additions))
    return plan


def _row_entry(row: Row, targets: dict[str, _Target | RowProblem], base: Path, beside: Path,
               plan: ImportPlan) -> Addition | None:
    """The entry a filled-in row adds, or None (its problems recorded, or already there)."""
    file, key = _blank(row.values.get("file")), _blank(row.values.get("id"))
    if file is None or key is None:
        plan.problems.append(row.problem("id", "the row names no action id: the action has no `id` in the "
                                         "document; give it one, export the sheet again and fill that in"))
        return None
    target = _target(str(file), targets, base, beside)
    if isinstance(target, RowProblem):
        plan.problems.append(RowProblem(SHEET, row.number, row.letters["file"], target.header, target.message))
        return None
    found = commitments_by_id(target.document).get(str(key), [])
    if len(found) != 1:
        hint = did_you_mean(str(key), commitments_by_id(target.document)) if not found else None
        message = (f"the document has no action or promise with id {key!r}" if not found
                   else f"id {key!r} names {len(found)} actions or promises of the document")
        plan.problems.append(row.problem("id", message + (f"; {hint}" if hint else "")))
        return None
    entry, problems = _entry(row, target.document)
    if problems:
        plan.problems.extend(problems)
        return None
    assert entry is not None
    known = target.entries.setdefault(str(key), progress_of(found[0], {}))
    if entry in known:
        plan.unchanged += 1
        return None
    clash = next((e for e in known if e.date == entry.date and e.reported_by == entry.reported_by), None)
    if clash is not None:
        plan.problems.append(row.problem("date", f"{entry.date.isoformat()} is already reported with other "
                                         f"values; change that entry in {target.log} instead"))
        return None
    known.append(entry)
    return Addition(target.log, str(key), entry, row.number)


def _target(file: str, targets: dict[str, _Target | RowProblem], base: Path, beside: Path) -> _Target | RowProblem:
    if file not in targets:
        targets[file] = _find_target(file, base, beside)
    return targets[file]


def _find_target(file: str, base: Path, beside: Path) -> _Target | RowProblem:
    header = next(column.header for column in COLUMNS if column.key == "file")
    path = next((candidate for candidate in (base / file, beside / file) if candidate.is_file()), None)
    if path is None:
        return RowProblem(SHEET, 0, "", header, f"document {file!r} does not exist (from {base})")
    checked = check_file(path)
    if checked.document is None or any(d.severity.value == "error" for d in checked.diagnostics):
        return RowProblem(SHEET, 0, "", header, f"document {file!r} is not valid; run `agreement validate {path}`")
    document = checked.document
    logs = logs_of(path)
    entries: dict[str, list[ProgressEntry]] = {}
    for context_list in commitments_by_id(document).values():
        for context in context_list:
            merged = progress_of(context, {})
            for _, log in logs:
                merged.extend(log.progress.get(context.item.id or "", []))
            entries[context.item.id or ""] = merged
    log_path = logs[-1][0] if logs else path.parent / f"uppfoljning-{document.id}.yaml"
    text = log_path.read_text(encoding="utf-8") if log_path.is_file() else None
    return _Target(document, path, log_path, text, entries)


def logs_of(document_path: Path) -> list[tuple[Path, FollowUpLog]]:
    """The valid follow-up files beside a document that name it, in name order."""
    found = []
    real = os.path.realpath(document_path)
    for path in follow_up_files_in(document_path.parent):
        checked = check_file(path)
        if checked.follow_up is not None and os.path.realpath(document_of(path, checked.follow_up)) == real:
            found.append((path, checked.follow_up))
    return found


def _entry(row: Row, document: Document) -> tuple[ProgressEntry | None, list[RowProblem]]:
    """The progress entry of a row, or the problems of each of its cells."""
    problems: list[RowProblem] = []
    values: dict[str, Any] = {}
    for key, parse in (("date", _date), ("status", _status), ("rating", _rating)):
        try:
            values[key] = parse(row.values.get(key))
        except CellError as error:
            problems.append(row.problem(key, str(error)))
    for key in ("note", "reported_by"):
        text = _blank(row.values.get(key))
        values[key] = "\n".join(line.rstrip() for line in str(text).strip().splitlines()) if text is not None else None
    if not problems:
        problems.extend(_date_problems(row, values["date"], document))
    if not problems and not any(values[key] for key in ("status", "rating", "note")):
        problems.append(row.problem("rating", "give a status, a rating (grön, gul, röd) or a note"))
    if problems:
        return None, problems
    try:
        return ProgressEntry.model_validate({k: v for k, v in values.items() if v is not None}), []
    except ValidationError as error:
        return None, [row.problem(str(item["loc"][0]) if item["loc"] else "note", item["msg"])
                      for item in error.errors(include_url=False, include_input=False)]


def _date_problems(row: Row, date: dt.date, document: Document) -> list[RowProblem]:
    period = getattr(document, "period", None)
    if period is not None and not period.start <= date <= period.end:
        return [row.problem("date", f"{date.isoformat()} is outside the document's period "
                            f"{period.start.isoformat()} – {period.end.isoformat()}")]
    occasion = _as_date(row.values.get("occasion"))
    if occasion is not None and date < occasion:
        return [row.problem("date", f"{date.isoformat()} is before the follow-up it reports on "
                            f"({occasion.isoformat()}): a report counts for the follow-ups on or before its date; "
                            f"write {occasion.isoformat()} or later")]
    return []


def _date(value: Any) -> dt.date:
    if _blank(value) is None:
        raise CellError("write the date of the report, YYYY-MM-DD")
    found = _as_date(value)
    if found is None:
        raise CellError(f"{value!r} is not a date: write YYYY-MM-DD, for example 2014-09-05")
    return found


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        return None


def _status(value: Any) -> str | None:
    return parse_word(value, STATUS_WORDS, "status")


def _rating(value: Any) -> str | None:
    return parse_word(value, RATING_WORDS, "rating")


def _blank(value: Any) -> Any:
    """None for an empty cell or one holding only spaces; else the value."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return value


# -- writing the follow-up file ----------------------------------------------------------------------


def appended(target: _Target, additions: list[Addition]) -> str:
    """The follow-up file's text with `additions` appended under their ids, comments and layout kept."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import LiteralScalarString

    text = target.text if target.text is not None else new_log_text(target)
    yaml, data = _round_trip(text)
    progress = data.get("progress")
    if progress is None:
        progress = data["progress"] = CommentedMap()
    if not progress:
        progress.fa.set_block_style()
    for addition in additions:
        entries = progress.get(addition.commitment_id)
        if entries is None:
            entries = progress[addition.commitment_id] = CommentedSeq()
        entry = CommentedMap()
        for key, value in addition.entry.model_dump(exclude_none=True).items():
            entry[key] = LiteralScalarString(value) if isinstance(value, str) and "\n" in value else value
        entries.append(entry)
    out = io.StringIO()
    yaml.dump(data, out)
    after = out.getvalue()
    _still_valid(after, target.log)
    return after


def new_log_text(target: _Target) -> str:
    document = Path(os.path.relpath(target.path, target.log.parent)).as_posix()
    return (f"# Uppföljning av {target.document.title}\n"
            "# Lägesrapporter per åtgärd (id), tillagda av `agreement followups import`.\n"
            f"kind: follow-up\nschema: 1\ndocument: {_plain(document)}\n")


def _plain(value: str) -> str:
    """A path as a YAML scalar: as is when safe, else double-quoted."""
    import json

    safe = value and all(ch.isalnum() or ch in "._-/" for ch in value) and not value[0] in "-."
    return value if safe else json.dumps(value, ensure_ascii=False)


def _round_trip(text: str) -> tuple[Any, Any]:
    """ruamel.yaml in round-trip mode, set to the file's own indentation and never re-wrapping lines."""
    from ruamel.yaml import YAML
    from ruamel.yaml.util import load_yaml_guess_indent

    _, indent, dash = load_yaml_guess_indent(text)
    if indent is None or dash is None or indent <= dash:  # no block sequence yet: the examples' style
        indent, dash = 4, 2
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 1 << 16
    yaml.indent(mapping=indent - dash, sequence=indent, offset=dash)
    return yaml, yaml.load(text)


def _still_valid(text: str, path: Path) -> None:
    """Refuse to write a follow-up file that would not validate (a bug here, never the user's)."""
    try:
        checked = check_loaded(load_bytes(text.encode("utf-8"), str(path)))
    except LoadError as error:
        raise RuntimeError(f"the import would write an unreadable {path}: {error}") from None
    errors = [d for d in checked.diagnostics if d.severity.value == "error"]
    if checked.follow_up is None or errors:
        raise RuntimeError(f"the import would write an invalid {path}: "
                           + "; ".join(f"{d.code} {d.message}" for d in checked.diagnostics))


def entries_by_row(plan: ImportPlan) -> Iterator[str]:
    """One line per added entry, for the command's report."""
    for addition in plan.additions:
        entry = addition.entry
        yield f"{addition.log}: {addition.commitment_id} {entry.date.isoformat()} (row {addition.row})"
