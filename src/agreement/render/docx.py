"""Finishing the Word file pandoc wrote: the cover page, the contents, the signatures, the
running header and footer, the file's properties, and a reproducible zip.

pandoc writes the body; what Word needs beyond it is made here from the same data the
PDF's layout gets (`build.title_page_data`), with an XML API (lxml), never with text
substitutions:

- the cover page (title, subtitle, parties, the facts the document gives, contacts),
  then a contents list of the parts and their sections, each a link to its heading,
  then the body; Word makes the list anew with its page numbers when it opens the
  file (the file asks it to update its fields), and `pages` fills them in beforehand
  from a layout of the same file (LibreOffice's, say) for readers that never update
  fields;
- the signatures side by side in a table without borders, where the body marks their
  place (the bookmark `signature-block`), with lines to sign on for those that ask;
- the running header (the title) and the footer ("Sida 3 (12)") filled in, so they
  read right before Word updates fields, and LibreOffice, which never does;
- the brand's logos, when it has them: above the title on the cover page and at the
  start of the running header, with their alternative text;
- the core properties: title, subject, authors, keywords, language and the build's
  date;
- a table cell's word too wide for its column hyphenated where the dictionary allows
  (`word_hyphens`), as the PDF hyphenates it, rather than broken at any letter;
- pagination: no table row split across pages (`w:cantSplit`), a short table and a list
  of members on one page, a long table never leaving fewer than three rows on a page
  (headings keep with what follows by their style, in the reference document);
- the archive written again with fixed timestamps and order: same input, same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import posixpath
import zipfile
from dataclasses import dataclass
from itertools import groupby, takewhile
from typing import Any, Iterable, Iterator, Mapping

from lxml import etree

from ..writing import write_zip
from .reference_docx import in_schema_order
from .word_hyphens import hyphenate_wide_words

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {
    "w": W,
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
}
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"
IMAGE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
EMU_PER_CM = 360_000
SIGNATURE_BLOCK = "signature-block"
"""The bookmark pandoc writes around the body's signatures (the id of their div)."""
CONTENTS_DEPTH = 2
"""Heading levels the contents list shows: the parts and the sections directly under them."""


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def element(tag: str, attributes: Mapping[str, str] | None = None, *children: etree._Element) -> etree._Element:
    """`<w:tag w:key="value">children</w:tag>`."""
    node = etree.Element(w(tag), {w(key): value for key, value in (attributes or {}).items()})
    node.extend(children)
    return node


def run(text: str, bold: bool = False) -> etree._Element:
    properties = [element("rPr", None, element("b"))] if bold else []
    node = element("r", None, *properties)
    text_node = etree.SubElement(node, w("t"))
    text_node.text = text
    text_node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return node


def paragraph(style: str | None, *content: etree._Element, keep_next: bool = False) -> etree._Element:
    properties = element("pPr")
    if style:
        properties.append(element("pStyle", {"val": style}))
    if keep_next:
        properties.append(element("keepNext"))
    return element("p", None, properties, *content)


def lines(texts: Iterable[str | None]) -> list[etree._Element]:
    """Runs of `texts` with a line break between them, the empty ones left out."""
    found: list[etree._Element] = []
    for text in (text for text in texts if text):
        if found:
            found.append(element("r", None, element("br")))
        found.append(run(text))
    return found


def page_break() -> etree._Element:
    return element("p", None, element("r", None, element("br", {"type": "page"})))


# -- the cover page and the contents -------------------------------------------------------


