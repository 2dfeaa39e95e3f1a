"""The PDF files: poppler renders every page and extracts Swedish text; the file declares PDF/UA.

pdftoppm's pages land in e2e-out/pages/<id>/ for people to look at.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from .clients import pdf_page_count, pdf_text, render_pages
from .expectations import Expected, built_file, raw_markdown, same_text

pytestmark = pytest.mark.e2e


@pytest.fixture
def pdf_path(built_dir: Path, document: Expected) -> Path:
    return built_file(built_dir, document, "pdf")


@pytest.fixture
def reader(pdf_path: Path) -> PdfReader:
    return PdfReader(pdf_path)


def xmp(reader: PdfReader) -> str:
    """The raw XMP metadata packet of the catalog ('' when there is none)."""
    stream = reader.trailer["/Root"].get("/Metadata")
    return stream.get_object().get_data().decode("utf-8", "replace") if stream is not None else ""


def xmp_title(packet: str) -> str | None:
    match = re.search(r"<dc:title>.*?<rdf:li[^>]*>(.*?)</rdf:li>", packet, re.DOTALL)
    return html.unescape(match.group(1)) if match else None


def readable(text: str) -> list[str]:
    """The extracted text as a reader sees it: line breaks and hyphenation at a line end undone."""
    return [same_text(text), same_text(re.sub(r"[-\u00ad]\n", "", text))]


def test_pdftoppm_renders_every_page(pdf_path: Path, document: Expected, e2e_out: Path) -> None:
    pages = pdf_page_count(pdf_path)
    assert pages >= 1
    rendered = render_pages(pdf_path, e2e_out / "pages" / document.id)
    assert len(rendered) == pages, f"pdftoppm rendered {len(rendered)} of {pages} pages"
    assert all(png.stat().st_size > 0 for png in rendered)


def test_text_extracts_with_swedish_characters_intact(pdf_path: Path, document: Expected) -> None:
    text = pdf_text(pdf_path)
    assert "\ufffd" not in text, "pdftotext found characters it cannot map to Unicode"
    forms = readable(text)
    for wanted in (*document.parties, document.title):
        assert any(wanted in form for form in forms), f"{wanted!r} not in the extracted text"
    if document.tabled_actions:
        assert any("Åtgärd" in form for form in forms), "'Åtgärd' not in the extracted text"
    for markup in document.markup_as_text:
        assert any(markup in form for form in forms), f"{markup!r} from the YAML is not shown as text"


def test_shows_no_raw_markdown(pdf_path: Path) -> None:
    leaked = raw_markdown(pdf_text(pdf_path))
    assert not leaked, f"Markdown syntax shown as text in the PDF: {leaked}"


def test_declares_pdf_ua_and_is_tagged(reader: PdfReader) -> None:
    packet = xmp(reader)
    assert re.search(r"pdfuaid:part(>\s*|=\s*[\"'])1\b", packet), f"XMP declares no pdfuaid:part 1:\n{packet[:1500]}"
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog, "the PDF is not tagged (no structure tree)"
    marked = catalog.get("/MarkInfo", {}).get("/Marked")
    assert getattr(marked, "value", None) is True, f"MarkInfo /Marked is {marked}, not true"


def test_declares_title_and_language(reader: PdfReader, document: Expected) -> None:
    info_title = reader.metadata.title if reader.metadata else None
    titles = {same_text(title) for title in (info_title, xmp_title(xmp(reader))) if title}
    assert same_text(document.title) in titles, f"title {document.title!r} not declared; found {titles}"
    lang = str(reader.trailer["/Root"].get("/Lang", ""))
    assert lang.split("-")[0] == document.language, f"catalog /Lang is {lang!r}, expected {document.language!r}"
