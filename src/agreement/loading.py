"""Bytes to plain Python data plus a position map (path -> line and column).

Validation speed is YAML parsing speed, so this reads the event stream of
ruamel.yaml's C parser and builds plain dicts, lists and scalars in one pass,
recording where every value (and every mapping key) starts and ends. No node tree
is built and no recursion is used, so deep nesting cannot overflow the stack.

Scalars follow the YAML 1.2 core schema (`no` stays a string). Dates stay strings;
the model parses them. What a hand-written agreement never needs and an attacker
would use is refused: files over a size limit, nesting past a depth limit,
aliases that expand past a small budget, duplicate keys, custom tags, complex
keys and several documents in one file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .diagnostics import Diagnostic, Span, YamlPath
from .reading import read_regular

MAX_BYTES = 5 * 1024 * 1024
"""Largest file accepted; a real agreement is tens of kilobytes."""
MAX_DEPTH = 64
"""Deepest nesting accepted; the model itself is less than ten levels deep."""
MAX_ALIAS_NODES = 10_000
"""How many nodes aliases may expand to in one file, all aliases together."""
MAX_VALUES = 100_000
"""Most values (scalars, mappings, lists, aliases) in one file; a large agreement has a few
thousand. Each costs memory for its position, so this bounds memory as MAX_BYTES bounds reading."""

_Position = tuple[int, int, int, int]
"""0-based (line, column, end line, end column): cheaper to store than a Span."""

_NULL = {"", "~", "null", "Null", "NULL"}
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_SPECIAL_FLOAT = {".inf": float("inf"), ".Inf": float("inf"), ".INF": float("inf"),
                  "-.inf": float("-inf"), "-.Inf": float("-inf"), "-.INF": float("-inf"),
                  "+.inf": float("inf"), "+.Inf": float("inf"), "+.INF": float("inf"),
                  ".nan": float("nan"), ".NaN": float("nan"), ".NAN": float("nan")}
_MAYBE_NOT_STR = frozenset("-+.0123456789~nNtTfF")
_BOM = b"\xef\xbb\xbf"
_UTF16_32_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")
"""Byte-order marks of UTF-16 and UTF-32 (UTF-32 LE starts like UTF-16 LE): what Notepad's "Unicode" writes."""
_LINE_BREAK = re.compile("[\n\x85\u2028\u2029]")
"""What the parser counts as a line break once CR LF and CR are normalised."""
_CORE = "tag:yaml.org,2002:"
_CORE_TAGS = {f"{_CORE}{name}" for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")}


class LoadError(Exception):
    """The file cannot be turned into data; carries the diagnostic to show."""

    def __init__(self, diagnostic: Diagnostic):
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


@dataclass(frozen=True)
class Loaded:
    """A parsed file: its text (for code frames), its data and where each value is."""

    file: str
    text: str
    data: Any
    positions: dict[YamlPath, _Position]
    key_positions: dict[YamlPath, _Position]
    characters: int = 0
    """Characters in all the file's values (keys not counted): how much text a build has to set."""

    def span(self, path: YamlPath, *, key: bool = False) -> Span | None:
        """Where `path` is written; its key when `key` and it has one; else its nearest ancestor."""
        if key and path in self.key_positions:
            return _span(self.key_positions[path])
        if path not in self.positions:
            path = self.written(path)
        while True:
            if path in self.positions:
                return _span(self.positions[path])
            if not path:
                return None
            path = path[:-1]

    def written(self, path: YamlPath) -> YamlPath:
        """The part of a model's `path` that is written in the file.

        The model normalises shorthands (`follow_up: [2016-06-30]` is read as
        `follow_up: {dates: [...]}`), so its paths may name a key the file does not
        have; such a key under a written list is skipped, and the path stops where
        the file's data ends.
        """
        data, found = self.data, []
        for part in path:
            if isinstance(data, dict) and part in data:
                data = data[part]
            elif isinstance(data, list) and type(part) is int and 0 <= part < len(data):
                data = data[part]
            elif isinstance(data, list) and isinstance(part, str):
                continue
            else:
                break
            found.append(part)
        return tuple(found)

    @property
    def lines(self) -> list[str]:
        return self.text.splitlines()


def _span(position: _Position) -> Span:
    line, column, end_line, end_column = position
    return Span(line + 1, column + 1, end_line + 1, end_column + 1)


def _fail(file: str, code: str, message: str, line: int | None = None, column: int | None = None,
          hint: str | None = None) -> LoadError:
    span = None if line is None else Span(line + 1, (column or 0) + 1)
    return LoadError(Diagnostic(code=code, message=message, file=file, span=span, hint=hint))


def read_file(path: str | Path) -> bytes:
    """The file's bytes, refusing anything larger than MAX_BYTES before reading it."""
    file = str(path)
    try:
        raw = read_regular(path, MAX_BYTES + 1)
    except OSError as error:
        raise _fail(file, "Y101", f"cannot read file: {error.strerror or error}") from error
    return raw


def source_lines(file: str, given: bytes | None = None) -> list[str]:
    """The lines of a file (or of `given`, its bytes read elsewhere, e.g. from standard input)
    for code frames, decoded leniently (a frame is only a help) and no more of it than the
    loader accepts, so a huge file costs no memory here either; none when the file cannot be
    read. Every command that prints frames reads its lines here."""
    try:
        raw = given[:MAX_BYTES] if given is not None else read_regular(file, MAX_BYTES)
    except OSError:
        return []
    return raw.decode("utf-8-sig", "replace").splitlines()


def load_file(path: str | Path) -> Loaded:
    """Read and parse one file; raises LoadError with a diagnostic for any problem."""
    return load_bytes(read_file(path), str(path))


def decode(raw: bytes, file: str) -> str:
    """UTF-8 text with the BOM removed and line ends normalised; binary and bad bytes refused."""
    if len(raw) > MAX_BYTES:
        raise _fail(file, "Y102", f"file is larger than {MAX_BYTES // (1024 * 1024)} MB",
                    hint="a document is expected to be tens of kilobytes; split it or check the path")
    if raw.startswith(_UTF16_32_BOMS):
        raise _fail(file, "Y103", "file is UTF-16 or UTF-32 text, not UTF-8", 0, 0,
                    hint="save the file as UTF-8 (in Notepad: Save as, Encoding: UTF-8)")
    if b"\0" in raw:
        line, column = _byte_position(raw, raw.index(b"\0"))
        raise _fail(file, "Y104", "file is binary, not YAML text (it contains a NUL byte)", line, column)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        offset = error.start + (len(_BOM) if raw.startswith(_BOM) else 0)
        line, column = _byte_position(raw, offset)
        raise _fail(file, "Y103", f"file is not valid UTF-8 (byte 0x{raw[offset]:02x})", line, column,
                    hint="save the file as UTF-8; Windows-1252 or Latin-1 files must be converted") from None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    """0-based line and column (in characters, after any BOM) of byte `offset`, as code frames count them."""
    start = raw.rfind(b"\n", 0, offset) + 1
    if start == 0 and raw.startswith(_BOM):
        start = len(_BOM)
    return raw.count(b"\n", 0, offset), len(raw[start:offset].decode("utf-8", "replace"))


def load_bytes(raw: bytes, file: str) -> Loaded:
    """Parse `raw` into data and positions, or raise LoadError."""
    text = decode(raw, file)
    builder = _Builder(file)
    data, positions, key_positions = builder.build(text)
    return Loaded(file, text, data, positions, key_positions, builder.characters)


def _plain_scalar(value: str) -> Any:
    """YAML 1.2 core-schema resolution of an untagged plain scalar."""
    if value and value[0] not in _MAYBE_NOT_STR:
        return value
    if value in _NULL:
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.fullmatch(value):
        try:
            return int(value, 0) if value[:2] in ("0o", "0x") else int(value)
        except ValueError:  # more digits than Python converts (sys.get_int_max_str_digits)
            return value
    if _FLOAT.fullmatch(value):
        return float(value)
    if value in _SPECIAL_FLOAT:
        return _SPECIAL_FLOAT[value]
    return value


class _Frame:
    """An open mapping or sequence while its events are being read."""

    __slots__ = ("container", "path", "key", "key_position", "anchor", "start", "size")

    def __init__(self, container: Any, path: YamlPath, anchor: str | None, start: Any):
        self.container = container
        self.path = path
        self.key: str | None = None
        self.key_position: _Position | None = None
        self.anchor = anchor
        self.start = start
        self.size = 1


class _Builder:
    """Turns the C parser's events into data and positions, enforcing the limits."""

    def __init__(self, file: str):
        self.file = file
        self.positions: dict[YamlPath, _Position] = {}
        self.key_positions: dict[YamlPath, _Position] = {}
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.alias_nodes = 0
        self.stack: list[_Frame] = []
        self.root: Any = None
        self.documents = 0
        self.characters = 0

    def build(self, text: str) -> tuple[Any, dict[YamlPath, _Position], dict[YamlPath, _Position]]:
        from _ruamel_yaml import CParser
        from ruamel.yaml import events

        parser = CParser(text)
        scalar, alias = events.ScalarEvent, events.AliasEvent
        mapping_start, sequence_start = events.MappingStartEvent, events.SequenceStartEvent
        collection_end = (events.MappingEndEvent, events.SequenceEndEvent)
        values = 0
        try:
            while True:
                event = parser.get_event()
                kind = type(event)
                if kind is scalar:
                    self._scalar(event)
                elif kind is mapping_start or kind is sequence_start:
                    self._open(event, {} if kind is mapping_start else [])
                elif kind in collection_end:
                    self._close(event)
                    continue
                elif kind is alias:
                    self._alias(event)
                elif kind is events.DocumentStartEvent:
                    self._document(event)
                    continue
                elif event is None or kind is events.StreamEndEvent:
                    break
                else:
                    continue
                values += 1
                if values > MAX_VALUES:
                    raise self._too_many_values(event)
        except LoadError:
            raise
        except Exception as error:  # the C parser raises several unrelated types
            raise self._syntax_error(error, text) from None
        finally:
            parser.dispose()
        if self.documents == 0:
            raise _fail(self.file, "Y110", "file is empty: expected a document starting with `kind:`")
        return self.root, self.positions, self.key_positions

    # -- events -------------------------------------------------------------

    def _too_many_values(self, event: Any) -> LoadError:
        mark = event.start_mark
        return _fail(self.file, "Y102", f"file has more than {MAX_VALUES:,} values", mark.line, mark.column,
                     hint="a document is expected to have a few thousand values; split it or check the path")

    def _document(self, event: Any) -> None:
        self.documents += 1
        if self.documents > 1:
            mark = event.start_mark
            raise _fail(self.file, "Y109", "a file holds one document; found a second one", mark.line, mark.column,
                        hint="split the documents into files of their own")

    def _scalar(self, event: Any) -> None:
        tag = event.tag
        value: Any = event.value
        parent = self.stack[-1] if self.stack else None
        if parent is None or type(parent.container) is list or parent.key is not None:  # a value, not a key
            self.characters += len(value)
        if tag is None:
            if event.implicit[0] and not event.style:
                value = _plain_scalar(value)
        elif tag != "!":
            value = self._tagged(tag, value, event)
        start, end = event.start_mark, event.end_mark
        self._attach(value, (start.line, start.column, end.line, end.column), event.anchor, 1)

    def _tagged(self, tag: str, value: str, event: Any) -> Any:
        if tag not in _CORE_TAGS:
            mark = event.start_mark
            raise _fail(self.file, "Y109", f"YAML tag {tag} is not supported", mark.line, mark.column,
                        hint="remove the tag; values are read as text, numbers, dates and true/false")
        name = tag[len(_CORE):]
        if name in ("str", "timestamp"):
            return value
        resolved = _plain_scalar(value)
        expected = {"int": int, "float": (int, float), "bool": bool, "null": type(None)}.get(name)
        if expected is None or (isinstance(resolved, expected) and not (name != "bool" and isinstance(resolved, bool))):
            return float(resolved) if name == "float" and isinstance(resolved, int) else resolved
        mark = event.start_mark
        shown = value if len(value) <= 40 else value[:40] + "…"
        raise _fail(self.file, "Y105", f"{shown!r} is not a valid !!{name}", mark.line, mark.column)

    def _open(self, event: Any, container: Any) -> None:
        if len(self.stack) >= MAX_DEPTH:
            mark = event.start_mark
            raise _fail(self.file, "Y108", f"nesting is deeper than {MAX_DEPTH} levels", mark.line, mark.column)
        if event.tag not in (None, "!") and event.tag not in _CORE_TAGS:
            mark = event.start_mark
            raise _fail(self.file, "Y109", f"YAML tag {event.tag} is not supported", mark.line, mark.column)
        path = self._child_path(event)
        self.stack.append(_Frame(container, path, event.anchor, event.start_mark))

    def _close(self, event: Any) -> None:
        frame = self.stack.pop()
        start, end = frame.start, event.end_mark
        self._attach(frame.container, (start.line, start.column, end.line, end.column), frame.anchor, frame.size,
                     path=frame.path)

    def _alias(self, event: Any) -> None:
        mark = event.start_mark
        if event.anchor not in self.anchors:
            recursive = any(frame.anchor == event.anchor for frame in self.stack)
            what = "refers to the collection it is in" if recursive else "refers to no anchor defined before it"
            raise _fail(self.file, "Y107" if recursive else "Y105", f"alias *{event.anchor} {what}",
                        mark.line, mark.column)
        value, size = self.anchors[event.anchor]
        self.alias_nodes += size
        if self.alias_nodes > MAX_ALIAS_NODES:
            raise _fail(self.file, "Y107", f"aliases expand to more than {MAX_ALIAS_NODES:,} values",
                        mark.line, mark.column, hint="write the values out instead of repeating them with aliases")
        end = event.end_mark
        self._attach(value, (mark.line, mark.column, end.line, end.column), None, size)

    # -- placing values -----------------------------------------------------

    def _child_path(self, event: Any) -> YamlPath:
        if not self.stack:
            return ()
        parent = self.stack[-1]
        if type(parent.container) is list:
            return parent.path + (len(parent.container),)
        if parent.key is None:
            mark = event.start_mark
            raise _fail(self.file, "Y109", "a mapping key must be plain text, not a list or mapping",
                        mark.line, mark.column)
        return parent.path + (parent.key,)

    def _attach(self, value: Any, position: _Position, anchor: str | None, size: int,
                path: YamlPath | None = None) -> None:
        if anchor is not None:
            self.anchors[anchor] = (value, size)
        if not self.stack:
            self.root = value
            self.positions[()] = position
            return
        parent = self.stack[-1]
        parent.size += size
        container = parent.container
        if type(container) is list:
            self.positions[path if path is not None else parent.path + (len(container),)] = position
            container.append(value)
        elif parent.key is None:
            parent.key = self._key(value, position, container)
            parent.key_position = position
        else:
            child = parent.path + (parent.key,)
            container[parent.key] = value
            self.positions[child] = position
            self.key_positions[child] = parent.key_position  # type: ignore[assignment]
            parent.key = None

    def _key(self, value: Any, position: _Position, mapping: dict[str, Any]) -> str:
        if isinstance(value, (dict, list)):
            raise _fail(self.file, "Y109", "a mapping key must be plain text, not a list or mapping",
                        position[0], position[1])
        key = "" if value is None else (str(value).lower() if isinstance(value, bool) else str(value))
        if key in mapping:
            frame = self.stack[-1]
            first = self.key_positions.get(frame.path + (key,))
            where = f" (first defined on line {first[0] + 1})" if first else ""
            raise _fail(self.file, "Y106", f"duplicate key {key!r}{where}", position[0], position[1],
                        hint="a key may appear once in a mapping; remove or rename one of them")
        return key

    def _syntax_error(self, error: Exception, text: str) -> LoadError:
        problem = getattr(error, "problem", None)
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        if problem is None and hasattr(error, "reason"):  # ReaderError: a character YAML forbids
            offset = getattr(error, "position", 0)  # in bytes of the UTF-8 text the parser was given
            position = len(text.encode("utf-8")[:offset].decode("utf-8", "ignore"))
            breaks = [match.end() for match in _LINE_BREAK.finditer(text, 0, position)]
            line = len(breaks)
            column = position - (breaks[-1] if breaks else 0)
            character = getattr(error, "character", 0)
            return _fail(self.file, "Y105", f"character U+{character:04X} is not allowed in YAML ({error.reason})",
                         line, column)
        message = str(problem or error).split("\n")[0]
        context = getattr(error, "context", None)
        if context:
            started = getattr(error, "context_mark", None)
            where = f", started on line {started.line + 1}" if started and mark and started.line != mark.line else ""
            message = f"{message} ({context}{where})"
        if mark is None:
            return _fail(self.file, "Y105", f"YAML syntax error: {message}")
        lines = text.split("\n", mark.line + 1)
        before = lines[mark.line][:mark.column + 1] if mark.line < len(lines) else ""
        return _fail(self.file, "Y105", f"YAML syntax error: {message}", mark.line, mark.column,
                     hint=_syntax_hint(message, before))


_SYNTAX_HINTS = (
    ("mapping values are not allowed", 'quote a value that contains ": ", for example goal: "Mål: färre brott"'),
    ("while scanning a quoted scalar", "a quoted value is not closed: add the closing quote"),
    ("while parsing a flow sequence", "close the list with ] and separate its items with commas"),
    ("while parsing a flow mapping", "close the mapping with } and separate its entries with commas"),
    ("cannot start any token", "quote a value that starts with @ or `"),
)
"""Hints for the C parser's most common messages (libyaml's wording has been stable for decades)."""


def _syntax_hint(message: str, before: str) -> str | None:
    """What to do about a syntax error, given its message and the line up to where it was found."""
    if "tab" in message.lower() or "\t" in before:
        return "YAML indentation must use spaces, not tabs"
    return next((hint for needle, hint in _SYNTAX_HINTS if needle in message), None)
