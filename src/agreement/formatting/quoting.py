"""When a quoted value can be written without its quotes, and how to write a new value.

fmt writes a value plain (`section: § 123`) when the quotes add nothing, and keeps them
when they do: where the value would otherwise be read as something else (`'123'` a
number, `'no'` false to a YAML 1.1 reader, `'2015-11-26'` a date, `''` nothing), where it
holds characters that YAML gives a meaning (`: `, ` #`, a leading `-` or `*`, commas in a
`{…}` mapping), and where it cannot be written on one line. The test is deliberately
conservative: a value that starts like a number or a YAML word keeps its quotes even
where a YAML 1.2 reader would read it as text, because editors, linters and other tools
of a repository may read YAML 1.1.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_FLOW_INDICATORS = frozenset(",[]{}:")
"""Not in a plain value inside `{…}` or `[…]`: libyaml reads `:` there as a key's end even before a letter."""
_PRINTABLE = re.compile("[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]+")
"""Characters a plain value may hold: printable, no tab, no line break of any kind, no byte-order mark."""
_LOOKS_TYPED = re.compile(r"[-+.0-9~=<]|(?i:true|false|yes|no|on|off|y|n|null)$")
"""Values that start like a number, a date or a YAML word: their quotes stay."""


@lru_cache(maxsize=2)
def _resolvers() -> tuple:
    from ruamel.yaml.resolver import VersionedResolver

    return VersionedResolver(version=(1, 1)), VersionedResolver(version=(1, 2))


def _read_as_text(value: str) -> bool:
    """Whether YAML 1.1 and 1.2 readers both read `value`, written plain, as text."""
    from ruamel.yaml.nodes import ScalarNode

    return all(resolver.resolve(ScalarNode, value, (True, False)) == "tag:yaml.org,2002:str"
               for resolver in _resolvers())


def plain_allowed(value: str, flow: bool) -> bool:
    """Whether `value` can be written without quotes, in a `{…}`/`[…]` collection when `flow`,
    and be read back as the same text by any YAML reader."""
    if not value or not _PRINTABLE.fullmatch(value) or value != value.strip():
        return False
    if value[0] in _INDICATORS or _LOOKS_TYPED.match(value):
        return False
    if ": " in value or " #" in value or value.endswith(":"):
        return False
    if flow and not _FLOW_INDICATORS.isdisjoint(value):
        return False
    return _read_as_text(value)


def written(value: str, flow: bool = False) -> str:
    """A new one-line text value as fmt would write it: plain where allowed, else double-quoted."""
    if plain_allowed(value, flow):
        return value
    return json.dumps(value, ensure_ascii=False)
