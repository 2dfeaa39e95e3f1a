"""Scramble a document's layout in the ways canonical form defines, and only those.

fmt must bring a scrambled copy of each example back to the example's bytes. The
scrambler works on the text, with the positions the project's own loader reports (not
with fmt's reader), so that fmt's reading is tested against an independent account of
where things are. What it scrambles is what canonical form normalises:

- the order of the header keys (moved among themselves and in between the parts, the
  parts keeping their order), with the comments and blank lines before each;
- the order of keys inside mappings the model reads, in block style and in `{…}` style;
- indentation (doubled: four spaces a level, three after `- `);
- quotes (plain values that need none get them, keys too);
- spaces inside `{…}` and `[…]`, and before comments at the end of a line;
- a `{…}` mapping broken over two lines.

What canonical form keeps as written is not scrambled: flow or block style, block
scalars, blank lines, comment text, list order and the order of the parts.
"""

from __future__ import annotations

import random
from typing import Any, Iterator

from agreement.formatting.quoting import plain_allowed
from agreement.loading import Loaded, load_bytes
from agreement.model import PARTS

Path = tuple[Any, ...]
FREE = ("registration", "labels")
"""Mappings whose keys are data: their order is the author's."""


def load(text: str) -> Loaded:
    return load_bytes(text.encode("utf-8"), "scrambled.yaml")


def scramble(text: str, seed: int) -> str:
    rng = random.Random(seed)
    text = move_header_keys(text, rng)
    for _ in range(40):
        text = shuffle_one_block_mapping(text, rng)
    text = shuffle_flow_mappings(text, rng)
    text = quote_plain_values(text, rng)
    text = space_comments(text, rng)
    text = space_flow_collections(text)
    text = double_indentation(text)
    text = break_flow_mapping(text)
    return text


# -- helpers --------------------------------------------------------------------------


def lines_of(text: str) -> list[str]:
    assert text.endswith("\n")
    return text[:-1].split("\n")


def joined(lines: list[str]) -> str:
    return "\n".join(lines) + "\n"


def value_at(data: Any, path: Path) -> Any:
    for part in path:
        data = data[part]
    return data


