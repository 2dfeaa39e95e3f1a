"""What every document has: header, period, decision, registration, sections and signatures."""

import datetime as dt

import pytest

from .support import agreement, at, check, header, only, valid, where


def test_header_and_decision_metadata() -> None:
    document = valid(agreement("""
        subtitle: Medborgarlöften och samverkan
        status: adopted
        decision: {body: Kommunstyrelsen, date: 2015-11-26, section: "§ 123"}
        registration: {eslov: KS 2015/456, polisen: "A123.456/2015"}
        document_owner: Trygghetssamordnaren
        valid_until: 2018-12-31
        """))
    assert (document.id, document.language, document.status) == ("eslov-2015-2018", "sv", "adopted")
    assert document.period.start == dt.date(2015, 1, 1) and document.period.end == dt.date(2018, 12, 31)
    assert document.decision is not None and document.decision.section == "§ 123"
    assert document.registration == {"eslov": "KS 2015/456", "polisen": "A123.456/2015"}
    assert document.valid_until == dt.date(2018, 12, 31)


def test_sections_glossary_and_references() -> None:
    document = valid(agreement("""
        background: |
          För att nå framgång …
        sections:
          - {id: inriktning, title: Inriktning, text: Arbetet ska ske på flera nivåer.}
        glossary:
          - {term: LOB, definition: Lagen om omhändertagande av berusade personer m.m.}
        references:
          - {title: Malmö stads budget 2010, url: "https://example.org/budget.pdf"}
        """))
    assert document.background == "För att nå framgång …\n"
    assert document.sections[0].title == "Inriktning" and document.glossary[0].term == "LOB"
    assert document.references[0].url == "https://example.org/budget.pdf"


def test_language_is_swedish_or_english() -> None:
    assert valid(agreement("language: en\n")).language == "en"
    text = agreement("language: svenska\n")
    assert where(only(text)) == at("S204", text, "svenska")


@pytest.mark.parametrize("key", ["id", "title", "parties"])
def test_required_header_keys(key: str) -> None:
    lines = [line for line in agreement().splitlines(keepends=True)]
    text = "".join(line for line in lines if not line.startswith(f"{key}:") and not (
        key == "parties" and line.startswith(" ")))
    diagnostic = only(text)
    assert where(diagnostic) == ("S202", 1, 1)
    assert diagnostic.message == f"missing required key {key!r}"


def test_a_document_without_a_period_is_valid() -> None:
    """A source that states no period is transcribed without one; lint warns when it is adopted."""
    text = "".join(line for line in agreement().splitlines(keepends=True) if not line.startswith("period:"))
    assert valid(text).period is None


@pytest.mark.parametrize("period, start, end, years", [
    ("2014", "2014-01-01", "2014-12-31", True),
    ("{start: 2015, end: 2018}", "2015-01-01", "2018-12-31", True),
    ("{start: 2015-03-01, end: 2016-02-29}", "2015-03-01", "2016-02-29", False),
])
def test_a_period_is_days_or_whole_years(period: str, start: str, end: str, years: bool) -> None:
    document = valid(agreement(period=period))
    assert document.period is not None
    assert (document.period.start.isoformat(), document.period.end.isoformat()) == (start, end)
    assert document.period.in_years is years


def test_period_end_before_start_points_at_the_end() -> None:
    text = agreement(period="{start: 2018-12-31, end: 2015-01-01}")
    diagnostic = only(text)
    assert where(diagnostic) == at("R303", text, "2015-01-01")
    assert diagnostic.message == "period ends 2015-01-01, before it starts 2018-12-31"


def test_period_end_before_start_is_reported_alone() -> None:
    """References are not checked against a period that makes no sense (one problem at a time)."""
    text = agreement("signatures: [{party: kommunen}]\n", period="{start: 2018-12-31, end: 2015-01-01}")
    assert [d.code for d in check(text).diagnostics] == ["R303"]


def test_invalid_period_date() -> None:
    text = agreement(period="{start: 2015-02-30, end: 2018-12-31}")
    diagnostic = only(text)
    assert where(diagnostic) == at("S205", text, "2015-02-30")
    assert diagnostic.message == "2015-02-30: day 30 does not exist in February 2015"
    assert diagnostic.hint == "February 2015 has 28 days"


def test_a_period_needs_both_ends() -> None:
    text = agreement(period="{start: 2015-01-01}")
    diagnostic = only(text)
    assert where(diagnostic) == at("S202", text, "{start")
    assert diagnostic.message == "missing required key 'end' in period"


