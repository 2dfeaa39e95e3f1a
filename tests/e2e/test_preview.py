"""`agreement preview` in headless Chromium: a save shows in the page within half a second, a broken
save shows its diagnostic with its line, and the next good save brings the document back.

e2e/preview-check.mjs opens the page, saves the document (one write, as an editor does) and
waits for the page that shows the save; screenshots go to e2e-out/screenshots/.
"""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Iterator

import pytest

from .clients import NODE_SIDE, ROOT, run

pytestmark = pytest.mark.e2e

ESLOV = ROOT / "examples/eslov-2015-2018/agreement.yaml"
TITLE = "Samverkansavtal mellan polisen och Eslövs kommun 2015-18"
RELOAD_BOUND_MS = 500
"""DESIGN.md: a preview reloads within 0.5 s of a save."""
MOST_CONTENTION = 4.0
"""The largest share of the machine other work may be found to take before the bound stops growing."""


def contention(document: Path, builds: int = 3) -> float:
    """How much slower than its own CPU time a bare build of the page runs now (1.0 on an idle machine).

    The machine is shared and two cores are few: when other work takes them, a build's wall time
    grows though the preview does nothing worse. As DESIGN.md measures speed against a baseline
    taken in the same run, the bound is the half second times this factor (at most
    MOST_CONTENTION), so it fails for a slow preview, not for a busy machine."""
    from agreement.render.single import html_page

    def cpu() -> float:
        own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime

    html_page(document)
    ratios = []
    for _ in range(builds):
        wall, used = time.perf_counter(), cpu()
        html_page(document)
        ratios.append((time.perf_counter() - wall) / max(cpu() - used, 1e-3))
    return min(max(1.0, statistics.median(ratios)), MOST_CONTENTION)


@pytest.fixture
def previewed(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A copy of the Eslöv agreement under `agreement preview`, and the page's address."""
    document = tmp_path / "eslov.yaml"
    shutil.copy(ESLOV, document)
    process = subprocess.Popen([str(Path(sys.executable).with_name("agreement")), "preview", str(document)],
                               stderr=subprocess.PIPE, text=True, env={**os.environ, "NO_COLOR": "1"})
    assert process.stderr is not None
    first = process.stderr.readline()
    match = re.search(r"at (http://127\.0\.0\.1:\d+/) ", first)
    if match is None:
        process.kill()
        pytest.fail(f"agreement preview did not start: {first}{process.stderr.read()}")
    yield match.group(1), document
    process.terminate()
    process.wait(timeout=30)


def check(url: str, document: Path, steps: list[dict[str, Any]], shots: Path, tmp_path: Path) -> list[dict[str, Any]]:
    if not (NODE_SIDE / "node_modules" / "playwright-core").is_dir():
        pytest.fail("e2e/node_modules is missing; run `make e2e`, which runs `npm ci` in e2e/")
    plan = tmp_path / "steps.json"
    plan.write_text(json.dumps(steps, ensure_ascii=False), encoding="utf-8")
    done = run(["node", NODE_SIDE / "preview-check.mjs", "--url", url, "--file", document, "--steps", plan,
                "--shots", shots], timeout=180)
    return json.loads(done.stdout)["steps"]


def test_saves_show_in_the_page_within_half_a_second_and_problems_with_their_line(
        previewed: tuple[str, Path], e2e_out: Path, tmp_path: Path) -> None:
    """Five edits after a warm-up save (a fresh Chromium's first reload pays its own start-up): their
    median must be within the bound, and none may take twice as long. Single timings on a shared
    two-core machine vary with its load; the median of several does not, much, and the bound grows
    with the load measured around the run (`contention`). Then a broken save must show its
    diagnostic with its line, and the next good save the document again."""
    url, document = previewed
    line = next(n for n, text in enumerate(document.read_text(encoding="utf-8").splitlines(), 1)
                if text.startswith("language:"))
    titles = [TITLE, *(f"Reviderat samverkansavtal 201{number}" for number in range(6))]
    steps = [{"name": f"edit-{number}", "replace": [f"title: {old}", f"title: {new}"], "expect": new}
             for number, (old, new) in enumerate(zip(titles, titles[1:]))]
    steps += [
        {"name": "broken", "replace": ["\nlanguage: sv", "\nlangage: sv"],
         "expect": f"eslov.yaml:{line}:1: S201 unknown key 'langage'"},
        {"name": "fixed", "replace": ["\nlangage: sv", "\nlanguage: sv"], "expect": titles[-1]},
    ]
    busy = contention(ESLOV)
    results = check(url, document, steps, e2e_out / "screenshots", tmp_path)
    busy = max(busy, contention(ESLOV))
    for step, result in zip(steps, results, strict=True):
        assert result["shown"], f"step {step['name']}: the page never showed {step['expect']!r}:\n{result['text']}"
    timed = [result["ms"] for result in results[1:]]
    said = f"save to shown page, ms: {timed}; the machine ran builds {busy:.1f}x slower than their CPU time"
    assert statistics.median(timed) <= RELOAD_BOUND_MS * busy, said
    assert max(timed) <= 2 * RELOAD_BOUND_MS * busy, said
    broken = results[-2]["text"]
    assert f"> {line} | langage: sv" in broken and "did you mean 'language'?" in broken
    assert broken.startswith("1 problem in ")  # the problem instead of the document
