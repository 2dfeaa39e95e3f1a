"""Load, validate and check documents, turning every problem into a positioned Diagnostic.

The steps: read and parse (loading), check `kind` and `schema` (each stopping the
file at its failure), validate against the Pydantic model, then check references
and dates. A file with schema errors still has its references and dates checked,
on the part of it that validates (`agreement.pruning`), so one run reports every
problem. Pydantic errors are mapped by their `type` (never by their English
message) to stable codes, and their `loc` to a line and column through the
position map; "did you mean" knows the Swedish terms of keys and values
(`agreement.terms`) and wrong dates say which part is wrong (`agreement.dates`).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

from pydantic import ValidationError

from .diagnostics import Diagnostic, Span, YamlPath, dotted
from .discovery import UsageError, misspelt_kind  # noqa: F401  (UsageError: re-exported, callers catch it)
from .loading import Loaded, LoadError, load_bytes, load_file
from .model import FILE_KINDS, Document, FollowUpLog
from .model.base import Model
from .model.limits import DOCUMENT_CHARACTERS
from .model.resolve import Problem, check_dates, check_references

MAX_PROBLEMS = 100
"""Problems shown per file; past that they are counted (S208): a file with more is rarely a document."""
PARALLEL_THRESHOLD = 16
"""Fewer files than this are checked in-process: starting workers costs more than it saves."""


@dataclass
class Checked:
    """The outcome of checking one file."""

    file: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    document: Document | None = None
    loaded: Loaded | None = None
    follow_up: FollowUpLog | None = None
    """The follow-up file, when the file is one (`kind: follow-up`) rather than a document."""


# -- one file ---------------------------------------------------------------------


def check_file(path: str | Path, given: bytes | None = None) -> Checked:
    """Load and validate one file, or `given`, its bytes read elsewhere (standard input) under
    its name; never raises for a problem in the file."""
    file = str(path)
    try:
        loaded = load_file(path) if given is None else load_bytes(given, file)
    except LoadError as error:
        return Checked(file, [error.diagnostic])
    return check_loaded(loaded)


def check_loaded(loaded: Loaded) -> Checked:
    """Validate already-parsed data against its kind's model, then its references and dates."""
    result = Checked(loaded.file, loaded=loaded)
    if loaded.characters > DOCUMENT_CHARACTERS:
        result.diagnostics.append(Diagnostic(
            "S209", f"the document has {loaded.characters:,} characters of text; at most {DOCUMENT_CHARACTERS:,}",
            loaded.file, _start(loaded.span(())), hint="split it into documents: an agreement and its action plans"))
        return result
    model = _model_for(loaded, result.diagnostics)
    if model is None:
        return result
    try:
        validated = model.model_validate(loaded.data)
    except ValidationError as error:
        errors = error.errors(include_url=False, include_input=False)
        result.diagnostics.extend(_from_pydantic(errors, loaded, model))
        problems = _problems_of_the_rest(loaded, model, errors)
        result.diagnostics.extend(diagnostic_at(loaded, problem) for problem in problems[:MAX_PROBLEMS - len(errors)])
        result.diagnostics.extend(_not_shown(loaded, len(errors) + len(problems)))
        return result
    if isinstance(validated, FollowUpLog):
        return _checked_log(result, validated, loaded)
    document: Document = validated  # type: ignore[assignment]
    problems = consistency_problems(document)
    result.diagnostics.extend(diagnostic_at(loaded, problem) for problem in problems[:MAX_PROBLEMS])
    result.diagnostics.extend(_not_shown(loaded, len(problems)))
    result.document = document
    return result


def consistency_problems(document: Document) -> list[Problem]:
    """Dates, then references; not references against a period that ends before it starts."""
    problems = check_dates(document)
    if not any(problem.code == "R303" for problem in problems):
        problems = check_references(document) + problems
    return problems


