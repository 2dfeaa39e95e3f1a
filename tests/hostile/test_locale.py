"""The same bytes whatever the locale: pandoc and typst get a UTF-8 locale of their own.

pandoc decodes its command line in its locale, so under LANG=C text passed to it as
variables lost every "ö". The build now gives each step a UTF-8 locale and passes no
text on a command line. sv_SE.UTF-8 need not be installed: a missing locale falls back
to C, the hardest case. The non-ASCII text here is in the stylesheet, the typst layout
and the brand file (its footer line reaches all three formats).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .support import EXAMPLE, ROOT, agreement

FORMATS = (".html", ".docx", ".pdf")
CSS = "/* Eslövs gröna färger: “citat” – tankstreck */\n"


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Templates whose stylesheet and typst layout are not ASCII, and a brand file beside them."""
    folder = tmp_path_factory.mktemp("templates")
    (folder / "custom.css").write_text(CSS, encoding="utf-8")
    layout = (ROOT / "templates" / "document.typ").read_text(encoding="utf-8")
    (folder / "document.typ").write_text(layout + "// Tema för Eslövs kommun – grönt\n", encoding="utf-8")
    (folder / "_brand.yml").write_text("defaults:\n  agreement:\n    footer: Eslövs kommun – “Trygghet”\n",
                                       encoding="utf-8")
    return folder


def build(out: Path, templates: Path, locale: dict[str, str]) -> dict[str, bytes]:
    """The example built in `locale` alone (no other LANG or LC_ variable): each format's bytes."""
    env = {key: value for key, value in os.environ.items() if key != "LANG" and not key.startswith("LC_")}
    result = agreement("build", EXAMPLE, "--out", out, "--templates", templates, "--brand", templates / "_brand.yml",
                       env={**env, **locale})
    assert result.returncode == 0, result.stdout + result.stderr
    return {path.suffix: path.read_bytes() for path in out.iterdir() if path.suffix in FORMATS}


@pytest.fixture(scope="module")
def without_lang(templates: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    built = build(tmp_path_factory.mktemp("no-lang"), templates, {})
    assert sorted(built) == sorted(FORMATS)
    assert CSS.strip().encode() in built[".html"]
    assert "Eslövs kommun – “Trygghet”".encode() in built[".html"]
    return built


@pytest.mark.parametrize("lang", ["C", "sv_SE.UTF-8"])
def test_every_format_is_the_same_as_without_lang(tmp_path: Path, templates: Path, without_lang: dict[str, bytes],
                                                  lang: str) -> None:
    built = build(tmp_path, templates, {"LANG": lang})
    for suffix in FORMATS:
        assert built[suffix] == without_lang[suffix], f"{suffix} differs under LANG={lang}"
