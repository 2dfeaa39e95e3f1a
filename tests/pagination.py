"""The pagination rules, checked on a laid-out tagged PDF: typst's, or LibreOffice's layout of the Word file.

The rules (README, "What the files contain"), in every paged format:

- a heading never ends a page: what follows it starts on its page;
- a table of up to `SHORT_TABLE` rows (below its header) is never split; a longer one
  never leaves fewer than `EDGE_ROWS` rows, or its header alone, on a page; its caption
  stays with it; no row is split;
- the signature block and a body's list of members stay on one page;
- no hyphenation: a word is broken only when it is wider than its column (a narrow
  table cell, a glossary term), never in running text;
- nothing overprints: no two pieces of text on a page overlap (a glossary term wraps
  within its column rather than run into its definition).

Each check reads the tag tree (which element is a heading, a table row, on which page)
and the positioned text (see `pdf_reading`) and returns findings, one sentence each,
naming the page and the text. What the document must show whole (its tables, member
lists and signatures) comes from its view model, so a check that found nothing to look
at fails instead of passing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from agreement.render.template_folders import TemplateSet
from agreement.render.viewmodel import ActionList, AreasView, AreaView, BodyView, DocumentView, build_view
from agreement.render.wording import Wording
from agreement.validation import check_file

from .pdf_reading import Element, Marked, Run, TaggedPdf, joined

SHORT_TABLE = 8
"""A table of up to this many rows below its header is never split."""
EDGE_ROWS = 3
"""A longer table leaves at least this many rows on the page where it starts and where it ends."""
HANGING = 2.0
"""Points a line may stand out of its column: typst lets punctuation hang into the margin, so the
widest line of a column can be that much wider than the column itself."""
SOFT_HYPHEN = "\u00ad"
"""What typst's ToUnicode map gives the hyphen it adds when it breaks a word (a real hyphen in the
text is marked with /ActualText "-")."""


# -- what the document must show ----------------------------------------------------------------


@dataclass(frozen=True)
class Block:
    """Text that must stay on one page: its pieces in reading order."""

    name: str
    texts: tuple[str, ...]
    with_text_before: bool = False
    """The text before it shares its first page: the signatures never stand alone, as if they
    could sign anything."""


@dataclass(frozen=True)
class Expected:
    """What a built document holds that the rules are about."""

    tables: int
    headings: tuple[str, ...]  # the parts' headings, each must be a tagged heading
    blocks: tuple[Block, ...]  # member lists, short actions with their goal and owner, the signature block


def view_of(source: Path) -> DocumentView:
    """The view model of a document, as `agreement build` makes it with the bundled templates."""
    checked = check_file(source)
    assert checked.document is not None, [d.message for d in checked.diagnostics]
    language = checked.document.language
    return build_view(checked.document, Wording(TemplateSet().labels(language)), language)


def _action_lists(view: DocumentView) -> list[ActionList]:
    found = [action_list for area in _areas(view) for action_list in area.actions]
    return found + [part.content for part in view.parts if isinstance(part.content, ActionList)]


def _areas(view: DocumentView) -> list[AreaView]:
    return [area for part in view.parts if isinstance(part.content, AreasView)
            for area in part.content.areas + tuple(area for group in part.content.groups for area in group.areas)]


def _first_words(markdown: str, count: int = 4) -> str:
    """The first words of a Markdown field as the page shows them (no div fences, no escapes)."""
    lines = [line for line in str(markdown).splitlines() if line.strip() and not line.startswith(":::")]
    return " ".join(lines[0].replace("\\", "").split()[:count])


def _bodies(bodies: tuple[BodyView, ...]) -> list[BodyView]:
    return [found for body in bodies for found in (body, *_bodies(body.bodies))]


def _signature_texts(view: DocumentView) -> tuple[str, ...]:
    """The signature block's text in reading order, as every format sets it."""
    part = view.part("signatures")
    words = view.labels.get("signature", {})
    texts: list[str | None] = []
    for signature in part.content if part else ():
        texts.append(signature.party)
        if signature.lines:
            texts += [signature.place, words.get("place_and_date"), words.get("signature"), signature.name,
                      signature.title, words.get("name")]
        else:
            texts += [signature.place_and_date, signature.name, signature.title]
    return tuple(text for text in texts if text)


