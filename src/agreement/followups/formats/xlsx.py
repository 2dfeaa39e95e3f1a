"""The follow-up spreadsheet (.xlsx) that unit heads and community police officers fill in.

openpyxl writes it; LibreOffice and Excel read it. What the person fills in (date,
status, rating, note, who) is unlocked and checked as they type: drop-downs for
status and the traffic light (in Swedish: grön, gul, röd) and a date within the
document's period. Everything else is locked by sheet protection without a password:
it guards against overwriting an action's title by accident, not against anyone who
wants to change it. An occasion already reported shows its report, so importing the
sheet again changes nothing. An action without an `id` is listed, greyed out, with a
note: its reports cannot be matched back until the document gives it an id.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ...writing import write_zip
from ..listing import Listing
from ..occasions import Occasion, State
from ..spreadsheet import COLUMNS, INDEX, NO_ID_NOTE, RATING_WORDS, SHEET, STATUS_WORDS, column_letter
from .text import by_owner

DATE_FORMAT = "yyyy-mm-dd"
HEADER_FILL = PatternFill("solid", fgColor="DDE7F0")
INPUT_FILL = PatternFill("solid", fgColor="FFF8DC")
NO_ID_FILL = PatternFill("solid", fgColor="E7E7E7")
STATE_FONTS = {State.OVERDUE: Font(color="B00020", bold=True), State.DUE: Font(color="8A6D00")}
_DATES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:(?:created|modified)>)")


def render_xlsx(listing: Listing) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    write_header(sheet)
    rows = [occasion for _, occasions in by_owner(listing.occasions)
            for occasion in sorted(occasions, key=lambda o: (o.date, o.file, o.path))]
    for number, occasion in enumerate(rows, start=2):
        write_row(sheet, number, occasion)
    last = max(2, len(rows) + 1)
    add_validations(sheet, last)
    finish_sheet(sheet, last)
    day = dt.datetime.combine(listing.window.today, dt.time(0))
    workbook.properties.creator = "agreement followups"
    workbook.properties.title = "Uppföljning"
    workbook.properties.created = day
    buffer = io.BytesIO()
    workbook.save(buffer)
    return reproducible(buffer.getvalue(), day)


def write_header(sheet: Worksheet) -> None:
    for column in COLUMNS:
        cell = sheet.cell(row=1, column=INDEX[column.key], value=column.header)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(vertical="top", wrap_text=True)
        sheet.column_dimensions[column_letter(column.key)].width = column.width
        sheet.column_dimensions[column_letter(column.key)].hidden = column.hidden


def write_row(sheet: Worksheet, row: int, occasion: Occasion) -> None:
    report = occasion.report
    period = occasion.period or (dt.date(1900, 1, 1), dt.date(9999, 12, 31))
    values: dict[str, Any] = {
        "owner": occasion.owner_name, "occasion": occasion.date, "state": occasion.state.swedish,
        "title": occasion.title, "area": occasion.area_title, "document": occasion.document_title,
        "date": report.date if report else None,
        "status": STATUS_WORDS.get(report.status or "") if report else None,
        "rating": RATING_WORDS.get(report.rating or "") if report else None,
        "note": report.note if report else (NO_ID_NOTE if occasion.commitment_id is None else None),
        "reported_by": report.reported_by if report else None,
        "file": occasion.file, "id": occasion.commitment_id, "period_start": period[0], "period_end": period[1],
    }
    open_for_input = occasion.commitment_id is not None
    for column in COLUMNS:
        cell = sheet.cell(row=row, column=INDEX[column.key], value=values[column.key])
        cell.alignment = Alignment(vertical="top", wrap_text=column.key in ("title", "note", "owner", "area"))
        if isinstance(values[column.key], dt.date):
            cell.number_format = DATE_FORMAT
        if column.filled_in:
            cell.protection = Protection(locked=not open_for_input)
            cell.fill = INPUT_FILL if open_for_input else NO_ID_FILL
    font = STATE_FONTS.get(occasion.state)
    if font is not None:
        sheet.cell(row=row, column=INDEX["state"]).font = font


def add_validations(sheet: Worksheet, last: int) -> None:
    """Drop-downs for status and rating, and a date inside the row's document period."""
    def cells(key: str) -> str:
        letter = column_letter(key)
        return f"{letter}2:{letter}{last}"

    status = _list_validation(STATUS_WORDS.values(), "Status", "Välj planerad, pågående, genomförd, tänkbar "
                              "eller avbruten.")
    rating = _list_validation(RATING_WORDS.values(), "Bedömning", "Grön: enligt plan. Gul: risk för "
                              "förseningar. Röd: följer inte planen.")
    start, end = column_letter("period_start"), column_letter("period_end")
    date = DataValidation(type="date", operator="between", formula1=f"{start}2", formula2=f"{end}2",
                          allow_blank=True, showErrorMessage=True, showInputMessage=True,
                          errorTitle="Datum", error="Skriv ett datum inom dokumentets period, till exempel 2014-09-05.",
                          promptTitle="Datum", prompt="Dagens datum när du rapporterar: på eller efter "
                          "uppföljningsdatumet, ÅÅÅÅ-MM-DD.")
    for validation, key in ((status, "status"), (rating, "rating"), (date, "date")):
        sheet.add_data_validation(validation)
        validation.add(cells(key))


def _list_validation(words: Any, title: str, prompt: str) -> DataValidation:
    return DataValidation(type="list", formula1='"' + ",".join(words) + '"', allow_blank=True,
                          showErrorMessage=True, showInputMessage=True, errorTitle=title,
                          error="Välj ett av värdena i listan.", promptTitle=title, prompt=prompt)


def finish_sheet(sheet: Worksheet, last: int) -> None:
    """Autofilter, frozen header, printing on landscape pages, and protection without a password."""
    sheet.auto_filter.ref = f"A1:{column_letter(COLUMNS[-1].key)}{last}"
    sheet.freeze_panes = "B2"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    protection = sheet.protection
    protection.sheet = True
    protection.autoFilter = False  # False means "not protected": filtering stays allowed
    protection.formatColumns = False
    protection.formatRows = False
    protection.selectLockedCells = False
    protection.selectUnlockedCells = False


def reproducible(xlsx: bytes, day: dt.datetime) -> bytes:
    """The workbook with the day asked about as its dates and fixed zip entry times, so the same
    input and `--today` give the same bytes."""
    stamp = day.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(io.BytesIO(xlsx)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["docProps/core.xml"] = _DATES.sub(lambda m: m.group(1) + stamp + m.group(2), parts["docProps/core.xml"])
    return write_zip(parts)
