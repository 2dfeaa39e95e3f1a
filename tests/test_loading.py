"""The loader: YAML 1.2 scalars, positions of values and keys, and the limits it enforces."""

from __future__ import annotations

from pathlib import Path

import pytest

from agreement import loading
from agreement.diagnostics import Span
from agreement.loading import LoadError, Loaded, load_bytes, load_file


def load(text: str | bytes) -> Loaded:
    return load_bytes(text.encode("utf-8") if isinstance(text, str) else text, "doc.yaml")


def refused(text: str | bytes) -> tuple[str, int | None, int | None, str]:
    """(code, line, column, message) of the LoadError `text` raises."""
    with pytest.raises(LoadError) as caught:
        load(text)
    diagnostic = caught.value.diagnostic
    assert diagnostic.file == "doc.yaml"
    span = diagnostic.span
    return diagnostic.code, span.line if span else None, span.column if span else None, diagnostic.message


# -- scalars ------------------------------------------------------------------------


@pytest.mark.parametrize("written, value", [
    ("no", "no"), ("yes", "yes"), ("on", "on"), ("off", "off"), ("y", "y"),  # YAML 1.1 booleans stay text
    ("true", True), ("False", False), ("~", None), ("null", None), ("", None),
    ("42", 42), ("-7", -7), ("0o17", 15), ("0x1F", 31), ("012", 12),
    ("1.5", 1.5), ("1e3", 1000.0), (".inf", float("inf")), ("-.Inf", float("-inf")),
    ("2015-11-26", "2015-11-26"), ("2015-11-26T10:00:00", "2015-11-26T10:00:00"),  # dates stay text
    ("§ 123", "§ 123"), ("1 000", "1 000"), ("+", "+"), ("-1-", "-1-"), ("0b101", "0b101"), ("1_000", "1_000"),
    ('"42"', "42"), ("'true'", "true"), ("!!str 12", "12"), ("!!float 1", 1.0), ("!!int 7", 7),
    ("!!bool true", True), ("!!null ''", None), ("! 12", "12"),
])
def test_scalars_follow_the_yaml_1_2_core_schema(written: str, value: object) -> None:
    assert load(f"x: {written}\n").data == {"x": value}


def test_nan_is_a_float() -> None:
    value = load("x: .nan\n").data["x"]
    assert isinstance(value, float) and value != value


def test_an_integer_too_long_for_python_stays_text() -> None:
    digits = "9" * 5000
    assert load(f"x: {digits}\n").data == {"x": digits}


def test_a_tag_that_does_not_fit_the_value_is_an_error_with_a_short_message() -> None:
    code, line, column, message = refused("x: !!int " + "9" * 5000 + "\n")
    assert (code, line, column) == ("Y105", 1, 4)
    assert message == f"'{'9' * 40}…' is not a valid !!int"
    assert refused("x: !!bool maybe\n") == ("Y105", 1, 4, "'maybe' is not a valid !!bool")


def test_keys_are_text() -> None:
    assert load("1: a\n1.5: b\ntrue: c\n~: d\n").data == {"1": "a", "1.5": "b", "true": "c", "": "d"}


def test_block_and_folded_scalars_keep_their_text() -> None:
    data = load("a: |\n  rad ett\n  rad två\nb: >-\n  en\n  mening\n").data
    assert data == {"a": "rad ett\nrad två\n", "b": "en mening"}


def test_anchors_and_aliases_within_the_budget_are_expanded() -> None:
    data = load("a: &owner {party: polisen}\nb: *owner\nc: [&x 1, *x]\n").data
    assert data == {"a": {"party": "polisen"}, "b": {"party": "polisen"}, "c": [1, 1]}


def test_merge_keys_are_not_yaml_1_2_and_stay_a_key() -> None:
    assert load("a: &a {x: 1}\nb: {<<: *a}\n").data["b"] == {"<<": {"x": 1}}


# -- positions ----------------------------------------------------------------------


