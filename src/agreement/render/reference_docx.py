"""The Word reference document of a build, generated from its brand: styles, page, header, footer.

pandoc takes styles, page set-up, header and footer from a reference document and
ignores its text. This module starts from pandoc's own default (`pandoc
--print-default-data-file reference.docx`) and edits its XML with lxml, at build
time, from the build's `Theme` (the brand file), so that a brand's colours and font
reach Word as they reach the PDF and the web page. A `reference.docx` in a
`--templates` folder is used as it is instead.

What it sets: the brand's font at its size (Calibri 11 pt by default; LibreOffice
shows Carlito, the same metrics, also used by the PDF), Swedish as the language,
headings in the brand's heading colour that keep with the next paragraph, a
left-aligned title page, a table style whose header row is shaded and bold,
table-of-contents styles, an A4 page, a running header with the document title (a
TITLE field) and a footer with the brand's footer line and "Sida 3 (12)" (the custom
property page-label, PAGE and NUMPAGES fields), paragraph styles for the lines of a
signature not yet signed, and no header or footer on the title page.
"""

from __future__ import annotations

import io
import subprocess
import zipfile
from functools import lru_cache, partial
from typing import Iterable

from lxml import etree

from ..report.standing import RATING_COLOURS, rating_style
from ..writing import write_zip
from .brand import Theme
from .pandoc import pandoc_path

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
HEADER_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
FOOTER_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
HEADER_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
FOOTER_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
LANGUAGE = "sv-SE"
WORD_FONTS = {"Carlito": "Calibri"}
"""Fonts Word knows by another name: Carlito is Calibri's metric twin, installed with LibreOffice only."""


def word_font(family: str) -> str:
    """The name Word knows a font by."""
    return WORD_FONTS.get(family, family)


def hex_colour(colour: str) -> str:
    """`#1b4b7a` -> `1B4B7A`, as Word writes colours."""
    return colour.lstrip("#").upper()


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


# -- styles -------------------------------------------------------------------------


def _element(tag: str, **attributes: str) -> etree._Element:
    return etree.Element(w(tag), {w(k.rstrip("_")): v for k, v in attributes.items()})


def _child(parent: etree._Element, tag: str, **attributes: str) -> etree._Element:
    """The child `tag` of `parent` (created if missing) with `attributes` set."""
    found = parent.find(w(tag))
    if found is None:
        found = etree.SubElement(parent, w(tag))
    for key, value in attributes.items():
        found.set(w(key.rstrip("_")), value)
    return found


def _replace(parent: etree._Element, tag: str, **attributes: str) -> etree._Element:
    """`parent`'s child `tag`, emptied and given exactly `attributes`."""
    old = parent.find(w(tag))
    if old is not None:
        parent.remove(old)
    new = _element(tag, **attributes)
    parent.append(new)
    return new


def _remove(parent: etree._Element | None, tag: str) -> None:
    """Drop `parent`'s child `tag`, if it has one."""
    found = parent.find(w(tag)) if parent is not None else None
    if parent is not None and found is not None:
        parent.remove(found)


def _run_properties(props: etree._Element, size: int | None = None, colour: str | None = None,
                    bold: bool | None = None, italic: bool | None = None, font: str | None = None) -> None:
    if font:
        _replace(props, "rFonts", ascii=font, hAnsi=font, cs=font, eastAsia=font)
    if bold is not None:
        _replace(props, "b", val="1" if bold else "0")
        _replace(props, "bCs", val="1" if bold else "0")
    if italic is not None:
        _replace(props, "i", val="1" if italic else "0")
        _replace(props, "iCs", val="1" if italic else "0")
    if colour:
        _replace(props, "color", val=colour)
    if size:
        _replace(props, "sz", val=str(size))
        _replace(props, "szCs", val=str(size))


def _style(styles: etree._Element, style_id: str, name: str, kind: str = "paragraph",
           based_on: str | None = "Normal") -> etree._Element:
    """The style `style_id`, created when pandoc's default lacks it."""
    for style in styles.findall(w("style")):
        if style.get(w("styleId")) == style_id:
            return style
    style = etree.SubElement(styles, w("style"), {w("type"): kind, w("styleId"): style_id})
    etree.SubElement(style, w("name"), {w("val"): name})
    if based_on:
        etree.SubElement(style, w("basedOn"), {w("val"): based_on})
    etree.SubElement(style, w("qFormat"))
    return style


