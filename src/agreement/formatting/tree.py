"""A document as fmt sees it: values, their layout, and every comment where it belongs.

ruamel.yaml's round-trip composer gives the nodes with their positions; the values are
taken from the source text as written. Comments are found in the text (every `#` outside
a value is one) and each is given to what it belongs to, so that it moves with that
when keys are put in order:

- a comment at the end of a line belongs to the entry or list item on that line: after
  its value, or after `key:` when the value starts on a later line;
- comment lines (and blank lines) before a key or a `- ` belong to that entry or item;
- comment lines after the last entry of an indented block, indented deeper than what
  follows, stay at the end of that block;
- comment lines before the first key are the file's header and stay at the top (the
  `# yaml-language-server: $schema=…` line among them); those after the last value at
  the left margin stay at the end of the file.

ruamel.yaml's own dumper is not used to write the result: it attaches a comment to the
value before it (so reordering keys would move comments) and drops comments inside
`{…}` mappings.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any, Callable

from . import order


class Unformattable(Exception):
    """A valid document whose layout fmt will not guess at; carries the 1-based line."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.line = line


@dataclass(eq=False)
class Scalar:
    """A text, number, date, true/false or empty value (or a key), as written."""

    text: str
    """The value as written on its (first) line: quoted, plain, or a block scalar's indicator (`|`, `>-`)."""
    style: str | None
    """None plain; `'` or `"` quoted; `|` or `>` a block scalar."""
    value: str
    """The text YAML reads (for deciding whether quotes can go)."""
    start_line: int
    end_line: int
    """The last line of the value's text (a block scalar's last line that is not empty)."""
    end_column: int = 0
    """The column just past the value's text on its last line (past the indicator of a block scalar)."""
    more: list[str] = field(default_factory=list)
    """The further lines of a value written over several lines, without their indentation."""
    lines: list[str] = field(default_factory=list)
    """A block scalar's lines, without its indentation ("" for an empty line)."""
    indicator: int | None = None
    """A block scalar's explicit indentation indicator (`|2`)."""

    @property
    def empty(self) -> bool:
        """A value left out (`key:`)."""
        return self.style is None and not self.text

    @property
    def block(self) -> bool:
        return self.style in ("|", ">")


@dataclass(eq=False)
class Slot:
    """A mapping entry (with its key) or a list item, with the comments that belong to it."""

    key: Scalar | None
    value: "Scalar | Collection"
    start_line: int
    """The line of the key, or of the item's `-`."""
    leading: list[str] = field(default_factory=list)
    """Comment lines ("# …") and blank lines ("") before it."""
    head: str | None = None
    """The comment after `key:` or `-` when the value starts on a later line (or is a block scalar)."""
    between: list[str] = field(default_factory=list)
    """Comment lines between `key:` and a value written on a later line."""
    trailing: str | None = None
    """The comment after the value, on its last line."""

    def has_comments(self) -> bool:
        return bool(self.leading or self.head or self.between or self.trailing)


@dataclass(eq=False)
class Collection:
    """A mapping or a list, in block style (indented lines) or flow style (`{…}`, `[…]`)."""

    mapping: bool
    flow: bool
    """Printed in flow style. A flow collection with a comment, a value over several lines or an
    empty value inside is printed in block style: a comment cannot stand inside `{…}` on one line."""
    column: int
    start_line: int
    end_line: int
    slots: list[Slot] = field(default_factory=list)
    tail: list[str] = field(default_factory=list)
    """Comment lines after the last entry or item, that belong to the end of this block."""
    rank: Callable[[str], int] | None = None
    """The canonical position of each key (a mapping the model reads); None keeps the written order."""
    item_of_list: bool = False
    """A block mapping that is a list item (`- key: …`): its first line is the item's line."""
    converted: bool = False
    """Written in flow style, printed in block style."""
    end_column: int = 0
    """Where a flow collection's `}` or `]` ends."""


