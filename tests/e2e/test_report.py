"""The follow-up report of the Ljusdal example in the same real clients as the documents.

conftest.py builds it with `agreement report examples/ljusdal-2014 --as-of 2014-09-15` into the
same folder as the documents, so Chromium with axe-core checks its web page at desktop and phone
widths with the others; here LibreOffice converts its Word file, poppler renders every page of its
PDF and extracts the text, and each format is checked for the report's own content: the rating
symbols and words, the chart with its alt text, the tables with header rows.
"""

from __future__ import annotations

import re
import zipfile
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from docx import Document as open_docx
from docx.document import Document as WordDocument
from pypdf import PdfReader

from agreement.validation import check_file

from ..report.support import pdf_alt_texts
from .clients import libreoffice_to_pdf, pdf_page_count, pdf_text, render_pages
from .conftest import REPORT_AS_OF, REPORT_SOURCE
from .expectations import raw_markdown, same_text
from .test_docx import all_text, header_labels, heading_levels, repeats_as_header
from .test_html import LAYOUTS, PHONE_WIDTH, describe
from .test_pdf import readable, xmp, xmp_title

pytestmark = pytest.mark.e2e

STEM = f"ljusdal-2014-uppfoljning-{REPORT_AS_OF}"
RATINGS = ("● Grön", "◊ Gul", "▪ Röd")
CHART_ALT = "Linjediagram över Antal LOB*. Mätvärden: 41 (2013) och 23 (31 augusti 2014)."


@pytest.fixture(scope="module")
def source() -> Any:
    checked = check_file(REPORT_SOURCE)
    assert checked.document is not None
    return checked.document


@pytest.fixture(scope="module")
def title(source: Any) -> str:
    return f"Uppföljningsrapport: {source.title}"


def report_file(built_dir: Path, extension: str) -> Path:
    path = built_dir / f"{STEM}.{extension}"
    if not path.is_file():
        pytest.fail(f"`agreement report` wrote no {path.name} into {built_dir}")
    return path


# -- HTML: Chromium and axe-core (the page is browsed with the documents') ----------------------


@pytest.fixture(scope="module")
def page(browsed: dict[str, Any], built_dir: Path) -> dict[str, Any]:
    path = str(report_file(built_dir, "html").resolve())
    assert path in browsed, f"axe-check did not report on {path}"
    return browsed[path]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_web_page_has_no_wcag_violations(page: dict[str, Any], layout: str) -> None:
    violations = page[layout]["violations"]
    if violations:
        pytest.fail(f"axe-core (WCAG 2.1 A/AA), {layout}, see {page[layout]['screenshot']}:\n{describe(violations)}")


def test_the_web_page_is_self_contained_swedish_and_fits_a_phone(page: dict[str, Any], title: str) -> None:
    assert not page["foreignRequests"] and not page["desktop"]["remote"]
    assert (page["desktop"]["lang"] or "").split("-")[0] == "sv"
    assert same_text(title) in same_text(page["desktop"]["title"])
    phone = page["phone"]
    assert phone["viewportWidth"] == PHONE_WIDTH
    assert phone["scrollWidth"] <= phone["viewportWidth"], f"scrolls sideways; see {phone['screenshot']}"
    assert phone["wideTables"] == [], f"tables cut off on a phone: {phone['wideTables']}"
    for layout in LAYOUTS:
        assert not page[layout]["errors"], f"{layout}: Chromium reported {page[layout]['errors']}"


def test_the_web_page_shows_ratings_as_symbols_and_words(page: dict[str, Any]) -> None:
    text = same_text(page["desktop"]["text"])
    for rating in RATINGS:
        assert rating in text, f"{rating!r} not on the page"
    assert "Nytt sedan 31 augusti 2014" in text and "Närpolisen i Ljusdal" in text
    assert not raw_markdown(page["desktop"]["text"])


