"""Reading a built PDF the way an assistive technology does: its tag tree and what each tag marks.

A tagged PDF says what every piece of its page content is: the structure tree holds
elements (H2, Table, TR, TD, L, LI, Link, Figure …), each pointing at the marked
content it owns on a page (a page and an MCID). So a test can ask, for every heading,
table row or list item, on which page it landed and what it says, without guessing
from the look of the page. Both PDFs the project checks are tagged: typst's (PDF/UA-1)
and LibreOffice's layout of the Word file (exported with `UseTaggedPDF`).

pikepdf (qpdf) parses the objects and the content streams (pypdf's parser took twenty
times as long on a fifty-page file); the content is interpreted here: each
text-showing operator becomes a `Run` with its marked content,
its text (through the font's ToUnicode map), the x where it starts and ends (the
font's glyph widths) and its baseline. Painted paths become `Stroke`s (bounding
boxes), enough to see an underline. This is a reader for what typst and LibreOffice
write (horizontal text, fonts with ToUnicode maps), not a general PDF renderer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Iterator

import pikepdf
from pikepdf import Array, Dictionary, Name

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def multiply(first: Matrix, second: Matrix) -> Matrix:
    """`first` then `second`, as PDF concatenates matrices (row vectors)."""
    a, b, c, d, e, f = first
    a2, b2, c2, d2, e2, f2 = second
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2,
            e * a2 + f * c2 + e2, e * b2 + f * d2 + f2)


def apply(matrix: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = matrix
    return x * a + y * c + e, x * b + y * d + f


# -- marked content: text and paths -------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """One text-showing operator: its text and where it is (PDF units, y upwards)."""

    page: int
    mcid: int | None  # None: not marked (an artifact, or content outside any tag)
    text: str
    x0: float
    x1: float
    y: float
    size: float
    glyphs: tuple[tuple[str, float, float], ...] = ()  # (text, x0, x1) of each glyph


@dataclass(frozen=True)
class Stroke:
    """A painted path's bounding box: a rule, a cell border, an underline."""

    page: int
    mcid: int | None
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def flat(self) -> bool:
        """Whether it is a horizontal line (drawn as a line or as a thin filled rectangle)."""
        return self.y1 - self.y0 <= 2.0 and self.x1 - self.x0 > 2.0


class Font:
    """What a run needs of a font: bytes to codes, codes to text, codes to widths."""

    def __init__(self, dictionary: Dictionary) -> None:
        self.two_bytes = dictionary.get("/Subtype") == Name.Type0
        self.unicode = _to_unicode(dictionary)
        self.widths: dict[int, float] = {}
        self.default_width = 0.0
        if self.two_bytes:
            descendant = dictionary["/DescendantFonts"][0]
            self.default_width = float(descendant.get("/DW", 1000))
            self.widths = _cid_widths(descendant.get("/W", Array()))
        else:
            first = int(dictionary.get("/FirstChar", 0))
            self.widths = {first + index: float(width) for index, width in enumerate(dictionary.get("/Widths", []))}
            descriptor = dictionary.get("/FontDescriptor")
            self.default_width = float(descriptor.get("/MissingWidth", 0)) if descriptor is not None else 0.0

    def codes(self, data: bytes) -> list[int]:
        if self.two_bytes:
            return [int.from_bytes(data[index:index + 2], "big") for index in range(0, len(data) - 1, 2)]
        return list(data)

    def text(self, codes: list[int]) -> str:
        return "".join(self.unicode.get(code, "\ufffd") for code in codes)

    def width(self, code: int) -> float:
        """The advance of a glyph, in thousandths of the font size."""
        return self.widths.get(code, self.default_width)


def _cid_widths(array: Array) -> dict[int, float]:
    """A CIDFont's /W array: `c [w1 w2 …]` or `c_first c_last w`."""
    widths: dict[int, float] = {}
    items = list(array)
    index = 0
    while index < len(items):
        first = int(items[index])
        if isinstance(items[index + 1], Array):
            for offset, width in enumerate(items[index + 1]):
                widths[first + offset] = float(width)
            index += 2
        else:
            for code in range(first, int(items[index + 1]) + 1):
                widths[code] = float(items[index + 2])
            index += 3
    return widths


_BFCHAR = re.compile(rb"beginbfchar(.*?)endbfchar", re.DOTALL)
_BFRANGE = re.compile(rb"beginbfrange(.*?)endbfrange", re.DOTALL)
_HEX = re.compile(rb"<([0-9A-Fa-f]*)>")


def _utf16(hex_digits: bytes) -> str:
    return bytes.fromhex(hex_digits.decode()).decode("utf-16-be", "replace")


