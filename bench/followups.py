"""Benchmark of `agreement followups` on the generated corpus, against `agreement lint` on the same
corpus in the same run (these machines are noisy, so only the ratio is compared with the target).

- (a) `agreement lint CORPUS`, JSON report discarded (as bench/lint.py runs it);
- (b) `agreement followups CORPUS`, JSON listing discarded, same --today.

Target: b/a <= 1 (listing follow-ups takes no longer than linting).

    python bench/followups.py [CORPUS]
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus as generator  # noqa: E402  (bench/ is not a package)
from lint import TODAY  # noqa: E402
from validate import Figure, agreement_command, corpus_files, table, wall_seconds  # noqa: E402

TARGET = 1.0


def commands(folder: Path) -> dict[str, list[str]]:
    quiet = ["--quiet", "--today", TODAY, "--format", "json", "--output", os.devnull, str(folder)]
    return {"lint": agreement_command() + ["lint", *quiet], "followups": agreement_command() + ["followups", *quiet]}


def measure(folder: Path, rounds: int = 3) -> list[Figure]:
    """Best of `rounds` for each, interleaved so that both see the same load."""
    files = corpus_files(folder)
    if not files:
        raise SystemExit(f"{folder}: no corpus; run `python bench/corpus.py` first")
    best: dict[str, float] = {}
    for _ in range(rounds):
        for name, command in commands(folder).items():
            best[name] = min(best.get(name, float("inf")), wall_seconds(command, expect=None))
    a, b = best["lint"], best["followups"]
    return [
        Figure(f"corpus: {len(files)} files", sum(path.stat().st_size for path in files) / 1e6, "MB", digits=1),
        Figure(f"(a) agreement lint, {os.cpu_count()} cores", a, "s"),
        Figure(f"(b) agreement followups, {os.cpu_count()} cores", b, "s"),
        Figure("followups / lint b/a", b / a, "x", f"<= {TARGET}", digits=2),
    ]


def verdict(figures: list[Figure]) -> str | None:
    ratio = figures[-1].value
    return f"followups takes {ratio:.2f}x the time of lint (target {TARGET})" if ratio > TARGET else None


def report(folder: Path = generator.DEFAULT_OUT) -> tuple[str, str | None]:
    figures = measure(folder)
    return table(figures), verdict(figures)


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else generator.DEFAULT_OUT
    if folder == generator.DEFAULT_OUT and not generator.is_current():
        generator.generate()
    text, problem = report(folder)
    print(text)
    if problem:
        sys.exit(problem)


if __name__ == "__main__":
    main()