def cover(data: Mapping[str, Any]) -> list[etree._Element]:
    """Title, subtitle, parties, the facts the document gives and its contacts."""
    found = [paragraph("Title", run(data["title"]))]
    if data.get("subtitle"):
        found.append(paragraph("Subtitle", run(data["subtitle"])))
    found += [paragraph("Author", run(party["name"])) for party in data["parties"]]
    facts = [(fact["label"], [fact["value"]]) for fact in data["facts"]]
    if data["contacts"]:
        facts.append((data["labels"]["field"].get("contact", "Kontakt"), data["contacts"]))
    for number, (label, values) in enumerate(facts):
        fact = paragraph("TitleFact", run(label, bold=True), element("r", None, element("tab")), *lines(values))
        if number == 0:  # set apart from the parties, as in the PDF and the web page
            etree.SubElement(_properties(fact), w("spacing"), {w("before"): FACTS_APART})
        found.append(fact)
    return found


FACTS_APART = "240"
"""Space between the parties and the first fact of the cover, in twentieths of a point (12 pt)."""


def headings(body: etree._Element, depth: int = CONTENTS_DEPTH) -> list[tuple[int, str, str]]:
    """(level, text, bookmark) of the body's headings to `depth`, in order."""
    found = []
    for node in body.iterchildren(w("p")):
        style = node.find("w:pPr/w:pStyle", NS)
        name = style.get(w("val"), "") if style is not None else ""
        if not (name.startswith("Heading") and name[7:].isdigit() and int(name[7:]) <= depth):
            continue
        mark = node.getprevious()
        bookmark = mark.get(w("name")) if mark is not None and mark.tag == w("bookmarkStart") else None
        if bookmark:
            found.append((int(name[7:]), "".join(node.itertext()), bookmark))
    return found


def word_headings(docx: bytes) -> list[tuple[int, str, str]]:
    """(level, text, bookmark) of the headings the contents list of a finished Word file shows."""
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        body = etree.fromstring(archive.read("word/document.xml")).find("w:body", NS)
    assert body is not None
    return headings(body)


def field(instruction: str, result: list[etree._Element], dirty: bool = False) -> list[etree._Element]:
    """A complex field: begin, instruction, separate, its current result, end."""
    begin = element("fldChar", {"fldCharType": "begin", **({"dirty": "true"} if dirty else {})})
    instruction_node = element("instrText")
    instruction_node.text = f" {instruction} "
    instruction_node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return [element("r", None, begin), element("r", None, instruction_node),
            element("r", None, element("fldChar", {"fldCharType": "separate"})), *result,
            element("r", None, element("fldChar", {"fldCharType": "end"}))]


def contents(title: str, entries: list[tuple[int, str, str]], pages: Mapping[str, int]) -> etree._Element:
    """The contents list as Word writes it: a TOC field whose entries link to the headings, with
    their page numbers when they are known; Word makes the list anew, numbers and all, when it
    updates the field."""
    heading = paragraph("TOCHeading", run(title))
    rows = []
    for level, text, bookmark in entries:
        number = [element("r", None, element("tab")), run(str(pages[bookmark]))] if bookmark in pages else []
        link = element("hyperlink", {"anchor": bookmark, "history": "1"}, run(text), *number)
        rows.append(paragraph(f"TOC{level}", link))
    toc = field(f'TOC \\o "1-{CONTENTS_DEPTH}" \\h \\z \\u', [], dirty=not pages)
    begin, end = toc[:3], toc[-1]
    if rows:
        for index, part in enumerate(begin, start=1):  # after the first entry's properties, before its link
            rows[0].insert(index, part)
        rows[-1].append(end)
    else:
        rows = [paragraph(None, *toc)]
    block = element("sdt", None, element("sdtPr", None, element(
        "docPartObj", None, element("docPartGallery", {"val": "Table of Contents"}), element("docPartUnique"))))
    block.append(element("sdtContent", None, heading, *rows))
    return block


# -- the signatures -----------------------------------------------------------------------------


