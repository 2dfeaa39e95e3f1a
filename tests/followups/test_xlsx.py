"""The spreadsheet, read back with openpyxl: columns, drop-downs, protection, hidden keys."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
from pathlib import Path

import openpyxl
import pytest

from agreement.followups.spreadsheet import COLUMNS, SHEET

from .support import AGREEMENT_BIN, ROOT, agreement, plan_folder


@pytest.fixture
def exported(tmp_path: Path) -> Path:
    target = tmp_path / "uppfoljning.xlsx"
    done = agreement("followups", str(plan_folder(tmp_path / "plans")), "--today", "2016-09-15",
                     "--format", "xlsx", "--output", str(target))
    assert done.returncode == 0, done.stderr
    return target


def header(sheet: object) -> dict[str, int]:
    return {cell.value: cell.column for cell in sheet[1]}  # type: ignore[index]


def test_one_sheet_with_an_autofilter_and_a_row_per_occasion(exported: Path) -> None:
    book = openpyxl.load_workbook(exported)
    assert book.sheetnames == [SHEET]
    sheet = book[SHEET]
    assert [cell.value for cell in sheet[1]] == [column.header for column in COLUMNS]
    assert sheet.auto_filter.ref == f"A1:O{sheet.max_row}"
    assert sheet.max_row - 1 == 10  # belysning 3, vandringar 1, the action without id 3, the promise 3
    assert sheet.freeze_panes == "B2"


def test_the_drop_downs_hold_the_swedish_words(exported: Path) -> None:
    sheet = openpyxl.load_workbook(exported)[SHEET]
    lists = {str(validation.sqref).split("2:")[0]: validation
             for validation in sheet.data_validations.dataValidation}
    columns = header(sheet)
    rating = lists[openpyxl.utils.get_column_letter(columns["Bedömning"])]
    status = lists[openpyxl.utils.get_column_letter(columns["Status"])]
    date = lists[openpyxl.utils.get_column_letter(columns["Datum"])]
    assert rating.type == "list" and rating.formula1 == '"grön,gul,röd"'
    assert status.formula1 == '"planerad,pågående,genomförd,tänkbar,avbruten"'
    assert (date.type, date.operator, date.formula1, date.formula2) == ("date", "between", "N2", "O2")
    assert all(v.showErrorMessage for v in (rating, status, date))


def test_only_the_columns_to_fill_in_are_unlocked_and_the_keys_are_hidden(exported: Path) -> None:
    sheet = openpyxl.load_workbook(exported)[SHEET]
    assert sheet.protection.sheet and not sheet.protection.password and sheet.protection.autoFilter is False
    columns = header(sheet)
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, columns["Id"]).value == "synlig")
    locked = {column.header: sheet.cell(row, columns[column.header]).protection.locked for column in COLUMNS}
    assert [name for name, is_locked in locked.items() if not is_locked] == [
        "Datum", "Status", "Bedömning", "Kommentar", "Rapporterad av"]
    hidden = [column.header for column in COLUMNS
              if sheet.column_dimensions[openpyxl.utils.get_column_letter(columns[column.header])].hidden]
    assert hidden == ["Dokumentfil", "Id", "Period från", "Period till"]


def test_reported_occasions_show_their_report_and_actions_without_id_are_closed(exported: Path) -> None:
    sheet = openpyxl.load_workbook(exported)[SHEET]
    columns = header(sheet)
    rows = [{name: sheet.cell(r, number).value for name, number in columns.items()}
            for r in range(2, sheet.max_row + 1)]
    april = next(row for row in rows if row["Id"] == "belysning" and row["Uppföljningsdatum"].month == 4)
    assert (april["Läge"], april["Datum"], april["Bedömning"], april["Kommentar"]) == (
        "rapporterad", dt.datetime(2016, 5, 2), "grön", "Tre tunnlar klara.")
    no_id = [row for row in rows if row["Id"] is None]
    assert no_id and all(row["Kommentar"].startswith("Kan inte rapporteras") for row in no_id)
    assert "försenad" in {row["Läge"] for row in rows} and rows[0]["Dokumentfil"].endswith("plan.yaml")


def test_the_same_input_gives_the_same_file(exported: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.xlsx"
    agreement("followups", str(tmp_path / "plans"), "--today", "2016-09-15", "-f", "xlsx", "-o", str(again))
    assert again.read_bytes() == exported.read_bytes()


def test_a_spreadsheet_goes_to_standard_output_when_that_is_a_pipe() -> None:
    done = subprocess.run([AGREEMENT_BIN, "followups", "examples", "--today", "2014-09-15", "-f", "xlsx", "-q"],
                          cwd=ROOT, capture_output=True, timeout=120)
    assert done.returncode == 0 and done.stdout.startswith(b"PK")
    assert openpyxl.load_workbook(io.BytesIO(done.stdout))[SHEET].max_row > 1
