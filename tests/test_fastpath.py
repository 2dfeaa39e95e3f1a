"""The console script's fast path against Typer: the same parameters, output bytes and exit status.

`agreement.fastpath` reads the plain forms of `validate` and `lint` itself and leaves
everything else to Typer (`agreement.cli`). These tests hold it to Typer: what it
reads it must read exactly as Typer does, and a command line must print the same
bytes and exit with the same status whichever of the two runs it.
"""

from __future__ import annotations

import functools
import io
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer
from typer._click.utils import echo as click_echo
from typer.testing import CliRunner

from agreement import fastpath
from agreement.cli import app
from agreement.fastpath import Invocation, parse

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = Path(sys.executable).with_name("agreement")
TYPER_ONLY = "import sys; sys.argv[0] = 'agreement'; from agreement.cli import run; run()"
"""The command line through Typer alone, as it ran before the fast path (the same program name)."""

FAST = [
    ["validate", "a.yaml"],
    ["validate", "a.yaml", "./plans/", "-q"],
    ["validate", "--jobs", "2", "a.yaml"],
    ["validate", "a.yaml", "--jobs=3", "--quiet"],
    ["validate", "-j", "1", "planer/eslöv.yaml"],
    ["lint", "a.yaml"],
    ["lint", "--only-documents", "a.yaml", "b.yml"],
    ["lint", "-f", "json", "-o", "out/r.json", "a.yaml"],
    ["lint", "--format=sarif", "--output=r.sarif", "plans"],
    ["lint", "--today", "2016-06-30", "--select", "L1,L201", "--select", "vague-goal", "--ignore", "L5", "a.yaml"],
    ["lint", "--strict", "--config", "agreement.toml", "--jobs", "4", "--quiet", "a.yaml"],
    ["lint", "a.yaml", "-q", "--format", "github", "--today=2020-01-01", "--ignore=L301", "--only-documents"],
    ["lint", "--format", "nonsense", "--today", "yesterday", "--select", "L0", "a.yaml"],
]
"""Command lines the fast path reads itself (their values are judged by the library, not the parser)."""

TO_TYPER = [
    [], ["--help"], ["--version"], ["schema"], ["explain", "L101"], ["build", "a.yaml"], ["LINT", "a.yaml"],
    ["lint"], ["validate", "-q"], ["lint", "--format", "a.yaml"],
    ["lint", "--help", "a.yaml"], ["validate", "a.yaml", "-h"], ["lint", "--version", "a.yaml"],
    ["validate", "--jobs", "0", "a.yaml"], ["validate", "-j", "two", "a.yaml"], ["validate", "-j2", "a.yaml"],
    ["validate", "-qj", "2", "a.yaml"], ["validate", "--jobs", "-1", "a.yaml"], ["validate", "--jobs"],
    ["lint", "--formt", "json", "a.yaml"], ["lint", "--form", "json", "a.yaml"], ["lint", "--today", "--strict", "a.yaml"],
    ["lint", "--quiet=yes", "a.yaml"], ["lint", "--format", "json", "--format", "text", "a.yaml"], ["lint", "-q", "-q", "a.yaml"],
    ["validate", "--", "-a.yaml"], ["validate", "-"], ["lint", "", "a.yaml"], ["lint", "--output=", "a.yaml"],
    ["lint", "--select", "", "a.yaml"], ["validate", "a\nb.yaml"], ["validate", "a\udcff.yaml"],
]
"""Command lines the fast path leaves to Typer: other commands, help, and anything it would have to judge."""


def typer_values(argv: list[str]) -> Invocation | None:
    """What Typer passes to the command function for `argv`, or None when it does not call it."""
    info = next(c for c in app.registered_commands if c.callback and c.callback.__name__ == argv[0])
    original, received = info.callback, {}

    @functools.wraps(original)
    def record(**values: Any) -> None:
        received.update(values)

    info.callback = record
    try:
        result = CliRunner().invoke(app, argv)
    finally:
        info.callback = original
    return Invocation(argv[0], received) if result.exit_code == 0 and received else None


@pytest.mark.parametrize("argv", FAST, ids=" ".join)
def test_the_fast_path_reads_what_typer_reads(argv: list[str]) -> None:
    assert parse(argv) is not None
    assert parse(argv) == typer_values(argv)


@pytest.mark.parametrize("argv", TO_TYPER, ids=repr)
def test_the_fast_path_leaves_the_rest_to_typer(argv: list[str]) -> None:
    assert parse(argv) is None


