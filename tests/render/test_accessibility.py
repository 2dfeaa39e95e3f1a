"""Accessibility of the built PDF and Word files, verified by reading them (tests/accessibility.py).

Every example, every real-client test document and the synthetic plan are built through
the real pipeline; their PDFs' tag trees and catalogs and their Word files' XML are read
back, and pdfua (a partial PDF/UA-1 checker) runs over the PDFs as a smoke check. Each
check is shown to fail on a copy of a built file broken on purpose.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Callable

import pikepdf
import pytest

from agreement.render.template_folders import TemplateSet
from agreement.validation import check_file

from .. import accessibility
from ..pdf_reading import TaggedPdf
from ..synthetic_plan import DOCUMENT_ID, TITLE
from .conftest import paged_sources, run_build

SOURCES = {path.stem if path.parent.name == "documents" else path.parent.name: path for path in paged_sources()}


def document_of(source: Path):  # type: ignore[no-untyped-def]
    document = check_file(source).document
    assert document is not None
    return document


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_the_pdf_reads_right_to_assistive_technology(name: str, paged_build: Path) -> None:
    document = document_of(SOURCES[name])
    pdf = TaggedPdf(paged_build / f"{document.id}.pdf")
    assert accessibility.pdf_findings(pdf, document.title, document.language) == []


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_the_word_file_reads_right_to_assistive_technology(name: str, paged_build: Path) -> None:
    document = document_of(SOURCES[name])
    assert accessibility.word_findings(paged_build / f"{document.id}.docx", document.title, document.language) == []


def test_the_synthetic_plan_reads_right_in_both_files(paged_build: Path) -> None:
    pdf = TaggedPdf(paged_build / f"{DOCUMENT_ID}.pdf")
    assert accessibility.pdf_findings(pdf, TITLE, "sv") == []
    assert accessibility.word_findings(paged_build / f"{DOCUMENT_ID}.docx", TITLE, "sv") == []
    body_links = [element for element in pdf.root.walk() if element.role == "Link"][-3:]
    assert [pdf.text(link) for link in body_links][-2:] == ["Nationellt brottsförebyggande program",
                                                           "Polisens medborgarlöften"]


@pytest.mark.parametrize("name", sorted(SOURCES) + [DOCUMENT_ID])
def test_pdfua_finds_nothing(name: str, paged_build: Path) -> None:
    """pdfua implements 16 of PDF/UA-1's 106 machine-checkable rules: a smoke check, not a verdict."""
    from pdfua import validate

    document_id = DOCUMENT_ID if name == DOCUMENT_ID else document_of(SOURCES[name]).id
    report = validate(str(paged_build / f"{document_id}.pdf"))
    assert [(finding.rule_id, finding.message) for finding in report.findings] == []


# -- each check fails where its rule is broken ------------------------------------------------------


def broken_pdf(source: Path, target: Path, change: Callable[[pikepdf.Pdf], None]) -> TaggedPdf:
    with pikepdf.open(source) as pdf:
        change(pdf)
        pdf.save(target)
    return TaggedPdf(target)


def first(pdf: pikepdf.Pdf, role: str) -> pikepdf.Dictionary:
    """The first structure element of a type, depth first."""
    pending = [pdf.Root.StructTreeRoot]
    while pending:
        node = pending.pop(0)
        if node.get("/S") == pikepdf.Name(f"/{role}"):
            return node
        kids = node.get("/K")
        pending[0:0] = [kid for kid in (kids if isinstance(kids, pikepdf.Array) else [kids])
                        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid]
    raise LookupError(role)


def test_the_catalog_checks_find_what_is_missing(paged_build: Path, tmp_path: Path) -> None:
    def strip(pdf: pikepdf.Pdf) -> None:
        del pdf.Root["/Lang"]
        del pdf.Root["/PageMode"]
        pdf.Root.ViewerPreferences.DisplayDocTitle = False
        del pdf.docinfo["/Title"]

    pdf = broken_pdf(paged_build / f"{DOCUMENT_ID}.pdf", tmp_path / "broken.pdf", strip)
    assert accessibility.pdf_catalog_findings(pdf, TITLE, "sv") == [
        "the catalog's /Lang is '', not the document's language 'sv'",
        "/ViewerPreferences /DisplayDocTitle is not true: readers show the file name, not the title",
        "/PageMode is None, not /UseOutlines: the bookmarks do not open",
        f"the document information's /Title is '', not the title {TITLE!r}",
    ]


def test_the_heading_checks_find_a_title_that_is_no_heading(paged_build: Path, tmp_path: Path) -> None:
    def demote(pdf: pikepdf.Pdf) -> None:
        first(pdf, "H1").S = pikepdf.Name.H3

    found = accessibility.pdf_heading_findings(
        broken_pdf(paged_build / f"{DOCUMENT_ID}.pdf", tmp_path / "broken.pdf", demote), TITLE)
    assert found[0].startswith(f"the title {TITLE!r} is not tagged as H1 or Title")
    assert found[1] == f"the first heading is H3 {TITLE!r}, not H1"