def _to_unicode(dictionary: Dictionary) -> dict[int, str]:
    """The font's ToUnicode map (bfchar and bfrange entries), code -> text."""
    stream = dictionary.get("/ToUnicode")
    if stream is None:
        return {}
    data = stream.read_bytes()
    mapping: dict[int, str] = {}
    for block in _BFCHAR.findall(data):
        values = _HEX.findall(block)
        for source, target in zip(values[0::2], values[1::2]):
            mapping[int(source, 16)] = _utf16(target)
    for block in _BFRANGE.findall(data):
        for line in re.finditer(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]*>)", block):
            low, high, target = int(line.group(1), 16), int(line.group(2), 16), line.group(3)
            if target.startswith(b"["):
                for offset, value in enumerate(_HEX.findall(target)):
                    mapping[low + offset] = _utf16(value)
            else:
                start = bytes.fromhex(target[1:-1].decode())
                for offset in range(high - low + 1):
                    value = start[:-2] + (int.from_bytes(start[-2:], "big") + offset).to_bytes(2, "big")
                    mapping[low + offset] = value.decode("utf-16-be", "replace")
    return mapping


@dataclass
class _Mark:
    """A marked-content sequence being read: an artifact, a tag with an MCID, or a span with
    /ActualText (whose text stands for the glyphs inside it)."""

    artifact: bool = False
    mcid: int | None = None
    actual_text: str | None = None
    used: bool = False


@dataclass
class _TextState:
    font: Font | None = None
    size: float = 0.0
    char_spacing: float = 0.0
    word_spacing: float = 0.0
    scale: float = 1.0
    leading: float = 0.0
    rise: float = 0.0


@dataclass
class _Graphics:
    ctm: Matrix = IDENTITY
    text: _TextState = field(default_factory=_TextState)


