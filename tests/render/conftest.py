"""Shared pieces of the render tests: the fixture documents and builds made once per session.

Builds go through the real pipeline (Jinja, pandoc, typst); a full build of a
small document takes about a second, so the outputs that several tests read are
built once.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from agreement.render.build import BuildOptions, BuildReport, build
from agreement.render.jinja_steps import render_markdown
from agreement.render.template_folders import TemplateSet
from agreement.render.viewmodel import DocumentView, build_view
from agreement.render.wording import Wording
from agreement.validation import check_file

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures"
ROOT = HERE.parent.parent
EXAMPLES = ROOT / "examples"
PLAN = FIXTURES / "plan-by-party.yaml"
HOSTILE = FIXTURES / "hostile.yaml"
ALL_FORMATS = ("html", "docx", "pdf", "md")


def view_of(path: Path, language: str | None = None, templates: TemplateSet | None = None) -> DocumentView:
    """The view model of a document file, as the build makes it."""
    checked = check_file(path)
    assert checked.document is not None, [d.message for d in checked.diagnostics]
    language = language or checked.document.language
    templates = templates or TemplateSet()
    return build_view(checked.document, Wording(templates.labels(language)), language)


def view_of_text(text: str, language: str | None = None) -> DocumentView:
    """The view model of a document written inline (see tests/model/support.py)."""
    from agreement.loading import load_bytes
    from agreement.validation import check_loaded

    checked = check_loaded(load_bytes(text.encode("utf-8"), "inline.yaml"))
    assert checked.document is not None, [d.message for d in checked.diagnostics]
    language = language or checked.document.language
    templates = TemplateSet()
    return build_view(checked.document, Wording(templates.labels(language)), language)


def markdown_of(path: Path, language: str | None = None, templates: TemplateSet | None = None) -> str:
    """The generated Pandoc Markdown of a document file."""
    templates = templates or TemplateSet()
    return render_markdown(view_of(path, language, templates), templates)


def run_build(paths: list[Path], out: Path, **options: object) -> BuildReport:
    """`agreement build` as a library call, one process."""
    formats = options.pop("formats", ALL_FORMATS)
    return build(paths, BuildOptions(formats=tuple(formats), out=out, **options), jobs=1)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def plan_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture plan built once to every format."""
    out = tmp_path_factory.mktemp("plan")
    report = run_build([PLAN], out)
    assert report.exit_code == 0, report.results
    return out


@pytest.fixture(scope="session")
def hostile_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile fixture built once to every format."""
    out = tmp_path_factory.mktemp("hostile")
    report = run_build([HOSTILE], out)
    assert report.exit_code == 0, report.results
    return out


# The documents the pagination and accessibility tests read: every example (the follow-up file
# beside the Ljusdal plan is not a document), the real-client tests' documents, and a long
# synthetic plan (tests/synthetic_plan.py).
E2E_DOCUMENTS = ROOT / "tests" / "e2e" / "documents"


def paged_sources() -> list[Path]:
    from agreement.followups.logs import is_follow_up_file
    from agreement.discovery import discover

    return [path for path in discover([EXAMPLES, E2E_DOCUMENTS]) if not is_follow_up_file(path)]


@pytest.fixture(scope="session")
def synthetic_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from ..synthetic_plan import write_plan

    return write_plan(tmp_path_factory.mktemp("synthetic"))


@pytest.fixture(scope="session")
def paged_build(tmp_path_factory: pytest.TempPathFactory, synthetic_source: Path) -> Path:
    """Every paged source and the synthetic plan built once to PDF and Word."""
    out = tmp_path_factory.mktemp("paged")
    report = run_build([*paged_sources(), synthetic_source], out, formats=("pdf", "docx"))
    assert report.exit_code == 0, report.results
    return out
