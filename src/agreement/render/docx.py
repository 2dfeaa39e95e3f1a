"""Finishing the Word file pandoc wrote: header title, dates, and a reproducible zip.

pandoc leaves three things that a published file should not have: the fields of
the running header and footer (the title, a TITLE field; the page label, a
DOCPROPERTY field of the custom property `page-label`) show the reference
document's placeholders until Word updates fields, and LibreOffice never updates
them; the core properties say the file was created in 1970; and a
table row may be split across two pages (every row gets `w:cantSplit`). (Header
rows that repeat on every page need nothing: pandoc marks them `w:tblHeader`,
which the tests check.) The archive is then written again with
fixed timestamps and order, so two builds give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from xml.sax.saxutils import escape

from ..writing import write_zip

_TITLE_FIELD = re.compile(r'(<w:fldSimple w:instr="\s*TITLE\b[^"]*"[^>]*>)(.*?)(</w:fldSimple>)', re.DOTALL)
_PROPERTY_FIELD = re.compile(
    r'(<w:fldSimple w:instr="\s*DOCPROPERTY\s+(?:&quot;)?([^"&\s]+)(?:&quot;)?[^"]*"[^>]*>)(.*?)(</w:fldSimple>)',
    re.DOTALL)
_CUSTOM_PROPERTY = re.compile(r'<property\b[^>]*\bname="([^"]*)"[^>]*>\s*<vt:lpwstr>([^<]*)</vt:lpwstr>')
_ROW = re.compile(r"<w:tr>(\s*<w:trPr>)?")
_DATES = re.compile(r"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:(?:created|modified)>)")


def finish(docx: bytes, title: str, date: dt.datetime) -> bytes:
    """The docx pandoc wrote, with the title in its running header and `date` as its creation date."""
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    properties = custom_properties(parts.get("docProps/custom.xml", b""))
    for name in parts:
        if re.fullmatch(r"word/(header|footer)\d*\.xml", name):
            parts[name] = fill_properties(fill_title(parts[name], title), properties)
    parts["word/document.xml"] = keep_rows_together(parts["word/document.xml"])
    if "docProps/core.xml" in parts:
        stamp = date.strftime("%Y-%m-%dT%H:%M:%SZ")
        core = parts["docProps/core.xml"].decode("utf-8")
        parts["docProps/core.xml"] = _DATES.sub(lambda m: m.group(1) + stamp + m.group(2), core).encode("utf-8")
    return write_zip(parts)


def fill_title(xml: bytes, title: str) -> bytes:
    """Every TITLE field shows the document's title even before Word updates fields."""
    cached = f'<w:r><w:t xml:space="preserve">{escape(title)}</w:t></w:r>'
    return _TITLE_FIELD.sub(lambda m: m.group(1) + cached + m.group(3), xml.decode("utf-8")).encode("utf-8")


def custom_properties(xml: bytes) -> dict[str, str]:
    """The custom properties pandoc wrote from the metadata (`page-label` -> `Sida`), XML-escaped."""
    return dict(_CUSTOM_PROPERTY.findall(xml.decode("utf-8")))


def fill_properties(xml: bytes, properties: dict[str, str]) -> bytes:
    """Every DOCPROPERTY field shows its property's value, as Word shows it once it updates fields."""
    def fill(match: re.Match[str]) -> str:
        value = properties.get(match.group(2))
        if value is None:
            return match.group(0)
        return f'{match.group(1)}<w:r><w:t xml:space="preserve">{value}</w:t></w:r>{match.group(4)}'
    return _PROPERTY_FIELD.sub(fill, xml.decode("utf-8")).encode("utf-8")


def keep_rows_together(xml: bytes) -> bytes:
    """No table row is split across pages: a reader sees an action and its owner together."""
    def mark(match: re.Match[str]) -> str:
        return "<w:tr>" + (match.group(1) if match.group(1) else "<w:trPr>") + "<w:cantSplit/>" + \
            ("" if match.group(1) else "</w:trPr>")
    return _ROW.sub(mark, xml.decode("utf-8")).encode("utf-8")
