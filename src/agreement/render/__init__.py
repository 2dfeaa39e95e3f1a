"""Rendering: documents -> Word, PDF and HTML that a municipality can publish unchanged.

model -> view model (`viewmodel`) -> Jinja templates (`jinja_steps`, `template_folders`)
-> Pandoc Markdown -> pandoc (`pandoc`, with the safety filter `agreement.lua`) -> Word,
finished by `docx` / HTML, finished by `html_body` and placed in its page (`jinja_steps`) /
typst -> PDF (`typst_pdf`). `build` runs it for many files with a build cache
(`build_cache`) and atomic outputs.
"""

from .build import EXTRA_FORMATS, FORMATS, BuildOptions, BuildReport, FileResult, Outcome, build, parse_formats
from .template_folders import TemplateError

__all__ = ["EXTRA_FORMATS", "FORMATS", "BuildOptions", "BuildReport", "FileResult", "Outcome", "TemplateError",
           "build", "parse_formats"]
