"""Accessibility of every PDF and Word file the command line built, read from the files.

The checks of tests/accessibility.py (tag tree, catalog, links and their underlines,
figures, table header scopes; Word headings, pictures, header rows, language and title)
run over each built PDF and Word file, the synthetic plan's and the follow-up report's too,
and pdfua runs over each
PDF as a smoke check (it implements 16 of PDF/UA-1's 106 machine-checkable rules; no full
validator can be installed here). tests/render/test_accessibility.py shows each check
failing on a file broken on purpose.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from agreement.render.template_folders import TemplateSet

from .. import accessibility
from ..pdf_reading import TaggedPdf
from ..synthetic_plan import DOCUMENT_ID, TITLE
from .conftest import REPORT_SOURCE
from .expectations import Expected, built_file, expected_from

pytestmark = pytest.mark.e2e


def pdfua_findings(pdf: Path) -> list[tuple[str, str]]:
    from pdfua import validate

    return [(finding.rule_id, finding.message) for finding in validate(str(pdf)).findings]


def test_pdf_reads_right_to_assistive_technology(document: Expected, built_dir: Path) -> None:
    pdf = built_file(built_dir, document, "pdf")
    assert accessibility.pdf_findings(TaggedPdf(pdf), document.title, document.language) == []
    assert pdfua_findings(pdf) == []


def test_word_file_reads_right_to_assistive_technology(document: Expected, built_dir: Path) -> None:
    docx = built_file(built_dir, document, "docx")
    assert accessibility.word_findings(docx, document.title, document.language) == []


def test_the_synthetic_plan_reads_right_in_both_formats(synthetic_built: Path) -> None:
    pdf = synthetic_built / f"{DOCUMENT_ID}.pdf"
    assert accessibility.pdf_findings(TaggedPdf(pdf), TITLE, "sv") == []
    assert pdfua_findings(pdf) == []
    assert accessibility.word_findings(synthetic_built / f"{DOCUMENT_ID}.docx", TITLE, "sv") == []


def report_files(built_dir: Path) -> tuple[Path, Path, str]:
    """The follow-up report's PDF and Word file (`agreement report` of the Ljusdal plan) and the
    title it is given: the label `report.title` around the plan's title."""
    plan = expected_from(REPORT_SOURCE)
    title = TemplateSet().labels(plan.language)["report"]["title"].format(title=plan.title)
    pdf = next(built_dir.glob(f"{plan.id}-uppfoljning-*.pdf"))
    return pdf, pdf.with_suffix(".docx"), title


def test_the_follow_up_report_reads_right_in_both_formats(built_dir: Path) -> None:
    pdf, docx, title = report_files(built_dir)
    assert accessibility.pdf_findings(TaggedPdf(pdf), title, "sv") == []
    assert pdfua_findings(pdf) == []
    assert accessibility.word_findings(docx, title, "sv") == []
