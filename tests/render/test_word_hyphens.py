"""Optional hyphens in the Word file's table cells (`word_hyphens`): only in a word wider than its
column, only where the language's dictionary allows, with the text itself unchanged."""

from __future__ import annotations

from lxml import etree

from agreement.render.reference_docx import CELL_MARGIN, TEXT_WIDTH
from agreement.render.word_hyphens import hyphenate_wide_words, word_width

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def cell(text: str, bold: bool = False, inner: str = "") -> str:
    run_properties = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:tc><w:p><w:r>{run_properties}<w:t xml:space="preserve">{text}</w:t></w:r></w:p>{inner}</w:tc>'


def table(header: list[str], rows: list[list[str]], grid: list[int]) -> str:
    columns = "".join(f'<w:gridCol w:w="{width}"/>' for width in grid)
    head = "<w:tr><w:trPr><w:tblHeader/></w:trPr>" + "".join(cell(text) for text in header) + "</w:tr>"
    body = "".join("<w:tr>" + "".join(cells) + "</w:tr>" for cells in rows)
    return f"<w:tbl><w:tblGrid>{columns}</w:tblGrid>{head}{body}</w:tbl>"


def finished(xml: str, language: str = "sv") -> etree._Element:
    body = etree.fromstring(f'<w:body xmlns:w="{W}">{xml}</w:body>')
    hyphenate_wide_words(body, language, 11.0)
    return body


def cells_text(body: etree._Element) -> list[str]:
    """Each cell's text, an optional hyphen written as "|"."""
    found = []
    for tc in body.iter(f"{{{W}}}tc"):
        found.append("".join("|" if node.tag == f"{{{W}}}softHyphen" else node.text or ""
                             for node in tc.iter(f"{{{W}}}t", f"{{{W}}}softHyphen")
                             if next(node.iterancestors(f"{{{W}}}tc")) is tc))
    return found


NARROW = round(TEXT_WIDTH * 0.12)  # a 12 % column, as in the report's summary
WIDE = TEXT_WIDTH - 2 * NARROW


def test_a_word_wider_than_its_column_gets_optional_hyphens_where_swedish_allows() -> None:
    body = finished(table(["Område", "Genomförd", "Pågående"], [[cell("Barn och unga"), cell("Pågående"),
                                                                   cell("1")]], [WIDE, NARROW, NARROW]))
    assert cells_text(body) == ["Område", "Ge|nom|förd", "Pågående", "Barn och unga", "Pågående", "1"]


def test_a_header_row_is_measured_bold_and_so_is_a_bold_run() -> None:
    """"Pågående" fits a column between its regular and its bold width only in regular type."""
    bold, regular = word_width("Pågående", True, 11.0), word_width("Pågående", False, 11.0)
    between = round((bold + regular) / 2) + 2 * CELL_MARGIN
    rows = [[cell("Pågående"), cell("")], [cell("Pågående", bold=True), cell("")]]
    body = finished(table(["Pågående", ""], rows, [between, TEXT_WIDTH - between]))
    assert cells_text(body)[::2] == ["På|gå|en|de", "Pågående", "På|gå|en|de"]


def test_text_outside_tables_and_punctuation_are_left_alone() -> None:
    paragraph = '<w:p><w:r><w:t>Underrättelseinhämtning/omvärldsorientering</w:t></w:r></w:p>'
    body = finished(paragraph + table(["problematik/brottslighet", ""], [], [NARROW, TEXT_WIDTH - NARROW]))
    assert body[0].find(f".//{{{W}}}softHyphen") is None
    hyphenated = cells_text(body)[0]
    assert hyphenated.replace("|", "") == "problematik/brottslighet" and "|" in hyphenated
    assert "/|" not in hyphenated and "|/" not in hyphenated


def test_a_table_in_a_cell_is_measured_by_that_cell() -> None:
    """The inner table's first column is an eighth of the outer cell: too narrow for "Genomförd"."""
    inner = table(["Genomförd", "Område"], [], [1, 7])
    outer = f"<w:tbl><w:tblGrid><w:gridCol w:w='1'/></w:tblGrid><w:tr>{cell('Genomförd', inner=inner)}</w:tr></w:tbl>"
    assert cells_text(finished(outer)) == ["Genomförd", "Ge|nom|förd", "Område"]


def test_a_language_without_a_dictionary_is_left_as_it_is() -> None:
    xml = table(["Genomförd", ""], [], [NARROW, TEXT_WIDTH - NARROW])
    assert "softHyphen" in etree.tostring(finished(xml, "sv")).decode()
    assert "softHyphen" not in etree.tostring(finished(xml, "xx")).decode()


def test_the_soft_hyphens_keep_the_words_text_and_its_run() -> None:
    body = finished(table(["Ej rapporterad", ""], [], [NARROW, TEXT_WIDTH - NARROW]))
    runs = body.findall(f".//{{{W}}}r")
    assert len(runs) == 2 and cells_text(body)[0] == "Ej rap|por|te|rad"
    assert all(t.get("{http://www.w3.org/XML/1998/namespace}space") == "preserve" for t in runs[0].iter(f"{{{W}}}t"))
