"""The three formats of a diff: pure functions of the changes, safe for any text of a document."""

from __future__ import annotations

import json

from agreement.diffing import Change, Diff, FieldName, Step, render
from agreement.diffing.words import Words

HOSTILE = Step("actions", "åtgärder", "a1", "<script>alert(1)</script> *fet* [länk](http://x) | cell", "title")
DIFF = Diff("2016.yaml", "2017.yaml", (
    Change("changed", (HOSTILE,), FieldName("owner", "ansvarig"), "Gata, trafik, park", "Polisen"),
    Change("changed", (HOSTILE,), FieldName("description", "beskrivning"), "a b", "a c",
           (Words("same", "a"), Words("removed", "b"), Words("added", "c"))),
    Change("moved", (HOSTILE,), None, "Trygghet", "Unga"),
))


def test_markdown_shows_text_of_the_document_as_text() -> None:
    shown = render(DIFF, "markdown")
    assert "<script>" not in shown and "&lt;script&gt;" in shown
    assert r"\*fet\*" in shown and r"\[länk\](http://x) \| cell" in shown
    assert "(matched by title)" in shown
    assert "- **Changed** åtgärder" in shown and "`owner` (ansvarig): ~~Gata, trafik, park~~ → Polisen" in shown
    assert "`description` (beskrivning):<br>a ~~b~~ **c**" in shown
    assert "- **Moved** åtgärder" in shown and "from *Trygghet* to *Unga*" in shown


def test_text_marks_words_as_git_does_and_colours_only_a_terminal() -> None:
    plain = render(DIFF, "text")
    assert "\x1b[" not in plain
    assert plain.splitlines()[0] == "2016.yaml → 2017.yaml: 3 changes (1 item matched by title, not id)"
    assert "    a [-b-] {+c+}" in plain and '[matched by title]' in plain
    assert 'from "Trygghet" to "Unga"' in plain
    coloured = render(DIFF, "text", color=True)
    assert "\x1b[31m[-b-]\x1b[0m" in coloured and "\x1b[32m{+c+}\x1b[0m" in coloured


def test_json_keeps_every_part_of_a_change() -> None:
    report = json.loads(render(DIFF, "json"))
    assert report["count"] == 3
    first = report["changes"][0]
    assert first["where"] == [{"key": "actions", "label": "åtgärder", "id": "a1", "name": HOSTILE.name,
                               "matched_by": "title"}]
    assert (first["field"], first["old"], first["new"]) == (
        {"key": "owner", "label": "ansvarig"}, "Gata, trafik, park", "Polisen")
    assert report["changes"][1]["words"] == [{"op": "same", "text": "a"}, {"op": "removed", "text": "b"},
                                             {"op": "added", "text": "c"}]
