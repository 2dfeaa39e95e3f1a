"""Goals (mål) and indicators (indikatorer)."""

import pytest

from .support import agreement, at, only, valid, where


def test_goals_and_indicators_are_read() -> None:
    document = valid(agreement("""
        goals:
          - id: trygghet
            kind: overall
            text: Alla ska känna sig trygga i Eslöv.
            indicators:
              - {name: Andel trygga, source: Trygghetsmätningen, baseline: 62 % (2014), target: 70 % (2018)}
        """))
    goal = document.goals[0]
    assert (goal.id, goal.kind, goal.text) == ("trygghet", "overall", "Alla ska känna sig trygga i Eslöv.")
    assert goal.indicators[0].baseline == "62 % (2014)"


def test_every_goal_kind_is_accepted() -> None:
    kinds = ["overall", "effect", "process", "output", "follow-up"]
    body = "goals:\n" + "".join(f"  - {{kind: {kind}, text: Mål {kind}}}\n" for kind in kinds)
    assert [goal.kind for goal in valid(agreement(body)).goals] == kinds


def test_unknown_goal_kind_suggests_the_closest() -> None:
    text = agreement("goals:\n  - {kind: efect, text: Färre brott}\n")
    diagnostic = only(text)
    assert where(diagnostic) == at("S204", text, "efect")
    assert diagnostic.hint == "did you mean 'effect'?"


def test_a_goal_needs_its_text() -> None:
    text = agreement("goals:\n  - kind: effect\n")
    diagnostic = only(text)
    assert where(diagnostic) == at("S202", text, "kind: effect")
    assert diagnostic.message == "missing required key 'text' in goals[0]"


def test_empty_goal_text_is_refused() -> None:
    text = agreement('goals:\n  - {kind: effect, text: ""}\n')
    diagnostic = only(text)
    assert where(diagnostic) == at("S204", text, '""')
    assert diagnostic.message == "the value is empty"


def test_a_number_is_accepted_as_indicator_text() -> None:
    document = valid(agreement("indicators:\n  - {name: Antal LOB, baseline: 120, target: 80}\n"))
    assert (document.indicators[0].baseline, document.indicators[0].target) == ("120", "80")


def test_misspelt_indicator_key() -> None:
    text = agreement("indicators:\n  - {name: Antal LOB, sorce: Polisen}\n")
    diagnostic = only(text)
    assert where(diagnostic) == at("S201", text, "sorce")
    assert diagnostic.hint == "did you mean 'source'?"


@pytest.mark.parametrize("value", [".inf", "-.inf", ".nan"])
def test_a_measured_value_must_be_a_finite_number(value: str) -> None:
    """YAML's .inf and .nan are floats, but no figure a report can print or draw."""
    text = agreement(f"indicators:\n  - name: Antal LOB\n    measurements:\n      - {{year: 2016, value: {value}}}\n")
    diagnostic = only(text)
    assert diagnostic.code == "S204" and "is not a measured number: give a finite number" in diagnostic.message


@pytest.mark.parametrize(("measurement", "written", "code"), [
    ("{year: 2016, value: true}", "true", "S203"),      # would be 1.0
    ("{year: true, value: 3}", "true", "S203"),         # would be the year 1
    ("{year: '2016', value: 3}", "'2016'", "S203"),
    ("{year: 1066, value: 3}", "1066", "S204"),
])
def test_a_measurement_is_a_number_in_a_year_that_makes_sense(measurement: str, written: str, code: str) -> None:
    text = agreement(f"indicators:\n  - name: Antal LOB\n    measurements:\n      - {measurement}\n")
    assert where(only(text)) == at(code, text, written)


def test_a_measured_value_may_be_whole_or_decimal() -> None:
    document = valid(agreement("indicators:\n  - name: Antal LOB\n    measurements:\n"
                               "      - {year: 2016, value: 3}\n      - {year: 2017, value: 2.5}\n"))
    assert [m.value for m in document.indicators[0].measurements] == [3.0, 2.5]
