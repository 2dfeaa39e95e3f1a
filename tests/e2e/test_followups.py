"""The follow-up spreadsheet in LibreOffice: it opens, its cells read back, its drop-downs survive.

`agreement followups --format xlsx` writes the sheet with openpyxl; here LibreOffice (headless)
converts it to CSV (what a person sees in the cells) and to OpenDocument (whose content.xml
holds the validations LibreOffice read), so a sheet only openpyxl could read fails here.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .clients import ROOT, run

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def spreadsheet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("followups") / "uppfoljning.xlsx"
    command = [str(Path(sys.executable).with_name("agreement")), "followups", "examples", "--today", "2014-09-15",
               "--format", "xlsx", "--output", str(out)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return out


def convert(spreadsheet: Path, to: str, profile: Path) -> Path:
    out = spreadsheet.parent / to
    run(["soffice", "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}",
         "--convert-to", to if to != "csv" else "csv:Text - txt - csv (StarCalc):44,34,76,1",
         "--outdir", out, spreadsheet], timeout=240)
    converted = out / f"{spreadsheet.stem}.{to}"
    assert converted.is_file(), f"LibreOffice wrote no {to}"
    return converted


def occasions_in_force() -> int:
    """How many follow-up occasions the examples have in force on 2014-09-15, as `followups` lists them."""
    command = [str(Path(sys.executable).with_name("agreement")), "followups", "examples", "--today", "2014-09-15",
               "--format", "json"]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return len(json.loads(done.stdout)["occasions"])


def test_libreoffice_reads_every_row_and_the_swedish_text(spreadsheet: Path, libreoffice_profile: Path) -> None:
    with convert(spreadsheet, "csv", libreoffice_profile).open(encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream))
    assert rows[0][:7] == ["Ansvarig", "Uppföljningsdatum", "Läge", "Åtgärd eller löfte", "Område", "Dokument",
                           "Datum"]
    assert len(rows) == 1 + occasions_in_force() > 90  # a row per occasion of the Ljusdal plan
    bekymmer = [row for row in rows if row[3] == "Arbeta med bekymmersamtal"]
    assert [row[1] for row in bekymmer] == ["2014-04-30", "2014-08-31", "2014-12-31"]
    assert [row[2] for row in bekymmer] == ["rapporterad", "rapporterad", "senare"]
    assert {row[2] for row in rows[1:]} == {"försenad", "senare", "rapporterad"}


def test_libreoffice_keeps_the_drop_downs_and_the_protection(spreadsheet: Path, libreoffice_profile: Path) -> None:
    with zipfile.ZipFile(convert(spreadsheet, "ods", libreoffice_profile)) as archive:
        content = archive.read("content.xml").decode("utf-8")
    assert 'cell-content-is-in-list(&quot;grön&quot;;&quot;gul&quot;;&quot;röd&quot;)' in content
    assert "&quot;pågående&quot;" in content
    assert 'table:protected="true"' in content
