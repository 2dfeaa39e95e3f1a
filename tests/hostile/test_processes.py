"""Killing or interrupting a run with worker processes: nothing may stay behind.

A CI job that is cancelled sends SIGTERM, then SIGKILL, to the main process only. Its
workers (and a build's pandoc and typst processes) must end with it, or they keep the
job's standard output open and the pipeline hangs. SIGINT and SIGTERM stop a run
promptly with exit status 130 or 143 and one line, and every output that exists is
whole.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import threading
import zipfile
from pathlib import Path

import pytest

from .support import command_line, descendants, documents, linux_only, living, start, watch_until

pytestmark = linux_only

BUILD_DOCUMENTS = 10
LINT_DOCUMENTS = 400
"""Far above the 16 files from which lint uses workers, so that it runs long enough to be killed."""


class Run:
    """A running `agreement` and every process seen below it."""

    def __init__(self, *args: str | Path) -> None:
        self.process = start(*args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.seen: dict[int, str] = {}

    def look(self) -> None:
        for pid in descendants(self.process.pid) - self.seen.keys():
            self.seen[pid] = command_line(pid)

    def wait_for(self, shape: str, count: int = 1, seconds: float = 8) -> None:
        """Watch until `count` processes whose command line holds `shape` run below the main one."""
        def found() -> bool:
            self.look()
            return sum(shape in line for line in self.seen.values()) >= count
        assert watch_until(found, seconds), f"not {count} {shape!r} processes: {self.seen}"

    def signal(self, signum: int) -> None:
        self.look()
        os.kill(self.process.pid, signum)

    def output_closes(self, seconds: float) -> bool:
        """Whether every holder of the main process's standard output closes it within `seconds`."""
        assert self.process.stdout is not None
        reader = threading.Thread(target=self.process.stdout.read, daemon=True)
        reader.start()
        reader.join(seconds)
        return not reader.is_alive()

    def kill_leftovers(self) -> None:
        for pid in living(self.seen):
            os.kill(pid, signal.SIGKILL)
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()


@pytest.fixture
def run_of():  # noqa: ANN201
    runs: list[Run] = []

    def begin(*args: str | Path) -> Run:
        runs.append(Run(*args))
        return runs[-1]

    yield begin
    for run in runs:
        run.kill_leftovers()


def build_args(tmp_path: Path) -> list[str | Path]:
    documents(tmp_path / "plans", BUILD_DOCUMENTS)
    return ["build", tmp_path / "plans", "--out", tmp_path / "out", "--jobs", "2"]


def lint_args(tmp_path: Path) -> list[str | Path]:
    documents(tmp_path / "plans", LINT_DOCUMENTS)
    return ["lint", tmp_path / "plans", "--today", "2021-06-01", "--jobs", "2"]


def assert_nothing_left(run: Run) -> None:
    """Within 2 s of the main process's end, no process it started runs and its output is closed."""
    assert len(run.seen) >= 2, run.seen  # workers were running when it was stopped
    assert watch_until(lambda: not living(run.seen), 2.0), {pid: run.seen[pid] for pid in living(run.seen)}
    assert run.output_closes(1.0), "a process still holds the standard output"


# -- SIGKILL: the kernel (or the workers' watchdog) ends them ------------------------------


def test_sigkill_to_a_build_ends_its_workers_and_their_pandoc_and_typst(tmp_path: Path, run_of) -> None:
    run = run_of(*build_args(tmp_path))
    run.wait_for("pandoc")
    run.signal(signal.SIGKILL)
    assert run.process.wait(2) == -signal.SIGKILL
    assert_nothing_left(run)


def test_sigkill_to_a_parallel_lint_ends_its_workers(tmp_path: Path, run_of) -> None:
    run = run_of(*lint_args(tmp_path))
    run.wait_for("lint", count=2)  # the workers: copies of the main process, with its command line
    run.signal(signal.SIGKILL)
    assert run.process.wait(2) == -signal.SIGKILL
    assert_nothing_left(run)


# -- SIGTERM and SIGINT: the main process stops them and says so ---------------------------


@pytest.mark.parametrize("signum, status, message", [(signal.SIGTERM, 143, "terminated"),
                                                     (signal.SIGINT, 130, "interrupted")])
def test_a_signal_stops_a_build_promptly_with_one_line(tmp_path: Path, run_of, signum: int, status: int,
                                                       message: str) -> None:
    run = run_of(*build_args(tmp_path))
    run.wait_for("pandoc")
    run.signal(signum)
    assert run.process.wait(3) == status
    assert_nothing_left(run)
    assert run.process.stderr is not None
    assert run.process.stderr.read().decode().splitlines()[-1:] == [message]
    assert_outputs_whole(tmp_path / "out")


@pytest.mark.parametrize("signum, status, message", [(signal.SIGTERM, 143, "terminated"),
                                                     (signal.SIGINT, 130, "interrupted")])
def test_a_signal_stops_a_parallel_lint_with_one_line(tmp_path: Path, run_of, signum: int, status: int,
                                                      message: str) -> None:
    run = run_of(*lint_args(tmp_path))
    run.wait_for("lint", count=2)
    run.signal(signum)
    assert run.process.wait(3) == status
    assert_nothing_left(run)
    assert run.process.stderr is not None
    assert run.process.stderr.read().decode() == f"{message}\n"


def test_sigint_after_the_first_documents_keeps_them_whole_and_builds_no_more(tmp_path: Path, run_of) -> None:
    run = run_of(*build_args(tmp_path))
    out = tmp_path / "out"
    assert watch_until(lambda: any(out.glob("*.pdf")), 8), "no document was built"
    run.signal(signal.SIGINT)
    assert run.process.wait(3) == 130
    built = assert_outputs_whole(out)
    assert 0 < len(built) < BUILD_DOCUMENTS  # stopped: what had not started was not built
    cache = json.loads((out / ".agreement-build.json").read_text(encoding="utf-8"))
    assert {name.rsplit(".", 1)[0] for name in cache["outputs"]} == built  # and will not be built again


def assert_outputs_whole(out: Path) -> set[str]:
    """No temporary file left, every file complete, each document all three formats or none;
    the ids of the documents built."""
    files = [path for path in out.iterdir() if path.name != ".agreement-build.json"] if out.exists() else []
    assert not [path.name for path in files if path.name.endswith(".tmp")]
    for path in files:
        data = path.read_bytes()
        if path.suffix == ".html":
            assert data.rstrip().endswith(b"</html>"), path
        elif path.suffix == ".pdf":
            assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF"), path
        else:
            assert path.suffix == ".docx", path
            with zipfile.ZipFile(path) as archive:
                assert archive.testzip() is None, path
    built = {path.stem for path in files}
    assert sorted(path.name for path in files) == sorted(f"{d}.{f}" for d in built for f in ("html", "docx", "pdf"))
    return built
