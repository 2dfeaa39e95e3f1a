"""One document to its web page, in this process, for tools that rebuild on every save (preview).

It is the build's own pipeline (`make_outputs`) asked for HTML only: what a preview shows
is what `agreement build` writes. Nothing is written to disk and no cache is kept, and
every problem comes back as data: the diagnostics of a file that does not validate, or
the message of a template or pandoc failure.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import Diagnostic, Severity
from ..loading import source_lines
from ..validation import check_file
from .brand import find_brand, load_theme
from .build import Job, make_outputs, template_set
from .pandoc import PandocError
from .brand import BrandError
from .template_folders import TemplateError
from .typst_pdf import TypstError


@dataclass(frozen=True)
class Page:
    """The web page of a document, or why there is none."""

    html: bytes | None
    diagnostics: tuple[Diagnostic, ...] = ()
    lines: tuple[str, ...] = ()
    """The document's lines as validated, for the code frames of the diagnostics."""
    error: str | None = None
    """A template or pandoc failure, already naming its file and line."""


def html_page(path: Path, templates: Path | None = None, language: str | None = None,
              brand: Path | None = None) -> Page:
    """Validate `path` and build its HTML with the templates and brand as they are on disk now.

    A `templates` folder that does not exist is a UsageError (as for `build`); a template
    edited since the last call is read again, since the template set is fingerprinted anew,
    and so is the brand file (`brand`, else the nearest `_brand.yml`).
    """
    template_files = template_set(templates)
    checked = check_file(path)
    lines = tuple(checked.loaded.lines) if checked.loaded is not None else tuple(source_lines(str(path)))
    diagnostics = tuple(checked.diagnostics)
    document = checked.document
    if document is None or any(d.severity is Severity.ERROR for d in diagnostics):
        return Page(None, diagnostics, lines)
    try:
        theme = load_theme(brand or find_brand(path))
        job = Job(str(path), document, document.id, language or document.language, ("html",), (), Path("."),
                  template_files.user_dir, template_files.fingerprint, None, theme=theme)
        produced = make_outputs(document, job, template_files, lacking={})  # HTML lacks nothing
    except BrandError as error:
        return Page(None, diagnostics, lines, error=f"brand file {error}")
    except TemplateError as error:
        return Page(None, diagnostics, lines, error=f"template {error}")
    except (PandocError, TypstError) as error:
        return Page(None, diagnostics, lines, error=str(error))
    return Page(produced["html"], diagnostics, lines)
