"""Run every benchmark: generate the corpus when it is missing or stale, then measure.

Validation (bench/validate.py) first, then lint (bench/lint.py), follow-ups
(bench/followups.py), build (bench/build.py), preview (bench/preview.py) and
start-up (bench/startup.py) where those benchmarks exist. Each prints its table;
the run exits non-zero when any misses its target.

    python bench/run.py        (or: make bench)
"""

from __future__ import annotations

import os
import platform
import sys
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402  (bench/ is not a package)
import validate  # noqa: E402


def machine() -> str:
    """What the figures were measured on, printed with them."""
    return f"{platform.python_implementation()} {platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores"


def run_validate() -> str | None:
    figures = validate.measure(corpus.DEFAULT_OUT)
    print(validate.table(figures))
    return validate.verdict(figures)


def run_lint() -> str | None:
    import lint

    text = lint.report(corpus.DEFAULT_OUT)
    print(text)
    return text.splitlines()[-1] if "MISSED" in text else None


def run_build() -> str | None:
    import build

    text, problem = build.report(build.measure())
    print(text)
    return problem


def run_followups() -> str | None:
    import followups

    text, problem = followups.report(corpus.DEFAULT_OUT)
    print(text)
    return problem


def run_preview() -> str | None:
    import preview

    text, problem = preview.report()
    print(text)
    return problem


def run_startup() -> str | None:
    import startup

    text, problem = startup.report()
    print(text)
    return problem


BENCHMARKS: list[tuple[str, Callable[[], str | None]]] = [
    ("validate", run_validate), ("lint", run_lint), ("followups", run_followups), ("build", run_build),
    ("preview", run_preview), ("startup", run_startup),
]


def main() -> None:
    if not corpus.is_current():
        paths = corpus.generate()
        print(f"generated {len(paths)} agreements in {corpus.DEFAULT_OUT}")
    print(f"machine: {machine()}")
    missed = []
    for name, benchmark in BENCHMARKS:
        print(f"\n## {name}\n")
        if not (HERE / f"{name}.py").is_file():
            print(f"(bench/{name}.py not present)")
            continue
        problem = benchmark()
        if problem:
            missed.append(f"{name}: {problem}")
    if missed:
        sys.exit("\n".join(missed))


if __name__ == "__main__":
    main()
