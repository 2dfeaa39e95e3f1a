"""SARIF 2.1.0 for code scanning: rule metadata (with each rule's documentation) and results.

Artifact URIs are relative to `Output.base` (the working directory) under the
`%SRCROOT%` base id, so GitHub code scanning places them in the repository.

GitHub shows a rule's `help` (its whole documentation) with each alert; `helpUri` links the
same text on its family's documentation page (`docs/rules/l1-accountability.md#l102-missing-owner`)
for viewers that show a link instead. Each result has a fingerprint of its code, file, YAML path and message
(`agreementFinding/v1`), so an alert is the same alert after lines above it moved; upload-sarif
adds its own line hash beside it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ...diagnostics import Diagnostic, Severity
from ..registry import RuleInfo
from . import Output, fingerprints, region, relative

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SRCROOT = "%SRCROOT%"
FINGERPRINT = "agreementFinding/v1"
"""The name of our fingerprint; a new way of computing it gets a new version, never the same name."""


def help_uri(info: RuleInfo, docs_url: str) -> str:
    """Where the code is documented: its heading on its family's page, beside the index page
    `docs_url` (`…/docs/codes.md` -> `…/docs/rules/l1-accountability.md#l102-missing-owner`)."""
    from ...explaining import anchor, family_of

    folder = docs_url.rsplit("/", 1)[0]
    return f"{folder}/{family_of(info.code).page}#{anchor(info.code, info.name)}"


def _rule(info: RuleInfo, docs_url: str | None) -> dict[str, Any]:
    what = info.section("What it does") or info.summary
    first_paragraph = what.split("\n\n")[0].replace("\n", " ")
    help_text = f"{info.summary}\n\n{info.doc}" if info.doc else info.summary
    rule: dict[str, Any] = {
        "id": info.code,
        "name": info.name,
        "shortDescription": {"text": info.summary},
        "fullDescription": {"text": first_paragraph},
        "help": {"text": help_text, "markdown": f"**{info.code} {info.name}**: {help_text}"},
        "defaultConfiguration": {"level": LEVELS[info.severity]},
        "properties": {"tags": ["validation" if not info.code.startswith("L") else "lint"]},
    }
    if docs_url:
        rule["helpUri"] = help_uri(info, docs_url)
    return rule


def _location(diagnostic: Diagnostic, base: str) -> dict[str, Any]:
    path = relative(diagnostic.file, base)
    if Path(path).is_absolute():
        artifact: dict[str, Any] = {"uri": Path(path).as_uri()}
    else:
        artifact = {"uri": quote(path), "uriBaseId": SRCROOT}
    physical: dict[str, Any] = {"artifactLocation": artifact}
    if diagnostic.span is not None:
        where = region(diagnostic.span)
        found: dict[str, Any] = {"startLine": where.line, "startColumn": where.column, "endLine": where.end_line}
        if where.end_column is not None:
            found["endColumn"] = where.end_column
        physical["region"] = found
    return {"physicalLocation": physical}


def _result(diagnostic: Diagnostic, index: dict[str, int], base: str, fingerprint: str) -> dict[str, Any]:
    text = diagnostic.message + (f" (hint: {diagnostic.hint})" if diagnostic.hint else "")
    result: dict[str, Any] = {
        "ruleId": diagnostic.code,
        "level": LEVELS[diagnostic.severity],
        "message": {"text": text},
        "locations": [_location(diagnostic, base)],
        "partialFingerprints": {FINGERPRINT: fingerprint},
    }
    if diagnostic.code in index:
        result["ruleIndex"] = index[diagnostic.code]
    return result


def render(output: Output) -> str:
    rules = list(output.rules)
    index = {info.code: i for i, info in enumerate(rules)}
    base_uri = Path(output.base).resolve().as_uri().rstrip("/") + "/"
    driver: dict[str, Any] = {"name": "agreement", "version": output.version,
                              "rules": [_rule(r, output.docs_url) for r in rules]}
    if output.home_url:
        driver["informationUri"] = output.home_url
    results = [_result(d, index, output.base, fingerprint)
               for d, fingerprint in zip(output.diagnostics, fingerprints(output))]
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": driver},
            "originalUriBaseIds": {SRCROOT: {"uri": base_uri}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
