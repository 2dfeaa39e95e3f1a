"""The lint engine: validate, run the rules, apply suppressions, and say whether the run fails.

Per file (in worker processes when there are many): validation first, and a file
that does not validate is not linted further; then every enabled document rule.
The engine, not the rule, stamps code, severity and rule name on each finding and
turns its data path into a position. Workers return diagnostics, suppression
comments and a small summary, never the model, so little crosses process
boundaries. In the parent: the cross-file rules on the summaries, then the
suppressions of each file over all its findings.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Mapping, Sequence

from ..diagnostics import Diagnostic, Severity, sort_diagnostics
from ..discovery import Found, find_documents, is_document
from ..validation import check_file, check_files
from . import registry
from .config import Choices, Settings, find_config, forget, load_config, settings_for
from .placing import Placer
from .project import Project, Summary, summarise
from .rule import Context, Located
from .suppressions import MARKER, Suppression, apply, scan

UNREADABLE = "Y101"
"""An input/output error rather than a finding: the run exits with status 2."""


@dataclass
class FileResult:
    """What linting one file gives the parent process."""

    file: str
    validation: list[Diagnostic] = field(default_factory=list)
    findings: list[Located] = field(default_factory=list)
    suppressions: list[Suppression] = field(default_factory=list)
    summary: Summary | None = None


@dataclass
class Report:
    """The outcome of a lint run: every diagnostic, in file and position order."""

    files: list[str]
    diagnostics: list[Diagnostic]
    failed: bool
    unreadable: bool = False
    fail_on: dict[str, Severity] = field(default_factory=dict)
    """Per file, the mildest severity that fails the run there (its configuration, or --strict)."""
    skipped: int = 0
    """YAML files passed over: under folders not documents (see `discovery.is_document`), or named but not documents (--only-documents)."""

    @property
    def exit_code(self) -> int:
        """0 clean, 1 findings that fail the run, 2 when a file could not be read."""
        return 2 if self.unreadable else 1 if self.failed else 0


def lint_file(path: str | Path, settings: Settings, today: dt.date, given: bytes | None = None) -> FileResult:
    """Validate one file (or `given`, its bytes from standard input) and, when it is valid, run
    the enabled document rules on it."""
    checked = check_file(path, given)
    if checked.document is None or checked.loaded is None or checked.diagnostics:
        return FileResult(checked.file, validation=checked.diagnostics)
    loaded = checked.loaded
    suppressions = scan(loaded.text) if MARKER in loaded.text else []
    context = Context(checked.document, loaded, today)
    findings = run_rules(context, settings, Placer(loaded, suppressible=bool(suppressions)))
    return FileResult(checked.file, findings=findings, suppressions=suppressions,
                      summary=summarise(checked.document, loaded))


def run_rules(context: Context, settings: Settings, place: Placer) -> list[Located]:
    """Every finding of the enabled document rules, stamped with code, severity and rule name."""
    file = context.loaded.file
    findings = []
    for code, setting in settings.rules.items():
        rule = registry.RULES[code]
        check = getattr(rule, "check", None)
        if check is None:
            continue
        for finding in check(context, setting.options):
            anchor = place(finding.path, key=finding.on_key, text=finding.text)
            diagnostic = Diagnostic(code, finding.message, file, anchor.span, setting.severity, finding.path,
                                    finding.hint, rule.NAME)
            findings.append(Located(diagnostic, anchor.lines))
    return findings


@dataclass(frozen=True)
class _Job:
    """`lint_file` with each file's settings, picklable for worker processes."""

    settings: dict[str, Settings]
    today: dt.date
    given: Mapping[str, bytes]

    def __call__(self, path: Path) -> FileResult:
        return lint_file(path, self.settings[str(path)], self.today, self.given.get(str(path)))


def lint_paths(paths: Sequence[str | Path], *, today: dt.date | None = None, choices: Choices = Choices(),
               config: Path | None = None, jobs: int | None = None, only_documents: bool = False,
               given: Mapping[str, bytes] | None = None) -> Report:
    """Lint files and folders (folders are searched for documents, as `validate` does).

    With `only_documents`, files named directly are skipped unless they are documents
    (or look like one: see `agreement.discovery.is_document`), as a pre-commit hook
    passes every changed YAML file. `given` maps names to bytes read elsewhere
    (standard input): those are linted as files of that name, found nowhere on disk;
    their configuration and the files they name are looked up beside that name.

    Raises `agreement.discovery.UsageError` for a path that does not exist and
    `agreement.lint.config.ConfigError` for a configuration that cannot be used.
    """
    today = today or dt.date.today()
    forget()
    found = Found([Path(name) for name in given]) if given else find_documents(paths)
    files, skipped = found.files, len(found.skipped)
    if only_documents and not given:
        files = [path for path in files if is_document(path)]
        skipped += len(found.files) - len(files)
    explicit = load_config(config) if config is not None else None
    settings = {str(path): settings_for(path, explicit or find_config(path.parent), choices) for path in files}
    results = check_files(files, check=_Job(settings, today, given or {}), jobs=jobs)
    return replace(assemble(results, settings, today), skipped=skipped)


def assemble(results: list[FileResult], settings: dict[str, Settings], today: dt.date) -> Report:
    """Cross-file rules, suppressions and the verdict, from the per-file results."""
    by_file = {result.file: result for result in results}
    for located in project_findings([r.summary for r in results if r.summary], settings):
        by_file[located.diagnostic.file].findings.append(located)
    diagnostics: list[Diagnostic] = []
    for result in results:
        diagnostics.extend(result.validation)
        file_settings = settings[result.file]
        kept, notes = apply(result.findings, result.suppressions, today, file_settings.enabled)
        diagnostics.extend(located.diagnostic for located in kept)
        for note in notes:
            setting = file_settings.rules.get(note.code)
            if setting is not None:
                diagnostics.append(Diagnostic(note.code, note.message, result.file, note.anchor.span,
                                              setting.severity, (), note.hint, registry.RULES[note.code].NAME))
    failed = any(settings[d.file].fails(d.severity) for d in diagnostics)
    unreadable = any(d.code == UNREADABLE for d in diagnostics)
    fail_on = {result.file: settings[result.file].fail_on for result in results}
    return Report([r.file for r in results], sort_diagnostics(diagnostics), failed, unreadable, fail_on)


def project_findings(summaries: list[Summary], settings: dict[str, Settings]) -> list[Located]:
    """The findings of the cross-file rules, kept where the file they land in enables them."""
    project = Project(summaries)
    found = []
    for rule in registry.PROJECT_RULES:
        configured = [s.rules[rule.CODE] for s in settings.values() if rule.CODE in s.enabled and rule.CODE in s.rules]
        if not configured:
            continue
        for finding in rule.check_project(project, configured[0].options):
            setting = settings[finding.file].rules.get(rule.CODE)
            if setting is None:
                continue
            diagnostic = Diagnostic(rule.CODE, finding.message, finding.file, finding.anchor.span,
                                    setting.severity, (), finding.hint, rule.NAME)
            found.append(Located(diagnostic, finding.anchor.lines))
    return found

