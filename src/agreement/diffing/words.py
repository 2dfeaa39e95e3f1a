"""A word diff of two texts: what a reader of an edited paragraph wants to see.

Line diffs of YAML say that a paragraph changed; a word diff says which words. The
texts are split into words (line breaks count as spaces: a re-wrapped paragraph has
not changed), compared with difflib, and long unchanged stretches are shortened to
a few words of context on each side.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Literal

Operation = Literal["same", "removed", "added"]
CONTEXT = 6
"""Unchanged words kept on each side of an edit; the rest of an unchanged stretch becomes "…"."""
REWRITTEN = 0.5
"""Below this share of words in common a text was rewritten, not edited: the old text and the new
one are shown whole rather than interleaved word by word, which nobody could read."""


@dataclass(frozen=True)
class Words:
    """A run of words that are the same in both texts, or only in the old or the new one."""

    operation: Operation
    text: str


def words_of(text: str) -> list[str]:
    return text.split()


def same_words(old: str, new: str) -> bool:
    """Whether two texts differ only in white space (how a paragraph is wrapped)."""
    return words_of(old) == words_of(new)


def word_diff(old: str, new: str, context: int = CONTEXT) -> tuple[Words, ...]:
    """The runs of the two texts, in order; unchanged runs cut to `context` words around edits."""
    before, after = words_of(old), words_of(new)
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    if matcher.ratio() < REWRITTEN:
        return (Words("removed", " ".join(before)), Words("added", " ".join(after)))
    runs: list[Words] = []
    opcodes = matcher.get_opcodes()
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            runs.extend(_context(before[i1:i2], first=index == 0, last=index == len(opcodes) - 1, context=context))
            continue
        if tag in ("delete", "replace"):
            runs.append(Words("removed", " ".join(before[i1:i2])))
        if tag in ("insert", "replace"):
            runs.append(Words("added", " ".join(after[j1:j2])))
    return tuple(runs)


def _context(words: list[str], *, first: bool, last: bool, context: int) -> list[Words]:
    """An unchanged stretch: whole when short, else its ends next to the edits around an ellipsis."""
    keep_start = 0 if first else context
    keep_end = 0 if last else context
    if len(words) <= keep_start + keep_end + 1:
        return [Words("same", " ".join(words))]
    head, tail = words[:keep_start], words[len(words) - keep_end:] if keep_end else []
    text = " ".join([*head, "…", *tail])
    return [Words("same", text)]
