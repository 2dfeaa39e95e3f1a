"""Text shaped to make pandoc or typst run for minutes: refused while validating, at its line.

Each case is a document that was valid before these limits and made a build run away
(nested brackets: pandoc's time grows steeply with their depth; an unbroken word:
typst's line breaking grows with the square of its length). `agreement build` must
end within seconds and well under a gigabyte, with exit status 1 and an S209 at the
line of the text. A document just inside every limit must build, as quickly.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from agreement.model import limits

from ..processes import measured

SECONDS = 10
"""CPU seconds (the build and every process it starts) a run may take: CPU rather than wall time, so that
a busy machine does not fail the test; `measured` fails a run that hangs past its wall-clock limit."""
MEMORY_KB = 1024 * 1024

HEADER = """kind: agreement
schema: 1
id: limits
title: Gränser
period: {start: 2020-01-01, end: 2020-12-31}
parties:
  - {id: kommun, name: Kommunen, type: municipality}
"""


def block(text: str) -> str:
    """`background:` as a literal block holding `text`."""
    return "background: |\n" + "".join(f"  {line}\n" for line in text.split("\n"))


CASES = {
    "nested-link-brackets": (block("[a]( " * 200), 9, "brackets [ and ( nest 200 deep"),
    "balanced-brackets": (block("[" * 14 + "x" + "]" * 14), 9, "brackets [ and ( nest 14 deep"),
    "nested-block-quotes": (block("> " * 3000 + "x"), 9, "block quotes nest 3000 deep"),
    "deep-lists": (block("\n".join("  " * depth + "- punkt" for depth in range(40))), 9 + 39,
                   "a line is indented 78 columns"),
    "wide-table": (block("| a " * 3000 + "|\n" + "| --- " * 3000 + "|\n" + "| b " * 3000 + "|"), 9,
                   "a table row has 3000 cells"),
    "long-title": ("subtitle: " + "x" * 200_000 + "\n", 8, "the text is 200,000 characters long"),
    "long-word-in-a-title": ("subtitle: " + "x" * 600 + "\n", 8, "a word of 600 characters"),
    "long-plain-text": ("subtitle: " + "ord " * 1_000 + "\n", 8, "the text is 3,999 characters long; at most 2,000"),
    "long-markdown": (block("ord " * 20_000), 8, "the text is 80,001 characters long; at most 50,000"),
    "too-much-text": ("sections:\n" + "".join(f"  - {{title: Avsnitt {i}, text: {'ord ' * 10_000}}}\n"
                                              for i in range(8)), 1, "the document has 320,"),
}


@pytest.mark.parametrize("case", CASES)
def test_text_that_would_run_away_is_refused_at_its_line(tmp_path: Path, case: str) -> None:
    text, line, message = CASES[case]
    path = tmp_path / f"{case}.yaml"
    path.write_text(HEADER + text, encoding="utf-8")
    run = measured(["build", str(path), "--out", str(tmp_path / "out")], hang_seconds=60)
    assert run.cpu_seconds < SECONDS and run.peak_kb < MEMORY_KB, (run.cpu_seconds, run.peak_kb)
    assert run.status == 1, run.output
    head = next(line for line in run.stdout.splitlines() if ": S209 " in line)
    assert head.startswith(f"{path}:{line}:") and message in head, head
    assert not (tmp_path / "out" / "limits.html").exists()


def test_a_document_just_inside_every_limit_builds_within_seconds(tmp_path: Path) -> None:
    word = "x" * limits.WORD_CHARACTERS
    shapes = [
        "[" * limits.BRACKET_DEPTH + "text" + "]" * limits.BRACKET_DEPTH,
        "[a](" * limits.BRACKET_DEPTH,
        "> " * limits.QUOTE_DEPTH + "citat",
        "|" + "a|" * limits.TABLE_COLUMNS + "\n|" + "-|" * limits.TABLE_COLUMNS + "\n|" + "b|" * limits.TABLE_COLUMNS,
        "\n".join("  " * depth + "- punkt" for depth in range(limits.INDENT_COLUMNS // 2 + 1)),
        word,
    ]
    shaped = "\n\n".join(shapes)
    markdown = shaped + "\n\n" + ("Ord " * limits.MARKDOWN_CHARACTERS)[:limits.MARKDOWN_CHARACTERS - len(shaped) - 2]
    title = " ".join([word] * 4)[:limits.PLAIN_TEXT_CHARACTERS]
    action = {"title": title, "goal": title, "owner": "kommun", "follow_up": "2020-12-31", "description": markdown}
    document = {
        "kind": "agreement", "schema": 1, "id": "at-the-limits", "title": title, "subtitle": title,
        "period": {"start": "2020-01-01", "end": "2020-12-31"},
        "parties": [{"id": "kommun", "name": title, "type": "municipality"}],
        "background": markdown, "purpose": markdown,
        "focus_areas": [{"id": "omrade", "title": title, "description": markdown, "actions": [action]}],
    }
    path = tmp_path / "at-the-limits.yaml"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    run = measured(["build", str(path), "--out", str(tmp_path / "out")], hang_seconds=60)
    assert run.status == 0, run.output
    assert run.cpu_seconds < SECONDS and run.peak_kb < MEMORY_KB, (run.cpu_seconds, run.peak_kb)
