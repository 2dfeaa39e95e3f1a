"""The Word files: LibreOffice opens and converts them; their structure is real Word structure.

A reader's Word or LibreOffice sees headings as Heading styles (navigation pane, table
of contents, screen readers), action tables with a repeating header row, and the
title and language in the file's properties (search, accessibility checkers).
"""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

import pytest
from docx import Document as open_docx
from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.table import Table

from .clients import libreoffice_to_pdf, pdf_page_count, render_pages
from .expectations import Expected, built_file, raw_markdown, same_text

pytestmark = pytest.mark.e2e

# The Swedish column labels an action table may have; the first is always there,
# the others only when they say something row by row (templates/i18n/sv.yaml).
ACTION_COLUMNS = ("Åtgärd", "Mål", "Ansvarig", "Samverkanspartner", "Status", "Uppföljning")
LANGUAGE_TAGS = {"sv": "sv-SE"}


@pytest.fixture
def docx_path(built_dir: Path, document: Expected) -> Path:
    return built_file(built_dir, document, "docx")


@pytest.fixture
def word(docx_path: Path) -> WordDocument:
    return open_docx(str(docx_path))


def heading_levels(word: WordDocument) -> list[tuple[int, str]]:
    """(level, text) of every paragraph styled Heading N, in document order."""
    found = []
    for paragraph in word.paragraphs:
        name = paragraph.style.name if paragraph.style is not None else ""
        if name.startswith("Heading ") and name.removeprefix("Heading ").isdigit():
            found.append((int(name.removeprefix("Heading ")), paragraph.text))
    return found


def header_labels(table: Table) -> list[str]:
    """The texts of the first row's cells."""
    return [same_text(cell.text) for cell in table.rows[0].cells]


def repeats_as_header(table: Table) -> bool:
    """Whether the first row is marked as a header row (w:tblHeader), repeated on every page."""
    properties = table.rows[0]._tr.trPr
    if properties is None:
        return False
    flag = properties.find(qn("w:tblHeader"))
    return flag is not None and flag.get(qn("w:val"), "true") not in ("0", "false", "off")


def action_tables(word: WordDocument) -> list[Table]:
    return [table for table in word.tables if table.rows and "Åtgärd" in header_labels(table)]


def all_text(word: WordDocument) -> str:
    """Every paragraph and table cell, one per line."""
    parts = [paragraph.text for paragraph in word.paragraphs]
    parts += [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def test_libreoffice_converts_the_word_file(docx_path: Path, document: Expected, e2e_out: Path,
                                            libreoffice_profile: Path) -> None:
    pdf, printed = libreoffice_to_pdf(docx_path, e2e_out / "libreoffice", libreoffice_profile)
    assert "Error" not in printed, f"LibreOffice could not convert {docx_path.name}:\n{printed}"
    assert pdf.is_file() and pdf.stat().st_size > 0, f"LibreOffice wrote no PDF for {docx_path.name}:\n{printed}"
    pages = pdf_page_count(pdf)
    assert pages >= 1
    rendered = render_pages(pdf, e2e_out / "libreoffice" / f"{document.id}-pages")
    assert len(rendered) == pages


def test_headings_are_word_heading_styles(word: WordDocument) -> None:
    levels = heading_levels(word)
    assert any(level == 1 for level, _ in levels), f"no paragraph styled Heading 1; headings: {levels}"
    jumps = [(before, after) for before, after in pairwise(levels) if after[0] > before[0] + 1]
    assert not jumps, f"heading levels skip a level (screen readers lose the outline): {jumps}"
    empty = [level for level, text in levels if not text.strip()]
    assert not empty, f"{len(empty)} empty headings"


def test_action_tables_have_a_repeating_header_row(word: WordDocument, document: Expected) -> None:
    tables = action_tables(word)
    if document.tabled_actions:
        labels = [header_labels(table) for table in word.tables if table.rows]
        assert tables, f"no table has an 'Åtgärd' column; first rows of the tables: {labels}"
    for table in tables:
        labels = header_labels(table)
        assert labels[0] == ACTION_COLUMNS[0], f"the action column is not first: {labels}"
        unknown = [label for label in labels if label not in ACTION_COLUMNS]
        assert not unknown, f"action table has unexpected column labels {unknown}; expected some of {ACTION_COLUMNS}"
        assert repeats_as_header(table), f"first row {labels} is not marked w:tblHeader"


def test_core_properties_give_title_language_subject_keywords(word: WordDocument, document: Expected) -> None:
    properties = word.core_properties
    assert same_text(properties.title) == same_text(document.title)
    assert properties.language.startswith(LANGUAGE_TAGS.get(document.language, document.language))
    assert properties.subject.strip(), "core property subject is empty"
    for number in document.registration:
        assert number in properties.keywords, f"registration number {number!r} not in keywords {properties.keywords!r}"


def test_text_keeps_parties_and_markup_as_written(word: WordDocument, document: Expected) -> None:
    text = same_text(all_text(word))
    for name in document.parties:
        assert name in text, f"party {name!r} not in the Word text"
    for markup in document.markup_as_text:
        assert markup in text, f"{markup!r} from the YAML is not shown as text"


def test_shows_no_raw_markdown(word: WordDocument) -> None:
    leaked = raw_markdown(all_text(word))
    assert not leaked, f"Markdown syntax shown as text in the Word file: {leaked}"


# -- the contents list's page numbers ---------------------------------------------------------


def contents_entries(word: WordDocument) -> list[tuple[str, str]]:
    """(heading, page number as written; "" when none) of every entry of the contents list."""
    entries = []
    for paragraph in word.element.body.iter(qn("w:p")):  # the list is a content control: not in .paragraphs
        style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        if style is None or not re.fullmatch(r"TOC\d", style.get(qn("w:val"), "")):
            continue
        heading, _, number = "".join(
            "\t" if node.tag == qn("w:tab") else node.text or ""
            for node in paragraph.iter(qn("w:t"), qn("w:tab"))).partition("\t")
        entries.append((same_text(heading), number.strip()))
    return entries


def test_the_contents_list_shows_the_pages_libreoffice_lays_the_headings_on(
        word: WordDocument, document: Expected, word_layouts: dict[str, Path]) -> None:
    """`agreement build` with its defaults, LibreOffice installed: every entry has its page, and
    that page of LibreOffice's layout of the same file shows the heading (a page after the
    contents list's own)."""
    from pypdf import PdfReader

    entries = contents_entries(word)
    assert entries and all(number.isdigit() for _, number in entries), entries
    pages = [same_text(page.extract_text()) for page in PdfReader(word_layouts[document.id]).pages]
    contents_page = next(number for number, text in enumerate(pages, start=1) if entries[0][0] in text)
    numbers = [int(number) for _, number in entries]
    assert numbers == sorted(numbers) and numbers[0] > contents_page
    for (heading, _), number in zip(entries, numbers, strict=True):
        assert heading in pages[number - 1], f"{heading!r} is not on page {number}"
