"""The canonical layout, piece by piece, on inline documents and on a file of odd comments."""

from __future__ import annotations

import textwrap
from collections import Counter
from pathlib import Path

import pytest

from agreement.formatting import Unformattable, format_text
from agreement.formatting.order import HEADER, READING_ORDER, key_order, model_keys
from agreement.formatting.quoting import plain_allowed, written
from agreement.formatting.tree import comments_of
from agreement.loading import load_bytes
from agreement.model import KINDS, PARTS

FIXTURES = Path(__file__).parent / "fixtures"
HEAD = """\
kind: agreement
schema: 1
id: exempel
title: Exempel
parties:
  - {id: kommunen, name: Exempels kommun, type: municipality}
"""


def fmt(body: str, head: str = HEAD) -> str:
    """The formatted text of HEAD followed by `body` (dedented), checked to keep the data."""
    text = head + textwrap.dedent(body)
    formatted = format_text(text)
    assert load_bytes(formatted.encode(), "after").data == load_bytes(text.encode(), "before").data
    assert format_text(formatted) == formatted
    return formatted[len(head):] if formatted.startswith(head) else formatted


def test_comments_in_odd_places_stay_with_what_they_belong_to() -> None:
    source = (FIXTURES / "comments.yaml").read_text(encoding="utf-8")
    expected = (FIXTURES / "comments.formatted.yaml").read_text(encoding="utf-8")
    assert format_text(source) == expected
    assert Counter(comments_of(expected)) == Counter(comments_of(source))


def test_keys_take_the_models_order_and_the_parts_keep_the_authors() -> None:
    text = """\
signatures: [{party: kommunen}]
parties: [{type: municipality, name: Exempels kommun, id: kommunen}]
background: Bakgrund.
title: Exempel
schema: 1
follow_up: {reported_to: Rådet, every: year}
kind: agreement
id: exempel
"""
    assert format_text(text) == """\
kind: agreement
schema: 1
id: exempel
title: Exempel
parties: [{id: kommunen, name: Exempels kommun, type: municipality}]
signatures: [{party: kommunen}]
background: Bakgrund.
follow_up: {every: year, reported_to: Rådet}
"""


def test_free_mappings_and_outline_entries_keep_their_order() -> None:
    head = HEAD.replace("parties:\n", "parties:\n  - {id: polisen, name: Polisen, type: police}\n")
    assert fmt("""\
        registration: {polisen: A 1/2016, kommunen: KS 2016/1}
        labels: {owner: Ansvarig, goal: Effektmål}
        outline:
          - signatures: false
          - background
        background: Text.
        signatures: [{party: kommunen}]
    """, head) == """\
kind: agreement
schema: 1
id: exempel
title: Exempel
registration: {polisen: A 1/2016, kommunen: KS 2016/1}
outline:
  - signatures: false
  - background
labels: {owner: Ansvarig, goal: Effektmål}
parties:
  - {id: polisen, name: Polisen, type: police}
  - {id: kommunen, name: Exempels kommun, type: municipality}
background: Text.
signatures: [{party: kommunen}]
"""


def test_indentation_is_two_spaces_with_lists_indented_under_their_key() -> None:
    assert fmt("""\
        focus_areas:
        - id: centrum
          title: Centrum
          actions:
              -   title: Belysning
                  owner: kommunen
    """) == """\
focus_areas:
  - id: centrum
    title: Centrum
    actions:
      - title: Belysning
        owner: kommunen
"""


@pytest.mark.parametrize(("written_as", "formatted_as"), [
    ('"Rådet"', "Rådet"),
    ("'§ 123'", "§ 123"),
    ('"KS 2015/456"', "KS 2015/456"),
    ("'123'", "'123'"),           # a number without its quotes
    ('"no"', '"no"'),             # false to a YAML 1.1 reader
    ("'2016-12-31'", "'2016-12-31'"),  # a date
    ('"Mål: färre brott"', '"Mål: färre brott"'),
    ('"Kl. 20 #1"', '"Kl. 20 #1"'),
    ("'- strecksats'", "'- strecksats'"),
    ('" mellanslag"', '" mellanslag"'),
    ('"rad\\nbrytning"', '"rad\\nbrytning"'),
    ("'it''s'", "it's"),
])
def test_quotes_go_only_where_the_value_reads_the_same_without_them(written_as: str, formatted_as: str) -> None:
    assert fmt(f"follow_up: {{every: year}}\nbackground: {written_as}\n") == \
        f"follow_up: {{every: year}}\nbackground: {formatted_as}\n"


