"""The `agreement` command line: thin Typer commands that call library functions.

Imports of the library happen inside the commands, so `agreement --help` and a
command that needs little do not pay for pydantic, jinja or pandoc.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, List, Optional

import typer
from typer.core import TyperArgument, TyperGroup

from .console import EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE

if TYPE_CHECKING:
    from .diagnostics import Diagnostic
    from .scaffold import Request

COMMAND_ORDER = ("new", "validate", "lint", "fmt", "build", "preview", "diff", "followups", "report", "explain", "schema")
"""The order `agreement --help` lists the commands in: the order a user meets them. A new command
is placed by adding its name here; commands not named here come after these, alphabetically."""


class _Argument(TyperArgument):
    """An argument shown by its name alone, as `PATHS...` or `[CODE]`: Typer would add the Python
    type (`paths... <list[Path]>`) and brace required arguments in the usage line (`{paths}...`)."""

    def _shown(self) -> str:
        return (self.metavar or self.name or "").upper() + ("..." if self.nargs != 1 else "")

    def _usage_display_name(self) -> str:
        return self._shown() if self.required else f"[{self._shown()}]"

    def _rich_display_name(self) -> str:
        return self._shown()

    def display_type_rich(self, ctx: typer.Context) -> str | None:
        return None


class _Commands(TyperGroup):
    """The top-level group: commands listed in COMMAND_ORDER, arguments shown by their names."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        _name_arguments(self)

    def list_commands(self, ctx: typer.Context) -> list[str]:
        known = {name: index for index, name in enumerate(COMMAND_ORDER)}
        return sorted(super().list_commands(ctx), key=lambda name: (known.get(name, len(known)), name))


def _name_arguments(group: TyperGroup) -> None:
    """Show every argument of every command (in sub-groups too) by its name: Typer has no setting
    for it and builds its arguments itself, so they become `_Argument`s once built."""
    for command in group.commands.values():
        if isinstance(command, TyperGroup):
            _name_arguments(command)
        for param in command.params:
            if type(param) is TyperArgument:
                param.__class__ = _Argument


app = typer.Typer(
    cls=_Commands,
    name="agreement",
    help=(
        "Validate, lint and build collaboration agreements (samverkansöverenskommelser), action "
        "plans (handlingsplaner), guidelines (riktlinjer) and citizen promises (medborgarlöften) "
        "written in YAML, and follow up what they promise.\n\n"
        "Examples:\n\n"
        "  agreement new --kind agreement -m \"Lunds kommun\" --period 2026\n\n"
        "  agreement lint plans\n\n"
        "  agreement build plans --out build\n\n"
        "  agreement followups plans --overdue\n\n"
        "Run `agreement COMMAND --help` for a command's options and examples."
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)



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
    from .fastpath import print_diagnostics as print_each

    print_each(diagnostics, typer.echo, given)


STDIN_NAME = "<stdin>"
"""The name of a document read from standard input, in messages, when --stdin-filename gives none."""
STDIN_HELP = ("The path to show for the document read from standard input (`-`), and where its configuration "
              "and the files it names are looked for.")

# Options that `build`, `report` and `preview` share, declared once.
LANG_OPTION = typer.Option(None, "--lang", metavar="LANG",
                           help="Language of labels and dates: sv or en (default: the document's).")
TEMPLATES_OPTION = typer.Option(None, "--templates", metavar="DIR",
                                help="Folder whose files replace the bundled templates of the same name.")
BRAND_OPTION = typer.Option(None, "--brand", metavar="FILE",
                            help="Brand file (brand.yml format) for colours, fonts, logos and footer "
                                 "(default: the nearest _brand.yml at or above each document).")
PAGE_NUMBERS_OPTION = typer.Option(True, "--page-numbers/--no-page-numbers", envvar="AGREEMENT_PAGE_NUMBERS",
                                   help="Fill in the page numbers of the Word file's contents list from LibreOffice's "
                                        "layout of it, when LibreOffice is installed (a few seconds per file); "
                                        "without them Word fills them in when it opens the file. Also set by "
                                        "AGREEMENT_PAGE_NUMBERS=0 or 1.")


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
    paths: List[Path] = typer.Argument(..., metavar="PATHS",
                                       help="Files and folders; folders are searched for *.yaml/*.yml documents; "
                                            "`-` reads one document from standard input."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, metavar="N",
                                       help="Worker processes (default: every core)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only problems, no summary."),
    stdin_filename: Optional[Path] = typer.Option(None, "--stdin-filename", metavar="PATH", help=STDIN_HELP),
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
    out: Optional[Path] = typer.Option(None, "--out", metavar="DIR",
                                       help="Folder to write to (default: the project's schemas/)."),
) -> None:
    """Write the JSON Schemas of every kind of file (documents and follow-up files), for editors with the YAML language server."""
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


