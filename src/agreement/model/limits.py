"""Limits on text that no real document reaches, checked while a document is validated.

pandoc's Markdown reader and typst's line breaker are fast on ordinary text but
slow down steeply on a few shapes of input: brackets nested a dozen deep or left
open (`[a](` two hundred times took 2 s, four hundred 17 s), block quotes or
lists nested hundreds deep, and one unbroken word of many thousand characters
(typst's line breaking grows with the square of its length). A file that
validates must build within seconds, so these shapes are refused here, at their
line, with a message that says which limit a value exceeds. The limits are far
beyond what any agreement, plan or guideline needs; the build still runs every
external step under a time and memory limit as a backstop.
"""

from __future__ import annotations

import re

from pydantic_core import PydanticCustomError

PLAIN_TEXT_CHARACTERS = 2_000
"""Longest plain-text value (a title, a name, a goal, a table cell); the longest in the
bundled examples is about 400."""
MARKDOWN_CHARACTERS = 50_000
"""Longest Markdown value (a background, a description): about twenty printed pages."""
DOCUMENT_CHARACTERS = 250_000
"""Most text in one document, all values together: about sixty printed pages, which build in
a few seconds (the time grows with the text)."""
WORD_CHARACTERS = 500
"""Longest run of characters without a space: a long web address is a few hundred."""
BRACKET_DEPTH = 8
"""Deepest nesting of [ and ( within one paragraph of Markdown, unclosed ones included."""
QUOTE_DEPTH = 8
"""Deepest nesting of block quotes (`> > >`)."""
INDENT_COLUMNS = 32
"""Widest indentation of a Markdown line: lists nested about sixteen deep."""
TABLE_COLUMNS = 50
"""Most cells in a row of a Markdown table."""

_QUOTE_PREFIX = re.compile(r"^(?:[ \t]*>)+", re.MULTILINE)
_INDENT = re.compile(r"^[ \t]+", re.MULTILINE)


def _refuse(message: str, hint: str, text: str, offset: int) -> PydanticCustomError:
    """A validation error of type `text_limit`, which validation reports as S209 at the line of
    the value that holds character `offset` of `text`."""
    return PydanticCustomError("text_limit", "{message}",
                               {"message": message, "hint": hint, "line": text.count("\n", 0, offset)})


def check_words(text: str) -> str:
    """Refuse a word longer than WORD_CHARACTERS (no space to break the line at)."""
    if len(text) > WORD_CHARACTERS:
        longest = max(text.split(), key=len, default="")
        if len(longest) > WORD_CHARACTERS:
            raise _refuse(f"a word of {len(longest):,} characters without a space ({longest[:30]}…); "
                          f"at most {WORD_CHARACTERS:,}",
                          "put spaces in the text, or link a long address: [the report](https://…)",
                          text, text.find(longest))
    return text


def check_markdown(text: str) -> str:
    """Refuse Markdown nested or laid out beyond the limits (see the module's docstring)."""
    check_words(text)
    if text.count("[") + text.count("(") > BRACKET_DEPTH:
        _check_brackets(text)
    if text.count(">") > QUOTE_DEPTH:
        deepest = max(_QUOTE_PREFIX.finditer(text), key=lambda match: match.group().count(">"), default=None)
        if deepest is not None and deepest.group().count(">") > QUOTE_DEPTH:
            raise _refuse(f"block quotes nest {deepest.group().count('>')} deep; at most {QUOTE_DEPTH}",
                          "a quotation is one `>` at the start of its lines", text, deepest.start())
    if " " * (INDENT_COLUMNS + 1) in text or "\t" in text:
        widest = max(_INDENT.finditer(text), key=lambda match: len(match.group().expandtabs(4)), default=None)
        if widest is not None and len(widest.group().expandtabs(4)) > INDENT_COLUMNS:
            raise _refuse(f"a line is indented {len(widest.group().expandtabs(4))} columns; at most {INDENT_COLUMNS}",
                          "nest lists a few levels deep at most", text, widest.start())
    if text.count("|") > TABLE_COLUMNS:
        lines = text.split("\n")
        row = max(range(len(lines)), key=lambda number: lines[number].count("|"))
        if lines[row].count("|") - 1 > TABLE_COLUMNS:
            raise _refuse(f"a table row has {lines[row].count('|') - 1} cells; at most {TABLE_COLUMNS}",
                          "split the table, or write its content as a list", text, len("\n".join(lines[:row])))
    return text


def _check_brackets(text: str) -> None:
    """Refuse [ and ( nested (or left open) more than BRACKET_DEPTH deep within a paragraph."""
    depth = deepest = where = 0
    escaped = False
    previous = ""
    for offset, character in enumerate(text):
        if escaped:
            escaped = False
        elif character == "\\":
            escaped = True
        elif character in "[(":
            depth += 1
            if depth > deepest:
                deepest, where = depth, offset
        elif character in "])":
            depth = max(0, depth - 1)
        elif character == "\n" and previous == "\n":
            depth = 0  # a blank line ends the paragraph, and whatever was left open with it
        if character not in " \t":
            previous = character
    if deepest > BRACKET_DEPTH:
        raise _refuse(f"brackets [ and ( nest {deepest} deep, or are left open; at most {BRACKET_DEPTH}",
                      "close every [ and ( you open; write \\[ for a bracket that is only text", text, where)
