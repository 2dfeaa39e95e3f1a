"""What each format carries for its readers: structure, language, title, page furniture."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from pypdf import PdfReader

from agreement.render import reference_docx
from agreement.render.docx import NS
from agreement.render.brand import Theme
from agreement.render.reference_docx import build as build_reference

from ..model.support import agreement
from .conftest import EXAMPLES, PLAN, run_build


@pytest.fixture(scope="module")
def docx(plan_build: Path) -> dict[str, str]:
    with zipfile.ZipFile(plan_build / "plan-by-party.docx") as archive:
        return {name: archive.read(name).decode("utf-8", "replace") for name in archive.namelist()}


@pytest.fixture(scope="module")
def html(plan_build: Path) -> str:
    return (plan_build / "plan-by-party.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def pdf(plan_build: Path) -> PdfReader:
    return PdfReader(plan_build / "plan-by-party.pdf")


# -- Word -----------------------------------------------------------------------------------


def test_every_table_header_row_repeats_on_each_page(docx: dict[str, str]) -> None:
    tables = [table for table in re.findall(r"<w:tbl>.*?</w:tbl>", docx["word/document.xml"], re.DOTALL)
              if 'w:tblStyle w:val="Table"' in table]  # not the signatures' layout table
    assert len(tables) == 3  # two action tables and the promises; one group's actions are sections
    for table in tables:
        first_row = re.search(r"<w:tr>.*?</w:tr>", table, re.DOTALL)
        assert first_row and "<w:tblHeader" in first_row.group(0)


def test_no_table_row_breaks_across_pages(docx: dict[str, str]) -> None:
    rows = re.findall(r"<w:tr>.*?</w:tr>", docx["word/document.xml"], re.DOTALL)
    assert rows and all("<w:cantSplit/>" in row.split("<w:tc>")[0] for row in rows)


def test_core_properties_give_title_subject_language_and_registration_numbers(docx: dict[str, str]) -> None:
    core = docx["docProps/core.xml"]
    assert "<dc:title>Handlingsplan för tryggare centrum 2021</dc:title>" in core
    assert "<dc:language>sv-SE</dc:language>" in core
    assert "<dc:subject>Handlingsplan, 1 januari 2021 – 31 december 2021</dc:subject>" in core
    keywords = re.search(r"<cp:keywords>(.*?)</cp:keywords>", core)
    assert keywords and "KS 2021/34" in keywords.group(1) and "A123.456/2021" in keywords.group(1)
    assert "<dc:creator>Exempelby kommun; Lokalpolisområde Exempelby</dc:creator>" in core


def test_headings_use_word_heading_styles_and_the_title_its_own(docx: dict[str, str]) -> None:
    body = docx["word/document.xml"]
    assert len(re.findall(r'<w:pStyle w:val="Title"\s*/>', body)) == 1
    styles = re.findall(r'<w:pStyle w:val="Heading(\d)"\s*/>', body)
    assert "1" in styles and "4" in styles
    assert "5" in styles  # "## Tidplan" in a description, under its H4


def test_title_page_then_contents_then_body(docx: dict[str, str]) -> None:
    body = docx["word/document.xml"]
    title = body.index('w:val="Title"')
    facts = body.index("Dokumentansvarig")
    contents = body.index('w:val="TOCHeading"')
    first_heading = body.index('w:val="Heading1"')
    assert title < facts < contents < first_heading
    assert body.count('<w:br w:type="page"/>') == 2
    assert 'TOC \\o "1-2" \\h \\z \\u' in body
    assert '<w:hyperlink w:anchor="area-centrum"' in body


def test_running_header_shows_the_title_and_footer_the_page_numbers(docx: dict[str, str]) -> None:
    assert "Handlingsplan för tryggare centrum 2021</w:t>" in docx["word/header1.xml"]
    assert 'w:instr=" PAGE "' in docx["word/footer1.xml"] and 'w:instr=" NUMPAGES "' in docx["word/footer1.xml"]
    assert "<w:titlePg" in docx["word/document.xml"]


def test_word_footer_says_sida_like_the_pdf(docx: dict[str, str]) -> None:
    """The page label is the language's word, written in; then the PAGE and NUMPAGES fields."""
    footer = docx["word/footer1.xml"]
    assert footer.index(">Sida</w:t>") < footer.index('w:instr=" PAGE "') < footer.index('w:instr=" NUMPAGES "')
    assert "DOCPROPERTY" not in footer
    assert "<property " not in docx["docProps/custom.xml"], "metadata leaked into the Word file's properties"


