"""Swedish terms of the document model, so that "did you mean" answers a Swedish word.

Keys and values are English, but the people who write the files think in Swedish:
they write `ordlista:` for `glossary:`, `status: pågående` for `status: ongoing`,
`kind: handlingsplan` for `kind: action-plan`. Every field of the model states the
Swedish terms of its key and of its fixed values as data (`sv=` and `sv_values=`
on `field()`, see `agreement.model.base`); this module reads them into small
indexes and looks a written word up in them.

Matching forgives what people actually type:

- case and diacritics: `Ordlista`, `PÅGÅENDE` and `pagaende` are `ordlista` and `pågående`;
- spaces, hyphens and underscores: `på_remiss` is `på remiss`, `half year` is `half-year`;
- Swedish inflection: `ordlistan`, `åtgärderna`, `målet`, `genomfört` and `avbrutna` are
  `ordlista`, `åtgärder`, `mål`, `genomförd` and `avbruten`. Two words match when they
  share a stem of at least MIN_STEM letters and each ends, after it, in one of the
  inflection endings (`-n`, `-en`, `-et`, `-er`, `-erna`, `-a`, `-t`, ...). This is
  not a stemmer: both sides are known words, so a shared stem with endings that
  inflect is enough, and it needs no word list.

An index is built per model (or per field, or once for the kinds) the first time an
error needs it, from metadata the models already carry; a file without errors never
builds one.
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from pydantic import BaseModel

from .diagnostics import YamlPath, did_you_mean
from .model.base import SWEDISH, SWEDISH_VALUES
from .model_paths import field_at, key_of, model_at

MIN_STEM = 3
"""Shortest stem two inflected forms must share: `mål`/`målet` match, `man`/`mål` do not."""
ENDINGS = frozenset({
    "", "a", "e", "n", "t", "r", "s", "d",
    "en", "et", "er", "ar", "or", "na", "ns", "es", "ts",
    "rna", "ena", "ens", "ets", "ade",
    "erna", "arna", "orna", "ernas", "arnas", "ornas",
})
"""What may follow the shared stem in an inflected form (definite, plural, neuter, participle, genitive)."""
TYPO_CUTOFF = 0.75
"""How alike a misspelt Swedish word and a term must be (difflib ratio) to suggest the term."""


@dataclass(frozen=True)
class Match:
    """What a written word was taken to mean: the English key or value, and the Swedish term
    it matched (None when it matched the English word itself, written in another case or spacing)."""

    english: str
    swedish: str | None = None

    def hint(self, what: str) -> str:
        """`did you mean 'glossary'? (the English key for ordlista)`."""
        hint = f"did you mean {self.english!r}?"
        return f"{hint} (the English {what} for {self.swedish})" if self.swedish else hint


@dataclass(frozen=True)
class TermIndex:
    """Normalised words (English names and their Swedish terms), each with the Match it stands for."""

    entries: tuple[tuple[str, Match], ...]

    def find(self, written: str) -> Match | None:
        """The entry `written` is, in any case, spelling of å/ä/ö, spacing or inflection; the one
        sharing the longest stem when several do (`målreferens` before `mål`)."""
        word = normal(written)
        best: tuple[int, Match] | None = None
        for term, match in self.entries:
            stem = inflected_stem(word, term)
            if stem is not None and (best is None or stem > best[0]):
                best = (stem, match)
        return best[1] if best else None

    def closest(self, written: str) -> Match | None:
        """The entry most like a misspelt `written` (`ordlsta`), when one is close enough."""
        terms = {term: match for term, match in self.entries}
        close = difflib.get_close_matches(normal(written), terms, n=1, cutoff=TYPO_CUTOFF)
        return terms[close[0]] if close else None


def normal(text: str) -> str:
    """`text` folded for comparison: lower case, without diacritics, only letters and digits."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(character for character in decomposed if character.isalnum())


def inflected_stem(word: str, term: str) -> int | None:
    """The length of the stem `word` and `term` share as two forms of one word, or None when they
    are not: equal, or a common stem of MIN_STEM letters or more followed on both sides by ENDINGS."""
    if word == term:
        return len(word) + 1  # an exact match beats any inflected one
    shared = 0
    for a, b in zip(word, term):
        if a != b:
            break
        shared += 1
    for stem in range(shared, MIN_STEM - 1, -1):
        if word[stem:] in ENDINGS and term[stem:] in ENDINGS:
            return stem
    return None


