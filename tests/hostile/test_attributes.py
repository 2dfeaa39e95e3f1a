"""Text that tries to break out of where it is printed: every text field of the model, with
quotes, angle brackets and ampersands, through every output format.

Each text value of the documents in `documents/` (which between them give every text
field of the model a value; a test keeps it so) is replaced by a payload that would
close an HTML attribute and add an event handler, a script or a redirect. The same
document with plain words in those places is built beside it. The hostile build
must then have exactly the elements and attributes of the plain one (checked by
parsing the HTML and the Word XML), and the payload must arrive whole, as text.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from pypdf import PdfReader

from agreement.loading import load_file
from agreement.model.limits import MARKDOWN_CHARACTERS, PLAIN_TEXT_CHARACTERS
from agreement.schemas import generate

from ..processes import measured

DOCUMENTS = Path(__file__).parent / "documents"
PAYLOAD = ('Q" onload="document.body.dataset.pwned=1" x=\'<script>document.body.dataset.pwned=2</script>\' '
           '<meta http-equiv="refresh" content="0;url=https://evil.example/"> & <b>fet</b> "')
"""Closes a double- or single-quoted attribute, adds a handler, a script and a redirect."""
PLAIN = ("Vanlig text " * len(PAYLOAD))[:len(PAYLOAD) - 1] + "."
"""Words of the payload's length, so that tables are laid out alike in both builds."""
TEXT_KINDS = {PLAIN_TEXT_CHARACTERS: "plain", MARKDOWN_CHARACTERS: "markdown"}
"""A text field's kind, by the maxLength its schema gives it."""
SOFT_HYPHEN = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}softHyphen"


# -- the model's text fields ----------------------------------------------------------------------


