"""Pagination of the PDF, read from the built files.

Every example, every real-client test document and a forty-page synthetic plan are built
through the real pipeline, and their PDFs read back through their tag trees (which
element is a heading, a table row, on which page) and their positioned text: no page
ends with a heading, no table leaves fewer than three rows (or its header alone) on a
page, no short table breaks, member lists and signatures stay whole, no word is
hyphenated that fits its column, no text overprints other text (see tests/pagination.py).

Each check is shown to fail where its rule is broken: on a PDF made by hand with typst,
breaking each rule on purpose, and on the synthetic plan laid out without the layout's
rules. The Word file's layout is checked the same way in tests/e2e/test_pagination.py,
through LibreOffice.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from agreement.render.template_folders import TemplateSet

from .. import pagination
from ..pdf_reading import TaggedPdf
from ..synthetic_plan import DOCUMENT_ID
from .conftest import paged_sources, run_build

SOURCES = {path.stem if path.parent.name == "documents" else path.parent.name: path for path in paged_sources()}


def built_pdf(folder: Path, source: Path) -> Path:
    from agreement.validation import check_file

    document = check_file(source).document
    assert document is not None
    return folder / f"{document.id}.pdf"


@pytest.fixture(scope="module")
def synthetic_pdf(paged_build: Path) -> TaggedPdf:
    return TaggedPdf(paged_build / f"{DOCUMENT_ID}.pdf")


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_no_page_breaks_a_pagination_rule(name: str, paged_build: Path) -> None:
    source = SOURCES[name]
    found = pagination.findings(TaggedPdf(built_pdf(paged_build, source)), pagination.expected(source))
    assert found == []


def test_the_synthetic_plan_breaks_no_pagination_rule(synthetic_pdf: TaggedPdf, synthetic_source: Path) -> None:
    assert pagination.findings(synthetic_pdf, pagination.expected(synthetic_source)) == []


def test_the_synthetic_plan_is_about_forty_pages_of_what_the_rules_are_about(
        synthetic_pdf: TaggedPdf, synthetic_source: Path) -> None:
    assert 35 <= len(synthetic_pdf.pdf.pages) <= 50
    tables = pagination.tables(synthetic_pdf)
    rows = sorted(len(table.rows) for table in tables)
    assert len(tables) >= 15 and rows[0] <= 5 and pagination.SHORT_TABLE in rows and rows[-1] >= 25
    assert sum(1 for table in tables if len(table.rows_per_page()) > 1) >= 5  # long tables do break
    assert {level for level, _, _ in pagination.headings(synthetic_pdf)} == {1, 2, 3, 4, 5, 6}
    blocks = pagination.expected(synthetic_source).blocks
    assert len(blocks) >= 6 and blocks[-1].name == "the signatures"


# -- the checks find what they look for ------------------------------------------------------------

# A PDF that breaks every rule on purpose, on small pages with rows of a fixed height, so
# that where each break falls does not depend on the fonts: a heading ends page 1, a
# short table starts too low to fit, a long table leaves one row at its start and two at
# its end, a list is parted by a page break, a narrow paragraph hyphenates short words,
# two texts are placed over each other, and a long word runs out of its grid column.
BROKEN = r"""
#set document(title: "Brutna regler")
#set page(width: 220pt, height: 260pt, margin: 20pt)
#set text(font: "Carlito", size: 10pt, lang: "sv")
#set figure(numbering: none)
#show figure: set block(breakable: true)
#show figure.where(kind: table): set figure.caption(position: top)
#let rows(count) = range(count).map(row => ([Rad #row], [Text])).flatten()
#let tabell(caption, count) = figure(kind: table, caption: caption,
  table(columns: (1fr, 1fr), rows: 16pt, table.header([Åtgärd], [Mål]), ..rows(count)))
