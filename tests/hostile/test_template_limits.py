"""Templates that would exhaust the machine: a user's `--templates` folder is a program, and
one that loops for ever, recurses or builds a string of gigabytes must end, within seconds
and well under a gigabyte, in the template error users already get (`DOCUMENT: error: TEMPLATE:LINE: message`,
the document `failed`), exit status 2, and no traceback.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ..processes import measured

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "tests" / "render" / "fixtures" / "plan-by-party.yaml"
SECONDS = 10
"""CPU seconds (the build and every process it starts) a run may take: CPU rather than wall time, so that
a busy machine does not fail the test; `measured` fails a run that hangs past its wall-clock limit."""
MEMORY_KB = 1024 * 1024
PARTIAL = "partials/signatures.md.j2"

CASES = {
    "huge-range": ("{% for i in range(10**9) %}x{% endfor %}\n", "Range too big"),
    "endless-loops": ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}\n",
                      "took longer than"),
    "huge-string": ('{{ "x" * 10**10 }}\n', "needs more than"),
    "doubling-string": ('{% set ns = namespace(s="x") %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}'
                        "{% endfor %}{{ ns.s | length }}\n", "needs more than"),
    "huge-list": ("{{ ([1] * 10**10) | length }}\n", "needs more than"),
    "huge-power": ("{{ 10 ** (10 ** 10) }}\n", "would compute a number"),
    "recursive-extends": (f'{{% extends "{PARTIAL}" %}}\n', "calls itself without end"),
    "recursive-include": (f'{{% include "{PARTIAL}" %}}\n', "calls itself without end"),
    "recursive-macro": ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}\n", "calls itself without end"),
}


def build_with(tmp_path: Path, name: str, text: str) -> tuple[int, str]:
    """Build the fixture plan with one template replaced; (exit status, what was printed)."""
    templates = tmp_path / "templates"
    (templates / name).parent.mkdir(parents=True, exist_ok=True)
    (templates / name).write_text(text, encoding="utf-8")
    run = measured(["build", str(PLAN), "--to", "md,html", "--out", str(tmp_path / "out"),
                    "--templates", str(templates)], hang_seconds=30)
    assert run.cpu_seconds < SECONDS, f"{run.cpu_seconds:.1f} CPU seconds"
    assert run.peak_kb < MEMORY_KB, f"{run.peak_kb // 1024} MB"
    return run.status, run.output


@pytest.mark.parametrize("case", CASES)
def test_a_runaway_partial_is_a_template_error_with_its_line(tmp_path: Path, case: str) -> None:
    text, message = CASES[case]
    status, output = build_with(tmp_path, PARTIAL, text)
    assert status == 2, output
    assert f"error: {tmp_path / 'templates' / PARTIAL}:1: " in output, output
    assert message in output, output
    assert not (tmp_path / "out" / "plan-by-party.md").exists()


def test_a_runaway_page_template_is_a_template_error_too(tmp_path: Path) -> None:
    text = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}\n"
    status, output = build_with(tmp_path, "document.html.j2", text)
    assert status == 2 and "document.html.j2:1: took longer than 5 s" in output, output
