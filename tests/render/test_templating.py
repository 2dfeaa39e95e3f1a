"""Templates: user files override bundled ones by name, run sandboxed, and fail by name and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from agreement.render.jinja_steps import check_templates, render_markdown
from agreement.render.template_folders import TemplateError, TemplateSet

from .conftest import PLAN, markdown_of, view_of


def user_templates(tmp_path: Path, files: dict[str, str]) -> TemplateSet:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return TemplateSet(tmp_path)


def test_a_user_partial_replaces_the_bundled_one_and_the_rest_stays(tmp_path: Path) -> None:
    partial = "# Våra ord\n\n{{ part.content | length }} termer\n"
    templates = user_templates(tmp_path, {"partials/glossary.md.j2": partial})
    markdown = markdown_of(PLAN, templates=templates)
    assert "# Våra ord\n\n1 termer\n" in markdown
    assert "# Ordlista" not in markdown
    assert "# Prioriterade områden" in markdown  # bundled partial still used


def test_a_user_label_file_changes_only_the_labels_it_names(tmp_path: Path) -> None:
    templates = user_templates(tmp_path, {"i18n/sv.yaml": "heading:\n  glossary: Förkortningar\n"})
    markdown = markdown_of(PLAN, templates=templates)
    assert "# Förkortningar" in markdown and "# Uppföljning" in markdown


def test_printed_values_are_escaped_even_in_user_templates(tmp_path: Path) -> None:
    templates = user_templates(tmp_path, {"document.md.j2": "{{ doc.title ~ ' *fet*' }}\n{{ '<b>' | e }}\n"})
    assert render_markdown(view_of(PLAN), templates) == "Handlingsplan för tryggare centrum 2021 \\*fet\\*\n\\<b\\>\n"


@pytest.mark.parametrize("source", [
    "{{ doc.__class__ }}",
    "{{ doc.title.__class__.__mro__ }}",
    "{{ ''.__class__.__subclasses__() }}",
    "{{ doc.labels.__init__.__globals__ }}",
])
def test_the_sandbox_refuses_attribute_tricks(tmp_path: Path, source: str) -> None:
    templates = user_templates(tmp_path, {"document.md.j2": f"ok\n{source}\n"})
    with pytest.raises(TemplateError) as caught:
        render_markdown(view_of(PLAN), templates)
    assert caught.value.line == 2
    assert caught.value.template.endswith("document.md.j2")


def test_filters_that_would_trust_text_are_gone(tmp_path: Path) -> None:
    templates = user_templates(tmp_path, {"document.md.j2": "{{ doc.title | safe }}\n"})
    with pytest.raises(TemplateError, match="safe"):
        check_templates(templates)


def test_a_syntax_error_names_the_template_and_line(tmp_path: Path) -> None:
    broken = "# Mål\n\n{% for goal in doc.goals %}\n{{ goal.text }\n"
    templates = user_templates(tmp_path, {"partials/goals.md.j2": broken})
    with pytest.raises(TemplateError) as caught:
        check_templates(templates)
    error = caught.value
    assert error.template == str(tmp_path / "partials" / "goals.md.j2")
    assert error.line == 4
    assert str(error).startswith(f"{tmp_path / 'partials' / 'goals.md.j2'}:4: ")


def test_a_partial_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "goals.md.j2").write_bytes(b"\xff\xfe# M\xe5l\n")
    with pytest.raises(TemplateError) as caught:
        check_templates(TemplateSet(tmp_path))
    assert caught.value.template == str(tmp_path / "partials" / "goals.md.j2")
    assert "UTF-8" in caught.value.message


def test_an_undefined_name_names_the_partial_and_line(tmp_path: Path) -> None:
    templates = user_templates(tmp_path, {"partials/follow-up.md.j2": "\n\n{{ doc.no_such_thing }}\n"})
    with pytest.raises(TemplateError) as caught:
        render_markdown(view_of(PLAN), templates)
    assert caught.value.template.endswith("partials/follow-up.md.j2") and caught.value.line == 3
    assert "no_such_thing" in caught.value.message


def test_a_missing_partial_is_named(tmp_path: Path) -> None:
    templates = user_templates(tmp_path, {"document.md.j2": '{% include "partials/nowhere.md.j2" %}\n'})
    with pytest.raises(TemplateError, match="partials/nowhere.md.j2"):
        render_markdown(view_of(PLAN), templates)


def test_a_broken_label_file_is_named_with_its_line(tmp_path: Path) -> None:
    templates = user_templates(tmp_path, {"i18n/sv.yaml": "heading:\n  parties: [unclosed\n"})
    with pytest.raises(TemplateError) as caught:
        templates.labels("sv")
    assert caught.value.template.endswith("i18n/sv.yaml") and caught.value.line is not None


def test_files_are_found_user_first_then_bundled(tmp_path: Path) -> None:
    templates = user_templates(tmp_path, {"style.css": "body {}"})
    assert templates.find("style.css") == tmp_path / "style.css"
    assert templates.find("document.typ") == templates.builtin_dir / "document.typ"
    with pytest.raises(TemplateError, match="nothing.txt"):
        templates.find("nothing.txt")


def test_the_fingerprint_changes_with_any_template_file(tmp_path: Path) -> None:
    before = TemplateSet(tmp_path).fingerprint
    assert user_templates(tmp_path, {"custom.css": ":root { --accent: #005a32; }"}).fingerprint != before


def test_only_parts_the_document_has_get_headings() -> None:
    markdown = markdown_of(PLAN)
    for absent in ("# Organisation", "# Bakgrund", "# Referenser", "# Mål", "# Parter"):
        assert absent not in markdown
    for present in ("# Medborgarlöften", "# Uppföljning", "# Underskrifter", "# Ordlista"):
        assert present in markdown
