"""The typst step: the typst source pandoc wrote -> a tagged PDF/UA-1 file, in-process.

Only the fonts in the template folders and the brand's font files are used (never
the system's), the creation date is the build's fixed date, and the compiler's root
is a private folder holding only the brand's logos, so those are the only files a
document can reach. Plain strings for the PDF's metadata (title, authors, keywords,
language) and the brand go in through `sys.inputs`, where no escaping can go wrong.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from functools import lru_cache
from pathlib import Path

from typing import TYPE_CHECKING

from .templates import TemplateSet

if TYPE_CHECKING:
    from .brand import Asset

PDF_STANDARD = "ua-1"


class TypstError(Exception):
    """typst could not compile the document; the message says where."""


def compile_pdf(source: bytes, templates: TemplateSet, inputs: dict[str, str], timestamp: dt.datetime,
                files: dict[str, bytes] | None = None, fonts: dict[str, bytes] | None = None) -> bytes:
    """A PDF/UA-1 file from typst source; `files` (the logos) are what the layout may read,
    `fonts` font files to use before the templates' ones."""
    with tempfile.TemporaryDirectory(prefix="agreement-typst-") as name:
        root = Path(name)
        for file_name, data in (files or {}).items():
            (root / file_name).write_bytes(data)
        font_folders = [str(folder) for folder in templates.font_dirs()]
        if fonts:
            (root / "fonts").mkdir()
            for file_name, data in fonts.items():
                (root / "fonts" / file_name).write_bytes(data)
            font_folders.insert(0, str(root / "fonts"))
        return _compile(source, root, font_folders, inputs, timestamp)


def _compile(source: bytes, root: Path, font_folders: list[str], inputs: dict[str, str],
             timestamp: dt.datetime) -> bytes:
    import typst

    try:
        return typst.compile(
            source,
            root=str(root),
            font_paths=font_folders,
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


def rasterise(image: "Asset", height_cm: float, ppi: int = 300) -> bytes:
    """`image` (SVG, PNG or JPEG) as a PNG `height_cm` high at print resolution, for Word, which
    takes no SVG without a PNG beside it. typst draws it, so every format reads the same file
    the same way."""
    import typst

    source = ('#set page(width: auto, height: auto, margin: 0pt, fill: none)\n'
              f'#image("image{image.suffix}", height: {height_cm}cm)\n').encode()
    with tempfile.TemporaryDirectory(prefix="agreement-typst-") as name:
        (Path(name) / f"image{image.suffix}").write_bytes(image.data)
        try:
            return typst.compile(source, root=name, format="png", ppi=ppi, ignore_system_fonts=True)
        except typst.TypstError as error:
            raise TypstError(f"the logo {image.name}: {_describe(error)}") from None
