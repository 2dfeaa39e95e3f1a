"""Helpers for model tests: inline YAML documents through the real loader and validator."""

from __future__ import annotations

import textwrap

from agreement.diagnostics import Diagnostic
from agreement.loading import LoadError, load_bytes
from agreement.model import Document
from agreement.validation import Checked, check_loaded

PARTIES = """\
parties:
  - id: eslov
    name: Eslövs kommun
    type: municipality
    units:
      - {id: gtp, name: "Gata, trafik, park inom Miljö och samhällsbyggnad"}
      - {id: tillvaxt, name: Tillväxtavdelningen på kommunledningskontoret}
  - {id: polisen, name: Lokalpolisområde Eslöv, type: police}
"""


def header(kind: str = "agreement", period: str = "{start: 2015-01-01, end: 2018-12-31}",
           parties: str = PARTIES) -> str:
    """The keys every document needs, so a test writes only what it is about."""
    return (f"kind: {kind}\nschema: 1\nid: eslov-2015-2018\n"
            f"title: Samverkansavtal mellan polisen och Eslövs kommun 2015–2018\n"
            f"period: {period}\n{parties}")


def agreement(body: str = "", **header_parts: str) -> str:
    """A complete agreement: the header followed by `body` (dedented)."""
    return header("agreement", **header_parts) + textwrap.dedent(body)


def action_plan(body: str = "", **header_parts: str) -> str:
    """A complete action plan: the header followed by `body` (dedented)."""
    return header("action-plan", **header_parts) + textwrap.dedent(body)


AREA = """
focus_areas:
  - id: offentlig-miljo
    title: Trygghet i offentlig miljö
    actions:
"""


def with_action(lines: str, **header_parts: str) -> str:
    """An agreement with the actions written as `lines` (indented under `actions:`) in one focus area."""
    return agreement(AREA + "".join(f"      {line}\n" for line in lines.strip("\n").split("\n")), **header_parts)


def check(text: str, file: str = "doc.yaml") -> Checked:
    """Load and validate `text` as the CLI would, without writing a file."""
    try:
        loaded = load_bytes(text.encode("utf-8"), file)
    except LoadError as error:
        return Checked(file, [error.diagnostic])
    return check_loaded(loaded)


def valid(text: str) -> Document:
    """The validated document; fails the test with the diagnostics when there are any."""
    checked = check(text)
    assert checked.diagnostics == [], [f"{d.location}: {d.code} {d.message}" for d in checked.diagnostics]
    assert checked.document is not None
    return checked.document


def only(text: str) -> Diagnostic:
    """The one diagnostic `text` gets; fails the test when there are none or several."""
    diagnostics = check(text).diagnostics
    assert len(diagnostics) == 1, [f"{d.location}: {d.code} {d.message}" for d in diagnostics]
    return diagnostics[0]


def where(diagnostic: Diagnostic) -> tuple[str, int, int]:
    """(code, line, column) of a diagnostic, what tests compare."""
    assert diagnostic.span is not None, diagnostic
    return diagnostic.code, diagnostic.span.line, diagnostic.span.column


def position_of(text: str, snippet: str, occurrence: int = 1) -> tuple[int, int]:
    """1-based (line, column) where `snippet` is written in `text` (its n-th occurrence)."""
    index = -1
    for _ in range(occurrence):
        index = text.index(snippet, index + 1)
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def at(code: str, text: str, snippet: str, occurrence: int = 1) -> tuple[str, int, int]:
    """The (code, line, column) a diagnostic should have when it points at `snippet`."""
    return (code, *position_of(text, snippet, occurrence))


def expect_only(text: str, code: str, snippet: str, message: str, hint: str | None) -> None:
    """Assert that `text` gets one diagnostic: `code` at where `snippet` is written, saying `message` and `hint`."""
    diagnostic = only(text)
    found = (where(diagnostic), diagnostic.message, diagnostic.hint)
    assert found == (at(code, text, snippet), message, hint), found
