"""The HTML files in headless Chromium: accessible, self-contained, Swedish, readable on a phone.

e2e/axe-check.mjs opens each file once at desktop width (1280) and once as a phone
(390 wide), saves screenshots to e2e-out/screenshots/, and reports axe-core's WCAG
2.1 A/AA violations and what the page requested. These tests assert on that report.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .expectations import Expected, built_file, raw_markdown, same_text

pytestmark = pytest.mark.e2e

LAYOUTS = ("desktop", "phone")
PHONE_WIDTH = 390  # as in e2e/axe-check.mjs


@pytest.fixture
def page(browsed: dict[str, Any], built_dir: Path, document: Expected) -> dict[str, Any]:
    """Chromium's report on this document's HTML file."""
    path = str(built_file(built_dir, document, "html").resolve())
    assert path in browsed, f"axe-check did not report on {path}"
    return browsed[path]


def describe(violations: list[dict[str, Any]]) -> str:
    """axe-core's violations as lines a person can act on."""
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}, {violation['count']} elements): {violation['help']}")
        lines += [f"    {node['target']}: {node['html']}\n      {node['summary']}" for node in violation["nodes"]]
    return "\n".join(lines)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_axe_finds_no_wcag_violations(page: dict[str, Any], layout: str) -> None:
    violations = page[layout]["violations"]
    if violations:
        pytest.fail(f"axe-core (WCAG 2.1 A/AA), {layout}, see {page[layout]['screenshot']}:\n{describe(violations)}")


@pytest.mark.parametrize("layout", LAYOUTS)
def test_no_text_of_the_document_runs_or_moves_the_page(page: dict[str, Any], layout: str) -> None:
    """Quotes and angle brackets in names and titles stay text, also inside attributes (meta tags)."""
    facts = page[layout]
    assert facts["stayed"], f"the page went to {facts['url']}"
    assert facts["pwned"] is None, f"text of the document ran as a script: {facts['pwned']}"


def test_requests_nothing_from_other_hosts(page: dict[str, Any]) -> None:
    assert not page["foreignRequests"], f"the page requested other hosts: {page['foreignRequests']}"
    assert not page["desktop"]["remote"], f"remote resources referenced: {page['desktop']['remote']}"


def test_declares_swedish_and_its_title(page: dict[str, Any], document: Expected) -> None:
    lang = page["desktop"]["lang"] or ""
    assert lang.split("-")[0] == document.language, f'<html lang="{lang}">, expected "{document.language}"'
    assert same_text(document.title) in same_text(page["desktop"]["title"])


def test_starts_with_a_skip_link(page: dict[str, Any]) -> None:
    first = page["desktop"]["firstFocusable"]
    assert first and first["tag"] == "a" and (first["href"] or "").startswith("#"), \
        f"the first focusable element is not an in-page link: {first}"
    assert page["desktop"]["skipLinkTarget"], f"skip link {first['href']} points at no element"


def test_fits_a_phone_screen(page: dict[str, Any]) -> None:
    phone = page["phone"]
    assert phone["viewportWidth"] == PHONE_WIDTH, (
        f"a phone lays the page out {phone['viewportWidth']} px wide and shrinks it: "
        '<meta name="viewport" content="width=device-width, initial-scale=1"> is missing'
    )
    assert phone["scrollWidth"] <= phone["viewportWidth"], (
        f"the page scrolls sideways on a phone: {phone['scrollWidth']} px wide in a "
        f"{phone['viewportWidth']} px screen; see {phone['screenshot']}"
    )
    assert phone["wideTables"] == [], (
        f"tables wider than the phone's screen, cut off at the right edge: {phone['wideTables']}; "
        f"see {phone['screenshot']}"
    )


def test_loads_without_errors(page: dict[str, Any]) -> None:
    for layout in LAYOUTS:
        assert not page[layout]["errors"], f"{layout}: Chromium reported {page[layout]['errors']}"


def test_shows_parties_and_markup_as_written(page: dict[str, Any], document: Expected) -> None:
    text = same_text(page["desktop"]["text"])
    for name in document.parties:
        assert name in text, f"party {name!r} not on the page"
    for markup in document.markup_as_text:
        assert markup in text, f"{markup!r} from the YAML is not shown as text"
    if document.tabled_actions:
        assert "Åtgärd" in text


def test_shows_no_raw_markdown(page: dict[str, Any]) -> None:
    leaked = raw_markdown(page["desktop"]["text"])
    assert not leaked, f"Markdown syntax shown as text on the page: {leaked}"