def test_registration_key_must_be_a_party_and_is_reported_on_the_key() -> None:
    text = agreement("registration: {eslöv: KS 2015/456}\n")
    diagnostics = check(text).diagnostics
    assert [where(d) for d in diagnostics] == [at("S204", text, "eslöv")]
    assert diagnostics[0].message == "the text 'eslöv' is not a valid id or reference"
    text = agreement("registration:\n  eslov/gtp: KS 2015/456\n")
    assert where(only(text)) == at("S204", text, "eslov/gtp")
    text = agreement("registration:\n  eslov: KS 2015/456\n  polis: A1\n")
    diagnostic = only(text)
    assert where(diagnostic) == at("R301", text, "polis:")
    assert diagnostic.message == "registration key 'polis' is not a declared party"
    assert diagnostic.hint == "did you mean 'polisen'?"


def test_signature_party_must_be_declared() -> None:
    text = agreement("""
        signatures:
          - {party: eslov, name: Johan Andersson, title: Kommunstyrelsens ordförande, place: Eslöv, date: 2015-11-26}
          - {party: polis, name: Anna-Karin Boije}
        """)
    diagnostic = only(text)
    assert where(diagnostic) == at("R301", text, "polis,")
    assert diagnostic.message == "signature party 'polis' is not a declared party or unit"
    assert diagnostic.hint == "did you mean 'polisen'?"


def test_unit_that_its_party_does_not_have() -> None:
    text = agreement("signatures: [{party: eslov/gata}]\n")
    diagnostic = only(text)
    assert diagnostic.message == "signature party 'eslov/gata': party 'eslov' has no unit 'gata'"
    assert diagnostic.hint == "did you mean 'eslov/gtp'?"


def test_reference_with_nothing_close_lists_what_is_declared() -> None:
    text = agreement("signatures: [{party: regionskane}]\n")
    assert only(text).hint == "declared: eslov, eslov/gtp, eslov/tillvaxt, polisen"


def test_root_must_be_a_mapping() -> None:
    diagnostic = only("- kind: agreement\n")
    assert where(diagnostic) == ("S206", 1, 1)
    assert diagnostic.message == "a document is a mapping starting with `kind:`, but this file holds a list"


@pytest.mark.parametrize("text, message", [
    (header().replace("schema: 1\n", ""), "missing `schema`"),
    (header().replace("schema: 1", "schema: 2"), "unsupported schema version: the number 2"),
    (header().replace("schema: 1", 'schema: "1"'), "unsupported schema version: the text '1'"),
    (header().replace("schema: 1", "schema: true"), "unsupported schema version: true"),
    (header().replace("schema: 1", "schema: 1.0"), "unsupported schema version: the number 1.0"),
])
def test_schema_version(text: str, message: str) -> None:
    diagnostic = only(text)
    assert diagnostic.code == "S207" and diagnostic.message == message
    assert diagnostic.hint == "write `schema: 1`, the version this agreement reads"


@pytest.mark.parametrize("kind", ["[agreement]", "{agreement: 1}"])
def test_a_kind_that_is_not_text_is_unknown(kind: str) -> None:
    diagnostic = only(header().replace("kind: agreement", f"kind: {kind}"))
    assert where(diagnostic) == ("S206", 1, 7)
    assert diagnostic.message.startswith("unknown kind ")


def test_missing_kind() -> None:
    diagnostic = only(header().replace("kind: agreement\n", ""))
    assert where(diagnostic) == ("S206", 1, 1)
    assert diagnostic.message == "missing `kind`: say what this document is"


def test_an_outline_names_parts_and_top_level_sections_once() -> None:
    text = agreement("""
        outline:
          - bakgrund
          - goals
          - goals
          - purpose
          - under
        background: Text.
        goals: [{text: Ökad trygghet}]
        sections:
          - {id: topp, title: Topp, sections: [{id: under, title: Under, text: x}]}
        """)
    found = check(text).diagnostics
    assert [where(d) for d in found] == [at("R305", text, "bakgrund"), at("R305", text, "goals", 2),
                                         at("R305", text, "purpose"), at("R305", text, "under")]
    assert found[0].hint == "did you mean 'background'? (the English key for bakgrund)"


def test_a_section_needs_text_or_sub_sections() -> None:
    text = agreement("sections:\n  - {title: Tom}\n")
    assert only(text).code == "S204" and "a section needs" in only(text).message
