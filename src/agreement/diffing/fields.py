"""What the comparison reads off the model's fields, so that it needs no list of them.

A field's Swedish label comes from its description ("Who is responsible (ansvarig):
…" -> "ansvarig"), whether it refers to parties from its type (the `PartyRef`
pattern), and whether it holds actions from its annotation. A field added to the
model later is compared, labelled and named by the same rules without a change here.
"""

from __future__ import annotations

import re
import typing
from functools import lru_cache
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from ..model.actions import Action
from ..model.base import REF_PATTERN

_PARENTHESES = re.compile(r"(\S*)\s*\(([^()]*)\)")
_IDENTITY_NAMES = ("title", "name", "text", "term", "party", "part", "role", "date")
"""Fields that name an item of a list when it has no `id` (or two versions disagree on it)."""


def fields_of(model: type[BaseModel]) -> dict[str, FieldInfo]:
    """The model's fields by the key written in YAML (its alias when it has one)."""
    return {info.alias or name: info for name, info in model.model_fields.items()}


def attribute(model: BaseModel | None, key: str) -> Any:
    """The value of the field written as `key` (an alias such as `schema` included); None when the
    model has no such field (two kinds of document compared) or there is no model."""
    if model is None:
        return None
    for name, info in type(model).model_fields.items():
        if (info.alias or name) == key:
            return getattr(model, name)
    return None


@lru_cache(maxsize=None)
def _label(description: str, literals: frozenset[str]) -> str:
    for match in _PARENTHESES.finditer(description):
        before, inside = match.group(1).strip("*,:."), match.group(2)
        if before in literals or "`" in inside or any(char.isdigit() for char in inside):
            continue  # "planned (planerad), …" names a value, not the field; "(`polisen`)" is an example
        return inside.split(",")[0].strip()
    return ""


def label(info: FieldInfo) -> str:
    """The Swedish term of a field, the first one its description gives in parentheses ("" when none).

    Terms that translate one of the field's values ("planned (planerad)") are skipped:
    they say what a value means, not what the field is called."""
    return _label(info.description or "", frozenset(_literals(info.annotation)))


def label_at(model: BaseModel, path: tuple[Any, ...]) -> str:
    """The Swedish term of the field at the end of a data path (`focus_areas`, 2 -> "fokusområden")."""
    term, current = "", model
    for part in path:
        if isinstance(part, int):
            current = current[part]
            continue
        info = fields_of(type(current)).get(part)
        if info is None:
            return ""
        term, current = label(info), attribute(current, part)
    return term


def _literals(annotation: Any) -> set[str]:
    if typing.get_origin(annotation) is typing.Literal:
        return {str(value) for value in typing.get_args(annotation)}
    found: set[str] = set()
    for argument in typing.get_args(annotation):
        found |= _literals(argument)
    return found


def refers_to_parties(info: FieldInfo) -> bool:
    """Whether the field's values are party references (`party` or `party/unit`), shown by name."""
    return any(_is_ref(item) for item in info.metadata) or _mentions_ref(info.annotation)


def _is_ref(item: Any) -> bool:
    return getattr(item, "pattern", None) == REF_PATTERN


def _mentions_ref(annotation: Any) -> bool:
    if any(_is_ref(item) for item in getattr(annotation, "__metadata__", ())):
        return True
    return any(_mentions_ref(argument) for argument in typing.get_args(annotation))


def holds_actions(info: FieldInfo) -> bool:
    """Whether the field holds actions: those are compared document-wide, so that an action moved
    to another area is one move rather than a removal here and an addition there."""
    return _mentions(info.annotation, Action)


def _mentions(annotation: Any, model: type) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, model):
        return True
    return any(_mentions(argument, model) for argument in typing.get_args(annotation))


def identity(item: BaseModel) -> tuple[str | None, str | None]:
    """The item's id, and the text that names it when ids are missing: its title, name, text, …"""
    item_id = attribute(item, "id")
    for key in _IDENTITY_NAMES:
        value = attribute(item, key)
        if value is not None and not isinstance(value, (list, dict, BaseModel)):
            return (str(item_id) if item_id is not None else None), str(value)
    return (str(item_id) if item_id is not None else None), None