def signature_cell(signature: Mapping[str, Any], words: Mapping[str, str]) -> etree._Element:
    """One signature: as written, or with lines to sign on (place and date, signature, name)."""
    blocks = [paragraph("SignatureParty", run(signature["party"], bold=True), keep_next=True)]
    if signature["lines"]:
        known = [[signature.get("place")], [], [signature.get("name"), signature.get("title")]]
        labels = [words.get("place_and_date", ""), words.get("signature", ""), words.get("name", "")]
        for number, (values, label) in enumerate(zip(known, labels, strict=True)):
            blocks.append(paragraph("SignatureValue", *(lines(values) or [run("\u00a0")])))
            blocks.append(paragraph("SignatureEnd" if number == 2 else "SignatureLabel", run(label)))
    else:
        blocks.append(paragraph(None, *lines([signature.get("place_and_date"), signature.get("name"),
                                              signature.get("title")])))
    return element("tc", None, element("tcPr", None, element("tcW", {"w": "2500", "type": "pct"})), *blocks)


def signature_table(signatures: list[Mapping[str, Any]], words: Mapping[str, str]) -> etree._Element:
    """The signatures two by two, side by side, in a table without borders."""
    borders = element("tblBorders", None, *(element(side, {"val": "nil"}) for side in
                                            ("top", "left", "bottom", "right", "insideH", "insideV")))
    table = element("tbl", None, element("tblPr", None, element("tblW", {"w": "5000", "type": "pct"}), borders,
                                         element("tblLook", {"val": "0000"})),
                    element("tblGrid", None, element("gridCol"), element("gridCol")))
    for pair in (signatures[index:index + 2] for index in range(0, len(signatures), 2)):
        cells = [signature_cell(signature, words) for signature in pair]
        if len(cells) == 1:
            cells.append(element("tc", None, paragraph(None)))
        table.append(element("tr", None, element("trPr", None, element("cantSplit")), *cells))
    return table


def place_signatures(body: etree._Element, data: Mapping[str, Any]) -> None:
    """Put the signature table where the body marks the signatures, in place of what is there,
    with the text before it kept on its page (`keep_text_before`)."""
    start = body.find(f"w:bookmarkStart[@w:name='{SIGNATURE_BLOCK}']", NS)
    if start is None:
        return
    mark = start.get(w("id"))
    node = start.getnext()
    while node is not None and not (node.tag == w("bookmarkEnd") and node.get(w("id")) == mark):
        following = node.getnext()
        body.remove(node)
        node = following
    table = signature_table(data["signatures"], data["labels"]["signature"])
    start.addnext(table)
    keep_text_before(body, table)


KEPT_RUNS = 2
"""How many runs of text (a paragraph, or a list with all its items) before the signatures, or
before an area's notes, go with them."""
NOTES = "notes-"
"""Bookmarks (ids of divs in the body) around an area's notes, which explain the lists before them."""


def bookmarks(body: etree._Element, prefix: str) -> Iterator[etree._Element]:
    """The starts of the body's bookmarks whose names begin with `prefix`: pandoc writes a div's id
    (`keep-…`, `notes-…`) as a bookmark around its paragraphs."""
    return (start for start in body.iter(w("bookmarkStart")) if start.get(w("name"), "").startswith(prefix))


def keep_text_before_notes(body: etree._Element) -> None:
    """An area's notes do not open a page cut off from the lists they explain (`keep_text_before`)."""
    for start in bookmarks(body, NOTES):
        first = next((node for node in start.itersiblings() if node.tag in (w("p"), w("tbl"))), None)
        if first is not None:
            keep_text_before(body, first)


