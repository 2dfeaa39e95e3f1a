"""Where the bundled templates and schemas are, installed or in a source checkout.

They live at the top of the repository (so users see and fork them) and are copied
into the package when it is built; an editable install finds them in the checkout.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parent.parent


def bundled(name: str) -> Path:
    """The folder `name` (templates, schemas) inside the package, else in the checkout."""
    inside = _PACKAGE / name
    return inside if inside.is_dir() else _CHECKOUT / name


def is_installed() -> bool:
    """Whether the package runs from an installed wheel (its data inside), not a checkout."""
    return (_PACKAGE / "templates").is_dir()
