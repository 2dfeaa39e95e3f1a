"""The appendix `build --changes-since REV` adds: what changed since the document's version in REV.

The changes are those `agreement diff` finds (`diffing.compare`), put in the document's
language: each change one entry with its kind ("Tillagd", "Ändrad", …), where it is
(the items on the way, by their terms and names), the field and the old and new values,
or the words of an edited text. The terms are the model's Swedish ones ("åtgärder",
"ansvarig") in a Swedish document and its keys in words ("actions", "owner") in any other. The partial `partials/changes.md.j2`
prints it, escaped like every other text from the YAML. The appendix is there only
when asked for: a document otherwise prints what its YAML says and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..diffing import Change, Diff, Step
from ..diffing.words import Words
from .viewmodel import DocumentView, PartView
from .wording import Wording

KEY = "changes"
"""The appendix's part key: its heading label (`heading.changes`) and partial (`partials/changes.md.j2`)."""


@dataclass(frozen=True)
class ChangeEntry:
    """One change as the appendix prints it."""

    kind: str
    where: str
    field: str | None
    old: str | None
    new: str | None
    words: tuple[Words, ...]
    """An edited text's runs of words: kept, removed (struck through) or added (in bold)."""
    moved: bool


@dataclass(frozen=True)
class ChangesView:
    """The appendix: against which version, and the changes (none: the document is new since then)."""

    revision: str
    entries: tuple[ChangeEntry, ...]
    new_document: bool


def changes_part(wording: Wording, revision: str, diff: Diff | None) -> PartView:
    """The appendix as the last part of `view`; `diff` None when the document did not exist in `revision`."""
    entries = tuple(_entry(change, wording) for change in diff.changes) if diff is not None else ()
    heading = wording.label("heading", KEY)
    return PartView(KEY, heading, Markup("changes-since-previous-version"), 1, ChangesView(revision, entries, diff is None))


def with_changes(view: DocumentView, wording: Wording, revision: str, diff: Diff | None) -> DocumentView:
    """`view` with the appendix after its last part."""
    from dataclasses import replace

    return replace(view, parts=(*view.parts, changes_part(wording, revision, diff)))


def _entry(change: Change, wording: Wording) -> ChangeEntry:
    swedish = wording.locale.startswith("sv")
    where = " › ".join(_step(step, swedish) for step in change.where) or wording.label("changes", "document")
    field = None
    if change.field is not None:
        field = _term(change.field.label, change.field.key, swedish)
    return ChangeEntry(
        kind=wording.label("changes", change.kind), where=where, field=field, old=change.old, new=change.new,
        words=change.words,
        moved=change.kind == "moved" and change.field is None)


def _term(swedish_term: str, key: str, swedish: bool) -> str:
    """What the appendix calls a field or a list: its Swedish term in a Swedish document (when the
    model gives one), else its key in words ("focus_areas.actions" -> "focus areas › actions")."""
    if swedish and swedish_term:
        return swedish_term
    return " › ".join(part.replace("_", " ") for part in key.split("."))


def _step(step: Step, swedish: bool) -> str:
    name = step.name or step.id
    label = _term(step.label, step.key, swedish)
    opening = "”" if swedish else "“"
    return f"{label} {opening}{name}”" if name else label