def keep_text_before(body: etree._Element, block: etree._Element) -> None:
    """What must not stand alone at the top of a page (the signatures, as if they could sign
    anything; an area's notes) keeps the last KEPT_RUNS runs of text before it on its page (a
    list and its lead-in, two paragraphs, a heading and its list), as in the PDF, or the last
    EDGE_ROWS rows of a table right before it."""
    blocks = _blocks(body)
    index = blocks.index(block)
    if index and blocks[index - 1].tag == w("tbl"):  # a table's last rows go with it instead
        rows = blocks[index - 1].findall("w:tr", NS)
        keep_with_next(paragraph for row in rows[-EDGE_ROWS:] for paragraph in row.iter(w("p")))
        return
    before = list(takewhile(lambda found: found.tag == w("p"), reversed(blocks[:index])))
    runs = [list(run) for _, run in groupby(before, key=lambda block: _in_list(block) or id(block))]
    for run in runs[:KEPT_RUNS]:  # each run from its last paragraph back
        if len(run) > SHORT_TABLE:  # a long list: its last items go with them, nothing before it
            keep_with_next(run[:EDGE_ROWS])
            break
        keep_with_next(run)


# -- pagination -----------------------------------------------------------------------------------

SHORT_TABLE = 8
"""A table of up to this many rows (below its header) is kept on one page."""
EDGE_ROWS = 3
"""A longer table keeps at least this many rows together at its start (after the header) and end."""
KEEP = "keep-"
"""Bookmarks (ids of divs in the body) whose paragraphs are kept on one page: a list of members."""


def keep_with_next(paragraphs: Iterable[etree._Element]) -> None:
    """Each of `paragraphs` stays on the page of the one after it (Word's "keep with next")."""
    _set_property(paragraphs, "keepNext")


def keep_lines_together(paragraphs: Iterable[etree._Element]) -> None:
    """No page break inside any of `paragraphs` (Word's "keep lines together")."""
    _set_property(paragraphs, "keepLines")


def _set_property(paragraphs: Iterable[etree._Element], name: str) -> None:
    for node in paragraphs:
        properties = _properties(node)
        if properties.find(f"w:{name}", NS) is None:
            properties.append(element(name))  # finish_body puts the properties in schema order


def _properties(paragraph: etree._Element) -> etree._Element:
    """A paragraph's properties (`w:pPr`), added when it has none."""
    properties = paragraph.find("w:pPr", NS)
    if properties is None:
        properties = element("pPr")
        paragraph.insert(0, properties)
    return properties


def _blocks(body: etree._Element) -> list[etree._Element]:
    """The body's paragraphs and tables, in order, without the bookmark marks between them."""
    return [node for node in body if node.tag in (w("p"), w("tbl"))]


def keep_tables_together(body: etree._Element) -> None:
    """A short table on one page; a longer one never leaving fewer than EDGE_ROWS rows (or its
    header alone) at the foot or the head of a page. Rows are never split (`cantSplit`)."""
    for table in body.iter(w("tbl")):
        rows = table.findall("w:tr", NS)
        header = 1 if rows and rows[0].find("w:trPr/w:tblHeader", NS) is not None else 0
        if len(rows) - header <= SHORT_TABLE:
            held = rows[:-1]
        else:
            held = rows[:header + EDGE_ROWS - 1] + rows[-EDGE_ROWS:-1]
        keep_with_next(paragraph for row in held for paragraph in row.iter(w("p")))


def keep_marked_blocks_together(body: etree._Element) -> None:
    """The paragraphs between a `keep-…` bookmark's start and end stay on one page: each keeps
    its lines together, and all but the last keep with the next."""
    for start in bookmarks(body, KEEP):
        mark, held, node = start.get(w("id")), [], start.getnext()
        while node is not None and not (node.tag == w("bookmarkEnd") and node.get(w("id")) == mark):
            held.extend([node] if node.tag == w("p") else node.iter(w("p")))
            node = node.getnext()
        keep_with_next(held[:-1])
        keep_lines_together(held)


def keep_lists_together(body: etree._Element) -> None:
    """A list of up to SHORT_TABLE items stays on one page, and the paragraph that leads into a
    list ("Uppföljningsmål:") stays with its first item: a list split two and one, or a label
    alone at the foot of a page, reads as two lists."""
    blocks = _blocks(body)
    for listed, run in groupby(range(len(blocks)), key=lambda index: _in_list(blocks[index])):
        if not listed:
            continue
        indexes = list(run)
        items = [blocks[index] for index in indexes]
        lead = blocks[indexes[0] - 1] if indexes[0] > 0 else None
        if lead is not None and _is_text(lead):
            keep_with_next([lead])
        if len(items) <= SHORT_TABLE:
            keep_with_next(items[:-1])
            keep_lines_together(items)