@dataclass(eq=False)
class Document:
    """A file: its header lines, the root mapping and its footer lines."""

    header: list[str]
    root: Collection
    footer: list[str]
    comments: list[str] = field(default_factory=list)
    """Every comment of the file as read, in the order written (to check that none is lost)."""


@dataclass(frozen=True)
class _Comment:
    line: int
    column: int
    text: str
    alone: bool
    """On a line of its own (else at the end of a line with a value)."""


_BLOCK_HEADER = re.compile(r"[|>][0-9+-]*")


def read(text: str) -> Document:
    """The layout tree of `text` (a document that validates; LF line ends, no byte-order mark)."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        node = YAML(typ="rt").compose(text)
    except YAMLError as error:  # the C parser accepted it; ruamel's own parser may differ on odd input
        mark = getattr(error, "problem_mark", None)
        raise Unformattable(f"cannot read the file's layout: {str(getattr(error, 'problem', error))}",
                            mark.line + 1 if mark else None) from None
    return _Reader(text).document(node)


def comments_of(text: str) -> list[str]:
    """Every comment of a document's text (header and footer included), in the order written."""
    return read(text).comments


class _Reader:
    """Builds the layout tree from ruamel's nodes, then gives every comment its place."""

    def __init__(self, text: str):
        self.text = text
        self.lines = text.split("\n")
        self.starts = [0]
        for line in self.lines[:-1]:
            self.starts.append(self.starts[-1] + len(line) + 1)
        self.values: list[tuple[int, int]] = []
        """Where values are written (index ranges): a `#` inside one is not a comment."""
        self.ends: dict[int, list[tuple[int, Slot, str]]] = {}
        """By line: (column where something ends, whose comment follows it, which comment)."""
        self.slot_lines: dict[int, Slot] = {}
        """The outermost entry or item starting on each line."""
        self.seen: set[int] = set()

    # -- values ---------------------------------------------------------------------

    def document(self, node: Any) -> Document:
        from ruamel.yaml.nodes import MappingNode

        if not isinstance(node, MappingNode) or node.flow_style:
            raise Unformattable("fmt formats documents written as `key: value` lines, not as one `{…}` mapping", 1)
        kind = next((v.value for k, v in node.value if k.value == "kind"), None)
        model = order.file_model(kind)
        root = self.collection(node, model, root=order.is_document(model))
        if not root.slots:
            raise Unformattable("the document has no keys", 1)
        first = root.slots[0].start_line
        header = [line.rstrip() for line in self.lines[:first]]
        footer = _Placer(self, root).place()
        return Document(header, root, footer, [comment.text for comment in self.comments(0)])

    def node(self, node: Any, annotation: Any, parent_column: int, in_flow: bool) -> Scalar | Collection:
        from ruamel.yaml.nodes import ScalarNode

        if id(node) in self.seen:
            raise Unformattable("fmt does not format files with aliases (*name): write the values out",
                                node.start_mark.line + 1)
        self.seen.add(id(node))
        self._refuse_properties(node)
        if isinstance(node, ScalarNode):
            return self.scalar(node, parent_column)
        return self.collection(node, annotation, in_flow=in_flow)

    def _refuse_properties(self, node: Any) -> None:
        start = node.start_mark.index
        if getattr(node, "anchor", None) is not None or self.text[start:start + 1] in ("&", "!", "*"):
            raise Unformattable("fmt does not format files with anchors, aliases or tags (&, *, !): "
                                "write the values out", node.start_mark.line + 1)

    def collection(self, node: Any, annotation: Any, root: bool = False, in_flow: bool = False) -> Collection:
        from ruamel.yaml.nodes import MappingNode

        mapping = isinstance(node, MappingNode)
        flow = bool(node.flow_style) or in_flow
        start, end = node.start_mark, node.end_mark
        collection = Collection(mapping, flow, start.column, start.line, end.line, end_column=end.column)
        if mapping:
            collection.rank = self._rank(annotation, root)
            for key_node, value_node in node.value:
                key = self.node(key_node, None, start.column, flow)
                if not isinstance(key, Scalar) or key.block or key.more:
                    raise Unformattable("a key must be one line of text", key_node.start_mark.line + 1)
                written_key = key_node.value if isinstance(key_node.value, str) else str(key_node.value)
                child = order.value_annotation(annotation, written_key)
                value = self._placed(self.node(value_node, child, start.column, flow), key.end_line)
                slot = Slot(key, value, key.start_line)
                collection.slots.append(slot)
                self._register(slot, key, value)
        else:
            item = order.item_annotation(annotation)
            for value_node in node.value:
                value = self.node(value_node, item, start.column, flow)
                if isinstance(value, Collection) and value.mapping and not value.flow:
                    value.item_of_list = True
                line = value.start_line if flow else self._dash_line(start.column, value_node.start_mark)
                slot = Slot(None, self._placed(value, line), line)
                collection.slots.append(slot)
                self._register(slot, None, value)
        return collection

    @staticmethod
    def _placed(value: Scalar | Collection, line: int) -> Scalar | Collection:
        """An empty value stands where its key (or `-`) is: the parser places it at the next token,
        past any comment lines in between, which would then belong to nothing."""
        if isinstance(value, Scalar) and value.empty:
            value.start_line = value.end_line = line
        return value

    @staticmethod
    def _rank(annotation: Any, root: bool) -> Callable[[str], int] | None:
        if root:
            positions = {key: index for index, key in enumerate(order.HEADER)}
            return lambda key: positions.get(key, len(positions))
        model = order.mapping_model(annotation)
        if model is None:
            return None
        keys = {key: index for index, key in enumerate(order.key_order(model))}
        return lambda key: keys.get(key, len(keys))

    def _dash_line(self, column: int, mark: Any) -> int:
        """The line of a block list item's `-`: the value's line, or the nearest line above it
        with a `-` in the list's column (`-` alone, the value below)."""
        for number in range(mark.line, -1, -1):
            line = self.lines[number]
            if number < mark.line and line[column:column + 1] == "-" and line[column + 1:column + 2] in ("", " "):
                return number
            if number == mark.line and mark.column > column and line[column:column + 1] == "-":
                return number
        return mark.line

    def scalar(self, node: Any, parent_column: int) -> Scalar:
        start, end = node.start_mark, node.end_mark
        style = node.style if node.style in ("'", '"', "|", ">") else None
        if style in ("|", ">"):
            return self._block_scalar(node, parent_column)
        source = self.text[start.index:end.index]
        self.values.append((start.index, end.index))
        first, *more = source.split("\n")
        if not more:
            return Scalar(source, style, node.value, start.line, end.line, end.column)
        strip = style is None or style == "'"
        lines = [first.rstrip() if strip or _no_escape_at_end(first) else first]
        for line in more:
            line = line.lstrip(" \t")
            lines.append(line.rstrip() if strip or _no_escape_at_end(line) else line)
        return Scalar(lines[0], style, node.value, start.line, end.line, end.column, more=lines[1:])

    def _block_scalar(self, node: Any, parent_column: int) -> Scalar:
        start, end = node.start_mark, node.end_mark
        header = _BLOCK_HEADER.match(self.text, start.index)
        assert header is not None
        self.values.append((start.index, header.end()))
        indicator = next((int(c) for c in header.group() if c.isdigit()), None)
        keep = "+" in header.group()
        first = start.line + 1
        last = end.line if end.column == 0 else end.line + 1
        region = self.lines[first:last]
        if region and first < len(self.lines):
            self.values.append((self.starts[first], end.index))
        if indicator is not None:
            column = parent_column + indicator
        else:
            column = next((len(line) - len(line.lstrip(" ")) for line in region if line.strip()), 0)
        lines = [line[column:] if len(line) > column or line.strip() else "" for line in region]
        if not keep:
            while lines and not lines[-1]:
                lines.pop()
        end_line = start.line + len(lines)
        written = header.group()
        if not self.text.endswith("\n") and end.index >= len(self.text):
            written = self._strip_at_end_of_file(written, keep, start.line)
        return Scalar(written, node.style, node.value, start.line, end_line,
                      header.end() - self.starts[start.line], lines=lines, indicator=indicator)

    @staticmethod
    def _strip_at_end_of_file(header: str, keep: bool, line: int) -> str:
        """A block text that ends the file with no line break after it has none in its value either;
        fmt ends every file with a line break, so the text says `-` (strip) to keep its value."""
        if keep:
            raise Unformattable("the file ends inside a `|+` text with no line break: end the file with one "
                                "(which adds it to the text) and format again", line + 1)
        return header if "-" in header else header + "-"

    # -- where comments attach ----------------------------------------------------------

    def _register(self, slot: Slot, key: Scalar | None, value: Scalar | Collection) -> None:
        """Record what ends where, so that a comment at the end of a line finds its owner."""
        self.slot_lines[slot.start_line] = slot  # an item registers after the entries it holds: the outermost wins
        if key is not None:
            self._ends(key.end_line, key.end_column, slot, "head")
        if isinstance(value, Scalar):
            if value.block:
                self._ends(value.start_line, value.end_column, slot, "head")
            elif not value.empty:
                self._ends(value.end_line, value.end_column, slot, "trailing")
        elif value.flow:
            self._ends(value.end_line, value.end_column, slot, "trailing")

    def _ends(self, line: int, column: int, owner: Slot, role: str) -> None:
        self.ends.setdefault(line, []).append((column, owner, role))

    def comments(self, first_line: int) -> list[_Comment]:
        """Every comment from `first_line` on: each `#` that starts a word outside a value."""
        values = sorted(self.values)
        starts = [start for start, _ in values]
        found = []
        for match in re.finditer(r"(?:^|(?<=[ \t]))#[^\n]*", self.text, re.MULTILINE):
            index = match.start()
            at = bisect.bisect_right(starts, index) - 1
            if at >= 0 and values[at][0] <= index < values[at][1]:
                continue
            line = bisect.bisect_right(self.starts, index) - 1
            if line < first_line:
                continue
            column = index - self.starts[line]
            alone = not self.lines[line][:column].strip()
            found.append(_Comment(line, column, match.group().rstrip(), alone))
        return found