def _ordered(style: etree._Element) -> None:
    """Put pPr, rPr and table properties in the order the schema wants (after name, basedOn, ...)."""
    order = ["name", "aliases", "basedOn", "next", "link", "autoRedefine", "hidden", "uiPriority",
             "semiHidden", "unhideWhenUsed", "qFormat", "locked", "personal", "personalCompose",
             "personalReply", "rsid", "pPr", "rPr", "tblPr", "trPr", "tcPr", "tblStylePr"]
    children = list(style)
    for child in children:
        style.remove(child)
    children.sort(key=lambda c: order.index(c.tag.split("}")[1]) if c.tag.split("}")[1] in order else 99)
    style.extend(children)


def _paragraph(style: etree._Element, before: int | None = None, after: int | None = None,
               keep_next: bool = False, indent: int | None = None, align: str | None = None,
               outline: int | None = None) -> None:
    props = _child(style, "pPr")
    if keep_next:
        _replace(props, "keepNext")
    if before is not None or after is not None:
        spacing = _replace(props, "spacing")
        if before is not None:
            spacing.set(w("before"), str(before))
        if after is not None:
            spacing.set(w("after"), str(after))
    if indent is not None:
        _replace(props, "ind", left=str(indent))
    if align:
        _replace(props, "jc", val=align)
    if outline is not None:
        _replace(props, "outlineLvl", val=str(outline))


def _format(style: etree._Element, **run: object) -> None:
    _run_properties(_child(style, "rPr"), **run)  # type: ignore[arg-type]
    _ordered(style)


_SEQUENCES = {
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd "
           "tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi "
           "adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc "
           "textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof "
           "snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd "
           "fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath",
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
             "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook",
}


def in_schema_order(root: etree._Element, tags: Iterable[str] = tuple(_SEQUENCES)) -> None:
    """Word rejects properties out of the schema's sequence; put every pPr, rPr and tblPr (or those
    of `tags`) under `root` in order, so that whoever adds one may simply append it."""
    for tag in tags:
        order = _SEQUENCES[tag].split()
        for props in root.iter(w(tag)):
            children = list(props)
            for child in children:
                props.remove(child)
            local = [c.tag.split("}")[1] for c in children]
            props.extend(c for _, c in sorted(zip(local, children, strict=True),
                                              key=lambda pair: order.index(pair[0]) if pair[0] in order else 99))