= Rubrik sist på sidan
#pagebreak()
Efter rubriken.
#v(120pt)
#tabell([Kort tabell], 5)
#pagebreak()
#v(150pt)
#tabell([Lång tabell], 15)
#pagebreak()
- Medlem ett
- Medlem två
#pagebreak()
- Medlem tre
#pagebreak()
#block(width: 50pt, par(justify: true, text(hyphenate: true)[kommunen polisen arbetet samverkan trygghet]))
#pagebreak()
Överlappande text
#place(top + left, dx: 4pt)[Överlappande text]
#pagebreak()
#grid(columns: (40pt, 1fr), column-gutter: 6pt, text(hyphenate: false)[Samverkansöverenskommelse], [Förklaring])
"""


@pytest.fixture(scope="module")
def broken_pdf(tmp_path_factory: pytest.TempPathFactory) -> TaggedPdf:
    import typst

    path = tmp_path_factory.mktemp("broken") / "broken.pdf"
    path.write_bytes(typst.compile(BROKEN.encode(), format="pdf", pdf_standards=["ua-1"],
                                   font_paths=[str(folder) for folder in TemplateSet().font_dirs()],
                                   ignore_system_fonts=True))
    return TaggedPdf(path)


def test_the_heading_check_finds_a_heading_that_ends_a_page(broken_pdf: TaggedPdf) -> None:
    assert pagination.heading_findings(broken_pdf) == [
        "page 1 ends with the heading 'Rubrik sist på sidan' (H1); what follows it starts on page 2"]


def test_the_table_check_finds_a_short_table_split_and_a_long_one_thin_at_its_ends(broken_pdf: TaggedPdf) -> None:
    found = [finding for table in pagination.tables(broken_pdf) for finding in pagination.table_findings(table)]
    assert found == ["'Kort tabell': a table of 5 rows is split across pages 2–3",
                     "'Lång tabell': only 2 of its 15 rows on page 4, where it starts",
                     "'Lång tabell': only 1 of its 15 rows on page 6, where it ends"]


def test_the_block_check_finds_a_list_parted_by_a_page_break(broken_pdf: TaggedPdf) -> None:
    blocks = (pagination.Block("the members", ("Medlem ett", "Medlem två", "Medlem tre")),
              pagination.Block("the signatures", ("Inte", "här")))
    assert pagination.block_findings(broken_pdf, blocks) == [
        "the members: split across pages 7–8", "the signatures: not found in the text ('Inte' … 'här')"]


def test_the_block_check_finds_signatures_alone_at_the_top_of_a_page(broken_pdf: TaggedPdf) -> None:
    """"Efter rubriken." opens page 2 after a page break: as signatures, it would stand alone."""
    alone = pagination.Block("the signatures", ("Efter rubriken.",), with_text_before=True)
    assert pagination.block_findings(broken_pdf, (alone,)) == [
        "the signatures: alone at the top of page 2, the text before them on page 1"]
    assert pagination.block_findings(broken_pdf, (pagination.Block("a paragraph", ("Efter rubriken.",)),)) == []


def test_the_hyphenation_check_finds_short_words_broken(broken_pdf: TaggedPdf) -> None:
    found = pagination.hyphenation_findings(broken_pdf)
    assert found and all(" is hyphenated in a P whose widest line" in finding for finding in found), found


def test_the_overprint_checks_find_text_over_text_and_out_of_its_column(broken_pdf: TaggedPdf) -> None:
    assert "page 10: 'Överlappande text' and 'Överlappande text' overprint each other" in (
        pagination.overprint_findings(broken_pdf))
    assert pagination.column_findings(broken_pdf) == [
        "page 11: 'Samverkansöverenskommelse' (Div) runs 76.2 pt into the next column, 'Förklaring'"]


def test_the_synthetic_plan_breaks_the_rules_without_the_layouts_rules(
        tmp_path: Path, synthetic_source: Path) -> None:
    """Laid out without its table rules, the word-fitting rule and the glossary's keep, the
    synthetic plan's PDF has long tables thin at their ends, short ones split, short words
    hyphenated and glossary terms over their definitions: the plan puts tables and terms where
    the rules matter."""
    templates = tmp_path / "templates"
    templates.mkdir()
    layout = (TemplateSet().builtin_dir / "document.typ").read_text(encoding="utf-8")
    start, end = layout.index("#show figure.where(kind: table): it =>"), layout.index("#show table.cell.where(y: 0)")
    layout = layout[:start] + layout[end:]
    for rule, plain in (("#show table.cell: it => fit-words(it, margin: 2 * cell-inset.x)",
                         "#show table.cell: set text(hyphenate: true)"),
                        ("fit-words(body))", "body)")):
        assert rule in layout
        layout = layout.replace(rule, plain)
    (templates / "document.typ").write_text(layout, encoding="utf-8")
    report = run_build([synthetic_source], tmp_path / "out", formats=("pdf",), templates=templates)
    assert report.exit_code == 0, report.results
    found = pagination.findings(TaggedPdf(tmp_path / "out" / f"{DOCUMENT_ID}.pdf"),
                                pagination.expected(synthetic_source))
    assert sum("where it starts" in f or "where it ends" in f for f in found) >= 3, found
    assert any("rows is split across pages" in f for f in found), found
    assert sum("is hyphenated in a TD" in f for f in found) >= 10, found
    assert any("Samverkansöverenskommelseuppföljningsansvarig" in f and "overprint" in f for f in found), found
    shutil.rmtree(templates)


@pytest.mark.parametrize(("name", "finding"), [
    ("malmo-2011", "the signatures: alone at the top of page 6, the text before them on page 5"),
    ("ljusdal-2014", "the notes of 'Våld': alone at the top of page 7, the text before them on page 6"),
])
def test_without_its_rule_what_explains_or_signs_the_text_before_stands_alone(
        name: str, finding: str, tmp_path: Path) -> None:
    """Malmö's signatures come last, after a lead-in and a short list that fill page 5; Ljusdal's
    notes on "Våld" come last, after lists that fill page 6. Laid out without `with-text-before`,
    each opens the next page alone, which the check reports."""
    templates = tmp_path / "templates"
    templates.mkdir()
    layout = (TemplateSet().builtin_dir / "document.typ").read_text(encoding="utf-8")
    assert "#with-text-before[" in layout
    (templates / "document.typ").write_text(layout.replace("#with-text-before[", "#[", 1), encoding="utf-8")
    source = SOURCES[name]
    report = run_build([source], tmp_path / "out", formats=("pdf",), templates=templates)
    assert report.exit_code == 0, report.results
    found = pagination.findings(TaggedPdf(built_pdf(tmp_path / "out", source)), pagination.expected(source))
    assert [found_here for found_here in found if "alone at the top" in found_here] == [finding]


def _plans_of_long_lists(folder: Path) -> list[Path]:
    """Plans whose one area has a list of 40 to 46 actions and a note after it: with that many,
    some list ends at the foot of a page wherever the fonts put it, leaving the note alone."""
    paths = []
    for count in range(40, 47):
        actions = "".join(f"          - {{title: Åtgärd nummer {number} i en lång lista}}\n" for number in range(count))
        path = folder / f"lista-{count}.yaml"
        path.write_text(f"kind: action-plan\nschema: 1\nid: lista-{count}\ntitle: Listor\nperiod: 2014\n"
                        "parties: [{id: polisen, name: Polisen, type: police}]\nareas:\n"
                        "  - id: a\n    title: Området\n    target_group: Alla\n    by_party:\n"
                        "      - party: polisen\n        actions:\n" + actions +
                        "    notes: Noten förklarar listan ovan.\n", encoding="utf-8")
        paths.append(path)
    return paths


def _notes_alone(folder: Path, sources: list[Path], templates: Path | None = None) -> list[str]:
    report = run_build(sources, folder, formats=("pdf",), templates=templates)
    assert report.exit_code == 0, report.results
    return [finding for source in sources for finding in
            pagination.findings(TaggedPdf(built_pdf(folder, source)), pagination.expected(source))]


def test_the_last_items_of_a_long_list_go_with_the_note_after_it(tmp_path: Path) -> None:
    """Too long to keep whole, the list gives its last three items to the note; laid out without
    that, some note opens a page alone."""
    sources = _plans_of_long_lists(tmp_path)
    assert _notes_alone(tmp_path / "out", sources) == []
    templates = tmp_path / "templates"
    templates.mkdir()
    layout = (TemplateSet().builtin_dir / "document.typ").read_text(encoding="utf-8")
    assert "} else if items.len() > 3 {" in layout
    (templates / "document.typ").write_text(layout.replace("} else if items.len() > 3 {", "} else if false {"),
                                            encoding="utf-8")
    alone = _notes_alone(tmp_path / "without", sources, templates)
    assert alone and all("the notes of 'Området': alone at the top of page" in finding for finding in alone), alone


# -- short lists ---------------------------------------------------------------------------------


def _plan_of_lists(count: int) -> str:
    """A plan of `count` free sections, each a paragraph of varying length and a list of three
    to five items: with that many, some list meets the foot of a page wherever the fonts put it."""
    sections = []
    for number in range(count):
        words = " ".join(["Samverkan kring tryggheten i området."] * (3 + number * 7 % 11))
        items = "\n".join(f"    - Punkt {number}-{item} i listan" for item in range(3 + number % 3))
        sections.append(f"  - id: avsnitt-{number}\n    title: Avsnitt {number}\n    text: |\n"
                        f"      {words}\n\n{items.replace('    -', '      -')}\n")
    return ("kind: guidelines\nschema: 1\nid: listor\ntitle: Listor\nparties:\n"
            "  - {id: kommun, name: Exempelby kommun, type: municipality}\nsections:\n" + "".join(sections))


def test_a_short_list_is_never_split_across_pdf_pages(tmp_path: Path) -> None:
    source = tmp_path / "listor.yaml"
    source.write_text(_plan_of_lists(40), encoding="utf-8")
    assert run_build([source], tmp_path, formats=("pdf",)).exit_code == 0
    pdf = TaggedPdf(tmp_path / "listor.pdf")
    assert len(pdf.pdf.pages) >= 6
    blocks = tuple(pagination.Block(f"list {number}", tuple(f"Punkt {number}-{item} i listan"
                                                             for item in range(3 + number % 3)))
                   for number in range(40))
    assert pagination.block_findings(pdf, blocks) == []
