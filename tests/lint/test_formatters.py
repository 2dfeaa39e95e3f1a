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
CODES_PAGE = Path(__file__).resolve().parents[2] / "docs" / "codes.md"

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


DOCS = "https://example.org/agreement/docs/codes.md"


def output_of(report, **extra) -> Output:
    return Output(report.diagnostics, report.files, rule_infos(), base=os.getcwd(), version="1.2.3",
                  fail_on=report.fail_on, docs_url=DOCS, home_url="https://example.org/agreement", **extra)


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
    assert [case.get("name") for case in cases] == [
        "L102 focus_areas[0].actions[0]", "L901", "L503 focus_areas[0].actions[0].title",
        "L701 promises[0].text", "L801 background"]
    assert (root.get("tests"), root.get("failures")) == ("6", "2")


def test_junit_fails_only_what_fails_the_run(report) -> None:
    """Errors fail; warnings and info pass with the finding in system-out, until --strict."""
    cases = ET.fromstring(render("junit", output_of(report))).findall("testsuite")[1].findall("testcase")
    failed = [case.find("failure").get("type") for case in cases if case.find("failure") is not None]
    passed = {case.get("name").split()[0]: case.find("system-out").text for case in cases if case.find("failure") is None}
    assert failed == ["L102", "L901"]
    assert passed["L503"] == ("planer/plan.yaml:18:16-18:25: L503 [warning] action title says 'Verka för', which "
                              "cannot be followed up\nhint: say what will be done, by whom and how often")
    assert set(passed) == {"L503", "L701", "L801"}

    strict = Output(report.diagnostics, report.files, rule_infos(), fail_on=dict.fromkeys(report.files, Severity.WARNING))
    root = ET.fromstring(render("junit", strict))
    assert root.get("failures") == "4"
    info = [case for case in root.iter("testcase") if case.get("name").startswith("L701")]
    assert info[0].find("failure") is None and "[info]" in info[0].find("system-out").text


MOVED = BROKEN.replace("follow_up: {every: year}\n", "follow_up: {every: year}\n# a comment\n\n# another\n")
"""The same findings, three lines further down."""


def rendered(folder: Path, text: str, name: str) -> str:
    """`text` as plan.yaml in `folder` (the working directory), linted and rendered in format `name`."""
    write(folder, text, "plan.yaml")
    return render(name, output_of(lint_paths([Path("plan.yaml")], today=TODAY, choices=Choices(), jobs=1)))