def _resolve(node: dict[str, Any], schema: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
    """A schema node with its `$ref` followed, and the name of the definition it led to."""
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        return schema["$defs"][name], name
    return node, None


def _alternative(node: dict[str, Any], value: Any, schema: dict[str, Any]) -> dict[str, Any]:
    """Of an `anyOf`, the alternative that describes `value`: for a mapping, the model (`$ref`)
    whose keys it has, else a shorthand's object (`{goals: Mål}` in an outline)."""
    options = node["anyOf"]
    if isinstance(value, dict):
        models = [o for o in options if "$ref" in o and set(value) <= set(_resolve(o, schema)[0].get("properties", {}))]
        return models[0] if models else next(o for o in options if o.get("type") == "object")
    wanted = {list: "array", str: "string", bool: "boolean"}.get(type(value), "null")
    return next((o for o in options if o.get("type") == wanted), options[0])


def text_values(value: Any, node: dict[str, Any], schema: dict[str, Any], owner: str = "Document",
                field: tuple[str, str] = ("Document", ""), path: tuple[Any, ...] = ()
                ) -> Iterator[tuple[tuple[Any, ...], str, tuple[str, str]]]:
    """Every text value of a document's data: (its path, "plain" or "markdown", (model, field))."""
    node, name = _resolve(node, schema)
    owner = name or owner
    if "anyOf" in node:
        yield from text_values(value, _alternative(node, value, schema), schema, owner, field, path)
    elif isinstance(value, dict):
        for key, child in value.items():
            if "properties" in node:  # a model: the key is one of its fields
                yield from text_values(child, node["properties"][key], schema, owner, (owner, key), path + (key,))
            else:  # a map (registration numbers by party, labels): the key is data
                child_node = next(iter(node.get("patternProperties", {}).values()), None) or node["additionalProperties"]
                yield from text_values(child, child_node, schema, owner, field, path + (key,))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from text_values(child, node["items"], schema, owner, field, path + (index,))
    elif isinstance(value, str) and node.get("maxLength") in TEXT_KINDS:
        yield path, TEXT_KINDS[node["maxLength"]], field


def declared_text_fields(schema: dict[str, Any]) -> set[tuple[str, str]]:
    """Every (model, field) of a schema whose values are text (through lists, maps and shorthands)."""
    found: set[tuple[str, str]] = set()

    def is_text(node: dict[str, Any]) -> bool:
        node, _ = _resolve(node, schema)
        if node.get("maxLength") in TEXT_KINDS:
            return True
        parts = node.get("anyOf", []) + ([node["items"]] if "items" in node else []) + \
            list(node.get("patternProperties", {}).values()) + \
            ([node["additionalProperties"]] if isinstance(node.get("additionalProperties"), dict) else [])
        return any(is_text(part) for part in parts if "$ref" not in part)

    for owner, definition in [("Document", schema)] + list(schema["$defs"].items()):
        for field, node in definition.get("properties", {}).items():
            if is_text(node):
                found.add((owner, field))
    return found


def documents() -> list[tuple[Path, dict[str, Any], dict[str, Any]]]:
    """(file, data, schema) of each document of `documents/`."""
    found = []
    for path in sorted(DOCUMENTS.glob("*.yaml")):
        data = load_file(path).data
        found.append((path, data, generate(data["kind"])))
    return found


def test_the_documents_give_every_text_field_of_the_model_a_value() -> None:
    declared: set[tuple[str, str]] = set()
    given: set[tuple[str, str]] = set()
    for _, data, schema in documents():
        declared |= declared_text_fields(schema)
        given |= {field for _, _, field in text_values(data, schema, schema)}
    assert {("Document", "title"), ("Party", "name"), ("Action", "description")} <= declared
    assert declared - given == set(), "add these fields to a document in tests/hostile/documents/"


# -- building with a payload in every text field ----------------------------------------------


def with_text(data: Any, schema: dict[str, Any], text: str) -> Any:
    """The document's data with every text value replaced by `text`."""
    data = json.loads(json.dumps(data))
    for path, _, _ in list(text_values(data, schema, schema)):
        container = data
        for part in path[:-1]:
            container = container[part]
        container[path[-1]] = text
    return data


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each document built to every format, once with the payload and once with plain text."""
    folders = {}
    for variant, text in (("hostile", PAYLOAD), ("plain", PLAIN)):
        source = tmp_path_factory.mktemp(f"{variant}-sources")
        files = []
        for path, data, schema in documents():
            # JSON is YAML: the document's data is written back exactly, whatever its text.
            files.append(source / path.name)
            files[-1].write_text(json.dumps(with_text(data, schema, text), ensure_ascii=False), encoding="utf-8")
        out = tmp_path_factory.mktemp(variant)
        run = measured(["build", *map(str, files), "--to", "html,docx,pdf", "--out", str(out)], hang_seconds=120)
        assert run.status == 0, run.output
        folders[variant] = out
    return folders


class _Elements(HTMLParser):
    """The elements of an HTML page with the names of their attributes, and every attribute value."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.shapes: set[tuple[str, tuple[str, ...]]] = set()
        self.attributes: list[tuple[str, str, str]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.shapes.add((tag, tuple(sorted(name for name, _ in attrs))))
        self.attributes.extend((tag, name, value or "") for name, value in attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parsed(html: Path) -> _Elements:
    parser = _Elements()
    parser.feed(html.read_text(encoding="utf-8"))
    parser.close()
    return parser


@pytest.mark.parametrize("document", ["every-field", "every-field-plan"])
def test_html_has_no_element_or_attribute_the_template_did_not_write(builds: dict[str, Path], document: str) -> None:
    hostile, plain = parsed(builds["hostile"] / f"{document}.html"), parsed(builds["plain"] / f"{document}.html")
    assert hostile.shapes == plain.shapes
    names = {(tag, name) for tag, names in hostile.shapes for name in names}
    assert not any(tag == "script" or name.startswith("on") or name == "http-equiv" for tag, name in names)
    assert "script" not in {tag for tag, _ in hostile.shapes}


@pytest.mark.parametrize("document", ["every-field", "every-field-plan"])
def test_html_carries_the_payload_whole_in_attributes_and_text(builds: dict[str, Path], document: str) -> None:
    page = parsed(builds["hostile"] / f"{document}.html")
    authors = [value for tag, name, value in page.attributes if tag == "meta" and name == "content"]
    assert PAYLOAD in authors  # escaped for the attribute, not cut short or stripped
    assert PAYLOAD in " ".join(" ".join(page.text).split())


def _xml_parts(docx: Path) -> dict[str, ElementTree.Element]:
    with zipfile.ZipFile(docx) as archive:
        return {name: ElementTree.fromstring(archive.read(name)) for name in archive.namelist()
                if name.endswith((".xml", ".rels"))}


@pytest.mark.parametrize("document", ["every-field", "every-field-plan"])
def test_word_has_the_elements_and_attributes_of_the_plain_document(builds: dict[str, Path], document: str) -> None:
    hostile, plain = _xml_parts(builds["hostile"] / f"{document}.docx"), _xml_parts(builds["plain"] / f"{document}.docx")
    assert hostile.keys() == plain.keys()

    def shapes(root: ElementTree.Element) -> set[tuple[str, tuple[str, ...]]]:
        # An optional hyphen is the layout's, in a word wider than its table column (the payload's
        # long words are; the plain words are not): not markup that text brought in.
        return {(element.tag, tuple(sorted(element.attrib))) for element in root.iter() if element.tag != SOFT_HYPHEN}

    for name in hostile:
        assert shapes(hostile[name]) == shapes(plain[name]), name
    title = hostile["docProps/core.xml"].find("{http://purl.org/dc/elements/1.1/}title")
    assert title is not None and title.text == PAYLOAD


@pytest.mark.parametrize("document", ["every-field", "every-field-plan"])
def test_pdf_carries_the_payload_as_text_and_title(builds: dict[str, Path], document: str) -> None:
    reader = PdfReader(io.BytesIO((builds["hostile"] / f"{document}.pdf").read_bytes()))
    assert reader.metadata is not None and reader.metadata.title == PAYLOAD
    text = " ".join(" ".join(page.extract_text() or "" for page in reader.pages).split())
    assert "onload=" in text and "<script>" in text
