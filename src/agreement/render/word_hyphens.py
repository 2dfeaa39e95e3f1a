"""Optional hyphens in the Word file's table cells, in a word wider than its column.

Word breaks a word that does not fit its column at whatever letter reaches the edge
("Genomför" above "d"), where the PDF hyphenates it ("Genom-förd", document.typ's
`fit-words`). So each word of a table cell that is wider than its column gets Word's optional
hyphens (`w:softHyphen`) at the points the document language's hyphenation dictionary gives
(pyphen's, LibreOffice's dictionaries): Word and LibreOffice break the word there, with a
hyphen, and show it whole where it fits. Every other word is left as it is, so text stays
ragged right and unhyphenated, as in the PDF.

Words are measured with Carlito's metrics, which are Calibri's (the Word file's font unless
the brand names another), bold in a header row or a bold run, at the text's size; a column is
its share of the text's width, less the cells' margins, as the reference document sets them.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Iterator

from lxml import etree

from ..resources import bundled
from .reference_docx import CELL_MARGIN, TEXT_WIDTH, w

if TYPE_CHECKING:
    from pyphen import Pyphen

TWIPS_PER_POINT = 20
_WORD = re.compile(r"\S+")
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def hyphenate_wide_words(body: etree._Element, language: str, size_pt: float) -> None:
    """Optional hyphens in every table cell's words too wide for their column, in `language`'s
    hyphenation (none when there is no dictionary for it)."""
    hyphenator = _hyphenator(language)
    if hyphenator is None:
        return
    for table in _own_tables(body):
        _hyphenate_table(table, TEXT_WIDTH, size_pt, hyphenator)


def _hyphenate_table(table: etree._Element, available: float, size_pt: float, hyphenator: Pyphen) -> None:
    """The words of `table`, as wide as `available` (twips), and of the tables in its cells."""
    for cell, width, header in _cells(table, available):
        for text in _own(cell, w("t")):
            bold = header or _is_bold(text.getparent())
            _add_optional_hyphens(text, [word for word in _WORD.finditer(text.text or "")
                                         if word_width(word.group(), bold, size_pt) > width], hyphenator)
        for inner in _own_tables(cell):
            _hyphenate_table(inner, width, size_pt, hyphenator)


def word_width(word: str, bold: bool, size_pt: float) -> float:
    """How wide `word` is set in Carlito (twips)."""
    advances, units_per_em = _metrics(bold)
    fallback = advances.get(ord("n"), units_per_em // 2)
    units = sum(advances.get(ord(character), fallback) for character in word)
    return units / units_per_em * size_pt * TWIPS_PER_POINT


def _cells(table: etree._Element, available: float) -> Iterator[tuple[etree._Element, float, bool]]:
    """Each cell of `table` (not of a table inside it), the width its text has (twips), and
    whether it is in a header row. pandoc's tables are as wide as what holds them (w:tblW 100 %):
    the text, or a cell; its column widths are shares of that."""
    grid = [int(column.get(w("w"), "0")) for column in table.findall(f"{w('tblGrid')}/{w('gridCol')}")]
    if not sum(grid):
        return
    scale = available / sum(grid)
    for row in table.findall(w("tr")):
        header = row.find(f"{w('trPr')}/{w('tblHeader')}") is not None
        column = 0
        for cell in row.findall(w("tc")):
            span = cell.find(f"{w('tcPr')}/{w('gridSpan')}")
            columns = int(span.get(w("val"), "1")) if span is not None else 1
            yield cell, sum(grid[column:column + columns]) * scale - 2 * CELL_MARGIN, header
            column += columns


def _own(holder: etree._Element, tag: str) -> list[etree._Element]:
    """The `tag` elements in `holder` (the body or a cell) that are not inside a cell within it."""
    owner = holder if holder.tag == w("tc") else None
    return [node for node in holder.iter(tag) if next(node.iterancestors(w("tc")), None) is owner]


def _own_tables(holder: etree._Element) -> list[etree._Element]:
    """The tables in `holder` (the body or a cell), not those in their cells."""
    return _own(holder, w("tbl"))


def _is_bold(run: etree._Element | None) -> bool:
    """Whether a run is set in bold (a header row's cells are by the table style)."""
    bold = run.find(f"{w('rPr')}/{w('b')}") if run is not None else None
    return bold is not None and bold.get(w("val"), "true") not in ("0", "false", "off")


def _add_optional_hyphens(text: etree._Element, wide: list[re.Match[str]], hyphenator: Pyphen) -> None:
    """Split `text` (a w:t) at the hyphenation points of its `wide` words, with a w:softHyphen at
    each, in the same run."""
    content = text.text or ""
    cuts = [word.start() + point for word in wide for point in _points(word.group(), hyphenator)]
    if not cuts:
        return
    pieces = [content[start:end] for start, end in zip([0, *cuts], [*cuts, len(content)])]
    text.text = pieces[0]
    text.set(XML_SPACE, "preserve")
    last = text
    for piece in pieces[1:]:
        hyphen = etree.Element(w("softHyphen"))
        following = etree.Element(w("t"), {XML_SPACE: "preserve"})
        following.text = piece
        last.addnext(hyphen)
        hyphen.addnext(following)
        last = following


def _points(word: str, hyphenator: Pyphen) -> list[int]:
    """Where `word` may be hyphenated: the dictionary's points between two letters."""
    return [point for point in hyphenator.positions(word) if word[point - 1].isalpha() and word[point].isalpha()]


@lru_cache(maxsize=4)
def _hyphenator(language: str) -> Pyphen | None:
    """pyphen's hyphenation of `language` (`sv`, `en`), or None when it has no dictionary."""
    import pyphen

    dictionary = pyphen.language_fallback(language.replace("-", "_"))
    return pyphen.Pyphen(lang=dictionary) if dictionary else None


@lru_cache(maxsize=2)
def _metrics(bold: bool) -> tuple[dict[int, int], int]:
    """Carlito's advance width of each character (font units), and its units per em."""
    from fontTools.ttLib import TTFont

    # fontTools warns that Carlito's header dates look old; they say nothing about the widths.
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    font = TTFont(bundled("templates") / "fonts" / f"Carlito-{'Bold' if bold else 'Regular'}.ttf", lazy=True)
    advances = font["hmtx"]
    return {code: advances[glyph][0] for code, glyph in font.getBestCmap().items()}, font["head"].unitsPerEm