def expected(source: Path) -> Expected:
    """What the rules look at in the built files of `source`."""
    view = view_of(source)
    tables = sum(1 for action_list in _action_lists(view) if action_list.layout == "table")
    follow_up = view.part("follow_up")
    tables += 1 if follow_up is not None and follow_up.content.reporting else 0
    organisation = view.part("organisation")
    blocks = [Block(f"the members of {body.title or body.anchor}", tuple(member.text for member in body.members))
              for body in (_bodies(organisation.content.bodies) if organisation else []) if body.members]
    blocks += [Block(f"the action {item.title!r}", (item.title, *(fact.value for fact in item.facts)))
               for action_list in _action_lists(view) if action_list.layout == "sections"
               for item in action_list.items if item.keeps_whole]
    blocks += [Block(f"the notes of {area.title!r}", (_first_words(area.notes),), with_text_before=True)
               for area in _areas(view) if area.notes]
    signatures = _signature_texts(view)
    if signatures:
        blocks.append(Block("the signatures", signatures, with_text_before=True))
    headings = tuple(part.heading for part in view.parts if part.heading)
    return Expected(tables, headings, tuple(blocks))


# -- headings ------------------------------------------------------------------------------------


def _reading_order(element: Element, heading: Element | None = None) -> list[tuple[Marked, Element | None]]:
    """Every marked content in reading order, with the heading it belongs to (None: not a heading).

    A Figure that marks no content but names its page (LibreOffice tags a picture so) counts as
    content on that page."""
    owner = element if element.heading_level else heading
    if element.role == "Figure" and not element.kids and element.page is not None:
        return [(Marked(element.page, -1), owner)]
    found: list[tuple[Marked, Element | None]] = []
    for kid in element.kids:
        found += [(kid, owner)] if isinstance(kid, Marked) else _reading_order(kid, owner)
    return found


def heading_findings(pdf: TaggedPdf) -> list[str]:
    """A heading whose following content starts on a later page ends its page."""
    order = _reading_order(pdf.root)
    findings = []
    for index, (marked, heading) in enumerate(order):
        if heading is None or (index + 1 < len(order) and order[index + 1][1] is heading):
            continue  # not a heading's last piece
        following = next(((after, owner) for after, owner in order[index + 1:] if owner is not heading), None)
        if following is not None and following[0].page != marked.page:
            findings.append(f"page {marked.page} ends with the heading {pdf.text(heading)!r} "
                            f"(H{heading.heading_level}); what follows it starts on page {following[0].page}")
    return findings


def headings(pdf: TaggedPdf) -> list[tuple[int, str, list[int]]]:
    """(level, text, pages) of every tagged heading."""
    return [(element.heading_level, pdf.text(element), element.pages())
            for element in pdf.root.walk() if element.heading_level]


# -- tables ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TableLayout:
    """Where a table's caption, header and rows landed."""

    caption: str
    caption_pages: tuple[int, ...]
    header_pages: tuple[int, ...]
    rows: tuple[tuple[str, tuple[int, ...]], ...]  # (first cell's text, pages) of each row below the header
    first_on_page: bool = False  # nothing of the body stands before it on the page where it starts

    @property
    def name(self) -> str:
        return repr(self.caption) if self.caption else f"table starting {self.rows[0][0]!r}"

    def rows_per_page(self) -> dict[int, int]:
        counts: dict[int, int] = {}
        for _, pages in self.rows:
            if pages:
                counts[pages[0]] = counts.get(pages[0], 0) + 1
        return counts


def _rows(table: Element) -> list[Element]:
    """The table's rows in order, whether in THead/TBody/TFoot or directly under it."""
    rows = []
    for kid in table.children():
        rows += [kid] if kid.role == "TR" else kid.children("TR") if kid.role in ("THead", "TBody", "TFoot") else []
    return rows


