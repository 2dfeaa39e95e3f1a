"""Output formats, checked against what reads them: the SARIF 2.1.0 schema, an XML parser,
the GitHub workflow command syntax, and a golden JSON file.

Set UPDATE_GOLDEN=1 to rewrite the golden file after an intended change.
"""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from agreement.diagnostics import Diagnostic, Severity, Span
from agreement.lint.formatters import Output, render, rule_infos

from agreement.lint.config import Choices
from agreement.lint.engine import Report, lint_paths

from .support import AGREEMENT, TODAY, write

SHARED = Path(__file__).resolve().parents[3] / "shared"
SARIF_SCHEMA = SHARED / "corpora" / "sarif" / "sarif-schema-2.1.0.json"
GOLDEN = Path(__file__).parent / "golden" / "report.json"

BROKEN = AGREEMENT + """\
follow_up: {every: year}
focus_areas:
  - id: centrum
    title: Trygghet i centrum
    actions:
      - id: belysning  # agreement: ignore[L101]
        title: Verka för bättre belysning
      - {id: torget, title: Torget, goal: Tryggt torg., owner: polisen}
promises:
  - {id: synlig, text: Synlighet i centrum., goal: Tryggt., owner: polisen}
background: |
  Se ![](karta.png).
"""
"""A document with an error (no owner), warnings, an info finding and a suppression without reason."""


@pytest.fixture
def report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Report:
    """A clean file and a broken one, linted by relative paths (as CI does from the checkout)."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path, AGREEMENT, "clean.yaml")
    write(tmp_path, BROKEN, "planer/plan.yaml")
    return lint_paths([Path("clean.yaml"), Path("planer/plan.yaml")], today=TODAY, choices=Choices(), jobs=1)


def output_of(report, **extra) -> Output:
    return Output(report.diagnostics, report.files, rule_infos(), base=os.getcwd(), version="1.2.3", **extra)


def test_the_fixture_has_every_severity(report) -> None:
    assert {d.severity for d in report.diagnostics} == set(Severity)
    assert [d.code for d in report.diagnostics] == ["L102", "L901", "L503", "L701", "L801"]


def test_json_is_stable(report) -> None:
    text = render("json", output_of(report))
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(text, encoding="utf-8")
    assert json.loads(text) == json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert text == GOLDEN.read_text(encoding="utf-8")


@pytest.mark.skipif(not SARIF_SCHEMA.is_file(), reason=f"the SARIF schema is not at {SARIF_SCHEMA} (shared/ beside the repository)")
def test_sarif_validates_against_the_schema(report) -> None:
    from jsonschema import Draft4Validator

    log = json.loads(render("sarif", output_of(report)))
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    errors = sorted(Draft4Validator(schema).iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


def test_sarif_has_rule_metadata_and_relative_locations(report) -> None:
    run = json.loads(render("sarif", output_of(report)))["runs"][0]
    rules = {rule["id"]: rule for rule in run["tool"]["driver"]["rules"]}
    missing_owner = rules["L102"]
    assert missing_owner["name"] == "missing-owner"
    assert missing_owner["defaultConfiguration"] == {"level": "error"}
    assert missing_owner["fullDescription"]["text"].startswith("Reports every action and citizen promise")
    assert "## Use instead" in missing_owner["help"]["markdown"]
    assert rules["L701"]["defaultConfiguration"] == {"level": "note"}
    first = run["results"][0]
    assert first["ruleId"] == "L102" and run["tool"]["driver"]["rules"][first["ruleIndex"]]["id"] == "L102"
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "planer/plan.yaml", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": 17, "startColumn": 9, "endLine": 18, "endColumn": 42}
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == Path.cwd().as_uri() + "/"


def test_junit_has_a_suite_per_file_and_a_case_per_finding(report) -> None:
    root = ET.fromstring(render("junit", output_of(report)))
    assert root.tag == "testsuites"
    suites = {suite.get("name"): suite for suite in root.findall("testsuite")}
    assert list(suites) == ["clean.yaml", "planer/plan.yaml"]
    clean = suites["clean.yaml"].findall("testcase")
    assert [(case.get("name"), case.find("failure")) for case in clean] == [("lint", None)]
    cases = suites["planer/plan.yaml"].findall("testcase")
    assert len(cases) == 5
    assert suites["planer/plan.yaml"].get("failures") == "4"
    assert cases[0].find("failure").get("type") == "L102"
    assert cases[3].find("failure") is None and "L701" in cases[3].find("system-out").text
    assert (root.get("tests"), root.get("failures")) == ("6", "4")


WORKFLOW_COMMAND = re.compile(
    r"::(error|warning|notice) file=(?P<file>[^,:]+),line=\d+(,col=\d+)?(,endLine=\d+)?(,endColumn=\d+)?"
    r",title=(?P<title>[^,:]+)::(?P<message>[^\r\n]*)")


def test_github_lines_are_workflow_commands(report) -> None:
    lines = render("github", output_of(report)).splitlines()
    assert len(lines) == 5
    for line in lines:
        assert WORKFLOW_COMMAND.fullmatch(line), line
    assert lines[0].startswith("::error file=planer/plan.yaml,line=17,endLine=18,title=L102 missing-owner::")
    assert lines[3].startswith("::notice ")


def test_github_escapes_data_and_properties() -> None:
    diagnostic = Diagnostic("L101", "100% sure\nsecond line", "a,b:c.yaml", Span(3, 5, 3, 9),
                            Severity.WARNING, rule="missing-goal", hint="fix it")
    [line] = render("github", Output([diagnostic], ["a,b:c.yaml"])).splitlines()
    assert line == ("::warning file=a%2Cb%3Ac.yaml,line=3,col=5,endLine=3,endColumn=8,title=L101 missing-goal"
                    "::100%25 sure%0Asecond line%0Ahint: fix it")


def test_text_has_code_frames_and_a_summary_per_code(report) -> None:
    sources = {"planer/plan.yaml": Path("planer/plan.yaml").read_text(encoding="utf-8").splitlines()}
    text = render("text", output_of(report, sources=sources))
    assert "planer/plan.yaml:17:9: L102 action 'belysning' has no owner\n  16 |     actions:\n> 17 |       - id: belysning" in text
    assert text.rstrip().splitlines()[-7:-1] == [
        "Found 5 problems (2 errors, 2 warnings, 1 info) in 1 of 2 files:",
        "     1  L102  missing-owner", "     1  L503  vague-goal", "     1  L701  promise-wording",
        "     1  L801  image-without-alt", "     1  L901  suppression-without-reason"]
    coloured = render("text", output_of(report, sources=sources, color=True))
    assert "\x1b[1;31mL102\x1b[0m" in coloured and "\x1b" not in text


def test_json_for_a_clean_run() -> None:
    assert json.loads(render("json", Output([], ["a.yaml"]))) == {
        "version": 1, "files": 1, "summary": {"error": 0, "warning": 0, "info": 0}, "diagnostics": []}


def test_text_for_a_clean_run() -> None:
    assert render("text", Output([], ["a.yaml", "b.yaml"])) == "2 files checked: no problems\n"
