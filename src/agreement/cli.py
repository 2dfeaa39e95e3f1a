"""The `agreement` command line: thin Typer commands that call library functions.

Imports of the library happen inside the commands, so `agreement --help` and a
command that needs little do not pay for pydantic, jinja or pandoc.
"""

from __future__ import annotations

import errno
import os
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, List, Optional

import typer

if TYPE_CHECKING:
    from .diagnostics import Diagnostic

app = typer.Typer(
    name="agreement",
    help=(
        "Validate, lint and build collaboration agreements (samverkansöverenskommelser) and "
        "action plans (handlingsplaner) written in YAML.\n\n"
        "Example: agreement validate examples"
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _version(value: bool) -> None:
    if value:
        from . import version

        typer.echo(f"agreement {version()}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
) -> None:
    """Validate, lint and build agreements and action plans written in YAML."""


def fail_usage(message: str) -> "typer.Exit":
    """Print a usage error and return the exit to raise (status 2)."""
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(EXIT_USAGE)


def print_diagnostics(diagnostics: Iterable["Diagnostic"], given: dict[str, bytes] | None = None) -> None:
    """Print diagnostics as `file:line:col: CODE message` with code frames, file by file (the
    frames of a document read from standard input come from what was read)."""
    from .diagnostics import format_text
    from .loading import source_lines

    lines_of: dict[str, list[str]] = {}
    for diagnostic in diagnostics:
        if diagnostic.file not in lines_of and diagnostic.span is not None:
            lines_of[diagnostic.file] = source_lines(diagnostic.file, (given or {}).get(diagnostic.file))
        typer.echo(format_text(diagnostic, lines_of.get(diagnostic.file)))


STDIN_NAME = "<stdin>"
"""The name of a document read from standard input, in messages, when --stdin-filename gives none."""
STDIN_HELP = ("The path to show for the document read from standard input (`-`), and where its configuration "
              "and the files it names are looked for.")


def standard_input(paths: List[Path], stdin_filename: Optional[Path]) -> dict[str, bytes] | None:
    """With `-` as the only path: the document on standard input, by the name it is known by
    (as an editor lints an unsaved buffer); None when no path is `-`. No more is read than a
    file may hold, so that an endless stream ends in the size limit's diagnostic."""
    if not any(str(path) == "-" for path in paths):
        if stdin_filename is not None:
            raise fail_usage("--stdin-filename goes with `-`, which reads the document from standard input")
        return None
    if len(paths) > 1:
        raise fail_usage("`-` reads one document from standard input; name no other files or folders with it")
    from .loading import MAX_BYTES

    if sys.stdin is None:
        raise fail_usage("standard input is closed; give the document on it, or name its file")
    try:
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
    except OSError as error:
        raise fail_usage(f"cannot read standard input: {error.strerror or error}") from None
    return {str(stdin_filename) if stdin_filename else STDIN_NAME: data}


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


@app.command(epilog="Examples:\n\n  agreement validate examples\n\n  agreement validate plans/eslov.yaml plans/ljusdal.yaml"
                    "\n\n  cat plan.yaml | agreement validate - --stdin-filename plans/plan.yaml")
def validate(
    paths: List[Path] = typer.Argument(..., help="Files and folders; folders are searched for *.yaml/*.yml documents; "
                                                 "`-` reads one document from standard input."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes (default: every core)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only problems, no summary."),
    stdin_filename: Optional[Path] = typer.Option(None, "--stdin-filename", help=STDIN_HELP),
) -> None:
    """Check that documents are valid YAML, match the schema and have resolvable references.

    Every problem of every file is printed as `file:line:col: CODE message` with the
    offending line. Exit status: 0 when every file is valid, 1 when any has an
    error, 2 for usage or input/output errors.
    """
    from .diagnostics import has_errors, sort_diagnostics
    from .discovery import Found, UsageError, find_documents, skipped_note
    from .validation import check_file, check_files

    given = standard_input(paths, stdin_filename)
    try:
        found = Found([Path(name) for name in given]) if given else find_documents(paths)
    except UsageError as error:
        raise fail_usage(str(error)) from None
    files = found.files
    if not files:
        raise fail_usage("no documents found (YAML files with a `kind:` key)")
    if given:
        results = [check_file(name, data).diagnostics for name, data in given.items()]
    else:
        results = check_files(files, jobs=jobs)
    diagnostics = sort_diagnostics(d for in_file in results for d in in_file)
    print_diagnostics(diagnostics, given)
    failed = {d.file for d in diagnostics if d.severity.value == "error"}
    if not quiet:
        if failed:
            summary = f"{_plural(len(failed), 'file')} of {len(files)} invalid: {_plural(len(diagnostics), 'problem')}"
        else:
            summary = f"{_plural(len(files), 'file')} valid"
        typer.echo(summary + (f"; {skipped_note(len(found.skipped))}" if found.skipped else ""), err=True)
    if any(d.code == "Y101" for d in diagnostics):
        raise typer.Exit(EXIT_USAGE)
    raise typer.Exit(EXIT_FINDINGS if has_errors(diagnostics) else EXIT_CLEAN)


@app.command(epilog="Examples:\n\n  agreement schema\n\n  agreement schema --check")
def schema(
    check: bool = typer.Option(False, "--check", help="Do not write; exit 1 if schemas/ is out of date."),
    out: Optional[Path] = typer.Option(None, "--out", help="Folder to write to (default: the project's schemas/)."),
) -> None:
    """Write the JSON Schemas of both document kinds, for editors with the YAML language server."""
    from .schemas import schema_dir, stale_schemas, write_schemas

    folder = out or schema_dir()
    if check:
        stale = stale_schemas(folder)
        for name in stale:
            typer.echo(f"{folder / name}: out of date; run `agreement schema` to regenerate it")
        if not stale:
            typer.echo(f"{folder}: schemas are up to date", err=True)
        raise typer.Exit(EXIT_FINDINGS if stale else EXIT_CLEAN)
    try:
        written = write_schemas(folder)
    except OSError as error:
        raise fail_usage(f"{folder}: {error.strerror or error}") from None
    for path in written:
        typer.echo(f"wrote {path}")


@app.command(epilog="Examples:\n\n  agreement explain S201\n\n  agreement explain unknown-key\n\n  agreement explain --list")
def explain(
    code: Optional[str] = typer.Argument(None, help="A code (S201) or its name (unknown-key)."),
    list_all: bool = typer.Option(False, "--list", help="List every code with its summary."),
    output_format: str = typer.Option("text", "--format", help="text or json."),
) -> None:
    """Print the documentation of a diagnostic code."""
    from .explaining import all_entries, find_entry, render_entry

    if output_format not in ("text", "json"):
        raise fail_usage(f"unknown format {output_format!r}: use text or json")
    if list_all or code is None:
        for entry in all_entries():
            typer.echo(f"{entry.code}  {entry.name:<28} {entry.summary}")
        return
    entry = find_entry(code)
    if entry is None:
        raise fail_usage(f"unknown code {code!r}; `agreement explain --list` lists them")
    typer.echo(render_entry(entry, output_format))


# --- lint command: owned by the lint package (src/agreement/lint/) -------------------


@app.command(epilog=(
    "Examples:\n\n  agreement lint plans\n\n  agreement lint --today 2016-06-30 --select L1,L201 plans/eslov.yaml"
    "\n\n  agreement lint --format sarif --output lint.sarif plans\n\n  agreement lint --strict --format github plans"
    "\n\n  cat plan.yaml | agreement lint - --stdin-filename plans/plan.yaml"
))
def lint(
    paths: List[Path] = typer.Argument(..., help="Files and folders; folders are searched for *.yaml/*.yml documents; "
                                                 "`-` reads one document from standard input."),
    output_format: str = typer.Option("auto", "--format", "-f",
                                      help="text, json, github, sarif, junit, or auto (github under GitHub Actions, else text)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the report to this file instead of standard output."),
    today: Optional[str] = typer.Option(None, "--today", help="The date that decides what is overdue, YYYY-MM-DD (default: today)."),
    select: Optional[List[str]] = typer.Option(None, "--select", help="Run only these rules: codes, names or prefixes, comma-separated (L1,L201)."),
    ignore: Optional[List[str]] = typer.Option(None, "--ignore", help="Do not run these rules (codes, names or prefixes)."),
    strict: bool = typer.Option(False, "--strict", help="Use the strict preset, and fail on warnings too."),
    config: Optional[Path] = typer.Option(None, "--config", help="Configuration file (default: the nearest agreement.toml or pyproject.toml)."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes (default: every core)."),
    only_documents: bool = typer.Option(False, "--only-documents",
                                        help="Skip named files that are not documents (no top-level `kind:`, and not like one), "
                                             "as hooks pass every YAML file."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No summary line on standard error."),
    stdin_filename: Optional[Path] = typer.Option(None, "--stdin-filename", help=STDIN_HELP),
) -> None:
    """Validate documents, then check that every action has a goal, an owner and a follow-up date.

    `agreement explain CODE` documents each rule. Configure them in pyproject.toml
    ([tool.agreement.lint]) or agreement.toml ([lint]); accept a finding in the YAML with
    `# agreement: ignore[CODE] reason="..."`. Exit status: 0 clean, 1 findings at error level (or warnings with --strict), 2 for usage,
    input/output or configuration errors.
    """
    import os

    from .lint.command import LintUsageError, run
    from .writing import write_atomically

    given = standard_input(paths, stdin_filename)
    color = output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    try:
        outcome = run(paths, output_format=output_format, today=today, select=select, ignore=ignore, strict=strict,
                      config=config, jobs=jobs, color=color, only_documents=only_documents, given=given)
    except LintUsageError as error:
        raise fail_usage(str(error)) from None
    if output is None:
        typer.echo(outcome.text, nl=False, color=color)
    else:
        try:
            write_atomically({output: outcome.text.encode("utf-8")})
        except OSError as error:
            raise fail_usage(f"{output}: {error.strerror or error}") from None
    if not quiet and (output is not None or outcome.format != "text"):
        typer.echo(outcome.summary, err=True)
    elif not quiet and outcome.report.skipped:  # the text report counts files, not what it passed over
        from .discovery import skipped_note

        typer.echo(skipped_note(outcome.report.skipped), err=True)
    raise typer.Exit(outcome.exit_code)


# --- build command: owned by the render package (src/agreement/render/) -------------

from typing import Any  # noqa: E402  (kept inside this section)


@app.command(epilog=(
    "Examples:\n\n  agreement build examples\n\n"
    "  agreement build plans/eslov.yaml --to pdf,docx --out public\n\n"
    "  agreement build plans --lang en --templates my-templates --jobs 4"))
def build(
    paths: List[Path] = typer.Argument(..., help="Files and folders; folders are searched for *.yaml/*.yml documents."),
    to: str = typer.Option("html,docx,pdf", "--to", "-t",
                           help="Formats, comma separated: html, docx, pdf (and md, the generated Markdown)."),
    out: Path = typer.Option(Path("build"), "--out", "-o", help="Folder for the built files, named <id>.<format>."),
    lang: Optional[str] = typer.Option(None, "--lang",
                                       help="Language of labels and dates: sv or en (default: the document's)."),
    templates: Optional[Path] = typer.Option(None, "--templates",
                                             help="Folder whose files replace the bundled templates of the same name."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Documents built at once (default: every core)."),
    force: bool = typer.Option(False, "--force", "-f", help="Build even the outputs that are up to date."),
) -> None:
    """Build documents into Word, PDF and HTML files ready to publish.

    A file that does not validate is reported as `validate` reports it and not
    built. Outputs whose inputs have not changed are skipped. Exit status: 0 when
    every document is built or up to date, 1 when one is invalid or fails to
    build, 2 for usage errors and broken templates.
    """
    import os

    from .render import Outcome, TemplateError, build as build_documents, parse_formats
    from .render.build import BuildOptions, source_date_epoch_from, step_limits_from
    from .discovery import UsageError

    try:
        options = BuildOptions(parse_formats(to), out, lang, templates, force, source_date_epoch_from(os.environ),
                               step_limits_from(os.environ))
        with _BuildProgress() as progress:
            report = build_documents(paths, options, jobs=jobs, on_result=progress.result, on_start=progress.start)
    except UsageError as error:
        raise fail_usage(str(error)) from None
    except TemplateError as error:
        typer.echo(f"error: template {error}", err=True)
        raise typer.Exit(EXIT_USAGE) from None
    counts = [f"{report.count(o)} {o.value}" for o in Outcome if report.count(o)]
    if report.skipped:
        from .discovery import skipped_note

        counts.append(skipped_note(report.skipped))
    typer.echo(", ".join(counts), err=True)
    raise typer.Exit(report.exit_code)


class _BuildProgress:
    """Per-file results as they come, under a progress bar on stderr when it is a terminal and there are many files."""

    def __init__(self) -> None:
        self.bar: Any = None
        self.task: Any = None

    def __enter__(self) -> "_BuildProgress":
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()

    def start(self, total: int) -> None:
        if total > 1 and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self.bar = Progress(TextColumn("building"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                                console=Console(stderr=True), transient=True)
            self.bar.start()
            self.task = self.bar.add_task("build", total=total)

    def say(self, line: str, err: bool = False) -> None:
        """A line above the bar when there is one, else on stdout (or stderr)."""
        if self.bar is not None:
            self.bar.console.print(line, markup=False, highlight=False, soft_wrap=True)
        else:
            typer.echo(line, err=err)

    def result(self, result: Any) -> None:
        from .diagnostics import format_text
        from .loading import source_lines

        outputs = f" -> {', '.join(result.outputs)}" if result.outputs else ""
        self.say(f"{result.outcome.value}: {result.source}{outputs}")
        lines = source_lines(result.source) if result.diagnostics else []  # every diagnostic is about the source
        for diagnostic in result.diagnostics:
            self.say(format_text(diagnostic, lines))
        if result.error:
            self.say(f"{result.source}: error: {result.error}", err=True)
        if self.bar is not None:
            self.bar.advance(self.task)


# --- the entry point: signals and standard streams ----------------------------------


class Interrupted(BaseException):
    """SIGINT or SIGTERM arrived: the run stops where it is.

    A BaseException, as KeyboardInterrupt is, so that no `except Exception` on the
    way up swallows it; every `finally` and context manager on the way cleans up
    (worker processes are killed, temporary files removed)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        """128 + the signal's number, as a shell reports it: 130 for SIGINT, 143 for SIGTERM."""
        return 128 + self.signum


def _stop_on_signals() -> None:
    """SIGINT (Ctrl-C) and SIGTERM (a cancelled CI job) both raise Interrupted in the main thread."""
    def interrupt(signum: int, frame: object) -> None:
        for stopping in (signal.SIGINT, signal.SIGTERM):  # a second signal must not cut the clean-up short
            signal.signal(stopping, signal.SIG_IGN)
        raise Interrupted(signum)

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, interrupt)


class OutputError(Exception):
    """Standard output or error cannot be written: the reader went away (EPIPE), the disk is
    full (ENOSPC), or it is not open for writing (EBADF). Not an OSError, so that neither
    the commands nor Typer mistake it for a problem with a file."""

    REASONS = {errno.EPIPE: "whatever was reading it stopped", errno.ENOSPC: "no space is left on the device",
               errno.EBADF: "it is not open for writing"}

    def __init__(self, stream: str, error: OSError) -> None:
        super().__init__(stream)
        self.stream, self.error = stream, error

    def __str__(self) -> str:
        reason = self.REASONS.get(self.error.errno or 0, self.error.strerror or str(self.error))
        return f"cannot write to standard {self.stream}: {reason}"


class _Guarded:
    """A standard stream whose write errors are raised as OutputError."""

    def __init__(self, stream: Any, name: str) -> None:
        self._stream, self._name = stream, name

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)  # type: ignore[no-any-return]
        except OSError as error:
            raise OutputError(self._name, error) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as error:
            raise OutputError(self._name, error) from None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _say_on_stderr(line: str) -> None:
    """A last line to standard error, if it can still be written."""
    try:
        sys.__stderr__.write(line + "\n")  # type: ignore[union-attr]
        sys.__stderr__.flush()  # type: ignore[union-attr]
    except (OSError, AttributeError):
        pass


def _discard(stream: str) -> None:
    """Point a failed standard stream at /dev/null, so that the interpreter's last flush of
    what is still buffered does not fail again (with a message of its own) on the way out."""
    descriptor = os.open(os.devnull, os.O_WRONLY)
    os.dup2(descriptor, 1 if stream == "output" else 2)
    os.close(descriptor)


def run() -> None:
    """Entry point of the console script: a traceback is a bug, and says so."""
    _stop_on_signals()
    if sys.stdout is None or sys.stderr is None:  # started with the descriptor closed (`>&-`)
        _say_on_stderr(f"error: standard {'output' if sys.stdout is None else 'error'} is closed; "
                       "redirect it to a file or /dev/null instead")
        sys.exit(EXIT_USAGE)
    sys.stdout, sys.stderr = _Guarded(sys.stdout, "output"), _Guarded(sys.stderr, "error")  # type: ignore[assignment]
    try:
        try:
            app()
        finally:
            sys.stdout.flush()  # what is still buffered is written here, where a failure can be reported
            sys.stderr.flush()
    except OutputError as error:
        _discard(error.stream)
        _say_on_stderr(f"error: {error}")
        sys.exit(EXIT_USAGE)
    except Interrupted as interruption:
        _say_on_stderr("interrupted" if interruption.signum == signal.SIGINT else "terminated")
        sys.exit(interruption.exit_code)
    except Exception as error:  # pragma: no cover - reached only through a bug
        import traceback

        traceback.print_exc()
        typer.echo(f"\ninternal error: {error!r}\nThis is a bug in agreement; please report it with the "
                   "command you ran and the file.", err=True)
        sys.exit(3)
