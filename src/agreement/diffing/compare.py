"""Two versions of a document compared in its own terms: items added, removed, moved and changed.

The walk is generic over the pydantic models: every field of both versions is
compared, nested models field by field, lists of models item by item, and a field
added to the model later is compared too, under the Swedish term of its description.
Two things are the domain's own:

- Actions are compared across the whole document (wherever `commitments` finds
  them), so an action that moved to another area is one move, not a removal and an
  addition. They are paired by `id`, then by title.
- Party references (`eslov/gtp`) are shown by the names the parties give them.

Items of other lists are paired by `id`, then by the text that names them (title,
name, text, …), then by position, so an edited goal without an id is a changed goal.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass
from typing import Any, Iterable, Literal, Sequence

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from ..model import Action, Area, Document
from ..model.naming import party_names
from ..model.resolve import commitments
from .fields import attribute, fields_of, holds_actions, identity, label, label_at, refers_to_parties
from .words import Words, same_words, word_diff

ChangeKind = Literal["added", "removed", "changed", "moved"]
MatchedBy = Literal["id", "title", "name", "position"]
SIMILAR = 0.5
"""Share of words two texts at the same place in a list have in common to count as one text edited."""
ACTIONS = "actions"
"""The key actions are written under, in areas and in party groups alike."""


@dataclass(frozen=True)
class Step:
    """One item on the way to a change: the list it is in (key and Swedish term) and how it is named."""

    key: str
    label: str
    id: str | None = None
    name: str | None = None
    matched_by: MatchedBy | None = None


@dataclass(frozen=True)
class FieldName:
    """A changed field under an item: `owner`, `decision.date`, with the Swedish terms of each part."""

    key: str
    label: str


@dataclass(frozen=True)
class Change:
    """One change; `field` is None when the item itself was added, removed or moved (`moved` with a
    field: the items of that list stand in another order)."""

    kind: ChangeKind
    where: tuple[Step, ...]
    field: FieldName | None = None
    old: str | None = None
    new: str | None = None
    words: tuple[Words, ...] = ()


@dataclass(frozen=True)
class Diff:
    """What changed from one version of a document to another."""

    old: str
    new: str
    changes: tuple[Change, ...]

    @property
    def matched_by_title(self) -> int:
        """Actions (and other items) paired by their title because an id was missing or changed."""
        return len({step for change in self.changes for step in change.where if step.matched_by == "title"})


def compare(old: Document, new: Document, old_name: str = "old", new_name: str = "new") -> Diff:
    """Every change from `old` to `new`: the document's own fields first, then its actions."""
    comparer = _Comparer(party_names(old), party_names(new))
    comparer.models(old, new, (), (), ())
    comparer.actions(old, new)
    return Diff(old_name, new_name, tuple(comparer.changes))


# -- shown values -------------------------------------------------------------------------


def _scalar(value: Any, names: dict[str, str], refs: bool) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if refs and isinstance(value, str):
        return names.get(value, value)
    return str(value)


def as_written(model: BaseModel | None, key: str) -> Any:
    """The value of a model's field as its YAML wrote it: a period written in years
    (`{start: 2015, end: 2018}`) compares and shows as years, not as the days they cover."""
    value = attribute(model, key)
    if getattr(model, "in_years", False) and isinstance(value, dt.date):
        return value.year
    return value


def shown(value: Any, names: dict[str, str], refs: bool = False) -> str | None:
    """A value as a reader sees it: dates in ISO form, references by name, lists joined; None when
    absent. A whole model (a decision added) is shown by its fields."""
    if value is None or value == [] or value == {}:
        return None
    if isinstance(value, BaseModel):
        return summary(value, names)
    if isinstance(value, dict):
        return "; ".join(f"{key}: {shown(item, names, refs)}" for key, item in value.items())
    if isinstance(value, (list, tuple)):
        return ", ".join(shown(item, names, refs) or "" for item in value)
    return _scalar(value, names, refs)


def summary(model: BaseModel, names: dict[str, str]) -> str:
    """A list item in one line: what names it (its title, name, text, …), else `key: value` for each
    field it states."""
    item_id, name = identity(model)
    if name is not None:
        return name
    parts = []
    for key, info in fields_of(type(model)).items():
        value = shown(attribute(model, key), names, refers_to_parties(info))
        if value is not None and info.default != attribute(model, key):
            parts.append(f"{key}: {value}")
    return "; ".join(parts) or (item_id or type(model).__name__)


