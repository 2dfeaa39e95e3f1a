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


def show_bookmarks(pdf: bytes) -> bytes:
    """`pdf` with /PageMode /UseOutlines in its catalog."""
    from pypdf import PdfWriter
    from pypdf.generic import NameObject

    writer = PdfWriter(io.BytesIO(pdf), incremental=True)
    writer._root_object[NameObject("/PageMode")] = NameObject("/UseOutlines")  # pypdf has no public setter for it
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
