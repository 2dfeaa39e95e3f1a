"""The one Diagnostic type and its text rendering: location, code frame, hint, order."""

from __future__ import annotations

import dataclasses

import pytest

from agreement.diagnostics import (
    FRAME_WIDTH, Diagnostic, Severity, Span, code_frame, dotted, format_text, has_errors, sort_diagnostics,
)

LINES = ["kind: agreement", "focus_areas:", "  - title: Trygghet", "    ownr: polisen"]


def test_location_with_and_without_a_position() -> None:
    assert Diagnostic("S201", "m", "plan.yaml", Span(4, 5)).location == "plan.yaml:4:5"
    assert Diagnostic("Y102", "m", "plan.yaml").location == "plan.yaml"


def test_diagnostics_are_immutable_and_copied_with_changes() -> None:
    diagnostic = Diagnostic("S201", "unknown key", "plan.yaml", Span(4, 5))
    with pytest.raises(dataclasses.FrozenInstanceError):
        diagnostic.code = "S202"  # type: ignore[misc]
    changed = diagnostic.with_(severity=Severity.WARNING)
    assert changed.severity is Severity.WARNING and diagnostic.severity is Severity.ERROR


def test_equal_diagnostics_are_equal_whatever_rule_stamped_them() -> None:
    assert Diagnostic("L401", "m", "f", rule="a") == Diagnostic("L401", "m", "f", rule="b")
    assert len({Diagnostic("S201", "m", "f", Span(1, 1)), Diagnostic("S201", "m", "f", Span(1, 1))}) == 1


def test_dotted_paths_read_as_users_write_them() -> None:
    assert dotted(("focus_areas", 0, "actions", 2, "owner")) == "focus_areas[0].actions[2].owner"
    assert dotted(()) == "" and dotted(("period",)) == "period"


def test_code_frame_marks_the_line_and_underlines_the_span() -> None:
    assert code_frame(LINES, Span(4, 5, 4, 9)) == (
        "  3 |   - title: Trygghet\n"
        "> 4 |     ownr: polisen\n"
        "    |     ^^^^"
    )


def test_code_frame_on_the_first_line_and_without_an_end() -> None:
    assert code_frame(LINES, Span(1, 7)) == "> 1 | kind: agreement\n    |       ^\n  2 | focus_areas:"


def test_code_frame_underlines_no_further_than_the_line() -> None:
    assert code_frame(["a: b", "c: d"], Span(1, 4, 2, 2)).splitlines()[1] == "    |    ^"


def test_code_frame_numbers_are_right_aligned() -> None:
    lines = [f"line {n}" for n in range(1, 12)]
    assert code_frame(lines, Span(10, 1)).splitlines() == [
        "   9 | line 9", "> 10 | line 10", "     | ^", "  11 | line 11"]


def test_code_frame_shows_control_characters_harmlessly() -> None:
    frame = code_frame(["title: \x1b[2Jx\x00y\x85", "b: c"], Span(1, 8))
    assert "\x1b" not in frame and "\x00" not in frame and "\x85" not in frame
    assert frame.splitlines()[0] == "> 1 | title: \ufffd[2Jx\ufffdy\ufffd"


def test_code_frame_counts_a_tab_as_one_column() -> None:
    assert code_frame(["\t- a"], Span(1, 2)) == "> 1 |  - a\n    |  ^"


def test_code_frame_cuts_a_long_line_around_the_column() -> None:
    line = "".join(chr(ord("a") + n % 26) for n in range(10 * FRAME_WIDTH))
    shown, caret = code_frame([line], Span(1, 5 * FRAME_WIDTH, 1, 5 * FRAME_WIDTH + 3)).splitlines()
    assert len(shown) < FRAME_WIDTH + 10 and shown.startswith("> 1 | …") and shown.endswith("…")
    column = caret.index("^")
    assert shown[column] == line[5 * FRAME_WIDTH - 1] and caret.count("^") == 3


def test_format_text_has_the_head_the_frame_and_the_hint() -> None:
    diagnostic = Diagnostic("S201", "unknown key 'ownr' in focus_areas[0]", "plan.yaml", Span(4, 5, 4, 9),
                            hint="did you mean 'owner'?")
    assert format_text(diagnostic, LINES) == (
        "plan.yaml:4:5: S201 unknown key 'ownr' in focus_areas[0]\n"
        "  3 |   - title: Trygghet\n"
        "> 4 |     ownr: polisen\n"
        "    |     ^^^^\n"
        "  = hint: did you mean 'owner'?"
    )


def test_format_text_without_source_or_position_is_one_line() -> None:
    assert format_text(Diagnostic("Y102", "file is larger than 5 MB", "big.yaml")) == "big.yaml: Y102 file is larger than 5 MB"
    assert format_text(Diagnostic("S201", "m", "f.yaml", Span(9, 1)), LINES) == "f.yaml:9:1: S201 m"


def test_the_end_of_the_file_is_shown_after_its_last_line() -> None:
    assert format_text(Diagnostic("Y105", "m", "f.yaml", Span(5, 1)), LINES) == (
        "f.yaml:5:1: Y105 m\n  4 |     ownr: polisen\n> 5 |\n    | ^")


def test_format_text_names_a_severity_below_error() -> None:
    diagnostic = Diagnostic("L401", "action has no owner", "f.yaml", Span(1, 1), severity=Severity.WARNING)
    assert format_text(diagnostic).startswith("f.yaml:1:1: L401 [warning] action has no owner")


def test_sort_by_file_then_position_then_code() -> None:
    b = Diagnostic("S201", "m", "b.yaml", Span(1, 1))
    a_late = Diagnostic("S201", "m", "a.yaml", Span(10, 1))
    a_early = Diagnostic("S204", "m", "a.yaml", Span(2, 3))
    a_same = Diagnostic("S202", "m", "a.yaml", Span(2, 3))
    a_file = Diagnostic("Y102", "m", "a.yaml")
    assert sort_diagnostics([b, a_late, a_early, a_same, a_file]) == [a_file, a_same, a_early, a_late, b]


def test_has_errors_ignores_warnings() -> None:
    warning = Diagnostic("L401", "m", "f", severity=Severity.WARNING)
    assert not has_errors([warning]) and has_errors([warning, Diagnostic("S201", "m", "f")])
    assert Severity.ERROR.rank < Severity.WARNING.rank < Severity.INFO.rank