# -- pairing items ------------------------------------------------------------------------

Pair = tuple[Any, Any, MatchedBy]


def pair_items(old: Sequence[Any], new: Sequence[Any], *, by_position: bool,
               key: Any = identity) -> tuple[list[Pair], list[Any], list[Any]]:
    """Pairs of the same item in both lists, and the items only in the old and only in the new one.

    By `id` first, then by the naming text; then, when `by_position`, items without an id
    left at the same index in both lists whose naming texts are alike."""
    free_old = dict(enumerate(old))
    free_new = dict(enumerate(new))
    pairs: list[tuple[int, Pair]] = []
    for part, matched_by in ((0, "id"), (1, "title")):
        first_of: dict[str, int] = {}
        for index, item in free_old.items():
            if key(item)[part] is not None:
                first_of.setdefault(key(item)[part], index)
        for index, item in list(free_new.items()):
            found = first_of.pop(key(item)[part], None)
            if found is not None:
                pairs.append((index, (free_old.pop(found), free_new.pop(index), matched_by)))  # type: ignore[arg-type]
    if by_position:
        for index in sorted(set(free_old) & set(free_new)):
            if _edited(key(free_old[index]), key(free_new[index])):
                pairs.append((index, (free_old.pop(index), free_new.pop(index), "position")))
    pairs.sort(key=lambda indexed: indexed[0])
    return [_natural(found) for _, found in pairs], list(free_old.values()), list(free_new.values())


def _edited(old: tuple[str | None, str | None], new: tuple[str | None, str | None]) -> bool:
    """Whether two items at the same place are one item edited: neither has an id (two ids are two
    items) and what names them is alike (an edited goal, not the outline's `mal` become `follow_up`)."""
    if old[0] is not None or new[0] is not None:
        return False
    if old[1] is None or new[1] is None:
        return True
    return difflib.SequenceMatcher(a=old[1].split(), b=new[1].split()).ratio() >= SIMILAR


def _natural(pair: Pair) -> Pair:
    """A pair matched by its naming text where the model has no ids at all is matched by its natural
    key ("name"): nothing to point out, unlike an action whose id was missing or changed ("title")."""
    before, after, matched_by = pair
    if matched_by == "title" and isinstance(after, BaseModel) and "id" not in fields_of(type(after)):
        return before, after, "name"
    return pair


# -- the walk -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Placed:
    """An action with the area (and party group) it is written in."""

    action: Action
    area: Step | None
    group: Step | None

    @property
    def steps(self) -> tuple[Step, ...]:
        return tuple(step for step in (self.area, self.group) if step is not None)


