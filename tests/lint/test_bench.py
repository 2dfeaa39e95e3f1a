"""bench/lint.py keeps working: on a tiny generated corpus it times every command and judges the
ratios (the figures themselves belong to `make bench`, never to a test)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

BENCH = Path(__file__).resolve().parents[2] / "bench"


def load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_bench_measures_every_baseline_on_a_small_corpus(tmp_path: Path) -> None:
    bench = load("lint")
    load("corpus").generate(tmp_path, count=3)
    figures = bench.measure(tmp_path, rounds=1)
    assert [figure.name.split(",")[0] for figure in figures[1:5]] == [
        "(a) C parser compose", "(b) agreement lint", "(c) check-jsonschema (schema only)", "(d) yamllint"]
    assert all(figure.value > 0 for figure in figures)
    problem = bench.verdict(figures)
    assert problem is None or problem.startswith("lint is")
