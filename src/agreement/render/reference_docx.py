"""Make templates/reference.docx: the Word styles, page, header and footer of built documents.

pandoc takes styles, page set-up, header and footer from a reference document
and ignores its text. This script starts from pandoc's own default
(`pandoc -o custom-reference.docx --print-default-data-file reference.docx`) and
edits its XML with the standard library only, so the file can be regenerated
and reviewed as code:

    python -m agreement.render.reference_docx templates/reference.docx

What it sets: Calibri 11 pt (LibreOffice shows Carlito, the same metrics, also
used by the PDF), Swedish as the language, headings in the accent colour that
keep with the next paragraph, a left-aligned title page, a table style whose
header row is shaded and bold, table-of-contents styles, an A4 page, a running
header with the document title (a TITLE field) and a footer "Sida 3 (12)" (the
custom property page-label, PAGE and NUMPAGES fields), paragraph styles for the
lines of a signature not yet signed, and no header or footer on the title page.
"""

from __future__ import annotations

import io
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from .pandoc import pandoc_path

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
HEADER_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
FOOTER_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
HEADER_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
FOOTER_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"

FONT = "Calibri"
ACCENT = "1B4B7A"
MUTED = "4A4A4A"
TEXT = "1A1A1A"
RULE = "8C99A6"
HEADER_FILL = "E6EDF4"
LINK = "0B5394"
LANGUAGE = "sv-SE"

ET.register_namespace("w", W)
ET.register_namespace("r", R)


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def default_reference() -> bytes:
    """pandoc's own reference.docx, the starting point."""
    return subprocess.run([pandoc_path(), "--print-default-data-file", "reference.docx"],
                          capture_output=True, check=True).stdout


# -- styles -------------------------------------------------------------------------


def _element(tag: str, **attributes: str) -> ET.Element:
    return ET.Element(w(tag), {w(k.rstrip("_")): v for k, v in attributes.items()})


def _child(parent: ET.Element, tag: str, **attributes: str) -> ET.Element:
    """The child `tag` of `parent` (created if missing) with `attributes` set."""
    found = parent.find(w(tag))
    if found is None:
        found = ET.SubElement(parent, w(tag))
    for key, value in attributes.items():
        found.set(w(key.rstrip("_")), value)
    return found


def _replace(parent: ET.Element, tag: str, **attributes: str) -> ET.Element:
    """`parent`'s child `tag`, emptied and given exactly `attributes`."""
    old = parent.find(w(tag))
    if old is not None:
        parent.remove(old)
    new = _element(tag, **attributes)
    parent.append(new)
    return new


def _remove(parent: ET.Element | None, tag: str) -> None:
    """Drop `parent`'s child `tag`, if it has one."""
    found = parent.find(w(tag)) if parent is not None else None
    if parent is not None and found is not None:
        parent.remove(found)


def _run_properties(props: ET.Element, size: int | None = None, colour: str | None = None,
                    bold: bool | None = None, italic: bool | None = None, font: str | None = FONT) -> None:
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


def _style(styles: ET.Element, style_id: str, name: str, kind: str = "paragraph",
           based_on: str | None = "Normal") -> ET.Element:
    """The style `style_id`, created when pandoc's default lacks it."""
    for style in styles.findall(w("style")):
        if style.get(w("styleId")) == style_id:
            return style
    style = ET.SubElement(styles, w("style"), {w("type"): kind, w("styleId"): style_id})
    ET.SubElement(style, w("name"), {w("val"): name})
    if based_on:
        ET.SubElement(style, w("basedOn"), {w("val"): based_on})
    ET.SubElement(style, w("qFormat"))
    return style


def _ordered(style: ET.Element) -> None:
    """Put pPr, rPr and table properties in the order the schema wants (after name, basedOn, ...)."""
    order = ["name", "aliases", "basedOn", "next", "link", "autoRedefine", "hidden", "uiPriority",
             "semiHidden", "unhideWhenUsed", "qFormat", "locked", "personal", "personalCompose",
             "personalReply", "rsid", "pPr", "rPr", "tblPr", "trPr", "tcPr", "tblStylePr"]
    children = list(style)
    for child in children:
        style.remove(child)
    children.sort(key=lambda c: order.index(c.tag.split("}")[1]) if c.tag.split("}")[1] in order else 99)
    style.extend(children)


