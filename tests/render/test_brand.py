"""One brand file for all three formats: colours, logo and footer line from `_brand.yml`.

Every test builds through the real pipeline (pandoc, typst, the Word finishing step)
and reads what a reader would get: the web page's CSS, the PDF's drawing operators
and tagged images, the Word file's styles, media and headers.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from agreement.render.brand import BrandError, Theme, contrast, find_brand, load_theme
from agreement.render.build import Outcome

from .conftest import FIXTURES, PLAN, run_build

BRAND = FIXTURES / "municipality-brand" / "_brand.yml"
TEMPLATES = FIXTURES / "municipality-templates"
FOREST = "#005a32"
FOREST_IN_PDF = "0 0.3529412 0.19607843 sc"
"""#005a32 as typst writes a fill colour into the PDF's content stream."""
LOGO_RED_IN_PDF = "0.78431374 0.0627451 0.18039216 sc"
"""#c8102e, the square of the fixture's logo (a colour nothing else is set in)."""


@pytest.fixture(scope="module")
def branded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("branded")
    report = run_build([PLAN], out, formats=("html", "docx", "pdf"), brand=BRAND, templates=TEMPLATES)
    assert report.exit_code == 0, report.results
    return out


def word_part(docx: Path, name: str) -> str:
    with zipfile.ZipFile(docx) as archive:
        return archive.read(name).decode("utf-8")


def word_names(docx: Path) -> list[str]:
    with zipfile.ZipFile(docx) as archive:
        return archive.namelist()


def page_content(pdf: Path, page: int) -> str:
    return PdfReader(pdf).pages[page].get_contents().get_data().decode("latin-1")


def heading_colour_in_word(docx: Path) -> str | None:
    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    styles = etree.fromstring(word_part(docx, "word/styles.xml").encode())
    for style in styles.iter(f"{w}style"):
        if style.get(f"{w}styleId") == "Heading1":
            colour = style.find(f"{w}rPr/{w}color")
            return colour.get(f"{w}val") if colour is not None else None
    return None


# -- the accent colour -------------------------------------------------------------------------


def test_one_accent_colour_changes_the_web_page_the_pdf_and_word(branded: Path, plan_build: Path) -> None:
    html = (branded / "plan-by-party.html").read_text(encoding="utf-8")
    assert f"--heading: {FOREST};" in html
    assert FOREST_IN_PDF in page_content(branded / "plan-by-party.pdf", 0)  # the title, a heading
    assert heading_colour_in_word(branded / "plan-by-party.docx") == "005A32"
    # and without the brand, none of the three has it
    assert f"--heading: {FOREST};" not in (plan_build / "plan-by-party.html").read_text(encoding="utf-8")
    assert FOREST_IN_PDF not in page_content(plan_build / "plan-by-party.pdf", 0)
    assert heading_colour_in_word(plan_build / "plan-by-party.docx") == "1B4B7A"


def test_the_brand_comes_between_the_bundled_stylesheet_and_custom_css(branded: Path) -> None:
    html = (branded / "plan-by-party.html").read_text(encoding="utf-8")
    assert html.index("--accent: #1b4b7a") < html.index(f"--accent: {FOREST}") < html.index("--measure: 52rem")


def test_the_brand_sets_the_links_and_table_headers_of_every_format(branded: Path) -> None:
    html = (branded / "plan-by-party.html").read_text(encoding="utf-8")
    assert f"--link: {FOREST};" in html and "--header-fill: #e3f1e8;" in html  # link follows primary
    styles = word_part(branded / "plan-by-party.docx", "word/styles.xml")
    assert 'w:fill="E3F1E8"' in styles


# -- the logo -----------------------------------------------------------------------------------


def test_the_logo_is_on_the_web_page_with_the_organisations_name(branded: Path) -> None:
    html = (branded / "plan-by-party.html").read_text(encoding="utf-8")
    assert '<img class="logo" src="data:image/svg+xml;base64,' in html
    assert 'alt="Exempelby kommun"' in html


def test_the_logo_is_on_the_pdf_title_page_and_in_its_running_header(branded: Path) -> None:
    pdf = branded / "plan-by-party.pdf"
    assert "/Alt(Exempelby kommun)" in page_content(pdf, 0)
    assert LOGO_RED_IN_PDF in page_content(pdf, 0)
    assert LOGO_RED_IN_PDF in page_content(pdf, 2), "the running header of a later page has no logo"


def test_the_logo_is_on_the_word_cover_and_in_its_running_header(branded: Path) -> None:
    docx = branded / "plan-by-party.docx"
    names = word_names(docx)
    assert "word/media/logo-cover.png" in names and "word/media/logo-header.png" in names
    document = word_part(docx, "word/document.xml")
    assert 'descr="Exempelby kommun"' in document
    headers = [word_part(docx, name) for name in names if name.startswith("word/header") and name.endswith(".xml")]
    assert any('descr="Exempelby kommun"' in header and "r:embed" in header for header in headers)
    types = word_part(docx, "[Content_Types].xml")
    assert 'Extension="png"' in types


