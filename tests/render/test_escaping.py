"""Plain text is escaped so pandoc reads it back as the same text; Markdown fields stay in their div."""

from __future__ import annotations

import json
import string
import subprocess

import pytest
from markupsafe import Markup

from agreement.render.escaping import escape_text, indent_block, markdown_block
from agreement.render.pandoc import READER, pandoc_path


def pandoc_text(markdown: str) -> str:
    """What pandoc reads `markdown` as, flattened to plain text, with the build's reader."""
    done = subprocess.run([pandoc_path(), "--sandbox", f"--from={READER}", "--to=plain", "--wrap=none"],
                          input=markdown, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def pandoc_blocks(markdown: str) -> list[dict]:
    done = subprocess.run([pandoc_path(), "--sandbox", f"--from={READER}", "--to=json"],
                          input=markdown, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)["blocks"]


def test_every_ascii_punctuation_character_gets_a_backslash() -> None:
    assert escape_text("a*b") == r"a\*b"
    assert escape_text(string.punctuation) == "".join("\\" + c for c in string.punctuation)


def test_letters_digits_and_swedish_characters_stay() -> None:
    assert escape_text("Åtgärd 2015–2018 för Eslöv") == "Åtgärd 2015–2018 för Eslöv"


def test_line_breaks_and_runs_of_space_become_one_space_but_nbsp_stays() -> None:
    assert escape_text("  två\nrader\t och   mer  ") == "två rader och mer"
    assert escape_text("§\u00a0123") == "§\u00a0123"


@pytest.mark.parametrize("text", [
    "# inte en rubrik", "1. inte en lista", "- inte heller", "> inget citat", "| a | b |",
    "<script>alert(1)</script>", "`#read(\"/etc/passwd\")`{=typst}", r"\input{/etc/passwd}",
    "![x](/etc/passwd)", "[länk](javascript:alert(1))", "**fet** _kursiv_ ~~struken~~", "$x^2$", "@cite",
    "::: {.title-page}", "a\\b",
])
def test_pandoc_reads_escaped_text_back_as_the_same_text(text: str) -> None:
    assert pandoc_text(escape_text(text)) == text


def test_escaped_text_is_one_paragraph_of_plain_words() -> None:
    blocks = pandoc_blocks(escape_text("# Rubrik\n\n- lista <b>fet</b>"))
    assert [block["t"] for block in blocks] == ["Para"]
    assert {inline["t"] for inline in blocks[0]["c"]} <= {"Str", "Space"}


def test_markdown_field_is_wrapped_in_a_user_text_div() -> None:
    block = markdown_block("Text med *betoning*.")
    assert isinstance(block, Markup)
    assert block.startswith("::: user-text\n") and block.endswith("\n:::\n")
    blocks = pandoc_blocks(str(block))
    assert len(blocks) == 1 and blocks[0]["t"] == "Div" and blocks[0]["c"][0][1] == ["user-text"]


def test_a_div_fence_in_a_markdown_field_cannot_close_its_div() -> None:
    block = markdown_block("Före\n\n:::\n\n# Efter\n\n::: {.title-page}\nx\n:::")
    blocks = pandoc_blocks(str(block) + "\nMallens text\n")
    assert blocks[0]["t"] == "Div" and len(blocks) == 2, blocks
    assert pandoc_text(str(block)).count(":::") == 3


def test_an_unclosed_code_fence_is_closed_inside_the_div() -> None:
    block = markdown_block("Text\n\n```\nkod utan slut")
    blocks = pandoc_blocks(str(block) + "\n# Mallens rubrik\n")
    assert [b["t"] for b in blocks] == ["Div", "Header"]


def test_div_fences_inside_code_are_left_as_written() -> None:
    assert "\n:::\n" in markdown_block("```\n:::\n```")


def test_two_trailing_spaces_keep_their_line_break() -> None:
    assert "rad ett  \nrad två" in markdown_block("rad ett  \nrad två")


def test_indenting_keeps_a_block_a_block_and_escapes_plain_text() -> None:
    assert indent_block(Markup("a\n\nb")) == "    a\n\n    b"
    assert indent_block("*x*") == r"    \*x\*"
