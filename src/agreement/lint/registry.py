"""The explicit list of lint rules, and their metadata for `agreement explain` and formatters.

Rules are listed here by hand, not discovered by importing whatever lies in a
folder: adding a rule is a reviewed change to this file, and a rule cannot appear or
vanish because a file was renamed. Codes are stable and never reused; a retired
rule keeps its code out of circulation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType

from ..codes import Code
from ..diagnostics import Severity, did_you_mean
from .rules import (
    adopted_without_decision,
    adopted_without_period,
    adopted_without_registration,
    duplicate_id,
    empty_area,
    ended_period,
    expired_suppression,
    goal_without_indicator,
    image_without_alt,
    incomplete_indicator,
    invalid_suppression,
    missing_agreement_file,
    missing_follow_up,
    missing_goal,
    missing_owner,
    overdue_follow_up,
    promise_wording,
    skipped_heading_level,
    suppression_without_reason,
    todo_marker,
    uncovered_focus_area,
    unknown_focus_area,
    unsigned_party,
    unused_suppression,
    vague_goal,
    vague_link_text,
)

DOCUMENT_RULES: tuple[ModuleType, ...] = (
    missing_goal,
    missing_owner,
    missing_follow_up,
    overdue_follow_up,
    ended_period,
    adopted_without_decision,
    adopted_without_registration,
    adopted_without_period,
    unsigned_party,
    duplicate_id,
    empty_area,
    todo_marker,
    goal_without_indicator,
    incomplete_indicator,
    vague_goal,
    promise_wording,
    image_without_alt,
    vague_link_text,
    skipped_heading_level,
)
"""Rules that look at one document at a time (run in the worker processes)."""

PROJECT_RULES: tuple[ModuleType, ...] = (
    missing_agreement_file,
    unknown_focus_area,
    uncovered_focus_area,
)
"""Rules that look across documents (run in the parent process, on summaries)."""

SUPPRESSION_RULES: tuple[ModuleType, ...] = (
    suppression_without_reason,
    expired_suppression,
    unused_suppression,
    invalid_suppression,
)
"""Findings about suppression comments, reported by the engine itself."""

RULES: dict[str, ModuleType] = {rule.CODE: rule for rule in DOCUMENT_RULES + PROJECT_RULES + SUPPRESSION_RULES}
"""Every rule by code, in code order."""
RULES = dict(sorted(RULES.items()))
BY_NAME: dict[str, ModuleType] = {rule.NAME: rule for rule in RULES.values()}

SECTIONS = ("What it does", "Why", "Example", "Use instead", "Options")
"""The sections every rule's documentation has, in this order."""


class UnknownRule(LookupError):
    """A code or rule name that no rule has; the message suggests the closest one."""


def get(code_or_name: str) -> ModuleType:
    """The rule with this code (`L101`, any case) or name (`missing-goal`)."""
    wanted = code_or_name.strip()
    rule = RULES.get(wanted.upper()) or BY_NAME.get(wanted.lower())
    if rule is None:
        raise UnknownRule(unknown_message(wanted))
    return rule


def unknown_message(wanted: str) -> str:
    """`unknown rule 'L1O1'; did you mean 'L101'?` (or the list to look at)."""
    suggestion = did_you_mean(wanted, [*RULES, *BY_NAME]) or "`agreement explain --list` lists the rules"
    return f"unknown rule {wanted!r}; {suggestion}"


def select(patterns: list[str] | tuple[str, ...]) -> set[str]:
    """The codes named by codes, rule names or code prefixes (`L1` is every L1xx rule; `ALL`)."""
    codes: set[str] = set()
    for pattern in patterns:
        wanted = pattern.strip()
        if wanted.upper() == "ALL":
            codes.update(RULES)
        elif wanted.lower() in BY_NAME:
            codes.add(BY_NAME[wanted.lower()].CODE)
        elif re.fullmatch(r"[Ll]\d{0,3}", wanted) and any(code.startswith(wanted.upper()) for code in RULES):
            codes.update(code for code in RULES if code.startswith(wanted.upper()))
        else:
            raise UnknownRule(unknown_message(wanted))
    return codes


@dataclass(frozen=True)
class RuleInfo:
    """What formatters and `explain` need to know about a rule or a validation code."""

    code: str
    name: str
    summary: str
    doc: str
    severity: Severity

    def section(self, title: str) -> str:
        """The text of one `## title` section of the documentation (empty when absent)."""
        return doc_sections(self.doc).get(title, "")


def doc_sections(doc: str) -> dict[str, str]:
    """A rule's documentation split at its `## ` headings."""
    sections: dict[str, str] = {}
    current: str | None = None
    lines: list[str] = []
    for line in doc.splitlines():
        if line.startswith("## "):
            if current is not None:
                sections[current] = "\n".join(lines).strip()
            current, lines = line[3:].strip(), []
        else:
            lines.append(line)
    if current is not None:
        sections[current] = "\n".join(lines).strip()
    return sections


def info(rule: ModuleType) -> RuleInfo:
    """A rule module's metadata: its docstring's first line is the summary, the rest the doc."""
    summary, _, doc = (rule.__doc__ or "").strip().partition("\n")
    return RuleInfo(rule.CODE, rule.NAME, summary.strip(), doc.strip(), rule.SEVERITY)


@lru_cache(maxsize=1)
def all_info() -> tuple[RuleInfo, ...]:
    """Every lint rule's metadata, in code order."""
    return tuple(info(rule) for rule in RULES.values())


def documented_rules() -> list[Code]:
    """Every lint rule as an `agreement explain` entry."""
    return [Code(entry.code, entry.name, entry.summary, entry.doc) for entry in all_info()]