class _Comparer:
    def __init__(self, old_names: dict[str, str], new_names: dict[str, str]) -> None:
        self.old_names, self.new_names = old_names, new_names
        self.changes: list[Change] = []

    def models(self, old: BaseModel | None, new: BaseModel | None, where: tuple[Step, ...],
               keys: tuple[str, ...], labels: tuple[str, ...]) -> None:
        """Compare two versions of a model field by field (fields of either version's type; a model
        on one side only is compared with nothing, so each of its fields is added or removed)."""
        infos = {**(fields_of(type(old)) if old is not None else {}), **(fields_of(type(new)) if new is not None else {})}
        for key, info in infos.items():
            if holds_actions(info):
                continue
            self.value(as_written(old, key), as_written(new, key), info, where, keys + (key,), labels + (label(info),))

    def value(self, old: Any, new: Any, info: FieldInfo, where: tuple[Step, ...],
              keys: tuple[str, ...], labels: tuple[str, ...]) -> None:
        if old == new:
            return
        field = FieldName(".".join(keys), " › ".join(part for part in labels if part))
        if isinstance(old, BaseModel) or isinstance(new, BaseModel):
            self.models(old, new, where, keys, labels)
        elif _holds_models(old) or _holds_models(new):
            self.items(old or [], new or [], where, field.key, field.label)
        elif isinstance(old, dict) and isinstance(new, dict):
            for entry in dict.fromkeys([*old, *new]):
                self.value(old.get(entry), new.get(entry), info, where, keys + (str(entry),), labels)
        else:
            self.scalar(old, new, info, where, field)

    def scalar(self, old: Any, new: Any, info: FieldInfo, where: tuple[Step, ...], field: FieldName) -> None:
        refs = refers_to_parties(info)
        before, after = shown(old, self.old_names, refs), shown(new, self.new_names, refs)
        if before == after:
            return
        if before is None or after is None:
            self.changes.append(Change("added" if before is None else "removed", where, field, before, after))
            return
        words: tuple[Words, ...] = ()
        if isinstance(old, str) and isinstance(new, str) and not refs:
            if same_words(old, new):
                return  # re-wrapped, not edited
            if len(old.split()) > 1 or len(new.split()) > 1:
                words = word_diff(old, new)
        self.changes.append(Change("changed", where, field, before, after, words))

    def items(self, old: list[Any], new: list[Any], where: tuple[Step, ...], key: str, term: str) -> None:
        """Items of a list of models: paired ones compared, the others added or removed."""
        pairs, removed, added = pair_items(old, new, by_position=True)
        self.order(old, pairs, where, FieldName(key, term))
        for before, after, matched_by in pairs:
            self.models(before, after, where + (self.step(key, term, after, matched_by),), (), ())
        for item in removed:
            self.changes.append(Change("removed", where + (self.step(key, term, item),), None,
                                       old=summary(item, self.old_names)))
        for item in added:
            self.changes.append(Change("added", where + (self.step(key, term, item),), None,
                                       new=summary(item, self.new_names)))

    def order(self, old: list[Any], pairs: list[Pair], where: tuple[Step, ...], field: FieldName) -> None:
        """Items of both versions in another order (the outline's parts, say): one `moved` change of
        the list, its items named in the old order and in the new."""
        now = [summary(after, self.new_names) for _, after, _ in pairs]
        then = [summary(after, self.new_names) for _, after, _ in
                sorted(pairs, key=lambda pair: next(i for i, item in enumerate(old) if item is pair[0]))]
        if now != then:
            self.changes.append(Change("moved", where, field, ", ".join(then), ", ".join(now)))

    def step(self, key: str, term: str, item: BaseModel, matched_by: MatchedBy | None = None,
             names: dict[str, str] | None = None) -> Step:
        item_id, name = identity(item)
        if name is not None and item_id is None and isinstance(attribute(item, "party"), str):
            name = (names or self.new_names).get(name, name)  # a party group is named by its party
        return Step(key, term, item_id, name, matched_by)

    # -- actions ----------------------------------------------------------------------------

    def actions(self, old: Document, new: Document) -> None:
        """Actions paired across the whole document by id, then title: moved, removed, added, changed."""
        before, after = self.placed(old, self.old_names), self.placed(new, self.new_names)
        term = label(fields_of(Area)[ACTIONS])
        pairs, removed, added = pair_items(before, after, by_position=False, key=lambda p: identity(p.action))
        for was, now, matched_by in pairs:
            step = self.step(ACTIONS, term, now.action, matched_by)
            if was.steps != now.steps:
                self.changes.append(Change("moved", now.steps + (step,), None,
                                           _where_named(was.steps), _where_named(now.steps)))
            self.models(was.action, now.action, now.steps + (step,), (), ())
        for placed in removed:
            self.changes.append(Change("removed", placed.steps + (self.step(ACTIONS, term, placed.action),), None,
                                       old=placed.action.title))
        for placed in added:
            self.changes.append(Change("added", placed.steps + (self.step(ACTIONS, term, placed.action),), None,
                                       new=placed.action.title))

    def placed(self, document: Document, names: dict[str, str]) -> list[_Placed]:
        """Every action with the area and group it is written in, named as the reader knows them."""
        found = []
        for context in commitments(document):
            if not isinstance(context.item, Action):
                continue
            area = group = None
            if context.area is not None and context.area_path is not None:
                area = self.step(_list_key(context.area_path), label_at(document, context.area_path), context.area,
                                 names=names)
                if context.group is not None:
                    group_path = context.path[:len(context.area_path) + 2]  # area path + (group key, index)
                    group = self.step(_list_key(group_path), label_at(document, group_path), context.group,
                                      names=names)
            found.append(_Placed(context.item, area, group))
        return found


def _list_key(path: tuple[object, ...]) -> str:
    """The key of the list an item stands in: `focus_areas` for (`focus_area_groups`, 0, `focus_areas`, 2)."""
    return str([part for part in path if isinstance(part, str)][-1])


def _holds_models(value: Any) -> bool:
    return isinstance(value, list) and any(isinstance(item, BaseModel) for item in value)


def _where_named(steps: Iterable[Step]) -> str:
    """Where an action stands, for a move: its area's title, and its party group's name."""
    return " › ".join(step.name or step.id or step.key for step in steps) or "—"