def test_in_a_flow_mapping_commas_and_colons_keep_their_quotes() -> None:
    assert fmt("""\
        references:
          - {title: "A, B och C", url: "https://example.org/a"}
          - {title: "Plain"}
    """) == """\
references:
  - {title: "A, B och C", url: "https://example.org/a"}
  - {title: Plain}
"""


@pytest.mark.parametrize(("value", "flow", "allowed"), [
    ("Rådet för hälsa och trygghet", False, True),
    ("A, B", False, True), ("A, B", True, False),
    ("javascript:alert(1)", True, False), ("javascript:alert(1)", False, True),
    ("yes", False, False), ("On", False, False), ("null", False, False), ("~", False, False),
    ("1_000", False, False), ("0x1f", False, False), (".5", False, False), ("1:20", False, False),
    ("2016-12-31", False, False), ("2016-12-31T00:00:00", False, False),
    ("", False, False), ("a\tb", False, False), ("a\u2028b", False, False), ("\ufeffa", False, False),
    ("*alias", False, False), ("&anchor", False, False), ("!tag", False, False), ("@handle", False, False),
    ("key:", False, False), ("a #b", False, False), ("a#b", False, True),
])
def test_plain_allowed(value: str, flow: bool, allowed: bool) -> None:
    assert plain_allowed(value, flow) is allowed
    if not allowed:
        assert load_bytes(f"v: {written(value)}\n".encode(), "x").data == {"v": value}


def test_block_texts_are_kept_line_for_line_and_reindented() -> None:
    assert fmt("""\
        background: |+
            Första stycket, med  dubbla mellanslag.


              indraget
            sista raden

        purpose: >-
             Syfte
             på två rader
    """) == """\
background: |+
  Första stycket, med  dubbla mellanslag.


    indraget
  sista raden

purpose: >-
  Syfte
  på två rader
"""


def test_a_block_text_ending_the_file_without_a_line_break_keeps_its_value() -> None:
    text = HEAD + "background: |\n  Text."
    assert format_text(text) == HEAD + "background: |-\n  Text.\n"
    with pytest.raises(Unformattable, match="ends inside a `|\\+` text"):
        format_text(HEAD + "background: |+\n  Text.")


def test_a_text_over_several_lines_keeps_its_line_breaks() -> None:
    assert fmt("""\
        background: Text som
              fortsätter på nästa rad
           och nästa.
        purpose: "Citerad
          text."
    """) == """\
background: Text som
  fortsätter på nästa rad
  och nästa.
purpose: "Citerad
  text."
"""


def test_flow_collections_are_written_on_one_line() -> None:
    assert fmt("""\
        follow_up: {  months: [4,8,
            12] , reported_to:   Rådet }
    """) == "follow_up: {months: [4, 8, 12], reported_to: Rådet}\n"


def test_a_comment_inside_a_flow_mapping_turns_it_into_block_style() -> None:
    assert fmt("""\
        follow_up: {months: [4, 8, 12],  # april, augusti och december
          reported_to: Rådet}  # efter mappningen
    """) == """\
follow_up:
  months: [4, 8, 12]  # april, augusti och december
  reported_to: Rådet
  # efter mappningen
"""


def test_blank_lines_are_kept_one_at_most_and_none_at_the_ends() -> None:
    assert format_text("\n\n" + HEAD + "\n\n\nbackground: Text.\n\n\n") == HEAD + "\nbackground: Text.\n"


def test_line_ends_and_byte_order_mark_are_kept(tmp_path: Path) -> None:
    from agreement.formatting import format_file

    path = tmp_path / "windows.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + (HEAD + 'background: "Text."\n').replace("\n", "\r\n").encode())
    result = format_file(path)
    assert result.formatted == b"\xef\xbb\xbf" + (HEAD + "background: Text.\n").replace("\n", "\r\n").encode()


@pytest.mark.parametrize("text", [
    HEAD + "background: &text Text.\npurpose: *text\n",
    HEAD + "background: !!str Text.\n",
])
def test_anchors_aliases_and_tags_are_refused(text: str) -> None:
    with pytest.raises(Unformattable, match="anchors, aliases or tags|aliases"):
        format_text(text)


# -- the canonical order is the model's ------------------------------------------------------


@pytest.mark.parametrize("model", list(READING_ORDER), ids=lambda m: m.__name__)
def test_reading_orders_name_exactly_the_models_fields(model) -> None:
    assert sorted(READING_ORDER[model]) == sorted(model_keys(model))
    assert key_order(model) == READING_ORDER[model]


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_top_level_key_is_a_header_key_or_a_part(kind: str) -> None:
    keys = set(model_keys(KINDS[kind]))
    assert keys <= set(HEADER) | set(PARTS)
    assert not set(HEADER) & set(PARTS)
