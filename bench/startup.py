"""Benchmark of start-up: `agreement validate FILE` and `agreement lint FILE` against `yamllint FILE`.

`agreement lint FILE` runs on every commit in pre-commit and on every save in an
editor, so what counts is the whole process for one file. Its baseline is yamllint
on the same file, measured in the same run (these machines are shared and noisy):

- `python -c pass`, the interpreter alone (for reference);
- `yamllint FILE` (default configuration);
- `agreement validate FILE` and `agreement lint FILE`.

Each figure is the CPU time (user + system) of the child process, which other load on
the machine disturbs far less than wall time. The commands run in alternating rounds,
so that a burst of other work hits them all, after a warm-up round that fills the
file and page caches; the median of the rounds is kept. The package is byte-compiled
first, as an installed package is, so that no run pays for compiling its source.

Targets: validate / yamllint <= 1.0 and lint / yamllint <= 1.0.

    python bench/startup.py [FILE]        (also run by `make bench`)
"""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus as generator  # noqa: E402  (bench/ is not a package)
from lint import tool  # noqa: E402
from validate import Figure, agreement_command, corpus_files, table  # noqa: E402

ROUNDS = 15
TARGET = 1.0
COMPARED = ("agreement validate FILE", "agreement lint FILE")
"""The commands held to the target, each against yamllint on the same file."""


@dataclass(frozen=True)
class Timing:
    """One run of a command: CPU seconds of the child (user + system) and wall seconds."""

    cpu: float
    wall: float


def commands(file: Path) -> dict[str, list[str]]:
    """The commands compared, by the name they are reported under, all on `file`."""
    return {
        "python -c pass": [sys.executable, "-c", "pass"],
        "yamllint FILE": tool("yamllint") + [str(file)],
        "agreement validate FILE": agreement_command() + ["validate", str(file)],
        "agreement lint FILE": agreement_command() + ["lint", str(file)],
    }


def run_once(command: list[str]) -> Timing:
    """Run `command` with its output discarded; the CPU time is the child's own, from wait4."""
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    with child.stderr:  # type: ignore[union-attr]
        errors = child.stderr.read()  # type: ignore[union-attr]
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode not in (0, 1):  # findings are fine; a usage error or a crash is not
        raise SystemExit(f"`{' '.join(command)}` exited {child.returncode}:\n{errors.decode(errors='replace')[-2000:]}")
    return Timing(usage.ru_utime + usage.ru_stime, wall)


def compile_package() -> None:
    """Byte-compile the agreement package as pip does on install, so no measured run compiles source
    (PYTHONDONTWRITEBYTECODE, set on some machines, would otherwise make every run compile it)."""
    done = subprocess.run([sys.executable, "-c", "import agreement, os; print(os.path.dirname(agreement.__file__))"],
                          capture_output=True, text=True, check=True)
    compileall.compile_dir(done.stdout.strip(), quiet=1)


def measure(file: Path, rounds: int = ROUNDS) -> dict[str, list[Timing]]:
    """Every command `rounds` times, alternating, after a warm-up round that is not counted."""
    compile_package()
    timed = commands(file)
    for command in timed.values():
        run_once(command)
    runs: dict[str, list[Timing]] = {name: [] for name in timed}
    for _ in range(rounds):
        for name, command in timed.items():
            runs[name].append(run_once(command))
    return runs


def figures(file: Path, runs: dict[str, list[Timing]]) -> list[Figure]:
    """The table: median CPU time of each command, then each compared command's ratio to yamllint."""
    cpu = {name: statistics.median(t.cpu for t in timings) for name, timings in runs.items()}
    wall = {name: statistics.median(t.wall for t in timings) for name, timings in runs.items()}
    rounds = len(next(iter(runs.values())))
    rows = [Figure(f"file: {file.name}", file.stat().st_size / 1000, "KB", digits=1)]
    rows += [Figure(f"{name} (CPU, median of {rounds})", seconds, "s") for name, seconds in cpu.items()]
    rows += [Figure(f"{name} (wall, median)", seconds, "s") for name, seconds in wall.items()]
    base = cpu["yamllint FILE"]
    rows += [Figure(f"{name.split()[1]} / yamllint (CPU)", cpu[name] / base, "x", f"<= {TARGET}", digits=2)
             for name in COMPARED]
    return rows


def verdict(rows: list[Figure]) -> str | None:
    """Why the run misses a target, or None when it meets them all."""
    missed = [f"{row.name} is {row.value:.2f}" for row in rows if row.unit == "x" and row.value > TARGET]
    return "; ".join(f"{text} (target {TARGET})" for text in missed) or None


def default_file() -> Path:
    """The first document of the generated corpus (about 20 KB, like a real agreement)."""
    if not generator.is_current():
        generator.generate()
    return corpus_files(generator.DEFAULT_OUT)[0]


def report(file: Path | None = None) -> tuple[str, str | None]:
    """The table and the verdict, for bench/run.py."""
    file = file or default_file()
    rows = figures(file, measure(file))
    return table(rows), verdict(rows)


def main() -> None:
    text, problem = report(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
    print(text)
    if problem:
        sys.exit(f"startup: MISSED: {problem}")
    print("startup: all targets met")


if __name__ == "__main__":
    main()
