"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

`::error file=plans/a.yaml,line=3,col=5,endLine=3,endColumn=9,title=L101 missing-goal::message`
Values are escaped as the Actions runner expects (`%`, CR and LF everywhere; `:` and
`,` in properties too). Columns are only sent for one-line spans, as GitHub ignores
them otherwise; `endColumn` is the column just past the region, the same number SARIF and
JSON carry. The title is the code and its name, validation codes included.
"""

from __future__ import annotations

from ...diagnostics import Diagnostic, Severity
from . import Output, region, relative

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _line(diagnostic: Diagnostic, output: Output) -> str:
    properties = [("file", relative(diagnostic.file, output.base))]
    if diagnostic.span is not None:
        where = region(diagnostic.span)
        properties.append(("line", str(where.line)))
        if where.end_line == where.line:
            properties.append(("col", str(where.column)))
            properties.append(("endLine", str(where.end_line)))
            if where.end_column is not None and where.end_column > where.column:
                properties.append(("endColumn", str(where.end_column)))
        else:
            properties.append(("endLine", str(where.end_line)))
    properties.append(("title", output.title(diagnostic)))
    message = diagnostic.message + (f"\nhint: {diagnostic.hint}" if diagnostic.hint else "")
    listed = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    return f"::{COMMANDS[diagnostic.severity]} {listed}::{escape_data(message)}"


def render(output: Output) -> str:
    return "".join(_line(diagnostic, output) + "\n" for diagnostic in output.diagnostics)