def _index(pairs: Iterable[tuple[str, Iterable[str]]]) -> TermIndex:
    """An index of English names, each with its Swedish terms."""
    entries: list[tuple[str, Match]] = []
    for english, swedish in pairs:
        entries.append((normal(english), Match(english)))
        entries.extend((normal(term), Match(english, term)) for term in swedish if normal(term) != normal(english))
    return TermIndex(tuple(entries))


@lru_cache(maxsize=None)
def keys_of(model: type[BaseModel]) -> TermIndex:
    """The keys of `model` and their Swedish terms."""
    return _index((key_of(name, info), _extra(info.json_schema_extra).get(SWEDISH, ()))
                  for name, info in model.model_fields.items())


@lru_cache(maxsize=None)
def values_of(model: type[BaseModel], name: str) -> TermIndex:
    """The fixed values of field `name` of `model` and their Swedish terms."""
    return _index(_swedish_values(model, name).items())


@lru_cache(maxsize=1)
def kinds() -> TermIndex:
    """The kinds of file and their Swedish names, from the registry `agreement.model.FILE_KINDS` (the
    documents and the follow-up file): each kind's class states them on its `kind` field, so a new
    kind needs nothing here."""
    from .model import FILE_KINDS

    return _index((kind, _swedish_values(model, "kind").get(kind, ())) for kind, model in FILE_KINDS.items())


def _swedish_values(model: type[BaseModel], name: str) -> dict[str, list[str]]:
    info = model.model_fields.get(name)
    return _extra(info.json_schema_extra if info else None).get(SWEDISH_VALUES, {})


def _extra(extra: object) -> dict:
    """A field's json_schema_extra as a mapping (pydantic also allows a function there)."""
    return extra if isinstance(extra, dict) else {}


def suggest(written: str, index: TermIndex, what: str) -> str | None:
    """A "did you mean" hint for `written` where one of the index's English names belongs.

    A Swedish term or a respelling of an English name is the surest sign of what was
    meant; then a near miss of an English name (the hint every `did_you_mean` gives);
    then a misspelt Swedish term."""
    match = index.find(written)
    if match is None:
        english = did_you_mean(written, {m.english for _, m in index.entries})
        if english is not None:
            return english
        match = index.closest(written)
    return match.hint(what) if match else None


def key_hint(model: type[BaseModel], path: YamlPath) -> str | None:
    """The hint for the unknown key that ends `path`: the key meant, else the keys allowed there."""
    owner = model_at(model, path[:-1])
    if owner is None:
        return None
    return suggest(str(path[-1]), keys_of(owner), "key") or (
        "allowed keys: " + ", ".join(key_of(name, info) for name, info in owner.model_fields.items()))


MAPPING_KEY = "[key]"
"""The last part of pydantic's path to a key of a mapping (rather than its value)."""


def value_hint(model: type[BaseModel], path: YamlPath, value: object, allowed: Iterable[str]) -> str | None:
    """The hint for a value at `path` that is not one of the `allowed` values of its field (or a key
    of a mapping field whose keys are fixed, such as `labels`); without Swedish terms where the path
    leads to no field (an item of a list of fixed values)."""
    found = field_at(model, path[:-2] if path[-1:] == (MAPPING_KEY,) else path)
    index = values_of(found[0], found[1]) if found else _index((english, ()) for english in allowed)
    return suggest(str(value), index, "value")


def part_hint(model: type[BaseModel], written: str, keys: Iterable[str]) -> str | None:
    """The hint for an outline entry written as the Swedish term of a part (`bakgrund`): the key of
    that part among `keys`; None when the word is no Swedish term of one (a near miss of an English
    key or a section id is for the caller, who knows the sections)."""
    wanted = set(keys)
    match = _index((key_of(name, info), _extra(info.json_schema_extra).get(SWEDISH, ()))
                   for name, info in model.model_fields.items() if key_of(name, info) in wanted).find(written)
    return match.hint("key") if match and match.swedish else None


def kind_hint(kind: str) -> str | None:
    """The hint for an unknown `kind:`."""
    return suggest(kind, kinds(), "kind")
