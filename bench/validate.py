"""Benchmarks of validation speed and start-up, as ratios against baselines measured in the same run.

- throughput: (b) the wall time of `agreement validate CORPUS` (a subprocess, every
  core) against (a) the time ruamel.yaml's C parser alone needs to compose every
  file of the corpus in one process, reading included. Target: b/a <= 1.5.
- start-up: the median wall time of `agreement --help` against a bare
  `python -c pass`, and whether `--help` imports pydantic or ruamel.yaml at all.

The machines are noisy, so only the ratios are compared with the targets.

    python bench/validate.py [CORPUS]
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
THROUGHPUT_TARGET = 1.5
HEAVY_MODULES = ("pydantic", "ruamel", "jinja2", "pypandoc", "typst", "babel")


@dataclass(frozen=True)
class Figure:
    """One measured figure, printed as a row of the results table."""

    name: str
    value: float
    unit: str
    target: str = ""
    digits: int = 3

    def row(self) -> str:
        return f"| {self.name:<44} | {self.value:>9.{self.digits}f} {self.unit:<3} | {self.target:<8} |"


def agreement_command() -> list[str]:
    """The installed console script beside this interpreter, else `python -m agreement`."""
    script = Path(sys.executable).with_name("agreement")
    if script.is_file():
        return [str(script)]
    found = shutil.which("agreement")
    return [found] if found else [sys.executable, "-m", "agreement"]


def corpus_files(corpus: Path) -> list[Path]:
    return sorted(corpus.glob("*.yaml"))


def compose_seconds(files: list[Path]) -> float:
    """Baseline (a): the C parser composing every file in this process, reading included."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=False)
    started = time.perf_counter()
    for path in files:
        yaml.compose(path.read_text(encoding="utf-8"))
    return time.perf_counter() - started


def wall_seconds(command: list[str], expect: int | None = 0) -> float:
    """The wall time of one run of `command`; fails loudly when its exit status is unexpected."""
    started = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - started
    if expect is not None and done.returncode != expect:
        raise SystemExit(f"{' '.join(command)} exited {done.returncode}:\n{done.stderr[-2000:]}")
    return elapsed


def median_seconds(command: list[str], runs: int) -> float:
    return statistics.median(wall_seconds(command) for _ in range(runs))


def heavy_imports_of_help() -> list[str]:
    """Top-level packages from HEAVY_MODULES that `agreement --help` imports (should be none)."""
    code = ("import sys\nsys.argv = ['agreement', '--help']\nfrom agreement.cli import run\n"
            "try:\n    run()\nexcept SystemExit:\n    pass\n"
            f"print(' '.join(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY_MODULES!r}))), "
            "file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True, check=True)
    return done.stderr.split()


def throughput(corpus: Path, rounds: int = 3) -> list[Figure]:
    """Figures (a), (b) and b/a; each the best of `rounds`, interleaved so both see the same load."""
    files = corpus_files(corpus)
    if not files:
        raise SystemExit(f"{corpus}: no corpus; run `python bench/corpus.py` first")
    megabytes = sum(path.stat().st_size for path in files) / 1e6
    command = agreement_command() + ["validate", "--quiet", str(corpus)]
    composes, validates = [], []
    for _ in range(rounds):
        composes.append(compose_seconds(files))
        validates.append(wall_seconds(command))
    a, b = min(composes), min(validates)
    return [
        Figure(f"corpus: {len(files)} files", megabytes, "MB", digits=1),
        Figure("(a) C parser compose, one process", a, "s"),
        Figure(f"(b) agreement validate, {os.cpu_count()} cores", b, "s"),
        Figure("throughput ratio b/a", b / a, "x", f"<= {THROUGHPUT_TARGET}", digits=2),
    ]


def startup(one_file: Path, runs: int = 9) -> list[Figure]:
    """Median start-up of `agreement --help` and of validating one file, against a bare interpreter."""
    bare = median_seconds([sys.executable, "-c", "pass"], runs)
    help_ = median_seconds(agreement_command() + ["--help"], runs)
    single = median_seconds(agreement_command() + ["validate", "--quiet", str(one_file)], runs)
    heavy = heavy_imports_of_help()
    return [
        Figure("python -c pass (median)", bare, "s"),
        Figure("agreement --help (median)", help_, "s"),
        Figure("start-up ratio --help / bare python", help_ / bare, "x", digits=1),
        Figure("agreement validate one file (median)", single, "s"),
        Figure("heavy modules imported by --help" + (f" ({', '.join(heavy)})" if heavy else ""),
               len(heavy), "", "0", digits=0),
    ]


def table(figures: list[Figure]) -> str:
    head = f"| {'figure':<44} | {'value':>13} | {'target':<8} |\n|{'-' * 46}|{'-' * 15}|{'-' * 10}|"
    return "\n".join([head, *(figure.row() for figure in figures)])


def measure(corpus: Path) -> list[Figure]:
    """Every figure of this benchmark for `corpus`."""
    return throughput(corpus) + startup(corpus_files(corpus)[0])


def verdict(figures: list[Figure]) -> str | None:
    """Why the run misses its target, or None when it meets it."""
    ratio = next(figure.value for figure in figures if figure.name == "throughput ratio b/a")
    if ratio > THROUGHPUT_TARGET:
        return f"throughput ratio {ratio:.2f} is above the target {THROUGHPUT_TARGET}"
    return None


def main() -> None:
    figures = measure(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "corpus")
    print(table(figures))
    problem = verdict(figures)
    if problem:
        sys.exit(problem)


if __name__ == "__main__":
    main()
