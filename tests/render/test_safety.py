"""Text from the YAML is data: markup in any field is shown as text, never run or embedded.

The hostile fixture puts a `<script>` tag, raw HTML and typst blocks, typst code,
TeX, a Markdown image of /etc/passwd, a javascript: link and attribute tricks in
every kind of text field. These tests read the HTML source, the Word XML, the
typst source pandoc writes and the PDF's text.
"""

from __future__ import annotations

import html as html_module
import io
import re
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from agreement.render import html_body, reference_docx
from agreement.render.build import pandoc_metadata
from agreement.render.escaping import markdown_block
from agreement.render.pandoc import convert_all
from agreement.render.template_folders import TemplateSet

from .conftest import HOSTILE, markdown_of, view_of

PASSWD_LINE = re.compile(r"root:.*:0:0:")


@pytest.fixture(scope="module")
def html(hostile_build: Path) -> str:
    return (hostile_build / "hostile.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def docx_parts(hostile_build: Path) -> dict[str, str]:
    with zipfile.ZipFile(hostile_build / "hostile.docx") as archive:
        return {name: archive.read(name).decode("utf-8", "replace") for name in archive.namelist()}


@pytest.fixture(scope="module")
def typst_source() -> str:
    view = view_of(HOSTILE)
    converted = convert_all(markdown_of(HOSTILE), ["typst"], TemplateSet(), pandoc_metadata(view), 0)
    return converted["typst"].decode("utf-8")


@pytest.fixture(scope="module")
def pdf_text(hostile_build: Path) -> str:
    reader = PdfReader(hostile_build / "hostile.pdf")
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


# -- HTML -----------------------------------------------------------------------------


def test_html_has_no_script_and_shows_every_script_tag_as_text(html: str) -> None:
    assert "<script" not in html.lower()
    for where in ("title", "party", "background", "area", "action", "action goal", "action description",
                  "goal", "promise", "signature", "term", "definition", "reference", "reg", "purpose"):
        assert f"&lt;script&gt;alert('{where}')&lt;/script&gt;" in html or \
               f"&lt;script&gt;alert(&#39;{where}&#39;)&lt;/script&gt;" in html, where


def test_html_has_no_raw_html_no_event_handlers_and_no_unsafe_links(html: str) -> None:
    lowered = html.lower()
    assert "<b>fet</b>" not in lowered and "<img" not in lowered
    assert not re.search(r"<[^>]+\son\w+\s*=", lowered), "an element carries an event handler"
    assert 'href="javascript:' not in lowered and 'href="file:' not in lowered
    assert "/etc/passwd" not in re.findall(r'(?:src|href)="([^"]*)"', html)
    assert '<a href="https://example.org">ok</a>' in html  # a safe link survives


def test_html_template_classes_cannot_be_forged_from_a_field(html: str) -> None:
    assert html.count('class="facts"') == 1
    assert "custom-style" not in html.replace('custom-style="Title"}', "")


def test_html_column_names_of_a_table_in_a_field_stay_text_in_their_attribute() -> None:
    """A table's header cells become each cell's `data-label` (for phones): still escaped text."""
    table = markdown_block('| "><img src=x onerror=alert(1)> | b | c |\n|---|---|---|\n| 1 | 2 | 3 |')
    view = view_of(HOSTILE)
    written = convert_all(f"# Rubrik\n\n{table}", ["html"], TemplateSet(), pandoc_metadata(view), 0)["html"]
    done = html_body.finish(written.decode())
    assert "<img" not in done
    assert 'data-label="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">1</td>' in done


def test_a_chart_outside_a_report_is_its_alt_text() -> None:
    """Only a report's metadata says it has charts; without it a chart's source, which a template
    could write, is not left for a writer to read."""
    from agreement.render.pandoc import Metadata

    markdown = "# Rubrik\n\n![Diagrammet](chart-1) ![Bilden](data:image/png;base64,iVBORw0KGgo=)\n"
    done = convert_all(markdown, ["html"], TemplateSet(), Metadata({"lang": "sv"}), 0)["html"].decode()
    assert "<img" not in done and "Diagrammet" in done and "Bilden" in done


def test_a_report_keeps_its_charts_and_nothing_else() -> None:
    """In a report, a chart (a data URI, or a name for the PDF's layout) passes; an image from
    anywhere else is still its alt text, and the metadata's flag reaches no writer."""
    from agreement.render.pandoc import Metadata

    markdown = ("# Rubrik\n\n![Diagrammet](data:image/png;base64,iVBORw0KGgo=) ![Fjärran](https://example.org/x.png)"
                " ![Lokal](/etc/passwd)\n")
    done = convert_all(markdown, ["html", "docx"], TemplateSet(), Metadata({"lang": "sv", "charts": True}), 0,
                       reference_docx=reference_docx.default_reference())
    html = done["html"].decode()
    assert html.count("<img") == 1 and 'src="data:image/png;base64,iVBORw0KGgo="' in html
    assert "Fjärran" in html and "Lokal" in html and "example.org" not in html
    with zipfile.ZipFile(io.BytesIO(done["docx"])) as archive:
        assert "charts" not in archive.read("docProps/custom.xml").decode()


def test_html_references_nothing_outside_the_file(html: str) -> None:
    assert not re.search(r'(?:src|href)="(?:https?:)?//', html.replace('href="https://example.org"', ""))
    assert "<link" not in html.lower()


# -- Word ------------------------------------------------------------------------------------


def test_docx_embeds_no_file_and_links_nowhere_unsafe(docx_parts: dict[str, str]) -> None:
    assert not [name for name in docx_parts if name.startswith("word/media/")]
    relations = docx_parts["word/_rels/document.xml.rels"]
    targets = re.findall(r'Target="([^"]*)"', relations)
    assert "https://example.org" in targets
    assert not [t for t in targets if t.startswith(("javascript:", "file:", "/etc"))]


def docx_text(xml: str) -> str:
    """The text of a WordprocessingML part: every w:t, in order."""
    return html_module.unescape("".join(re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>", xml)))


def test_docx_shows_the_markup_as_text(docx_parts: dict[str, str]) -> None:
    text = docx_text(docx_parts["word/document.xml"])
    assert "<script>alert('action')</script>" in text
    assert '`#read("/etc/passwd")`{=typst}' in text
    assert "\\input{/etc/passwd}" in text
    assert "Kommun <script>alert('party')</script>" in docx_text(docx_parts["docProps/core.xml"].replace(
        "<dc:creator>", "<w:t>").replace("</dc:creator>", "</w:t>"))
    assert not any(PASSWD_LINE.search(part) for part in docx_parts.values())


def test_docx_styles_cannot_be_chosen_from_a_field(docx_parts: dict[str, str]) -> None:
    body = docx_parts["word/document.xml"]
    assert body.count('w:val="Title"') == 1  # the real title only


# -- typst and PDF -------------------------------------------------------------------------


def test_typst_source_has_no_code_from_a_field(typst_source: str) -> None:
    body = typst_source.split("#outline(", 1)[1]
    outside_raw = re.sub(r"(?<!\\)`[^`]*`", "", body)  # in typst raw text `#read(...)` is only text
    assert "\\#read" in outside_raw
    assert not re.search(r"(?<!\\)#(?:image|include|read|eval|import)\(", outside_raw), \
        "typst code from a field would run"
    assert "/etc/passwd" not in re.findall(r'image\("([^"]*)"', typst_source)


def test_pdf_shows_the_markup_as_text_and_not_the_file(pdf_text: str) -> None:
    assert "<script>alert('action')</script>" in pdf_text
    assert '#read("/etc/passwd")' in pdf_text
    assert "\\input{/etc/passwd}" in pdf_text
    assert not PASSWD_LINE.search(pdf_text)


def test_user_images_become_their_alt_text(html: str, pdf_text: str) -> None:
    assert "och bild och" in html and "och bild och" in pdf_text
