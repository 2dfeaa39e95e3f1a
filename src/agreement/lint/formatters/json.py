"""JSON for programs: a stable, versioned object; keys and order do not change within a version.

```json
{"version": 1, "files": 2, "summary": {"error": 1, "warning": 0, "info": 0},
  "diagnostics": [
    {"file": "plans/a.yaml", "line": 17, "column": 9, "end_line": 18, "end_column": 42, "code": "L102", ...}
  ]
}
```

Positions are those of every other format: `end_column` is the column just past the finding
(as in SARIF), and null when it runs to the end of `end_line`.
"""

from __future__ import annotations

import json
from typing import Any

from ...diagnostics import Diagnostic
from . import Output, counts, region

VERSION = 1


def _item(diagnostic: Diagnostic) -> dict[str, Any]:
    where = region(diagnostic.span) if diagnostic.span else None
    return {
        "file": diagnostic.file,
        "line": where.line if where else None,
        "column": where.column if where else None,
        "end_line": where.end_line if where else None,
        "end_column": where.end_column if where else None,
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
