"""`agreement followups import`: the filled-in sheet back into the follow-up files, comments kept."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from agreement.followups.spreadsheet import SHEET
from agreement.validation import check_file

from .support import LJUSDAL, LOG, agreement, plan_folder


def export(folder: Path, sheet: Path, today: str, cwd: Path) -> None:
    done = agreement("followups", str(folder.relative_to(cwd)), "--today", today, "-f", "xlsx", "-o", str(sheet),
                     cwd=cwd)
    assert done.returncode == 0, done.stderr


def fill(sheet: Path, rows: dict[tuple[str, int], dict[str, object]]) -> None:
    """Fill in the rows of (action id, month of the occasion) with {header: value}, as a person would."""
    book = openpyxl.load_workbook(sheet)
    ws = book[SHEET]
    columns = {cell.value: cell.column for cell in ws[1]}
    for row in range(2, ws.max_row + 1):
        key = (ws.cell(row, columns["Id"]).value, ws.cell(row, columns["Uppföljningsdatum"]).value.month)
        for header, value in rows.get(key, {}).items():  # type: ignore[arg-type]
            ws.cell(row, columns[header]).value = value
    book.save(sheet)


def git(folder: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, check=True).stdout


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A git repository holding a copy of the Ljusdal example with its follow-up file."""
    shutil.copytree(LJUSDAL, tmp_path / "ljusdal")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "plan")
    return tmp_path


def test_two_filled_rows_become_exactly_two_entries_and_comments_survive(repository: Path) -> None:
    sheet = repository / "uppfoljning.xlsx"
    export(repository / "ljusdal", sheet, "2014-09-15", repository)
    log = repository / "ljusdal" / "uppfoljning-2014.yaml"
    before = log.read_text(encoding="utf-8")
    fill(sheet, {("barn-i-fara", 8): {"Datum": dt.date(2014, 9, 10), "Status": "pågående", "Bedömning": "grön",
                                      "Kommentar": "Används nu vid alla ingripanden.", "Rapporterad av": "Närpolisen"},
                 ("filma-forhor", 8): {"Datum": "2014-09-11", "Bedömning": "gul",
                                       "Kommentar": "Utrustning beställd.\nUtbildning i oktober."}})
    done = agreement("followups", "import", str(sheet), cwd=repository)
    assert done.returncode == 0, done.stderr
    assert "2 progress entries added to 1 file" in done.stderr
    assert git(repository, "diff", "--numstat").split()[:2] != ["0", "0"]
    added, removed, name = git(repository, "diff", "--numstat").split()
    assert (removed, name) == ("0", "ljusdal/uppfoljning-2014.yaml") and int(added) > 0
    after = log.read_text(encoding="utf-8")
    comments = [line.strip() for line in before.splitlines() if line.strip().startswith("#") or " # " in line]
    assert comments and all(comment in after for comment in comments)
    checked = check_file(log)
    assert checked.diagnostics == [] and checked.follow_up is not None
    assert [(e.date.isoformat(), e.rating, e.note) for e in checked.follow_up.progress["barn-i-fara"]][-1] == (
        "2014-09-10", "green", "Används nu vid alla ingripanden.")
    assert checked.follow_up.progress["filma-forhor"][0].note == "Utrustning beställd.\nUtbildning i oktober."
    again = agreement("followups", "import", str(sheet), cwd=repository)
    assert again.returncode == 0 and "0 progress entries added" in again.stderr
    assert log.read_text(encoding="utf-8") == after
    listed = agreement("followups", "ljusdal", "--today", "2014-09-15", "-f", "json", cwd=repository)
    assert '"key": "filma-forhor"' in listed.stdout


def test_a_wrong_rating_is_refused_with_sheet_row_and_column(repository: Path) -> None:
    sheet = repository / "uppfoljning.xlsx"
    export(repository / "ljusdal", sheet, "2014-09-15", repository)
    fill(sheet, {("spice", 8): {"Datum": dt.date(2014, 9, 10), "Bedömning": "blå"},
                 ("kontaktforbud", 8): {"Datum": dt.date(2014, 9, 10), "Bedömning": "Röd"}})
    done = agreement("followups", "import", str(sheet), cwd=repository)
    assert done.returncode == 1
    refused = [line for line in done.stderr.splitlines() if "blå" in line]
    assert len(refused) == 1 and f"{SHEET}!I" in refused[0] and "(Bedömning)" in refused[0]
    assert "use grön/gul/röd" in refused[0] and "nothing imported from row" in refused[0]
    log = check_file(repository / "ljusdal" / "uppfoljning-2014.yaml").follow_up
    assert log is not None and "spice" in log.progress and len(log.progress["spice"]) == 1
    assert log.progress["kontaktforbud"][0].rating == "red"