def _paragraph(style: ET.Element, before: int | None = None, after: int | None = None,
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


def _format(style: ET.Element, **run: object) -> None:
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


def _in_schema_order(root: ET.Element) -> None:
    """Word rejects properties out of the schema's sequence; put every pPr, rPr and tblPr in order."""
    for tag, sequence in _SEQUENCES.items():
        order = sequence.split()
        for props in root.iter(w(tag)):
            children = list(props)
            for child in children:
                props.remove(child)
            local = [c.tag.split("}")[1] for c in children]
            props.extend(c for _, c in sorted(zip(local, children, strict=True),
                                              key=lambda pair: order.index(pair[0]) if pair[0] in order else 99))


def edit_styles(xml: bytes) -> bytes:
    root = ET.fromstring(xml)
    defaults = root.find(w("docDefaults"))
    assert defaults is not None
    run_defaults = defaults.find(f"{w('rPrDefault')}/{w('rPr')}")
    assert run_defaults is not None
    _run_properties(run_defaults, size=22)
    _replace(run_defaults, "lang", val=LANGUAGE, eastAsia="zh-CN", bidi="ar-SA")
    paragraph_defaults = defaults.find(f"{w('pPrDefault')}/{w('pPr')}")
    assert paragraph_defaults is not None
    _replace(paragraph_defaults, "spacing", after="120", line="264", lineRule="auto")

    for style_id in ("BodyText", "FirstParagraph"):
        _paragraph(_style(root, style_id, style_id), before=0, after=140)
    _paragraph(_style(root, "Compact", "Compact"), before=20, after=20)

    title = _style(root, "Title", "Title")
    _paragraph(title, before=2400, after=160, align="left")
    _format(title, size=52, colour=ACCENT, bold=True)
    subtitle = _style(root, "Subtitle", "Subtitle", based_on="Title")
    _paragraph(subtitle, before=0, after=480, align="left")
    _format(subtitle, size=30, colour=MUTED, bold=False)
    _remove(subtitle.find(w("rPr")), "spacing")  # pandoc's default spaces the letters out
    author = _style(root, "Author", "Author")
    _paragraph(author, before=0, after=60, align="left")
    _format(author, size=26, bold=True, colour=TEXT)  # not the title's accent, as in the PDF
    _title_fact_style(root)

    sizes = {1: 32, 2: 26, 3: 24, 4: 22, 5: 22, 6: 22}
    for level, size in sizes.items():
        heading = _style(root, f"Heading{level}", f"heading {level}")
        _paragraph(heading, before=480 if level == 1 else 320, after=120, keep_next=True, outline=level - 1)
        _format(heading, size=size, colour=ACCENT, bold=True, italic=False)

    contents = _style(root, "TOCHeading", "TOC Heading", based_on="Heading1")
    _paragraph(contents, before=0, after=240, keep_next=True)
    props = contents.find(w("pPr"))
    if props is not None and props.find(w("outlineLvl")) is not None:
        props.remove(props.find(w("outlineLvl")))  # type: ignore[arg-type]
        _replace(props, "outlineLvl", val="9")
    _format(contents, size=32, colour=ACCENT, bold=True)
    for level in (1, 2, 3):
        entry = _style(root, f"TOC{level}", f"toc {level}")
        _paragraph(entry, before=60 if level == 1 else 0, after=60, indent=(level - 1) * 360)
        tabs = _replace(_child(entry, "pPr"), "tabs")  # the page number at the right margin, after dots
        ET.SubElement(tabs, w("tab"), {w("val"): "right", w("leader"): "dot", w("pos"): str(TEXT_WIDTH)})
        _format(entry, size=22, bold=level == 1)

    term = _style(root, "DefinitionTerm", "Definition Term")
    _paragraph(term, before=120, after=0, keep_next=True)
    _format(term, bold=True)
    definition = _style(root, "Definition", "Definition")
    _paragraph(definition, before=0, after=80, indent=360)
    _ordered(definition)

    for style_id, name in (("TableCaption", "Table Caption"), ("Caption", "caption")):
        caption = _style(root, style_id, name)
        _paragraph(caption, before=200, after=80, keep_next=True)
        _format(caption, size=20, colour=MUTED, italic=True)

    _signature_styles(root)

    link = _style(root, "Hyperlink", "Hyperlink", kind="character", based_on=None)
    _format(link, colour=LINK, font=None)
    _replace(_child(link, "rPr"), "u", val="single")  # colour alone does not tell a link from the text
    _ordered(link)
    for style_id, name in (("Header", "header"), ("Footer", "footer")):
        part = _style(root, style_id, name)
        _format(part, size=18, colour=MUTED)

    _table_style(_style(root, "Table", "Table", kind="table", based_on=None))
    _in_schema_order(root)
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True)