AFTER_LIST = "120"
"""Space above a paragraph that follows a list, in twentieths of a point (6 pt): a list's
items are set close (pandoc's `Compact` style), and Word adds no space of its own below one."""


def space_after_lists(body: etree._Element) -> None:
    """A paragraph of text right after a list stands apart from it, as in the PDF and the web
    page (a heading has space above it already)."""
    blocks = _blocks(body)
    for before, node in zip(blocks, blocks[1:]):
        if _in_list(before) and _is_text(node):
            properties = _properties(node)
            spacing = properties.find("w:spacing", NS)
            if spacing is None:
                spacing = etree.SubElement(properties, w("spacing"))
            spacing.set(w("before"), AFTER_LIST)


TEXT_STYLES = {"BodyText", "FirstParagraph"}
"""pandoc's styles of ordinary paragraphs."""


def _is_text(node: etree._Element) -> bool:
    style = node.find("w:pPr/w:pStyle", NS)
    return node.tag == w("p") and not _in_list(node) and (style is None or style.get(w("val")) in TEXT_STYLES)


def _in_list(node: etree._Element) -> bool:
    return node.tag == w("p") and node.find("w:pPr/w:numPr", NS) is not None


def never_split_rows(body: etree._Element) -> None:
    """No table row split across pages: a reader sees an action and its owner together."""
    for row in body.iter(w("tr")):
        properties = row.find("w:trPr", NS)
        if properties is None:
            properties = element("trPr")
            row.insert(0, properties)
        if properties.find("w:cantSplit", NS) is None:
            properties.insert(0, element("cantSplit"))


# -- the brand's logos ------------------------------------------------------------------------


@dataclass(frozen=True)
class Picture:
    """A PNG to place in the file, its printed height and its alternative text."""

    png: bytes
    height_cm: float
    alt: str

    def size_emu(self) -> tuple[int, int]:
        """(width, height) in EMU, the width from the PNG's own proportions."""
        width, height = int.from_bytes(self.png[16:20], "big"), int.from_bytes(self.png[20:24], "big")
        tall = round(self.height_cm * EMU_PER_CM)
        return round(tall * width / max(height, 1)), tall


@dataclass(frozen=True)
class Logos:
    """The brand's logo on the cover page and its small logo in the running header."""

    cover: Picture
    header: Picture


def drawing(picture: Picture, relationship: str, number: int) -> etree._Element:
    """A run holding `picture` inline, with its alternative text (`descr`) for screen readers."""
    width, height = map(str, picture.size_emu())
    inline = etree.Element(f"{{{WP}}}inline", {"distT": "0", "distB": "0", "distL": "0", "distR": "0"},
                           nsmap={"wp": WP, "a": A, "pic": PIC, "r": R})
    etree.SubElement(inline, f"{{{WP}}}extent", cx=width, cy=height)
    etree.SubElement(inline, f"{{{WP}}}docPr", id=str(number), name=f"Logo {number}", descr=picture.alt)
    locks = etree.SubElement(etree.SubElement(inline, f"{{{WP}}}cNvGraphicFramePr"), f"{{{A}}}graphicFrameLocks")
    locks.set("noChangeAspect", "1")
    data = etree.SubElement(etree.SubElement(inline, f"{{{A}}}graphic"), f"{{{A}}}graphicData", uri=PIC)
    pic = etree.SubElement(data, f"{{{PIC}}}pic")
    names = etree.SubElement(pic, f"{{{PIC}}}nvPicPr")
    etree.SubElement(names, f"{{{PIC}}}cNvPr", id="0", name=f"logo-{number}.png", descr=picture.alt)
    etree.SubElement(names, f"{{{PIC}}}cNvPicPr")
    fill = etree.SubElement(pic, f"{{{PIC}}}blipFill")
    etree.SubElement(fill, f"{{{A}}}blip", {f"{{{R}}}embed": relationship})
    etree.SubElement(etree.SubElement(fill, f"{{{A}}}stretch"), f"{{{A}}}fillRect")
    shape = etree.SubElement(pic, f"{{{PIC}}}spPr")
    frame = etree.SubElement(shape, f"{{{A}}}xfrm")
    etree.SubElement(frame, f"{{{A}}}off", x="0", y="0")
    etree.SubElement(frame, f"{{{A}}}ext", cx=width, cy=height)
    etree.SubElement(etree.SubElement(shape, f"{{{A}}}prstGeom", prst="rect"), f"{{{A}}}avLst")
    return element("r", None, element("drawing", None, inline))