def paths(data: Any, path: Path = ()) -> Iterator[Path]:
    yield path
    if isinstance(data, dict):
        for key, value in data.items():
            yield from paths(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from paths(value, path + (index,))


def is_flow(loaded: Loaded, path: Path) -> bool:
    line, column, _, _ = loaded.positions[path]
    return loaded.lines[line][column:column + 1] in ("{", "[")


def in_flow(loaded: Loaded, path: Path) -> bool:
    return any(is_flow(loaded, path[:end]) for end in range(len(path)))


def ordered_by_model(path: Path) -> bool:
    """A mapping whose key order canonical form sets (not the root, a free mapping or an outline entry)."""
    return bool(path) and path[-1] not in FREE and path[0] != "outline"


def trivia(line: str, column: int) -> bool:
    """Blank, or a comment at `column` or less: what goes with the key that follows."""
    stripped = line.lstrip(" ")
    return not stripped or (stripped.startswith("#") and len(line) - len(stripped) <= column)


# -- header keys ----------------------------------------------------------------------


def move_header_keys(text: str, rng: random.Random) -> str:
    """The root's entries, each with the comment and blank lines before it, moved: the header
    keys among themselves and in between the parts, which keep their order. The first entry
    stays first: what stands before it is the file's header."""
    loaded, lines = load(text), lines_of(text)
    keys = list(loaded.data)
    starts = []
    for index, key in enumerate(keys):
        start = loaded.key_positions[(key,)][0]
        floor = loaded.key_positions[(keys[index - 1],)][0] if index else start
        while index and start - 1 > floor and trivia(lines[start - 1], 0):
            start -= 1
        starts.append(start)
    end = len(lines)
    while end > starts[-1] and trivia(lines[end - 1], 0):
        end -= 1
    chunks = {key: lines[starts[i]:(starts[i + 1] if i + 1 < len(keys) else end)] for i, key in enumerate(keys)}
    first, rest = keys[0], keys[1:]
    headers = [key for key in rest if key not in PARTS]
    arranged = [key for key in rest if key in PARTS]
    rng.shuffle(headers)
    for key in headers:
        arranged.insert(rng.randrange(len(arranged) + 1), key)
    body = [line for key in [first] + arranged for line in chunks[key]]
    return joined(lines[:starts[0]] + body + lines[end:])


# -- keys inside mappings --------------------------------------------------------------


def shuffle_one_block_mapping(text: str, rng: random.Random) -> str:
    """The entries of one block mapping without comments, in another order."""
    loaded, lines = load(text), lines_of(text)
    candidates = [path for path in paths(loaded.data) if isinstance(value_at(loaded.data, path), dict)
                  and len(value_at(loaded.data, path)) > 1 and ordered_by_model(path)
                  and not in_flow(loaded, path) and not is_flow(loaded, path)]
    rng.shuffle(candidates)
    for path in candidates:
        shuffled = _shuffled_block(loaded, lines, path, rng)
        if shuffled is not None:
            return joined(shuffled)
    return text


def _shuffled_block(loaded: Loaded, lines: list[str], path: Path, rng: random.Random) -> list[str] | None:
    keys = list(value_at(loaded.data, path))
    key_lines = [loaded.key_positions[path + (key,)][0] for key in keys]
    column = loaded.key_positions[path + (keys[0],)][1]
    end = _last_line(loaded, lines, path + (keys[-1],)) + 1
    region = lines[key_lines[0]:end]
    if any("#" in line for line in region) or any(not line.strip() for line in region):
        return None
    chunks = [lines[start:(key_lines[i + 1] if i + 1 < len(keys) else end)] for i, start in enumerate(key_lines)]
    item = lines[key_lines[0]][column - 2:column] == "- "
    if item:
        chunks[0] = [lines[key_lines[0]][:column - 2] + "  " + lines[key_lines[0]][column:]] + chunks[0][1:]
    order = list(range(len(chunks)))
    rng.shuffle(order)
    body = [line for index in order for line in chunks[index]]
    if item:
        body[0] = body[0][:column - 2] + "- " + body[0][column:]
    return lines[:key_lines[0]] + body + lines[end:]


def _last_line(loaded: Loaded, lines: list[str], path: Path) -> int:
    """The last line with something of the value at `path` on it."""
    value = value_at(loaded.data, path)
    if isinstance(value, (dict, list)) and value and not is_flow(loaded, path):
        last = list(value)[-1] if isinstance(value, dict) else len(value) - 1
        return _last_line(loaded, lines, path + (last,))
    _, _, end_line, end_column = loaded.positions[path]
    end = end_line if end_column else end_line - 1
    while not lines[end].strip():
        end -= 1
    return end


def shuffle_flow_mappings(text: str, rng: random.Random) -> str:
    """The entries of every one-line `{…}` mapping the model reads, in another order."""
    loaded, lines = load(text), lines_of(text)
    edits: list[tuple[int, int, int, str]] = []
    for path in paths(loaded.data):
        value = value_at(loaded.data, path)
        if not (isinstance(value, dict) and len(value) > 1 and ordered_by_model(path) and is_flow(loaded, path)):
            continue
        line, start, end_line, end = loaded.positions[path]
        if end_line != line:
            continue
        pieces = [lines[line][loaded.key_positions[path + (key,)][1]:loaded.positions[path + (key,)][3]]
                  for key in value]
        rng.shuffle(pieces)
        edits.append((line, start, end, "{" + ", ".join(pieces) + "}"))
    return _apply(lines, edits)


def _apply(lines: list[str], edits: list[tuple[int, int, int, str]]) -> str:
    """Replace columns [start, end) of lines, right to left, outermost edits only."""
    kept: list[tuple[int, int, int, str]] = []
    for edit in sorted(edits, key=lambda e: (e[0], e[1], -e[2])):
        if kept and kept[-1][0] == edit[0] and edit[1] < kept[-1][2]:
            continue  # inside an edit already made
        kept.append(edit)
    for line, start, end, new in sorted(kept, key=lambda e: (e[0], -e[1])):
        lines[line] = lines[line][:start] + new + lines[line][end:]
    return joined(lines)


# -- quotes and spaces ------------------------------------------------------------------


def quote_plain_values(text: str, rng: random.Random) -> str:
    """Double quotes around about half of the one-line plain texts (keys too) that need none."""
    loaded, lines = load(text), lines_of(text)
    edits = []
    for path in paths(loaded.data):
        if not path:
            continue
        flow = in_flow(loaded, path)
        places = [loaded.positions[path]]
        if isinstance(path[-1], str):
            places.append(loaded.key_positions[path])
        for (line, start, end_line, end), written in zip(places, (value_at(loaded.data, path), path[-1])):
            source = lines[line][start:end]
            if (isinstance(written, str) and end_line == line and source == written
                    and plain_allowed(written, flow) and not set('"\\') & set(written) and rng.random() < 0.5):
                edits.append((line, start, end, f'"{written}"'))
    return _apply(lines, edits)


def _ends_by_line(loaded: Loaded) -> dict[int, int]:
    ends: dict[int, int] = {}
    for position in list(loaded.positions.values()) + list(loaded.key_positions.values()):
        _, _, end_line, end = position
        ends[end_line] = max(ends.get(end_line, 0), end)
    return ends


def space_comments(text: str, rng: random.Random) -> str:
    """One or five spaces before each comment at the end of a line."""
    loaded, lines = load(text), lines_of(text)
    for number, end in _ends_by_line(loaded).items():
        if number >= len(lines):
            continue
        rest = lines[number][end:]
        if lines[number][:end].strip() and rest.strip().startswith("#"):
            lines[number] = lines[number][:end] + " " * rng.choice((1, 5)) + rest.strip()
    return joined(lines)


def space_flow_collections(text: str) -> str:
    """Spaces inside the brackets of one-line `{…}` and `[…]` of plain values, and before commas."""
    loaded, lines = load(text), lines_of(text)
    edits = []
    for path in paths(loaded.data):
        value = value_at(loaded.data, path)
        if not (isinstance(value, (dict, list)) and value and is_flow(loaded, path)) or in_flow(loaded, path):
            continue
        line, start, end_line, end = loaded.positions[path]
        if end_line != line or any(isinstance(child, (dict, list)) for child in
                                   (value.values() if isinstance(value, dict) else value)):
            continue
        children = list(value) if isinstance(value, dict) else list(range(len(value)))
        pieces = []
        for child in children:
            first = (loaded.key_positions if isinstance(value, dict) else loaded.positions)[path + (child,)][1]
            pieces.append(lines[line][first:loaded.positions[path + (child,)][3]])
        opening, closing = lines[line][start], lines[line][end - 1]
        edits.append((line, start, end, f"{opening} " + " ,  ".join(pieces) + f" {closing}"))
    return _apply(lines, edits)


# -- indentation --------------------------------------------------------------------------


def double_indentation(text: str) -> str:
    """Every level indented four spaces instead of two; the lines of texts written over several
    lines moved along with their key."""
    loaded, lines = load(text), lines_of(text)
    shift: dict[int, int] = {}
    for path in paths(loaded.data):
        if not isinstance(value_at(loaded.data, path), str) or not path:
            continue
        line, column, end_line, end = loaded.positions[path]
        last = end_line - 1 if end == 0 else end_line
        owner = loaded.key_positions[path][1] if isinstance(path[-1], str) else column - 2
        for number in range(line + 1, last + 1):
            text = lines[number]
            if text.strip() and len(text) - len(text.lstrip(" ")) <= owner:
                break  # a comment line after a block text: the parser's end of the text is past it
            shift[number] = owner
    out = []
    for number, line in enumerate(lines):
        if number in shift:
            out.append(" " * shift[number] + line if line.strip() else line)
            continue
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        if stripped.startswith("- "):
            stripped = "-   " + stripped[2:]
        out.append(" " * (2 * indent) + stripped if stripped else "")
    return joined(out)


def break_flow_mapping(text: str) -> str:
    """The first `{…}` mapping of more than one entry written over two lines."""
    loaded, lines = load(text), lines_of(text)
    for path in paths(loaded.data):
        value = value_at(loaded.data, path)
        if isinstance(value, dict) and len(value) > 1 and is_flow(loaded, path) and not in_flow(loaded, path):
            line, start, end_line, _ = loaded.positions[path]
            second = list(value)[1]
            column = loaded.key_positions[path + (second,)][1]
            if end_line != line:
                continue
            indent = len(lines[line]) - len(lines[line].lstrip(" ")) + 6
            head, tail = lines[line][:column].rstrip(), lines[line][column:]
            return joined(lines[:line] + [head, " " * indent + tail] + lines[line + 1:])
    return text
