"""The JSON Schemas of the document kinds, generated from the Pydantic models.

They are committed in `schemas/` so that editors with the YAML language server
complete and check keys as people type; `agreement schema --check` (and a test)
fail when they no longer match the models.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from . import project_urls, version
from .model import FILE_KINDS
from .resources import bundled, is_installed
from .writing import write_atomically

SCHEMA_URL = "https://json-schema.org/draft/2020-12/schema"


def schema_dir() -> Path:
    """Where `agreement schema` writes by default: the checkout's `schemas/` when run from
    a source checkout; for an installed package, `schemas/` in the current folder (a
    repository of plans keeps its own copy there, never inside site-packages)."""
    if is_installed():
        return Path("schemas")
    return bundled("schemas")


def file_name(kind: str) -> str:
    return f"{kind}.schema.json"


_GITHUB = re.compile(r"https://github\.com/(?P<owner>[^/]+)/(?P<name>[^/]+?)(?:\.git)?/?")
_GITLAB = re.compile(r"https://gitlab\.com/(?P<path>.+?)(?:\.git)?/?")


def published_url(kind: str) -> str | None:
    """Where the schema of `kind` is published for this version: the file `schemas/<kind>.schema.json`
    in the repository that pyproject.toml's [project.urls] `Repository` names, at the release's tag
    (`v0.1.0`). A tag's file never changes, so a document pointing there keeps its editor help
    wherever the document is moved; a fork that sets its own Repository gets its own address.
    None when the package is not installed (no version) or the repository is on neither GitHub
    nor GitLab."""
    repository, release = project_urls().get("Repository", ""), version()
    if release == "0":
        return None
    if found := _GITHUB.fullmatch(repository):
        return (f"https://raw.githubusercontent.com/{found['owner']}/{found['name']}/v{release}/"
                f"schemas/{file_name(kind)}")
    if found := _GITLAB.fullmatch(repository):
        return f"https://gitlab.com/{found['path']}/-/raw/v{release}/schemas/{file_name(kind)}"
    return None


def generate(kind: str) -> dict[str, Any]:
    """The JSON Schema of one kind of file, with the draft, its published address as `$id`, and a
    title editors show."""
    model = FILE_KINDS[kind]
    schema = model.model_json_schema(by_alias=True)
    return {"$schema": SCHEMA_URL, "$id": published_url(kind) or file_name(kind), **schema}


def render(kind: str) -> str:
    return json.dumps(generate(kind), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    """Write every kind's schema into `folder`, all of them or none."""
    folder.mkdir(parents=True, exist_ok=True)
    schemas = {folder / file_name(kind): render(kind).encode("utf-8") for kind in FILE_KINDS}
    write_atomically(schemas)
    return list(schemas)


def stale_schemas(folder: Path) -> list[str]:
    """Names of schema files in `folder` that are missing or differ from the models."""
    stale = []
    for kind in FILE_KINDS:
        path = folder / file_name(kind)
        if not path.is_file() or path.read_text(encoding="utf-8") != render(kind):
            stale.append(file_name(kind))
    return stale
