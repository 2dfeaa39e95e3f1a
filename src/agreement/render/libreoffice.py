"""Page numbers for the Word file's contents list, from LibreOffice's layout of the same file.

Word makes the contents list anew with its page numbers when it opens a file that asks
it to update its fields; LibreOffice and the previews of document servers never do, so
they show the list without numbers. With `agreement build --page-numbers` and
LibreOffice installed, the build asks LibreOffice to lay the finished file out (as a
PDF, with Carlito standing in for Calibri at the same metrics), reads the page of each
heading from that PDF's bookmarks, and writes the numbers into the list.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Sequence

SECONDS = 120
"""How long LibreOffice may take to lay one document out."""


class LibreOfficeError(Exception):
    """LibreOffice could not lay the document out; the message says why."""


@lru_cache(maxsize=1)
def soffice() -> str | None:
    """LibreOffice's command, when it is installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


@lru_cache(maxsize=1)
def libreoffice_version() -> str | None:
    """Which LibreOffice lays the files out: part of the Word file's fingerprint when it does."""
    command = soffice()
    if command is None:
        return None
    try:
        done = subprocess.run([command, "--version"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout.strip() or command


def heading_pages(docx: bytes, headings: Sequence[tuple[int, str, str]]) -> dict[str, int]:
    """The page of each of `headings` ((level, text, bookmark), in order) in LibreOffice's layout."""
    command = soffice()
    if command is None:
        raise LibreOfficeError("LibreOffice (soffice) is not installed")
    from pypdf import PdfReader

    with tempfile.TemporaryDirectory(prefix="agreement-lo-") as name:
        folder = Path(name)
        (folder / "document.docx").write_bytes(docx)
        try:
            done = subprocess.run([command, "--headless", "--norestore", f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                                   "--convert-to", "pdf", "--outdir", str(folder), str(folder / "document.docx")],
                                  capture_output=True, text=True, timeout=SECONDS, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise LibreOfficeError(f"LibreOffice took longer than {SECONDS} s to lay the Word file out") from None
        pdf = folder / "document.pdf"
        if done.returncode != 0 or not pdf.is_file():
            raise LibreOfficeError(f"LibreOffice could not lay the Word file out: {(done.stderr or done.stdout).strip()}")
        reader = PdfReader(pdf)
        marks = list(_bookmarks(reader, reader.outline))
    return _match(headings, marks)


def _bookmarks(reader, items) -> list[tuple[str, int]]:  # type: ignore[no-untyped-def]
    """(title, page) of every bookmark of the PDF, in order."""
    found = []
    for item in items:
        if isinstance(item, list):
            found.extend(_bookmarks(reader, item))
        else:
            found.append((" ".join(str(item.title).split()), reader.get_destination_page_number(item) + 1))
    return found


def _match(headings: Sequence[tuple[int, str, str]], marks: list[tuple[str, int]]) -> dict[str, int]:
    """Each heading's page: the next bookmark of the same text, in document order."""
    pages: dict[str, int] = {}
    position = 0
    for _, text, bookmark in headings:
        wanted = " ".join(text.split())
        for index in range(position, len(marks)):
            if marks[index][0] == wanted:
                pages[bookmark] = marks[index][1]
                position = index + 1
                break
    return pages
