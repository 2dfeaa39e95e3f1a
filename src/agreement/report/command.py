"""What `agreement report` does with its options before the build: the library side of the command."""

from __future__ import annotations

import datetime as dt

from ..validation import UsageError
from .collect import ReportRequest, ReportUsageError


def parse_day(text: str, option: str) -> dt.date:
    """An ISO date given on the command line; anything else is a usage error."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(f"{option} {text!r} is not a date written YYYY-MM-DD") from None


def report_request(as_of: str | None, since: str | None, today: dt.date | None = None) -> ReportRequest:
    """The report asked for: `--as-of` (default: today) and `--since` (default: decided per document)."""
    day = parse_day(as_of, "--as-of") if as_of is not None else (today or dt.date.today())
    start = parse_day(since, "--since") if since is not None else None
    try:
        return ReportRequest(day, start)
    except ReportUsageError as error:
        raise UsageError(str(error)) from None