@pytest.mark.parametrize("command", sorted(fastpath._OPTIONS))
def test_every_option_the_fast_path_reads_is_typers(command: str) -> None:
    """The same parameter, flag or value, once or many times: an option renamed or changed in
    agreement.cli must not live on here."""
    params = typer.main.get_command(app).commands[command].params  # type: ignore[attr-defined]
    for option, (name, kind) in fastpath._OPTIONS[command].items():
        param = next((p for p in params if option in p.opts), None)
        assert param is not None, f"{command} {option} is not an option of agreement.cli"
        assert param.name == name
        assert param.is_flag == (kind == fastpath._FLAG), option  # type: ignore[attr-defined]
        assert param.multiple == (kind == fastpath._LIST), option
    assert set(fastpath._DEFAULTS[command]) == {p.name for p in params} - {"paths"}


class _Stream(io.StringIO):
    """A text stream that says whether it is a terminal."""

    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize("tty", [False, True])
@pytest.mark.parametrize("color", [None, False, True])
@pytest.mark.parametrize("message, nl", [("plain", True), ("\033[1;31mL102\033[0m owner", False), ("", True), ("", False)])
def test_echo_writes_what_click_writes(message: str, nl: bool, color: bool | None, tty: bool,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    ours, clicks = _Stream(tty), _Stream(tty)
    monkeypatch.setattr(sys, "stdout", ours)
    fastpath.echo(message, nl=nl, color=color)
    click_echo(message, file=clicks, nl=nl, color=color)
    assert ours.getvalue() == clicks.getvalue()


# -- the same bytes from the console script ----------------------------------------------------

BROKEN = ROOT / "tests" / "fixtures" / "broken"
RUNS = [
    ["validate", "plans/eslov.yaml"],
    ["validate", "plans/misspelt-key.yaml", "plans/eslov.yaml", "plans/syntax-error.yaml"],
    ["validate", "-q", "plans"],
    ["validate", "--jobs", "1", "plans", "missing.yaml"],
    ["validate", "notes"],
    ["validate", "plans", "notes"],
    ["lint", "--today", "2016-06-15", "plans/ljusdal.yaml"],
    ["lint", "--today", "2016-06-15", "-f", "json", "plans"],
    ["lint", "--today=2016-06-15", "--format=sarif", "plans/ljusdal.yaml"],
    ["lint", "--today", "2016-06-15", "-f", "junit", "plans"],
    ["lint", "--today", "2016-06-15", "-f", "gitlab", "-q", "plans"],
    ["lint", "--strict", "--select", "L1,L2", "--ignore", "overdue-follow-up", "--today", "2016-06-15", "plans"],
    ["lint", "--select", "L999", "plans/eslov.yaml"],
    ["lint", "--today", "2016-13-01", "plans/eslov.yaml"],
    ["lint", "--only-documents", "notes/mkdocs.yml", "plans/eslov.yaml"],
    ["lint", "--today", "2016-06-15", "plans/eslov.yaml", "notes"],
    ["lint", "--today", "2016-06-15", "-f", "json", "plans/eslov.yaml", "notes"],
    ["lint", "--config", "bad.toml", "plans/eslov.yaml"],
    ["lint", "-o", "{out}/report.sarif", "-f", "sarif", "--today", "2016-06-15", "plans"],
    ["lint", "--output", "{out}", "plans/eslov.yaml"],
    ["lint", "--jobs", "0", "plans/eslov.yaml"],
]


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A repository of plans: examples, broken documents, a YAML file that is not one, a bad config."""
    root = tmp_path_factory.mktemp("repository")
    (root / "plans").mkdir()
    shutil.copy(ROOT / "examples" / "eslov-2015-2018" / "agreement.yaml", root / "plans" / "eslov.yaml")
    shutil.copy(ROOT / "examples" / "ljusdal-2014" / "action-plan.yaml", root / "plans" / "ljusdal.yaml")
    for name in ("misspelt-key", "syntax-error"):
        shutil.copy(BROKEN / f"{name}.yaml", root / "plans" / f"{name}.yaml")
    (root / "notes").mkdir()
    (root / "notes" / "mkdocs.yml").write_text("site_name: Planer\n", encoding="utf-8")
    (root / "bad.toml").write_text("[lint]\nselct = ['L1']\n", encoding="utf-8")
    return root


def both(argv: list[str], cwd: Path) -> tuple[Any, Any]:
    """(status, stdout, stderr, written report) of the console script and of Typer alone, run side by side."""
    outputs = [cwd / "fast", cwd / "typer"]
    commands = [[str(SCRIPT)], [sys.executable, "-c", TYPER_ONLY]]
    env = {**_environment(), "GITHUB_ACTIONS": ""}
    children = [subprocess.Popen(command + [a.replace("{out}", str(out)) for a in argv], cwd=cwd, env=env,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                for command, out in zip(commands, outputs)]
    results = []
    for child, out in zip(children, outputs):
        stdout, stderr = child.communicate(timeout=120)
        report = out / "report.sarif"
        results.append((child.returncode, stdout.decode(), stderr.replace(str(out).encode(), b"{out}").decode(),
                        report.read_text(encoding="utf-8") if report.exists() else None))
        shutil.rmtree(out, ignore_errors=True)
    return results[0], results[1]


def _environment() -> dict[str, str]:
    return dict(os.environ)


@pytest.mark.parametrize("argv", RUNS, ids=" ".join)
def test_the_console_script_prints_what_typer_prints(argv: list[str], repository: Path) -> None:
    fast, typer_only = both(argv, repository)
    assert fast == typer_only
    assert "Traceback" not in fast[2]


def test_the_runs_compared_cover_the_fast_path() -> None:
    """All but the last run above are read by the fast path, so the comparison is not of Typer with itself."""
    assert all(parse([a.replace("{out}", "out") for a in argv]) is not None for argv in RUNS[:-1])
    assert parse(RUNS[-1]) is None


# -- the same frame: signals, standard streams and bugs ----------------------------------------

EXAMPLE = ROOT / "examples" / "eslov-2015-2018" / "agreement.yaml"
FAST_ARGV = ["lint", "--format", "json", str(EXAMPLE)]
"""A command line the fast path reads, that writes to standard output."""


def _both_with(argv: list[str], **popen: Any) -> tuple[tuple[int, str], tuple[int, str]]:
    """(status, stderr) of the console script and of Typer alone, with the same standard streams."""
    assert parse(argv) is not None
    results = []
    for command in ([str(SCRIPT)], [sys.executable, "-c", TYPER_ONLY]):
        done = subprocess.run(command + argv, stderr=subprocess.PIPE, text=True, timeout=60, **popen)
        results.append((done.returncode, done.stderr))
    return results[0], results[1]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
def test_a_full_standard_output_ends_alike_on_both_paths() -> None:
    with open("/dev/full", "w") as full:
        fast, typer_only = _both_with(FAST_ARGV, stdout=full)
    assert fast == typer_only == (2, "error: cannot write to standard output: no space is left on the device\n")


def test_standard_output_not_open_for_writing_ends_alike_on_both_paths() -> None:
    with open(os.devnull, "rb") as read_only:
        fast, typer_only = _both_with(FAST_ARGV, stdout=read_only)
    assert fast == typer_only == (2, "error: cannot write to standard output: it is not open for writing\n")


def test_closed_standard_output_ends_alike_on_both_paths() -> None:
    fast, typer_only = _both_with(FAST_ARGV, stdout=subprocess.DEVNULL, preexec_fn=lambda: os.close(1))
    assert fast == typer_only == (2, "error: standard output is closed; redirect it to a file or /dev/null instead\n")


def test_a_reader_that_went_away_ends_alike_on_both_paths() -> None:
    """`agreement lint … | head -0`: not click's silent status 1, but one line and status 2."""
    results = []
    for command in ([str(SCRIPT)], [sys.executable, "-c", TYPER_ONLY]):
        child = subprocess.Popen(command + FAST_ARGV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        child.stdout.close()  # type: ignore[union-attr]
        _, stderr = child.communicate(timeout=60)
        results.append((child.returncode, stderr))
    assert results[0] == results[1] == (2, "error: cannot write to standard output: whatever was reading it stopped\n")


STOPPED_IN_THE_MIDDLE = """
import os, signal, sys, time
import agreement.validation
def check_files(*args, **kwargs):
    {action}
agreement.validation.check_files = check_files
sys.argv = ["agreement", "validate", {path!r}]
{entry}
"""
ENTRIES = {"fast": "from agreement.fastpath import main; main()", "typer": "from agreement.cli import run; run()"}


def _stopped(action: str) -> dict[str, tuple[int, str]]:
    """(status, stderr) of `validate FILE` whose checking does `action`, on either path."""
    results = {}
    for name, entry in ENTRIES.items():
        code = STOPPED_IN_THE_MIDDLE.format(action=action, path=str(EXAMPLE), entry=entry)
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
        results[name] = (done.returncode, done.stderr)
    return results


@pytest.mark.parametrize("signum, status, message", [(signal.SIGTERM, 143, "terminated"),
                                                     (signal.SIGINT, 130, "interrupted")])
def test_a_signal_ends_a_run_alike_on_both_paths(signum: int, status: int, message: str) -> None:
    results = _stopped(f"os.kill(os.getpid(), {int(signum)}); time.sleep(30)")
    assert results["fast"] == results["typer"] == (status, f"{message}\n")


def test_a_bug_ends_a_run_alike_on_both_paths() -> None:
    results = _stopped("raise RuntimeError('a bug')")
    for status, stderr in results.values():
        assert status == 3
        assert stderr.startswith("Traceback")
        assert stderr.endswith("\ninternal error: RuntimeError('a bug')\nThis is a bug in agreement; please report "
                               "it with the command you ran and the file.\n")