def edit_styles(xml: bytes, theme: Theme) -> bytes:
    root = etree.fromstring(xml)
    defaults = root.find(w("docDefaults"))
    assert defaults is not None
    run_defaults = defaults.find(f"{w('rPrDefault')}/{w('rPr')}")
    assert run_defaults is not None
    _run_properties(run_defaults, size=round(theme.size_pt * 2), font=word_font(theme.font))
    _replace(run_defaults, "lang", val=LANGUAGE, eastAsia="zh-CN", bidi="ar-SA")
    accent, muted, text = hex_colour(theme.heading), hex_colour(theme.muted), hex_colour(theme.text)
    look = partial(_format, font=word_font(theme.font))
    heading_look = partial(_format, font=word_font(theme.heading_font or theme.font))
    paragraph_defaults = defaults.find(f"{w('pPrDefault')}/{w('pPr')}")
    assert paragraph_defaults is not None
    _replace(paragraph_defaults, "spacing", after="120", line="264", lineRule="auto")

    for style_id in ("BodyText", "FirstParagraph"):
        _paragraph(_style(root, style_id, style_id), before=0, after=140)
    _paragraph(_style(root, "Compact", "Compact"), before=20, after=20)

    title = _style(root, "Title", "Title")
    _paragraph(title, before=1200, after=160, align="left")
    heading_look(title, size=52, colour=accent, bold=True)
    subtitle = _style(root, "Subtitle", "Subtitle", based_on="Title")
    _paragraph(subtitle, before=0, after=480, align="left")
    look(subtitle, size=30, colour=muted, bold=False)
    _remove(subtitle.find(w("rPr")), "spacing")  # pandoc's default spaces the letters out
    author = _style(root, "Author", "Author")
    _paragraph(author, before=0, after=60, align="left")
    # The accent rule between the title and the parties, as in the PDF and the web page: a top
    # border, which Word and LibreOffice draw once above a run of paragraphs that share it.
    _child(_child(author, "pPr"), "pBdr").append(_element("top", val="single", sz="10", space="10", color=accent))
    look(author, size=26, bold=True, colour=text)  # not the title's accent, as in the PDF
    _title_fact_style(root)

    sizes = {1: 32, 2: 26, 3: 24, 4: 22, 5: 22, 6: 22}
    for level, size in sizes.items():
        heading = _style(root, f"Heading{level}", f"heading {level}")
        _paragraph(heading, before=480 if level == 1 else 320, after=120, keep_next=True, outline=level - 1)
        heading_look(heading, size=size, colour=accent, bold=True, italic=False)

    contents = _style(root, "TOCHeading", "TOC Heading", based_on="Heading1")
    _paragraph(contents, before=0, after=240, keep_next=True)
    props = contents.find(w("pPr"))
    if props is not None and props.find(w("outlineLvl")) is not None:
        props.remove(props.find(w("outlineLvl")))  # type: ignore[arg-type]
        _replace(props, "outlineLvl", val="9")
    heading_look(contents, size=32, colour=accent, bold=True)
    for level in (1, 2, 3):
        entry = _style(root, f"TOC{level}", f"toc {level}")
        _paragraph(entry, before=60 if level == 1 else 0, after=60, indent=(level - 1) * 360)
        tabs = _replace(_child(entry, "pPr"), "tabs")  # the page number at the right margin, after dots
        etree.SubElement(tabs, w("tab"), {w("val"): "right", w("leader"): "dot", w("pos"): str(TEXT_WIDTH)})
        look(entry, size=22, bold=False)  # no level in bold, as in the PDF's and the web page's contents

    term = _style(root, "DefinitionTerm", "Definition Term")
    _paragraph(term, before=120, after=0, keep_next=True)
    look(term, bold=True)
    definition = _style(root, "Definition", "Definition")
    _paragraph(definition, before=0, after=80, indent=360)
    _ordered(definition)

    for style_id, name in (("TableCaption", "Table Caption"), ("Caption", "caption")):
        caption = _style(root, style_id, name)
        _paragraph(caption, before=200, after=80, keep_next=True)
        look(caption, size=20, colour=muted, italic=True)

    _signature_styles(root, theme)

    link = _style(root, "Hyperlink", "Hyperlink", kind="character", based_on=None)
    _format(link, colour=hex_colour(theme.link), font=None)
    _replace(_child(link, "rPr"), "u", val="single")  # colour alone does not tell a link from the text
    _ordered(link)
    for style_id, name in (("Header", "header"), ("Footer", "footer")):
        part = _style(root, style_id, name)
        look(part, size=18, colour=muted)

    _table_style(_style(root, "Table", "Table", kind="table", based_on=None), theme)
    for key, colour in RATING_COLOURS.items():  # a follow-up report's rating symbols
        name = rating_style(key)
        _format(_style(root, name.replace(" ", ""), name, kind="character", based_on=None), colour=colour, font=None)
    in_schema_order(root)
    return _serialise(root)


TEXT_WIDTH = 11906 - 2 * 1361
"""The width of the text (twips): the A4 page less its left and right margins (see SECTION)."""
CELL_MARGIN = 85
"""Room inside a table cell on its left and on its right (twips, 1.5 mm)."""
FACT_COLUMN = 2700
"""Where a title page fact's value starts (twips): about 4.8 cm, the PDF's term column."""


def _title_fact_style(root: etree._Element) -> None:
    """A fact of the title page: the label, a tab, the value; lines of a long value start
    under the value, as in the PDF's grid."""
    fact = _style(root, "TitleFact", "Title Fact")
    _paragraph(fact, before=0, after=80)
    props = _child(fact, "pPr")
    _replace(props, "ind", left=str(FACT_COLUMN), hanging=str(FACT_COLUMN))
    tabs = _replace(props, "tabs")
    etree.SubElement(tabs, w("tab"), {w("val"): "left", w("pos"): str(FACT_COLUMN)})
    _ordered(fact)


SIGNATURE_LINE_END = 3600
"""How far short of the right margin a line to sign on ends (twips): about 10 cm long."""


def _signature_styles(root: etree._Element, theme: Theme) -> None:
    """A signature not yet signed: the party, then for each line room to write, what is
    known already (place, name) right above the line, and the line's label under it (the
    line is the label's top border). Everything up to the last label (Signature End)
    keeps with what follows, so a signature is not split across pages."""
    party = _style(root, "SignatureParty", "Signature Party")
    _paragraph(party, before=240, after=0, keep_next=True)
    _ordered(party)
    value = _style(root, "SignatureValue", "Signature Value")
    _paragraph(value, before=480, after=20, keep_next=True)
    _replace(_child(value, "pPr"), "ind", right=str(SIGNATURE_LINE_END))
    _ordered(value)
    for style_id, name, keep in (("SignatureLabel", "Signature Label", True), ("SignatureEnd", "Signature End", False)):
        label = _style(root, style_id, name)
        _paragraph(label, before=0, after=60, keep_next=keep)
        props = _child(label, "pPr")
        _replace(props, "ind", right=str(SIGNATURE_LINE_END))
        border = _replace(props, "pBdr")
        etree.SubElement(border, w("top"), {w("val"): "single", w("sz"): "6", w("space"): "2", w("color"): hex_colour(theme.text)})
        _format(label, size=18, colour=hex_colour(theme.muted))


