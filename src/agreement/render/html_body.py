"""The web page's body as pandoc wrote it, finished for reading on any screen: tables that say
what their cells are, and long words joined by a slash that may break after it.

Tables: header cells say what they head (`scope`), and on a phone a table of three or more
columns shows one block per row, each cell under its column's name (`data-label`, see
style.css); explicit roles keep it a table for screen readers, which some browsers forget
when a table's display changes. Each table sits in a scrolling region named by its caption,
and a short one is marked so that print does not split it.

A long word joined by a slash ("underrättelseinhämtning/omvärldsorientering") may break
after the slash (`<wbr>`), where browsers see no break themselves, so that a phone does not
break it inside a word; "2 ggr/år" is left as it is.

It reads pandoc's HTML with the standard library's HTML parser and writes every part it does
not change as it was written. The markup it adds is the program's: the text of the document
reaches it already escaped, and goes back escaped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape, unescape
from html.parser import HTMLParser

STACK_FROM = 3
"""Two columns fit a phone as they are; three or more become blocks there."""
SHORT_ROWS = 8
"""A table of up to this many rows is not split across pages when printed (style.css)."""
LONG_WORD = 20
"""A word shorter than this fits a phone's line whole."""
_LONG_WORD = re.compile(r"\S{%d,}" % LONG_WORD)
_AFTER_SLASHES = re.compile(r"(?<=[^\W_])/+(?=[^\W_])")
"""A run of slashes between two letters or digits: where `<wbr>` goes."""
_VERBATIM = frozenset({"code", "pre", "script", "style"})
"""Elements whose text is shown as written: no break is added there."""


def finish(html: str) -> str:
    """`html` (a fragment pandoc wrote: the body or the table of contents), finished."""
    finisher = _Finisher()
    finisher.feed(html)
    finisher.close()
    return "".join(finisher.written)


def break_after_slashes(text: str) -> str:
    """`text` (HTML text, no markup) with `<wbr>` after the slashes inside its long words."""
    return _LONG_WORD.sub(lambda word: _AFTER_SLASHES.sub(r"\g<0><wbr>", word.group()), text)


@dataclass
class _Table:
    """A table being read: what it has written so far and what its wrapper needs to know."""

    written: list[str] = field(default_factory=list)
    labels: dict[int, str] = field(default_factory=dict)
    """Each column's name, from its header cell's text."""
    section: str = ""
    """The row group being read: `thead`, `tbody` or `tfoot`."""
    column: int = 0
    columns: int = 0
    rows: int = 0
    caption: list[str] = field(default_factory=list)
    in_caption: bool = False
    header: list[str] | None = None
    """The text of the header cell being read."""
    header_span: int = 1

    def wrapped(self) -> str:
        """The table in its scrolling region, classed by what it holds."""
        classes = ["table-scroll"]
        if self.labels and self.columns >= STACK_FROM:
            classes.append("stacks")
        if self.rows <= SHORT_ROWS:
            classes.append("short")
        attributes = [("class", " ".join(classes)), ("role", "region"), ("tabindex", "0")]
        label = _text(self.caption)
        if label:
            attributes.append(("aria-label", label))
        return f"{_start_tag('div', attributes)}\n{''.join(self.written)}\n</div>"


class _Finisher(HTMLParser):
    """Copies pandoc's HTML, adding the tables' attributes and the words' break opportunities."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.written: list[str] = []
        self.tables: list[_Table] = []
        self.verbatim = 0

    def _write(self, markup: str) -> None:
        (self.tables[-1].written if self.tables else self.written).append(markup)

    def _read_text(self, text: str) -> None:
        """Text of the document (unescaped) into the caption or header cell being read."""
        if not self.tables:
            return
        table = self.tables[-1]
        if table.in_caption:
            table.caption.append(text)
        if table.header is not None:
            table.header.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VERBATIM:
            self.verbatim += 1
        added = self._entering(tag, attrs)
        if tag == "table":
            self.tables.append(_Table())
        self._write(_start_tag(tag, attrs + added) if added else self.get_starttag_text() or "")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._write(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in _VERBATIM:
            self.verbatim = max(0, self.verbatim - 1)
        self._write(f"</{tag}>")
        if not self.tables:
            return
        table = self.tables[-1]
        if tag == "table":
            self.tables.pop()
            self._write(table.wrapped())
        elif tag == "caption":
            table.in_caption = False
        elif tag == "th" and table.section == "thead" and table.header is not None:
            table.labels[table.column] = _text(table.header)
            table.header = None
            table.column += table.header_span
            table.columns = max(table.columns, table.column)

    def handle_data(self, data: str) -> None:
        self._read_text(data)
        self._write(data if self.verbatim else break_after_slashes(data))

    def handle_entityref(self, name: str) -> None:
        self._read_text(unescape(f"&{name};"))
        self._write(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._read_text(unescape(f"&#{name};"))
        self._write(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        self._write(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self._write(f"<!{decl}>")

    def handle_pi(self, data: str) -> None:
        self._write(f"<?{data}>")

    def unknown_decl(self, data: str) -> None:
        self._write(f"<![{data}]>")

    def _entering(self, tag: str, attrs: list[tuple[str, str | None]]) -> list[tuple[str, str]]:
        """Note what the start of element `tag` tells the table being read, and return the
        attributes it gets besides pandoc's (none outside a table's head and body)."""
        if tag == "table":
            return [("role", "table")]
        table = self.tables[-1] if self.tables else None
        if table is None:
            return []
        if tag == "caption":
            table.in_caption = True
        elif tag in ("thead", "tbody", "tfoot"):
            table.section = tag
            return [("role", "rowgroup")] if tag != "tfoot" else []
        elif tag == "tr" and table.section in ("thead", "tbody"):
            table.column = 0
            table.rows += table.section == "tbody"
            return [("role", "row")]
        elif tag == "th" and table.section == "thead":
            table.header, table.header_span = [], _span(attrs)
            return [("scope", "col"), ("role", "columnheader")]
        elif tag in ("th", "td") and table.section == "tbody":
            label = table.labels.get(table.column, "")
            table.column += _span(attrs)
            return [("role", "cell")] + ([("data-label", label)] if label else [])
        return []


def _span(attrs: list[tuple[str, str | None]]) -> int:
    """How many columns a cell spans."""
    value = dict(attrs).get("colspan") or "1"
    return int(value) if value.isdigit() and int(value) > 0 else 1


def _text(pieces: list[str]) -> str:
    """Text read from the page, its white space as one space each (as a heading's words are)."""
    return " ".join("".join(pieces).split())


def _start_tag(tag: str, attributes: list[tuple[str, str | None]]) -> str:
    """A start tag written as pandoc writes one: values escaped, in double quotes."""
    written = "".join(f" {name}" if value is None else f' {name}="{_attribute_value(value)}"'
                      for name, value in attributes)
    return f"<{tag}{written}>"


def _attribute_value(value: str) -> str:
    """`&`, `<`, `>` and `"` escaped, as pandoc escapes an attribute's value."""
    return escape(value, quote=False).replace('"', "&quot;")