def _problems_of_the_rest(loaded: Loaded, model: type[Model], errors: list[dict[str, Any]]) -> list[Problem]:
    """The consistency problems of the part of a file with schema errors that validates, placed
    in the file (see `agreement.pruning`); none when the schema errors alone fill what is shown."""
    if len(errors) >= MAX_PROBLEMS:
        return []
    from .pruning import salvage  # only for a file with schema errors

    salvaged = salvage(loaded.data, model, errors)
    if salvaged is None:
        return []
    if isinstance(salvaged.document, FollowUpLog):
        from .followups.logs import check_log

        return salvaged.placed(check_log(salvaged.document, loaded.file))
    return salvaged.placed(consistency_problems(salvaged.document))  # type: ignore[arg-type]


def _checked_log(result: Checked, log: FollowUpLog, loaded: Loaded) -> Checked:
    """A follow-up file after its schema: its document, ids and dates checked against that document."""
    from .followups.logs import check_log

    problems = check_log(log, loaded.file)
    result.diagnostics.extend(diagnostic_at(loaded, problem) for problem in problems[:MAX_PROBLEMS])
    result.diagnostics.extend(_not_shown(loaded, len(problems)))
    result.follow_up = log
    return result


def _start(span: Span | None) -> Span | None:
    """Where a span starts, for a diagnostic about all of it (a whole document)."""
    return Span(span.line, span.column) if span else None


def _not_shown(loaded: Loaded, found: int) -> list[Diagnostic]:
    """S208 for the problems past MAX_PROBLEMS, or nothing when all are shown."""
    if found <= MAX_PROBLEMS:
        return []
    return [Diagnostic("S208", f"{found - MAX_PROBLEMS:,} more problems in this file are not shown "
                       f"(the first {MAX_PROBLEMS} are)", loaded.file,
                       hint="fix the first problems and validate again; they often cause the rest")]


def diagnostic_at(loaded: Loaded, problem: Problem) -> Diagnostic:
    """A Problem found on the model, placed in the file."""
    return Diagnostic(code=problem.code, message=problem.message, file=loaded.file,
                      span=loaded.span(problem.path, key=problem.on_key), path=problem.path, hint=problem.hint)


_KIND_HINT = "use one of: " + ", ".join(f"`kind: {kind}`" for kind in FILE_KINDS)


def _missing_kind(loaded: Loaded, data: dict[str, Any]) -> Diagnostic:
    """S206 for a document without `kind`: at a key that is `kind` misspelt (`Kind`, `knd`), if any."""
    misspelt = next((key for key in data if misspelt_kind(key)), None)
    if misspelt is None:
        return Diagnostic("S206", "missing `kind`: say what this document is", loaded.file, loaded.span(()),
                          path=("kind",), hint=_KIND_HINT)
    return Diagnostic("S206", f"missing `kind`: found {misspelt!r} instead", loaded.file,
                      loaded.span((misspelt,), key=True), path=(misspelt,), hint="did you mean 'kind'?")


def _model_for(loaded: Loaded, diagnostics: list[Diagnostic]) -> type[Model] | None:
    data = loaded.data
    here = loaded.span(())
    if not isinstance(data, dict):
        diagnostics.append(Diagnostic("S206", "a document is a mapping starting with `kind:`, "
                                      f"but this file holds {_describe(data)}", loaded.file, here))
        return None
    kind = data.get("kind")
    if "kind" not in data:
        diagnostics.append(_missing_kind(loaded, data))
        return None
    if not isinstance(kind, str) or kind not in FILE_KINDS:  # a list or mapping is not even hashable
        from .terms import kind_hint  # only when a file has an error: start-up stays light

        diagnostics.append(Diagnostic("S206", f"unknown kind {kind!r}", loaded.file, loaded.span(("kind",)),
                                      path=("kind",), hint=kind_hint(str(kind)) or _KIND_HINT))
        return None
    if type(data.get("schema")) is not int or data["schema"] != 1:  # `true` and `1.0` equal 1 in Python
        span = loaded.span(("schema",)) if "schema" in data else here
        found = "missing `schema`" if "schema" not in data else f"unsupported schema version: {_describe(data['schema'])}"
        diagnostics.append(Diagnostic("S207", found, loaded.file, span, path=("schema",),
                                      hint="write `schema: 1`, the version this agreement reads"))
        return None
    return FILE_KINDS[kind]