def test_word_footer_label_follows_the_build_language(tmp_path: Path) -> None:
    report = run_build([PLAN], tmp_path, formats=("docx",), language="en")
    assert report.exit_code == 0, report.results
    with zipfile.ZipFile(tmp_path / "plan-by-party.docx") as archive:
        footer = archive.read("word/footer1.xml").decode("utf-8")
    assert ">Page</w:t>" in footer and ">Sida</w:t>" not in footer


def test_the_reference_document_is_made_from_the_brand_the_same_every_time() -> None:
    first, again = build_reference(Theme()), build_reference(Theme(font="Arial"))
    assert first == reference_docx.build.__wrapped__(Theme())  # no state kept between builds
    with zipfile.ZipFile(io.BytesIO(again)) as archive:
        styles = archive.read("word/styles.xml").decode("utf-8")
    assert 'w:ascii="Arial"' in styles and 'w:ascii="Calibri"' not in styles


# -- HTML -----------------------------------------------------------------------------------


def test_html_declares_language_title_and_viewport(html: str) -> None:
    assert html.startswith('<!DOCTYPE html>\n<html lang="sv-SE">')
    assert "<title>Handlingsplan för tryggare centrum 2021</title>" in html
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html


def test_html_starts_with_a_skip_link_to_the_main_content(html: str) -> None:
    body = html[html.index("<body>"):]
    assert re.match(r'<body>\s*<a class="skip-link" href="#main">Till innehållet</a>', body)
    assert '<main id="main"' in html


def test_html_tables_have_captions_and_column_headers(html: str) -> None:
    tables = re.findall(r"<table\b.*?</table>", html, re.DOTALL)
    assert len(tables) == 3
    for table in tables:
        assert "<caption>" in table
        headers = re.findall(r"<th\b[^>]*>", table)
        assert headers and all('scope="col"' in th for th in headers)


def test_html_table_cells_carry_their_column_name_and_keep_table_roles(html: str) -> None:
    """On a phone a row is shown as a block, each cell under its column's name (style.css);
    the roles keep it a table for screen readers when CSS changes how it is displayed."""
    table = re.search(r'<div class="table-scroll stacks[^"]*"[^>]*>\s*<table\b.*?</table>', html, re.DOTALL)
    assert table, "no action table is marked to be shown as blocks on a phone"
    table_html = table.group(0)
    assert '<table role="table">' in table_html and '<thead role="rowgroup">' in table_html
    columns = re.findall(r'<th\b[^>]*role="columnheader"[^>]*>([^<]*)</th>', table_html)
    assert columns[0] == "Åtgärd" and len(columns) >= 3, columns
    cells = re.findall(r'<td\b[^>]*>', table_html)
    assert cells and all('role="cell"' in cell for cell in cells)
    first_row = re.search(r"<tbody\b.*?<tr\b.*?</tr>", table_html, re.DOTALL)
    assert first_row and re.findall(r'data-label="([^"]*)"', first_row.group(0)) == columns


def test_html_is_one_file_with_its_styles_inside(html: str) -> None:
    assert "<style>" in html and "--accent:" in html and "@media print" in html and "@media (max-width" in html
    assert not re.search(r"<link\b|<script\b|@import|url\(\s*['\"]?(?:https?:)?//", html)


