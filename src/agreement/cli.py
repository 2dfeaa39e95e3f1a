"""The `agreement` command line: thin Typer commands that call library functions.

Imports of the library happen inside the commands, so `agreement --help` and a
command that needs little do not pay for pydantic, jinja or pandoc.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, List, Optional

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
        from importlib.metadata import version

        typer.echo(f"agreement {version('agreement')}")
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


def source_lines(file: str) -> list[str]:
    """The lines of a file for code frames (decoded leniently: the frame is only a help)."""
    try:
        return Path(file).read_bytes().decode("utf-8-sig", "replace").splitlines()
    except OSError:
        return []


def print_diagnostics(diagnostics: Iterable["Diagnostic"]) -> None:
    """Print diagnostics as `file:line:col: CODE message` with code frames, file by file."""
    from .diagnostics import format_text

    lines_of: dict[str, list[str]] = {}
    for diagnostic in diagnostics:
        if diagnostic.file not in lines_of:
            lines_of[diagnostic.file] = source_lines(diagnostic.file)
        typer.echo(format_text(diagnostic, lines_of[diagnostic.file]))


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


@app.command(epilog="Examples:\n\n  agreement validate examples\n\n  agreement validate plans/eslov.yaml plans/ljusdal.yaml")
def validate(
    paths: List[Path] = typer.Argument(..., help="Files and folders; folders are searched for *.yaml/*.yml documents."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes (default: every core)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only problems, no summary."),
) -> None:
    """Check that documents are valid YAML, match the schema and have resolvable references.

    Every problem of every file is printed as `file:line:col: CODE message` with the
    offending line. Exit status: 0 when every file is valid, 1 when any has an
    error, 2 for usage or input/output errors.
    """
    from .diagnostics import has_errors, sort_diagnostics
    from .validation import UsageError, check_files, discover

    try:
        files = discover(paths)
    except UsageError as error:
        raise fail_usage(str(error)) from None
    if not files:
        raise fail_usage("no documents found (YAML files with a `kind:` key)")
    diagnostics = sort_diagnostics(d for found in check_files(files, jobs=jobs) for d in found)
    print_diagnostics(diagnostics)
    failed = {d.file for d in diagnostics if d.severity.value == "error"}
    if not quiet:
        if failed:
            summary = f"{_plural(len(failed), 'file')} of {len(files)} invalid: {_plural(len(diagnostics), 'problem')}"
        else:
            summary = f"{_plural(len(files), 'file')} valid"
        typer.echo(summary, err=True)
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


# --- build command: owned by the render package (src/agreement/render/) -------------


def run() -> None:
    """Entry point of the console script: a traceback is a bug, and says so."""
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        sys.exit(130)
    except Exception as error:  # pragma: no cover - reached only through a bug
        import traceback

        traceback.print_exc()
        typer.echo(f"\ninternal error: {error!r}\nThis is a bug in agreement; please report it with the "
                   "command you ran and the file.", err=True)
        sys.exit(3)
