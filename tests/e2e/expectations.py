"""What the built files of each source document must show, read from the source itself.

Shared by the e2e tests of every format; the fixtures that build and open the files
are in conftest.py.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from agreement.discovery import discover
from agreement.followups.logs import is_follow_up_file
from agreement.model import Document
from agreement.validation import check_file

from .clients import ROOT

SOURCE_FOLDERS = [ROOT / "examples", Path(__file__).parent / "documents"]
SOURCES = [path for path in discover(SOURCE_FOLDERS) if not is_follow_up_file(path)]  # documents only


@dataclass(frozen=True)
class Expected:
    """What a source document says its built files must show."""

    source: Path
    id: str
    title: str
    language: str
    parties: tuple[str, ...]
    registration: tuple[str, ...]
    tabled_actions: bool
    markup_as_text: tuple[str, ...]


def _markup_in_text(source: Path) -> tuple[str, ...]:
    """Markup-looking text written in the YAML that every format must show as text.

    The test document under documents/ has some (`<script>…</script>`, `<b>och</b>`);
    the examples have none.
    """
    return tuple(re.findall(r"<script>[^`\n]*</script>|<b>\w+</b>", source.read_text(encoding="utf-8")))


def _has_action_tables(document: Document) -> bool:
    """Whether any list of actions prints as a table: the layout the view model chooses (sections
    for actions with descriptions, a table for actions that state a goal, owner or follow-up of
    their own, a list of titles otherwise)."""
    from agreement.render.template_folders import TemplateSet
    from agreement.render.viewmodel import build_view
    from agreement.render.wording import Wording

    view = build_view(document, Wording(TemplateSet().labels(document.language)), document.language)
    lists = [action_list for part in view.parts if part.key in ("areas", "focus_areas")
             for area in part.content.areas + tuple(a for group in part.content.groups for a in group.areas)
             for action_list in area.actions]
    return any(action_list.layout == "table" for action_list in lists)


@functools.cache
def expected_from(source: Path) -> Expected:
    """Read the source with the project's own loader: the title, parties, numbers to expect."""
    checked = check_file(source)
    document = checked.document
    if document is None:
        pytest.fail(f"{source} does not validate: {[d.message for d in checked.diagnostics]}")
    return Expected(
        source=source,
        id=document.id,
        title=document.title,
        language=document.language,
        parties=tuple(party.name for party in document.parties),
        registration=tuple(document.registration.values()),
        tabled_actions=_has_action_tables(document),
        markup_as_text=_markup_in_text(source),
    )


# Markdown syntax that means a template or a conversion step let Markdown through as
# text: fenced divs, bold markers, links, heading attributes, ATX headings, table rules.
RAW_MARKDOWN = re.compile(
    r":::|\*\*\S|\]\((?:#|https?:)|\{#[\w-]+\}|^#{1,6} \S|^\|?\s*:?-{3,}:?\s*\|", re.MULTILINE
)


def raw_markdown(text: str) -> list[str]:
    """The lines of a built file's text that show Markdown syntax instead of its result."""
    return [line.strip() for line in text.splitlines() if RAW_MARKDOWN.search(line)]


def same_text(text: str) -> str:
    """Text with runs of whitespace made one space: line breaks differ between formats."""
    return " ".join(text.split())


def built_file(built_dir: Path, document: Expected, extension: str) -> Path:
    """The file `agreement build` wrote for a document in one format: `<out>/<id>.<format>`."""
    path = built_dir / f"{document.id}.{extension}"
    if not path.is_file():
        listing = ", ".join(sorted(child.name for child in built_dir.iterdir())) if built_dir.is_dir() else "nothing"
        pytest.fail(f"no {path.name} from {document.source} in {built_dir}; it holds: {listing}")
    return path
