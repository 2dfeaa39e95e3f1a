"""Benchmark of `agreement lint` on the generated corpus, as ratios against baselines measured
in the same run (these machines are noisy, so only the ratios are compared with targets).

- (a) ruamel.yaml's C parser composing every file in one process (reading included);
- (b) `agreement lint CORPUS`, a subprocess using every core, JSON report discarded;
- (c) `check-jsonschema --schemafile schemas/agreement.schema.json` on the same files
  (schema validation alone, no lint rules);
- (d) `yamllint` with its default configuration on the same files (style only).

Targets: b/a <= 1.5 (lint within 1.5x of bare parsing), b < c and b < d.

    python bench/lint.py [CORPUS]
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus as generator  # noqa: E402  (bench/ is not a package)
from validate import Figure, agreement_command, compose_seconds, corpus_files, table, wall_seconds  # noqa: E402

ROOT = HERE.parent
SCHEMA = ROOT / "schemas" / "agreement.schema.json"
COMPOSE_TARGET = 1.5
TODAY = "2016-06-15"
"""Inside the corpus' periods, so the findings are those of plans in force, not of an archive."""


def tool(name: str) -> list[str]:
    """A console script installed beside this interpreter (the project's venv)."""
    script = Path(sys.executable).with_name(name)
    if not script.is_file():
        raise SystemExit(f"{script}: not installed; run `pip install -e '.[dev]'`")
    return [str(script)]


def commands(folder: Path, files: list[Path]) -> dict[str, list[str]]:
    """The three commands timed against the compose baseline, on the same files."""
    names = [str(path) for path in files]
    return {
        "lint": agreement_command() + ["lint", "--quiet", "--today", TODAY, "--format", "json",
                                       "--output", os.devnull, str(folder)],
        "check-jsonschema": tool("check-jsonschema") + ["--schemafile", str(SCHEMA), *names],
        "yamllint": tool("yamllint") + names,
    }


def measure(folder: Path, rounds: int = 3) -> list[Figure]:
    """Best of `rounds` for each, interleaved so that all see the same load."""
    files = corpus_files(folder)
    if not files:
        raise SystemExit(f"{folder}: no corpus; run `python bench/corpus.py` first")
    timed = commands(folder, files)
    best: dict[str, float] = {}
    for _ in range(rounds):
        best["compose"] = min(best.get("compose", float("inf")), compose_seconds(files))
        for name, command in timed.items():
            best[name] = min(best.get(name, float("inf")), wall_seconds(command, expect=None))
    a, b = best["compose"], best["lint"]
    megabytes = sum(path.stat().st_size for path in files) / 1e6
    return [
        Figure(f"corpus: {len(files)} files", megabytes, "MB", digits=1),
        Figure("(a) C parser compose, one process", a, "s"),
        Figure(f"(b) agreement lint, {os.cpu_count()} cores", b, "s"),
        Figure("(c) check-jsonschema (schema only)", best["check-jsonschema"], "s"),
        Figure("(d) yamllint, default config", best["yamllint"], "s"),
        Figure("lint / compose b/a", b / a, "x", f"<= {COMPOSE_TARGET}", digits=2),
        Figure("lint / check-jsonschema b/c", b / best["check-jsonschema"], "x", "< 1", digits=2),
        Figure("lint / yamllint b/d", b / best["yamllint"], "x", "< 1", digits=2),
    ]


def verdict(figures: list[Figure]) -> str | None:
    """Why the run misses a target, or None when it meets them all."""
    ratios = {figure.name: figure.value for figure in figures}
    problems = []
    if ratios["lint / compose b/a"] > COMPOSE_TARGET:
        problems.append(f"lint is {ratios['lint / compose b/a']:.2f}x the compose time (target {COMPOSE_TARGET})")
    for name in ("lint / check-jsonschema b/c", "lint / yamllint b/d"):
        if ratios[name] >= 1:
            problems.append(f"lint is not faster than {name.split(' / ')[1].split()[0]}")
    return "; ".join(problems) or None


def report(folder: Path = generator.DEFAULT_OUT) -> str:
    """The table and the verdict, for bench/run.py."""
    figures = measure(folder)
    problem = verdict(figures)
    return table(figures) + "\n" + (f"lint: MISSED: {problem}" if problem else "lint: all targets met")


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else generator.DEFAULT_OUT
    if folder == generator.DEFAULT_OUT and not generator.is_current():
        generator.generate()
    figures = measure(folder)
    print(table(figures))
    problem = verdict(figures)
    if problem:
        sys.exit(problem)


if __name__ == "__main__":
    main()
