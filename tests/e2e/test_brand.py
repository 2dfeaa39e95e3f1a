"""A branded document (tests/e2e/documents/branded/_brand.yml) as the real clients show it:
the logo reaches the page LibreOffice lays out from the Word file, the PDF's tag tree
(as a figure with alternative text) and the web page Chromium loads; the footer line is
on the pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from .clients import libreoffice_to_pdf, pdf_text, run
from .expectations import SOURCES

pytestmark = pytest.mark.e2e

BRANDED = next(source for source in SOURCES if source.parent.name == "branded")
DOCUMENT_ID = "vaxby-riktlinjer"
OWNER = "Växby kommun"
FOOTER = "Växby kommun · Kommunledningskontoret"


def images_per_page(pdf: Path) -> dict[int, int]:
    """How many images poppler finds on each page (`pdfimages -list`)."""
    listed = run(["pdfimages", "-list", pdf]).stdout.splitlines()[2:]
    pages: dict[int, int] = {}
    for line in listed:
        page = int(line.split()[0])
        pages[page] = pages.get(page, 0) + 1
    return pages


def figures(reader: PdfReader) -> list[str]:
    """The alternative text of every Figure in the PDF's tag tree."""
    found: list[str] = []
    pending = [reader.trailer["/Root"]["/StructTreeRoot"].get_object()]
    while pending:
        node = pending.pop()
        if isinstance(node, list):
            pending.extend(item.get_object() for item in node)
            continue
        if not hasattr(node, "get"):
            continue
        if node.get("/S") == "/Figure":
            found.append(str(node.get("/Alt", "")))
        kids = node.get("/K")
        if kids is not None:
            kids = kids.get_object()
            if isinstance(kids, list):
                pending.extend(kid.get_object() for kid in kids)
            else:
                pending.append(kids)
    return found


def test_the_word_logos_are_on_the_pages_libreoffice_lays_out(built_dir: Path, e2e_out: Path,
                                                              libreoffice_profile: Path) -> None:
    pdf, printed = libreoffice_to_pdf(built_dir / f"{DOCUMENT_ID}.docx", e2e_out / "libreoffice" / "branded",
                                      libreoffice_profile)
    assert pdf.is_file(), printed
    pages = images_per_page(pdf)
    assert pages.get(1, 0) >= 1, f"no logo on the cover: {pages}"
    assert pages.get(3, 0) >= 1, f"no logo in the running header of page 3: {pages}"
    assert FOOTER in pdf_text(pdf)


def test_the_pdf_logo_is_a_figure_with_the_organisations_name(built_dir: Path) -> None:
    reader = PdfReader(built_dir / f"{DOCUMENT_ID}.pdf")
    assert OWNER in figures(reader)
    assert FOOTER in reader.pages[2].extract_text()


def test_the_web_page_shows_the_logo_and_the_footer_line(browsed: dict, built_dir: Path) -> None:
    """(axe-core's check of the whole page, the logo's alternative text included, is in test_html.)"""
    page = built_dir / f"{DOCUMENT_ID}.html"
    report = browsed[str(page.resolve())]
    assert f'alt="{OWNER}"' in page.read_text(encoding="utf-8")
    for layout in ("desktop", "phone"):
        assert FOOTER in report[layout]["text"], f"no footer line on the {layout} page"
        assert not report[layout]["remote"], "the logo must be inside the page"
