"""pandoc and typst stopped at their time and memory limits, with real pandoc and typst.

Input that validates can make pandoc run for minutes and take gigabytes (deeply nested
Markdown link brackets) and typst likewise (a huge word, a long loop). The input
limits of validation keep such text out of documents; these tests check the backstop
behind them, so the runaway text comes from templates (a `--templates` folder, which a
pull request can bring as well as a document). The limits are lowered through the
environment so that each test ends within seconds; unbounded, each input below runs
for far longer than its limit (pandoc on 4,000 brackets about 30 s, typst's loop about
a minute) or takes gigabytes.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .support import PLAN, ROOT, agreement, assert_clean_failure

NESTED_BRACKETS = "[" * 4000
NESTED_LINKS = "[" * 1000 + "x" + "](u)" * 1000
"""Takes pandoc about 4 GB within 20 s."""
TYPST_LOOP = "#let spin = { let n = 0; for i in range(10000) { for j in range(10000) { n += 1 } }; n }\n"
TYPST_HOG = '#let hog = "ab" * 1000000000\n'


def templates_with(folder: Path, name: str, text: str) -> Path:
    """A --templates folder that replaces one bundled file."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return folder


def limited(**limits: str) -> dict[str, str]:
    return {**os.environ, **limits}


def build(tmp_path: Path, templates: Path, to: str, env: dict[str, str]):  # noqa: ANN201
    return agreement("build", PLAN, "--to", to, "--out", tmp_path / "out", "--templates", templates, env=env)


def assert_nothing_written(out: Path) -> None:
    assert not out.exists() or not [path.name for path in out.iterdir() if path.suffix != ".json"]


@pytest.mark.parametrize("text, limits, message", [
    (NESTED_BRACKETS, {"AGREEMENT_STEP_SECONDS": "2"}, "pandoc (html) took longer than 2 s and was stopped"),
    (NESTED_LINKS, {"AGREEMENT_STEP_MEMORY_MB": "300"}, "pandoc (html) needed more than 300 MB of memory and was stopped"),
], ids=["time", "memory"])
def test_runaway_markdown_stops_pandoc_with_the_document_and_the_step(tmp_path: Path, text: str,
                                                                      limits: dict[str, str], message: str) -> None:
    templates = templates_with(tmp_path / "templates", "document.md.j2", f"# Rubrik\n\n{text}\n")
    result = build(tmp_path, templates, "html", limited(**limits))
    assert_clean_failure(result, 1, f"{PLAN}: error: {message}; the document may nest Markdown too deeply")
    assert f"failed: {PLAN}" in result.stdout
    assert_nothing_written(tmp_path / "out")


@pytest.mark.parametrize("code, limits, message", [
    (TYPST_LOOP, {"AGREEMENT_STEP_SECONDS": "2", "AGREEMENT_STEP_MEMORY_MB": "500"},
     "typst (pdf) took longer than 2 s and was stopped"),
    (TYPST_HOG, {"AGREEMENT_STEP_MEMORY_MB": "400"}, "typst (pdf) needed more than 400 MB of memory and was stopped"),
], ids=["time", "memory"])
def test_runaway_typst_is_stopped_with_the_document_and_the_step(tmp_path: Path, code: str, limits: dict[str, str],
                                                                 message: str) -> None:
    layout = (ROOT / "templates" / "document.typ").read_text(encoding="utf-8")
    templates = templates_with(tmp_path / "templates", "document.typ", layout + code)
    result = build(tmp_path, templates, "pdf", limited(**limits))
    assert_clean_failure(result, 1, f"{PLAN}: error: {message}; the document may have a very long word")
    assert_nothing_written(tmp_path / "out")


@pytest.mark.parametrize("variable, value", [("AGREEMENT_STEP_SECONDS", "soon"), ("AGREEMENT_STEP_SECONDS", "0"),
                                             ("AGREEMENT_STEP_MEMORY_MB", "2G"), ("AGREEMENT_STEP_MEMORY_MB", "1")])
def test_a_wrong_limit_is_a_usage_error(tmp_path: Path, variable: str, value: str) -> None:
    result = agreement("build", PLAN, "--to", "md", "--out", tmp_path, env=limited(**{variable: value}))
    assert_clean_failure(result, 2, f"error: {variable} must be a number of")
    assert repr(value) in result.stderr