def test_positions_of_values_and_keys() -> None:
    loaded = load("kind: agreement\nparties:\n  - id: eslov\n    name: Eslövs kommun\n")
    assert loaded.span(("kind",)) == Span(1, 7, 1, 16)
    assert loaded.span(("kind",), key=True) == Span(1, 1, 1, 5)
    assert loaded.span(("parties", 0, "name")) == Span(4, 11, 4, 24)
    assert loaded.span(("parties", 0)).line == 3  # type: ignore[union-attr]
    assert loaded.span(()) == Span(1, 1, 5, 1)


def test_columns_count_characters_not_bytes() -> None:
    loaded = load("title: Eslöv åäö 😀\nx: y\n")
    assert loaded.span(("title",)) == Span(1, 8, 1, 19)


def test_a_path_not_written_falls_back_to_its_nearest_ancestor() -> None:
    loaded = load("a:\n  b: 1\n")
    assert loaded.span(("a", "c", "d")) == loaded.span(("a",))
    assert loaded.span(("a", "c"), key=True) == loaded.span(("a",))


def test_keys_the_model_adds_to_a_shorthand_list_are_skipped() -> None:
    loaded = load("follow_up: [2016-06-30, 2019-01-01]\nowner: polisen\n")
    assert loaded.written(("follow_up", "dates", 1)) == ("follow_up", 1)
    assert loaded.span(("follow_up", "dates", 1)) == Span(1, 25, 1, 35)
    assert loaded.span(("owner", 0)) == loaded.span(("owner",))


def test_alias_values_are_placed_at_the_alias() -> None:
    loaded = load("a: &x [1, 2]\nb: *x\n")
    assert loaded.span(("b",)) == Span(2, 4, 2, 6)


def test_crlf_and_bom_are_read_like_plain_lf() -> None:
    plain = load("kind: agreement\ntitle: Å\n")
    for raw in (b"kind: agreement\r\ntitle: \xc3\x85\r\n", b"\xef\xbb\xbfkind: agreement\ntitle: \xc3\x85\n",
                b"kind: agreement\rtitle: \xc3\x85\r"):
        loaded = load(raw)
        assert (loaded.data, loaded.positions, loaded.text) == (plain.data, plain.positions, plain.text)


def test_load_file_reads_from_disk(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("kind: action-plan\n", encoding="utf-8")
    loaded = load_file(path)
    assert (loaded.file, loaded.data, loaded.lines) == (str(path), {"kind": "action-plan"}, ["kind: action-plan"])


# -- refusals -------------------------------------------------------------------------


def test_missing_file_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as caught:
        load_file(tmp_path / "missing.yaml")
    assert caught.value.diagnostic.code == "Y101"
    assert caught.value.diagnostic.message == "cannot read file: No such file or directory"


def test_file_over_the_size_limit_is_refused_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loading, "MAX_BYTES", 100)
    assert refused("x: " + "a" * 200) == ("Y102", None, None, "file is larger than 0 MB")


def test_file_over_the_size_limit_is_not_read_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loading, "MAX_BYTES", 1000)
    path = tmp_path / "big.yaml"
    path.write_bytes(b"x" * 100_000)
    assert len(loading.read_file(path)) == 1001