class _Images(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self.found.append(dict(attrs))


def test_the_web_page_has_one_svg_chart_per_measured_indicator_with_alt_text(built_dir: Path) -> None:
    images = _Images()
    images.feed(report_file(built_dir, "html").read_text(encoding="utf-8"))
    (chart,) = images.found  # the example measures one indicator (LOB)
    assert (chart["src"] or "").startswith("data:image/svg+xml;base64,")
    assert CHART_ALT in same_text(chart["alt"] or "")


# -- Word: LibreOffice, python-docx ------------------------------------------------------------------


@pytest.fixture(scope="module")
def word(built_dir: Path) -> WordDocument:
    return open_docx(str(report_file(built_dir, "docx")))


def test_libreoffice_converts_the_word_report(built_dir: Path, e2e_out: Path, libreoffice_profile: Path) -> None:
    docx = report_file(built_dir, "docx")
    pdf, printed = libreoffice_to_pdf(docx, e2e_out / "libreoffice", libreoffice_profile)
    assert "Error" not in printed, f"LibreOffice could not convert {docx.name}:\n{printed}"
    pages = pdf_page_count(pdf)
    assert pages >= 2
    assert len(render_pages(pdf, e2e_out / "libreoffice" / f"{STEM}-pages")) == pages
    text = pdf_text(pdf)
    assert "\ufffd" not in text
    for rating in RATINGS:  # Carlito, LibreOffice's Calibri, has every symbol
        assert any(rating in form for form in readable(text)), f"{rating!r} not in LibreOffice's layout"
    # "Genomförd" is wider than its summary column: hyphenated as Swedish allows, as in the PDF
    # (pdftotext gives such a word whole), not cut at the letter that reaches the column's edge
    lines = [line.strip() for line in text.splitlines()]
    assert "Genomförd" in lines and "Genomför" not in lines and "d" not in lines


def test_the_word_report_has_heading_styles_and_header_rows(word: WordDocument) -> None:
    levels = heading_levels(word)
    assert any(level == 1 for level, _ in levels)
    assert not [(a, b) for a, b in pairwise(levels) if b[0] > a[0] + 1], f"heading levels skip: {levels}"
    assert word.tables, "the report has no tables"
    without = [header_labels(table) for table in word.tables if not repeats_as_header(table)]
    assert not without, f"tables whose first row does not repeat as a header row: {without}"


def test_the_word_report_declares_title_and_language_and_shows_ratings(word: WordDocument, title: str) -> None:
    assert same_text(word.core_properties.title) == same_text(title)
    assert word.core_properties.language.startswith("sv-SE")
    text = same_text(all_text(word))
    for rating in RATINGS:
        assert rating in text
    assert not raw_markdown(all_text(word))


def test_the_word_report_has_the_chart_as_a_png_with_alt_text(built_dir: Path) -> None:
    with zipfile.ZipFile(report_file(built_dir, "docx")) as archive:
        media = [name for name in archive.namelist() if name.startswith("word/media/")]
        xml = archive.read("word/document.xml").decode("utf-8")
        assert len(media) == 1 and archive.read(media[0]).startswith(b"\x89PNG")
    descriptions = re.findall(r'<wp:docPr [^>]*descr="([^"]*)"', xml)
    assert any(CHART_ALT in same_text(d) for d in descriptions), descriptions


# -- PDF: poppler, pypdf ---------------------------------------------------------------------------------


def test_pdftoppm_renders_every_page_of_the_report(built_dir: Path, e2e_out: Path) -> None:
    pdf = report_file(built_dir, "pdf")
    pages = pdf_page_count(pdf)
    rendered = render_pages(pdf, e2e_out / "pages" / STEM)
    assert pages >= 2 and len(rendered) == pages
    assert all(png.stat().st_size > 0 for png in rendered)


def test_the_report_text_extracts_with_swedish_characters_intact(built_dir: Path, source: Any, title: str) -> None:
    text = pdf_text(report_file(built_dir, "pdf"))
    assert "\ufffd" not in text
    forms = readable(text)
    wanted = (title, *(party.name for party in source.parties), "Läget den 15 september 2014", "Åtgärder och löften",
              "Risk för avvikelse", "Närpolisen i Ljusdal", "Försenad uppföljning", *RATINGS)
    for phrase in wanted:
        assert any(phrase in form for form in forms), f"{phrase!r} not in the extracted text"
    assert not raw_markdown(text)


def test_the_report_pdf_is_tagged_pdf_ua_with_the_chart_described(built_dir: Path, title: str) -> None:
    reader = PdfReader(report_file(built_dir, "pdf"))
    packet = xmp(reader)
    assert re.search(r"pdfuaid:part(>\s*|=\s*[\"'])1\b", packet)
    catalog = reader.trailer["/Root"]
    assert str(catalog.get("/Lang", "")).startswith("sv")
    assert same_text(title) in {same_text(t) for t in (reader.metadata.title, xmp_title(packet)) if t}
    alts = [same_text(alt) for alt in pdf_alt_texts(catalog["/StructTreeRoot"])]
    assert any(CHART_ALT in alt for alt in alts), f"no figure with the chart's alt text; alt texts: {alts}"
