"""What cross-file rules see: a small summary of every linted document.

Workers lint files in parallel and return one `Summary` each (a few ids and
positions, not the model), so the cross-file rules can run in the parent process
after per-file linting without any file being parsed twice.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Iterator

from ..loading import Loaded
from ..model import ActionPlan, Document
from .placing import anchor_at
from .rule import Anchor


@dataclass(frozen=True)
class Summary:
    """The parts of one document that other documents refer to or depend on."""

    file: str
    kind: str
    focus_areas: tuple[tuple[str, Anchor], ...] = ()
    """An agreement's focus area ids, each with where it is written."""
    implements: tuple[str, Anchor] | None = None
    """An action plan's `implements:` value, with where it is written."""
    served: tuple[tuple[str, Anchor], ...] = ()
    """The focus areas an action plan's areas name (`focus_area:`), with where."""

    @property
    def real_path(self) -> str:
        return os.path.realpath(self.file)

    def implemented_path(self) -> str | None:
        """The agreement file this plan names, as a real path; None when it names none."""
        if self.implements is None:
            return None
        return os.path.realpath(os.path.join(os.path.dirname(self.file), self.implements[0]))


def summarise(document: Document, loaded: Loaded) -> Summary:
    """The summary of a validated document."""
    if not isinstance(document, ActionPlan):
        areas = tuple((area.id, anchor_at(loaded, path + ("id",))) for area, path in document.area_places())
        return Summary(loaded.file, document.kind, focus_areas=areas)  # type: ignore[attr-defined]
    implements = None
    if document.implements:
        implements = (document.implements, anchor_at(loaded, ("implements",)))
    served = tuple((area.focus_area, anchor_at(loaded, ("areas", a, "focus_area")))
                   for a, area in enumerate(document.areas) if area.focus_area)
    return Summary(loaded.file, "action-plan", implements=implements, served=served)


def summarise_file(path: str) -> Summary | None:
    """The summary of a file that was not linted in this run; None when it is not a valid document."""
    from ..validation import check_file

    checked = check_file(path)
    if checked.document is None or checked.loaded is None or checked.diagnostics:
        return None
    return summarise(checked.document, checked.loaded)


@dataclass
class Project:
    """Every linted document's summary, and the agreements plans name (read when not linted)."""

    summaries: list[Summary]
    _read: dict[str, Summary | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._linted = {summary.real_path: summary for summary in self.summaries}

    def plans(self) -> Iterator[Summary]:
        return (summary for summary in self.summaries if summary.kind == "action-plan")

    def agreements(self) -> Iterator[Summary]:
        return (summary for summary in self.summaries if summary.kind == "agreement")

    def document_at(self, real_path: str) -> Summary | None:
        """The summary of the document at `real_path`: linted in this run, or read now."""
        if real_path in self._linted:
            return self._linted[real_path]
        if real_path not in self._read:
            self._read[real_path] = summarise_file(real_path) if os.path.isfile(real_path) else None
        return self._read[real_path]
