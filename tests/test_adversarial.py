"""Hostile and damaged input: each file ends in a clear diagnostic (or success) quickly and in little memory.

Every case runs the real console script in a fresh process (through a small parent
that reports the child's peak memory), as a user or a CI job would meet it.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from .model.support import agreement, position_of
from .processes import Run, measured

CPU_LIMIT = 2.0
"""CPU seconds (user + system) a run may use; a normal run uses a tenth of that. CPU time rather
than wall time, so that a busy machine does not fail the test."""
HANG_LIMIT = 20.0
"""Wall seconds after which a run counts as hung."""
MEMORY_LIMIT_KB = 200 * 1024
"""Peak resident memory a run may use."""

VALID = agreement("""
focus_areas:
  - id: offentlig-miljo
    title: Trygghet i offentlig miljö
    actions:
      - {title: Trygghetsvandringar, owner: eslov/tillvaxt, follow_up: 2016-12-31}
""")


def validate(path: Path) -> Run:
    """`agreement validate PATH` in a fresh process: its output, peak memory and CPU time, within the limits."""
    run = measured(["validate", str(path)], hang_seconds=HANG_LIMIT)
    assert run.peak_kb < MEMORY_LIMIT_KB, f"{run.peak_kb // 1024} MB"
    assert run.cpu_seconds < CPU_LIMIT, f"{run.cpu_seconds:.2f} CPU seconds"
    return run


def refused(path: Path) -> tuple[str, str]:
    """The (code, head line) of the one diagnostic a hostile file must get, with exit status 1."""
    run = validate(path)
    assert run.status == 1, run.stderr
    assert len(run.heads) == 1, run.stdout[:2000]
    head = run.heads[0]
    assert head.startswith(str(path)) and len(head) < 300
    return head[len(str(path)):].split()[1], head


def test_billion_laughs(tmp_path: Path) -> None:
    lines = ['kind: agreement', 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    path = tmp_path / "laughs.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, head = refused(path)
    assert code == "Y107" and head.endswith("aliases expand to more than 10,000 values")


def test_fifty_megabytes(tmp_path: Path) -> None:
    path = tmp_path / "dump.yaml"
    with open(path, "w", encoding="utf-8") as stream:
        stream.write("kind: agreement\n")
        for number in range(500_000):
            stream.write(f"k{number:06d}: {'x' * 100}\n")
    assert path.stat().st_size > 50_000_000
    assert refused(path) == ("Y102", f"{path}: Y102 file is larger than 5 MB")


def test_millions_of_values_under_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "values.yaml"
    path.write_text("kind: agreement\nx: [" + "1," * 2_400_000 + "1]\n", encoding="utf-8")
    code, head = refused(path)
    assert code == "Y102" and head.endswith("file has more than 100,000 values")


@pytest.mark.parametrize("name, text", [
    ("flow-10k", "kind: agreement\nx: " + "[" * 10_000 + "]" * 10_000 + "\n"),
    ("flow-100k", "kind: agreement\nx: " + "[" * 100_000 + "]" * 100_000 + "\n"),
    ("flow-mappings-100k", "kind: agreement\nx: " + "{a: " * 100_000 + "}" * 100_000 + "\n"),
    ("flow-unclosed-100k", "kind: agreement\nx: " + "[" * 100_000 + "\n"),
    ("block-sequences-10k", "kind: agreement\nx:\n" + "- " * 10_000 + "a\n"),
    ("block-sequences-100k", "kind: agreement\nx:\n" + "- " * 100_000 + "a\n"),
    ("block-mappings-2k", "kind: agreement\n" + "".join(" " * depth + f"k{depth}:\n" for depth in range(2_000))),
])
def test_deep_nesting_is_refused_before_it_can_exhaust_the_stack(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    code, head = refused(path)
    assert code == "Y108" and head.endswith("nesting is deeper than 64 levels")


@pytest.mark.parametrize("seed", [1, 2])
def test_random_bytes(tmp_path: Path, seed: int) -> None:
    path = tmp_path / "random.yaml"
    path.write_bytes(random.Random(seed).randbytes(100_000))
    assert refused(path)[0] == "Y104"


def test_random_bytes_without_nul(tmp_path: Path) -> None:
    path = tmp_path / "random.yaml"
    path.write_bytes(bytes(byte or 1 for byte in random.Random(3).randbytes(100_000)))
    assert refused(path)[0] == "Y103"


def test_random_text(tmp_path: Path) -> None:
    """Valid UTF-8 of printable characters, YAML's punctuation among them: a syntax error or a schema error."""
    rng = random.Random(4)
    alphabet = "abcåäö :-[]{},#&*!|>'\"%@`?\n  \t"
    path = tmp_path / "noise.yaml"
    path.write_text("".join(rng.choice(alphabet) for _ in range(50_000)), encoding="utf-8")
    run = validate(path)
    assert run.status == 1 and 1 <= len(run.heads) <= 101


