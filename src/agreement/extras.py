"""Which optional parts of the installation are present.

The base distribution validates and lints: that is what CI and pre-commit install, so it stays
small. Building Word, PDF and HTML needs the `build` extra (Jinja, pandoc from the
pypandoc-binary wheel, typst, babel: about 270 MB). `agreement build` asks here first, so that a
base install says how to get the extra instead of failing half-way with an ImportError.
"""

from __future__ import annotations

import importlib.util

from . import DISTRIBUTION

BUILD_MODULES: dict[str, str] = {"jinja2": "jinja2", "pypandoc": "pypandoc-binary", "typst": "typst", "babel": "babel",
                                  "lxml": "lxml", "pypdf": "pypdf", "watchfiles": "watchfiles",
                                  "brand_yml": "brand-yml", "fontTools": "fonttools", "pyphen": "pyphen"}
"""The modules `agreement build` and `agreement preview` import that the base install lacks, and the
packages that bring them (the `build` extra in pyproject.toml)."""

BUILD_INSTALL = f"pip install '{DISTRIBUTION}[build]'"
"""The command that adds the `build` extra to an installation."""


REPORT_MODULES: dict[str, str] = {"matplotlib": "matplotlib"}
"""What `agreement report` imports besides the build modules: the plotting library of its charts
(the `report` extra, which brings the `build` extra too)."""

REPORT_INSTALL = f"pip install '{DISTRIBUTION}[report]'"


def missing_build_modules() -> list[str]:
    """The build modules that cannot be found, looked up without importing them (importing typst
    and pandoc's wrapper costs time that a build of up-to-date files should not pay twice)."""
    return [module for module in BUILD_MODULES if importlib.util.find_spec(module) is None]


def missing_build_extra() -> str | None:
    """Why `agreement build` cannot run here and how to fix it, or None when it can."""
    missing = missing_build_modules()
    if not missing:
        return None
    packages = ", ".join(BUILD_MODULES[module] for module in missing)
    return (f"`agreement build` needs the build extra, which is not installed (missing: {packages}); "
            f"install it with: {BUILD_INSTALL}")


def missing_report_extra() -> str | None:
    """Why `agreement report` cannot run here and how to fix it, or None when it can."""
    missing = missing_build_modules() + [m for m in REPORT_MODULES if importlib.util.find_spec(m) is None]
    if not missing:
        return None
    packages = ", ".join({**BUILD_MODULES, **REPORT_MODULES}[module] for module in missing)
    return (f"`agreement report` needs the report extra, which is not installed (missing: {packages}); "
            f"install it with: {REPORT_INSTALL}")
