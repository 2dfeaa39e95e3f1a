"""A municipality's own look: a logo, colours for the web page and the PDF, changed labels."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from .conftest import FIXTURES, PLAN, run_build

THEME = FIXTURES / "municipality-templates"


@pytest.fixture(scope="module")
def themed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("themed")
    report = run_build([PLAN], out, formats=("html", "pdf"), templates=THEME)
    assert report.exit_code == 0, report.results
    return out


def test_the_logo_is_inside_the_web_page_with_alt_text(themed: Path) -> None:
    html = (themed / "plan-by-party.html").read_text(encoding="utf-8")
    assert '<img class="logo" src="data:image/svg+xml;base64,' in html
    assert 'alt="Exempelby kommun"' in html


def test_custom_css_comes_after_the_bundled_stylesheet(themed: Path) -> None:
    html = (themed / "plan-by-party.html").read_text(encoding="utf-8")
    assert html.index("--accent: #1b4b7a") < html.index("--accent: #005a32")


def title_page_content(pdf: Path) -> str:
    return PdfReader(pdf).pages[0].get_contents().get_data().decode("latin-1")


def test_the_pdf_title_page_carries_the_logo_with_alt_text_and_the_colours(themed: Path) -> None:
    content = title_page_content(themed / "plan-by-party.pdf")
    assert "/Alt(Exempelby kommun)" in content
    assert "0 0.3529412 0.19607843 sc" in content  # #005a32 from theme.typ, on the title


def test_without_a_logo_there_is_no_image(plan_build: Path) -> None:
    html = (plan_build / "plan-by-party.html").read_text(encoding="utf-8")
    assert "<img" not in html
    assert "/Alt(" not in title_page_content(plan_build / "plan-by-party.pdf")
