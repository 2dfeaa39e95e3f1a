"""Which model, and which field of it, a path into a document's data leads to.

Validation errors, unknown keys and pruning all speak of paths into the data
(`focus_areas[0].actions[2].status`); to say what the key means, which keys are
allowed there or whether a key may be left out, they need the model class and the
field behind the path. List indices and the keys of mappings (the party ids of
`registration`, the action ids of a follow-up file's `progress`) are stepped over: an
item of a list, or a value of a mapping, has the list's or the mapping's item model.
"""

from __future__ import annotations

from typing import Any, Literal, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .diagnostics import YamlPath


def key_of(name: str, info: FieldInfo) -> str:
    """The key a field is written under in YAML (its alias, such as `schema`, else its name)."""
    return info.alias or name


def field_named(model: type[BaseModel], key: str) -> tuple[str, FieldInfo] | None:
    """The field of `model` written under `key`, with its Python name."""
    for name, info in model.model_fields.items():
        if key_of(name, info) == key:
            return name, info
    return None


def model_at(model: type[BaseModel], path: YamlPath) -> type[BaseModel] | None:
    """The model of the mapping at `path`, or None where the path leaves the models (a text, a free mapping)."""
    current: type[BaseModel] | None = model
    key_next = False
    for part in path:
        if current is None:
            return None
        if isinstance(part, int) or key_next:  # a list index, or a key of a mapping field
            key_next = False
            continue
        found = field_named(current, part)
        current = model_in(found[1].annotation) if found else None
        key_next = found is not None and _is_mapping(found[1].annotation)
    return current


def _is_mapping(annotation: Any) -> bool:
    """Whether a field holds a mapping (`dict[...]`, also inside `X | None`), whose keys are data."""
    return get_origin(annotation) is dict or any(
        get_origin(argument) is dict for argument in getattr(annotation, "__args__", ()) or ())


def field_at(model: type[BaseModel], path: YamlPath) -> tuple[type[BaseModel], str, FieldInfo] | None:
    """The model owning the last key of `path`, that key's field name and its FieldInfo; None when
    the key is not a field (an unknown key, a list index, a key of a free mapping)."""
    if not path or isinstance(path[-1], int):
        return None
    owner = model_at(model, path[:-1])
    found = field_named(owner, str(path[-1])) if owner is not None else None
    return (owner, *found) if owner is not None and found else None


def model_in(annotation: Any) -> type[BaseModel] | None:
    """The BaseModel inside `X | None`, `list[X]` or `Annotated[X, ...]`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in getattr(annotation, "__args__", ()) or ():
        found = model_in(argument)
        if found is not None:
            return found
    origin = getattr(annotation, "__origin__", None)
    return model_in(origin) if origin is not None and origin is not annotation else None


def fixed_values(annotation: Any) -> list[str]:
    """The texts a `Literal[...]` inside `annotation` allows (`X | None`, `Annotated` unwrapped); empty
    for a field that takes free values."""
    if getattr(annotation, "__origin__", None) is Literal:
        return [value for value in annotation.__args__ if isinstance(value, str)]
    found: list[str] = []
    for argument in getattr(annotation, "__args__", ()) or ():
        found.extend(value for value in fixed_values(argument) if value not in found)
    return found
