"""The real clients the e2e tests drive: LibreOffice, poppler and headless Chromium.

Each function runs one external program and turns its failure into a test failure
that says which command failed and what it printed, so a red e2e run explains itself.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
NODE_SIDE = ROOT / "e2e"
AXE_CHECK = NODE_SIDE / "axe-check.mjs"


def run(command: list[str | Path], timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run a program to completion; fail the test (not error) when it is missing, hangs or fails."""
    args = [str(part) for part in command]
    if shutil.which(args[0]) is None:
        pytest.fail(f"{args[0]} is not installed; run `make e2e`, which installs it")
    try:
        done = subprocess.run(args, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail(f"`{' '.join(args)}` did not finish within {timeout:.0f} s")
    if done.returncode != 0:
        pytest.fail(f"`{' '.join(args)}` exited with {done.returncode}:\n{done.stderr}{done.stdout}")
    return done


# -- LibreOffice ----------------------------------------------------------------------


def libreoffice_to_pdf(docx: Path, out_dir: Path, profile: Path) -> tuple[Path, str]:
    """Convert a Word file to PDF with LibreOffice, as a reader opening it would load it.

    A private profile keeps the run independent of (and from disturbing) any user's
    LibreOffice settings, and lets two runs not fight over one profile lock.
    Returns the PDF and what soffice printed (it reports load errors on stdout and
    still exits 0).
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    done = run([
        "soffice", "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}",
        "--convert-to", "pdf", "--outdir", out_dir, docx,
    ], timeout=240)
    return out_dir / f"{docx.stem}.pdf", done.stdout + done.stderr


def libreoffice_layouts(docx_files: list[Path], out_dir: Path, profile: Path) -> dict[str, Path]:
    """LibreOffice's layout of Word files as tagged PDFs, all in one run of soffice.

    Tagged (`UseTaggedPDF`), so the PDF's structure tree tells which paragraph is a heading
    and which a table row, and on which page each landed: the pagination tests read Word's
    layout the same way as typst's. Returns each PDF by the Word file's stem.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    export = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}'
    done = run(["soffice", "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}",
                "--convert-to", export, "--outdir", out_dir, *docx_files], timeout=600)
    layouts = {docx.stem: out_dir / f"{docx.stem}.pdf" for docx in docx_files}
    missing = [name for name, pdf in layouts.items() if not pdf.is_file()]
    if missing:
        pytest.fail(f"LibreOffice wrote no PDF for {missing}:\n{done.stdout}{done.stderr}")
    return layouts


# -- poppler --------------------------------------------------------------------------


def pdf_page_count(pdf: Path) -> int:
    """The page count pdfinfo reads from the PDF."""
    info = run(["pdfinfo", pdf], timeout=60).stdout
    match = re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)
    if match is None:
        pytest.fail(f"pdfinfo printed no page count for {pdf}:\n{info}")
    return int(match.group(1))


def render_pages(pdf: Path, out_dir: Path, resolution: int = 50) -> list[Path]:
    """Render every page of a PDF to PNG with pdftoppm; the PNGs, in page order."""
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    run(["pdftoppm", "-r", str(resolution), "-png", pdf, out_dir / "page"], timeout=300)
    return sorted(out_dir.glob("page-*.png"))


def pdf_text(pdf: Path) -> str:
    """The text pdftotext extracts, in reading order, as UTF-8."""
    return run(["pdftotext", "-enc", "UTF-8", pdf, "-"], timeout=120).stdout


# -- Chromium -------------------------------------------------------------------------


def browse(html_files: list[Path], screenshots: Path, printed: Path) -> dict[str, Any]:
    """Open every HTML file in headless Chromium (desktop and phone), run axe-core, and print
    each to a tagged PDF in `printed` (`<stem>.pdf`).

    One browser for all files: starting Chromium is the slow part. Returns the page
    reports keyed by the file's absolute path (see e2e/axe-check.mjs).
    """
    if not (NODE_SIDE / "node_modules" / "playwright-core").is_dir():
        pytest.fail("e2e/node_modules is missing; run `make e2e`, which runs `npm ci` in e2e/")
    done = run(["node", AXE_CHECK, "--shots", screenshots, "--print", printed, *html_files], timeout=600)
    try:
        return json.loads(done.stdout)["pages"]
    except (ValueError, KeyError) as error:
        pytest.fail(f"axe-check printed no report ({error}):\n{done.stdout[:2000]}\n{done.stderr[:2000]}")
