"""Parties (parter) and their units: ids, types and the references that name them."""

from agreement.model import Party

from .support import agreement, at, check, header, only, valid, where


def test_parties_with_units_are_read() -> None:
    document = valid(agreement())
    eslov, polisen = document.parties
    assert (eslov.id, eslov.type, [unit.id for unit in eslov.units]) == ("eslov", "municipality", ["gtp", "tillvaxt"])
    assert (polisen.type, polisen.units) == ("police", [])


def test_label_prefers_the_short_name() -> None:
    assert Party(id="polisen", name="Lokalpolisområde Eslöv", type="police", short_name="Polisen").label() == "Polisen"
    assert Party(id="polisen", name="Lokalpolisområde Eslöv", type="police").label() == "Lokalpolisområde Eslöv"


def test_unknown_party_type_lists_the_allowed_types() -> None:
    text = agreement(parties="parties:\n  - {id: region, name: Region Skåne, type: regon}\n")
    diagnostic = only(text)
    assert where(diagnostic) == at("S204", text, "regon")
    assert "'regon' is not one of: municipality, police, region" in diagnostic.message
    assert diagnostic.hint == "did you mean 'region'?"


def test_a_party_needs_a_name() -> None:
    text = agreement(parties="parties:\n  - id: polisen\n    type: police\n")
    diagnostic = only(text)
    assert where(diagnostic) == at("S202", text, "id: polisen")
    assert diagnostic.message == "missing required key 'name' in parties[0]"


def test_a_unit_id_with_a_space_is_not_an_id() -> None:
    text = agreement(parties="parties:\n  - id: eslov\n    name: Eslövs kommun\n    type: municipality\n"
                             "    units: [{id: gata trafik, name: Gata}]\n")
    diagnostic = only(text)
    assert where(diagnostic) == at("S204", text, "gata trafik")
    assert "not a valid id" in diagnostic.message


def test_a_document_needs_at_least_one_party() -> None:
    text = header(parties="parties: []\n")
    diagnostic = only(text)
    assert where(diagnostic) == at("S204", text, "[]")
    assert diagnostic.message == "needs at least 1 item(s)"


def test_unknown_key_in_a_unit_suggests_the_closest() -> None:
    text = agreement(parties="parties:\n  - id: eslov\n    name: Eslövs kommun\n    type: municipality\n"
                             "    units:\n      - id: gtp\n        nmae: Gata\n")
    diagnostics = check(text).diagnostics
    assert [where(d) for d in diagnostics] == [at("S202", text, "id: gtp"), at("S201", text, "nmae")]
    assert diagnostics[1].hint == "did you mean 'name'?"
