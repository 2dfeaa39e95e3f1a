"""agreement: validate, lint and build collaboration agreements and action plans written in YAML."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.metadata import PackageMetadata

DISTRIBUTION = "samverkan"
"""The name this package is installed under (`pip install samverkan`). The command and the import
package are `agreement`, but "agreement" on the package index is an unrelated project, so every
question to the installed metadata must use this name."""


@lru_cache(maxsize=1)
def _metadata() -> PackageMetadata | None:
    """The installed distribution's metadata, or None in a checkout that was never installed."""
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        return metadata(DISTRIBUTION)
    except PackageNotFoundError:
        return None


def version() -> str:
    """The installed version, for `--version`, SARIF reports and build fingerprints ("0" when
    run from a checkout that was never installed)."""
    found = _metadata()
    return found["Version"] if found is not None else "0"


def project_urls() -> dict[str, str]:
    """The addresses of pyproject.toml's [project.urls] by label (Repository, Documentation), so
    that a fork that changes them there gets its own links in reports; empty when not installed."""
    found = _metadata()
    entries = (found.get_all("Project-URL") or []) if found is not None else []
    return dict(entry.split(", ", 1) for entry in entries if ", " in entry)
