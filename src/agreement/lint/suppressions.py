"""Suppression comments in the YAML: `# agreement: ignore[L102] reason="…" until=2016-12-31`.

The loader drops comments, so suppressions are found by scanning the text for
"agreement:" (cheap: most files have none). A suppression applies to a finding on
its own line, or to every finding inside the mapping whose key line (or list item
line) it is written on. Suppressions without a reason, past their date, naming
unknown rules or suppressing nothing are findings themselves (L901–L904); those
cannot be suppressed in the YAML.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..codes import CODES as VALIDATION_CODES
from ..diagnostics import Span
from .registry import SUPPRESSION_RULES, UnknownRule, get
from .rule import Anchor, Located
from .rules import expired_suppression, invalid_suppression, suppression_without_reason, unused_suppression

MARKER = "agreement:"
_COMMENT = re.compile(r"(?:^|[ \t])#[ \t]*agreement:(?P<body>.*)$")
_IGNORE = re.compile(r"[ \t]*ignore\[(?P<codes>[^\]]*)\](?P<rest>.*)$")
_REASON = re.compile(r"""reason[ \t]*=[ \t]*(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)')""")
_UNTIL = re.compile(r"until[ \t]*=[ \t]*(?P<date>\S+)")
_UNSUPPRESSIBLE = frozenset(rule.CODE for rule in SUPPRESSION_RULES)

REASONLESS, EXPIRED, UNUSED, INVALID = (suppression_without_reason.CODE, expired_suppression.CODE,
                                        unused_suppression.CODE, invalid_suppression.CODE)
"""By module, not by position in the registry's list: reordering that list must not swap codes."""
FORM = '# agreement: ignore[CODE, …] reason="…" until=YYYY-MM-DD'


@dataclass(frozen=True)
class Suppression:
    """One suppression comment, as written and as understood."""

    span: Span
    codes: tuple[str, ...]
    reason: str | None = None
    until: dt.date | None = None
    problems: tuple[str, ...] = field(default=())
    """Why (part of) the comment cannot be used: unknown rules, a bad date, bad syntax."""

    @property
    def line(self) -> int:
        return self.span.line


@dataclass(frozen=True)
class Note:
    """A finding about a suppression (L9xx), before the engine stamps its severity."""

    code: str
    anchor: Anchor
    message: str
    hint: str | None = None


def scan(text: str) -> list[Suppression]:
    """Every suppression comment of a file's text."""
    found = []
    start = text.find(MARKER)
    while start >= 0:
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", start)
        line_end = len(text) if line_end < 0 else line_end
        match = _COMMENT.search(text, line_start, line_end)
        if match is not None:
            number = text.count("\n", 0, line_start) + 1
            column = match.start() + (match.group(0)[0] != "#") - line_start + 1
            span = Span(number, column, number, line_end - line_start + 1)
            found.append(parse(match.group("body"), span))
        start = text.find(MARKER, line_end)
    return found


def parse(body: str, span: Span) -> Suppression:
    """A comment's text after `agreement:`, understood (problems are kept, not raised)."""
    ignore = _IGNORE.match(body)
    if ignore is None:
        return Suppression(span, (), problems=(f"cannot read this suppression; write {FORM}",))
    problems: list[str] = []
    codes = _codes(ignore.group("codes"), problems)
    rest = ignore.group("rest")
    reason_match = _REASON.search(rest)
    reason = None
    if reason_match:
        reason = (reason_match.group("double") if reason_match.group("double") is not None
                  else reason_match.group("single")).strip() or None
        rest = rest[:reason_match.start()] + rest[reason_match.end():]
    until = None
    until_match = _UNTIL.search(rest)
    if until_match:
        try:
            until = dt.date.fromisoformat(until_match.group("date"))
        except ValueError:
            problems.append(f"until={until_match.group('date')} is not a date written YYYY-MM-DD")
        rest = rest[:until_match.start()] + rest[until_match.end():]
    if rest.strip():
        problems.append(f"cannot read {rest.strip()!r}; write {FORM}")
    return Suppression(span, codes, reason, until, tuple(problems))


def _codes(written: str, problems: list[str]) -> tuple[str, ...]:
    codes = []
    for token in (part.strip() for part in written.split(",")):
        if not token:
            continue
        if token.upper() in VALIDATION_CODES:
            problems.append(f"{token.upper()} is a validation error and cannot be suppressed; correct the document")
            continue
        try:
            code = get(token).CODE
        except UnknownRule as error:
            problems.append(str(error))
            continue
        if code in _UNSUPPRESSIBLE:
            problems.append(f"{code} reports suppressions and cannot itself be suppressed")
        else:
            codes.append(code)
    if not codes and not problems:
        problems.append("names no rule to ignore")
    return tuple(dict.fromkeys(codes))


def apply(findings: list[Located], suppressions: list[Suppression], today: dt.date,
          enabled: frozenset[str] | set[str]) -> tuple[list[Located], list[Note]]:
    """The findings no suppression covers, and the notes about the suppressions themselves.

    `enabled` are the codes selected for the file: a suppression of a code that is not
    selected cannot be judged unused.
    """
    if not suppressions:
        return findings, []
    live = [s for s in suppressions if s.codes and not (s.until and s.until < today)]
    by_line: dict[int, list[Suppression]] = {}
    for suppression in live:
        by_line.setdefault(suppression.line, []).append(suppression)
    used: set[tuple[int, str]] = set()
    kept = []
    for located in findings:
        code = located.diagnostic.code
        covering = [s for line in located.lines for s in by_line.get(line, ()) if code in s.codes]
        if covering:
            used.update((id(s), code) for s in covering)
        else:
            kept.append(located)
    return kept, _notes(suppressions, live, used, today, enabled)


def _notes(suppressions: list[Suppression], live: list[Suppression], used: set[tuple[int, str]],
           today: dt.date, enabled: frozenset[str] | set[str]) -> list[Note]:
    notes: list[Note] = []
    live_ids = {id(s) for s in live}
    for suppression in suppressions:
        anchor = Anchor(suppression.span, frozenset({suppression.line}))
        notes.extend(Note(INVALID, anchor, problem) for problem in suppression.problems)
        if not suppression.codes:
            continue
        if suppression.reason is None:
            notes.append(Note(REASONLESS, anchor, "suppression gives no reason",
                              'add reason="…" saying why the finding is accepted'))
        if suppression.until and suppression.until < today:
            notes.append(Note(EXPIRED, anchor, f"suppression expired on {suppression.until.isoformat()}; "
                              "the findings it covered are reported again",
                              "fix the findings, or extend `until=` with a reason that still holds"))
        if id(suppression) in live_ids:
            for code in suppression.codes:
                if code in enabled and (id(suppression), code) not in used:
                    notes.append(Note(UNUSED, anchor, f"suppression of {code} ({get(code).NAME}) suppresses nothing",
                                      "remove it; a suppression applies on the finding's line or the key line "
                                      "of a mapping that contains it"))
    return notes