@app.command(epilog="Examples:\n\n  agreement explain S201\n\n  agreement explain unknown-key\n\n  agreement explain --list"
                    "\n\n  agreement explain --list --format json\n\n  agreement explain --pages docs")
def explain(
    code: Optional[str] = typer.Argument(None, metavar="CODE", help="A code (S201) or its name (unknown-key)."),
    list_all: bool = typer.Option(False, "--list", help="List every code with its summary (all of it as json or markdown)."),
    output_format: str = typer.Option("text", "--format", metavar="FORMAT", help="text, json or markdown."),
    pages: Optional[Path] = typer.Option(None, "--pages", metavar="DIR",
                                         help="Write the documentation pages (codes.md, an index, and rules/*.md, one "
                                              "page per family of codes) into DIR."),
) -> None:
    """Print the documentation of a diagnostic code."""
    from .explaining import FORMATS, all_entries, documentation_pages, find_entry, render_entries, render_entry

    if pages is not None:
        from .writing import write_atomically

        written = {pages / name: text.encode("utf-8") for name, text in documentation_pages().items()}
        try:
            for folder in {path.parent for path in written}:
                folder.mkdir(parents=True, exist_ok=True)
            write_atomically(written)
        except OSError as error:
            raise fail_usage(f"{error.filename or pages}: {error.strerror or error}") from None
        typer.echo(f"wrote {len(written)} pages into {pages}", err=True)
        return
    if output_format not in FORMATS:
        raise fail_usage(f"unknown format {output_format!r}: use text, json or markdown")
    if list_all or code is None:
        typer.echo(render_entries(all_entries(), output_format), nl=False)
        return
    entry = find_entry(code)
    if entry is None:
        raise fail_usage(f"unknown code {code!r}; `agreement explain --list` lists them")
    typer.echo(render_entry(entry, output_format), nl=False)


# --- new command: owned by src/agreement/scaffold.py ------------------------------------


def _asks() -> bool:
    """Whether `new` may ask for what its options leave out: only on a terminal."""
    return sys.stdin.isatty()


@app.command(epilog=(
    'Examples:\n\n  agreement new --kind agreement --municipality "Lunds kommun" --police "Lokalpolisområde Lund" '
    "--period 2026-2027 --id lund-2026\n\n"
    '  agreement new --kind citizen-promises -m "Lunds kommun" --period 2026 -o plans/\n\n'
    '  agreement new --from eslov-2015-2018 -m "Lunds kommun" --police "Lokalpolisområde Lund" --period 2026-2029'
    "\n\n  agreement new          (on a terminal: asks for each)"))
def new(
    kind: Optional[str] = typer.Option(None, "--kind", "-k", metavar="KIND",
                                       help="agreement, action-plan, guidelines or citizen-promises (default: agreement)."),
    example: Optional[str] = typer.Option(None, "--from", metavar="EXAMPLE",
                                          help="Copy a bundled example instead of a skeleton: eslov-2015-2018, ljusdal-2014, malmo-2011."),
    municipality: Optional[str] = typer.Option(None, "--municipality", "-m", metavar="NAME",
                                               help='The municipality as it is named: "Lunds kommun".'),
    police: Optional[str] = typer.Option(None, "--police", "-p", metavar="NAME",
                                         help='The local police area: "Lokalpolisområde Lund".'),
    period: Optional[str] = typer.Option(None, "--period", metavar="PERIOD",
                                         help="2026, 2026-2027, or days: 2026-03-01..2027-02-28."),
    document_id: Optional[str] = typer.Option(None, "--id", metavar="ID",
                                              help="The document's id (default: from the municipality and the period, lund-2026-2027)."),
    out: Optional[str] = typer.Option(None, "--out", "-o", metavar="PATH",
                                      help="The file to write (default: <id>.yaml here); a folder (or a path ending in /): <id>.yaml in it."),
    no_input: bool = typer.Option(False, "--no-input", help="Never ask, even on a terminal: what is not given is left to fill in (TODO)."),
) -> None:
    """Start a document from a skeleton of its kind, or from a copy of a bundled example.

    The file validates at once. Where the document's own words are needed it says
    `TODO: …`, and `agreement lint` lists each of them (L403) until it is replaced. Its first
    line points editors at the kind's schema where it is published for this release, so it
    keeps working wherever the file is moved. An existing file is never overwritten.
    Exit status: 0 written, 1 the choices do not make a valid document, 2 for usage errors
    and when the file exists.
    """
    import os

    from . import scaffold
    from .scaffold import ScaffoldError

    asks = not no_input and _asks()
    try:
        request = _new_request(kind, example, municipality, police, period, document_id, asks)
        target = Path(out or f"{request.id}.yaml")
        if target.is_dir() or (out or "").endswith(("/", os.sep)):
            target = target / f"{request.id}.yaml"
        if asks and out is None:
            target = Path(typer.prompt("File to write", default=str(target)))
        if target.exists() or target.is_symlink():
            raise fail_usage(f"{target} already exists; choose another --out, or remove it first")
        text = scaffold.document_text(request, target)
    except ScaffoldError as error:
        raise fail_usage(str(error)) from None
    problems = scaffold.problems(text, str(target))
    if problems:
        typer.echo(f"error: these choices do not make a valid {request.kind}; nothing was written:", err=True)
        for problem in problems:
            typer.echo(f"  {problem.code} {problem.message}", err=True)
        raise typer.Exit(EXIT_FINDINGS)
    try:
        scaffold.create(target, text.encode("utf-8"))
    except FileExistsError:
        raise fail_usage(f"{target} already exists; choose another --out, or remove it first") from None
    except OSError as error:
        raise fail_usage(f"{target}: {error.strerror or error}") from None
    typer.echo(f"wrote {target}", err=True)
    typer.echo(f"next: replace each TODO with the document's own text; `agreement lint {target}` lists them", err=True)


