"""Text for people: `file:line:col: CODE message`, a code frame, and a summary per code."""

from __future__ import annotations

from collections import Counter

from ...diagnostics import Diagnostic, Severity, format_text
from . import Output, counts

_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


def _paint(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def _one(diagnostic: Diagnostic, output: Output) -> str:
    block = format_text(diagnostic, output.sources.get(diagnostic.file))
    if not output.color:
        return block
    head, _, rest = block.partition("\n")
    location, _, message = head.partition(": ")
    code, _, message = message.partition(" ")
    head = f"{_paint(location, '1', True)}: {_paint(code, '1;' + _COLOURS[diagnostic.severity], True)} {message}"
    return head + ("\n" + rest if rest else "")


def summary(output: Output) -> str:
    """The closing lines: totals, then how many findings of each code."""
    diagnostics = output.diagnostics
    files = len(output.files)
    if not diagnostics:
        return f"{files} file{'s' if files != 1 else ''} checked: no problems"
    by_severity = counts(diagnostics)
    titles = {d.code: output.title(d) for d in diagnostics}
    affected = len({d.file for d in diagnostics})
    parts = [f"{by_severity[s]} {s.value}{'s' if by_severity[s] != 1 and s is not Severity.INFO else ''}"
             for s in Severity if by_severity[s]]
    lines = [f"Found {len(diagnostics)} problem{'s' if len(diagnostics) != 1 else ''} "
             f"({', '.join(parts)}) in {affected} of {files} file{'s' if files != 1 else ''}:"]
    for code, number in sorted(Counter(d.code for d in diagnostics).items()):
        lines.append(f"  {number:>4}  {titles[code].replace(' ', '  ', 1)}")
    lines.append("Run `agreement explain CODE` for what a code means and how to fix it.")
    return "\n".join(lines)


def render(output: Output) -> str:
    blocks = [_one(diagnostic, output) for diagnostic in output.diagnostics]
    return "\n\n".join(blocks + [summary(output)]) + "\n"
