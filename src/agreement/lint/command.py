"""What `agreement lint` does between parsing its arguments and printing: the library side of
the command, so that the CLI stays thin and this stays testable without a terminal."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Sequence

from .. import project_urls, version
from ..codes import CODES
from ..loading import source_lines
from ..discovery import UsageError, skipped_note
from . import registry
from .config import Choices, ConfigError
from .engine import Report, lint_paths
from .formatters import NAMES, Output, counts, render, rule_infos


class LintUsageError(Exception):
    """A mistake in how `agreement lint` was called or configured: exit status 2."""


@dataclass(frozen=True)
class Outcome:
    """The rendered report, a one-line summary, and the exit status."""

    text: str
    format: str
    summary: str
    exit_code: int
    report: Report


def parse_today(text: str | None) -> dt.date:
    """`--today`: an ISO date, or the real date when not given."""
    if text is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise LintUsageError(f"--today {text!r} is not a date written YYYY-MM-DD") from None


def split_codes(values: Sequence[str] | None, option: str) -> tuple[str, ...] | None:
    """`--select L1,L201 --select vague-goal` as a checked tuple of codes, names and prefixes."""
    if values is None:
        return None
    codes = tuple(code.strip() for value in values for code in value.split(",") if code.strip())
    for code in codes:
        if code.upper() in CODES:
            raise LintUsageError(f"{option} {code}: validation codes cannot be selected or ignored; "
                                 "a file that does not validate is never linted")
        try:
            registry.select([code])
        except registry.UnknownRule as error:
            raise LintUsageError(f"{option}: {error}") from None
    return codes


def resolve_format(name: str, environ: Mapping[str, str]) -> str:
    """The format to write; `auto` is GitHub annotations under GitHub Actions, else text."""
    if name not in NAMES:
        raise LintUsageError(f"unknown format {name!r}: use {', '.join(NAMES)}")
    if name == "auto":
        return "github" if environ.get("GITHUB_ACTIONS") == "true" else "text"
    return name


def run(paths: Sequence[str | Path], *, output_format: str = "auto", today: str | None = None,
        select: Sequence[str] | None = None, ignore: Sequence[str] | None = None, strict: bool = False,
        config: Path | None = None, jobs: int | None = None, color: bool = False,
        environ: Mapping[str, str] | None = None, only_documents: bool = False,
        given: Mapping[str, bytes] | None = None) -> Outcome:
    """Lint `paths` (or `given`, documents read from standard input by name) and render the
    report; raises LintUsageError for usage and configuration errors."""
    name = resolve_format(output_format, os.environ if environ is None else environ)
    choices = Choices(split_codes(select, "--select"), split_codes(ignore, "--ignore") or (), strict)
    try:
        report = lint_paths(paths, today=parse_today(today), choices=choices, config=config, jobs=jobs,
                            only_documents=only_documents, given=given)
    except UsageError as error:
        raise LintUsageError(str(error)) from None
    except ConfigError as error:
        raise LintUsageError(_config_problems(error.problems)) from None
    if not report.files and not only_documents:
        raise LintUsageError("no documents found (YAML files with a `kind:` key)")
    sources = _sources(report, given or {}) if name == "text" else {}
    urls = project_urls()
    output = Output(report.diagnostics, report.files, rule_infos(), base=os.getcwd(), sources=sources,
                    color=color and name == "text", version=version(), fail_on=report.fail_on,
                    docs_url=urls.get("Documentation"), home_url=urls.get("Repository"))
    return Outcome(render(name, output), name, _summary(report), report.exit_code, report)


def _config_problems(problems: list[str]) -> str:
    """One line for one problem, else a line each under a heading."""
    if len(problems) == 1:
        return f"invalid lint configuration: {problems[0]}"
    return "invalid lint configuration:\n" + "\n".join(f"  {problem}" for problem in problems)


def _sources(report: Report, given: Mapping[str, bytes]) -> dict[str, list[str]]:
    """Source lines of the files with findings, for code frames."""
    return {file: source_lines(file, given.get(file)) for file in {d.file for d in report.diagnostics}}


def _summary(report: Report) -> str:
    found = counts(report.diagnostics)
    files = len(report.files)
    listed = ", ".join(f"{number} {severity.value}{'s' if number != 1 and severity.value != 'info' else ''}"
                       for severity, number in found.items())
    skipped = f"; {skipped_note(report.skipped)}" if report.skipped else ""
    return f"{files} file{'s' if files != 1 else ''} linted: {listed}{skipped}"
