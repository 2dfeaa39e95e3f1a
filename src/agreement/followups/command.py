"""What `agreement followups` does between parsing its arguments and printing: the library side of
the command, so that the CLI stays thin and this stays testable without a terminal."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from ..discovery import UsageError
from .formats import FORMATS, Style, render
from .listing import Listing, list_occasions
from .occasions import State, Window

FAIL_ON = ("overdue", "due")
"""`--fail-on overdue`: exit 1 when anything is overdue; `due`: also when anything is due."""


class FollowupsUsageError(Exception):
    """A mistake in how `agreement followups` was called: exit status 2."""


@dataclass(frozen=True)
class Outcome:
    """The rendered listing, a one-line summary and the exit status."""

    data: bytes
    summary: str
    exit_code: int
    listing: Listing


def parse_date(text: str | None, option: str) -> dt.date | None:
    """An ISO date given on the command line, or None when the option was not given."""
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise FollowupsUsageError(f"{option} {text!r} is not a date written YYYY-MM-DD") from None


def make_window(*, today: str | None = None, within: int = 30, start: str | None = None, end: str | None = None,
                owner: str | None = None, overdue_only: bool = False, drafts: bool = False) -> Window:
    """The window of the command-line options; `today` defaults to the real date."""
    if within < 0:
        raise FollowupsUsageError(f"--within {within}: give a number of days, 0 or more")
    first, last = parse_date(start, "--from"), parse_date(end, "--to")
    if first and last and last < first:
        raise FollowupsUsageError(f"--to {last.isoformat()} is before --from {first.isoformat()}")
    return Window(parse_date(today, "--today") or dt.date.today(), within, first, last, owner or None,
                  overdue_only, drafts)


def run(paths: Sequence[str | Path], window: Window, *, output_format: str = "text", fail_on: str | None = None,
        jobs: int | None = None, style: Style = Style()) -> Outcome:
    """List the occasions under `paths` in `output_format`; raises FollowupsUsageError for usage errors."""
    if output_format not in FORMATS:
        raise FollowupsUsageError(f"unknown format {output_format!r}: use {', '.join(FORMATS)}")
    if fail_on is not None and fail_on not in FAIL_ON:
        raise FollowupsUsageError(f"--fail-on {fail_on!r}: use {' or '.join(FAIL_ON)}")
    try:
        listing = list_occasions(paths, window, jobs=jobs)
    except UsageError as error:
        raise FollowupsUsageError(str(error)) from None
    if not listing.documents:
        raise FollowupsUsageError("no documents found (YAML files with a `kind:` key)")
    return Outcome(render(output_format, listing, style), summary(listing), exit_code(listing, fail_on), listing)


def exit_code(listing: Listing, fail_on: str | None) -> int:
    """2 when a file could not be read, 1 when one is invalid or `fail_on` is met, else 0."""
    if listing.unreadable:
        return 2
    failing = {"overdue": (State.OVERDUE,), "due": (State.OVERDUE, State.DUE)}.get(fail_on or "", ())
    if listing.invalid or any(listing.count(state) for state in failing):
        return 1
    return 0


def summary(listing: Listing) -> str:
    counts = ", ".join(f"{listing.count(state)} {state.value}" for state in State)
    documents = len({occasion.file for occasion in listing.occasions})
    return (f"{len(listing.occasions)} follow-up occasion{'s' if len(listing.occasions) != 1 else ''} in "
            f"{documents} document{'s' if documents != 1 else ''} in force on {listing.window.today.isoformat()}"
            f": {counts}")
