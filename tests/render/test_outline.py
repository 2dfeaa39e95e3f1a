"""Each example prints as its source does: its parts in the source's order under the source's
headings, in the PDF's bookmarks, the Word file's headings and the web page's headings alike,
and no date that its YAML does not state (a schedule is printed as agreed, never as dates).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest
from babel.dates import format_date
from pypdf import PdfReader

from agreement.loading import load_file
from agreement.model import KINDS

from .conftest import EXAMPLES, ROOT, run_build

SEEDS = ROOT.parent / "shared" / "seeds"
DOCUMENTS = sorted(path for path in EXAMPLES.glob("*/*.yaml") if load_file(path).data.get("kind") in KINDS)
"""The examples' documents (not the follow-up files beside them)."""
LJUSDAL_SOURCE = SEEDS / "003_1c83745516af546d.txt"

MALMO = ["Mål", "Organisation", "Samverkansmodellen", "Samverkansområden"]
"""The headings of Fem Fokus för ökad trygghet i Malmö (seed 001), which has no table of contents."""
ESLOV = ["Samverkansområden", "Trygghet i offentlig miljö", "Tidig upptäckt av barn och unga vuxna i riskmiljöer",
         "Våld i nära relationer", "Alkohol och drogförebyggande arbete"]
"""The headings of the Eslöv agreement (seed 000) to the depth of a table of contents: its areas."""


def ljusdal_contents() -> list[str]:
    """The entries of the Ljusdal plan's own table of contents ("Bakgrund... 3 …"), from its transcript."""
    if not LJUSDAL_SOURCE.is_file():
        pytest.skip(f"{LJUSDAL_SOURCE} is not here (the shared folder sits beside the checkout in CI)")
    text = LJUSDAL_SOURCE.read_text(encoding="utf-8")
    contents = text[text.index("Innehållsförteckning") + len("Innehållsförteckning"):text.index("Bakgrund Att")]
    return [entry.strip() for entry in re.findall(r"(.+?)\.\.\. \d+", contents)]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("examples")
    report = run_build(DOCUMENTS, out, formats=("html", "docx", "pdf"))
    assert report.exit_code == 0, report.results
    return out


def pdf_bookmarks(pdf: Path) -> list[str]:
    titles: list[str] = []

    def walk(items: list) -> None:  # type: ignore[type-arg]
        for item in items:
            walk(item) if isinstance(item, list) else titles.append(item.title)

    walk(PdfReader(pdf).outline)
    return titles


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def word_headings(docx: Path, depth: int = 2) -> list[str]:
    """The texts of the paragraphs styled Heading 1 … Heading `depth`, in order."""
    with zipfile.ZipFile(docx) as archive:
        body = ElementTree.fromstring(archive.read("word/document.xml"))
    found = []
    for paragraph in body.iter(f"{W}p"):
        style = paragraph.find(f"{W}pPr/{W}pStyle")
        level = style.get(f"{W}val", "") if style is not None else ""
        if level.startswith("Heading") and level[7:].isdigit() and int(level[7:]) <= depth:
            found.append("".join(node.text or "" for node in paragraph.iter(f"{W}t")))
    return found


class _Headings(HTMLParser):
    """The headings of a page's main content, to the depth of the contents list (h2, h3)."""

    def __init__(self) -> None:
        super().__init__()
        self.inside: str | None = None
        self.main = False
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "main":
            self.main = True
        elif self.main and tag in ("h2", "h3"):
            self.inside, self.found = tag, self.found + [""]

    def handle_endtag(self, tag: str) -> None:
        if tag == self.inside:
            self.inside = None

    def handle_data(self, data: str) -> None:
        if self.inside:
            self.found[-1] += data


def html_headings(html: Path) -> list[str]:
    parser = _Headings()
    parser.feed(html.read_text(encoding="utf-8"))
    return [" ".join(text.split()) for text in parser.found]


@pytest.mark.parametrize("example, expected", [("ljusdal-2014", None), ("malmo-2011", MALMO),
                                               ("eslov-2015-2018", ESLOV)])
def test_every_format_has_the_sources_outline(built: Path, example: str, expected: list[str] | None) -> None:
    expected = expected or ljusdal_contents()
    assert pdf_bookmarks(built / f"{example}.pdf") == expected
    assert word_headings(built / f"{example}.docx") == expected
    assert html_headings(built / f"{example}.html") == expected


def test_ljusdals_table_of_contents_reads_as_the_issue_quotes_it() -> None:
    assert ljusdal_contents() == [
        "Bakgrund", "Överenskommelsen bygger på fem steg", "Inledning", "Ljusdals kommuns prioriterade områden",
        "Mål", "Inriktning", "Information och kommunikation", "Ledning och styrning", "Uppföljning",
        "Arbete i praktiken", "Barn, ungdomar och unga vuxna", "Alkohol- och drogrelaterad problematik/brottslighet",
        "Våld"]


MONTHS = "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
SWEDISH_DATE = re.compile(rf"\b(\d{{1,2}}) ({MONTHS}) (\d{{4}})\b")
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def stated_dates(source: Path) -> set[str]:
    """Every date the YAML states, written as the Swedish documents write dates, and as written."""
    text = source.read_text(encoding="utf-8")
    found = set(ISO_DATE.findall(text))
    return found | {format_date(dt.date.fromisoformat(date), format="long", locale="sv_SE") for date in found}


def printed_text(built: Path, example: str) -> dict[str, str]:
    html = (built / f"{example}.html").read_text(encoding="utf-8")
    with zipfile.ZipFile(built / f"{example}.docx") as archive:
        word = " ".join(node.text or "" for node in ElementTree.fromstring(
            archive.read("word/document.xml")).iter(f"{W}t"))
    pdf = " ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(
        (built / f"{example}.pdf").read_bytes())).pages)
    return {"html": re.sub(r"<[^>]+>", " ", html), "docx": word, "pdf": pdf}


@pytest.mark.parametrize("source", DOCUMENTS, ids=lambda path: path.parent.name)
def test_no_example_prints_a_date_its_yaml_does_not_state(built: Path, source: Path) -> None:
    example = load_file(source).data["id"]
    stated = stated_dates(source)
    for fmt, text in printed_text(built, example).items():
        text = " ".join(text.split())
        printed = {" ".join(match) for match in SWEDISH_DATE.findall(text)} | set(ISO_DATE.findall(text))
        assert printed <= stated, f"{fmt} prints dates its YAML does not state: {sorted(printed - stated)}"