class PageReader:
    """Interprets one page's content stream: the runs of text and the painted paths, by MCID."""

    PAINT = {b"S", b"s", b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*"}

    def __init__(self, page: pikepdf.Page, number: int) -> None:
        self.page = page
        self.number = number
        self.fonts: dict[str, Font] = {}
        self.runs: list[Run] = []
        self.strokes: list[Stroke] = []
        self._graphics = _Graphics()
        self._stack: list[_Graphics] = []
        self._marks: list[_Mark] = []  # innermost last
        self._tm: Matrix = IDENTITY
        self._line: Matrix = IDENTITY
        self._path: list[tuple[float, float]] = []

    def read(self) -> PageReader:
        for instruction in pikepdf.parse_content_stream(self.page):
            if isinstance(instruction, pikepdf.ContentStreamInstruction):
                self._do(str(instruction.operator).encode(), list(instruction.operands))
        return self

    @property
    def mcid(self) -> int | None:
        """The MCID the current content belongs to: the innermost one, unless an artifact is inside it."""
        for mark in reversed(self._marks):
            if mark.artifact:
                return None
            if mark.mcid is not None:
                return mark.mcid
        return None

    def _actual_text(self) -> _Mark | None:
        """The innermost span that replaces its glyphs' text (/ActualText), if any."""
        return next((mark for mark in reversed(self._marks) if mark.actual_text is not None), None)

    def _font(self, name: Name) -> Font:
        if str(name) not in self.fonts:
            self.fonts[str(name)] = Font(self.page.resources["/Font"][name])
        return self.fonts[str(name)]

    def _mark(self, operator: bytes, operands: list[Any]) -> _Mark:
        tag = operands[0] if operands else None
        if tag == "/Artifact":
            return _Mark(artifact=True)
        properties = operands[1] if operator == b"BDC" and len(operands) > 1 else None
        if isinstance(properties, Name):
            properties = self.page.resources["/Properties"][properties]
        if isinstance(properties, Dictionary):
            mcid, actual = properties.get("/MCID"), properties.get("/ActualText")
            return _Mark(mcid=int(mcid) if mcid is not None else None,
                         actual_text=str(actual) if actual is not None else None)
        return _Mark()

    def _do(self, operator: bytes, operands: list[Any]) -> None:  # noqa: C901 - one branch per operator
        state = self._graphics.text
        if operator == b"q":
            self._stack.append(_Graphics(self._graphics.ctm, _TextState(**vars(state))))
        elif operator == b"Q" and self._stack:
            self._graphics = self._stack.pop()
        elif operator == b"cm":
            self._graphics.ctm = multiply(tuple(map(float, operands)), self._graphics.ctm)  # type: ignore[arg-type]
        elif operator in (b"BDC", b"BMC"):
            self._marks.append(self._mark(operator, operands))
        elif operator == b"EMC" and self._marks:
            self._marks.pop()
        elif operator == b"BT":
            self._tm = self._line = IDENTITY
        elif operator == b"Tf":
            state.font, state.size = self._font(operands[0]), float(operands[1])
        elif operator == b"Tc":
            state.char_spacing = float(operands[0])
        elif operator == b"Tw":
            state.word_spacing = float(operands[0])
        elif operator == b"Tz":
            state.scale = float(operands[0]) / 100
        elif operator == b"TL":
            state.leading = float(operands[0])
        elif operator == b"Ts":
            state.rise = float(operands[0])
        elif operator == b"Tm":
            self._tm = self._line = tuple(map(float, operands))  # type: ignore[assignment]
        elif operator in (b"Td", b"TD"):
            if operator == b"TD":
                state.leading = -float(operands[1])
            self._line = multiply((1, 0, 0, 1, float(operands[0]), float(operands[1])), self._line)
            self._tm = self._line
        elif operator == b"T*":
            self._next_line()
        elif operator == b"Tj":
            self._show([operands[0]])
        elif operator == b"TJ":
            self._show(list(operands[0]))
        elif operator == b"'":
            self._next_line()
            self._show([operands[0]])
        elif operator == b'"':
            state.word_spacing, state.char_spacing = float(operands[0]), float(operands[1])
            self._next_line()
            self._show([operands[2]])
        else:
            self._draw(operator, operands)

    def _next_line(self) -> None:
        self._line = multiply((1, 0, 0, 1, 0, -self._graphics.text.leading), self._line)
        self._tm = self._line

    def _show(self, items: list[Any]) -> None:
        """Show strings (and TJ's adjustments) and record them as one run.

        Within one operator the glyphs only move along the line, so their places on the page
        are worked out from the distance moved (tx) with the text and page matrices taken once."""
        state, font = self._graphics.text, self._graphics.text.font
        if font is None:
            return
        a, b, c, d, e, f = multiply(self._tm, self._graphics.ctm)
        left, base = c * state.rise + e, d * state.rise + f
        glyphs: list[tuple[str, float, float]] = []
        tx = 0.0
        for item in items:
            if not isinstance(item, pikepdf.String):
                tx -= float(item) / 1000 * state.size * state.scale
                continue
            for code in font.codes(bytes(item)):
                space = state.word_spacing if code == 32 and not font.two_bytes else 0.0
                advance = (font.width(code) / 1000 * state.size + state.char_spacing + space) * state.scale
                glyphs.append((font.unicode.get(code, "\ufffd"), a * tx + left, a * (tx + advance) + left))
                tx += advance
        self._tm = multiply((1, 0, 0, 1, tx, 0), self._tm)
        replaced = self._actual_text()
        if replaced is not None:  # the span's text stands for its glyphs (typst's real hyphens, say)
            glyphs = [("" if replaced.used or index else replaced.actual_text or "", x0, x1)
                      for index, (_, x0, x1) in enumerate(glyphs)]
            replaced.used = True
        start, end = left, a * tx + left
        self.runs.append(Run(self.number, self.mcid, "".join(glyph[0] for glyph in glyphs), min(start, end),
                             max(start, end), base, abs(d * state.size) or state.size, tuple(glyphs)))

    def _draw(self, operator: bytes, operands: list[Any]) -> None:
        """Collect path points; a painting operator records the path's bounding box."""
        ctm = self._graphics.ctm
        if operator in (b"m", b"l"):
            self._path.append(apply(ctm, float(operands[0]), float(operands[1])))
        elif operator in (b"c", b"v", b"y"):
            values = list(map(float, operands))
            self._path += [apply(ctm, values[i], values[i + 1]) for i in range(0, len(values), 2)]
        elif operator == b"re":
            x, y, width, height = map(float, operands)
            self._path += [apply(ctm, x, y), apply(ctm, x + width, y + height)]
        elif operator in self.PAINT:
            if self._path:
                xs, ys = [p[0] for p in self._path], [p[1] for p in self._path]
                self.strokes.append(Stroke(self.number, self.mcid, min(xs), min(ys), max(xs), max(ys)))
            self._path = []
        elif operator == b"n":
            self._path = []


# -- the tag tree ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Marked:
    """A marked-content reference: the content with this MCID on this page."""

    page: int
    mcid: int


@dataclass
class Element:
    """A structure element: its standard type (after the role map), attributes and kids in order."""

    role: str  # "H2", "Table", "TD" … (the name after the role map, without the slash)
    name: str  # the type as written, e.g. "Heading 2" before the role map
    dictionary: Dictionary
    page: int | None
    kids: list[Element | Marked] = field(default_factory=list)
    annotations: list[tuple[int | None, Dictionary]] = field(default_factory=list)

    def walk(self) -> Iterator[Element]:
        """This element and every element under it, in document order."""
        yield self
        for kid in self.kids:
            if isinstance(kid, Element):
                yield from kid.walk()

    def marked(self) -> Iterator[Marked]:
        """Every marked content under this element, in document (reading) order."""
        for kid in self.kids:
            if isinstance(kid, Marked):
                yield kid
            else:
                yield from kid.marked()

    def pages(self) -> list[int]:
        """The pages this element's content is on, in order, each once."""
        return list(dict.fromkeys(marked.page for marked in self.marked()))

    def children(self, *roles: str) -> list[Element]:
        return [kid for kid in self.kids if isinstance(kid, Element) and (not roles or kid.role in roles)]

    def attribute(self, owner: str, key: str) -> Any:
        """An attribute of the element's /A (a dictionary or an array of them) with /O `owner`."""
        found = self.dictionary.get("/A")
        items = found if isinstance(found, Array) else [found] if found is not None else []
        for item in items:
            if isinstance(item, Dictionary) and item.get("/O") == Name(f"/{owner}") and key in item:
                return item[key]
        return None

    @property
    def heading_level(self) -> int | None:
        """1–6 for H1–H6; None for any other element."""
        return int(self.role[1]) if re.fullmatch(r"H[1-6]", self.role) else None


class TaggedPdf:
    """A PDF file's tag tree and the text and paths of its pages, read once."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.pdf = pikepdf.open(self.path)
        self.catalog = self.pdf.Root
        self.page_numbers = {page.objgen: number for number, page in enumerate(self.pdf.pages, start=1)}

    @cached_property
    def root(self) -> Element:
        """The structure tree root (an element of role "StructTreeRoot")."""
        tree = self.catalog.get("/StructTreeRoot")
        if tree is None:
            raise ValueError(f"{self.path} is not tagged: its catalog has no /StructTreeRoot")
        role_map = {str(key): str(value) for key, value in tree.get("/RoleMap", Dictionary()).items()}
        return self._element(tree, role_map, None, "StructTreeRoot")

    def _page(self, reference: Any) -> int | None:
        return self.page_numbers.get(reference.objgen) if isinstance(reference, Dictionary) else None

    def _standard(self, name: str, role_map: dict[str, str]) -> str:
        seen = set()
        while name in role_map and name not in seen:
            seen.add(name)
            name = role_map[name]
        return name.lstrip("/")

    def _element(self, node: Dictionary, role_map: dict[str, str], page: int | None,
                 role: str | None = None) -> Element:
        page = self._page(node.get("/Pg")) or page
        name = str(node.get("/S", role or ""))
        element = Element(role or self._standard(name, role_map), name.lstrip("/"), node, page)
        kids = node.get("/K")
        for kid in (kids if isinstance(kids, Array) else [kids] if kids is not None else []):
            if isinstance(kid, int):
                if page is not None:
                    element.kids.append(Marked(page, int(kid)))
            elif isinstance(kid, Dictionary) and kid.get("/Type") == Name.MCR:
                kid_page = self._page(kid.get("/Pg")) or page
                if kid_page is not None:
                    element.kids.append(Marked(kid_page, int(kid["/MCID"])))
            elif isinstance(kid, Dictionary) and kid.get("/Type") == Name.OBJR:
                element.annotations.append((self._page(kid.get("/Pg")) or page, kid["/Obj"]))
            elif isinstance(kid, Dictionary):
                element.kids.append(self._element(kid, role_map, page))
        return element

    @cached_property
    def pages(self) -> list[PageReader]:
        """Every page's runs of text and painted paths."""
        return [PageReader(page, number).read() for number, page in enumerate(self.pdf.pages, start=1)]

    @cached_property
    def runs_by_mark(self) -> dict[Marked, list[Run]]:
        found: dict[Marked, list[Run]] = {}
        for page in self.pages:
            for run in page.runs:
                if run.mcid is not None:
                    found.setdefault(Marked(run.page, run.mcid), []).append(run)
        return found

    def runs(self, element: Element) -> list[Run]:
        """The runs of text an element marks, in reading order."""
        return [run for marked in element.marked() for run in self.runs_by_mark.get(marked, [])]

    def text(self, element: Element) -> str:
        """An element's text, its lines joined by single spaces."""
        return joined(self.runs(element))


def joined(runs: list[Run]) -> str:
    """The text of runs in reading order: a run that goes on where the last one ended (same line, no
    gap) continues its word; anything else starts a new word. Whitespace is made single spaces."""
    parts: list[str] = []
    last: Run | None = None
    for run in runs:
        touching = (last is not None and last.page == run.page and abs(last.y - run.y) < 0.5
                    and -0.5 < run.x0 - last.x1 < 0.15 * run.size)
        parts.append(run.text if touching or last is None else " " + run.text)
        last = run
    return " ".join("".join(parts).split())
