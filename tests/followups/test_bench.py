"""bench/followups.py keeps working: on a tiny generated corpus it times both commands and judges the
ratio (the figures themselves belong to `make bench`, never to a test)."""

from __future__ import annotations

from pathlib import Path

from ..lint.test_bench import load


def test_bench_times_followups_against_lint_on_a_small_corpus(tmp_path: Path) -> None:
    bench = load("followups")
    load("corpus").generate(tmp_path, count=3)
    figures = bench.measure(tmp_path, rounds=1)
    assert [figure.name.split(",")[0] for figure in figures[1:3]] == ["(a) agreement lint", "(b) agreement followups"]
    assert all(figure.value > 0 for figure in figures)
    problem = bench.verdict(figures)
    assert problem is None or problem.startswith("followups takes")
