"""`agreement explain`: one place that knows every documented code, validation and lint alike."""

from __future__ import annotations

import json
import re

from .codes import CODES, Code

FORMATS = ("text", "json", "markdown")
"""What `explain` writes: text for people, JSON for programs, Markdown for the documentation page."""

PAGE_INTRO = """\
# Codes

<!-- Generated from the documentation in the code by `agreement explain --list --format markdown`
     (`make docs`); a test fails when this file is stale. Do not edit it by hand. -->

Every code that `agreement validate` and `agreement lint` report, with what it means and how to
fix it: `Y1xx` reading the file (YAML), `S2xx` its shape (the schema), `R3xx` its consistency
(references and dates), `L` the lint rules. Codes are stable and never reused.
`agreement explain CODE` prints the same text; SARIF reports link each rule to its heading here.
"""


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
