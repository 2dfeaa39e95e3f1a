"""Rendering: documents -> Word, PDF and HTML that a municipality can publish unchanged.

model -> view model (`viewmodel`) -> Jinja templates (`jinja_steps`, `template_folders`)
-> Pandoc Markdown -> pandoc (`pandoc`, with the safety filter `agreement.lua` first, then
`html.lua` for the web page and `report/report.lua` for a follow-up report) -> docx (`docx`)
/ HTML / typst -> PDF (`typst_pdf`). `build` runs it for many files with
a build cache (`build_cache`) and atomic outputs.
"""

from .build import EXTRA_FORMATS, FORMATS, BuildOptions, BuildReport, FileResult, Outcome, build, parse_formats
from .template_folders import TemplateError

__all__ = ["EXTRA_FORMATS", "FORMATS", "BuildOptions", "BuildReport", "FileResult", "Outcome", "TemplateError",
           "build", "parse_formats"]
