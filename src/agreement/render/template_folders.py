"""Where templates come from: a user's folder first, then the bundled templates/.

`--templates DIR` overrides any file by its name (a partial, `document.typ`,
`style.css`, `custom.css`, `i18n/sv.yaml`, a `reference.docx` of your own), and
everything it does not name comes from the bundled folder. Colours, fonts and logos
come from the brand file instead (`brand.py`), for all three formats at once. Label files are merged key by key, so a user's
`i18n/sv.yaml` may hold just the labels it changes.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from ..reading import read_regular
from ..resources import bundled

SKELETON = "document.md.j2"
REPORT_SKELETON = "report.md.j2"
"""The body of a follow-up report (`agreement report`): the same pipeline, its own parts."""
PAGE = "document.html.j2"
TYPST_TEMPLATE = "document.typ"
REFERENCE_DOCX = "reference.docx"
STYLESHEETS = ("style.css", "custom.css")
FONTS = "fonts"
MAX_TEMPLATE_BYTES = 64 * 1024 * 1024
"""Largest template file read (fonts included: a large one is a few megabytes)."""


class TemplateError(Exception):
    """A template that is missing or broken; names the file and, when known, the line."""

    def __init__(self, template: str, message: str, line: int | None = None) -> None:
        self.template, self.message, self.line = template, message, line
        super().__init__(f"{template}:{line}: {message}" if line else f"{template}: {message}")


@dataclass(frozen=True)
class TemplateSet:
    """The template folders of one build: the user's (optional) before the bundled one."""

    user_dir: Path | None = None
    builtin_dir: Path = field(default_factory=lambda: bundled("templates"))

    @property
    def search_path(self) -> list[Path]:
        """Folders to look in, first match wins."""
        return [self.user_dir, self.builtin_dir] if self.user_dir else [self.builtin_dir]

    def find(self, name: str) -> Path:
        """The file `name` from the first folder that has it."""
        found = self.find_optional(name)
        if found is None:
            raise TemplateError(name, "not found in " + " or ".join(str(d) for d in self.search_path))
        return found

    def find_optional(self, name: str) -> Path | None:
        """The file `name` from the first folder that has it, or None."""
        for folder in self.search_path:
            candidate = folder / name
            if candidate.is_file():
                return candidate
        return None

    def all_named(self, name: str) -> list[Path]:
        """Every folder's copy of `name`, the bundled one first (for merging label files)."""
        return [folder / name for folder in reversed(self.search_path) if (folder / name).is_file()]

    def text(self, name: str) -> str:
        """The text of template file `name`."""
        path = self.find(name)
        try:
            return template_bytes(path).decode("utf-8")
        except UnicodeDecodeError as error:
            raise TemplateError(str(path), f"cannot be read: {error}") from None

    def font_dirs(self) -> list[Path]:
        """Folders of fonts the PDF may use: the user's fonts/, then the bundled ones."""
        return [folder / FONTS for folder in self.search_path if (folder / FONTS).is_dir()]

    def stylesheet(self, brand_css: str = "") -> str:
        """The web page's CSS: `style.css`, the brand's variables, then `custom.css` (a user's
        additions, which win over both) when there is one."""
        parts = [self.text(STYLESHEETS[0]), brand_css]
        if self.find_optional(STYLESHEETS[1]):
            parts.append(self.text(STYLESHEETS[1]))
        return "\n".join(part for part in parts if part)

    @cached_property
    def fingerprint(self) -> str:
        """A hash of every file that can take part in a build, so a changed template rebuilds."""
        digest = hashlib.sha256()
        for folder in self.search_path:
            digest.update(str(folder.resolve()).encode() + b"\0")
            for path in _files_under(folder):
                digest.update(str(path.relative_to(folder)).encode() + b"\0")
                digest.update(hashlib.sha256(template_bytes(path)).digest())
        return digest.hexdigest()

    def labels(self, language: str) -> dict[str, Any]:
        """The labels for `language` (sv, en): the bundled file, overlaid by the user's."""
        name = f"i18n/{language}.yaml"
        merged: dict[str, Any] = {}
        files = self.all_named(name)
        if not files:
            raise TemplateError(name, "not found: no labels for this language")
        for path in files:
            merged = _merge(merged, _read_labels(path))
        return merged


def template_bytes(path: Path) -> bytes:
    """A template file's bytes: a regular file (not a named pipe a pull request put there)
    of at most MAX_TEMPLATE_BYTES."""
    try:
        data = read_regular(path, MAX_TEMPLATE_BYTES + 1)
    except OSError as error:
        raise TemplateError(str(path), f"cannot be read: {error.strerror or error}") from None
    if len(data) > MAX_TEMPLATE_BYTES:
        raise TemplateError(str(path), f"is larger than {MAX_TEMPLATE_BYTES // (1024 * 1024)} MB")
    return data


def _files_under(folder: Path) -> list[Path]:
    found = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
        found.extend(Path(root, name) for name in sorted(names) if not name.startswith("."))
    return found


def _read_labels(path: Path) -> dict[str, Any]:
    """A label file: YAML mapping of strings, with problems reported at their line.

    Read by the loader of the documents themselves: the same YAML (1.2, no tags, no
    duplicate keys), the same limits and the same messages, from one parser."""
    from ..loading import LoadError, load_file

    try:
        data = load_file(path).data
    except LoadError as error:
        found = error.diagnostic
        raise TemplateError(str(path), found.message, found.span.line if found.span else None) from None
    if not isinstance(data, dict):
        raise TemplateError(str(path), "a label file is a mapping of names to texts")
    return data


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged
