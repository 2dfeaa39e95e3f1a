"""`agreement report` through the real pipeline: Jinja, pandoc, typst and matplotlib, in every format.

The report of the small plan (support.py) as of 2016-09-15 is built once per module into html,
docx, pdf and md; the tests read those files as a reader's program would (the web page's text
and attributes, the Word file's XML, the PDF's text and structure tree).
"""

from __future__ import annotations

import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader

from agreement.render.build import BuildOptions, build
from agreement.report import ReportRequest

from .support import PLAN, day, pdf_alt_texts, plan_folder

STEM = "exempel-2016-uppfoljning-2016-09-15"
ALL = ("html", "docx", "pdf", "md")


def build_report(plan: Path, out: Path, as_of: str = "2016-09-15", formats: tuple[str, ...] = ALL,
                 **options: object):  # type: ignore[no-untyped-def]
    return build([plan], BuildOptions(formats=formats, out=out, report=ReportRequest(day(as_of)), **options),  # type: ignore[arg-type]
                 jobs=1)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("report")
    outcome = build_report(plan_folder(folder), folder / "out")
    assert outcome.exit_code == 0, [(r.error, r.diagnostics) for r in outcome.results]
    return folder / "out"


class _Page(HTMLParser):
    """The web page's visible text and its images' attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.images: list[dict[str, str | None]] = []
        self.hidden: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "title"):
            self._skip += 1
        if tag == "img":
            self.images.append(dict(attrs))
        if dict(attrs).get("aria-hidden") == "true":
            self.hidden.append(" ".join(f"{k}={v}" for k, v in attrs))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "title"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)


def page(built: Path) -> _Page:
    parsed = _Page()
    parsed.feed((built / f"{STEM}.html").read_text(encoding="utf-8"))
    return parsed


def text_of(html: _Page) -> str:
    return " ".join("".join(html.text).split())


def word_xml(built: Path) -> str:
    with zipfile.ZipFile(built / f"{STEM}.docx") as archive:
        return archive.read("word/document.xml").decode("utf-8")


def word_text(xml: str) -> str:
    return " ".join("".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml)).split())


def pdf_text(built: Path) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(built / f"{STEM}.pdf").pages).split())


# -- names and the summary -------------------------------------------------------------------------


def test_the_files_are_named_after_the_document_and_the_day(built: Path) -> None:
    assert sorted(p.name for p in built.iterdir() if not p.name.startswith(".")) == [
        f"{STEM}.{fmt}" for fmt in sorted(ALL)]


def test_the_summary_counts_per_area_and_per_owner(built: Path) -> None:
    markdown = (built / f"{STEM}.md").read_text(encoding="utf-8")
    rows = [" ".join(line.split()) for line in markdown.splitlines()]
    # Genomförd, Enligt plan, Risk för avvikelse, Avviker, Ej bedömd, Ej rapporterad, Totalt
    assert "| Trygghet i centrum | 1 | 1 | 1 | 0 | 0 | 0 | 3 |" in rows
    assert "| Trygg skolväg | 0 | 0 | 0 | 1 | 1 | 1 | 3 |" in rows
    assert "| Medborgarlöften | 0 | 0 | 0 | 0 | 0 | 1 | 1 |" in rows
    assert "| Totalt | 1 | 1 | 1 | 1 | 1 | 2 | 7 |" in rows
    # joint owners count for each: Exempels kommun has vandringar, skolvag and foraldrar
    assert "| Exempels kommun | 0 | 1 | 0 | 1 | 1 | 0 | 3 |" in rows
    assert "| Lokalpolisområde Exempel | 0 | 1 | 1 | 0 | 0 | 2 | 4 |" in rows
    assert "| Gatukontoret | 1 | 0 | 0 | 0 | 0 | 0 | 1 |" in rows
    assert "En åtgärd med flera ansvariga räknas hos var och en av dem." in text_of(page(built))
    assert "Avbruten" not in markdown  # a standing nobody has gets no column, unless it is a main one


# -- ratings: a symbol and a word, and a colour, in every format ------------------------------------


def test_the_web_page_shows_rating_symbols_and_words_and_colours_the_symbol(built: Path) -> None:
    html = page(built)
    text = text_of(html)
    assert "● Grön" in text and "◊ Gul" in text and "▪ Röd" in text
    assert any("rating-red" in hidden for hidden in html.hidden)  # the symbol is seen; the word is read
    css = (built / f"{STEM}.html").read_text(encoding="utf-8")
    assert ".rating-red { color: #b3261e; }" in css


def test_the_word_file_shows_symbols_and_words_with_the_symbol_coloured(built: Path) -> None:
    xml = word_xml(built)
    text = word_text(xml)
    assert "● Grön" in text and "◊ Gul" in text and "▪ Röd" in text
    assert re.search(r'<w:rStyle w:val="Ratingred"/></w:rPr><w:t[^>]*>▪</w:t>', xml)
    assert re.search(r'<w:rStyle w:val="Ratinggreen"/></w:rPr><w:t[^>]*>●</w:t>', xml)
    with zipfile.ZipFile(built / f"{STEM}.docx") as archive:
        styles = archive.read("word/styles.xml").decode("utf-8")
    for style, colour in (("Ratingred", "b3261e"), ("Ratinggreen", "1e6b34"), ("Ratingyellow", "7a5c00")):
        assert re.search(rf'w:styleId="{style}"[^>]*>.*?<w:color w:val="{colour}"\s*/>.*?</w:style>', styles, re.S)


def test_a_heading_too_wide_for_its_word_column_gets_optional_hyphens(built: Path) -> None:
    """"Genomförd" is wider than its summary column: Word may break it only where Swedish allows."""
    xml = word_xml(built)
    assert re.search(r">Ge</w:t><w:softHyphen/><w:t[^>]*>nom</w:t><w:softHyphen/><w:t[^>]*>förd</w:t>", xml)
    assert "Genomförd" in word_text(xml)  # the text itself is the same


def test_the_pdf_shows_symbols_and_words_with_the_symbol_coloured(built: Path) -> None:
    text = pdf_text(built)
    assert "● Grön" in text and "◊ Gul" in text and "▪ Röd" in text
    colours = pdf_text_colours(built)
    assert colours["▪"] == {(179, 38, 30)} and colours["●"] == {(30, 107, 52)} and colours["◊"] == {(122, 92, 0)}
    assert colours["Röd"] == {(26, 26, 26)}  # the word is in the text's colour


def pdf_text_colours(built: Path) -> dict[str, set[tuple[int, ...]]]:
    """The fill colours (RGB, 0-255) each piece of text of the PDF is shown in."""
    colours: dict[str, set[tuple[int, ...]]] = {}
    fill: list[tuple[int, ...]] = [(0, 0, 0)]

    def operator(op: bytes, args: list, *_: object) -> None:  # type: ignore[type-arg]
        if op in (b"rg", b"scn", b"sc") and len(args) == 3:  # typst sets fills in an RGB colour space
            fill[0] = tuple(round(float(value) * 255) for value in args)

    def shown(text: str, *_: object) -> None:
        for piece in text.split():
            colours.setdefault(piece, set()).add(fill[0])

    for pdf_page in PdfReader(built / f"{STEM}.pdf").pages:
        pdf_page.extract_text(visitor_operand_before=operator, visitor_text=shown)
    return colours


# -- the progress log, overdue follow-ups and what changed -----------------------------------------


def test_each_action_has_its_log_and_its_overdue_follow_ups(built: Path) -> None:
    text = text_of(page(built))
    assert "Lägesrapporter – Bättre belysning i gångtunnlar" in text
    assert "2 maj 2016 Pågående ◊ Gul Två av fem tunnlar klara. Gatuchefen" in text
    assert "Försenad uppföljning: 30 april 2016 och 31 augusti 2016" in text  # lektioner
    assert "Efter rapportdagen" not in text  # an entry after --as-of


def test_the_changed_since_section_lists_what_came_after_the_previous_occasion(built: Path) -> None:
    markdown = (built / f"{STEM}.md").read_text(encoding="utf-8")
    section = markdown.split("# Nytt sedan 31 augusti 2016", 1)[1].split("\n# ", 1)[0]
    assert "Bättre belysning i gångtunnlar" in section and "Säkrare skolvägar" in section
    assert "Trygghetsvandringar" not in section  # reported in May
    assert "Nya mätvärden" not in section


# -- the chart: alt text in every format, the figures as a table -----------------------------------

ALT = ("Linjediagram över Andel som känner sig otrygga i centrum. Mätvärden: 38 % (2015) och "
       "35,5 % (30 juni 2016). Utgångsvärde: 38 % (2015). Målvärde: 30 % (2018). "
       "Samma värden står i tabellen under diagrammet.")


def test_the_web_page_has_the_chart_as_svg_with_its_alt_text(built: Path) -> None:
    (image,) = page(built).images
    assert (image["src"] or "").startswith("data:image/svg+xml;base64,")
    assert " ".join((image["alt"] or "").split()) == ALT


def test_the_word_file_has_the_chart_as_png_with_its_alt_text(built: Path) -> None:
    with zipfile.ZipFile(built / f"{STEM}.docx") as archive:
        media = [name for name in archive.namelist() if name.startswith("word/media/")]
        assert len(media) == 1 and archive.read(media[0]).startswith(b"\x89PNG")
    assert f'descr="{ALT}"' in " ".join(word_xml(built).split())


def test_the_pdf_has_the_chart_tagged_with_its_alt_text(built: Path) -> None:
    reader = PdfReader(built / f"{STEM}.pdf")
    alts = [" ".join(a.split()) for a in pdf_alt_texts(reader.trailer["/Root"]["/StructTreeRoot"])]
    assert ALT in alts


def test_the_figures_stand_beside_the_chart_as_a_table(built: Path) -> None:
    text = text_of(page(built))
    assert "Mätvärden – Andel som känner sig otrygga i centrum" in text
    assert "2015 38 % Trygghetsmätningen" in " ".join(text.replace("\u00a0", " ").split())
    assert "30 juni 2016 35,5 % Trygghetsmätningen Våren 2016." in text.replace("\u00a0", " ")
    assert "Källa: Trygghetsmätningen" not in text  # the indicator states no source of its own


def test_user_text_stays_image_free(tmp_path: Path) -> None:
    plan = plan_folder(tmp_path)
    text = plan.read_text(encoding="utf-8").replace(
        "title: Trygghetsvandringar", "title: Trygghetsvandringar\n        description: Se ![bild](chart-1) och ![data](data:image/png;base64,iVBORw0KGgo=).")
    plan.write_text(text, encoding="utf-8")
    assert build_report(plan, tmp_path / "out", formats=("html",)).exit_code == 0
    html = page(tmp_path / "out")
    assert len(html.images) == 1  # the program's chart only; the description's image is its alt text


# -- reproducible, and a document without progress ---------------------------------------------------


def test_two_builds_give_the_same_bytes_in_every_format(tmp_path: Path, built: Path) -> None:
    again = tmp_path / "again"
    assert build_report(plan_folder(tmp_path), again).exit_code == 0
    for fmt in ALL:
        name = f"{STEM}.{fmt}"
        assert (built / name).read_bytes() == (again / name).read_bytes(), f"{name} differs between two builds"


def test_the_report_date_is_the_day_it_is_as_of(built: Path) -> None:
    with zipfile.ZipFile(built / f"{STEM}.docx") as archive:
        assert "2016-09-15T00:00:00Z</dcterms:created>" in archive.read("docProps/core.xml").decode()
    reader = PdfReader(built / f"{STEM}.pdf")
    assert reader.metadata["/CreationDate"].startswith("D:20160915")
    assert reader.metadata["/Title"] == "Uppföljningsrapport: Handlingsplan Exempel 2016"


def test_a_document_without_progress_gets_a_report_that_says_so(tmp_path: Path) -> None:
    plan = plan_folder(tmp_path, log=None)
    assert build_report(plan, tmp_path / "out", formats=("html", "docx", "pdf")).exit_code == 0
    text = text_of(page(tmp_path / "out"))
    assert "Ingen lägesrapport har förts in ännu." in text
    assert "Inga nya lägesrapporter eller mätvärden." in text
    assert "Senaste lägesrapport: ingen ännu" in text


def test_an_unchanged_report_is_up_to_date_and_a_changed_follow_up_file_rebuilds_it(tmp_path: Path) -> None:
    plan = plan_folder(tmp_path)
    out = tmp_path / "out"
    assert build_report(plan, out, formats=("md",)).results[0].outcome.value == "built"
    assert build_report(plan, out, formats=("md",)).results[0].outcome.value == "up to date"
    log = tmp_path / "uppfoljning.yaml"
    log.write_text(log.read_text(encoding="utf-8").replace("Tillstånd sökt.", "Tillstånd beviljat."), encoding="utf-8")
    assert build_report(plan, out, formats=("md",)).results[0].outcome.value == "built"
    assert "Tillstånd beviljat\\." in (out / f"{STEM}.md").read_text(encoding="utf-8")


def test_an_invalid_follow_up_file_makes_the_report_invalid(tmp_path: Path) -> None:
    plan = plan_folder(tmp_path)
    log = tmp_path / "uppfoljning.yaml"
    log.write_text(log.read_text(encoding="utf-8").replace("  kameror:", "  kamera:"), encoding="utf-8")
    outcome = build_report(plan, tmp_path / "out", formats=("md",))
    assert outcome.exit_code == 1 and outcome.results[0].outcome.value == "invalid"
    assert any(d.code == "R307" and "did you mean 'kameror'" in (d.hint or "") for d in outcome.results[0].diagnostics)


def test_english_labels(tmp_path: Path) -> None:
    plan = plan_folder(tmp_path)
    assert build_report(plan, tmp_path / "out", formats=("md",), language="en").exit_code == 0
    markdown = (tmp_path / "out" / f"{STEM}.md").read_text(encoding="utf-8")
    assert "# New since 31 August 2016" in markdown and "Green" in markdown and "Not reported" in markdown


def test_an_items_owner_prints_in_the_documents_words_when_it_gives_them(tmp_path: Path) -> None:
    plan = PLAN.replace("        owner: [kommunen, polisen]\n",
                        "        owner: [kommunen, polisen]\n        owner_text: Kommunen samt polisen\n")
    outcome = build_report(plan_folder(tmp_path, plan), tmp_path / "out")
    assert outcome.exit_code == 0
    markdown = next((tmp_path / "out").glob("*.md")).read_text(encoding="utf-8")
    assert "Kommunen samt polisen" in markdown
    assert "| Exempels kommun |" in markdown  # the summary still counts by who the owners are
