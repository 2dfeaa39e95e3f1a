"""The contract every lint rule module follows, and the values rules produce.

A rule module has:

- `CODE` (`L101`), stable and never reused; `NAME` (`missing-goal`), kebab-case;
- `SEVERITY`, the default `agreement.diagnostics.Severity`;
- `Options`, a subclass of `RuleOptions` (unknown options are errors);
- `STRICT` (optional), the options the `strict` preset sets;
- a module docstring that is its documentation: a one-line summary, then the
  sections `## What it does`, `## Why`, `## Example`, `## Use instead`, `## Options`;
- and one of: `check(context, options)` yielding `Finding`s for one document, or
  `check_project(project, options)` yielding `ProjectFinding`s across documents.
  (The suppression rules, L9xx, have neither: the engine reports them.)

Rules only say *what* is wrong and *where in the data*; the engine stamps the code,
severity and rule name and turns data paths into positions, so rules stay small
and cannot get the bookkeeping wrong.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Iterator

from pydantic import BaseModel, ConfigDict

from ..diagnostics import Diagnostic, Span, YamlPath
from ..loading import Loaded
from ..model import Document
from ..model.resolve import CommitmentContext, Resolved, commitments, follow_up_dates


class RuleOptions(BaseModel):
    """Base of every rule's options: a misspelt option is an error, not silently ignored, and
    values are taken as written (strict): `true` is not a number of days, nor `1` a yes.
    Numbers carry bounds (`Field(ge=…, le=…)`), which configuration errors name."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


@dataclass(frozen=True, slots=True)
class Finding:
    """Something a rule found in one document.

    `path` is the data path of the offending value (`("focus_areas", 0, "actions", 2)`);
    `on_key` points at its key rather than its value; `text` is a piece of the value
    to point at precisely (the image in a long description), found in the source
    lines of the value when it is written on one line.
    """

    path: YamlPath
    message: str
    hint: str | None = None
    on_key: bool = False
    text: str | None = None


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a finding is shown, and the lines a suppression for it may be written on:
    its own line and the key line of every mapping that contains it."""

    span: Span | None
    lines: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True)
class Located:
    """A diagnostic with the lines a suppression of it may be written on."""

    diagnostic: Diagnostic
    lines: frozenset[int]


@dataclass(frozen=True, slots=True)
class ProjectFinding:
    """Something a cross-file rule found, already placed in a file."""

    file: str
    anchor: Anchor
    message: str
    hint: str | None = None


@dataclass(frozen=True)
class Context:
    """What a document rule sees: the validated document, the parsed file and the date
    that decides what is past. Walks several rules need are computed once, here."""

    document: Document
    loaded: Loaded
    today: dt.date

    @cached_property
    def commitments(self) -> list[CommitmentContext]:
        """Every action and citizen promise, with its area and party group."""
        return list(commitments(self.document))

    @cached_property
    def _follow_up_dates(self) -> dict[YamlPath, Resolved[list[dt.date]] | None]:
        return {}

    def follow_up_dates(self, commitment: CommitmentContext) -> Resolved[list[dt.date]] | None:
        """The commitment's follow-up dates after inheritance (computed once per commitment)."""
        cache = self._follow_up_dates
        if commitment.path not in cache:
            cache[commitment.path] = follow_up_dates(self.document, commitment)
        return cache[commitment.path]

    @cached_property
    def strings(self) -> list[tuple[YamlPath, str]]:
        """Every text value of the file with its data path (keys excluded)."""
        return list(_strings(self.loaded.data))



def _strings(data: Any) -> Iterator[tuple[YamlPath, str]]:
    """Every string value in plain YAML data, without recursion (depth is bounded anyway)."""
    stack: list[tuple[YamlPath, Any]] = [((), data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            yield path, value
        elif isinstance(value, dict):
            stack.extend((path + (key,), child) for key, child in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend((path + (index,), child) for index, child in reversed(list(enumerate(value))))
