"""Accessibility of the built PDF and Word files, read from the files themselves.

No full PDF/UA validator runs here (veraPDF needs a registry these machines do not
reach), so the checks below read what WCAG 2.1 AA / EN 301 549 and PDF/UA-1 ask of
our documents straight from the files, each returning findings, one sentence each:

PDF (the tag tree and the catalog, see `pdf_reading`):
- tagged (/MarkInfo /Marked, a structure tree), language (/Lang), title in the
  document information and shown in the window (/ViewerPreferences /DisplayDocTitle),
  opening with its bookmarks (/PageMode /UseOutlines);
- the title is a heading (H1) or a Title element, the first heading is H1 and no
  heading skips a level;
- every link is tagged and has alternate text (/Alt on its Link element or /Contents
  on its annotation), and a link in the text is underlined (a line drawn under it: colour
  alone does not tell a link from the text); entries of the table of contents, which
  read as a list of links by where they stand, are not asked for one;
- every Figure has /Alt; every table header cell (TH) has a /Scope.

Word (the XML parts, with lxml):
- headings are Heading 1–6 styles, start at level 1 and never skip a level;
- every picture has alternative text (wp:docPr/@descr);
- every data table (styled by pandoc; the signatures' borderless layout table is not one)
  has its first row marked as a header row (w:tblHeader);
- the language is set in the default run properties (w:lang) and in the core
  properties, and the core properties carry the document's title.
"""

from __future__ import annotations

import re
import zipfile
from itertools import pairwise
from pathlib import Path

from lxml import etree
from pikepdf import Array, Dictionary, Name

from .pdf_reading import Element, Stroke, TaggedPdf

def _same(text: str, title: str) -> bool:
    """The same text however its lines broke (a line may break after a dash, with no space)."""
    return "".join(text.split()) == "".join(title.split())


# -- PDF -----------------------------------------------------------------------------------------


def pdf_catalog_findings(pdf: TaggedPdf, title: str, language: str) -> list[str]:
    """Tagging, language, title, and how the file opens."""
    catalog, findings = pdf.catalog, []
    marked = catalog.get("/MarkInfo", Dictionary()).get("/Marked")
    if "/StructTreeRoot" not in catalog or marked is not True:
        findings.append("the file is not tagged (no structure tree, or /MarkInfo /Marked is not true)")
    lang = str(catalog.get("/Lang", ""))
    if lang.split("-")[0].lower() != language:
        findings.append(f"the catalog's /Lang is {lang!r}, not the document's language {language!r}")
    shown = catalog.get("/ViewerPreferences", Dictionary()).get("/DisplayDocTitle")
    if shown is not True:
        findings.append("/ViewerPreferences /DisplayDocTitle is not true: readers show the file name, not the title")
    if catalog.get("/PageMode") != Name.UseOutlines:
        findings.append(f"/PageMode is {catalog.get('/PageMode')}, not /UseOutlines: the bookmarks do not open")
    declared = str(pdf.pdf.docinfo.get("/Title", "")) if pdf.pdf.docinfo is not None else ""
    if not _same(declared, title):
        findings.append(f"the document information's /Title is {declared!r}, not the title {title!r}")
    return findings


def pdf_heading_findings(pdf: TaggedPdf, title: str) -> list[str]:
    """The title is the H1 (or a Title element); headings start at H1 and never skip a level."""
    findings = []
    titled = [element for element in pdf.root.walk() if element.role in ("H1", "Title")]
    if not any(_same(pdf.text(element), title) for element in titled):
        findings.append(f"the title {title!r} is not tagged as H1 or Title (found: "
                        f"{[pdf.text(element) for element in titled][:3]})")
    levels = [(element.heading_level, pdf.text(element)) for element in pdf.root.walk() if element.heading_level]
    if levels and levels[0][0] != 1:
        findings.append(f"the first heading is H{levels[0][0]} {levels[0][1]!r}, not H1")
    findings += [f"the heading {after[1]!r} (H{after[0]}) skips a level after {before[1]!r} (H{before[0]})"
                 for before, after in pairwise(levels) if after[0] > before[0] + 1]
    return findings


def _in_contents(element: Element, parents: dict[int, Element]) -> bool:
    """Whether an element stands in the table of contents (TOC, TOCI)."""
    parent = parents.get(id(element))
    while parent is not None:
        if parent.role in ("TOC", "TOCI"):
            return True
        parent = parents.get(id(parent))
    return False


def _underlined(rect: tuple[float, float, float, float], strokes: list[Stroke]) -> bool:
    """Whether a horizontal line is drawn along the foot of a link's rectangle."""
    x0, y0, x1, y1 = rect
    width = x1 - x0
    return any(stroke.flat and min(stroke.x1, x1) - max(stroke.x0, x0) >= 0.5 * width
               and y0 - 3 <= stroke.y0 <= y0 + 0.45 * (y1 - y0) for stroke in strokes)


