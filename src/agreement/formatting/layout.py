"""Writing the layout tree in canonical form.

The canonical form is the style of the bundled examples:

- two spaces of indentation; a list under a key is indented under it (`parties:` then
  `  - id: …`), an item's mapping starts on the `- ` line;
- keys in the model's order (see `order`); the document's parts, lists and free
  mappings as written;
- a value plain where that reads the same (`section: § 123`), else quoted as written;
- `{…}` and `[…]` on one line as `{a: b, c: d}` and `[a, b]`; written over several lines,
  they are joined; with a comment, a value over several lines or an empty value inside
  they print in block style;
- block scalars (`|`, `>`) line for line as written, re-indented only: rewrapping
  Markdown can change what it says;
- a value over several lines without `|` or `>` keeps its line breaks, re-indented;
- a comment at the end of a line two spaces after the value; comment lines indented as
  what they precede; blank lines as written, at most one in a row, none at the start
  or end of the file.
"""

from __future__ import annotations

from .quoting import plain_allowed
from .tree import Collection, Document, Scalar, Slot

INDENT = 2


def render(document: Document) -> str:
    """The canonical text of `document`, ending in one line break."""
    writer = _Writer()
    writer.trivia(document.header, 0, verbatim=True)
    writer.mapping(document.root, 0)
    footer = list(document.footer)
    while footer and not footer[-1]:
        footer.pop()
    writer.trivia(footer, 0, verbatim=True)
    return "\n".join(writer.lines) + "\n"


def ordered(collection: Collection) -> list[Slot]:
    """The entries of a mapping in canonical order (a list's items as written).

    In a list item's mapping the written first key stays first when the item's first line
    carries a comment, or when the key that would come first carries one: that line is
    the item's line, where a comment (a suppression, say) speaks for the whole item."""
    slots = collection.slots
    rank = collection.rank
    if rank is None or not collection.mapping:
        return list(slots)
    canonical = sorted(slots, key=lambda slot: rank(slot.key.value if slot.key else ""))
    if collection.item_of_list and canonical and canonical[0] is not slots[0]:
        first_line_comment = slots[0].trailing or slots[0].head
        if first_line_comment or canonical[0].has_comments():
            return [slots[0]] + [slot for slot in canonical if slot is not slots[0]]
    return canonical


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def line(self, text: str, comment: str | None = None) -> None:
        self.lines.append(f"{text}  {comment}" if comment else text)

    def trivia(self, lines: list[str], indent: int, verbatim: bool = False) -> None:
        """Comment and blank lines: a blank line only after a line that is not blank (none at the
        start of the file, none after a block scalar's kept empty lines, whose value they would join)."""
        for text in lines:
            if not text.strip():
                if self.lines and self.lines[-1]:
                    self.lines.append("")
            else:
                self.lines.append(text if verbatim else " " * indent + text)

    # -- blocks ------------------------------------------------------------------------

    def block(self, collection: Collection, indent: int) -> None:
        if collection.mapping:
            self.mapping(collection, indent)
        else:
            self.sequence(collection, indent)

    def mapping(self, collection: Collection, indent: int) -> None:
        for slot in ordered(collection):
            self.trivia(slot.leading, indent)
            self.slot(slot, indent, f"{self.key(slot.key, flow=False)}:")
        self.trivia(collection.tail, indent)

    def sequence(self, collection: Collection, indent: int) -> None:
        for slot in collection.slots:
            self.trivia(slot.leading, indent)
            if self._compact(slot):
                self.compact_item(slot, indent)
            else:
                self.slot(slot, indent, "-")
        self.trivia(collection.tail, indent)

    @staticmethod
    def key(key: Scalar | None, flow: bool) -> str:
        assert key is not None
        return scalar_text(key, flow)

    # -- entries and items -------------------------------------------------------------

    def slot(self, slot: Slot, indent: int, head: str) -> None:
        """`key:` or `-` at `indent`, then its value."""
        value = slot.value
        start = " " * indent + head
        inner = indent + INDENT
        if isinstance(value, Scalar) and value.empty:
            self.line(start, slot.head or slot.trailing)
        elif isinstance(value, Collection) and not value.flow:
            self.line(start, slot.head)
            self.trivia(slot.between, inner)
            self.block(value, inner)
        elif isinstance(value, Scalar) and value.block:
            if slot.between:  # comment lines between `key:` and `|`: the indicator stays below them
                self.line(start, slot.head)
                self.trivia(slot.between, inner)
                self.line(" " * inner + value.text)
            else:
                self.line(f"{start} {value.text}", slot.head)
            column = indent + (value.indicator or INDENT)
            self.lines.extend(" " * column + line if line else "" for line in value.lines)
        else:
            lines = inline_lines(value, flow=False)
            if slot.head or slot.between:
                self.line(start, slot.head)
                self.trivia(slot.between, inner)
                first = " " * inner + lines[0]
            else:
                first = f"{start} {lines[0]}"
            rest = [" " * inner + line if line else "" for line in lines[1:]]
            if rest:
                self.line(first)
                self.lines.extend(rest[:-1])
                self.line(rest[-1], slot.trailing)
            else:
                self.line(first, slot.trailing)

    def _compact(self, slot: Slot) -> bool:
        """Whether an item's block mapping or list starts on the `- ` line (`- id: …`)."""
        value = slot.value
        if not isinstance(value, Collection) or value.flow or slot.head or slot.between or not value.slots:
            return False
        first = ordered(value)[0] if value.mapping else value.slots[0]
        return not first.leading and (value.mapping or self._compact(first) or not _is_block(first.value))

    def compact_item(self, slot: Slot, indent: int) -> None:
        inner = _Writer()
        inner.block(slot.value, indent + INDENT)  # type: ignore[arg-type]
        first = inner.lines[0]
        inner.lines[0] = " " * indent + "- " + first[indent + INDENT:]
        self.lines.extend(inner.lines)


def _is_block(value: Scalar | Collection) -> bool:
    return isinstance(value, Collection) and not value.flow


def scalar_text(scalar: Scalar, flow: bool) -> str:
    """A one-line value as fmt writes it: without quotes where they add nothing."""
    if scalar.style in ("'", '"') and not scalar.more and plain_allowed(scalar.value, flow):
        return scalar.value
    return scalar.text


def inline_lines(value: Scalar | Collection, flow: bool) -> list[str]:
    """A value written after `key: ` or `- `: one line, or several for a value written over several."""
    if isinstance(value, Scalar):
        return [scalar_text(value, flow)] + value.more if value.more else [scalar_text(value, flow)]
    return [flow_text(value)]


def flow_text(collection: Collection) -> str:
    """A `{…}` or `[…]` collection on one line."""
    if collection.mapping:
        entries = ", ".join(f"{scalar_text(slot.key, True)}: {_flow_value(slot.value)}"  # type: ignore[arg-type]
                            for slot in ordered(collection))
        return "{" + entries + "}"
    return "[" + ", ".join(_flow_value(slot.value) for slot in collection.slots) + "]"


def _flow_value(value: Scalar | Collection) -> str:
    return scalar_text(value, True) if isinstance(value, Scalar) else flow_text(value)