def _caption(table: Element, parents: dict[int, Element]) -> Element | None:
    """A table's caption: its first kid (typst, mostly), else a Caption just before it or before the
    element that holds it (typst now and then; LibreOffice always)."""
    inside = table.children("Caption")
    if inside:
        return inside[0]
    element = table
    for _ in range(3):
        parent = parents.get(id(element))
        if parent is None:
            return None
        siblings = parent.children()
        index = next(i for i, kid in enumerate(siblings) if kid is element)
        if index and siblings[index - 1].role == "Caption":
            return siblings[index - 1]
        element = parent
    return None


def _parents(root: Element) -> dict[int, Element]:
    return {id(kid): element for element in root.walk() for kid in element.children()}


def tables(pdf: TaggedPdf) -> list[TableLayout]:
    """Every data table (one with header cells): where its caption, header and rows are."""
    parents = _parents(pdf.root)
    found = []
    for table in (element for element in pdf.root.walk() if element.role == "Table"):
        rows = _rows(table)
        header = [row for row in rows if row.children() and all(cell.role == "TH" for cell in row.children())]
        if not header:
            continue  # a layout table (the Word file's signatures)
        caption = _caption(table, parents)
        body = [row for row in rows if row not in header]
        found.append(TableLayout(
            pdf.text(caption) if caption else "", tuple(caption.pages()) if caption else (),
            tuple(page for row in header for page in row.pages()),
            tuple((pdf.text(row.children()[0]) if row.children() else "", tuple(row.pages())) for row in body),
            _opens_page(pdf, [element for element in (caption, table) if element is not None])))
    return found


def _opens_page(pdf: TaggedPdf, elements: list[Element]) -> bool:
    """Whether nothing of the body stands above `elements` on the page where they start (running
    heads are artifacts, not body)."""
    own = {marked for element in elements for marked in element.marked()}
    if not own:
        return False
    page = min(marked.page for marked in own)
    top = max((run.y for marked in own if marked.page == page for run in pdf.runs_by_mark.get(marked, [])),
              default=0.0)
    return not any(run.y > top + 1 for run in pdf.pages[page - 1].runs
                   if run.mcid is not None and Marked(page, run.mcid) not in own and run.text.strip())


def table_findings(layout: TableLayout) -> list[str]:
    """A short table split, a long one leaving fewer than EDGE_ROWS rows (or its header alone) on a
    page, a caption parted from its table, a row split across pages."""
    findings = [f"{layout.name}: the row {text!r} is split across pages {pages}"
                for text, pages in layout.rows if len(pages) > 1]
    lost = [text for text, pages in layout.rows if not pages]
    if lost:
        findings.append(f"{layout.name}: {len(lost)} of its {len(layout.rows)} rows are not on any page")
    counts = layout.rows_per_page()
    if not counts:
        return findings + [f"{layout.name}: no rows found"]
    first, last = min(counts), max(counts)
    top = [page for page in (*layout.caption_pages, *layout.header_pages) if page < first]
    if top:
        findings.append(f"{layout.name}: its caption or header is alone at the foot of page {min(top)}")
    if len(layout.rows) <= SHORT_TABLE and not (first != last and layout.first_on_page):
        if first != last:
            findings.append(f"{layout.name}: a table of {len(layout.rows)} rows is split across pages {first}–{last}")
        return findings
    # A longer table, or a short one taller than a page (it starts a page and still breaks).
    if counts[first] < EDGE_ROWS:
        findings.append(f"{layout.name}: only {counts[first]} of its {len(layout.rows)} rows on page {first}, "
                        f"where it starts")
    if last != first and counts[last] < EDGE_ROWS:
        findings.append(f"{layout.name}: only {counts[last]} of its {len(layout.rows)} rows on page {last}, "
                        f"where it ends")
    return findings


# -- blocks kept whole -------------------------------------------------------------------------------


def _compact(text: str) -> str:
    """Text without whitespace or added hyphens: the same however the lines broke."""
    return "".join(text.replace(SOFT_HYPHEN, "").split())


