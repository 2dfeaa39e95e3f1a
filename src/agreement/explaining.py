"""`agreement explain`: one place that knows every documented code, validation and lint alike."""

from __future__ import annotations

import json

from .codes import CODES, Code


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


def render_entry(entry: Code, output_format: str = "text") -> str:
    """The entry as text (a heading and its Markdown) or as a JSON object."""
    if output_format == "json":
        return json.dumps({"code": entry.code, "name": entry.name, "summary": entry.summary, "doc": entry.doc},
                          ensure_ascii=False, indent=2)
    return f"{entry.code} {entry.name}: {entry.summary}\n\n{entry.doc}\n"
