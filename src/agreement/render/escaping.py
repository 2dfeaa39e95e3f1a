"""Text from the YAML is data, never markup: how it enters the generated Pandoc Markdown.

Two kinds of field exist in the model:

- plain-text fields (titles, names, goals) are escaped here: every ASCII
  punctuation character gets a backslash (pandoc's `all_symbols_escapable`), and
  runs of white space, line breaks included, become one space, so the text can
  neither start a block (a heading, a list, a table row) nor contain inline markup;
- Markdown fields (descriptions, background, notes) keep their Markdown, but are
  wrapped in a `user-text` div that the Lua filter sanitises (no raw content, no
  attributes, no images, no unsafe links, headings shifted under the section they
  are in). Lines that would close that div (`:::`) are escaped and unclosed code
  fences are closed, so the text cannot escape its div and swallow the rest of
  the document.

Both come out as `markupsafe.Markup`, the type Jinja leaves alone; anything else a
template prints is escaped as plain text (see `jinja_steps.finalize`).
"""

from __future__ import annotations

import re
import string

from markupsafe import Markup

USER_TEXT_CLASS = "user-text"
"""Class of the div around every Markdown field; the Lua filter keys on it."""

_PUNCTUATION = frozenset(string.punctuation)
_WHITESPACE = re.compile(r"[ \t\r\n\f\v]+")  # not NBSP: "§\u00a0123" stays together
_FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})")
_DIV_FENCE = re.compile(r"^(\s*):(?=::)")


def escape_text(value: object) -> str:
    """Plain text as Pandoc Markdown that reads back as exactly that text, on one line."""
    text = _WHITESPACE.sub(" ", str(value)).strip()
    return "".join("\\" + char if char in _PUNCTUATION else char for char in text)


def plain(value: object) -> Markup:
    """`escape_text` marked as ready for the template."""
    return Markup(escape_text(value))


def markdown_block(text: str) -> Markup:
    """A Markdown field as a self-contained block: a `user-text` div that nothing inside can close."""
    body = "\n".join(_guard_lines(text.replace("\r\n", "\n").replace("\r", "\n").split("\n")))
    return Markup(f"::: {USER_TEXT_CLASS}\n{body.strip(chr(10))}\n\n:::\n")


def _guard_lines(lines: list[str]) -> list[str]:
    """Escape div fences outside code, and close a code fence left open at the end."""
    guarded: list[str] = []
    open_fence: str | None = None
    for line in lines:
        fence = _FENCE.match(line)
        if open_fence is not None:
            if fence and fence.group(2)[0] == open_fence[0] and len(fence.group(2)) >= len(open_fence) \
                    and not line[fence.end():].strip():
                open_fence = None
        elif fence:
            open_fence = fence.group(2)
        else:
            line = _DIV_FENCE.sub(r"\1\\:", line)
        guarded.append(line)
    if open_fence is not None:
        guarded.append(open_fence)
    return guarded


def indent_block(block: Markup | str, width: int = 4) -> Markup:
    """A Markdown block indented to sit inside a list item or definition: by the width of the
    item's marker (`- ` 2, `1.  ` 4, `:   ` 4), since pandoc finds a div fence only there."""
    source = block if isinstance(block, Markup) else plain(block)
    pad = " " * width
    return Markup("\n".join(pad + line if line else line for line in str(source).split("\n")))
