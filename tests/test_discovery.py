"""Finding documents in folders: what is taken, what is passed over and counted, and the
look-alikes (a document that lost its `kind:`) that are reported instead of skipped."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from agreement.cli import app
from agreement.discovery import find_documents, is_our_kind, looks_like_document, misspelt_kind

from .model.support import agreement

DOCUMENT = agreement()
WITHOUT_KIND = DOCUMENT.replace("kind: agreement\n", "")
NOT_DOCUMENTS = {
    "mkdocs.yml": "site_name: Planer\nnav: [index.md]\n",
    "workflow.yaml": "name: lint\non: [push]\njobs:\n  lint: {runs-on: ubuntu-latest}\n",
    "graphql.config.yml": "schema: ./schema.graphql\n",
    "compose.yaml": "services:\n  web: {image: nginx}\n",
    "notes.yaml": "# Period: 2015–2018\ntitle: Anteckningar\n",
    "deployment.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n",
    "catalog-info.yaml": "apiVersion: backstage.io/v1alpha1\nkind: 'Component'\nspec: {owner: team}\n",
}


@pytest.mark.parametrize("key", ["Kind", "KIND", "knd", "kinds", "kidn", "kimd", "kind_"])
def test_a_misspelt_kind_is_recognised(key: str) -> None:
    assert misspelt_kind(key)


@pytest.mark.parametrize("key", ["kind", "kindness", "kid_name", "title", "k", "types"])
def test_other_keys_are_not_a_misspelt_kind(key: str) -> None:
    assert not misspelt_kind(key)


@pytest.mark.parametrize("head", [
    "knd: agreement\nschema: 1\n", "Kind: agreement\n", "parties: []\n", "focus_areas:\n  - id: a\n",
    '"areas": []\n', "period: {start: 2016-01-01, end: 2016-12-31}\n", "title: x\nschema: 1  # format\n",
    "\ufeffpromises: []\n",
])
def test_a_document_without_kind_looks_like_one(head: str) -> None:
    assert looks_like_document(head.encode())


@pytest.mark.parametrize("name", sorted(NOT_DOCUMENTS))
def test_other_yaml_does_not_look_like_a_document(name: str) -> None:
    assert not looks_like_document(NOT_DOCUMENTS[name].encode())


@pytest.mark.parametrize("kind", ["agreement", "agrement", "follow-up", "foo", "Agreement", "AGREEMENT",
                                  "Handlingsplan", "riktlinje", "Medborgarlöfte", ""])
def test_a_kind_written_or_meant_as_ours_is_taken(kind: str) -> None:
    """Every lower-case value is taken (so a typo is reported, not skipped), and a value that
    "did you mean" takes for one of ours."""
    assert is_our_kind(kind.encode())


@pytest.mark.parametrize("kind", ["Deployment", "ConfigMap", "Kustomization", "Component", "CustomResourceDefinition"])
def test_another_tools_kind_is_not_ours(kind: str) -> None:
    assert not is_our_kind(kind.encode())


def test_another_tools_kind_with_a_documents_key_is_taken(tmp_path: Path) -> None:
    (tmp_path / "lost.yaml").write_text("kind: Deployment\nparties: []\n", encoding="utf-8")
    (tmp_path / "capital.yaml").write_text(DOCUMENT.replace("kind: agreement", "kind: Agreement"), encoding="utf-8")
    assert find_documents([tmp_path]).files == [tmp_path / "capital.yaml", tmp_path / "lost.yaml"]


def test_a_document_written_as_json_is_found_by_its_kind(tmp_path: Path) -> None:
    """A script may write a plan as JSON, which is YAML too: its keys are indented, so they are
    read by parsing it; another tool's JSON is passed over, a lost kind is still reported."""
    import json

    from ruamel.yaml import YAML

    plan = dict(YAML(typ="safe").load(DOCUMENT))
    (tmp_path / "plan.yaml").write_text(json.dumps(plan, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    lost = {key: value for key, value in plan.items() if key != "kind"}
    (tmp_path / "lost.yaml").write_text("\ufeff" + json.dumps(lost, indent=2, default=str), encoding="utf-8")
    (tmp_path / "deployment.yaml").write_text('{\n  "kind": "Deployment",\n  "spec": {}\n}\n', encoding="utf-8")
    (tmp_path / "versioned.yaml").write_text('{"schema": 1, "id": "x"}', encoding="utf-8")
    (tmp_path / "list.yaml").write_text('[{"kind": "agreement"}]\n', encoding="utf-8")
    (tmp_path / "deep.yaml").write_text('{"a": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    (tmp_path / "long.yaml").write_text('{"title": "' + "x" * (1 << 20) + '", "kind": "agreement"}', encoding="utf-8")
    found = find_documents([tmp_path])
    assert found.files == [tmp_path / "long.yaml", tmp_path / "lost.yaml", tmp_path / "plan.yaml",
                           tmp_path / "versioned.yaml"]  # too long to read whole: checked, not passed over
    assert found.skipped == [tmp_path / "deep.yaml", tmp_path / "deployment.yaml", tmp_path / "list.yaml"]


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    """A folder of plans: a document, two look-alikes, and YAML that is not a document."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "agreement.yaml").write_text(DOCUMENT, encoding="utf-8")
    (tmp_path / "sub" / "knd.yaml").write_text(DOCUMENT.replace("kind: agreement", "knd: agreement"), encoding="utf-8")
    (tmp_path / "sub" / "lost.yml").write_text(WITHOUT_KIND, encoding="utf-8")
    for name, text in NOT_DOCUMENTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_look_alikes_are_taken_and_other_yaml_is_counted(plans: Path) -> None:
    found = find_documents([plans])
    assert found.files == [plans / "agreement.yaml", plans / "sub" / "knd.yaml", plans / "sub" / "lost.yml"]
    assert sorted(path.name for path in found.skipped) == sorted(NOT_DOCUMENTS)


def run(*args: str):  # noqa: ANN201 - click's Result
    return CliRunner().invoke(app, list(args), env={"GITHUB_ACTIONS": ""})


def test_validate_reports_look_alikes_at_their_line_and_counts_the_rest(plans: Path) -> None:
    result = run("validate", str(plans))
    assert result.exit_code == 1
    heads = [line for line in result.stdout.splitlines() if line.startswith(str(plans))]
    assert heads == [f"{plans}/sub/knd.yaml:1:1: S206 missing `kind`: found 'knd' instead",
                     f"{plans}/sub/lost.yml:1:1: S206 missing `kind`: say what this document is"]
    assert "= hint: did you mean 'kind'?" in result.stdout
    assert result.stderr == "2 files of 3 invalid: 2 problems; 7 YAML files that are not documents skipped\n"


def test_lint_counts_what_it_skipped(plans: Path) -> None:
    result = run("lint", "--today", "2016-06-15", "--format", "json", str(plans))
    assert result.exit_code == 1
    assert result.stderr.endswith("; 7 YAML files that are not documents skipped\n")
    text = run("lint", "--today", "2016-06-15", str(plans))
    assert text.stderr == "7 YAML files that are not documents skipped\n"


def test_the_hook_fails_on_a_look_alike_and_skips_other_yaml(plans: Path) -> None:
    """pre-commit passes every changed YAML file with --only-documents."""
    named = [str(plans / "agreement.yaml"), str(plans / "sub" / "knd.yaml"), str(plans / "mkdocs.yml")]
    result = run("lint", "--today", "2016-06-15", "--only-documents", *named)
    assert result.exit_code == 1
    assert f"{plans}/sub/knd.yaml:1:1: S206 missing `kind`: found 'knd' instead" in result.stdout
    assert "mkdocs.yml" not in result.stdout
    assert result.stderr == "1 YAML file that is not a document skipped\n"


def test_build_reports_look_alikes_as_invalid_and_counts_the_rest(plans: Path, tmp_path_factory) -> None:
    out = tmp_path_factory.mktemp("out")
    result = run("build", str(plans), "--to", "md", "--out", str(out), "--jobs", "1")
    assert result.exit_code == 1
    assert f"invalid: {plans}/sub/knd.yaml" in result.stdout and f"invalid: {plans}/sub/lost.yml" in result.stdout
    assert result.stderr.endswith("1 built, 2 invalid, 7 YAML files that are not documents skipped\n")
