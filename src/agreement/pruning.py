"""Check references and dates on the part of a file that validates, so one run reports every problem.

References (R301, R302, the outline's R305) and dates (R303, R304) are checked on a
validated document, and a follow-up file's names and dates (R306–R309) on a validated
follow-up file. A file with one schema error has no model, so its wrong owner would
only show up after the schema error was fixed: one run, one kind of problem.
Instead, what failed is pruned away and the rest is checked:

1. **Prune points.** Each schema error is traced to the smallest part of the file
   that can be left out without making the rest invalid: the deepest list item or
   optional key that holds it (an unknown key is itself one). A required key of an
   item (an action's `title`) takes its item with it; a key of a mapping (an id in
   a follow-up file's `progress`) takes its value with it. A required key of the
   file itself (`id`, `title`, `parties`, a follow-up file's `document`) cannot be
   left out; it is replaced by the example its schema gives (a *stand-in*).
2. **Rebuild.** The data is rebuilt without the pruned parts, sharing everything
   else, and validated again. An error that pruning itself causes (a list left
   shorter than its minimum) is traced the same way, for at most MAX_ROUNDS rounds;
   a file that still does not validate then is not checked further.
3. **Check and place.** The reference and date checks run on the model of what
   remains. Their paths count list items of the pruned data; each pruned list
   remembers which of the file's items it kept, so every problem is reported at the
   file's real line and column.
4. **No false problems.** Pruning must not invent problems. A reference naming an
   id declared in something pruned (a goal whose `kind` was wrong, a party whose
   `type` was wrong, a unit of it, a section in a pruned section), or on an item that
   lost a key, is not reported: the declaration exists in the file, only not in a
   form that validates. Nor is an outline entry naming a part that pruning emptied
   (`goals` whose only goal was pruned). Checks that read a stand-in are not
   reported either (party references when `parties` stood in, everything a
   follow-up file checks against its `document`). A pruned `period` (it is
   optional) leaves no dates to check.

The work is bounded: nothing is salvaged when the schema errors alone fill the
problems shown (MAX_PROBLEMS in validation), and each round is one more validation
of at most the file's data.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, replace
from typing import Any, Iterable, Iterator

from pydantic import BaseModel, ValidationError

from .diagnostics import YamlPath
from .model.outline import PARTS
from .model.resolve import Problem
from .model_paths import field_at

MAX_ROUNDS = 3
"""Validations of pruned data at most: the first prunes every error, the others what pruning caused."""
_REFERENCE_CODES = frozenset({"R301", "R302", "R305"})
"""Problems that name a declared id, which may have been pruned."""
_OUTLINE = "R305"
"""An outline entry naming no part or section: also made up when the part it names was pruned empty."""
_READS = {"R301": "parties", "R306": "document", "R307": "document", "R308": "document", "R309": "document"}
"""The key of the file each check reads, whose stand-in would make its problems made up."""
_PART_KEYS = {"focus_areas": ("focus_areas", "focus_area_groups")}
"""The keys a part prints from, where they are more than its own (as `Document.has_part` reads them)."""

_DROP = object()
"""Marks a pruned part in a `_Trie`."""
_Trie = dict[Any, Any]


@dataclass
class Salvaged:
    """The model of what validates in a file, and how to place its problems in the file."""

    document: BaseModel
    data: Any
    kept: dict[YamlPath, list[int]]
    touched_ids: frozenset[str]
    stood_in: frozenset[str]
    touched_keys: frozenset[str] = frozenset()
    """The file's top-level keys under which something was pruned or stood in."""

    def placed(self, problems: Iterable[Problem]) -> list[Problem]:
        """`problems` found on the salvaged model, at the file's paths, less those pruning could cause."""
        placed = []
        for problem in problems:
            moved = replace(problem, path=file_path(problem.path, self.data, self.kept))
            if not self._made_up(moved):
                placed.append(moved)
        return placed

    def _made_up(self, problem: Problem) -> bool:
        if _READS.get(problem.code) in self.stood_in:
            return True
        if problem.code not in _REFERENCE_CODES:
            return False
        name = problem.path[-1] if problem.on_key else written_value(self.data, problem.path)
        if problem.code == _OUTLINE:
            return self._outline_made_up(problem.path, outline_name(name))
        return isinstance(name, str) and any(part in self.touched_ids for part in (name, *name.split("/")))

    def _outline_made_up(self, path: YamlPath, name: Any) -> bool:
        """An outline entry naming a part whose keys were pruned, or a section id declared in something
        pruned; not one the file's outline names twice, which pruning cannot cause."""
        outline = self.data.get("outline") if isinstance(self.data, dict) else None
        entry = path[1] if len(path) > 1 and isinstance(path[1], int) else None
        if not isinstance(name, str) or not isinstance(outline, list) or entry is None:
            return False
        if name in (outline_name(earlier) for earlier in outline[:entry]):
            return False
        if name in PARTS and any(key in self.touched_keys for key in _PART_KEYS.get(name, (name,))):
            return True
        return name in self.touched_ids