def test_invalid_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes(VALID.encode("cp1252"))  # what Windows editors write as "ANSI"
    line, column = position_of(VALID, "ö")
    assert refused(path) == ("Y103", f"{path}:{line}:{column}: Y103 file is not valid UTF-8 (byte 0xf6)")


def test_utf16(tmp_path: Path) -> None:
    path = tmp_path / "unicode.yaml"
    path.write_bytes(VALID.encode("utf-16"))
    assert refused(path) == ("Y103", f"{path}:1:1: Y103 file is UTF-16 or UTF-32 text, not UTF-8")


@pytest.mark.parametrize("fraction", [0.25, 0.5, 0.9])
def test_truncated_document(tmp_path: Path, fraction: float) -> None:
    path = tmp_path / "cut.yaml"
    text = VALID.replace("{title: Trygghetsvandringar", '{title: "Trygghetsvandringar"')
    path.write_text(text[:int(len(text) * fraction)], encoding="utf-8")
    run = validate(path)
    assert run.status == 1 and run.heads, run.stdout


def test_cut_inside_a_quoted_string(tmp_path: Path) -> None:
    path = tmp_path / "cut.yaml"
    path.write_text(VALID + 'background: "För att nå framgång i arbetet', encoding="utf-8")
    assert refused(path)[0] == "Y105"


def test_only_comments(tmp_path: Path) -> None:
    path = tmp_path / "comments.yaml"
    path.write_text("# Handlingsplan 2016\n# (inte klar än)\n", encoding="utf-8")
    assert refused(path) == ("Y110", f"{path}: Y110 file is empty: expected a document starting with `kind:`")


@pytest.mark.parametrize("name, raw", [
    ("crlf", VALID.replace("\n", "\r\n").encode("utf-8")),
    ("bom", b"\xef\xbb\xbf" + VALID.encode("utf-8")),
    ("bom-crlf", b"\xef\xbb\xbf" + VALID.replace("\n", "\r\n").encode("utf-8")),
    ("cr", VALID.replace("\n", "\r").encode("utf-8")),
])
def test_windows_line_ends_and_byte_order_mark_are_valid(tmp_path: Path, name: str, raw: bytes) -> None:
    path = tmp_path / f"{name}.yaml"
    path.write_bytes(raw)
    run = validate(path)
    assert (run.status, run.stdout, run.stderr) == (0, "", "1 file valid\n")


def test_crlf_file_errors_are_placed_as_in_an_editor(tmp_path: Path) -> None:
    path = tmp_path / "crlf.yaml"
    text = VALID.replace("follow_up:", "folow_up:")
    path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    run = validate(path)
    line, column = position_of(text, "folow_up")
    assert run.heads[0] == f"{path}:{line}:{column}: S201 unknown key 'folow_up' in focus_areas[0].actions[0]"
    assert "\r" not in run.stdout


def test_bom_file_is_found_in_a_folder(tmp_path: Path) -> None:
    (tmp_path / "bom.yaml").write_bytes(b"\xef\xbb\xbf" + VALID.encode("utf-8"))
    run = validate(tmp_path)
    assert (run.status, run.stderr) == (0, "1 file valid\n")


def test_a_huge_number_is_text_not_a_crash(tmp_path: Path) -> None:
    """More digits than Python turns into an int: read as text, then refused as a text too long to print."""
    path = tmp_path / "number.yaml"
    path.write_text(VALID.replace("title: Trygghet i offentlig miljö", "title: " + "9" * 10_000), encoding="utf-8")
    code, head = refused(path)
    assert code == "S209" and "the text is 10,000 characters long" in head


def test_many_problems_are_counted_not_all_printed(tmp_path: Path) -> None:
    path = tmp_path / "keys.yaml"
    path.write_text(VALID + "".join(f"k{number}: v\n" for number in range(40_000)), encoding="utf-8")
    run = validate(path)
    assert run.status == 1 and len(run.heads) == 101
    assert f"{path}: S208 39,900 more problems in this file are not shown (the first 100 are)" in run.heads
