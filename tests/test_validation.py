"""Golden tests of validation: one small broken file per kind of mistake, and the exact output.

Each file under tests/fixtures/broken/ holds one mistake. The table below states the
(code, line, column) it must get and the words the message and hint must contain;
`<name>.golden` beside each file holds the full text `agreement validate` prints for
it. After an intended change of wording, regenerate the golden files with

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_validation.py

and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from agreement.cli import app
from agreement.diagnostics import sort_diagnostics
from agreement.discovery import discover
from agreement.validation import check_file, check_files, file_diagnostics

ROOT = Path(__file__).resolve().parents[1]
BROKEN = Path(__file__).resolve().parent / "fixtures" / "broken"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"

# name: (code, line, column, part of the message, part of the hint or None for no hint)
EXPECTED: dict[str, tuple[str, int, int, str, str | None]] = {
    "misspelt-key": ("S201", 20, 9, "unknown key 'ownr' in focus_areas[0].actions[0]", "did you mean 'owner'?"),
    "wrong-owner": ("R301", 20, 16, "owner 'eslov/gata': party 'eslov' has no unit 'gata'", "did you mean 'eslov/gtp'?"),
    "period-end-before-start": ("R303", 5, 34, "period ends 2015-01-01, before it starts 2018-12-31", None),
    "follow-up-outside-period": ("R304", 21, 33, "follow-up date 2019-06-30 is outside the period 2015-01-01 – 2018-12-31",
                                 "move the date into the period"),
    "duplicate-key": ("Y106", 21, 9, "duplicate key 'goal' (first defined on line 19)", "a key may appear once"),
    "wrong-type": ("S203", 6, 10, "expected a list, found the text 'Eslövs kommun och Polisen'", "write a list"),
    "missing-field": ("S202", 17, 9, "missing required key 'title' in focus_areas[0].actions[0]", None),
    "syntax-error": ("Y105", 19, 18, "mapping values are not allowed", 'quote a value that contains ": "'),
    "truncated-string": ("Y105", 21, 71, "found unexpected end of stream (while scanning a quoted scalar)",
                         "add the closing quote"),
    "truncated-flow": ("Y105", 21, 1, "did not find expected ',' or ']' (while parsing a flow sequence, started on line 20)",
                       "close the list with ]"),
    "swedish-key": ("S201", 21, 1, "unknown key 'ordlista'", "did you mean 'glossary'? (the English key for ordlista)"),
    "swedish-kind": ("S206", 1, 7, "unknown kind 'handlingsplan'",
                     "did you mean 'action-plan'? (the English kind for handlingsplan)"),
    "unknown-kind": ("S206", 1, 7, "unknown kind 'agrement'", "did you mean 'agreement'?"),
    "unsupported-schema": ("S207", 2, 9, "unsupported schema version: the number 2", "write `schema: 1`"),
    "invalid-date": ("S205", 21, 20, "2016-02-30: day 30 does not exist in February 2016", "February 2016 has 29 days"),
    "month-out-of-range": ("S205", 21, 20, "2016-13-01: month 13 is not a month (1–12)",
                           "the month comes before the day: did you mean 2016-01-13?"),
    "not-a-leap-year": ("S205", 21, 20, "2018-02-29: 2018 is not a leap year", "February 2018 has 28 days"),
    "date-written-in-swedish": ("S205", 21, 20, "expected a date written YYYY-MM-DD, found the text '26 november 2016'",
                                "write 2016-11-26"),
    "invalid-enum": ("S204", 21, 17, "'pågående' is not one of: planned, ongoing, done, possible, cancelled",
                     "did you mean 'ongoing'? (the English value for pågående)"),
    "not-utf8": ("Y103", 8, 14, "file is not valid UTF-8 (byte 0xf6)", "save the file as UTF-8"),
    "binary": ("Y104", 1, 6, "file is binary, not YAML text (it contains a NUL byte)", None),
}

# name: every (code, line, column, part of the message), in file order, of a file with several problems
SEVERAL: dict[str, list[tuple[str, int, int, str]]] = {
    # Schema errors do not hide references and dates elsewhere; the goal refused for its kind is
    # still found by the goal_refs naming it (no R302), and the date after the refused one is
    # reported at its own place in the list.
    "schema-and-reference-errors": [
        ("S204", 18, 15, "'effektmål' is not one of: overall, effect, process, output, follow-up"),
        ("S204", 23, 17, "'pågående' is not one of: planned, ongoing, done, possible, cancelled"),
        ("R301", 28, 16, "owner 'eslov/gata': party 'eslov' has no unit 'gata'"),
        ("S205", 29, 21, "2016-02-30: day 30 does not exist in February 2016"),
        ("R304", 29, 33, "follow-up date 2019-06-30 is outside the period 2015-01-01 – 2018-12-31"),
    ],
}


def fixture(name: str) -> Path:
    return BROKEN / f"{name}.yaml"


def codes(name: str) -> list[str]:
    """The codes a fixture gets, in file order."""
    return [EXPECTED[name][0]] if name in EXPECTED else [problem[0] for problem in SEVERAL[name]]


def test_every_fixture_has_an_expectation() -> None:
    assert sorted(path.stem for path in BROKEN.glob("*.yaml")) == sorted([*EXPECTED, *SEVERAL])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_file_gets_its_one_diagnostic(name: str) -> None:
    code, line, column, message, hint = EXPECTED[name]
    checked = check_file(fixture(name))
    assert len(checked.diagnostics) == 1, checked.diagnostics
    diagnostic = checked.diagnostics[0]
    assert diagnostic.span is not None
    assert (diagnostic.code, diagnostic.span.line, diagnostic.span.column) == (code, line, column)
    assert message in diagnostic.message
    if hint is None:
        assert diagnostic.hint is None or code == "S204"
    else:
        assert hint in (diagnostic.hint or "")
    assert diagnostic.file == str(fixture(name))
    assert (checked.document is None) == (code[0] != "R"), "a consistency problem keeps the valid model"


@pytest.mark.parametrize("name", sorted(SEVERAL))
def test_broken_file_gets_every_problem_at_its_place(name: str) -> None:
    checked = check_file(fixture(name))
    found = [(d.code, d.span.line, d.span.column, d.message) for d in sort_diagnostics(checked.diagnostics) if d.span]
    assert [place[:3] for place in found] == [problem[:3] for problem in SEVERAL[name]]
    assert all(expected[3] in place[3] for place, expected in zip(found, SEVERAL[name]))
    assert checked.document is None, "a file with schema errors has no model"


def render(name: str) -> str:
    """What `agreement validate` prints for a fixture, with the path as a user in the project root types it."""
    relative = fixture(name).relative_to(ROOT)
    result = CliRunner().invoke(app, ["validate", str(relative)])
    assert result.exit_code == 1, result.output
    count = len(codes(name))
    assert result.stderr == f"1 file of 1 invalid: {count} problem{'' if count == 1 else 's'}\n"
    return result.stdout


@pytest.mark.parametrize("name", sorted([*EXPECTED, *SEVERAL]))
def test_text_output_matches_the_golden_file(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    output = render(name)
    golden = BROKEN / f"{name}.golden"
    if UPDATE:
        golden.write_text(output, encoding="utf-8")
    assert golden.is_file(), f"{golden} is missing: run with UPDATE_GOLDEN=1 to write it"
    assert output == golden.read_text(encoding="utf-8")


def test_golden_output_has_location_frame_and_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    """One golden spelled out here, so that the shape of the output is visible in the test itself."""
    monkeypatch.chdir(ROOT)
    assert render("misspelt-key") == (
        "tests/fixtures/broken/misspelt-key.yaml:20:9: S201 unknown key 'ownr' in focus_areas[0].actions[0]\n"
        "  19 |         goal: Alla gångtunnlar ska uppfattas som trygga.\n"
        "> 20 |         ownr: eslov/gtp\n"
        "     |         ^^^^\n"
        "  = hint: did you mean 'owner'?\n"
    )


def test_folders_collect_every_problem_of_every_file_in_order() -> None:
    documents = sorted(name for name in [*EXPECTED, *SEVERAL] if name != "binary")  # no `kind:`: a folder skips it
    files = discover([BROKEN])
    assert [path.stem for path in files] == documents
    diagnostics = sort_diagnostics(d for found in check_files(files) for d in found)
    expected = [(name, code) for name in documents for code in codes(name)]
    assert [(Path(d.file).stem, d.code) for d in diagnostics] == expected


def test_parallel_checking_gives_the_same_results_in_the_same_order(tmp_path: Path) -> None:
    files = [fixture(name) for name in sorted(EXPECTED)] * 2
    assert check_files(files, jobs=2) == [file_diagnostics(path) for path in files]


def test_a_valid_document_has_no_diagnostics_and_keeps_its_model(tmp_path: Path) -> None:
    text = fixture("misspelt-key").read_text(encoding="utf-8").replace("ownr:", "owner:")
    path = tmp_path / "agreement.yaml"
    path.write_text(text, encoding="utf-8")
    checked = check_file(path)
    assert checked.diagnostics == []
    assert checked.document is not None and checked.loaded is not None
    assert checked.document.focus_areas[0].actions[0].owner == ["eslov/gtp"]  # type: ignore[attr-defined]
