"""JSON for programs: a stable, versioned object; keys and order do not change within a version.

```json
{"version": 1, "files": 2, "summary": {"error": 1, "warning": 0, "info": 0},
  "diagnostics": [
    {"file": "plans/a.yaml", "line": 17, "column": 9, "end_line": 18, "end_column": 42, "code": "L102", ...}
  ]
}
```
"""

from __future__ import annotations

import json
from typing import Any

from ...diagnostics import Diagnostic
from . import Output, counts

VERSION = 1


def _item(diagnostic: Diagnostic) -> dict[str, Any]:
    span = diagnostic.span
    return {
        "file": diagnostic.file,
        "line": span.line if span else None,
        "column": span.column if span else None,
        "end_line": span.end_line if span else None,
        "end_column": span.end_column if span else None,
        "code": diagnostic.code,
        "rule": diagnostic.rule,
        "severity": diagnostic.severity.value,
        "message": diagnostic.message,
        "hint": diagnostic.hint,
        "path": list(diagnostic.path),
    }


def render(output: Output) -> str:
    """One diagnostic per line: as readable as indented JSON, and fast to write for thousands
    of findings (the indenting encoder is pure Python; this uses the C one)."""
    head = {
        "version": VERSION,
        "files": len(output.files),
        "summary": {severity.value: number for severity, number in counts(output.diagnostics).items()},
    }
    opening = json.dumps(head, ensure_ascii=False)[:-1]
    items = ",\n    ".join(json.dumps(_item(diagnostic), ensure_ascii=False) for diagnostic in output.diagnostics)
    body = f"[\n    {items}\n  ]" if items else "[]"
    return f"{opening},\n  \"diagnostics\": {body}\n}}\n"
