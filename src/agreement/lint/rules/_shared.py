"""Walks and phrasings several rules share (not a rule itself)."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Callable, Iterator

from ...diagnostics import YamlPath
from ...model import Document, Goal, Indicator
from ...model.resolve import CommitmentContext
from ..rule import Context, Finding

FINISHED = frozenset({"done", "cancelled"})
"""Commitment statuses that need no further follow-up."""


def in_force(document: Document, today: dt.date) -> bool:
    """Whether the document's commitments are being carried out and followed up: adopted,
    or of no stated status while its period lasts."""
    if document.status is None:
        end = document.valid_until or (document.period.end if document.period else None)
        return end is None or today <= end
    return document.status == "adopted"


def describe(context: CommitmentContext) -> str:
    """How messages name an action or a promise: by id, else by the start of its text."""
    item = context.item
    what = "citizen promise" if context.is_promise else "action"
    if item.id:
        return f"{what} {item.id!r}"
    text: str = getattr(item, "title", None) or getattr(item, "text", None) or ""
    return f"{what} {shorten(text)!r}"


def shorten(text: str, width: int = 50) -> str:
    """The start of a text for a message, on one line."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def missing_after_inheritance(
    context: Context,
    *,
    what: str,
    on_item: bool,
    own: Callable[[CommitmentContext], bool],
    inherited: Callable[[CommitmentContext], bool],
    hint: str,
    inherited_hint: str,
    own_what: str | None = None,
) -> Iterator[Finding]:
    """The accountability check shared by missing goal, owner and follow-up: each
    commitment must have `what` after inheritance, or on itself when `on_item`
    ("has no follow-up date of its own": `own_what`, which defaults to `what`)."""
    for commitment in context.commitments:
        if own(commitment):
            continue
        if not inherited(commitment):
            yield Finding(commitment.path, f"{describe(commitment)} has no {what}", hint)
        elif on_item:
            yield Finding(commitment.path, f"{describe(commitment)} has no {own_what or what} of its own",
                          inherited_hint)


def goals(document: Document) -> Iterator[tuple[Goal, YamlPath, list[Indicator]]]:
    """Every declared goal with its path and the indicators of the level it is written at."""
    for g, goal in enumerate(document.goals):
        yield goal, ("goals", g), list(document.indicators)
    for area, path in document.area_places():
        for g, goal in enumerate(area.goals):
            yield goal, path + ("goals", g), list(area.indicators)


def indicators(context: Context) -> Iterator[tuple[Indicator, YamlPath]]:
    """Every indicator of the document: its own, its goals', its areas', its groups of actions' and
    its actions'."""
    document = context.document
    for i, indicator in enumerate(document.indicators):
        yield indicator, ("indicators", i)
    for area, path in document.area_places():
        for i, indicator in enumerate(area.indicators):
            yield indicator, path + ("indicators", i)
        for key, g, group in area.groups():
            for i, indicator in enumerate(group.indicators):
                yield indicator, path + (key, g, "indicators", i)
    for goal, path, _ in goals(document):
        for i, indicator in enumerate(goal.indicators):
            yield indicator, path + ("indicators", i)
    for commitment in context.commitments:
        for i, indicator in enumerate(getattr(commitment.item, "indicators", [])):
            yield indicator, commitment.path + ("indicators", i)


@lru_cache(maxsize=32)
def phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    """A case-insensitive pattern matching any of `phrases` as whole words, any spacing between words."""
    alternatives = [r"\s+".join(re.escape(word) for word in phrase.split()) for phrase in phrases if phrase.split()]
    if not alternatives:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)