def add_image(parts: dict[str, bytes], owner: str, png: bytes, name: str) -> str:
    """Put `png` in the package as `word/media/name`, related to the part `owner`; its relationship id."""
    parts[f"word/media/{name}"] = png
    rels_name = posixpath.join(posixpath.dirname(owner), "_rels", posixpath.basename(owner) + ".rels")
    rels = etree.fromstring(parts[rels_name]) if rels_name in parts else etree.Element(
        f"{{{PKG_REL}}}Relationships", nsmap={None: PKG_REL})
    relationship = f"rIdAgreement{name.split('.')[0].title().replace('-', '')}"
    etree.SubElement(rels, f"{{{PKG_REL}}}Relationship", Id=relationship, Type=IMAGE_REL, Target=f"media/{name}")
    parts[rels_name] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8", standalone=True)
    types = etree.fromstring(parts["[Content_Types].xml"])
    if not any(default.get("Extension") == "png" for default in types.iter(f"{{{CT}}}Default")):
        types.insert(0, etree.Element(f"{{{CT}}}Default", Extension="png", ContentType="image/png"))
        parts["[Content_Types].xml"] = etree.tostring(types, xml_declaration=True, encoding="UTF-8", standalone=True)
    return relationship


def default_header(parts: Mapping[str, bytes]) -> str | None:
    """The part name of the running header (the section's default header), if it has one."""
    body = etree.fromstring(parts["word/document.xml"]).find("w:body", NS)
    section = body.find("w:sectPr", NS) if body is not None else None
    reference = section.find("w:headerReference[@w:type='default']", NS) if section is not None else None
    if reference is None:
        return None
    relationship = reference.get(f"{{{R}}}id")
    rels = etree.fromstring(parts["word/_rels/document.xml.rels"])
    target = next((r.get("Target") for r in rels if r.get("Id") == relationship), None)
    return f"word/{target}" if target and f"word/{target}" in parts else None


def place_logos(parts: dict[str, bytes], logos: Logos) -> None:
    """The cover's logo above the title; the small logo at the start of the running header."""
    cover = add_image(parts, "word/document.xml", logos.cover.png, "logo-cover.png")
    root = etree.fromstring(parts["word/document.xml"])
    body = root.find("w:body", NS)
    assert body is not None
    body.insert(0, paragraph(None, drawing(logos.cover, cover, 9001)))
    parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    header = default_header(parts)
    if header is None:
        return
    small = add_image(parts, header, logos.header.png, "logo-header.png")
    root = etree.fromstring(parts[header])
    first = root.find("w:p", NS)
    if first is None:
        return
    at = 1 if first.find("w:pPr", NS) is not None else 0  # after the paragraph's properties
    first.insert(at, drawing(logos.header, small, 9002))
    parts[header] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# -- the rest of the file ---------------------------------------------------------------------