TEXT_WIDTH = 11906 - 2 * 1361
"""The width of the text (twips): the A4 page less its left and right margins (see SECTION)."""
FACT_COLUMN = 2700
"""Where a title page fact's value starts (twips): about 4.8 cm, the PDF's term column."""


def _title_fact_style(root: ET.Element) -> None:
    """A fact of the title page: the label, a tab, the value; lines of a long value start
    under the value, as in the PDF's grid."""
    fact = _style(root, "TitleFact", "Title Fact")
    _paragraph(fact, before=0, after=80)
    props = _child(fact, "pPr")
    _replace(props, "ind", left=str(FACT_COLUMN), hanging=str(FACT_COLUMN))
    tabs = _replace(props, "tabs")
    ET.SubElement(tabs, w("tab"), {w("val"): "left", w("pos"): str(FACT_COLUMN)})
    _ordered(fact)


SIGNATURE_LINE_END = 3600
"""How far short of the right margin a line to sign on ends (twips): about 10 cm long."""


def _signature_styles(root: ET.Element) -> None:
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
        ET.SubElement(border, w("top"), {w("val"): "single", w("sz"): "6", w("space"): "2", w("color"): TEXT})
        _format(label, size=18, colour=MUTED)


def _table_style(style: ET.Element) -> None:
    """Thin lines round every cell, a shaded bold header row, room inside cells."""
    for old in style.findall(w("tblPr")) + style.findall(w("tblStylePr")):
        style.remove(old)
    table = ET.SubElement(style, w("tblPr"))
    borders = ET.SubElement(table, w("tblBorders"))
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        ET.SubElement(borders, w(side), {w("val"): "single", w("sz"): "4", w("space"): "0", w("color"): RULE})
    margins = ET.SubElement(table, w("tblCellMar"))
    for side, width in (("top", "40"), ("left", "85"), ("bottom", "40"), ("right", "85")):
        ET.SubElement(margins, w(side), {w("w"): width, w("type"): "dxa"})
    header = ET.SubElement(style, w("tblStylePr"), {w("type"): "firstRow"})
    header_run = ET.SubElement(header, w("rPr"))
    ET.SubElement(header_run, w("b"))
    ET.SubElement(header, w("tblPr"))
    header_row = ET.SubElement(header, w("trPr"))
    ET.SubElement(header_row, w("tblHeader"))
    cell = ET.SubElement(header, w("tcPr"))
    ET.SubElement(cell, w("shd"), {w("val"): "clear", w("color"): "auto", w("fill"): HEADER_FILL})
    _ordered(style)


# -- header, footer, page -------------------------------------------------------------


def _part(body: str) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:hdr xmlns:w="{W}" xmlns:r="{R}">{body}</w:hdr>').encode()


def _field(instruction: str, cached: str) -> str:
    return (f'<w:fldSimple w:instr=" {instruction} "><w:r><w:t xml:space="preserve">{cached}</w:t></w:r>'
            "</w:fldSimple>")


def header_part() -> bytes:
    """The running header: the document title (a TITLE field, filled in by the build), right aligned, ruled."""
    return _part('<w:p><w:pPr><w:pStyle w:val="Header"/><w:pBdr><w:bottom w:val="single" w:sz="4" w:space="4" '
                 f'w:color="{RULE}"/></w:pBdr><w:jc w:val="right"/></w:pPr>{_field("TITLE", "Titel")}</w:p>')


def footer_part() -> bytes:
    """The footer: "Sida 3 (12)", the page and the number of pages, the Swedish way, as in the PDF.

    The word before the number is the custom property `page-label`, which the build
    sets from the labels of the document's language (a DOCPROPERTY field, so Word
    keeps it when it updates fields), and the reference document stays one for
    every language."""
    body = ('<w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="right"/></w:pPr>'
            f'{_field("DOCPROPERTY page-label", "Sida")}<w:r><w:t xml:space="preserve"> </w:t></w:r>'
            f'{_field("PAGE", "1")}<w:r><w:t xml:space="preserve"> (</w:t></w:r>{_field("NUMPAGES", "1")}'
            '<w:r><w:t>)</w:t></w:r></w:p>')
    return _part(body).replace(b"<w:hdr", b"<w:ftr").replace(b"</w:hdr>", b"</w:ftr>")


