"""bench/preview.py keeps working: two saves through a real preview, each with a latency (the figures
themselves belong to `make bench`, never to a test)."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench" / "preview.py"


def test_the_benchmark_times_saves_to_reloaded_pages(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("bench_preview", BENCH)
    assert spec and spec.loader
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    document = tmp_path / "eslov.yaml"
    shutil.copy(bench.ESLOV, document)
    latencies = bench.measure_latencies(document, saves=2)
    assert len(latencies) == 2 and all(latency > 0 for latency in latencies)
    assert "title: Benchmark 1" in document.read_text(encoding="utf-8")
    assert len(bench.measure_builds(document, builds=2)) == 2