def _no_escape_at_end(line: str) -> bool:
    """Whether stripping the spaces at the end of a double-quoted line keeps its value (not after a `\\`)."""
    stripped = line.rstrip()
    return (len(stripped) - len(stripped.rstrip("\\"))) % 2 == 0


class _Placer:
    """Gives every comment and blank line its place, walking the tree in the order it is written."""

    def __init__(self, reader: _Reader, root: Collection):
        self.reader = reader
        self.root = root
        self.lines = reader.lines
        self.last = root.slots[0].start_line - 1
        """The last line of values seen so far."""
        self.closing: list[Collection] = []
        """Blocks that ended since the last entry or item: comment lines deeper than what follows go to their end."""
        first = root.slots[0].start_line
        comments = reader.comments(first)
        self.alone = {c.line: c for c in comments if c.alone}
        self.at_end = [c for c in comments if not c.alone]

    def place(self) -> list[str]:
        """Place everything; returns the file's footer lines."""
        self.block(self.root)
        for comment in self.at_end:
            self._place_at_end(comment)
        footer = self.gap(len(self.lines), 0, None)
        return footer

    # -- lines of their own ---------------------------------------------------------------

    def block(self, collection: Collection) -> None:
        for index, slot in enumerate(collection.slots):
            if collection is self.root and index == 0:
                self.last = slot.start_line
            elif collection.flow or collection.converted:
                slot.leading = self.gap(slot.start_line, None, slot)
            else:
                slot.leading = self.gap(slot.start_line, collection.column, slot)
            self.slot(slot)
        if collection.converted:
            collection.tail = self.gap(collection.end_line, None, None)
            self.last = max(self.last, collection.end_line)
        else:
            self.closing.append(collection)

    def slot(self, slot: Slot) -> None:
        self.last = max(self.last, slot.start_line)
        if slot.key is not None:
            self.last = max(self.last, slot.key.end_line)
        value = slot.value
        if isinstance(value, Collection):
            if value.flow and not self._needs_block(value):
                if value.start_line > self.last:
                    slot.between = self.gap(value.start_line, None, slot)
                self.last = max(self.last, value.end_line)
            else:
                if value.flow:
                    value.flow, value.converted = False, True
                self.block(value)
        else:
            if not value.empty and value.start_line > self.last:
                slot.between = self.gap(value.start_line, None, slot)
            self.last = max(self.last, value.end_line)

    def _needs_block(self, collection: Collection) -> bool:
        """A flow collection prints in block style when something inside it cannot stand on one line."""
        if self._comments_inside(collection):
            return True
        for slot in collection.slots:
            value = slot.value
            if isinstance(value, Scalar) and (value.more or value.empty):
                return True
            if isinstance(value, Collection) and self._needs_block(value):
                return True
        return False

    def _comments_inside(self, collection: Collection) -> list[int]:
        """The lines of comments between a flow collection's brackets."""
        start = collection.start_line
        lines = [line for line in self.alone if start < line < collection.end_line]
        lines += [c.line for c in self.at_end if start <= c.line <= collection.end_line
                  and not (c.line == collection.end_line and c.column >= collection.end_column)
                  and not (c.line == start and c.column < collection.column)]
        return lines

    def gap(self, until: int, column: int | None, owner: Slot | None) -> list[str]:
        """Assign the lines after the last value and before line `until` (where `owner` starts, in
        `column`; None inside a flow collection): to the ends of blocks that closed, deeper comments
        first, and the rest to `owner` (or the footer). Returns the owner's lines."""
        found: list[tuple[str, int]] = []
        for number in range(self.last + 1, min(until, len(self.lines))):
            line = self.lines[number]
            if not line.strip():
                found.append(("", -1))
            elif number in self.alone:
                comment = self.alone.pop(number)
                found.append((comment.text, comment.column))
            elif owner is None and column == 0:
                found.append((line.rstrip(), 0))  # `...` and the like after the document: kept as written
            else:
                raise Unformattable("cannot tell what this line belongs to", number + 1)
        closing, self.closing = self.closing, []
        if until > self.last:
            self.last = until - 1
        limit = -1 if column is None else column
        split = next((i for i, (text, at) in enumerate(found) if text and at <= limit), len(found))
        while split > 0 and not found[split - 1][0]:
            split -= 1
        deeper, rest = found[:split], found[split:]
        if deeper and not closing:
            rest, deeper = deeper + rest, []
        pending: list[str] = []
        for text, at in deeper:
            pending.append(text)
            if text:
                target = next((block for block in closing if block.column <= at), closing[-1])
                target.tail.extend(pending)
                pending = []
        return [text for text, _ in rest]

    # -- comments at the end of a line ---------------------------------------------------

    def _place_at_end(self, comment: _Comment) -> None:
        candidates = [(column, owner, role) for column, owner, role in self.reader.ends.get(comment.line, ())
                      if column <= comment.column]
        if candidates:
            _, owner, role = max(candidates, key=lambda found: found[0])
        else:
            owner, role = self.reader.slot_lines.get(comment.line), "head"
            if owner is None:
                raise Unformattable("cannot tell what this comment belongs to", comment.line + 1)
        if role == "trailing" and isinstance(owner.value, Collection) and not owner.value.flow:
            owner.value.tail.append(comment.text)  # after the `}` of a mapping printed in block style
            return
        if role == "head" and isinstance(owner.value, Scalar) and owner.value.empty:
            role = "trailing"  # `key:  # …` with no value: the entry's comment either way
        current = getattr(owner, role)
        if current is not None:
            raise Unformattable("two comments on one line", comment.line + 1)
        setattr(owner, role, comment.text)
