"""What is wrong with a date that does not validate, in words a person can act on.

Documents write dates as ISO dates (`2015-11-26`). When a value is refused as a
date, `explain` looks at the text once more:

- written as YYYY-MM-DD but impossible: it names the part that is wrong ("month 13
  is not a month (1–12)", "day 31 does not exist in April 2018", "2018 is not a
  leap year");
- a date written another way (`26/11 2015`, `26.11.2015`, `26 november 2015`,
  `2015-11-26T10:00`, `20151126`): the generic message, with the same date written
  the ISO way as the hint ("write 2015-11-26");
- anything else: nothing, and validation keeps its generic message.

Day-first numeric forms are read the Swedish way (26/11 is the 26th of November).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")
"""English month names for messages (not calendar.month_name, which follows the locale)."""

_MONTHS_WRITTEN = {name: number for number, names in enumerate((
    ("januari", "jan", "january"), ("februari", "feb", "february"), ("mars", "mar", "march"),
    ("april", "apr"), ("maj", "may"), ("juni", "jun", "june"), ("juli", "jul", "july"),
    ("augusti", "aug", "august"), ("september", "sep", "sept"), ("oktober", "okt", "october", "oct"),
    ("november", "nov"), ("december", "dec"),
), start=1) for name in names}
"""Month names and abbreviations as Swedish (and English) text writes them."""

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?P<time>[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?")
_DAY_FIRST = re.compile(r"(\d{1,2})[./ -](\d{1,2})[./ -]\s*(\d{4})")
_YEAR_FIRST = re.compile(r"(\d{4})[./](\d{1,2})[./](\d{1,2})")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_DAY_MONTH_YEAR = re.compile(r"(?:den\s+)?(\d{1,2})(?::[ae]|st|nd|rd|th)?\.?\s+([^\W\d_]+)\.?,?\s+(\d{4})", re.I)
_MONTH_DAY_YEAR = re.compile(r"([^\W\d_]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})", re.I)


@dataclass(frozen=True)
class DateProblem:
    """What to say about a text that was meant as a date."""

    message: str
    hint: str


def generic(found: str, hint: str = "for example 2015-11-26") -> DateProblem:
    """The message for a value that is not a date written YYYY-MM-DD; `found` describes the value."""
    return DateProblem(f"expected a date written YYYY-MM-DD, found {found}", hint)


def explain(text: str, found: str) -> DateProblem | None:
    """What is wrong with `text` as a date, or None when it does not look like a date at all."""
    text = text.strip()
    iso = _ISO.fullmatch(text)
    if iso:
        year, month, day = map(int, iso.groups()[:3])
        written = f"write {_iso(year, month, day)}"
        wrong = _impossible(text[:iso.start("time")] if iso["time"] else text, year, month, day)
        if wrong is None and iso["time"]:
            return DateProblem(f"expected a date without a time of day, found {found}", written)
        return wrong or generic(found, written)
    written = _written_otherwise(text)
    if written is not None and _valid(*written):
        return generic(found, f"write {_iso(*written)}")
    return None


def _impossible(text: str, year: int, month: int, day: int) -> DateProblem | None:
    """Which part of an ISO-shaped date does not exist, or None when the date exists."""
    if year < 1:
        return DateProblem(f"{text}: year {year} is not a year", "write the year with four digits, such as 2015")
    if not 1 <= month <= 12:
        hint = "months run from 01 to 12: YYYY-MM-DD"
        if 1 <= day <= 12 and _valid(year, day, month):
            hint = f"the month comes before the day: did you mean {_iso(year, day, month)}?"
        return DateProblem(f"{text}: month {month} is not a month (1–12)", hint)
    days = calendar.monthrange(year, month)[1]
    if 1 <= day <= days:
        return None
    name = MONTH_NAMES[month - 1]
    hint = f"{name} {year} has {days} days"
    if month == 2 and day == 29:
        return DateProblem(f"{text}: {year} is not a leap year", hint)
    return DateProblem(f"{text}: day {day} does not exist in {name} {year}", hint)


def _written_otherwise(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) of a date written in another common way, or None."""
    for pattern, order in ((_DAY_FIRST, (2, 1, 0)), (_YEAR_FIRST, (0, 1, 2)), (_COMPACT, (0, 1, 2))):
        match = pattern.fullmatch(text)
        if match:
            parts = [int(part) for part in match.groups()]
            return parts[order[0]], parts[order[1]], parts[order[2]]
    for pattern, day_at, month_at in ((_DAY_MONTH_YEAR, 0, 1), (_MONTH_DAY_YEAR, 1, 0)):
        match = pattern.fullmatch(text)
        month = _MONTHS_WRITTEN.get(match.group(month_at + 1).casefold()) if match else None
        if match and month:
            return int(match.group(3)), month, int(match.group(day_at + 1))
    return None


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _iso(year: int, month: int, day: int) -> str:
    return f"{year:04d}-{month:02d}-{day:02d}"