def test_the_element_checks_find_a_figure_without_alt_and_a_header_cell_without_scope(
        paged_build: Path, tmp_path: Path) -> None:
    def strip(pdf: pikepdf.Pdf) -> None:
        first(pdf, "P").S = pikepdf.Name.Figure
        for attributes in first(pdf, "TH").A:
            if attributes.get("/O") == pikepdf.Name.Table:
                del attributes["/Scope"]

    found = accessibility.pdf_element_findings(
        broken_pdf(paged_build / f"{DOCUMENT_ID}.pdf", tmp_path / "broken.pdf", strip))
    assert found[0] == "a Figure on page 1 has no /Alt"
    assert re.fullmatch(r"the header cell 'Vad' on page \d+ has no /Scope", found[1]) and len(found) == 2, found


def test_the_link_checks_find_a_link_without_alt_text_or_tag(paged_build: Path, tmp_path: Path) -> None:
    def strip(pdf: pikepdf.Pdf) -> None:
        link = first(pdf, "Link")
        annotation = next(kid.Obj for kid in link.K if isinstance(kid, pikepdf.Dictionary) and "/Obj" in kid)
        del annotation["/Contents"]
        pdf.pages[1].obj.Annots.append(pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=[0, 0, 10, 10])))

    found = accessibility.pdf_link_findings(broken_pdf(paged_build / f"{DOCUMENT_ID}.pdf", tmp_path / "b.pdf", strip))
    assert len(found) == 2, found
    assert re.fullmatch(r"page 2: the link '.+' has no alternate text \(/Alt or /Contents\)", found[0])
    assert found[1] == "page 2: a link annotation is not in the tag tree (no Link element)"


def test_the_link_check_finds_a_link_shown_by_colour_alone(tmp_path: Path, synthetic_source: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    layout = (TemplateSet().builtin_dir / "document.typ").read_text(encoding="utf-8")
    assert "#show link: underline\n" in layout
    (templates / "document.typ").write_text(layout.replace("#show link: underline\n", ""), encoding="utf-8")
    assert run_build([synthetic_source], tmp_path, formats=("pdf",), templates=templates).exit_code == 0
    found = accessibility.pdf_link_findings(TaggedPdf(tmp_path / f"{DOCUMENT_ID}.pdf"))
    assert [re.sub(r"^page \d+: ", "", finding) for finding in found] == [
        "the link 'Brottsförebyggande rådets handbok om lokal lägesbild' is not underlined",
        "the link 'Nationellt brottsförebyggande program' is not underlined",
        "the link 'Polisens medborgarlöften' is not underlined",
    ]


def broken_word(source: Path, target: Path, changes: dict[str, Callable[[str], str]]) -> Path:
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as copy:
        for item in original.infolist():
            data = original.read(item.filename)
            if item.filename in changes:
                changed = changes[item.filename](data.decode("utf-8"))
                assert changed != data.decode("utf-8"), f"nothing changed in {item.filename}"
                data = changed.encode("utf-8")
            copy.writestr(item, data)
    return target


def test_the_word_checks_find_each_fault(paged_build: Path, tmp_path: Path) -> None:
    picture = ('<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/'
               'wordprocessingDrawing"><wp:docPr id="90" name="Logo"/></wp:inline></w:drawing></w:r>')
    changes = {
        "word/document.xml": lambda xml: re.sub(r'<w:pStyle w:val="Heading2"/>', '<w:pStyle w:val="Heading4"/>',
                                                xml.replace('<w:tblHeader w:val="on"/>', "", 1), count=1)
                                         .replace("</w:p>", picture + "</w:p>", 1),
        "word/styles.xml": lambda xml: re.sub(r'(<w:rPrDefault>.*?<w:lang [^>]*w:val=")sv-SE', r"\1en-GB", xml,
                                                          flags=re.S),
        "docProps/core.xml": lambda xml: xml.replace(f"<dc:title>{TITLE}</dc:title>", "<dc:title>Dokument</dc:title>"),
    }
    path = broken_word(paged_build / f"{DOCUMENT_ID}.docx", tmp_path / "broken.docx", changes)
    found = accessibility.word_findings(path, TITLE, "sv")
    assert [finding.split(" ")[:3] for finding in found] == [
        ["the", "heading", found[0].split(" ")[2]],
        ["the", "picture", "'Logo'"],
        ["the", "table", "starting"],
        ["the", "default", "language"],
        ["the", "core", "properties'"],
    ], found
    assert "(level 4) skips a level after" in found[0] and found[-1].endswith(f"not {TITLE!r}")