def _new_request(kind: Optional[str], example: Optional[str], municipality: Optional[str], police: Optional[str],
                 period: Optional[str], document_id: Optional[str], asks: bool) -> "Request":
    """What `new` should write, from the options, asking on a terminal for what they leave out."""
    from . import scaffold
    from .scaffold import KINDS_WITH_POLICE, ScaffoldError

    if example is not None:
        example_kind = scaffold.kind_of(scaffold.example_path(example))
        if kind is not None and scaffold.known_kind(kind) != example_kind:
            raise ScaffoldError(f"{example} is of kind {example_kind}, not {kind}: leave out --kind, or choose another example")
        kind = example_kind
    elif kind is None:
        kind = typer.prompt("Kind of document (agreement, action-plan, guidelines, citizen-promises)",
                            default="agreement") if asks else "agreement"
    kind = scaffold.known_kind(kind)
    if municipality is None and asks:
        municipality = typer.prompt("Municipality (kommun)", default="" if example else None, show_default=False) or None
    if municipality is None and example is None:
        raise ScaffoldError("give the municipality with --municipality \"Lunds kommun\" (on a terminal, `agreement new` asks)")
    municipality = scaffold.check_name(municipality, "--municipality") if municipality else None
    if kind not in KINDS_WITH_POLICE and police is not None:
        raise ScaffoldError(f"{kind} have one party, the municipality: leave out --police")
    if kind in KINDS_WITH_POLICE and police is None and asks and municipality:
        police = typer.prompt("Local police area (lokalpolisområde)", default=scaffold.default_police(municipality))
    police = scaffold.check_name(police, "--police") if police else None
    if period is None and asks:
        period = typer.prompt("Period (2026, 2026-2027 or 2026-03-01..2027-02-28; empty for none)", default="",
                              show_default=False) or None
    parsed = scaffold.parse_period(period) if period else None
    if document_id is None:
        document_id = scaffold.default_id(kind, municipality, parsed, example)
        if asks:
            document_id = typer.prompt("Id (names the built files)", default=document_id)
    return scaffold.Request(kind, municipality, police, parsed, scaffold.check_id(document_id), example)


# --- fmt command: owned by the formatting package (src/agreement/formatting/) ---------


@app.command(epilog=(
    "Examples:\n\n  agreement fmt plans\n\n  agreement fmt --check examples\n\n"
    "  agreement fmt plans/eslov.yaml plans/ljusdal/action-plan.yaml"))
