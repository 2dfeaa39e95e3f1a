"""JUnit XML for CI dashboards: one test suite per file, one test case per finding (or one
passing case for a clean file).

A finding that fails the run (an error; a warning too under --strict) is a failing test case;
the others pass, with the finding in `system-out`, so a dashboard agrees with the exit status.
Test cases are named by code and YAML path (`L102 focus_areas[0].actions[2]`), not by line:
dashboards keep a test's history by its name, and a name that held a line number would
start a new history whenever a line was added above it.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from itertools import groupby

from ...diagnostics import Diagnostic, dotted
from . import Output, occurrences, region


def case_names(diagnostics: list[Diagnostic]) -> list[str]:
    """`L102 focus_areas[0].actions[2]` per finding (`L901` for one about the file or a comment);
    a second finding with the same name gets ` #2`, so every case in a suite has its own name."""
    names = [f"{d.code} {dotted(d.path)}".rstrip() for d in diagnostics]
    return [name if number == 1 else f"{name} #{number}" for name, number in zip(names, occurrences(names))]


def _report(diagnostic: Diagnostic) -> str:
    """`plans/a.yaml:17:9-18:42: L102 message` and the hint: where and what, as text."""
    where = f"{diagnostic.file}:{region(diagnostic.span)}" if diagnostic.span else diagnostic.file
    text = f"{where}: {diagnostic.code} [{diagnostic.severity.value}] {diagnostic.message}"
    return text + (f"\nhint: {diagnostic.hint}" if diagnostic.hint else "")


def _case(suite: ET.Element, diagnostic: Diagnostic, name: str, output: Output) -> bool:
    """Add the finding's test case; True when it fails."""
    case = ET.SubElement(suite, "testcase", name=name, classname=diagnostic.file)
    if not output.fails(diagnostic):
        ET.SubElement(case, "system-out").text = _report(diagnostic)
        return False
    failure = ET.SubElement(case, "failure", type=diagnostic.code,
                            message=f"{diagnostic.severity.value}: {diagnostic.message}")
    failure.text = _report(diagnostic)
    return True


def render(output: Output) -> str:
    root = ET.Element("testsuites", name="agreement lint")
    by_file: dict[str, list[Diagnostic]] = {file: [] for file in output.files}
    for file, found in groupby(output.diagnostics, key=lambda d: d.file):
        by_file.setdefault(file, []).extend(found)
    total = failures = 0
    for file, diagnostics in by_file.items():
        suite = ET.SubElement(root, "testsuite", name=file)
        failed = sum(_case(suite, d, name, output) for d, name in zip(diagnostics, case_names(diagnostics)))
        if not diagnostics:
            ET.SubElement(suite, "testcase", name="lint", classname=file)
        tests = max(1, len(diagnostics))
        suite.set("tests", str(tests))
        suite.set("failures", str(failed))
        suite.set("errors", "0")
        total += tests
        failures += failed
    root.set("tests", str(total))
    root.set("failures", str(failures))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