def test_junit_names_survive_lines_moving_and_stay_unique(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    names = [[case.get("name") for case in ET.fromstring(rendered(tmp_path, text, "junit")).iter("testcase")]
             for text in (BROKEN, MOVED)]
    assert names[0] == names[1]
    twice = [Diagnostic("L901", "no reason", "a.yaml", Span(line, 3)) for line in (4, 9)]
    root = ET.fromstring(render("junit", Output(twice, ["a.yaml"])))
    assert [case.get("name") for case in root.iter("testcase")] == ["L901", "L901 #2"]


def fingerprints_of(sarif: str) -> list[str]:
    return [result["partialFingerprints"]["agreementFinding/v1"] for result in json.loads(sarif)["runs"][0]["results"]]


def test_sarif_fingerprints_survive_lines_moving(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    logs = [rendered(tmp_path, text, "sarif") for text in (BROKEN, MOVED)]
    before, after = (json.loads(log)["runs"][0]["results"] for log in logs)
    assert [r["locations"] for r in before] != [r["locations"] for r in after]  # the lines did move
    assert fingerprints_of(logs[0]) == fingerprints_of(logs[1])
    assert len(set(fingerprints_of(logs[0]))) == len(before) == 5
    changed = fingerprints_of(rendered(tmp_path, BROKEN.replace("id: belysning", "id: gatlyktor"), "sarif"))
    assert changed[0] != fingerprints_of(logs[0])[0]  # another action's missing owner is another alert
    assert changed[1:] == fingerprints_of(logs[0])[1:]


def test_every_sarif_help_link_lands_on_a_heading_of_a_committed_page() -> None:
    from agreement.lint.formatters.sarif import help_uri

    docs = CODES_PAGE.parent
    for info in rule_infos():
        page, _, heading = help_uri(info, str(CODES_PAGE)).partition("#")
        headings = {line[3:].lower().replace(" ", "-") for line in Path(page).read_text(encoding="utf-8").splitlines()
                    if line.startswith("## ")}
        assert Path(page).parent.parent == docs and heading in headings, (info.code, page, heading)


def test_sarif_links_every_rule_to_its_documentation(report) -> None:
    driver = json.loads(render("sarif", output_of(report)))["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == "https://example.org/agreement"
    links = {rule["id"]: rule["helpUri"] for rule in driver["rules"]}
    folder = DOCS.rsplit("/", 1)[0]
    assert links["L102"] == f"{folder}/rules/l1-accountability.md#l102-missing-owner"
    assert links["S201"] == f"{folder}/rules/s2-shape.md#s201-unknown-key"
    assert len(links) == len(rule_infos())
    bare = json.loads(render("sarif", Output(report.diagnostics, report.files, rule_infos())))["runs"][0]["tool"]["driver"]
    assert "informationUri" not in bare and all("helpUri" not in rule for rule in bare["rules"])


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


def test_github_titles_name_validation_codes_too() -> None:
    diagnostic = Diagnostic("S201", "unknown key 'ownr'", "a.yaml", Span(20, 9, 20, 13), path=("focus_areas", 0))
    [line] = render("github", Output([diagnostic], ["a.yaml"], rule_infos())).splitlines()
    assert line == "::error file=a.yaml,line=20,col=9,endLine=20,endColumn=13,title=S201 unknown-key::unknown key 'ownr'"


def test_github_escapes_data_and_properties() -> None:
    diagnostic = Diagnostic("L101", "100% sure\nsecond line", "a,b:c.yaml", Span(3, 5, 3, 9),
                            Severity.WARNING, rule="missing-goal", hint="fix it")
    [line] = render("github", Output([diagnostic], ["a,b:c.yaml"])).splitlines()
    assert line == ("::warning file=a%2Cb%3Ac.yaml,line=3,col=5,endLine=3,endColumn=9,title=L101 missing-goal"
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


def positions(output: Output) -> dict[str, object]:
    """Where each format puts the one diagnostic of `output`, as (line, column, end line, end column)."""
    [item] = json.loads(render("json", output))["diagnostics"]
    [result] = json.loads(render("sarif", output))["runs"][0]["results"]
    sarif = result["locations"][0]["physicalLocation"]["region"]
    github = dict(part.split("=") for part in render("github", output).split("::")[1].split(" ", 1)[1].split(","))
    junit = ET.fromstring(render("junit", output)).find("testsuite/testcase/failure").text.split(": ")[0]
    return {
        "json": (item["line"], item["column"], item["end_line"], item["end_column"]),
        "sarif": (sarif["startLine"], sarif["startColumn"], sarif["endLine"], sarif.get("endColumn")),
        "github": (int(github["line"]), int(github.get("col", 0)) or None, int(github["endLine"]),
                   int(github["endColumn"]) if "endColumn" in github else None),
        "junit": junit.split(":", 1)[1],
    }


def test_one_finding_has_the_same_end_column_in_every_format(report) -> None:
    """L503 points at 'Verka för' on line 18, columns 16 to 24: every format ends it at column 25
    (just past it, as SARIF counts), and the code frame underlines exactly those 9 characters."""
    [vague] = [d for d in report.diagnostics if d.code == "L503"]
    output = output_of(report, sources={vague.file: Path(vague.file).read_text(encoding="utf-8").splitlines()})
    one = Output([vague], [vague.file], output.rules, base=output.base, sources=output.sources,
                 fail_on={vague.file: Severity.WARNING})
    found = positions(one)
    assert found["json"] == found["sarif"] == found["github"] == (18, 16, 18, 25)
    assert found["junit"] == "18:16-18:25"
    frame = render("text", one).splitlines()
    source = next(i for i, line in enumerate(frame) if line.startswith("> 18 |"))
    marked, carets = frame[source], frame[source + 1]
    start = carets.index("^")
    assert carets[start:] == "^" * 9 and marked[start:start + 9] == "Verka för"


@pytest.mark.parametrize(("span", "expected", "junit"), [
    (Span(17, 9, 18, 42), (17, 9, 18, 42), "17:9-18:42"),
    (Span(3, 7, 5, 1), (3, 7, 4, None), "3:7-4"),  # up to a line start: to the end of line 4
])
def test_regions_over_several_lines_agree_too(span: Span, expected: tuple, junit: str) -> None:
    diagnostic = Diagnostic("L102", "no owner", "a.yaml", span, rule="missing-owner")
    found = positions(Output([diagnostic], ["a.yaml"], rule_infos()))
    assert found["json"] == found["sarif"] == expected
    assert found["github"] == (expected[0], None, expected[2], None)  # GitHub takes columns on one line only
    assert found["junit"] == junit


CODE_CLIMATE_SEVERITIES = {"info", "minor", "major", "critical", "blocker"}


def test_gitlab_is_a_code_quality_report(report) -> None:
    """GitLab reads `[{description, check_name, fingerprint, severity, location: {path, lines: {begin}}}]`."""
    output = output_of(report)
    issues = json.loads(render("gitlab", output))
    assert isinstance(issues, list) and len(issues) == len(report.diagnostics) == 5
    for issue in issues:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in CODE_CLIMATE_SEVERITIES
        assert set(issue["location"]) == {"path", "lines"} and isinstance(issue["location"]["lines"]["begin"], int)
    assert issues[0] == {
        "description": "L102 action 'belysning' has no owner (hint: write `owner:` naming a party or a unit: "
                       "kommunen, polisen, kommunen/gata)",
        "check_name": "L102 missing-owner",
        "fingerprint": issues[0]["fingerprint"],
        "severity": "major",
        "location": {"path": "planer/plan.yaml", "lines": {"begin": 17}},
    }
    assert [issue["severity"] for issue in issues] == ["major", "major", "minor", "info", "minor"]
    assert [issue["fingerprint"] for issue in issues] == fingerprints_of(render("sarif", output))


def test_gitlab_for_a_clean_run_is_an_empty_list() -> None:
    assert render("gitlab", Output([], ["a.yaml"])) == "[]\n"