def test_dates_outside_the_period_or_before_the_follow_up_and_gone_actions_are_refused(repository: Path) -> None:
    sheet = repository / "uppfoljning.xlsx"
    export(repository / "ljusdal", sheet, "2014-09-15", repository)
    fill(sheet, {("spice", 8): {"Datum": dt.date(2015, 1, 10), "Bedömning": "gul"},
                 ("polisen-aas", 8): {"Datum": dt.date(2014, 8, 20), "Bedömning": "gul"},
                 ("smadit", 12): {"Datum": dt.date(2014, 12, 31), "Bedömning": "grön"}})
    plan = repository / "ljusdal" / "action-plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("id: smadit", "id: smadit-2"), encoding="utf-8")
    log = repository / "ljusdal" / "uppfoljning-2014.yaml"
    log.write_text(log.read_text(encoding="utf-8").replace("  smadit:", "  smadit-2:"), encoding="utf-8")
    done = agreement("followups", "import", str(sheet), "--dry-run", cwd=repository)
    assert done.returncode == 1 and done.stdout == ""
    problems = sorted(line.split(": ", 2)[1] for line in done.stderr.splitlines() if "nothing imported" in line)
    # the rows of smadit (the one filled in, and those showing its earlier reports) no longer match
    assert [problem.split(" ")[0][:len(f"{SHEET}!G")] for problem in problems] == [f"{SHEET}!G"] * 2 + [f"{SHEET}!M"] * 3
    assert "outside the document's period" in done.stderr and "before the follow-up" in done.stderr
    assert "did you mean 'smadit-2'?" in done.stderr


def test_dry_run_shows_a_diff_and_writes_nothing(tmp_path: Path) -> None:
    folder = plan_folder(tmp_path / "plans")
    sheet = tmp_path / "sheet.xlsx"
    export(folder, sheet, "2016-09-15", tmp_path)
    fill(sheet, {("synlig", 8): {"Datum": dt.date(2016, 9, 2), "Bedömning": "green", "Rapporterad av": "Polisen"}})
    done = agreement("followups", "import", str(sheet), "--dry-run", cwd=tmp_path)
    assert done.returncode == 0
    assert "+  synlig:\n+    - date: 2016-09-02\n+      rating: green\n+      reported_by: Polisen\n" in done.stdout
    assert (folder / "uppfoljning.yaml").read_text(encoding="utf-8") == LOG


def test_a_follow_up_file_is_created_beside_a_document_that_has_none(tmp_path: Path) -> None:
    folder = plan_folder(tmp_path / "plans", log=None)
    sheet = tmp_path / "sheet.xlsx"
    export(folder, sheet, "2016-09-15", tmp_path)
    fill(sheet, {("belysning", 8): {"Datum": dt.date(2016, 9, 1), "Status": "genomförd"}})
    done = agreement("followups", "import", str(sheet), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    created = folder / "uppfoljning-exempel-2016.yaml"
    checked = check_file(created)
    assert checked.diagnostics == [] and checked.follow_up is not None
    assert checked.follow_up.document == "plan.yaml" and checked.follow_up.progress["belysning"][0].status == "done"


def test_something_that_is_not_a_follow_up_sheet_exits_2(tmp_path: Path) -> None:
    (tmp_path / "notes.xlsx").write_text("not a spreadsheet", encoding="utf-8")
    done = agreement("followups", "import", str(tmp_path / "notes.xlsx"))
    assert done.returncode == 2 and "not a spreadsheet that can be read" in done.stderr
    book = openpyxl.Workbook()
    book.active.title = "Blad1"
    book.save(tmp_path / "other.xlsx")
    done = agreement("followups", "import", str(tmp_path / "other.xlsx"))
    assert done.returncode == 2 and "no sheet named 'Uppföljning'" in done.stderr and "Traceback" not in done.stderr
