"""JUnit XML for CI dashboards: one test suite per file, one test case per finding (or one
passing case for a clean file). Errors and warnings are failures; info findings pass
with their message in `system-out`."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from itertools import groupby

from ...diagnostics import Diagnostic, Severity
from . import Output


def _case(suite: ET.Element, diagnostic: Diagnostic) -> bool:
    span = diagnostic.span
    where = f"{span.line}:{span.column}" if span else "file"
    name = f"{diagnostic.code} {diagnostic.rule or ''} at {where}".replace("  ", " ")
    case = ET.SubElement(suite, "testcase", name=name, classname=diagnostic.file)
    text = f"{diagnostic.location}: {diagnostic.code} {diagnostic.message}"
    if diagnostic.hint:
        text += f"\nhint: {diagnostic.hint}"
    if diagnostic.severity is Severity.INFO:
        ET.SubElement(case, "system-out").text = text
        return False
    failure = ET.SubElement(case, "failure", type=diagnostic.code,
                            message=f"{diagnostic.severity.value}: {diagnostic.message}")
    failure.text = text
    return True


def render(output: Output) -> str:
    root = ET.Element("testsuites", name="agreement lint")
    by_file = {file: [] for file in output.files}  # type: dict[str, list[Diagnostic]]
    for file, found in groupby(output.diagnostics, key=lambda d: d.file):
        by_file.setdefault(file, []).extend(found)
    total = failures = 0
    for file, diagnostics in by_file.items():
        suite = ET.SubElement(root, "testsuite", name=file)
        failed = sum(_case(suite, diagnostic) for diagnostic in diagnostics)
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
