"""The committed JSON Schemas: fresh, and accepting every example under an independent validator.

The examples are checked with the `check-jsonschema` command (a different
implementation from pydantic), so that the schemas editors use agree with the
documents the project ships, and a broken document must fail that check too.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from agreement.model import KINDS
from agreement.schemas import file_name, render, schema_dir, stale_schemas

from .model.support import agreement

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = ROOT / "schemas"
EXAMPLES = ROOT / "examples"
DOCUMENTS = ROOT / "tests" / "e2e" / "documents"
"""Documents the real-client tests build: for the kinds the examples do not show yet, because
no public source of that kind has been transcribed."""
CHECK_JSONSCHEMA = Path(sys.executable).with_name("check-jsonschema")


def kind_of(path: Path) -> str | None:
    """The `kind:` a YAML file declares at top level, if any."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("kind:"):
            return line.split(":", 1)[1].split("#")[0].strip()
    return None


def examples_by_kind(*folders: Path) -> dict[str, list[Path]]:
    found: dict[str, list[Path]] = {kind: [] for kind in KINDS}
    for path in sorted(path for folder in folders or (EXAMPLES,) for path in folder.rglob("*.y*ml")):
        kind = kind_of(path)
        if kind in found:
            found[kind].append(path)
    return found


def check_jsonschema(kind: str, files: list[Path]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(CHECK_JSONSCHEMA), "--schemafile", str(SCHEMAS / file_name(kind)),
                           *map(str, files)], capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_committed_schema_matches_the_model(kind: str) -> None:
    committed = (SCHEMAS / file_name(kind)).read_text(encoding="utf-8")
    assert committed == render(kind), f"schemas/{file_name(kind)} is stale: run `agreement schema`"


def test_the_package_finds_the_committed_schemas() -> None:
    assert schema_dir().resolve() == SCHEMAS.resolve()
    assert stale_schemas(SCHEMAS) == []


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_examples_validate_against_their_schema(kind: str) -> None:
    """Every example and test document of a kind."""
    done = check_jsonschema(kind, examples_by_kind(EXAMPLES, DOCUMENTS)[kind])
    assert done.returncode == 0, done.stdout + done.stderr


def test_there_are_documents_of_every_kind() -> None:
    """Each kind has an example, or a test document that the real-client tests build."""
    assert all(examples_by_kind(EXAMPLES, DOCUMENTS).values()), examples_by_kind(EXAMPLES, DOCUMENTS)


@pytest.mark.parametrize("mistake, expected", [
    (("owner: polisen", "ownr: polisen"), "Additional properties are not allowed ('ownr' was unexpected)"),
    (("type: police", "type: polis"), "'polis' is not one of"),
    (("title: Trygghetsvandringar", "titel: Trygghetsvandringar"), "'title' is a required property"),
])
def test_a_broken_document_fails_the_independent_check(mistake: tuple[str, str], expected: str,
                                                       tmp_path: Path) -> None:
    text = agreement("focus_areas:\n  - {id: a, title: B, actions: [{title: Trygghetsvandringar, owner: polisen}]}\n")
    assert mistake[0] in text
    broken = tmp_path / "broken.yaml"
    broken.write_text(text.replace(mistake[0], mistake[1]), encoding="utf-8")
    done = check_jsonschema("agreement", [broken])
    assert done.returncode == 1
    assert expected in done.stdout


@pytest.mark.parametrize("kind", ["agreement", "action-plan"])
def test_every_key_has_a_description_and_an_example(kind: str) -> None:
    """Editors show a key's description and example while people type: none may lack them."""
    schema = json.loads(render(kind))
    objects = {kind: schema, **schema["$defs"]}
    lacking = [
        f"{name}.{key}"
        for name, definition in objects.items()
        for key, prop in definition.get("properties", {}).items()
        if not prop.get("description") or not prop.get("examples") or None in prop["examples"]
    ]
    assert lacking == []
