"""Shared building blocks of the document model.

Every model forbids unknown keys (a misspelt key must be an error, never silently
dropped) and every field carries a description naming the Swedish term and an
example, because the generated JSON Schema is what editors show while people type.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Iterator, Sequence, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, GetJsonSchemaHandler, StringConstraints
from pydantic_core import core_schema

from .limits import MARKDOWN_CHARACTERS, PLAIN_TEXT_CHARACTERS, check_markdown, check_words

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"
REF_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]*(/[A-Za-z0-9][A-Za-z0-9_.-]*)?$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, min_length=1, max_length=80)]
"""A short key that other parts of the document (and lint suppressions) refer to."""

PartyRef = Annotated[str, StringConstraints(pattern=REF_PATTERN, min_length=1, max_length=161)]
"""A reference to a declared party (`polisen`) or one of its units (`eslov/gtp`)."""

Text = Annotated[str, StringConstraints(min_length=1, max_length=PLAIN_TEXT_CHARACTERS), AfterValidator(check_words)]
"""Plain text in the document's language; rendered escaped, never as markup."""

Markdown = Annotated[str, StringConstraints(min_length=1, max_length=MARKDOWN_CHARACTERS),
                     AfterValidator(check_markdown)]
"""Markdown text; rendered through pandoc without raw HTML, TeX or attributes. Both kinds of
text are held to the limits of `agreement.model.limits`."""


T = TypeVar("T")


def nested(items: Sequence[T], key: str, path: tuple[str | int, ...] = ()) -> Iterator[tuple[T, tuple[str | int, ...]]]:
    """`items` and everything under them through attribute `key` (sections in sections, bodies in
    bodies), depth first in reading order, each with its data path below `path`."""
    stack = [(item, path + (key, index)) for index, item in enumerate(items)]
    stack.reverse()
    while stack:
        item, where = stack.pop()
        yield item, where
        stack.extend(reversed([(child, where + (key, index)) for index, child in enumerate(getattr(item, key))]))


def required(description: str, example: Any, **kwargs: Any) -> Any:
    """A required pydantic Field with a description and an example, the two things an editor shows."""
    return Field(description=description, examples=[example], **kwargs)


def field(description: str, example: Any, **kwargs: Any) -> Any:
    """An optional field: like `required`, with None as the default unless another is given."""
    if "default" not in kwargs and "default_factory" not in kwargs:
        kwargs["default"] = None
    return required(description, example, **kwargs)


class Model(BaseModel):
    """Base of every model: unknown keys are errors; values are validated as written."""

    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
        coerce_numbers_to_str=True,
        # Build a model's validator when it is first used, not at import: one file is one kind, and
        # building every model of every kind up front cost a one-file lint about 30 ms of CPU.
        defer_build=True,
    )


@dataclass(frozen=True, eq=False)
class AlsoAccepts:
    """Adds shorthand forms to a field's JSON Schema (`anyOf`), next to its own schema.

    Used with a BeforeValidator that turns the shorthand into the full form, so the
    model has no unions (plain error paths) while editors still accept the shorthand.
    """

    shorthands: tuple[dict[str, Any], ...]

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> dict[str, Any]:
        return {"anyOf": [*self.shorthands, handler(schema)]}
