"""Pagination of the Word files as LibreOffice lays them out, and of the PDFs the command line built.

LibreOffice converts every built Word file (and the synthetic plan's) to a tagged PDF, so
the same checks that read typst's PDF read Word's layout: which paragraph is a heading and
which a table row, and on which page each landed (tests/pagination.py). The layouts stay
in `e2e-out/layouts/`. Carlito, installed by `make e2e`, has Calibri's metrics, so the
pages break where Word breaks them, as near as LibreOffice follows Word.

The Word file keeps its rules with Word's own means: keep-with-next on headings (their
styles), captions and the rows of a table that must stay together, rows that cannot split
(see src/agreement/render/docx.py). Without them, LibreOffice's layout of the synthetic
plan breaks the rules: the last test shows the checks fail there.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

import pytest

from .. import pagination
from ..pdf_reading import TaggedPdf
from ..synthetic_plan import DOCUMENT_ID
from .clients import browse, libreoffice_layouts
from .expectations import Expected, built_file

pytestmark = pytest.mark.e2e


# Where LibreOffice's layout breaks a rule that the Word file asks it to keep, listed exactly so
# that any other finding, and the end of one of these (a newer LibreOffice), fails the test.
# LibreOffice 7.4 (Debian 12) leaves the guidelines' "Prioriterade områden" at the foot of page 3
# although the paragraph and its style Heading 1 keep with the next: the same file converted to
# ODF shows fo:keep-with-next="always" on it, and taking out bookmarks, list numbering, the next
# heading's spacing or its keep-together changes nothing. Word keeps a heading with what follows.
LIBREOFFICE_DEVIATIONS = {
    "vaxby-riktlinjer": ["page 3 ends with the heading 'Prioriterade områden' (H1); what follows it starts on page 4"],
}


def test_word_layout_breaks_no_pagination_rule(document: Expected, word_layouts: dict[str, Path]) -> None:
    layout = TaggedPdf(word_layouts[document.id])
    found = pagination.findings(layout, pagination.expected(document.source))
    assert found == LIBREOFFICE_DEVIATIONS.get(document.id, [])


def test_pdf_breaks_no_pagination_rule(document: Expected, built_dir: Path) -> None:
    pdf = TaggedPdf(built_file(built_dir, document, "pdf"))
    assert pagination.findings(pdf, pagination.expected(document.source)) == []


def test_printed_html_breaks_no_pagination_rule(document: Expected, browsed: dict[str, Any], e2e_out: Path) -> None:
    """The web page as Chromium prints it (A4, the print stylesheet, a tagged PDF) keeps the rules
    the PDF and the Word file keep."""
    printed = TaggedPdf(e2e_out / "printed" / f"{document.id}.pdf")
    assert pagination.findings(printed, pagination.expected(document.source)) == []


def print_html(html: Path, e2e_out: Path, name: str) -> TaggedPdf:
    """`html` printed by Chromium into `e2e-out/printed/`, as `name`.pdf."""
    copy = e2e_out / "printed-sources" / f"{name}.html"
    copy.parent.mkdir(parents=True, exist_ok=True)
    copy.write_text(html.read_text(encoding="utf-8"), encoding="utf-8")
    browse([copy], e2e_out / "screenshots", e2e_out / "printed")
    return TaggedPdf(e2e_out / "printed" / f"{name}.pdf")


def test_the_synthetic_plan_printed_from_its_web_page_breaks_no_pagination_rule(
        synthetic_built: Path, e2e_out: Path) -> None:
    printed = print_html(synthetic_built / f"{DOCUMENT_ID}.html", e2e_out, DOCUMENT_ID)
    assert pagination.findings(printed, pagination.expected(synthetic_built / f"{DOCUMENT_ID}.yaml")) == []
    assert len(printed.pdf.pages) >= 35


def test_without_its_print_rules_for_tables_the_printed_web_page_breaks_them(
        synthetic_built: Path, e2e_out: Path) -> None:
    """The print stylesheet's rules for table rows taken out, Chromium leaves tables thin at their
    ends and headers alone: the check and the plan bite on printed HTML too."""
    html = synthetic_built / f"{DOCUMENT_ID}.html"
    page = html.read_text(encoding="utf-8")
    rules = [line for line in page.splitlines() if line.strip().startswith(("thead {", "tbody tr")) and "break-" in line]
    assert len(rules) == 4, rules
    bare = e2e_out / "printed-sources" / "without-rules.html"
    bare.parent.mkdir(parents=True, exist_ok=True)
    bare.write_text("\n".join(line for line in page.splitlines() if line not in rules), encoding="utf-8")
    found = pagination.findings(print_html(bare, e2e_out, "without-rules"),
                                pagination.expected(synthetic_built / f"{DOCUMENT_ID}.yaml"))
    assert any("where it starts" in finding or "where it ends" in finding for finding in found), found


def test_the_synthetic_plan_breaks_no_pagination_rule_in_either_format(
        synthetic_built: Path, word_layouts: dict[str, Path]) -> None:
    wanted = pagination.expected(synthetic_built / f"{DOCUMENT_ID}.yaml")
    word, pdf = TaggedPdf(word_layouts[DOCUMENT_ID]), TaggedPdf(synthetic_built / f"{DOCUMENT_ID}.pdf")
    assert pagination.findings(word, wanted) == []
    assert pagination.findings(pdf, wanted) == []
    assert 35 <= len(pdf.pdf.pages) <= 50 and len(word.pdf.pages) >= len(pdf.pdf.pages)


def without_keeps(docx: Path, target: Path) -> Path:
    """The Word file with every keep-with-next taken out, from its body and from its styles."""
    with zipfile.ZipFile(docx) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for item in original.infolist():
            data = original.read(item.filename)
            if item.filename in ("word/document.xml", "word/styles.xml"):
                data, count = re.subn(rb"<w:keepNext(?: [^>]*)?/>", b"", data)
                assert count, f"no keep-with-next in {item.filename}"
            copy.writestr(item, data)
    return target


def test_without_its_keeps_the_word_file_breaks_the_rules(
        synthetic_built: Path, tmp_path: Path, libreoffice_profile: Path) -> None:
    """LibreOffice lays out the synthetic plan's Word file without a keep-with-next: headings end
    pages, short tables split, long tables leave a row or two at their ends. So the plan puts
    headings and tables where the rules matter, and the checks see it."""
    loose = without_keeps(synthetic_built / f"{DOCUMENT_ID}.docx", tmp_path / f"{DOCUMENT_ID}.docx")
    layout = TaggedPdf(libreoffice_layouts([loose], tmp_path / "layout", libreoffice_profile)[DOCUMENT_ID])
    found = pagination.findings(layout, pagination.expected(synthetic_built / f"{DOCUMENT_ID}.yaml"))
    assert any(" ends with the heading " in finding for finding in found), found
    assert any(" rows is split across pages " in finding for finding in found), found
    assert any(finding.endswith(("where it starts", "where it ends")) for finding in found), found


def test_the_follow_up_report_breaks_no_general_pagination_rule(
        built_dir: Path, word_layouts: dict[str, Path], browsed: dict[str, Any], e2e_out: Path) -> None:
    """The follow-up report (`agreement report`) has no member lists or signatures to keep whole,
    but its headings, tables and text follow the same rules, in the PDF, in Word's layout and
    printed from its web page."""
    pdf = next(built_dir.glob("ljusdal-2014-uppfoljning-*.pdf"))
    printed = e2e_out / "printed" / pdf.name
    for layout in (TaggedPdf(pdf), TaggedPdf(word_layouts[pdf.stem]), TaggedPdf(printed)):
        tables = pagination.tables(layout)
        assert tables, f"no data table in {layout.path.name}"
        found = (pagination.heading_findings(layout) + [f for t in tables for f in pagination.table_findings(t)]
                 + pagination.hyphenation_findings(layout) + pagination.off_page_findings(layout)
                 + pagination.overprint_findings(layout) + pagination.column_findings(layout))
        assert found == [], layout.path.name
