"""Golden files of the generated Pandoc Markdown, one per example and fixture.

A change in a template or the view model shows up here as a readable diff.
Regenerate after an intended change with `UPDATE_GOLDEN=1 make test`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import subprocess

from agreement.followups.logs import is_follow_up_file
from agreement.render.pandoc import FILTER, READER, pandoc_path
from agreement.discovery import discover

from .conftest import EXAMPLES, FIXTURES, HERE, markdown_of

GOLDEN = HERE / "golden"
SOURCES = [path for path in discover([EXAMPLES]) if not is_follow_up_file(path)] + [FIXTURES / "plan-by-party.yaml", FIXTURES / "hostile.yaml"]


def golden_name(source: Path) -> str:
    return (source.parent.name if source.parent.parent == EXAMPLES else source.stem) + ".md"


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: golden_name(p)[:-3])
def test_generated_markdown_matches_its_golden_file(source: Path) -> None:
    golden = GOLDEN / golden_name(source)
    markdown = markdown_of(source)
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(markdown, encoding="utf-8")
    assert golden.is_file(), f"no golden file {golden}; run with UPDATE_GOLDEN=1 to write it"
    assert markdown == golden.read_text(encoding="utf-8")


def test_english_labels_golden() -> None:
    golden = GOLDEN / "plan-by-party.en.md"
    markdown = markdown_of(FIXTURES / "plan-by-party.yaml", language="en")
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(markdown, encoding="utf-8")
    assert markdown == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("source", [s for s in SOURCES if s.stem != "hostile"], ids=lambda p: golden_name(p)[:-3])
def test_no_markdown_syntax_is_left_over_as_text(source: Path) -> None:
    """Every div the templates open is read as a div: none shows up as `:::` in the text."""
    done = subprocess.run([pandoc_path(), "--sandbox", f"--from={READER}", "--to=plain", f"--lua-filter={FILTER}"],
                          input=markdown_of(source), capture_output=True, text=True, check=True)
    assert ":::" not in done.stdout and "user-text" not in done.stdout
