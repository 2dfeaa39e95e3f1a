"""GitLab Code Quality: the report a merge request shows findings from.

A JSON array of `{description, check_name, fingerprint, severity, location: {path, lines:
{begin}}}` (GitLab's subset of the Code Climate format), written as an artifact
`reports: codequality:` in .gitlab-ci.yml. GitLab compares the fingerprints of the merge
request's report with the target branch's to tell new findings from fixed ones, so they are
the same line-independent fingerprints as SARIF's.
"""

from __future__ import annotations

import json
from typing import Any

from ...diagnostics import Diagnostic, Severity
from . import Output, fingerprints, relative

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}
"""Code Climate's scale is info, minor, major, critical, blocker; an error fails the run, but
nothing here is a security risk or breaks a build for others (critical, blocker)."""


def _issue(diagnostic: Diagnostic, fingerprint: str, output: Output) -> dict[str, Any]:
    message = diagnostic.message + (f" (hint: {diagnostic.hint})" if diagnostic.hint else "")
    return {
        "description": f"{diagnostic.code} {message}",
        "check_name": output.title(diagnostic),
        "fingerprint": fingerprint,
        "severity": SEVERITIES[diagnostic.severity],
        "location": {"path": relative(diagnostic.file, output.base),
                     "lines": {"begin": diagnostic.span.line if diagnostic.span else 1}},
    }


def render(output: Output) -> str:
    issues = [_issue(d, fingerprint, output) for d, fingerprint in zip(output.diagnostics, fingerprints(output))]
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
