"""The follow-up report (uppföljningsrapport): where a document's commitments stand on a given day.

`collect` gathers what is known on `--as-of` (the latest progress of every action and
promise, overdue follow-ups, measured indicator values, what changed since the previous
report); `standing` says how a progress entry counts; `charts` draws each measured
indicator with matplotlib; `view` turns it all into the view model the render pipeline
prints with the report templates (`report.md.j2`, `partials/report-*.md.j2`); `sources`
finds the follow-up files a report reads. `agreement report` builds it through
`agreement.render.build`, as `agreement build` builds a document.
"""

from .collect import ReportRequest

__all__ = ["ReportRequest"]