# -- pydantic errors ----------------------------------------------------------------

_TYPE_WORDS = {
    "string_type": "text", "int_type": "a whole number", "int_parsing": "a whole number",
    "float_type": "a number", "float_parsing": "a number", "bool_type": "true or false",
    "bool_parsing": "true or false", "list_type": "a list", "dict_type": "a mapping",
    "model_type": "a mapping", "model_attributes_type": "a mapping",
}
_DATE_TYPES = {"date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact",
               "datetime_type", "datetime_parsing"}


_KEY = "[key]"
"""The last `loc` part pydantic gives an error in a mapping's key rather than its value."""


def _describe(value: Any) -> str:
    """What a YAML value is, in words, for 'expected X, found Y' messages."""
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    text = str(value)
    return f"the text {text[:40]!r}" + ("…" if len(text) > 40 else "")


def _value_at(data: Any, path: YamlPath) -> Any:
    """The value written at `path`; for a path the model made up (a normalised shorthand
    such as `follow_up: 2015-13-01`), the value written at its deepest existing ancestor,
    and a key it made up under a written list (`dates` of `follow_up: [...]`) is skipped."""
    for index, part in enumerate(path):
        if part == _KEY and index:  # pydantic's marker for a mapping key that failed validation
            return path[index - 1]
        if isinstance(data, list) and isinstance(part, str):
            continue
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return data
    return data


def _from_pydantic(errors: list[dict[str, Any]], loaded: Loaded, model: type[Model]) -> list[Diagnostic]:
    diagnostics = []
    for item in errors[:MAX_PROBLEMS]:
        path: YamlPath = tuple(item["loc"])
        diagnostics.append(_map_error(item, path, loaded, model))
    return list(dict.fromkeys(diagnostics))


_Mapper = Callable[[dict[str, Any], YamlPath, Loaded, type[Model]], tuple[str, str, str | None, bool]]


def _unknown_key(item: dict[str, Any], path: YamlPath, loaded: Loaded, model: type[Model]) -> tuple[str, str, str | None, bool]:
    key = str(path[-1])
    where = f" in {_dotted_parent(path)}" if len(path) > 1 else ""
    from .terms import key_hint  # only when a file has an error: start-up stays light

    return "S201", f"unknown key {key!r}{where}", key_hint(model, path), True


def _missing(item: dict[str, Any], path: YamlPath, loaded: Loaded, model: type[Model]) -> tuple[str, str, str | None, bool]:
    where = f" in {_dotted_parent(path)}" if len(path) > 1 else ""
    return "S202", f"missing required key {path[-1]!r}{where}", None, False


def _wrong_type(item: dict[str, Any], path: YamlPath, loaded: Loaded, model: type[Model]) -> tuple[str, str, str | None, bool]:
    expected = _TYPE_WORDS[item["type"]]
    found = _describe(_value_at(loaded.data, path))
    hint = None
    if item["type"] == "list_type":
        hint = "write a list: one item per line starting with `- `, or [a, b] on one line"
    return "S203", f"expected {expected}, found {found}", hint, False


def _bad_date(item: dict[str, Any], path: YamlPath, loaded: Loaded, model: type[Model]) -> tuple[str, str, str | None, bool]:
    from . import dates  # only when a file has a wrong date

    value = _value_at(loaded.data, path)
    found = _describe(value)
    problem = (dates.explain(value, found) if isinstance(value, str) else None) or dates.generic(found)
    return "S205", problem.message, problem.hint, False


_BOUNDS = {"greater_than_equal": ("the least allowed is", "ge"), "less_than_equal": ("the most allowed is", "le"),
           "greater_than": ("it must be more than", "gt"), "less_than": ("it must be less than", "lt")}
"""Pydantic's range errors, in words, with the bound from the error's context."""