@pytest.mark.parametrize("raw, expected", [
    (b"kind: agreement\ntitle: Esl\xf6vs kommun\n", ("Y103", 2, 11, "file is not valid UTF-8 (byte 0xf6)")),
    ("title: åäö\n".encode() + b"x: \xff\n", ("Y103", 2, 4, "file is not valid UTF-8 (byte 0xff)")),
    (b"\xef\xbb\xbfa: \xe4\n", ("Y103", 1, 4, "file is not valid UTF-8 (byte 0xe4)")),
    ("kind: agreement\n".encode("utf-16"), ("Y103", 1, 1, "file is UTF-16 or UTF-32 text, not UTF-8")),
    (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00", ("Y104", 3, 8, "file is binary, not YAML text (it contains a NUL byte)")),
    ("åä\0".encode(), ("Y104", 1, 3, "file is binary, not YAML text (it contains a NUL byte)")),
])
def test_encoding_problems_are_placed_where_they_are(raw: bytes, expected: tuple) -> None:
    assert refused(raw) == expected


@pytest.mark.parametrize("text", ["", "\n\n", "# bara en kommentar\n# och en till\n", "---\n"])
def test_a_file_without_content_is_empty(text: str) -> None:
    if text == "---\n":
        assert load(text).data is None  # an explicit empty document: validation says what it holds
        return
    assert refused(text) == ("Y110", None, None, "file is empty: expected a document starting with `kind:`")


def test_duplicate_key_names_the_first_line() -> None:
    code, line, column, message = refused("kind: agreement\ntitle: A\nid: x\ntitle: B\n")
    assert (code, line, column, message) == ("Y106", 4, 1, "duplicate key 'title' (first defined on line 2)")


def test_duplicate_key_written_differently_is_still_a_duplicate() -> None:
    assert refused("1: a\n01: b\n")[:3] == ("Y106", 2, 1)


def test_second_document_is_refused() -> None:
    assert refused("kind: agreement\n---\nkind: action-plan\n") == (
        "Y109", 2, 1, "a file holds one document; found a second one")


@pytest.mark.parametrize("text, expected", [
    ("x: !!binary aGVq\n", ("Y109", 1, 4, "YAML tag tag:yaml.org,2002:binary is not supported")),
    ("x: !include other.yaml\n", ("Y109", 1, 4, "YAML tag !include is not supported")),
    ("x: !!set {a, b}\n", ("Y109", 1, 4, "YAML tag tag:yaml.org,2002:set is not supported")),
    ("? [a, b]\n: c\n", ("Y109", 1, 3, "a mapping key must be plain text, not a list or mapping")),
    ("{a: 1}: c\n", ("Y109", 1, 1, "a mapping key must be plain text, not a list or mapping")),
])
def test_yaml_features_a_document_does_not_need(text: str, expected: tuple) -> None:
    assert refused(text) == expected


def test_nesting_past_the_limit_is_refused_where_it_goes_too_deep() -> None:
    depth = loading.MAX_DEPTH
    assert load("x: " + "[" * (depth - 1) + "]" * (depth - 1) + "\n").data is not None
    assert refused("x: " + "[" * depth + "]" * depth + "\n") == (
        "Y108", 1, 4 + depth - 1, f"nesting is deeper than {depth} levels")


def test_alias_expansion_past_the_budget_is_refused() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 6)]
    code, line, column, message = refused("\n".join(lines) + "\n")
    assert (code, message) == ("Y107", "aliases expand to more than 10,000 values")
    assert line == 4  # a3's ten copies of a2 (1,111 values each) pass the budget


def test_alias_to_an_anchor_not_defined_yet() -> None:
    assert refused("a: *later\nb: &later 1\n") == ("Y105", 1, 4, "alias *later refers to no anchor defined before it")


def test_alias_inside_the_collection_it_names() -> None:
    assert refused("a: &loop\n  b: *loop\n") == ("Y107", 2, 6, "alias *loop refers to the collection it is in")


@pytest.mark.parametrize("text, expected", [
    ('title: "Samverkan', ("Y105", 1, 18, "YAML syntax error: found unexpected end of stream (while scanning a quoted scalar)")),
    ("parties: [{id: a, name: b", ("Y105", 2, 1, "YAML syntax error: did not find expected ',' or '}' (while parsing a flow mapping, started on line 1)")),
    ("a: b: c\n", ("Y105", 1, 5, "YAML syntax error: mapping values are not allowed in this context")),
    ("a:\n  - b\n c: d\n", ("Y105", 3, 2, "YAML syntax error: did not find expected key (while parsing a block mapping, started on line 1)")),
    ("x: \x07\n", ("Y105", 1, 4, "character U+0007 is not allowed in YAML (control characters are not allowed)")),
    ("t: a\u2028b: \x07\n", ("Y105", 2, 4, "character U+0007 is not allowed in YAML (control characters are not allowed)")),
])
def test_syntax_errors_are_placed_where_the_parser_stopped(text: str, expected: tuple) -> None:
    assert refused(text) == expected


def test_tab_indentation_gets_a_hint() -> None:
    with pytest.raises(LoadError) as caught:
        load("kind: agreement\nx:\n\t- a\n")
    assert caught.value.diagnostic.hint == "YAML indentation must use spaces, not tabs"
