"""Build every example once, through the real command line, for the real-client tests.

The built files land in `e2e-out/` at the top of the checkout (or `$AGREEMENT_E2E_OUT`)
and stay there after the run, next to the screenshots and rendered pages, so that
people can look at what the tests looked at.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from ..synthetic_plan import write_plan
from .clients import ROOT, browse, libreoffice_layouts
from .expectations import SOURCE_FOLDERS, SOURCES, Expected, expected_from

FORMATS = "html,docx,pdf"
REPORT_SOURCE = ROOT / "examples" / "ljusdal-2014" / "action-plan.yaml"
REPORT_AS_OF = "2014-09-15"
"""`agreement report` of the example with progress (and a measured indicator), as `make run` builds it."""
OUTPUT_FOLDERS = ("built", "screenshots", "pages", "libreoffice", "synthetic", "layouts")


@pytest.fixture(scope="session")
def e2e_out() -> Path:
    """The folder everything goes to; what an earlier run left in it is removed first.

    Only the run's own subfolders are removed, so that pointing `AGREEMENT_E2E_OUT`
    at a folder that holds other files never deletes them.
    """
    out = Path(os.environ.get("AGREEMENT_E2E_OUT", ROOT / "e2e-out")).resolve()
    for name in OUTPUT_FOLDERS:
        shutil.rmtree(out / name, ignore_errors=True)
    out.mkdir(parents=True, exist_ok=True)
    return out


@pytest.fixture(scope="session")
def built_dir(e2e_out: Path) -> Path:
    """Run `agreement build` once over every source, and `agreement report` of the example with
    progress, as a user would, and return their output folder.

    `AGREEMENT_E2E_BUILT=DIR` checks files already built into DIR instead, to try a
    checker on hand-made files.
    """
    if os.environ.get("AGREEMENT_E2E_BUILT"):
        return Path(os.environ["AGREEMENT_E2E_BUILT"]).resolve()
    out = e2e_out / "built"
    command = [str(Path(sys.executable).with_name("agreement")), "build",
               *(str(folder.relative_to(ROOT)) for folder in SOURCE_FOLDERS),
               "--to", FORMATS, "--out", str(out)]
    report = [command[0], "report", str(REPORT_SOURCE.relative_to(ROOT)), "--as-of", REPORT_AS_OF,
              "--to", FORMATS, "--out", str(out)]
    # With the command line's defaults: LibreOffice is installed here, so the Word files' contents
    # get their page numbers (the unit suite turns that off in its environment).
    env = {key: value for key, value in os.environ.items() if key != "AGREEMENT_PAGE_NUMBERS"}
    for args in (command, report):  # the documents, then the follow-up report of the example with progress
        done = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=600, check=False, env=env)
        if done.returncode != 0:
            pytest.fail(f"`{' '.join(args)}` exited with {done.returncode}:\n{done.stderr}{done.stdout}")
    return out


def _source_id(source: Path) -> str:
    """A short test id: the example's folder, or the test document's file name."""
    return source.stem if source.parent.name == "documents" else source.parent.name


@pytest.fixture(params=SOURCES, ids=_source_id)
def document(request: pytest.FixtureRequest) -> Expected:
    """Each source document in turn, with what its built files must show."""
    return expected_from(request.param)


@pytest.fixture(scope="session")
def browsed(built_dir: Path, e2e_out: Path) -> dict[str, Any]:
    """Every built HTML file opened in headless Chromium once, with axe-core's findings, and
    printed into `e2e-out/printed/`."""
    pages = sorted(built_dir.rglob("*.html"))
    if not pages:
        pytest.fail(f"`agreement build` wrote no HTML into {built_dir}")
    return browse(pages, e2e_out / "screenshots", e2e_out / "printed")


@pytest.fixture(scope="session")
def libreoffice_profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A private LibreOffice user profile for this run."""
    return tmp_path_factory.mktemp("libreoffice-profile")


@pytest.fixture(scope="session")
def synthetic_built(e2e_out: Path) -> Path:
    """The forty-page synthetic plan (tests/synthetic_plan.py), written and built to Word, PDF and
    HTML through the real command line, into `e2e-out/synthetic/`: its YAML and its built files."""
    folder = e2e_out / "synthetic"
    folder.mkdir(parents=True, exist_ok=True)
    source = write_plan(folder)
    command = [str(Path(sys.executable).with_name("agreement")), "build", str(source), "--to", "docx,pdf,html",
               "--out", str(folder)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)
    if done.returncode != 0:
        pytest.fail(f"`{' '.join(command)}` exited with {done.returncode}:\n{done.stderr}{done.stdout}")
    return folder


@pytest.fixture(scope="session")
def word_layouts(built_dir: Path, synthetic_built: Path, e2e_out: Path, libreoffice_profile: Path) -> dict[str, Path]:
    """LibreOffice's layout of every built Word file (the synthetic plan's too) as a tagged PDF in
    `e2e-out/layouts/`, by document id."""
    return libreoffice_layouts(sorted([*built_dir.glob("*.docx"), *synthetic_built.glob("*.docx")]),
                               e2e_out / "layouts", libreoffice_profile)
