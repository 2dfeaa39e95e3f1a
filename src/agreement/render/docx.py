"""Finishing the Word file pandoc wrote: header title, dates, and a reproducible zip.

pandoc leaves three things that a published file should not have: the running
header's TITLE field shows the reference document's placeholder until Word
updates fields, the core properties say the file was created in 1970, and a
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

_FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_TITLE_FIELD = re.compile(r'(<w:fldSimple w:instr="\s*TITLE\b[^"]*"[^>]*>)(.*?)(</w:fldSimple>)', re.DOTALL)
_ROW = re.compile(r"<w:tr>(\s*<w:trPr>)?")
_DATES = re.compile(r"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:(?:created|modified)>)")


def write_zip(parts: dict[str, bytes]) -> bytes:
    """A zip of `parts` in the given order with fixed times and attributes: same parts, same bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            archive.writestr(info, data, compresslevel=6)
    return buffer.getvalue()


def finish(docx: bytes, title: str, date: dt.datetime) -> bytes:
    """The docx pandoc wrote, with the title in its running header and `date` as its creation date."""
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    for name in parts:
        if re.fullmatch(r"word/(header|footer)\d*\.xml", name):
            parts[name] = fill_title(parts[name], title)
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


def keep_rows_together(xml: bytes) -> bytes:
    """No table row is split across pages: a reader sees an action and its owner together."""
    def mark(match: re.Match[str]) -> str:
        return "<w:tr>" + (match.group(1) if match.group(1) else "<w:trPr>") + "<w:cantSplit/>" + \
            ("" if match.group(1) else "</w:trPr>")
    return _ROW.sub(mark, xml.decode("utf-8")).encode("utf-8")
