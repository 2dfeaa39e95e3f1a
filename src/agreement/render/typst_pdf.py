"""The typst step: the typst source pandoc wrote -> a tagged PDF/UA-1 file.

Only the fonts in the template folders and the brand's font files are used (never
the system's), the creation date is the build's date (none when the document states none), and the compiler's root
is a private folder holding only the brand's logos, so those are the only files a
document can reach. Plain strings for the PDF's metadata (title, authors, keywords,
language) and the brand go in through `sys.inputs`, where no escaping can go wrong.

typst compiles in a child process (`typst_child.py`), not in this one: only a
process can be stopped when a document makes typst run for minutes or take
gigabytes (a 200,000-character word), and it gets the same limits as pandoc.
Starting it costs a fresh interpreter and the typst module, some tens of
milliseconds.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import sys
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..processes import Children, Limits
from .template_folders import TemplateSet

if TYPE_CHECKING:
    from .brand import Asset

PDF_STANDARD = "ua-1"
CHILD = Path(__file__).with_name("typst_child.py")
RUNAWAY_CAUSE = "the document may have a very long word, or a table too large to lay out"


class TypstError(Exception):
    """typst could not compile the document; the message says where."""


def compile_pdf(source: bytes, templates: TemplateSet, inputs: dict[str, str], timestamp: dt.datetime | None,
                files: dict[str, bytes] | None = None, fonts: dict[str, bytes] | None = None,
                limits: Limits = Limits()) -> bytes:
    """A PDF/UA-1 file from typst source, compiled within `limits`; `files` (the logos) are what
    the layout may read, `fonts` font files to use before the templates' ones. Without a
    `timestamp` the PDF carries no date (`sys.inputs.date` is "none" for document.typ)."""
    if timestamp is None:
        inputs = {**inputs, "date": "none"}
    request = {"ignore_system_fonts": True, "format": "pdf", "sys_inputs": inputs,
               "pdf_standards": [PDF_STANDARD], "timestamp": int(timestamp.timestamp()) if timestamp else 0}
    font_folders = [str(folder) for folder in templates.font_dirs()]
    return _run(source, request, files or {}, fonts or {}, font_folders, limits)


def _run(source: bytes, request: dict[str, Any], files: dict[str, bytes], fonts: dict[str, bytes],
         font_folders: list[str], limits: Limits) -> bytes:
    """typst.compile(source, **request) in a child process, its root a folder holding `files`
    only; what it wrote, or a TypstError."""
    with tempfile.TemporaryDirectory(prefix="agreement-typst-") as name, Children(Path(name)) as children:
        folder = Path(name)
        root = folder / "root"
        root.mkdir()
        for file_name, data in files.items():
            (root / file_name).write_bytes(data)
        if fonts:
            (folder / "fonts").mkdir()
            for file_name, data in fonts.items():
                (folder / "fonts" / file_name).write_bytes(data)
            font_folders = [str(folder / "fonts"), *font_folders]
        (folder / "source.typ").write_bytes(source)
        request = {**request, "root": str(root), "font_paths": font_folders}
        (folder / "request.json").write_text(json.dumps(request), encoding="utf-8")
        # -P: the current folder (a pull request's checkout) is not searched for modules.
        children.start("typst", [sys.executable, "-P", str(CHILD), str(folder)], limits, _child_environment())
        status = children.wait(limits)["typst"]
        if status == 0:
            return (folder / "out.pdf").read_bytes()
        if (folder / "error.json").is_file():
            raise TypstError(_describe(json.loads((folder / "error.json").read_text(encoding="utf-8"))))
        raise TypstError(_stopped(status, children.stderr("typst"), limits))


def _child_environment() -> dict[str, str]:
    """Our own environment (the interpreter may need any of it to start), without a Rust
    backtrace filling the error output when typst runs out of memory."""
    return {**os.environ, "RUST_BACKTRACE": "0"}


def _stopped(status: int | None, stderr: str, limits: Limits) -> str:
    """Why the typst process ended without a PDF: a limit, else what it said."""
    if status is None:
        return limits.exceeded("typst (pdf)", "time", RUNAWAY_CAUSE)
    if status == -signal.SIGABRT or "memory allocation" in stderr or "MemoryError" in stderr:
        return limits.exceeded("typst (pdf)", "memory", RUNAWAY_CAUSE)
    last = stderr.strip().splitlines()[-1:] or [f"exit status {status}"]
    return f"typst stopped unexpectedly: {last[0][:300]}"


def _describe(error: dict[str, Any]) -> str:
    message = error.get("message", "")
    hints = error.get("hints") or []
    diagnostic = (error.get("diagnostic") or "").strip()
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


def rasterise(image: "Asset", height_cm: float, ppi: int = 300, limits: Limits = Limits()) -> bytes:
    """`image` (SVG, PNG or JPEG) as a PNG `height_cm` high at print resolution, for Word, which
    takes no SVG without a PNG beside it. typst draws it, within the same limits as a PDF, so
    every format reads the same file the same way."""
    source = ('#set page(width: auto, height: auto, margin: 0pt, fill: none)\n'
              f'#image("image{image.suffix}", height: {height_cm}cm)\n').encode()
    request = {"ignore_system_fonts": True, "format": "png", "ppi": ppi}
    try:
        return _run(source, request, {f"image{image.suffix}": image.data}, {}, [], limits)
    except TypstError as error:
        raise TypstError(f"the logo {image.name}: {error}") from None
