"""Shared building blocks of the document model.

Every model forbids unknown keys (a misspelt key must be an error, never silently
dropped) and every field carries a description naming the Swedish term and an
example, because the generated JSON Schema is what editors show while people type.

**Swedish terms.** Keys and values are English, but the people who write the files
think in Swedish terms. Every field therefore also states its Swedish terms as data,
through `field()` and `required()`:

- `sv=`: the Swedish term(s) of the key, as a dictionary writes them, lower case,
  with å, ä and ö: `glossary` is `sv=("ordlista", "förkortningar")`. Give the words
  people actually write in agreements, the one in the description first; one is
  enough, a few synonyms are better. Inflected forms are not needed (`ordlistan`,
  `ordlistor` and `ordlista` without diacritics are matched from `ordlista`).
- `sv_values=`: for a field whose value is one of fixed texts (a `Literal`), the
  Swedish term(s) of every value: `{"planned": "planerad", "ongoing": "pågående", ...}`.
  A named Literal used by several fields keeps its terms in one constant beside it
  (`STATUS_SV` beside `Status`). Each kind of document names itself this way on
  its `kind` field (`sv=KIND_SV, sv_values={"action-plan": ("handlingsplan",
  "åtgärdsplan")}`): that is how `kind: handlingsplan` finds `action-plan`, with no
  list of kinds anywhere else.

Both land in the field's `json_schema_extra` (`x-swedish`, `x-swedish-values`), so
the generated JSON Schemas show them too, and `agreement.terms` reads them to answer
`ordlista:` with "did you mean 'glossary'?" and `status: pågående` with "did you
mean 'ongoing'?". A test walks every key of every kind and fails for a field
without `sv=` or a fixed value without a term; another fails when two keys of one
mapping (or two values of one field) share a term, which would make the suggestion
a guess.
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


SWEDISH = "x-swedish"
"""Key of a field's JSON Schema that lists the Swedish terms of the key."""
SWEDISH_VALUES = "x-swedish-values"
"""Key of a field's JSON Schema that maps each fixed value to its Swedish terms."""

Terms = str | tuple[str, ...]
"""One Swedish term, or several (synonyms, the most common first)."""


def required(description: str, example: Any, *, sv: Terms = (), sv_values: dict[str, Terms] | None = None,
             **kwargs: Any) -> Any:
    """A required pydantic Field with a description and an example, the two things an editor shows,
    and the Swedish terms of its key (`sv`) and of its fixed values (`sv_values`); see the module."""
    extra: dict[str, Any] = {}
    if sv:
        extra[SWEDISH] = _terms(sv)
    if sv_values:
        extra[SWEDISH_VALUES] = {value: _terms(terms) for value, terms in sv_values.items()}
    if extra:
        kwargs["json_schema_extra"] = {**(kwargs.get("json_schema_extra") or {}), **extra}
    return Field(description=description, examples=[example], **kwargs)


def field(description: str, example: Any, **kwargs: Any) -> Any:
    """An optional field: like `required`, with None as the default unless another is given."""
    if "default" not in kwargs and "default_factory" not in kwargs:
        kwargs["default"] = None
    return required(description, example, **kwargs)


def _terms(terms: Terms) -> list[str]:
    return [terms] if isinstance(terms, str) else list(terms)


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