def pdf_link_findings(pdf: TaggedPdf) -> list[str]:
    """Every link annotation is tagged and has alternate text; a link in the text is underlined."""
    parents = {id(kid): element for element in pdf.root.walk() for kid in element.children()}
    findings, tagged = [], set()
    for element in (element for element in pdf.root.walk() if element.role == "Link"):
        for page, annotation in element.annotations:
            tagged.add(annotation.objgen)
            label = pdf.text(element)
            if not str(element.dictionary.get("/Alt", "")).strip() and not str(annotation.get("/Contents", "")).strip():
                findings.append(f"page {page}: the link {label!r} has no alternate text (/Alt or /Contents)")
            rect = tuple(float(value) for value in annotation.get("/Rect", [0, 0, 0, 0]))
            strokes = pdf.pages[page - 1].strokes if page else []
            if not _in_contents(element, parents) and not _underlined(rect, strokes):  # type: ignore[arg-type]
                findings.append(f"page {page}: the link {label!r} is not underlined")
    for number, page in enumerate(pdf.pdf.pages, start=1):
        for annotation in page.obj.get("/Annots", Array()):
            if annotation.get("/Subtype") == Name.Link and annotation.objgen not in tagged:
                findings.append(f"page {number}: a link annotation is not in the tag tree (no Link element)")
    return findings


def pdf_element_findings(pdf: TaggedPdf) -> list[str]:
    """Every Figure has alternate text; every table header cell says what it heads (/Scope)."""
    findings = []
    for element in pdf.root.walk():
        if element.role == "Figure" and not str(element.dictionary.get("/Alt", "")).strip():
            findings.append(f"a Figure on page {element.page} has no /Alt")
        if element.role == "TH" and element.attribute("Table", "/Scope") is None:
            findings.append(f"the header cell {pdf.text(element)!r} on page {element.page} has no /Scope")
    return findings


def pdf_findings(pdf: TaggedPdf, title: str, language: str) -> list[str]:
    """Everything above, for one PDF."""
    return (pdf_catalog_findings(pdf, title, language) + pdf_heading_findings(pdf, title)
            + pdf_link_findings(pdf) + pdf_element_findings(pdf))


# -- Word --------------------------------------------------------------------------------------------

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {
    "w": W,
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
}


class WordFile:
    """The XML parts of a .docx that the checks read."""

    def __init__(self, path: Path | str) -> None:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            self.document = etree.fromstring(archive.read("word/document.xml"))
            self.styles = etree.fromstring(archive.read("word/styles.xml"))
            self.core = etree.fromstring(archive.read("docProps/core.xml")) if "docProps/core.xml" in names else None
        self.style_names: dict[str | None, str | None] = {}
        for style in self.styles.iterfind("w:style", NS):
            name = style.find("w:name", NS)
            self.style_names[style.get(f"{{{W}}}styleId")] = name.get(f"{{{W}}}val") if name is not None else ""

    def headings(self) -> list[tuple[int, str]]:
        """(level, text) of every paragraph in a Heading N style, in order."""
        found = []
        for paragraph in self.document.iter(f"{{{W}}}p"):
            style = paragraph.find("w:pPr/w:pStyle", NS)
            name = self.style_names.get(style.get(f"{{{W}}}val"), "") if style is not None else ""
            match = re.fullmatch(r"[Hh]eading ([1-9])", name or "")
            if match:
                found.append((int(match.group(1)), "".join(paragraph.itertext())))
        return found


def word_findings(path: Path | str, title: str, language: str) -> list[str]:
    """Headings, pictures, table headers, language and title of a Word file."""
    word, findings = WordFile(path), []
    levels = word.headings()
    if not levels:
        findings.append("no paragraph is in a Heading style")
    elif levels[0][0] != 1:
        findings.append(f"the first heading is level {levels[0][0]} {levels[0][1]!r}, not 1")
    findings += [f"the heading {after[1]!r} (level {after[0]}) skips a level after {before[1]!r} (level {before[0]})"
                 for before, after in pairwise(levels) if after[0] > before[0] + 1]
    for picture in word.document.iter(f"{{{NS['wp']}}}docPr"):
        if not (picture.get("descr") or "").strip():
            findings.append(f"the picture {picture.get('name')!r} has no alternative text (descr)")
    for table in word.document.iter(f"{{{W}}}tbl"):
        if table.find("w:tblPr/w:tblStyle", NS) is None:
            continue  # a layout table (the signatures side by side), not data
        first = table.find("w:tr", NS)
        flag = first.find("w:trPr/w:tblHeader", NS) if first is not None else None
        if flag is None or flag.get(f"{{{W}}}val", "true") in ("0", "false", "off"):
            text = "".join(first.itertext())[:40] if first is not None else ""
            findings.append(f"the table starting {text!r} has no header row (w:tblHeader)")
    lang = word.styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    value = lang.get(f"{{{W}}}val", "") if lang is not None else ""
    if value.split("-")[0].lower() != language:
        findings.append(f"the default language (w:lang in styles) is {value!r}, not {language!r}")
    core_language = word.core.findtext("dc:language", "", NS) if word.core is not None else ""
    if core_language.split("-")[0].lower() != language:
        findings.append(f"the core properties' language is {core_language!r}, not {language!r}")
    core_title = word.core.findtext("dc:title", "", NS) if word.core is not None else ""
    if not _same(core_title, title):
        findings.append(f"the core properties' title is {core_title!r}, not {title!r}")
    return findings