def salvage(data: dict[str, Any], model: type[BaseModel], errors: list[dict[str, Any]]) -> Salvaged | None:
    """The model of `data` without what `errors` (pydantic's, for `data`) are about; None when the
    errors cannot be pruned away (see the module's docstring)."""
    pruning = _Pruning(data, model)
    for _ in range(MAX_ROUNDS):
        if not pruning.prune(errors):
            return None
        try:
            document = model.model_validate(pruning.rebuild())
        except ValidationError as error:
            errors = error.errors(include_url=False, include_input=False)
            continue
        return Salvaged(document, data, pruning.kept, frozenset(pruning.touched_ids()), frozenset(pruning.stand_ins),
                        frozenset(pruning.touched_keys()))
    return None


@dataclass
class _Pruning:
    """What is pruned from a file's data so far, in the file's own paths."""

    data: dict[str, Any]
    model: type[BaseModel]
    drops: _Trie = field(default_factory=dict)
    stand_ins: dict[str, Any] = field(default_factory=dict)
    kept: dict[YamlPath, list[int]] = field(default_factory=dict)

    def prune(self, errors: list[dict[str, Any]]) -> bool:
        """Prune the part each error is in; False when one is in no part that can go."""
        for error in errors:
            point = self._point(file_path(tuple(error["loc"]), self.data, self.kept))
            if point is None:
                return False
            if len(point) == 1 and self._required(point):
                examples = field_at(self.model, point)[2].examples  # type: ignore[index]
                if not examples:
                    return False
                self.stand_ins[str(point[0])] = copy.deepcopy(examples[0])
            else:
                _add(self.drops, point)
        return True

    def _point(self, path: YamlPath) -> YamlPath | None:
        """The deepest part of `path` that can be pruned: a list item, an optional or unknown key, or a
        required key of the document (to stand in for)."""
        for depth in range(len(path), 0, -1):
            prefix = path[:depth]
            if depth == 1 and self._required(prefix):
                return prefix
            if _exists(self.data, prefix) and (isinstance(prefix[-1], int) or not self._required(prefix)):
                return prefix
        return None

    def _required(self, path: YamlPath) -> bool:
        found = field_at(self.model, path)
        return found is not None and found[2].is_required()

    def rebuild(self) -> dict[str, Any]:
        """The file's data without the pruned parts and with the stand-ins; `kept` records the items
        each shortened list kept."""
        self.kept = {}
        rebuilt = _without(self.data, self.drops, (), self.kept)
        rebuilt.update(self.stand_ins)
        return rebuilt

    def touched_ids(self) -> set[str]:
        """The ids declared in what was pruned or stood in, and of each mapping that lost a key (a party
        whose `units` were pruned may have declared the unit a reference names)."""
        found: set[str] = set()
        for point in [*_paths(self.drops), *((key,) for key in self.stand_ins)]:
            owner = _at(self.data, point[:-1])
            if isinstance(point[-1], str) and isinstance(owner, dict) and isinstance(owner.get("id"), str):
                found.add(owner["id"])
            found.update(_ids_in(_at(self.data, point)))
        return found


    def touched_keys(self) -> set[str]:
        """The top-level keys of the file under which something was pruned or stood in."""
        return {str(key) for key in [*self.drops, *self.stand_ins]}


