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

from agreement.model import Action
from agreement.discovery import discover
from agreement.validation import check_file

from .clients import ROOT

SOURCE_FOLDERS = [ROOT / "examples", Path(__file__).parent / "documents"]
SOURCES = discover(SOURCE_FOLDERS)


@dataclass(frozen=True)
class Expected:
    """What a source document says its built files must show."""

    source: Path
    id: str
    title: str
    language: str
    parties: tuple[str, ...]
    registration: tuple[str, ...]
    has_actions: bool
    tabled_actions: bool
    markup_as_text: tuple[str, ...]


def _markup_in_text(source: Path) -> tuple[str, ...]:
    """Markup-looking text written in the YAML that every format must show as text.

    The test document under documents/ has some (`<script>…</script>`, `<b>och</b>`);
    the examples have none.
    """
    return tuple(re.findall(r"<script>[^`\n]*</script>|<b>\w+</b>", source.read_text(encoding="utf-8")))


def _states_its_own_columns(action: Action) -> bool:
    """Whether an action states its own goal, owner or follow-up: then it gets a table row.

    Actions that inherit all three (from their area and party group) are listed by
    title alone, and a one-column table would say no more than a list.
    """
    return bool(action.goal or action.owner or action.follow_up)


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
        has_actions=any(area.all_actions() for area in document.areas),
        tabled_actions=any(_states_its_own_columns(action) for area in document.areas
                           for action, _ in area.all_actions()),
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
