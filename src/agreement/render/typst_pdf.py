"""The typst step: the typst source pandoc wrote -> a tagged PDF/UA-1 file, in-process.

Only the fonts in the template folders are used (never the system's), the
creation date is the build's fixed date, and the compiler's root is the template
folder, so the only files a document can reach are the template files themselves
(a logo). Plain strings for the PDF's metadata (title, authors, keywords,
language) go in through `sys.inputs`, where no escaping can go wrong.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from .templates import TemplateSet

PDF_STANDARD = "ua-1"


class TypstError(Exception):
    """typst could not compile the document; the message says where."""


def compile_pdf(source: bytes, templates: TemplateSet, inputs: dict[str, str], timestamp: dt.datetime) -> bytes:
    """A PDF/UA-1 file from typst source."""
    import typst

    root = templates.user_dir or templates.builtin_dir
    try:
        return typst.compile(
            source,
            root=str(root),
            font_paths=[str(folder) for folder in templates.font_dirs()],
            ignore_system_fonts=True,
            format="pdf",
            sys_inputs=inputs,
            pdf_standards=[PDF_STANDARD],
            timestamp=int(timestamp.timestamp()),
        )
    except typst.TypstError as error:
        raise TypstError(_describe(error)) from None


def _describe(error: object) -> str:
    message = str(getattr(error, "message", "") or error)
    hints = [str(h) for h in getattr(error, "hints", None) or []]
    diagnostic = str(getattr(error, "diagnostic", "") or "").strip()
    text = f"typst: {message}"
    if diagnostic and diagnostic not in message:
        text += f" ({' '.join(diagnostic.split())[:300]})"
    if hints:
        text += "; hint: " + "; ".join(hints)
    return text


@lru_cache(maxsize=1)
def typst_version() -> str:
    """The typst package's version: part of every PDF's fingerprint."""
    from importlib.metadata import version

    return f"typst {version('typst')}"
