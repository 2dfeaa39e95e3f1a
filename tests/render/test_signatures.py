"""Signatures: printed as written; one that asks for them (`lines: true`) gets lines to sign on.

The draft fixture has one signature with a date (signed), and two that ask for lines:
one with place and name but no date, and one with nothing but the party. Built once,
in Swedish and in English, through the real pipeline.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from agreement.render.build import pandoc_metadata, title_page_data
from agreement.render.pandoc import convert_all
from agreement.render.template_folders import TemplateSet

from .conftest import EXAMPLES, FIXTURES, markdown_of, run_build, view_of

DRAFT = FIXTURES / "draft.yaml"
SWEDISH = ("Ort och datum", "Namnteckning", "Namnförtydligande")
ENGLISH = ("Place and date", "Signature", "Printed name")
UNSIGNED = 2  # signatures with lines to sign on in the draft


@pytest.fixture(scope="module")
def draft_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("draft")
    report = run_build([DRAFT], out, formats=("html", "docx", "pdf"))
    assert report.exit_code == 0, report.results
    return out


@pytest.fixture(scope="module")
def english_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("draft-en")
    report = run_build([DRAFT], out, formats=("docx", "pdf"), language="en")
    assert report.exit_code == 0, report.results
    return out


def signatures_section(text: str, heading: str = "Underskrifter") -> str:
    """The text from the signatures heading on (nothing follows it in the draft)."""
    return text[text.rindex(heading):]


def one_line(text: str) -> str:
    return " ".join(text.split())


def docx_paragraphs(docx: Path) -> list[tuple[str, str]]:
    """(paragraph style, text) of every paragraph of the Word file's body."""
    with zipfile.ZipFile(docx) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
    paragraphs = []
    for paragraph in re.findall(r"<w:p\b.*?</w:p>", body, re.DOTALL):
        style = re.search(r'<w:pStyle w:val="([^"]+)"', paragraph)
        text = "".join(re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>", paragraph))
        paragraphs.append((style.group(1) if style else "", text))
    return paragraphs


def test_a_signed_signature_is_party_place_and_date_name_and_title() -> None:
    markdown = markdown_of(DRAFT)
    assert ("::: signature\n**Exempelby kommun**\\\nExempelby\\, 3 februari 2025\\\nAnna Andersson\\\n"
            "Kommunstyrelsens ordförande\n:::") in markdown


def test_a_signature_without_a_date_prints_as_written_unless_it_asks_for_lines() -> None:
    """Malmö's source names its two signatories and no date: no line invites a second signature."""
    markdown = markdown_of(EXAMPLES / "malmo-2011" / "agreement.yaml")
    assert "signature-line" not in markdown
    assert "**Malmö stad**\\\nKatrin Stjernfeldt Jammeh\\\nOrdförande\\, Brottsförebyggande rådet" in markdown


def test_an_unsigned_signature_has_three_labelled_lines_with_what_is_known_above_them() -> None:
    markdown = markdown_of(DRAFT)
    assert markdown.count("::: {.signature .unsigned}") == UNSIGNED
    police = markdown[markdown.index("**Lokalpolisområde Exempelby**"):markdown.index("**Exempelbyhem AB**")]
    assert re.search(r"::: signature-line\nExempelby\n\n::: signature-label\nOrt och datum\n:::", police)
    assert re.search(r"::: signature-line\n\n::: signature-label\nNamnteckning\n:::", police)
    assert re.search(r"::: signature-line\nBo Berg\\\nLokalpolisområdeschef\n\n::: signature-label\n"
                     r"Namnförtydligande\n:::", police)


def test_html_draws_the_lines_under_what_is_known(draft_build: Path) -> None:
    html = (draft_build / "draft.html").read_text(encoding="utf-8")
    section = signatures_section(html)
    labels = re.findall(r'<div class="signature-label">\s*<p>([^<]*)</p>', section)
    assert labels == list(SWEDISH) * UNSIGNED
    assert section.count('class="signature unsigned"') == UNSIGNED
    police = section[section.index("Lokalpolisområde Exempelby"):section.index("Exempelbyhem AB")]
    assert police.index("Bo Berg") < police.index("Namnförtydligande")
    assert re.search(r"\.signature-label\s*\{[^}]*border-top:", html), "the line is the label's top border"


def test_word_gives_each_line_its_paragraph_styles(draft_build: Path) -> None:
    paragraphs = docx_paragraphs(draft_build / "draft.docx")
    labels = [(style, text) for style, text in paragraphs if style in ("SignatureLabel", "SignatureEnd")]
    assert labels == [("SignatureLabel", "Ort och datum"), ("SignatureLabel", "Namnteckning"),
                      ("SignatureEnd", "Namnförtydligande")] * UNSIGNED
    values = [text for style, text in paragraphs if style == "SignatureValue"]
    assert values == ["Exempelby", "\u00a0", "Bo BergLokalpolisområdeschef", "\u00a0", "\u00a0", "\u00a0"]
    assert [text for style, text in paragraphs if style == "SignatureParty"] == \
        ["Exempelby kommun", "Lokalpolisområde Exempelby", "Exempelbyhem AB"]


def test_word_sets_the_signatures_side_by_side(draft_build: Path) -> None:
    """Two to a row, in a table without borders, no row split across pages: as in the PDF."""
    with zipfile.ZipFile(draft_build / "draft.docx") as archive:
        body = archive.read("word/document.xml").decode("utf-8")
    table = next(t for t in re.findall(r"<w:tbl>.*?</w:tbl>", body, re.DOTALL) if "SignatureParty" in t)
    rows = re.findall(r"<w:tr>.*?</w:tr>", table, re.DOTALL)
    assert [len(re.findall(r"<w:tc>", row)) for row in rows] == [2, 2]
    assert all("<w:cantSplit/>" in row for row in rows) and '<w:top w:val="nil"/>' in table
    with zipfile.ZipFile(draft_build / "draft.docx") as archive:
        styles = archive.read("word/styles.xml").decode("utf-8")
    for style_id in ("SignatureLabel", "SignatureEnd"):
        style = re.search(rf'<w:style [^>]*w:styleId="{style_id}".*?</w:style>', styles, re.DOTALL)
        assert style and re.search(r"<w:pBdr>\s*<w:top ", style.group(0)), f"{style_id} draws no line"


def test_the_pdf_layout_gets_the_signatures_as_data_and_marks_their_place() -> None:
    view = view_of(DRAFT)
    typst = convert_all(markdown_of(DRAFT), ["typst"], TemplateSet(), pandoc_metadata(view), 0)["typst"].decode()
    assert typst.count("] <signature-block>") == 1  # the body's mark, where the layout sets them
    signatures = title_page_data(view)["signatures"]
    assert [(s["party"], s["lines"]) for s in signatures] == [  # type: ignore[index]
        ("Exempelby kommun", False), ("Lokalpolisområde Exempelby", True), ("Exempelbyhem AB", True)]


def test_pdf_shows_the_labels_of_the_unsigned_signatures_only(draft_build: Path) -> None:
    reader = PdfReader(draft_build / "draft.pdf")
    text = one_line(" ".join(page.extract_text() or "" for page in reader.pages))
    section = signatures_section(text)
    for label in SWEDISH:
        assert section.count(label) == UNSIGNED, label
    assert "Exempelby kommun Exempelby, 3 februari 2025 Anna Andersson Kommunstyrelsens ordförande" in section


def test_english_documents_get_english_labels(english_build: Path) -> None:
    paragraphs = docx_paragraphs(english_build / "draft.docx")
    labels = [text for style, text in paragraphs if style in ("SignatureLabel", "SignatureEnd")]
    assert labels == list(ENGLISH) * UNSIGNED
    reader = PdfReader(english_build / "draft.pdf")
    text = one_line(" ".join(page.extract_text() or "" for page in reader.pages))
    assert all(text.count(label) >= UNSIGNED for label in ENGLISH)
    assert not any(label in text for label in SWEDISH)
