"""Suppression comments: where they apply, and when they are findings themselves."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from agreement.diagnostics import Span
from agreement.lint.suppressions import parse, scan

from .support import AGREEMENT, found, lint

ACTIONS = AGREEMENT + """\
follow_up: {every: year}
focus_areas:{area_comment}
  - id: centrum
    title: Trygghet i centrum
    actions:
      - id: sspe{action_comment}
        title: Samverkan skola, socialtjänst, polis
        goal: Färre unga begår brott.
"""
"""An action without an owner (L102 on line 17, column 9); comments go on lines 13 and 17."""


def actions(area_comment: str = "", action_comment: str = "") -> str:
    return ACTIONS.replace("{area_comment}", area_comment).replace("{action_comment}", action_comment)


def test_without_a_suppression_the_finding_is_reported(tmp_path: Path) -> None:
    assert found(lint(tmp_path, actions(), select="L102")) == [("L102", 17, 9)]


def test_suppression_on_the_line_of_the_finding(tmp_path: Path) -> None:
    text = actions(action_comment='  # agreement: ignore[L102] reason="the source names no responsible unit"')
    report = lint(tmp_path, text, select="L102")
    assert found(report) == []
    assert report.exit_code == 0


def test_suppression_on_the_key_line_of_an_ancestor_mapping(tmp_path: Path) -> None:
    text = actions(area_comment="  # agreement: ignore[missing-owner, L101] reason='not yet decided'")
    assert found(lint(tmp_path, text, select="L1")) == []


def test_suppression_without_reason_still_suppresses_but_is_an_error(tmp_path: Path) -> None:
    report = lint(tmp_path, actions(action_comment="  # agreement: ignore[L102]"), select="L102,L9")
    assert found(report) == [("L901", 17, 19)]
    assert report.exit_code == 1


def test_expired_suppression_no_longer_suppresses(tmp_path: Path) -> None:
    comment = '  # agreement: ignore[L102] reason="owner appointed in March" until=2016-03-31'
    report = lint(tmp_path, actions(action_comment=comment), select="L102,L9")
    assert found(report) == [("L102", 17, 9), ("L902", 17, 19)]
    assert found(lint(tmp_path, actions(action_comment=comment), select="L102", today=dt.date(2016, 3, 31))) == []


def test_unused_suppression_is_reported_for_each_unused_code(tmp_path: Path) -> None:
    comment = '  # agreement: ignore[L102, L101] reason="no owner yet"'
    report = lint(tmp_path, actions(action_comment=comment), select="L1,L9")
    assert found(report) == [("L903", 17, 19)]
    assert "L101 (missing-goal)" in report.diagnostics[0].message


def test_selecting_rules_without_l9_leaves_suppressions_unjudged(tmp_path: Path) -> None:
    report = lint(tmp_path, actions(action_comment="  # agreement: ignore[L102, L101]"), select="L102")
    assert found(report) == []


def test_a_suppression_of_a_rule_not_selected_is_not_judged(tmp_path: Path) -> None:
    comment = '  # agreement: ignore[L102, L503] reason="no owner yet"'
    assert found(lint(tmp_path, actions(action_comment=comment), select="L102,L9")) == []


def test_a_suppression_on_a_line_inside_the_mapping_does_not_apply(tmp_path: Path) -> None:
    text = actions().replace("Färre unga begår brott.", 'Färre unga begår brott.  # agreement: ignore[L102] reason="x"')
    assert found(lint(tmp_path, text, select="L102,L9")) == [("L102", 17, 9), ("L903", 19, 40)]


def test_unknown_codes_and_unreadable_comments(tmp_path: Path) -> None:
    text = actions(area_comment="  # agreement: ignore[L1O2] reason=\"typo\"",
                   action_comment="  # agreement: ignroe L102")
    report = lint(tmp_path, text, select="L102,L9")
    assert found(report) == [("L904", 13, 15), ("L102", 17, 9), ("L904", 17, 19)]
    messages = [d.message for d in report.diagnostics]
    assert "unknown rule 'L1O2'; did you mean 'L102'?" in messages


def test_validation_codes_cannot_be_suppressed() -> None:
    assert parse(" ignore[S201] reason='x'", Span(1, 1)).problems == (
        "S201 is a validation error and cannot be suppressed; correct the document",)


def test_suppression_findings_cannot_be_suppressed(tmp_path: Path) -> None:
    report = lint(tmp_path, actions(action_comment='  # agreement: ignore[L903] reason="x"'), select="L102,L9")
    assert ("L904", 17, 19) in found(report)


def test_parse_reads_codes_names_reason_and_date() -> None:
    span = Span(1, 1)
    parsed = parse(' ignore[L102, vague-goal] reason="källan anger ingen ansvarig" until=2017-01-31', span)
    assert parsed.codes == ("L102", "L503")
    assert parsed.reason == "källan anger ingen ansvarig"
    assert parsed.until == dt.date(2017, 1, 31)
    assert parsed.problems == ()
    assert parse(" ignore[L102] until=2017-13-01", span).problems == ("until=2017-13-01 is not a date written YYYY-MM-DD",)


def test_scan_finds_comments_after_other_comments_and_ignores_text() -> None:
    text = 'status: adopted  # signed 2015 # agreement: ignore[L301] reason="x"\ntitle: "agreement: no"\n'
    [suppression] = scan(text)
    assert suppression.span == Span(1, 32, 1, len(text.splitlines()[0]) + 1)
    assert suppression.codes == ("L301",)