def reading_order(pdf: TaggedPdf) -> tuple[str, list[int]]:
    """The document's text in reading order (compacted) and the page of each of its characters."""
    stream, pages = [], []
    for marked in pdf.root.marked():
        text = _compact(joined(pdf.runs_by_mark.get(marked, [])))
        stream.append(text)
        pages += [marked.page] * len(text)
    return "".join(stream), pages


def block_span(text: str, block: Block) -> tuple[int, int] | None:
    """Where in `text` the block is: the tightest stretch holding its pieces in order, or None."""
    pieces = [_compact(piece) for piece in block.texts]
    best: tuple[int, int] | None = None
    start = text.find(pieces[0])
    while start != -1:
        end = start
        for piece in pieces:
            end = text.find(piece, end)
            if end == -1:
                break
            end += len(piece)
        if end != -1 and (best is None or end - start < best[1] - best[0]):
            best = (start, end)
        start = text.find(pieces[0], start + 1)
    return best


def block_findings(pdf: TaggedPdf, blocks: tuple[Block, ...]) -> list[str]:
    text, pages = reading_order(pdf)
    findings = []
    for block in blocks:
        span = block_span(text, block)
        if span is None:
            findings.append(f"{block.name}: not found in the text ({block.texts[0]!r} … {block.texts[-1]!r})")
            continue
        spanned = sorted(set(pages[span[0]:span[1]]))
        if len(spanned) > 1:
            findings.append(f"{block.name}: split across pages {spanned[0]}–{spanned[-1]}")
        if block.with_text_before and span[0] > 0 and pages[span[0] - 1] != pages[span[0]]:
            findings.append(f"{block.name}: alone at the top of page {pages[span[0]]}, "
                            f"the text before them on page {pages[span[0] - 1]}")
    return findings


# -- hyphenation and overprinting -------------------------------------------------------------------


def _lines(runs: list[Run]) -> list[list[tuple[str, float, float]]]:
    """The glyphs of runs grouped into lines (a new line where the baseline changes)."""
    lines: list[list[tuple[str, float, float]]] = []
    last: Run | None = None
    for run in runs:
        if last is None or run.page != last.page or abs(run.y - last.y) > 0.5 * run.size:
            lines.append([])
        lines[-1].extend(run.glyphs)
        last = run
    return [line for line in lines if line]


def _width(glyphs: list[tuple[str, float, float]]) -> float:
    return glyphs[-1][2] - glyphs[0][1] if glyphs else 0.0


def _word_at_end(line: list[tuple[str, float, float]]) -> list[tuple[str, float, float]]:
    spaces = [index for index, glyph in enumerate(line) if glyph[0].isspace()]
    return line[spaces[-1] + 1 if spaces else 0:]


def _word_at_start(line: list[tuple[str, float, float]]) -> list[tuple[str, float, float]]:
    spaces = [index for index, glyph in enumerate(line) if glyph[0].isspace()]
    return line[:spaces[0] if spaces else len(line)]


def hyphenation_findings(pdf: TaggedPdf) -> list[str]:
    """A word broken with a hyphen although it is narrower than the widest line of its block (a
    paragraph, a table cell, a glossary term): it would have fitted on a line of its own."""
    findings = []
    for element in pdf.root.walk():
        runs = [run for kid in element.kids if isinstance(kid, Marked) for run in pdf.runs_by_mark.get(kid, [])]
        lines = _lines(runs)
        widest = max((_width([g for g in line if g[0] != SOFT_HYPHEN]) for line in lines), default=0.0)
        for line, following in zip(lines, lines[1:]):
            if line[-1][0] != SOFT_HYPHEN:
                continue
            head, tail = _word_at_end(line[:-1]), _word_at_start(following)
            word = "".join(glyph[0] for glyph in head + tail)
            if _width(head) + _width(tail) < widest - HANGING:
                findings.append(f"page {runs[0].page}: {word!r} is hyphenated in a {element.role} whose widest "
                                f"line ({widest:.0f} pt) is wider than the word ({_width(head) + _width(tail):.0f} pt)")
    return findings


