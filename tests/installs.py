"""What an installation holds: the top-level names in a site-packages folder, and which of them the
`build` extra brings (the tests that prove a base install goes without them share this)."""

from __future__ import annotations

from pathlib import Path

BUILD_PACKAGES = frozenset({"jinja2", "markupsafe", "babel", "pypandoc", "pypandoc_binary", "typst", "lxml", "pypdf",
                            "watchfiles", "brand_yml", "htmltools", "eval_type_backport", "fonttools", "pyphen"})
"""Top-level names (modules and their .dist-info) that the build extra brings; markupsafe comes with jinja2,
htmltools and eval_type_backport with brand-yml.
(watchfiles's own dependency, anyio, is left: nothing of the base install could import it by mistake.)"""


def top_level_name(entry: str) -> str:
    """`jinja2-3.1.6.dist-info` -> `jinja2`; `typst.libs` -> `typst`; `_editable_impl_x.pth` as it is."""
    return entry.split("-")[0].split(".")[0].lower()


def is_build_package(entry: str) -> bool:
    return top_level_name(entry) in BUILD_PACKAGES


def top_level_names(site_packages: Path) -> set[str]:
    return {top_level_name(entry.name) for entry in site_packages.iterdir()}
