"""The web page's finishing step (`html_body`): pandoc's HTML in, the same HTML out but for the
tables' attributes and the long words' break opportunities, read from what pandoc really writes."""

from __future__ import annotations

import re

from agreement.render import html_body
from agreement.render.pandoc import Metadata, convert_all, html_parts
from agreement.render.template_folders import TemplateSet


def pandoc_html(markdown: str) -> str:
    """The body pandoc writes for `markdown`, through the safety filter, before finishing."""
    written = convert_all(markdown, ["html"], TemplateSet(), Metadata({"lang": "sv"}), 0)["html"]
    return html_parts(written)[1]


ROWS = "\n".join(f"| Åtgärd {n} | Polisen | 2015 |" for n in range(1, 10))
TABLE = f"""
| Åtgärd | Ansvarig | År |
|--------|----------|----|
{ROWS}

: Åtgärder & ansvar
"""


def test_a_page_without_tables_or_long_slashed_words_is_written_as_it_was() -> None:
    written = pandoc_html("# Rubrik\n\nText med *betoning*, en [länk](https://example.org), `kod/kod`,"
                          " 2 ggr/år, &amp; och <tecken>.\n\n```\nkod/som/är/längre/än/tjugo/tecken\n```\n")
    assert html_body.finish(written) == written


def test_header_cells_say_what_they_head_and_body_cells_carry_their_column_name() -> None:
    done = html_body.finish(pandoc_html(TABLE))
    assert re.findall(r'<th\b[^>]*>', done) == ['<th scope="col" role="columnheader">'] * 3
    first_row = re.search(r"<tbody[^>]*>\s*<tr[^>]*>(.*?)</tr>", done, re.S)
    assert first_row and re.findall(r'data-label="([^"]*)"', first_row.group(1)) == ["Åtgärd", "Ansvarig", "År"]
    assert '<table role="table">' in done and done.count('role="rowgroup"') == 2
    assert done.count('role="row"') == 10 and done.count('role="cell"') == 27


def test_a_table_sits_in_a_region_named_by_its_caption_and_stacks_from_three_columns() -> None:
    done = html_body.finish(pandoc_html(TABLE))
    assert '<div class="table-scroll stacks" role="region" tabindex="0" aria-label="Åtgärder &amp; ansvar">' in done
    assert done.rstrip().endswith("</table>\n</div>")


def test_a_table_of_up_to_eight_rows_is_short_and_two_columns_do_not_stack() -> None:
    done = html_body.finish(pandoc_html("| a | b |\n|---|---|\n" + "| 1 | 2 |\n" * 8))
    assert '<div class="table-scroll short" role="region" tabindex="0">' in done
    assert "aria-label" not in done  # no caption, no name


def test_a_table_without_a_header_has_no_column_names_and_does_not_stack() -> None:
    done = html_body.finish(pandoc_html("-- -- --\n1  2  3\n4  5  6\n-- -- --\n"))
    assert "data-label" not in done and "stacks" not in done and 'role="cell"' in done


def test_a_cell_spanning_columns_moves_the_column_names_on() -> None:
    table = ("+---+---+---+\n| a | b | c |\n+===+===+===+\n| wide  | 3 |\n+---+---+---+\n")
    done = html_body.finish(pandoc_html(table))
    assert re.findall(r'colspan="2"[^>]*data-label="a"|data-label="c">3', done) == ['colspan="2" role="cell" data-label="a"',
                                                                                     'data-label="c">3']


def test_a_table_inside_a_cell_gets_its_own_names_and_region() -> None:
    inner = "+---+---+---+\n| x | y | z |\n+===+===+===+\n| 1 | 2 | 3 |\n+---+---+---+"
    lines = ["+" + "-" * 40 + "+", "| outer" + " " * 34 + "|", "+" + "=" * 40 + "+"]
    lines += [f"| {line:<38} |" for line in inner.split("\n")] + ["+" + "-" * 40 + "+"]
    done = html_body.finish(pandoc_html("\n".join(lines) + "\n"))
    assert done.count('class="table-scroll') == 2
    assert 'data-label="x">1' in done and 'data-label="outer"' in done


def test_long_words_break_after_their_slashes_and_nowhere_else() -> None:
    assert html_body.break_after_slashes("underrättelseinhämtning/omvärldsorientering, 2 ggr/år, a / b") == \
        "underrättelseinhämtning/<wbr>omvärldsorientering, 2 ggr/år, a / b"
    assert html_body.break_after_slashes("https://example.org/a/long/path") == \
        "https://example.org/<wbr>a/<wbr>long/<wbr>path"
    assert html_body.break_after_slashes("/inledande/snedstreck/och/avslutande/") == \
        "/inledande/<wbr>snedstreck/<wbr>och/<wbr>avslutande/"


def test_code_keeps_its_slashes_and_headings_and_cells_get_breaks() -> None:
    word = "underrättelseinhämtning/omvärldsorientering"
    done = html_body.finish(pandoc_html(f"# {word}\n\n`{word}`\n\n| {word} | b |\n|---|---|\n| {word} | 2 |\n"))
    assert done.count("/<wbr>") == 3  # the heading, the header cell, the body cell
    assert f"<code>{word}</code>" in done
    assert f'data-label="{word}"' in done  # a column's name is its text, without the markup


def test_finishing_twice_adds_no_second_break() -> None:
    """Finishing is idempotent for the breaks, so a `<wbr>` in pandoc's HTML is never doubled."""
    written = pandoc_html("underrättelseinhämtning/omvärldsorientering")
    once = html_body.finish(written)
    assert html_body.finish(once).count("<wbr>") == once.count("<wbr>") == 1