def test_without_a_brand_there_is_no_logo_anywhere(plan_build: Path) -> None:
    assert "<img" not in (plan_build / "plan-by-party.html").read_text(encoding="utf-8")
    assert "/Alt(" not in page_content(plan_build / "plan-by-party.pdf", 0)
    assert LOGO_RED_IN_PDF not in page_content(plan_build / "plan-by-party.pdf", 2)
    assert not any(name.startswith("word/media/logo") for name in word_names(plan_build / "plan-by-party.docx"))


# -- the footer line -------------------------------------------------------------------------------


def test_the_footer_line_is_in_all_three_formats(branded: Path) -> None:
    footer = "Exempelby kommun · Kommunstyrelsen"
    assert f'<footer class="page-footer">{footer}</footer>' in (branded / "plan-by-party.html").read_text("utf-8")
    assert footer in PdfReader(branded / "plan-by-party.pdf").pages[2].extract_text()
    assert footer in word_part(branded / "plan-by-party.docx", "word/footer1.xml")


# -- finding the brand and rebuilding ------------------------------------------------------------------


def test_a_brand_file_beside_the_documents_is_found_and_a_change_to_it_rebuilds(tmp_path: Path) -> None:
    plans = tmp_path / "plans" / "2024"
    plans.mkdir(parents=True)
    shutil.copy(PLAN, plans / "plan.yaml")
    brand = tmp_path / "plans" / "_brand.yml"
    brand.write_text('color:\n  primary: "#005a32"\n', encoding="utf-8")
    assert find_brand(plans / "plan.yaml") == brand
    out = tmp_path / "out"
    assert run_build([plans], out, formats=("html",)).results[0].outcome is Outcome.BUILT
    assert f"--accent: {FOREST};" in (out / "plan-by-party.html").read_text(encoding="utf-8")
    assert run_build([plans], out, formats=("html",)).results[0].outcome is Outcome.UP_TO_DATE
    brand.write_text('color:\n  primary: "#7a1b1b"\n', encoding="utf-8")
    assert run_build([plans], out, formats=("html",)).results[0].outcome is Outcome.BUILT
    assert "--accent: #7a1b1b;" in (out / "plan-by-party.html").read_text(encoding="utf-8")


# -- what a brand file may not do ---------------------------------------------------------------------


def brand_error(tmp_path: Path, text: str) -> BrandError:
    path = tmp_path / "_brand.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BrandError) as raised:
        load_theme(path)
    return raised.value


@pytest.mark.parametrize(("text", "line", "words"), [
    ('color:\n  primary: teal\n', 2, "hex code"),
    ('color:\n  primary: "#ffee00"\n', 2, "contrast of 1.2:1"),
    ('colour:\n  primary: "#005a32"\n', 1, "did you mean 'color'"),
    ('color:\n  foreground: "#000"\n  forground: "#111"\n', 3, "did you mean 'foreground'"),
    ('logo:\n  medium: https://example.org/logo.svg\n', 2, "not downloaded"),
    ('logo:\n  medium: missing.svg\n', 2, "cannot be read"),
    ('logo:\n  medium: logo.gif\n', 2, "use a file of type"),
    ('typography:\n  base:\n    size: 3em\n', 3, "in pt or px"),
    ('defaults:\n  agreement:\n    fotter: x\n', 3, "use footer or organisation"),
    ('color: [1, 2]\n', 1, "not a brand.yml brand"),
    ('- just a list\n', None, "a mapping"),
])
def test_a_brand_that_cannot_be_used_says_where_and_why(tmp_path: Path, text: str, line: int | None,
                                                       words: str) -> None:
    error = brand_error(tmp_path, text)
    assert error.line == line and words in error.message, error


def test_a_logo_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_bytes(b"\x89PNG" + b"\0" * 5_000_001)
    assert "larger than 5 MB" in brand_error(tmp_path, "logo:\n  small: logo.png\n").message


def test_a_font_name_cannot_end_the_web_pages_style_element(tmp_path: Path) -> None:
    path = tmp_path / "_brand.yml"
    path.write_text('typography:\n  base:\n    family: "x</style><script>alert(1)</script>"\n', encoding="utf-8")
    css = load_theme(path).css()
    assert "</style>" not in css and "<script>" not in css


def test_a_broken_brand_stops_the_build_before_anything_is_written(tmp_path: Path) -> None:
    brand = tmp_path / "_brand.yml"
    brand.write_text("color:\n  primary: teal\n", encoding="utf-8")
    with pytest.raises(BrandError):
        run_build([PLAN], tmp_path / "out", brand=brand)
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_contrast_is_measured_as_wcag_defines_it() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert Theme().fingerprint != Theme(accent="#000000").fingerprint


def test_the_preview_shows_the_brand_beside_the_document(tmp_path: Path) -> None:
    from agreement.render.single import html_page

    shutil.copy(PLAN, tmp_path / "plan.yaml")
    (tmp_path / "_brand.yml").write_text('color:\n  primary: "#005a32"\n', encoding="utf-8")
    page = html_page(tmp_path / "plan.yaml")
    assert page.html is not None and f"--accent: {FOREST};".encode() in page.html
    (tmp_path / "_brand.yml").write_text("color:\n  primary: teal\n", encoding="utf-8")
    broken = html_page(tmp_path / "plan.yaml")
    assert broken.html is None and broken.error is not None and "_brand.yml:2" in broken.error