def _bad_value(item: dict[str, Any], path: YamlPath, loaded: Loaded, model: type[Model]) -> tuple[str, str, str | None, bool]:
    value = _value_at(loaded.data, path)
    kind, context = item["type"], item.get("ctx") or {}
    if kind == "literal_error":
        from .terms import value_hint

        allowed = re.findall(r"'([^']*)'", str(context.get("expected", "")))
        return "S204", f"{value!r} is not one of: {', '.join(allowed)}", value_hint(model, path, value, allowed), False
    if kind == "string_pattern_mismatch":
        return ("S204", f"{_describe(value)} is not a valid id or reference",
                "ids use letters, digits, '-', '_' and '.'; references are `party` or `party/unit`", False)
    if kind == "string_too_short":
        return "S204", "the value is empty", "write a value or remove the key", False
    if kind == "too_short":
        return "S204", f"needs at least {context.get('min_length', 1)} item(s)", None, False
    if kind == "value_error":
        return "S204", str(context.get("error", "invalid value")), None, False
    if kind in _BOUNDS:
        word, key = _BOUNDS[kind]
        return "S204", f"{_describe(value)} is out of range: {word} {context.get(key)}", None, False
    return "S204", f"{_describe(value)} is not a valid value here", None, False



def _over_limit(item: dict[str, Any], path: YamlPath, loaded: Loaded, model: type[Model]) -> tuple[str, str, str | None, bool]:
    context = item.get("ctx") or {}
    if item["type"] == "string_too_long":
        length = len(str(_value_at(loaded.data, path)))
        return ("S209", f"the text is {length:,} characters long; at most {context.get('max_length', 0):,} here",
                "shorten it, or split it into sections", False)
    return "S209", str(context.get("message", "the text is over a limit")), context.get("hint"), False


_MAPPERS: dict[str, _Mapper] = {"extra_forbidden": _unknown_key, "missing": _missing,
                                "string_too_long": _over_limit, "text_limit": _over_limit}
_MAPPERS.update({kind: _wrong_type for kind in _TYPE_WORDS})
_MAPPERS.update({kind: _bad_date for kind in _DATE_TYPES})


def _dotted_parent(path: YamlPath) -> str:
    return dotted(path[:-1])


def _map_error(item: dict[str, Any], path: YamlPath, loaded: Loaded, model: type[Model]) -> Diagnostic:
    code, message, hint, on_key = _MAPPERS.get(item["type"], _bad_value)(item, path, loaded, model)
    span: Span | None
    if item["type"] == "missing":
        span = _start(loaded.span(path[:-1]))
    elif path and path[-1] == _KEY:
        span = loaded.span(path[:-1], key=True)
    else:
        span = loaded.span(path, key=on_key)
    line = (item.get("ctx") or {}).get("line")
    if span is not None and line is not None:
        span = _line_of_block(loaded, span, line)
    return Diagnostic(code=code, message=message, file=loaded.file, span=span, path=path, hint=hint)


def _line_of_block(loaded: Loaded, span: Span, line: int) -> Span:
    """Where line `line` of a value starts, when the value is a literal block (`|`), whose lines are
    the file's lines after the indicator; else where the value starts."""
    lines = loaded.lines
    indicator = lines[span.line - 1][span.column - 1:span.column] if span.line <= len(lines) else ""
    number = span.line + 1 + line
    if indicator != "|" or number > len(lines):
        return Span(span.line, span.column)
    text = lines[number - 1]
    return Span(number, len(text) - len(text.lstrip()) + 1)


# -- many files ---------------------------------------------------------------------


def check_files(files: Sequence[Path], check: Callable[[Path], Any] | None = None,
                jobs: int | None = None) -> list[Any]:
    """Run `check` (default: diagnostics of `check_file`) on every file, across cores when many.

    The results keep the order of `files`. Workers return diagnostics, not models, so
    little crosses the process boundary.
    """
    check = check or file_diagnostics
    jobs = jobs or os.cpu_count() or 1
    if jobs == 1 or len(files) < PARALLEL_THRESHOLD:
        return [check(path) for path in files]
    from .parallel import map_in_order  # multiprocessing costs a one-file run ~15 ms to import

    return list(map_in_order(check, files, jobs, chunksize=max(1, len(files) // (jobs * 8))))


def file_diagnostics(path: Path) -> list[Diagnostic]:
    """The diagnostics of one file (picklable, for worker processes)."""
    return check_file(path).diagnostics