def test_html_has_one_h1_and_sections_below_it(html: str) -> None:
    assert len(re.findall(r"<h1\b", html)) == 1
    assert '<h2 id="areas">Prioriterade områden</h2>' in html


# -- PDF ------------------------------------------------------------------------------------


def test_pdf_is_tagged_pdf_ua_with_title_and_language(pdf: PdfReader) -> None:
    root = pdf.trailer["/Root"]
    assert "/StructTreeRoot" in root and bool(root["/MarkInfo"]["/Marked"])
    assert root["/Lang"] == "sv-SE"
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r"pdfuaid:part(>\s*|=\s*[\"'])1\b", xmp)
    assert pdf.metadata.title == "Handlingsplan för tryggare centrum 2021"


def test_pdf_embeds_its_own_fonts_only(pdf: PdfReader) -> None:
    fonts = set()
    for page in pdf.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), font["/BaseFont"]
            fonts.add(str(font["/BaseFont"]).split("+")[-1])
    assert fonts <= {"Carlito", "Carlito-Bold", "Carlito-Italic", "Carlito-BoldItalic"}


def test_pdf_title_page_labels_sit_on_the_baseline_of_their_values(pdf: PdfReader) -> None:
    """Bold labels and regular values in a grid: each label's baseline is its value's."""
    baselines: dict[str, float] = {}

    def record(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            baselines[text.strip()] = round(cm[5] + tm[5], 2)

    pdf.pages[0].extract_text(visitor_text=record)
    pairs = [("Period", "1 januari 2021 – 31 december 2021"), ("Status", "Antagen"),
             ("Dokumentansvarig", "Trygghetssamordnaren")]
    for label, value in pairs:
        assert label in baselines and value in baselines, sorted(baselines)
        assert baselines[label] == baselines[value], (label, baselines[label], baselines[value])


def test_pdf_text_has_the_title_page_facts_and_page_numbers(pdf: PdfReader) -> None:
    first = " ".join((pdf.pages[0].extract_text() or "").split())
    assert "Handlingsplan för tryggare centrum 2021" in first and "Diarienummer, Exempelby kommun KS 2021/34" in first
    second = " ".join((pdf.pages[1].extract_text() or "").split())
    assert "Innehåll" in second and f"Sida 2 ({len(pdf.pages)})" in second


def test_html_words_joined_by_a_slash_may_break_after_it(tmp_path: Path) -> None:
    """On a phone, "underrättelseinhämtning/omvärldsorientering" breaks after its slash, not
    inside a word; a short word ("ggr/år") and a slash beside punctuation or space (`</script>`,
    `a / b`) are left alone."""
    source = tmp_path / "plan.yaml"
    source.write_text(PLAN.read_text(encoding="utf-8").replace(
        "parties:\n", "background: Underrättelseinhämtning/omvärldsorientering, 2 ggr/år, a / b, </b>.\nparties:\n", 1),
        encoding="utf-8")
    assert run_build([source], tmp_path / "out", formats=("html",)).exit_code == 0
    page = (tmp_path / "out" / "plan-by-party.html").read_text(encoding="utf-8")
    assert "Underrättelseinhämtning/<wbr>omvärldsorientering, 2 ggr/år, a / b, &lt;/b&gt;." in page


def test_pdf_running_header_keeps_a_long_title_on_one_line(tmp_path: Path) -> None:
    """Ljusdal's title (107 characters) is set smaller in the header rather than leave "2014"
    alone on a second line of every page."""
    source = EXAMPLES / "ljusdal-2014" / "action-plan.yaml"
    assert run_build([source], tmp_path, formats=("pdf",)).exit_code == 0
    reader = PdfReader(tmp_path / "ljusdal-2014.pdf")
    title = reader.metadata.title
    assert len(title) > 100
    for page in reader.pages[1:]:
        assert page.extract_text().splitlines()[0].strip() == title


def test_word_paragraph_after_a_list_stands_apart_from_it(tmp_path: Path) -> None:
    """Ljusdal's "Indikatorer:" and notes follow lists of compact items; Word adds no space
    below a list, so the paragraph after one gets 6 pt above it."""
    source = EXAMPLES / "ljusdal-2014" / "action-plan.yaml"
    assert run_build([source], tmp_path, formats=("docx",)).exit_code == 0
    with zipfile.ZipFile(tmp_path / "ljusdal-2014.docx") as archive:
        body = etree.fromstring(archive.read("word/document.xml")).find("w:body", NS)
    def style(node: etree._Element) -> str:
        return node.xpath("string(w:pPr/w:pStyle/@w:val)", namespaces=NS)
    def in_list(node: etree._Element) -> bool:
        return node.find("w:pPr/w:numPr", NS) is not None
    content = [node for node in body if etree.QName(node).localname in ("p", "tbl")]
    texts = [node for before, node in zip(content, content[1:]) if in_list(before) and not in_list(node)
             and style(node) in {"BodyText", "FirstParagraph"}]
    assert len(texts) >= 3
    assert all(node.xpath("string(w:pPr/w:spacing/@w:before)", namespaces=NS) == "120" for node in texts)
    headings = [node for node in content if style(node).startswith("Heading")]
    assert headings and all(node.find("w:pPr/w:spacing", NS) is None for node in headings)  # their style spaces them


def test_one_title_page_the_rule_between_the_title_and_the_parties_in_every_format(plan_build: Path) -> None:
    """Title, subtitle, an accent rule, the parties, then the facts right after them."""
    with zipfile.ZipFile(plan_build / "plan-by-party.docx") as archive:
        styles = etree.fromstring(archive.read("word/styles.xml"))
    author = styles.xpath("//w:style[@w:styleId='Author']", namespaces=NS)[0]
    rule = author.find("w:pPr/w:pBdr/w:top", NS)
    assert rule is not None and rule.get(f"{{{NS['w']}}}color") == "1B4B7A"
    html = (plan_build / "plan-by-party.html").read_text(encoding="utf-8")
    assert re.search(r"\.parties \{[^}]*border-top: 3px solid var\(--accent\)", html)
    assert not re.search(r"\.title-block \{[^}]*border-bottom", html)
    page = PdfReader(plan_build / "plan-by-party.pdf").pages[0]
    heights: dict[str, float] = {}
    page.extract_text(visitor_text=lambda text, cm, tm, font, size: heights.setdefault(text.strip(), tm[5] * cm[3] + cm[5]))
    top = float(page.mediabox.height)
    # the facts follow the parties closely, in the top half of the page, not at its foot
    assert top - heights["Lokalpolisområde Exempelby"] < top - heights["Period"] < top / 2


def test_word_keeps_a_short_list_and_its_lead_in_on_one_page(tmp_path: Path) -> None:
    """Ljusdal's three goals were split two and one across pages, Malmö's five areas four and one."""
    source = EXAMPLES / "ljusdal-2014" / "action-plan.yaml"
    assert run_build([source], tmp_path, formats=("docx",)).exit_code == 0
    with zipfile.ZipFile(tmp_path / "ljusdal-2014.docx") as archive:
        body = etree.fromstring(archive.read("word/document.xml")).find("w:body", NS)
    content = [node for node in body if etree.QName(node).localname in ("p", "tbl")]
    def flag(node: etree._Element, name: str) -> bool:
        return node.find(f"w:pPr/w:{name}", NS) is not None
    def in_list(node: etree._Element) -> bool:
        return flag(node, "numPr")
    runs: list[list[etree._Element]] = []
    for before, node in zip([None, *content], content):
        if in_list(node):
            if before is None or not in_list(before):
                runs.append([])
                if before is not None and before.xpath("string(w:pPr/w:pStyle/@w:val)", namespaces=NS) in (
                        "BodyText", "FirstParagraph"):
                    assert flag(before, "keepNext"), "a lead-in paragraph keeps with its list"
            runs[-1].append(node)
    short = [run for run in runs if len(run) <= 8]
    assert len(short) >= 5
    for run in short:
        assert all(flag(node, "keepNext") for node in run[:-1]) and all(flag(node, "keepLines") for node in run)


def test_word_keeps_the_text_before_the_signatures_with_them(tmp_path: Path) -> None:
    """Malmö's signatures follow a lead-in and a list of five areas: all of them keep with the
    signature table, and nothing before the lead-in does, so the signatures never open a page alone."""
    source = EXAMPLES / "malmo-2011" / "agreement.yaml"
    assert run_build([source], tmp_path, formats=("docx",)).exit_code == 0
    with zipfile.ZipFile(tmp_path / "malmo-2011.docx") as archive:
        body = etree.fromstring(archive.read("word/document.xml")).find("w:body", NS)
    content = [node for node in body if etree.QName(node).localname in ("p", "tbl")]
    signatures = next(index for index, node in enumerate(content) if etree.QName(node).localname == "tbl"
                      and node.xpath("string(.)", namespaces=NS).startswith("Malmö stad"))
    texts = [node.xpath("string(.)", namespaces=NS) for node in content[signatures - 7:signatures]]
    assert texts[1] == "Samverkansområde år 2010-2011:" and texts[-1].startswith("Trygghetsskapande")
    kept = [node.find("w:pPr/w:keepNext", NS) is not None for node in content[signatures - 7:signatures]]
    assert kept == [False, True, True, True, True, True, True]


def test_word_keeps_the_lists_before_an_areas_notes_with_them(tmp_path: Path) -> None:
    """Ljusdal's notes on "Våld" explain the lists before them: the last list and its heading keep
    with the notes' first paragraph, so the notes never open a page alone."""
    source = EXAMPLES / "ljusdal-2014" / "action-plan.yaml"
    assert run_build([source], tmp_path, formats=("docx",)).exit_code == 0
    with zipfile.ZipFile(tmp_path / "ljusdal-2014.docx") as archive:
        body = etree.fromstring(archive.read("word/document.xml")).find("w:body", NS)
    content = [node for node in body if etree.QName(node).localname in ("p", "tbl")]
    notes = next(index for index, node in enumerate(content)
                 if node.xpath("string(.)", namespaces=NS).startswith("*Skyddsnätet"))
    before = content[notes - 7:notes]
    assert [node.xpath("string(.)", namespaces=NS) for node in before][1] == "Ljusdals kommun"
    assert [node.find("w:pPr/w:keepNext", NS) is not None for node in before] == [False] + [True] * 6


def test_word_keeps_the_last_rows_of_a_table_before_an_areas_notes_with_them(tmp_path: Path) -> None:
    """A table right before the notes: its last three rows keep with the notes, and no row before them."""
    actions = "".join(f"      - {{title: Åtgärd {number}, owner: polisen}}\n" for number in range(12))
    source = tmp_path / "plan.yaml"
    source.write_text(agreement("focus_areas:\n  - id: centrum\n    title: Centrum\n    actions:\n" + actions
                                + "    notes: Noten förklarar tabellen.\n"), encoding="utf-8")
    assert run_build([source], tmp_path / "out", formats=("docx",)).exit_code == 0
    with zipfile.ZipFile(next((tmp_path / "out").glob("*.docx"))) as archive:
        body = etree.fromstring(archive.read("word/document.xml")).find("w:body", NS)
    table = next(node for node in body.iter(f"{{{NS['w']}}}tbl") if "Åtgärd 11" in node.xpath("string(.)"))
    kept = [all(paragraph.find("w:pPr/w:keepNext", NS) is not None for paragraph in row.iter(f"{{{NS['w']}}}p"))
            for row in table.findall("w:tr", NS)]
    assert kept[-4:] == [False, True, True, True]
