"""Finishing the PDF typst wrote: it opens with its bookmarks shown.

typst writes a tagged PDF/UA-1 file with the document's title shown in the window
(DisplayDocTitle) and bookmarks for the parts and their sections, but cannot ask a
reader to open the bookmarks pane (the catalog's /PageMode). That is added as an
incremental update, the way PDF files are amended: the bytes typst wrote stay as they
are, and a new catalog is appended after them, so nothing of the tagging can be lost
and the same input still gives the same bytes.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pypdf import PdfWriter


def show_bookmarks(pdf: bytes) -> bytes:
    """`pdf` with /PageMode /UseOutlines in its catalog."""
    from pypdf import PdfWriter
    from pypdf.generic import NameObject

    writer = PdfWriter(io.BytesIO(pdf), incremental=True)
    writer._root_object[NameObject("/PageMode")] = NameObject("/UseOutlines")  # pypdf has no public setter for it
    keep_document_information(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def keep_document_information(writer: PdfWriter) -> None:
    """Carry the document information dictionary (title, authors, keywords) into the update's trailer.

    A reader takes /Info from the last trailer only, and pypdf writes it into an update's
    trailer only when the dictionary changed, so an update that leaves it alone would hide the
    title from readers and checkers that look there. A copy of it as a new object is written
    and named in the new trailer; the values are typst's, unchanged."""
    from pypdf.generic import DictionaryObject

    information = writer._info
    if information is not None:  # pypdf has no public way to name a new /Info object
        writer._info_obj = writer._add_object(DictionaryObject(information))