def outline_name(entry: Any) -> Any:
    """The part or section an outline entry names, as written: `goals`, `{goals: Mål}` or
    `{part: goals, heading: Mål}`."""
    if isinstance(entry, dict):
        if "part" in entry:
            return entry["part"]
        if len(entry) == 1:
            return next(iter(entry))
    return entry


def file_path(path: YamlPath, data: Any, kept: dict[YamlPath, list[int]]) -> YamlPath:
    """`path` into the pruned data (or the model made of it) as a path into the file's `data`.

    List indices are mapped back through `kept`; a key the model made up for a shorthand
    (`dates` of `follow_up: [2016-06-30]`) is skipped where the file has a list."""
    found: list[Any] = []
    node = data
    for part in path:
        if isinstance(node, list) and isinstance(part, str):
            continue
        if isinstance(part, int) and tuple(found) in kept:
            indices = kept[tuple(found)]
            part = indices[part] if 0 <= part < len(indices) else part
        found.append(part)
        node = _step(node, part)
    return tuple(found)


def written_value(data: Any, path: YamlPath) -> Any:
    """The value at `path` in the file's data, or at its deepest written ancestor (a text a shorthand
    makes into a list: `owner: eslov/gata` for `owner: [eslov/gata]`)."""
    node = data
    for part in path:
        step = _step(node, part)
        if step is None:
            return node
        node = step
    return node


def _at(data: Any, path: YamlPath) -> Any:
    """The value at `path`, or None where the file has none."""
    for part in path:
        data = _step(data, part)
    return data


def _step(node: Any, part: Any) -> Any:
    if isinstance(node, dict):
        return node.get(part)
    if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
        return node[part]
    return None


def _exists(data: Any, path: YamlPath) -> bool:
    node = data
    for part in path:
        if not (isinstance(node, dict) and part in node) and not (
                isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)):
            return False
        node = node[part]
    return True


def _add(trie: _Trie, path: YamlPath) -> None:
    """Mark `path` pruned; a part already pruned with an ancestor stays so."""
    for part in path[:-1]:
        trie = trie.setdefault(part, {})
        if trie is _DROP:
            return
    trie[path[-1]] = _DROP


def _paths(trie: _Trie, prefix: YamlPath = ()) -> Iterator[YamlPath]:
    for part, below in trie.items():
        if below is _DROP:
            yield prefix + (part,)
        else:
            yield from _paths(below, prefix + (part,))


def _without(node: Any, trie: _Trie, path: YamlPath, kept: dict[YamlPath, list[int]]) -> Any:
    """A copy of `node` without the parts `trie` marks; what it does not reach is shared, not copied."""
    if isinstance(node, dict):
        return {key: value if key not in trie else _without(value, trie[key], path + (key,), kept)
                for key, value in node.items() if trie.get(key) is not _DROP}
    if isinstance(node, list):
        indices = [index for index in range(len(node)) if trie.get(index) is not _DROP]
        if len(indices) < len(node):
            kept[path] = indices
        return [node[index] if index not in trie else _without(node[index], trie[index], path + (index,), kept)
                for index in indices]
    return node


def _ids_in(node: Any) -> set[str]:
    """Every `id` declared in `node` and below it."""
    found: set[str] = set()
    todo = [node]
    while todo:
        current = todo.pop()
        if isinstance(current, dict):
            if isinstance(current.get("id"), str):
                found.add(current["id"])
            todo.extend(current.values())
        elif isinstance(current, list):
            todo.extend(current)
    return found
