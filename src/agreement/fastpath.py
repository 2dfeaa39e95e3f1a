"""The console script's entry point: the commands run most often, without Typer.

`agreement lint FILE…` runs on every commit (pre-commit) and on every save (editors),
and `agreement validate FILE…` nearly as often. Typer builds its whole command line
before it reads one argument (it imports click and builds a pydantic TypeAdapter for
every parameter), which cost more CPU than checking the file. So this module reads
the plain forms of those two commands itself: paths, and the options in `_OPTIONS`
written as `--name VALUE`, `--name=VALUE` or a short option alone (`-j 2`, `-q`).
It runs them with the same library calls and prints the same bytes as `agreement.cli`.

Anything else goes to Typer, which stays the one definition of the command line:
another command, help, an option it does not list or that is repeated, a value it
would have to judge (`--jobs 0`, an empty argument, one that starts with `-`), `--`,
`-` (standard input), a terminal click would treat specially. Both run inside
`agreement.console.run`, which handles signals, standard streams that fail and bugs
the same way for either. tests/test_fastpath.py holds the two paths to the same parsed
values, output bytes and exit status.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

from .console import EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, run

if TYPE_CHECKING:
    from .diagnostics import Diagnostic

_FLAG, _TEXT, _PATH, _COUNT, _LIST = "flag", "text", "path", "count", "list"

_SHARED = {"--jobs": ("jobs", _COUNT), "-j": ("jobs", _COUNT), "--quiet": ("quiet", _FLAG), "-q": ("quiet", _FLAG)}
_OPTIONS: dict[str, dict[str, tuple[str, str]]] = {
    "validate": _SHARED,
    "lint": {
        "--format": ("output_format", _TEXT), "-f": ("output_format", _TEXT),
        "--output": ("output", _PATH), "-o": ("output", _PATH),
        "--today": ("today", _TEXT), "--select": ("select", _LIST), "--ignore": ("ignore", _LIST),
        "--strict": ("strict", _FLAG), "--config": ("config", _PATH),
        "--only-documents": ("only_documents", _FLAG), **_SHARED,
    },
}
"""The options read here, per command: option -> (parameter of the command in agreement.cli, kind)."""
_DEFAULTS: dict[str, dict[str, Any]] = {
    "validate": {"jobs": None, "quiet": False, "stdin_filename": None},
    "lint": {"output_format": "auto", "output": None, "today": None, "select": None, "ignore": None,
             "strict": False, "config": None, "jobs": None, "only_documents": False, "quiet": False,
             "stdin_filename": None},
}
"""What each parameter is when its option is not given, as Typer passes it. (`--stdin-filename`
goes with `-`, standard input, and both are left to Typer.)"""
GC_THRESHOLD = 100_000
"""Allocations between collections of the youngest generation (Python's default: 700). Importing
pydantic and building a model allocates some 50,000 objects that live as long as the process, and
collecting them over and over cost a one-file lint about 10 ms; a run over many files still collects."""
_COUNT_TEXT = re.compile(r"[1-9][0-9]{0,5}")
_ANSI = re.compile(r"\033\[[;?0-9]*[a-zA-Z]")
"""ANSI colour and style codes, which click strips from output that does not go to a terminal."""


@dataclass(frozen=True)
class Invocation:
    """A command and the values of all its parameters, as `agreement.cli` would receive them."""

    command: str
    values: dict[str, Any]


# -- the entry point ------------------------------------------------------------------


def main() -> None:
    """Entry point of the console script and of `python -m agreement`: either command line runs
    inside `console.run`, so signals, standard streams and exit statuses are the same on both."""
    run(_command_line, quick_exit=True)


def _command_line() -> int:
    """The exit status of the plain command line read here; any other exits through Typer."""
    invocation = parse(sys.argv[1:]) if _plain_environment() else None
    if invocation is None:
        from .cli import app

        app()  # click's standalone mode: it exits itself
    assert invocation is not None  # app() does not return
    import gc

    gc.set_threshold(GC_THRESHOLD)
    return _standalone(invocation)


def _standalone(invocation: Invocation) -> int:
    """Run the command and turn what escapes it into an exit status, as Typer's standalone mode does
    (a write to a standard stream that fails is console.OutputError, which both leave to console.run)."""
    command = _validate if invocation.command == "validate" else _lint
    try:
        return command(**invocation.values)
    except KeyboardInterrupt:  # raised by code, not by Ctrl-C: console.run turns SIGINT into Interrupted
        return 130
    except EOFError:
        echo(err=True)
        echo("Aborted!", err=True)
        return EXIT_FINDINGS


# -- reading the command line ---------------------------------------------------------


def parse(argv: list[str]) -> Invocation | None:
    """The command and its parameters, or None when this is not a plain `validate` or `lint`."""
    if not argv or argv[0] not in _OPTIONS:
        return None
    options, values = _OPTIONS[argv[0]], dict(_DEFAULTS[argv[0]])
    given: set[str] = set()
    paths: list[Path] = []
    words = iter(argv[1:])
    for word in words:
        if not _plain(word):
            return None
        if not word.startswith("-"):
            paths.append(Path(word))
            continue
        name, equals, value = word.partition("=") if word.startswith("--") else (word, "", "")
        if name not in options:
            return None  # help, `--`, `-` (standard input), bundled or unknown options: Typer decides
        key, kind = options[name]
        if kind == _FLAG:
            converted: Any = True if not equals else None
        else:
            converted = _value(kind, value if equals else next(words, ""))
        if converted is None or (key in given and kind != _LIST):
            return None
        given.add(key)
        values[key] = (values[key] or []) + [converted] if kind == _LIST else converted
    if not paths:
        return None
    return Invocation(argv[0], {"paths": paths, **values})


def _value(kind: str, text: str) -> Any:
    """An option's value as Typer converts it, or None for one this module leaves to Typer."""
    if not _plain(text) or text.startswith("-"):
        return None
    if kind == _PATH:
        return Path(text)
    if kind == _COUNT:
        return int(text) if _COUNT_TEXT.fullmatch(text) else None
    return text


def _plain(word: str) -> bool:
    """Not empty, printable (no line breaks or control characters), and decoded from the command
    line without surrogates (bytes that are not text): anything else is Typer's to judge."""
    return bool(word) and word.isprintable() and not any("\ud800" <= c <= "\udfff" for c in word)


def _plain_environment() -> bool:
    """Whether click would write to the standard streams as they are, with nothing of its own to do:
    not Windows (consoles and colorama), not an ASCII-only stream (click re-wraps those), and no
    shell-completion request in the environment."""
    if os.name == "nt" or any(key.startswith("_") and key.endswith("_COMPLETE") and value
                              for key, value in os.environ.items()):
        return False
    return all(_writable_as_is(stream) for stream in (sys.stdout, sys.stderr))


def _writable_as_is(stream: Any) -> bool:
    """A text stream with an encoding and error handler that is not ASCII: click writes to it as is."""
    import codecs

    encoding = getattr(stream, "encoding", None)
    if stream is None or encoding is None or getattr(stream, "errors", None) is None:
        return False
    try:
        return codecs.lookup(encoding).name != "ascii"
    except LookupError:
        return True


# -- writing --------------------------------------------------------------------------


def echo(message: str = "", *, err: bool = False, nl: bool = True, color: bool | None = None) -> None:
    """click's `echo` for a plain stream: ANSI codes stripped unless `color` (by default: unless the
    stream is a terminal), then written and flushed."""
    stream = sys.stderr if err else sys.stdout
    text = message + "\n" if nl else message
    if not text:
        stream.flush()
        return
    if (not color) if color is not None else not _isatty(stream):
        text = _ANSI.sub("", text)
    stream.write(text)
    stream.flush()


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except Exception:
        return False


def print_diagnostics(diagnostics: Iterable["Diagnostic"], echo: Callable[[str], None] = echo,
                      given: dict[str, bytes] | None = None) -> None:
    """Print diagnostics as `file:line:col: CODE message` with code frames, file by file (the
    frames of a document read from standard input, in `given` by its name, come from what was read)."""
    from .diagnostics import format_text
    from .loading import source_lines

    lines_of: dict[str, list[str]] = {}
    for diagnostic in diagnostics:
        if diagnostic.file not in lines_of and diagnostic.span is not None:
            lines_of[diagnostic.file] = source_lines(diagnostic.file, (given or {}).get(diagnostic.file))
        echo(format_text(diagnostic, lines_of.get(diagnostic.file)))


def _usage(message: str) -> int:
    echo(f"error: {message}", err=True)
    return EXIT_USAGE


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


# -- the commands ---------------------------------------------------------------------


def _validate(paths: list[Path], jobs: int | None, quiet: bool, stdin_filename: None) -> int:
    """`agreement validate` (agreement.cli.validate, which documents it) of files and folders."""
    from .diagnostics import has_errors, sort_diagnostics
    from .discovery import UsageError, find_documents, skipped_note
    from .validation import check_files

    try:
        found = find_documents(paths)
    except UsageError as error:
        return _usage(str(error))
    files = found.files
    if not files:
        return _usage("no documents found (YAML files with a `kind:` key)")
    diagnostics = sort_diagnostics(_flat(check_files(files, jobs=jobs)))
    print_diagnostics(diagnostics)
    if not quiet:
        failed = {d.file for d in diagnostics if d.severity.value == "error"}
        summary = (f"{_plural(len(failed), 'file')} of {len(files)} invalid: {_plural(len(diagnostics), 'problem')}"
                   if failed else f"{_plural(len(files), 'file')} valid")
        echo(summary + (f"; {skipped_note(len(found.skipped))}" if found.skipped else ""), err=True)
    if any(d.code == "Y101" for d in diagnostics):
        return EXIT_USAGE
    return EXIT_FINDINGS if has_errors(diagnostics) else EXIT_CLEAN


def _flat(found: list[list["Diagnostic"]]) -> Iterator["Diagnostic"]:
    return (diagnostic for diagnostics in found for diagnostic in diagnostics)


def _lint(paths: list[Path], output_format: str, output: Path | None, today: str | None,
          select: list[str] | None, ignore: list[str] | None, strict: bool, config: Path | None,
          jobs: int | None, only_documents: bool, quiet: bool, stdin_filename: None) -> int:
    """`agreement lint` (agreement.cli.lint, which documents it) of files and folders."""
    from .lint.command import LintUsageError, run
    from .writing import write_atomically

    color = output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    try:
        outcome = run(paths, output_format=output_format, today=today, select=select, ignore=ignore,
                      strict=strict, config=config, jobs=jobs, color=color, only_documents=only_documents)
    except LintUsageError as error:
        return _usage(str(error))
    if output is None:
        echo(outcome.text, nl=False, color=color)
    else:
        try:
            output.parent.mkdir(parents=True, exist_ok=True)
            write_atomically({output: outcome.text.encode("utf-8")})
        except OSError as error:
            return _usage(f"{error.filename or output}: {error.strerror or error}")
    if not quiet and (output is not None or outcome.format != "text"):
        echo(outcome.summary, err=True)
    elif not quiet and outcome.report.skipped:  # the text report counts files, not what it passed over
        from .discovery import skipped_note

        echo(skipped_note(outcome.report.skipped), err=True)
    return outcome.exit_code