def empty_part(tag: str) -> bytes:
    return _part('<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr></w:p>').replace(b"w:hdr", tag.encode())


SECTION = (
    '<w:sectPr>'
    '<w:headerReference w:type="default" r:id="rIdAgreementHeader"/>'
    '<w:headerReference w:type="first" r:id="rIdAgreementFirstHeader"/>'
    '<w:footerReference w:type="default" r:id="rIdAgreementFooter"/>'
    '<w:footerReference w:type="first" r:id="rIdAgreementFirstFooter"/>'
    '<w:pgSz w:w="11906" w:h="16838"/>'
    '<w:pgMar w:top="1588" w:right="1361" w:bottom="1474" w:left="1361" w:header="709" w:footer="709" w:gutter="0"/>'
    '<w:titlePg/>'
    '</w:sectPr>'
)
PARTS = {
    "rIdAgreementHeader": ("header1.xml", HEADER_REL, HEADER_TYPE),
    "rIdAgreementFirstHeader": ("header2.xml", HEADER_REL, HEADER_TYPE),
    "rIdAgreementFooter": ("footer1.xml", FOOTER_REL, FOOTER_TYPE),
    "rIdAgreementFirstFooter": ("footer2.xml", FOOTER_REL, FOOTER_TYPE),
}


def edit_document(xml: bytes) -> bytes:
    """The sample text stays (pandoc ignores it); the section properties become ours."""
    text = xml.decode("utf-8")
    start = text.rfind("<w:sectPr")
    end = text.find("</w:sectPr>", start) + len("</w:sectPr>")
    if start < 0:
        start = end = text.rfind("</w:body>")
    return (text[:start] + SECTION + text[end:]).encode("utf-8")


def edit_settings(xml: bytes) -> bytes:
    """No hyphenation (ragged right, as municipal documents are set: a place name is never split)
    and Swedish as the language."""
    text = xml.decode("utf-8").replace('<w:autoHyphenation w:val="true" />', "")
    return text.replace('<w:themeFontLang w:val="en-US" />', f'<w:themeFontLang w:val="{LANGUAGE}" />').encode()


def edit_relationships(xml: bytes) -> bytes:
    text = xml.decode("utf-8")
    added = "".join(f'<Relationship Id="{rid}" Type="{kind}" Target="{target}"/>'
                    for rid, (target, kind, _) in PARTS.items() if rid not in text)
    return text.replace("</Relationships>", added + "</Relationships>").encode("utf-8")


def edit_content_types(xml: bytes) -> bytes:
    text = xml.decode("utf-8")
    added = "".join(f'<Override PartName="/word/{target}" ContentType="{ctype}"/>'
                    for target, _, ctype in PARTS.values() if f"/word/{target}" not in text)
    return text.replace("</Types>", added + "</Types>").encode("utf-8")


def build(source: bytes) -> bytes:
    """The reference document, from pandoc's default."""
    parts: dict[str, bytes] = {}
    with zipfile.ZipFile(io.BytesIO(source)) as archive:
        for name in archive.namelist():
            parts[name] = archive.read(name)
    parts["word/styles.xml"] = edit_styles(parts["word/styles.xml"])
    parts["word/document.xml"] = edit_document(parts["word/document.xml"])
    parts["word/settings.xml"] = edit_settings(parts["word/settings.xml"])
    parts["word/_rels/document.xml.rels"] = edit_relationships(parts["word/_rels/document.xml.rels"])
    parts["[Content_Types].xml"] = edit_content_types(parts["[Content_Types].xml"])
    parts["word/header1.xml"] = header_part()
    parts["word/header2.xml"] = empty_part("w:hdr")
    parts["word/footer1.xml"] = footer_part()
    parts["word/footer2.xml"] = empty_part("w:ftr")
    from ..writing import write_zip

    return write_zip(parts)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    target = Path(argv[0]) if argv else Path("templates/reference.docx")
    target.write_bytes(build(default_reference()))
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