def _table_style(style: etree._Element, theme: Theme) -> None:
    """Thin lines round every cell, a shaded bold header row, room inside cells."""
    for old in style.findall(w("tblPr")) + style.findall(w("tblStylePr")):
        style.remove(old)
    table = etree.SubElement(style, w("tblPr"))
    borders = etree.SubElement(table, w("tblBorders"))
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        etree.SubElement(borders, w(side), {w("val"): "single", w("sz"): "4", w("space"): "0",
                                            w("color"): hex_colour(theme.rule)})
    margins = etree.SubElement(table, w("tblCellMar"))
    for side, width in (("top", "40"), ("left", str(CELL_MARGIN)), ("bottom", "40"), ("right", str(CELL_MARGIN))):
        etree.SubElement(margins, w(side), {w("w"): width, w("type"): "dxa"})
    header = etree.SubElement(style, w("tblStylePr"), {w("type"): "firstRow"})
    header_run = etree.SubElement(header, w("rPr"))
    etree.SubElement(header_run, w("b"))
    etree.SubElement(header, w("tblPr"))
    header_row = etree.SubElement(header, w("trPr"))
    etree.SubElement(header_row, w("tblHeader"))
    cell = etree.SubElement(header, w("tcPr"))
    etree.SubElement(cell, w("shd"), {w("val"): "clear", w("color"): "auto", w("fill"): hex_colour(theme.header_fill)})
    _ordered(style)


# -- header, footer, page -------------------------------------------------------------


