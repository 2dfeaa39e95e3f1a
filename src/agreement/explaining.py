"""`agreement explain`: one place that knows every documented code, validation and lint alike."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from .codes import CODES, Code

FORMATS = ("text", "json", "markdown")
"""What `explain` writes: text for people, JSON for programs, Markdown for the documentation page."""

PAGE_INTRO = """\
# Codes

Every code that `agreement validate` and `agreement lint` report, with what it means and how to
fix it: `Y1xx` reading the file (YAML), `S2xx` its shape (the schema), `R3xx` its consistency
(references and dates), `L` the lint rules. Codes are stable and never reused.
`agreement explain CODE` prints the same text.
"""
GENERATED = """<!-- Generated from the documentation in the code by `agreement explain --pages docs` (`make docs`);
     a test fails when this file is stale. Do not edit it by hand. -->"""


@dataclass(frozen=True)
class Family:
    """Codes that share their first two characters (`L1`: L101, L102, …), documented on one page."""

    prefix: str
    slug: str
    title: str
    about: str

    @property
    def page(self) -> str:
        """The family's page, relative to the documentation folder: `rules/l1-accountability.md`."""
        return f"rules/{self.slug}.md"


FAMILIES = (
    Family("Y1", "y1-reading", "Reading the file",
           "The file cannot be read as YAML at all: it is missing, too large, not UTF-8, binary, or not "
           "well-formed YAML. Nothing else is checked in such a file."),
    Family("S2", "s2-shape", "The document's shape",
           "Keys, types and values against the schema of the document's kind: what `agreement schema` "
           "writes as JSON Schema for editors."),
    Family("R3", "r3-consistency", "References and dates",
           "What the schema cannot see: owners and partners that name no party, goals and outline entries "
           "that do not exist, dates outside the period, follow-up files that do not match their document."),
    Family("L1", "l1-accountability", "Accountability",
           "Every action and citizen promise has a goal, an owner and a follow-up date, inherited or its own."),
    Family("L2", "l2-dates", "Dates", "Follow-up dates that have passed without a report."),
    Family("L3", "l3-status", "Status, decision and signatures",
           "An adopted document says who adopted it, when, under which registration number, for which "
           "period, and is signed by every party."),
    Family("L4", "l4-structure", "Structure", "Ids, empty areas and text left to fill in."),
    Family("L5", "l5-goals", "Goals and indicators",
           "Goals that can be followed up: with indicators, baselines and targets, in words that commit."),
    Family("L6", "l6-across-files", "Across files", "Action plans and the agreements they implement."),
    Family("L7", "l7-promises", "Citizen promises", "Promises phrased as promises."),
    Family("L8", "l8-accessibility", "Accessibility of the published text",
           "What the built web page and PDF need to be accessible: alternative text, link texts that say "
           "where they lead, headings in order."),
    Family("L9", "l9-suppressions", "Suppressions",
           "Comments that accept a finding: with a reason, not past their date, and still needed."),
)


def family_of(code: str) -> Family:
    """The family a code belongs to, by its first two characters."""
    return next(family for family in FAMILIES if code.upper().startswith(family.prefix))


def anchor(entry_code: str, name: str) -> str:
    """A code's heading as GitHub makes it an anchor: `l102-missing-owner`."""
    return f"{entry_code} {name}".lower().replace(" ", "-")


def _index_row(family: Family, entry: Code) -> str:
    summary = entry.summary.replace("|", "\\|")
    return f"| [{entry.code}]({family.page}#{anchor(entry.code, entry.name)}) | `{entry.name}` | {summary} |\n"


def documentation_pages() -> dict[str, str]:
    """The documentation of every code as Markdown pages, by path relative to the documentation
    folder: `codes.md`, an index of every code, and one page per family under `rules/`."""
    entries = all_entries()
    index = [PAGE_INTRO.replace("\n\nEvery", f"\n\n{GENERATED}\n\nEvery", 1)]
    pages = {}
    for family in FAMILIES:
        members = [entry for entry in entries if entry.code.startswith(family.prefix)]
        if not members:
            continue
        index.append(f"## [{family.prefix}xx {family.title}]({family.page})\n\n{family.about}\n\n"
                     "| code | name | what it reports |\n|---|---|---|\n"
                     + "".join(_index_row(family, entry) for entry in members))
        pages[family.page] = "\n".join([f"# {family.prefix}xx {family.title}\n\n{GENERATED}\n\n{family.about} "
                                        "All codes: [codes.md](../codes.md).\n",
                                        *(_markdown(entry) for entry in members)])
    return {"codes.md": "\n".join(index), **pages}


def all_entries() -> list[Code]:
    """Every documented code, validation codes first, then lint rules, each in code order."""
    return sorted(CODES.values(), key=lambda entry: entry.code) + _lint_entries()


def _lint_entries() -> list[Code]:
    """Lint rules as entries; empty until the lint package provides its registry."""
    try:
        from .lint.registry import documented_rules
    except ImportError:
        return []
    return documented_rules()


def find_entry(code: str) -> Code | None:
    """An entry by code (`S201`) or name (`unknown-key`), case-insensitive."""
    wanted = code.strip()
    for entry in all_entries():
        if wanted.upper() == entry.code.upper() or wanted.lower() == entry.name.lower():
            return entry
    return None


def _fields(entry: Code) -> dict[str, str]:
    return {"code": entry.code, "name": entry.name, "summary": entry.summary, "doc": entry.doc}


def _markdown(entry: Code) -> str:
    """The entry under a `## CODE name` heading (GitHub makes it the anchor `#code-name`), its own
    `## ` sections one level down; a line in a code block is never taken for a heading."""
    lines, fenced = [], False
    for line in entry.doc.splitlines():
        fenced ^= line.startswith("```")
        lines.append("#" + line if not fenced and re.match(r"#+ ", line) else line)
    return f"## {entry.code} {entry.name}\n\n{entry.summary}\n\n" + "\n".join(lines).strip() + "\n"


def render_entry(entry: Code, output_format: str = "text") -> str:
    """The entry as text (a heading and its Markdown), as a JSON object, or as a Markdown section."""
    if output_format == "json":
        return json.dumps(_fields(entry), ensure_ascii=False, indent=2) + "\n"
    if output_format == "markdown":
        return _markdown(entry)
    return f"{entry.code} {entry.name}: {entry.summary}\n\n{entry.doc}\n"


def render_entries(entries: list[Code], output_format: str = "text") -> str:
    """`explain --list`: one line per code, a JSON array of the entries, or the documentation page."""
    if output_format == "json":
        return json.dumps([_fields(entry) for entry in entries], ensure_ascii=False, indent=2) + "\n"
    if output_format == "markdown":
        return "\n".join([PAGE_INTRO, *(_markdown(entry) for entry in entries)])
    return "".join(f"{entry.code}  {entry.name:<28} {entry.summary}\n" for entry in entries)