def finish_body(xml: bytes, data: Mapping[str, Any], pages: Mapping[str, int], size_pt: float) -> bytes:
    root = etree.fromstring(xml)
    body = root.find("w:body", NS)
    assert body is not None
    hyphenate_wide_words(body, str(data["lang"]), size_pt)
    place_signatures(body, data)
    keep_text_before_notes(body)
    never_split_rows(body)
    keep_tables_together(body)
    keep_marked_blocks_together(body)
    keep_lists_together(body)
    space_after_lists(body)
    in_schema_order(body, ("pPr",))
    front = cover(data) + [page_break(), contents(data["labels"]["heading"].get("contents", ""), headings(body),
                                                  pages), page_break()]
    for index, node in enumerate(front):
        body.insert(index, node)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def finish_header_or_footer(xml: bytes, title: str, page_label: str) -> bytes:
    """The TITLE field shows the title and the page label is plain text, before any field update."""
    root = etree.fromstring(xml)
    for simple in root.iter(w("fldSimple")):
        instruction = simple.get(w("instr"), "").split()
        if instruction[:1] == ["TITLE"]:
            for old in list(simple):
                simple.remove(old)
            simple.append(run(title))
        elif instruction[:2] == ["DOCPROPERTY", "page-label"]:
            simple.addprevious(run(page_label))
            simple.getparent().remove(simple)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def finish_properties(xml: bytes, data: Mapping[str, Any], subject: str, date: dt.datetime | None) -> bytes:
    """Title, subject, authors (the parties), keywords (the registration numbers), language, and
    the dates when the document states one (else none: pandoc's would be invented)."""
    root = etree.fromstring(xml)
    stamp = date.strftime("%Y-%m-%dT%H:%M:%SZ") if date else None
    values = {
        "dc:title": data["title"],
        "dc:subject": subject,
        "dc:creator": "; ".join(party["name"] for party in data["parties"]),
        "cp:keywords": ", ".join(data["keywords"]),
        "dc:language": f"{data['lang']}-{data['region']}" if data["region"] else data["lang"],
        "dcterms:created": stamp,
        "dcterms:modified": stamp,
    }
    for name, value in values.items():
        prefix, local = name.split(":")
        node = root.find(name, NS)
        if value is None:
            if node is not None:
                root.remove(node)
            continue
        if node is None:
            node = etree.SubElement(root, f"{{{NS[prefix]}}}{local}")
            if prefix == "dcterms":
                node.set("{http://www.w3.org/2001/XMLSchema-instance}type", "dcterms:W3CDTF")
        node.text = value
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def ask_to_update_fields(xml: bytes) -> bytes:
    """Word updates the fields (the contents' page numbers) when it opens the file."""
    root = etree.fromstring(xml)
    if root.find("w:updateFields", NS) is None:
        root.insert(0, element("updateFields", {"val": "true"}))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def finish(docx: bytes, data: Mapping[str, Any], subject: str, date: dt.datetime | None,
           pages: Mapping[str, int] | None = None, logos: Logos | None = None, size_pt: float = 11.0) -> bytes:
    """The Word file pandoc wrote, finished (see the module's docstring). `pages` gives the page of
    each heading's bookmark, when a layout of the file is known, for the contents list; `logos`
    are the brand's; `size_pt` is the text's size."""
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    page_label = str(data["labels"]["text"].get("page", ""))
    for name in parts:
        if name.startswith(("word/header", "word/footer")) and name.endswith(".xml"):
            parts[name] = finish_header_or_footer(parts[name], data["title"], page_label)
    parts["word/document.xml"] = finish_body(parts["word/document.xml"], data, pages or {}, size_pt)
    if not pages:
        parts["word/settings.xml"] = ask_to_update_fields(parts["word/settings.xml"])
    if "docProps/core.xml" in parts:
        parts["docProps/core.xml"] = finish_properties(parts["docProps/core.xml"], data, subject, date)
    if logos is not None:
        place_logos(parts, logos)
    return write_zip(parts)