def _serialise(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _run(text: str) -> etree._Element:
    node = etree.Element(w("r"))
    text_node = etree.SubElement(node, w("t"))
    text_node.text = text
    text_node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return node


def _field(instruction: str, cached: str) -> etree._Element:
    """A field Word computes (TITLE, PAGE, ...), showing `cached` until it does."""
    node = _element("fldSimple", instr=f" {instruction} ")
    node.append(_run(cached))
    return node


def _part(tag: str, *paragraphs: etree._Element) -> bytes:
    root = etree.Element(w(tag), nsmap={"w": W, "r": R})
    root.extend(paragraphs)
    return _serialise(root)


def _part_paragraph(style: str, *content: etree._Element, align: str | None = None,
                    tabs: tuple[tuple[str, int], ...] = (), rule: str | None = None) -> etree._Element:
    paragraph = _element("p")
    props = etree.SubElement(paragraph, w("pPr"))
    etree.SubElement(props, w("pStyle"), {w("val"): style})
    if rule:
        border = etree.SubElement(props, w("pBdr"))
        etree.SubElement(border, w("bottom"), {w("val"): "single", w("sz"): "4", w("space"): "4", w("color"): rule})
    if tabs:
        stops = etree.SubElement(props, w("tabs"))
        for kind, position in tabs:
            etree.SubElement(stops, w("tab"), {w("val"): kind, w("pos"): str(position)})
    if align:
        etree.SubElement(props, w("jc"), {w("val"): align})
    paragraph.extend(content)
    return paragraph


def header_part(theme: Theme) -> bytes:
    """The running header: the document title (a TITLE field, filled in by the build) at the right
    margin, ruled. The brand's small logo goes before it, at the left margin, when the Word file
    is finished (`docx.py`)."""
    return _part("hdr", _part_paragraph("Header", _tab(), _field("TITLE", "Titel"), tabs=(("right", TEXT_WIDTH),),
                                        rule=hex_colour(theme.rule)))


def _tab() -> etree._Element:
    tab = _element("r")
    etree.SubElement(tab, w("tab"))
    return tab


def footer_part(theme: Theme) -> bytes:
    """The footer: the brand's footer line, if any, then "Sida 3 (12)" at the right margin, the page
    and the number of pages, the Swedish way, as in the PDF.

    The word before the number is the custom property `page-label`, which the build
    sets from the labels of the document's language (a DOCPROPERTY field, so Word
    keeps it when it updates fields), and the reference document stays one for
    every language."""
    content = [_run(theme.footer)] if theme.footer else []
    content += [_tab(), _field("DOCPROPERTY page-label", "Sida"), _run(" "), _field("PAGE", "1"),
                _run(" ("), _field("NUMPAGES", "1"), _run(")")]
    return _part("ftr", _part_paragraph("Footer", *content, tabs=(("right", TEXT_WIDTH),)))


def empty_part(tag: str) -> bytes:
    return _part(tag, _part_paragraph("Header"))


PAGE_SIZE = {"w": "11906", "h": "16838"}
"""A4, in twips."""
PAGE_MARGINS = {"top": "1588", "right": "1361", "bottom": "1474", "left": "1361", "header": "709",
                "footer": "709", "gutter": "0"}
PARTS = {
    "rIdAgreementHeader": ("header1.xml", HEADER_REL, HEADER_TYPE, "headerReference", "default"),
    "rIdAgreementFirstHeader": ("header2.xml", HEADER_REL, HEADER_TYPE, "headerReference", "first"),
    "rIdAgreementFooter": ("footer1.xml", FOOTER_REL, FOOTER_TYPE, "footerReference", "default"),
    "rIdAgreementFirstFooter": ("footer2.xml", FOOTER_REL, FOOTER_TYPE, "footerReference", "first"),
}


def section() -> etree._Element:
    """The page: A4, the margins, the header and footer parts, none of them on the title page."""
    props = _element("sectPr")
    for rid, (_, _, _, reference, kind) in PARTS.items():
        etree.SubElement(props, w(reference), {w("type"): kind, f"{{{R}}}id": rid})
    etree.SubElement(props, w("pgSz"), {w(key): value for key, value in PAGE_SIZE.items()})
    etree.SubElement(props, w("pgMar"), {w(key): value for key, value in PAGE_MARGINS.items()})
    etree.SubElement(props, w("titlePg"))
    return props


def edit_document(xml: bytes) -> bytes:
    """The sample text stays (pandoc ignores it); the section properties become ours."""
    root = etree.fromstring(xml)
    body = root.find(w("body"))
    assert body is not None
    for old in body.findall(w("sectPr")):
        body.remove(old)
    body.append(section())
    return _serialise(root)


def edit_settings(xml: bytes) -> bytes:
    """No hyphenation (ragged right, as municipal documents are set: a place name is never split)
    and Swedish as the language."""
    root = etree.fromstring(xml)
    _remove(root, "autoHyphenation")
    language = root.find(w("themeFontLang"))
    if language is not None:
        language.set(w("val"), LANGUAGE)
    return _serialise(root)


def edit_relationships(xml: bytes) -> bytes:
    root = etree.fromstring(xml)
    known = {relationship.get("Id") for relationship in root}
    for rid, (target, kind, *_) in PARTS.items():
        if rid not in known:
            etree.SubElement(root, f"{{{PKG_REL}}}Relationship", Id=rid, Type=kind, Target=target)
    return _serialise(root)


def edit_content_types(xml: bytes) -> bytes:
    root = etree.fromstring(xml)
    known = {override.get("PartName") for override in root}
    for target, _, content_type, *_ in PARTS.values():
        if f"/word/{target}" not in known:
            etree.SubElement(root, f"{{{CT}}}Override", PartName=f"/word/{target}", ContentType=content_type)
    return _serialise(root)


@lru_cache(maxsize=1)
def default_reference() -> bytes:
    """pandoc's own reference.docx, the starting point (asked for once per process)."""
    return subprocess.run([pandoc_path(), "--print-default-data-file", "reference.docx"],
                          capture_output=True, check=True, timeout=60).stdout


@lru_cache(maxsize=4)
def build(theme: Theme) -> bytes:
    """The reference document of `theme`, from pandoc's default (made once per process and brand)."""
    with zipfile.ZipFile(io.BytesIO(default_reference())) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["word/styles.xml"] = edit_styles(parts["word/styles.xml"], theme)
    parts["word/document.xml"] = edit_document(parts["word/document.xml"])
    parts["word/settings.xml"] = edit_settings(parts["word/settings.xml"])
    parts["word/_rels/document.xml.rels"] = edit_relationships(parts["word/_rels/document.xml.rels"])
    parts["[Content_Types].xml"] = edit_content_types(parts["[Content_Types].xml"])
    parts["word/header1.xml"] = header_part(theme)
    parts["word/header2.xml"] = empty_part("hdr")
    parts["word/footer1.xml"] = footer_part(theme)
    parts["word/footer2.xml"] = empty_part("ftr")
    return write_zip(parts)