def fmt(
    paths: List[Path] = typer.Argument(..., help="Files and folders; folders are searched for *.yaml/*.yml documents."),
    check: bool = typer.Option(False, "--check",
                               help="Write nothing; print a unified diff of each file not in canonical form, and exit 1 if there is one."),
    only_documents: bool = typer.Option(False, "--only-documents",
                                        help="Skip named files that are not documents (no top-level `kind:`), as hooks pass every YAML file."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No summary line on standard error."),
) -> None:
    """Rewrite documents in canonical layout: key order, indentation and quoting.

    Keys stand in the model's order (the document's parts, lists and per-party mappings
    as written), two spaces indent, quotes only where needed; block texts (`|`, `>`) are
    left as written. Every comment stays with what it belongs to and no value changes. A
    file that does not validate is not formatted: its problems are printed. Exit status:
    0 done (or, with --check, nothing to change), 1 a file not formatted (invalid, or with
    --check not in canonical form), 2 for usage or input/output errors.
    """
    from .formatting.command import FmtUsageError, run as run_fmt

    try:
        outcome = run_fmt(paths, check=check, only_documents=only_documents)
    except FmtUsageError as error:
        raise fail_usage(str(error)) from None
    for result in outcome.refused:
        if result.diagnostics:
            print_diagnostics(result.diagnostics)
        elif result.problem is not None:
            where = f"{result.file}:{result.problem.line}" if result.problem.line else result.file
            typer.echo(f"{where}: cannot format: {result.problem}")
    if check:
        for diff in outcome.diffs():
            typer.echo(diff, nl=False)
    for file in outcome.written:
        typer.echo(f"reformatted {file}", err=True)
    for message in outcome.write_errors:
        typer.echo(f"error: {message}", err=True)
    if not quiet:
        typer.echo(outcome.summary(), err=True)
    raise typer.Exit(outcome.exit_code)


# --- lint command: owned by the lint package (src/agreement/lint/) -------------------


@app.command(epilog=(
    "Examples:\n\n  agreement lint plans\n\n  agreement lint --today 2016-06-30 --select L1,L201 plans/eslov.yaml"
    "\n\n  agreement lint --format sarif --output lint.sarif plans\n\n  agreement lint --strict --format github plans"
    "\n\n  cat plan.yaml | agreement lint - --stdin-filename plans/plan.yaml"
))
def lint(
    paths: List[Path] = typer.Argument(..., metavar="PATHS",
                                       help="Files and folders; folders are searched for *.yaml/*.yml documents; "
                                            "`-` reads one document from standard input."),
    output_format: str = typer.Option("auto", "--format", "-f", metavar="FORMAT",
                                      help="text, json, github, sarif, junit, gitlab, or auto (github under GitHub Actions, else text)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", metavar="FILE",
                                          help="Write the report to this file instead of standard output (its folder is created)."),
    today: Optional[str] = typer.Option(None, "--today", metavar="DATE",
                                        help="The date that decides what is overdue, YYYY-MM-DD (default: today)."),
    select: Optional[List[str]] = typer.Option(None, "--select", metavar="CODES",
                                               help="Run only these rules: codes, names or prefixes, comma-separated (L1,L201)."),
    ignore: Optional[List[str]] = typer.Option(None, "--ignore", metavar="CODES",
                                               help="Do not run these rules (codes, names or prefixes)."),
    strict: bool = typer.Option(False, "--strict", help="Use the strict preset, and fail on warnings too."),
    config: Optional[Path] = typer.Option(None, "--config", metavar="FILE",
                                          help="Configuration file (default: the nearest agreement.toml or pyproject.toml)."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, metavar="N",
                                       help="Worker processes (default: every core)."),
    only_documents: bool = typer.Option(False, "--only-documents",
                                        help="Skip named files that are not documents (no top-level `kind:`, and not like one), "
                                             "as hooks pass every YAML file."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No summary line on standard error."),
    stdin_filename: Optional[Path] = typer.Option(None, "--stdin-filename", metavar="PATH", help=STDIN_HELP),
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
            output.parent.mkdir(parents=True, exist_ok=True)  # CI writes reports into folders it has not made
            write_atomically({output: outcome.text.encode("utf-8")})
        except OSError as error:
            raise fail_usage(f"{error.filename or output}: {error.strerror or error}") from None
    if not quiet and (output is not None or outcome.format != "text"):
        typer.echo(outcome.summary, err=True)
    elif not quiet and outcome.report.skipped:  # the text report counts files, not what it passed over
        from .discovery import skipped_note

        typer.echo(skipped_note(outcome.report.skipped), err=True)
    raise typer.Exit(outcome.exit_code)


# --- build command: owned by the render package (src/agreement/render/) -------------

@app.command(epilog=(
    "Examples:\n\n  agreement build examples\n\n"
    "  agreement build plans/eslov.yaml --to pdf,docx --out public\n\n"
    "  agreement build plans --lang en --templates my-templates --jobs 4\n\n"
    "  agreement build plans --brand brand/_brand.yml\n\n"
    "  agreement build plans/eslov.yaml --changes-since v2025"))
def build(
    paths: List[Path] = typer.Argument(..., metavar="PATHS",
                                       help="Files and folders; folders are searched for *.yaml/*.yml documents."),
    to: str = typer.Option("html,docx,pdf", "--to", "-t", metavar="FORMATS",
                           help="Formats, comma separated: html, docx, pdf (and md, the generated Markdown)."),
    out: Path = typer.Option(Path("build"), "--out", "-o", metavar="DIR",
                             help="Folder for the built files, named <id>.<format>."),
    lang: Optional[str] = LANG_OPTION,
    templates: Optional[Path] = TEMPLATES_OPTION,
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, metavar="N",
                                       help="Documents built at once (default: every core)."),
    force: bool = typer.Option(False, "--force", "-f", help="Build even the outputs that are up to date."),
    page_numbers: bool = PAGE_NUMBERS_OPTION,
    brand: Optional[Path] = BRAND_OPTION,
    changes_since: Optional[str] = typer.Option(None, "--changes-since", metavar="REV",
                                                help="Add an appendix of what changed since the document's version "
                                                     "in git revision REV (a tag, a branch, a commit)."),
) -> None:
    """Build documents into Word, PDF and HTML files ready to publish.

    A file that does not validate is reported as `validate` reports it and not
    built. Outputs whose inputs have not changed are skipped. Exit status: 0 when
    every document is built or up to date, 1 when one is invalid or fails to
    build, 2 for usage errors and broken templates.
    """
    from .extras import missing_build_extra

    problem = missing_build_extra()
    if problem is not None:  # a base install (CI, pre-commit) has no renderer: say how to add it
        raise fail_usage(problem)
    import os

    from .render import parse_formats
    from .render.build import BuildOptions, source_date_epoch_from, step_limits_from

    _build_and_exit(paths, lambda: BuildOptions(parse_formats(to), out, lang, templates, force,
                                                source_date_epoch_from(os.environ), page_numbers, brand,
                                                changes_since, step_limits_from(os.environ)), jobs)


def _build_and_exit(paths: List[Path], options_of: Any, jobs: Optional[int]) -> None:
    """Build documents (or their reports) with the options `options_of()` makes, a line per file,
    a summary on stderr, and exit with the build's status; usage, brand file and template errors exit 2."""
    from .discovery import UsageError
    from .render import Outcome, TemplateError, build as build_documents
    from .render.brand import BrandError

    try:
        options = options_of()
        with _BuildProgress() as progress:
            report = build_documents(paths, options, jobs=jobs, on_result=progress.result, on_start=progress.start)
    except UsageError as error:
        raise fail_usage(str(error)) from None
    except BrandError as error:
        typer.echo(f"error: brand file {error}", err=True)
        raise typer.Exit(EXIT_USAGE) from None
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
        lines: dict[str, list[str]] = {}  # a report's diagnostics may be about its follow-up files too
        for diagnostic in result.diagnostics:
            if diagnostic.file not in lines:
                lines[diagnostic.file] = source_lines(diagnostic.file)
            self.say(format_text(diagnostic, lines[diagnostic.file]))
        for warning in result.warnings:
            self.say(f"{result.source}: warning: {warning}", err=True)
        if result.error:
            self.say(f"{result.source}: error: {result.error}", err=True)
        if self.bar is not None:
            self.bar.advance(self.task)


# --- report: owned by the report package (src/agreement/report/) ---------------------


@app.command(epilog=(
    "Examples:\n\n  agreement report examples/ljusdal-2014 --as-of 2014-09-15\n\n"
    "  agreement report plans/ljusdal.yaml --as-of 2014-09-15 --since 2014-04-30 --to pdf --out rapporter\n\n"
    "  agreement report plans --as-of 2016-12-31 --lang en --to html,docx"))
def report(
    paths: List[Path] = typer.Argument(..., help="Documents (and their follow-up files), files or folders."),
    as_of: Optional[str] = typer.Option(None, "--as-of", metavar="DATE",
                                        help="The day the report shows, YYYY-MM-DD (default: today). "
                                                               "Nothing dated after it counts."),
    since: Optional[str] = typer.Option(None, "--since", metavar="DATE",
                                        help="List what was added after this day, YYYY-MM-DD "
                                                              "(default: the previous follow-up date before --as-of)."),
    to: str = typer.Option("html,docx,pdf", "--to", "-t", metavar="FORMATS",
                           help="Formats, comma separated: html, docx, pdf (and md, the generated Markdown)."),
    out: Path = typer.Option(Path("build"), "--out", "-o", metavar="DIR",
                             help="Folder for the reports, named <id>-uppfoljning-<as-of>.<format>."),
    lang: Optional[str] = LANG_OPTION,
    templates: Optional[Path] = TEMPLATES_OPTION,
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, metavar="N",
                                       help="Reports built at once (default: every core)."),
    force: bool = typer.Option(False, "--force", "-f", help="Build even the reports that are up to date."),
    page_numbers: bool = PAGE_NUMBERS_OPTION,
    brand: Optional[Path] = BRAND_OPTION,
) -> None:
    """Build the follow-up report (uppföljningsrapport) of documents as of a day, in Word, PDF and HTML.

    For every action and citizen promise: where it stands (done, on track, at risk, off track,
    not reported, from its latest progress entry on or before --as-of), its status and rating
    (a symbol and a word), its progress log and its overdue follow-ups; a summary per area and
    per owner; a chart and a table for every measured indicator; and what was added since the
    previous report. Progress and measurements are read from the documents and the follow-up
    files beside them. Exit status: 0 when every report is built or up to date, 1 when a
    document or follow-up file is invalid or a report fails, 2 for usage errors.
    """
    from .extras import missing_report_extra

    problem = missing_report_extra()
    if problem is not None:
        raise fail_usage(problem)
    import os

    from .render import parse_formats
    from .render.build import BuildOptions, source_date_epoch_from
    from .report.command import report_request

    _build_and_exit(paths, lambda: BuildOptions(parse_formats(to), out, lang, templates, force,
                                                source_date_epoch_from(os.environ), page_numbers, brand=brand,
                                                report=report_request(as_of, since)), jobs)


# --- followups: owned by the followups package (src/agreement/followups/) ------------


class _ListUnlessNamed(TyperGroup):
    """`agreement followups PATH…` lists (the `list` command); `agreement followups import FILE` imports.

    Anything but a command name or --help first means `list`, so the short form works with
    options in any order. (A folder called `import` is written `./import`.)"""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("-h", "--help"):
            args = ["list", *args]
        return super().parse_args(ctx, args)


followups_app = typer.Typer(
    cls=_ListUnlessNamed,
    no_args_is_help=True,
    rich_markup_mode=None,
    help=("Every follow-up occasion of the documents in force, by owner: overdue, due, reported, later; "
          "as text, JSON, a calendar (.ics) or a spreadsheet (.xlsx) to fill in and import back."),
    epilog=("Examples:\n\n  agreement followups examples --today 2014-09-15\n\n"
            "  agreement followups plans --format xlsx --output uppfoljning.xlsx\n\n"
            "  agreement followups import uppfoljning.xlsx --dry-run"),
)
app.add_typer(followups_app, name="followups")


@followups_app.command("list", epilog=(
    "Examples:\n\n  agreement followups examples --today 2014-09-15\n\n"
    "  agreement followups plans --overdue --owner polisen\n\n"
    "  agreement followups plans --format ics --output build/uppfoljning.ics\n\n"
    "  agreement followups plans --format xlsx --output build/uppfoljning.xlsx\n\n"
    "  agreement followups plans --fail-on overdue --format json --output followups.json"))
def followups_list(
    paths: List[Path] = typer.Argument(..., help="Files and folders; folders are searched for *.yaml/*.yml documents."),
    output_format: str = typer.Option("text", "--format", "-f", metavar="FORMAT",
                                      help="text, json, ics (calendar) or xlsx (spreadsheet)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", metavar="FILE",
                                          help="Write to this file (atomically) instead of standard output."),
    today: Optional[str] = typer.Option(None, "--today", metavar="DATE",
                                        help="The day that decides what is overdue and due, YYYY-MM-DD (default: today)."),
    within: int = typer.Option(30, "--within", metavar="DAYS", help="Days ahead in which a follow-up counts as due."),
    owner: Optional[str] = typer.Option(None, "--owner", metavar="OWNER",
                                        help="Only this owner: a party or unit (polisen, ljusdal/omsorg) or part of its name."),
    overdue: bool = typer.Option(False, "--overdue", help="Only the overdue follow-ups."),
    start: Optional[str] = typer.Option(None, "--from", metavar="DATE",
                                        help="Only follow-ups on or after this date, YYYY-MM-DD."),
    end: Optional[str] = typer.Option(None, "--to", metavar="DATE",
                                      help="Only follow-ups on or before this date, YYYY-MM-DD."),
    drafts: bool = typer.Option(False, "--drafts", help="Count drafts and documents out for consultation as in force too."),
    fail_on: Optional[str] = typer.Option(None, "--fail-on", metavar="WHEN",
                                          help="Exit 1 when a follow-up is overdue (overdue), or overdue or due (due)."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, metavar="N",
                                       help="Worker processes (default: every core)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No summary line on standard error."),
) -> None:
    """List every follow-up occasion of the documents in force, grouped by owner, the overdue first.

    A document is in force when its period covers --today and it is neither repealed nor a draft
    (or out for consultation; --drafts counts those too). Progress is read from the documents and
    from the follow-up files (kind: follow-up) beside them. Exit status: 0, 1 when a file is
    invalid or --fail-on is met, 2 for usage and input/output errors.
    """
    import os
    import shutil

    from .followups.command import FollowupsUsageError, make_window, run as list_followups
    from .followups.formats import BINARY, Style

    if output is None and output_format in BINARY and sys.stdout.isatty():
        raise fail_usage(f"--format {output_format} is a binary file: give --output FILE")
    color = output is None and output_format == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    width = shutil.get_terminal_size((120, 24)).columns if sys.stdout.isatty() else 120
    try:
        window = make_window(today=today, within=within, start=start, end=end, owner=owner, overdue_only=overdue,
                             drafts=drafts)
        outcome = list_followups(paths, window, output_format=output_format, fail_on=fail_on, jobs=jobs,
                                 style=Style(color, width))
    except FollowupsUsageError as error:
        raise fail_usage(str(error)) from None
    _print_to_stderr(outcome.listing.diagnostics)
    _write_or_print(outcome.data, output, output_format == "text", color)
    if not quiet:
        typer.echo(outcome.summary, err=True)
    raise typer.Exit(outcome.exit_code)


@followups_app.command("import", epilog=(
    "Examples:\n\n  agreement followups import uppfoljning.xlsx --dry-run\n\n"
    "  agreement followups import uppfoljning.xlsx"))
def followups_import(
    spreadsheet: Path = typer.Argument(..., help="The filled-in spreadsheet (.xlsx) that `agreement followups --format xlsx` wrote."),
    dry_run: bool = typer.Option(False, "--dry-run", "-n", help="Write nothing; show the changes as a unified diff."),
    base: Optional[Path] = typer.Option(None, "--base", metavar="DIR",
                                        help="Folder the sheet's document paths are relative to (default: the current folder)."),
) -> None:
    """Append the progress filled in on a follow-up spreadsheet to the follow-up files beside the documents.

    Each filled-in row becomes a progress entry (date, status, rating, note, who) under its action's
    id in the document's follow-up file (created beside the document when there is none); comments
    and layout of the file are kept. A row that cannot be imported is reported with its sheet, row
    and column, and nothing of it is imported. Rows already imported add nothing. Exit status: 0,
    1 when a row was refused, 2 when the spreadsheet cannot be read.
    """
    from .followups.importing import ImportUsageError, entries_by_row, plan_import

    try:
        plan = plan_import(spreadsheet, base)
    except ImportUsageError as error:
        raise fail_usage(str(error)) from None
    for problem in plan.problems:
        typer.echo(f"{spreadsheet}: {problem}; nothing imported from row {problem.row}", err=True)
    if dry_run:
        typer.echo(plan.diff(), nl=False)
    else:
        try:
            plan.apply()
        except OSError as error:
            raise fail_usage(f"{error.filename}: {error.strerror or error}") from None
        for line in entries_by_row(plan):
            typer.echo(f"added: {line}")
    added = len(plan.additions)
    typer.echo(f"{added} progress entr{'y' if added == 1 else 'ies'} {'to add' if dry_run else 'added'} to "
               f"{len(plan.changes)} file{'' if len(plan.changes) == 1 else 's'}; {plan.unchanged} row"
               f"{'' if plan.unchanged == 1 else 's'} already imported; {len(plan.problems)} problem"
               f"{'' if len(plan.problems) == 1 else 's'}", err=True)
    raise typer.Exit(EXIT_FINDINGS if plan.problems else EXIT_CLEAN)


def _print_to_stderr(diagnostics: Iterable["Diagnostic"]) -> None:
    """Problems of the files read, on standard error: standard output may be a calendar."""
    from .diagnostics import format_text
    from .loading import source_lines

    for diagnostic in diagnostics:
        lines = source_lines(diagnostic.file) if diagnostic.span is not None else None
        typer.echo(format_text(diagnostic, lines), err=True)


def _write_or_print(data: bytes, output: Optional[Path], text: bool, color: bool) -> None:
    """Write `data` to `output` atomically (creating its folder), else to standard output."""
    from .writing import write_atomically

    if output is None:
        if text:
            typer.echo(data.decode("utf-8"), nl=False, color=color)
        else:
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        return
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        write_atomically({output: data})
    except OSError as error:
        raise fail_usage(f"{error.filename or output}: {error.strerror or error}") from None


# --- preview command: owned by the preview package (src/agreement/preview/) ----------


@app.command(epilog=(
    "Examples:\n\n  agreement preview plans/eslov.yaml --open\n\n"
    "  agreement preview plans/eslov.yaml --port 8000 --templates my-templates\n\n"
    "  agreement preview plans/eslov.yaml --lang en"))
def preview(
    path: Path = typer.Argument(..., help="The document to show."),
    port: int = typer.Option(0, "--port", "-p", min=0, max=65535, metavar="PORT",
                             help="Port on 127.0.0.1 (default: a free one)."),
    open_browser: bool = typer.Option(False, "--open", help="Open the page in the web browser."),
    lang: Optional[str] = LANG_OPTION,
    templates: Optional[Path] = TEMPLATES_OPTION,
    brand: Optional[Path] = typer.Option(None, "--brand", metavar="FILE",
                                         help="Brand file (default: the nearest _brand.yml at or above the document)."),
) -> None:
    """Show a document's web page in the browser and reload it on every save.

    The page is the HTML `agreement build` writes, served on 127.0.0.1 only. Saving the
    document, its brand file, a file of --templates or a bundled template rebuilds it and the browser
    reloads. A save that breaks the document shows its problems in the page instead,
    as `file:line:col: CODE message` with the line, until the next good save. Ctrl-C
    stops. Exit status: 0 when stopped, 2 for usage errors.
    """
    from .extras import missing_build_extra

    problem = missing_build_extra()
    if problem is not None:
        raise fail_usage(problem.replace("`agreement build`", "`agreement preview`"))
    from .console import Interrupted
    from .discovery import UsageError
    from .preview import Preview, WatchError

    if lang is not None and lang not in ("sv", "en"):
        raise fail_usage(f"unknown language {lang!r}: use sv or en")
    try:
        session = Preview(path, templates, lang, port, brand)
    except UsageError as error:
        raise fail_usage(str(error)) from None
    typer.echo(f"previewing {path} at {session.url} (Ctrl-C to stop)", err=True)
    if open_browser:
        import webbrowser

        webbrowser.open(session.url)
    try:
        session.run(_print_rebuilt)
    except (KeyboardInterrupt, Interrupted):  # Ctrl-C and `kill` are how a preview is stopped
        pass
    except WatchError as error:
        raise fail_usage(str(error)) from None
    typer.echo("preview stopped", err=True)


def _print_rebuilt(rebuilt: Any) -> None:
    """One line per build on stderr, and the problems of a save that broke the document."""
    from .diagnostics import format_text

    page = rebuilt.page
    if rebuilt.ok:
        typer.echo(f"version {rebuilt.version}: built in {rebuilt.seconds:.2f} s", err=True)
        return
    typer.echo(f"version {rebuilt.version}: not built, the page shows why:", err=True)
    for diagnostic in page.diagnostics:
        typer.echo(format_text(diagnostic, page.lines), err=True)
    if page.error:
        typer.echo(page.error, err=True)


# --- diff command: owned by the diffing package (src/agreement/diffing/) -------------


@app.command(epilog=(
    "Examples:\n\n  agreement diff plans/2016.yaml plans/2017.yaml\n\n"
    "  agreement diff plans/eslov.yaml --git HEAD~1\n\n"
    "  agreement diff plans/eslov.yaml --git origin/main --format markdown > comment.md\n\n"
    "  agreement diff old.yaml new.yaml --format json --exit-code"))
def diff(
    old: Path = typer.Argument(..., help="The old version; with --git, the file whose version in REV is compared."),
    new: Optional[Path] = typer.Argument(None, help="The new version (not with --git: the file as it is now is)."),
    git: Optional[str] = typer.Option(None, "--git", metavar="REV",
                                      help="Compare the file's version in git revision REV with the file as it is now."),
    output_format: str = typer.Option("text", "--format", "-f", metavar="FORMAT",
                                      help="text, json or markdown (a pull-request comment)."),
    exit_code: bool = typer.Option(False, "--exit-code", help="Exit 1 when there are changes, like git diff --exit-code."),
) -> None:
    """Show what changed between two versions of a document, in the document's terms.

    Actions added, removed, moved between areas; owners, goals, status and follow-up
    changed; goals, indicators, period and decision changed; text edited, word by word.
    Actions are paired by `id`, then by title (the output marks those paired by title).
    Both versions are validated first, and an invalid one is reported as `validate`
    reports it. Exit status: 0 (also when there are changes, unless --exit-code: then
    1), 1 when a version is invalid, 2 for usage errors and unreadable files.
    """
    import os

    from .diffing import FORMATS, SourceError, compare, from_file, from_git, render

    if output_format not in FORMATS:
        raise fail_usage(f"unknown format {output_format!r}: use text, json or markdown")
    if (git is None) == (new is None):
        raise fail_usage("give two files (OLD NEW), or one file and --git REV")
    try:
        versions = (from_git(old, git), from_file(old)) if git is not None else (from_file(old), from_file(new))
    except SourceError as error:
        raise fail_usage(str(error)) from None
    _stop_if_invalid(versions)
    before, after = (version.document for version in versions)
    assert before is not None and after is not None  # _stop_if_invalid returned
    color = output_format == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    found = compare(before, after, versions[0].name, versions[1].name)
    typer.echo(render(found, output_format, color=color), nl=False, color=color)
    raise typer.Exit(EXIT_FINDINGS if exit_code and found.changes else EXIT_CLEAN)


def _stop_if_invalid(versions: Iterable[Any]) -> None:
    """Print the diagnostics of versions that do not validate, as `validate` does, and exit 1 (2 when
    a file cannot be read)."""
    from .diagnostics import format_text, sort_diagnostics

    invalid = [version for version in versions if version.document is None]
    for version in invalid:
        for diagnostic in sort_diagnostics(version.diagnostics):
            typer.echo(format_text(diagnostic, version.lines))
    if invalid:
        unreadable = any(d.code == "Y101" for version in invalid for d in version.diagnostics)
        typer.echo(f"cannot compare: {', '.join(version.name for version in invalid)} "
                   f"{'is' if len(invalid) == 1 else 'are'} not valid", err=True)
        raise typer.Exit(EXIT_USAGE if unreadable else EXIT_FINDINGS)


# --- the entry point ---------------------------------------------------------------


def run() -> None:
    """Typer's command line alone, in the frame of signals, standard streams and exit statuses
    (agreement.console) that the console script, agreement.fastpath.main, runs it in too."""
    from .console import run as run_in_console

    run_in_console(app)