def off_page_findings(pdf: TaggedPdf) -> list[str]:
    """Text set outside its page (below the bottom edge, say: a block too tall for any page that
    was not allowed to break), which no reader sees."""
    findings = []
    for page, reader in zip(pdf.pdf.pages, pdf.pages):
        left, bottom, right, top = (float(value) for value in page.mediabox)
        outside = [run for run in reader.runs if run.text.strip() and not (bottom <= run.y <= top and
                                                                          left <= run.x0 and run.x1 <= right)]
        if outside:
            findings.append(f"page {reader.number}: {len(outside)} pieces of text lie outside the page, the first "
                            f"{outside[0].text!r}")
    return findings


def overprint_findings(pdf: TaggedPdf) -> list[str]:
    """Two pieces of text that overlap on a page: a word running out of its column into the next."""
    findings = []
    for page in pdf.pages:
        runs = sorted((run for run in page.runs if run.text.strip()), key=lambda run: (-run.y, run.x0))
        for index, run in enumerate(runs):
            for other in runs[index + 1:]:
                if run.y - other.y > 0.7 * min(run.size, other.size):
                    break
                # Kerning can pull a glyph set on its own (a logo's text) up to ~0.15em into the last.
                if min(run.x1, other.x1) - max(run.x0, other.x0) > max(1.0, 0.15 * min(run.size, other.size)):
                    findings.append(f"page {page.number}: {run.text!r} and {other.text!r} overprint each other")
    return findings


def _side_by_side(pdf: TaggedPdf, element: Element) -> list[tuple[Element, list[Run]]]:
    """The kids of `element` set side by side, as columns (cells of a row, a term and its
    definition, two signatures): kids whose first lines share a baseline, each wholly to the right
    of where the one before starts; nothing when the kids are stacked, or are words of one
    paragraph (a bold label and the text after it, which wraps back to the left edge)."""
    kids = [(kid, pdf.runs(kid)) for kid in element.children()]
    kids = [(kid, runs) for kid, runs in kids if runs]
    for (_, left), (_, right) in zip(kids, kids[1:]):
        first, second = left[0], right[0]
        leftmost = min(run.x0 for run in right if run.page == second.page)
        if first.page != second.page or abs(first.y - second.y) > 0.7 * first.size or leftmost < first.x0 + 10:
            return []
    return kids if len(kids) > 1 else []


def column_findings(pdf: TaggedPdf) -> list[str]:
    """Text that runs out of its column into the next: in a table row, a term beside its
    definition, signatures side by side, the text of one column must end before the next begins."""
    findings = []
    for element in pdf.root.walk():
        columns = _side_by_side(pdf, element)
        for (kid, runs), (_, following) in zip(columns, columns[1:]):
            start = min(run.x0 for run in following if run.page == runs[0].page)
            over = [run for run in runs if run.page == runs[0].page and run.x1 > start + 0.5]
            if over:
                findings.append(f"page {over[0].page}: {over[0].text!r} ({kid.role}) runs {over[0].x1 - start:.1f} pt "
                                f"into the next column, {joined(following)[:40]!r}")
    return findings


# -- all of it ---------------------------------------------------------------------------------------


def findings(pdf: TaggedPdf, wanted: Expected) -> list[str]:
    """Every breach of the pagination rules in a laid-out document, and anything it should hold and
    does not (a table, a part's heading, a member list)."""
    found = heading_findings(pdf)
    layouts = tables(pdf)
    if len(layouts) != wanted.tables:
        found.append(f"{len(layouts)} data tables in the file, {wanted.tables} in the document")
    for layout in layouts:
        found += table_findings(layout)
    tagged = {_compact(text) for _, text, _ in headings(pdf)}
    found += [f"the part heading {heading!r} is not a tagged heading" for heading in wanted.headings
              if _compact(heading) not in tagged]
    found += block_findings(pdf, wanted.blocks)
    found += hyphenation_findings(pdf)
    found += off_page_findings(pdf)
    found += overprint_findings(pdf)
    found += column_findings(pdf)
    return found
