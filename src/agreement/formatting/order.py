"""The canonical order of keys, read from the document model.

Where the order of keys carries no meaning, fmt writes them in the order the model
declares its fields (aliases such as `schema` respected), so that every document of a
kind reads alike. Where it carries meaning it is kept as written:

- the parts of a document (`background`, `goals`, `focus_areas`, … see `PARTS`): without
  an `outline:` they print in the order their keys are written, and fmt keeps the
  author's order of them always, outline or not, so that adding or removing an outline
  never reorders the file;
- free mappings whose keys are data (`registration:` per party, `labels:`);
- lists, always.

Three models get their reading order written out here, because Python's inheritance puts
a subclass's own fields after its base's: an action would otherwise print its `title`
after its follow-up and progress log. A test checks that these orders name exactly the
model's fields, so a new field cannot be forgotten.
"""

from __future__ import annotations

import types
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from ..model import FILE_KINDS, KINDS, PARTS, Action, PlanArea, Promise

HEADER: tuple[str, ...] = (
    "kind", "schema", "id", "title", "subtitle", "language", "period", "implements", "status", "decision",
    "registration", "document_owner", "valid_until", "revision_responsible", "follow_up_responsible",
    "applies_to", "contact", "outline", "labels", "parties",
)
"""The top-level keys that are not parts, in the order fmt writes them, before the parts."""

READING_ORDER: dict[type[BaseModel], tuple[str, ...]] = {
    Action: ("id", "title", "description", "goal", "goal_ref", "owner", "owner_text", "partners", "status", "follow_up",
             "indicators", "progress"),
    Promise: ("id", "text", "description", "goal", "goal_ref", "owner", "owner_text", "status", "follow_up", "activities",
              "dialogue", "progress"),
    PlanArea: ("id", "title", "focus_area", "description", "problem", "causes", "target_group", "places",
               "effects", "goals", "indicators", "follow_up", "actions", "by_party", "action_groups", "notes"),
}
"""Models whose declared field order is not their reading order (see the module's docstring)."""


def model_keys(model: type[BaseModel]) -> tuple[str, ...]:
    """The keys of `model` as a YAML file writes them (aliases), in the model's declared order."""
    return tuple(info.alias or name for name, info in model.model_fields.items())


def key_order(model: type[BaseModel]) -> tuple[str, ...]:
    """The order fmt writes the keys of a mapping that `model` reads."""
    return READING_ORDER.get(model) or model_keys(model)


def file_model(kind: Any) -> type[BaseModel] | None:
    """The model of a file's kind (a document, or a follow-up file), or None for a value that names none."""
    return FILE_KINDS.get(kind) if isinstance(kind, str) else None


def is_document(model: type[BaseModel] | None) -> bool:
    """Whether files of `model` are documents, whose top level is a header and parts."""
    return model in KINDS.values()


def is_part(key: str) -> bool:
    """Whether a top-level key is a part, whose written order is kept."""
    return key in PARTS


def field_annotation(model: type[BaseModel], key: str) -> Any:
    """The annotation of the field written as `key` in `model`, or None for a key it has not."""
    for name, info in model.model_fields.items():
        if (info.alias or name) == key:
            return info.annotation
    return None


def _candidates(annotation: Any) -> list[Any]:
    """`annotation` without `Annotated[...]` and `| None`, as the types it may be."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return _candidates(get_args(annotation)[0])
    if origin is Union or origin is types.UnionType:
        return [found for argument in get_args(annotation) if argument is not type(None)
                for found in _candidates(argument)]
    return [annotation]


def mapping_model(annotation: Any) -> type[BaseModel] | None:
    """The model that reads a mapping written where `annotation` is expected (None: a free mapping,
    whose keys are data and keep their order)."""
    for candidate in _candidates(annotation):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def value_annotation(annotation: Any, key: str | None) -> Any:
    """What is expected under `key` of a mapping written where `annotation` is expected."""
    model = mapping_model(annotation)
    if model is not None:
        return field_annotation(model, key) if key is not None else None
    for candidate in _candidates(annotation):
        if get_origin(candidate) is dict:
            return get_args(candidate)[1]
    return None


def item_annotation(annotation: Any) -> Any:
    """What is expected of each item of a list written where `annotation` is expected."""
    for candidate in _candidates(annotation):
        if get_origin(candidate) is list:
            return get_args(candidate)[0]
    return None
