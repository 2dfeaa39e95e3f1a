"""fmt on real documents: canonical form, values, comments, the built document and lint all kept.

Every document of the repository that validates (the examples, the real-client and
render fixtures) is formatted and compared with the project's own loader, the
generated Markdown and lint; the examples are also scrambled and must come back byte
for byte.
"""

from __future__ import annotations

import random
import shutil
from collections import Counter
from pathlib import Path

import pytest

from agreement.diagnostics import Severity
from agreement.formatting import format_file, format_text
from agreement.formatting.tree import comments_of
from agreement.lint.config import Choices
from agreement.lint.engine import lint_paths
from agreement.loading import LoadError, load_bytes, load_file
from agreement.model import FILE_KINDS, KINDS
from agreement.discovery import discover
from agreement.validation import check_file, check_loaded

from ..lint.support import TODAY
from ..render.conftest import markdown_of
from .scrambler import scramble

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = discover([ROOT / "examples"])
FILES = [path for path in discover([ROOT / "examples", ROOT / "tests"])
         if not any(d.severity is Severity.ERROR for d in check_file(path).diagnostics)]
"""Every valid file of the repository: examples, real-client documents, render and hostile fixtures, and
the follow-up files beside them."""
DOCUMENTS = [path for path in FILES if load_file(path).data["kind"] in KINDS]


def name(path: Path) -> str:
    return str(path.relative_to(ROOT))


def formatted_copy(path: Path, folder: Path) -> tuple[Path, Path]:
    """The file's folder copied twice into `folder` (a follow-up file names the document beside it),
    the file formatted in the second copy."""
    before = folder / "before" / path.name
    after = folder / "after" / path.name
    for copy in (before, after):
        shutil.copytree(path.parent, copy.parent)
    result = format_file(after)
    assert result.formatted is not None, (result.diagnostics, result.problem)
    after.write_bytes(result.formatted)
    return before, after


def test_the_repository_has_files_of_every_kind() -> None:
    assert {load_file(path).data["kind"] for path in FILES} == set(FILE_KINDS)
    assert len(EXAMPLES) >= 3


@pytest.mark.parametrize("path", EXAMPLES, ids=name)
def test_examples_are_in_canonical_form(path: Path) -> None:
    result = format_file(path)
    assert result.formatted == result.original, "run `agreement fmt examples`"


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("path", EXAMPLES, ids=name)
def test_a_scrambled_example_formats_back_to_its_bytes(path: Path, seed: int) -> None:
    original = path.read_text(encoding="utf-8")
    scrambled = scramble(original, seed)
    assert scrambled != original
    assert Counter(comments_of(scrambled)) == Counter(comments_of(original))
    assert format_text(scrambled) == original


@pytest.mark.parametrize("path", FILES, ids=name)
def test_formatting_keeps_every_value_and_comment(path: Path, tmp_path: Path) -> None:
    before, after = formatted_copy(path, tmp_path)
    assert load_file(after).data == load_file(before).data
    assert Counter(comments_of(after.read_text(encoding="utf-8"))) == Counter(comments_of(before.read_text(encoding="utf-8")))


@pytest.mark.parametrize("path", FILES, ids=name)
def test_formatting_twice_changes_nothing(path: Path, tmp_path: Path) -> None:
    _, after = formatted_copy(path, tmp_path)
    assert format_file(after).changed is False


@pytest.mark.parametrize("path", DOCUMENTS, ids=name)
def test_formatting_keeps_the_built_document(path: Path, tmp_path: Path) -> None:
    before, after = formatted_copy(path, tmp_path)
    assert markdown_of(after) == markdown_of(before)


@pytest.mark.parametrize("path", DOCUMENTS, ids=name)
def test_formatting_keeps_what_lint_reports_and_what_suppressions_cover(path: Path, tmp_path: Path) -> None:
    """A suppression comment applies on its line; lint must report the same after fmt, and the
    suppressions must still suppress (no L903 unused suppression appears)."""
    before, after = formatted_copy(path, tmp_path)

    def findings(file: Path) -> Counter[tuple[str, tuple, str]]:
        report = lint_paths([file], today=TODAY, choices=Choices(), jobs=1)
        return Counter((d.code, d.path, d.message) for d in report.diagnostics)

    assert findings(after) == findings(before)


def with_random_comments(text: str, rng: random.Random) -> str:
    """`text` with comment lines (at any indentation), comments at line ends and blank lines put in
    at random, as long as it still validates."""
    lines = text.split("\n")
    for _ in range(8):
        trial = list(lines)
        at = rng.randrange(len(trial))
        choice = rng.random()
        if choice < 0.45:
            trial.insert(at, " " * rng.randrange(16) + f"# kommentar {rng.randrange(1000)}")
        elif choice < 0.85 and trial[at].strip():
            trial[at] += f"  # i slutet {rng.randrange(1000)}"
        else:
            trial.insert(at, "")
        if valid("\n".join(trial)):
            lines = trial
    return "\n".join(lines)


def valid(text: str) -> bool:
    try:
        return not [d for d in check_loaded(load_bytes(text.encode(), "fuzz.yaml")).diagnostics
                    if d.severity is Severity.ERROR]
    except LoadError:
        return False


@pytest.mark.parametrize("seed", range(24))
def test_comments_anywhere_are_kept_and_formatting_settles(seed: int) -> None:
    rng = random.Random(seed)
    documents = [path for path in EXAMPLES if path in DOCUMENTS]
    original = documents[seed % len(documents)].read_text(encoding="utf-8")
    text = with_random_comments(original, rng)
    assert text != original
    formatted = format_text(text)
    assert load_bytes(formatted.encode(), "after").data == load_bytes(text.encode(), "before").data
    assert Counter(comments_of(formatted)) == Counter(comments_of(text))
    assert format_text(formatted) == formatted
