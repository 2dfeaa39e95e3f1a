"""`agreement new`: every kind and every example scaffolds a valid document whose `$schema` line
keeps resolving when the file is moved, TODOs that lint lists, and no file overwritten."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from agreement import cli, scaffold
from agreement.diagnostics import Severity
from agreement.lint.config import Choices
from agreement.lint.engine import lint_paths
from agreement.loading import load_file
from agreement.model import KINDS
from agreement.schemas import file_name, render
from agreement.validation import check_file

from .lint.support import TODAY

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = Path(sys.executable).with_name("agreement")
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(?P<reference>\S+)\n", re.MULTILINE)
LUND = ["--municipality", "Lunds kommun", "--police", "Lokalpolisområde Lund"]


def agreement(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([str(SCRIPT), *args], capture_output=True, text=True, cwd=cwd, timeout=120)
    assert "Traceback" not in done.stdout + done.stderr
    return done


def resolve_schema(document: Path) -> Path:
    """The schema file an editor finds from the document's first line, as the YAML language server
    resolves it: a URL is fetched, so it must name the file committed in this repository's
    schemas/ at the release's tag; a path is read relative to the document's folder."""
    found = MODELINE.search(document.read_text(encoding="utf-8"))
    assert found, "the first line is not a yaml-language-server modeline"
    reference = found["reference"]
    if not reference.startswith("https://"):
        return (document.parent / reference).resolve()
    url = re.fullmatch(r"https://raw\.githubusercontent\.com/(?P<owner>[^/]+)/(?P<name>[^/]+)/(?P<tag>[^/]+)/(?P<path>.+)",
                       reference)
    assert url, reference
    assert f"https://github.com/{url['owner']}/{url['name']}" == PROJECT["urls"]["Repository"]
    assert url["tag"] == f"v{PROJECT['version']}"
    return ROOT / url["path"]


def kind_schema(kind: str) -> Path:
    return ROOT / "schemas" / file_name(kind)


def lint_codes(path: Path) -> list[str]:
    return [d.code for d in lint_paths([path], today=TODAY, choices=Choices(), jobs=1).diagnostics]


def test_the_issues_command_writes_a_valid_file_whose_schema_resolves_after_a_move(tmp_path: Path) -> None:
    repository = tmp_path / "plans-repository"
    repository.mkdir()
    done = agreement("new", "--kind", "agreement", *LUND, "--period", "2026-2027", "--id", "lund-2026",
                     cwd=repository)
    assert done.returncode == 0, done.stderr
    written = repository / "lund-2026.yaml"
    assert agreement("validate", str(written), cwd=repository).returncode == 0
    data = load_file(written).data
    assert (data["id"], data["period"], data["parties"][0]["name"], data["parties"][1]["name"]) == \
        ("lund-2026", {"start": 2026, "end": 2027}, "Lunds kommun", "Lokalpolisområde Lund")

    moved = repository / "lund" / "2026" / "agreement.yaml"
    moved.parent.mkdir(parents=True)
    written.rename(moved)
    schema = resolve_schema(moved)
    assert schema == kind_schema("agreement") and schema.is_file()
    assert schema.read_text(encoding="utf-8") == render("agreement")
    assert json.loads(schema.read_text(encoding="utf-8"))["$id"] == MODELINE.match(moved.read_text())["reference"]  # type: ignore[index]


@pytest.mark.parametrize("example", sorted((ROOT / "examples").glob("*/*.yaml")), ids=lambda p: p.stem)
def test_the_examples_keep_their_relative_schema_lines(example: Path) -> None:
    assert resolve_schema(example) == kind_schema(load_file(example).data["kind"])


@pytest.mark.parametrize("period", [None, "2026", "2026-2029", "2026-03-01..2027-02-28"])
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_scaffolds_a_valid_canonical_document_with_todos(kind: str, period: str | None,
                                                                    tmp_path: Path) -> None:
    args = ["new", "--no-input", "--kind", kind, "--municipality", "Lunds kommun"]
    args += ["--police", "Lokalpolisområde Lund"] if kind in scaffold.KINDS_WITH_POLICE else []
    args += ["--period", period] if period else []
    result = CliRunner().invoke(cli.app, [*args, "--out", str(tmp_path / "new.yaml")])
    assert result.exit_code == 0, result.output
    path = tmp_path / "new.yaml"
    assert not [d for d in check_file(path).diagnostics if d.severity is Severity.ERROR]
    assert load_file(path).data["kind"] == kind
    assert resolve_schema(path) == kind_schema(kind)
    assert CliRunner().invoke(cli.app, ["fmt", "--check", str(path)]).exit_code == 0
    assert "L403" in lint_codes(path)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_todo_that_would_print_is_reported_by_lint(kind: str, tmp_path: Path) -> None:
    """Never a TODO printed silently: each value that says TODO is one L403 finding, and the built
    Markdown shows them (nothing made up stands in their place)."""
    from .render.conftest import markdown_of

    path = tmp_path / "new.yaml"
    police = ["--police", "Lokalpolisområde Lund"] if kind in scaffold.KINDS_WITH_POLICE else []
    CliRunner().invoke(cli.app, ["new", "--no-input", "--kind", kind, "-m", "Lunds kommun", *police,
                                 "--period", "2026", "-o", str(path)])
    strings = [value for value in _strings(load_file(path).data) if "TODO" in value]
    assert strings and lint_codes(path).count("L403") == len(strings)
    assert "TODO" in markdown_of(path)


def _strings(data: object) -> list[str]:
    if isinstance(data, str):
        return [data]
    values = data.values() if isinstance(data, dict) else data if isinstance(data, list) else []
    return [text for value in values for text in _strings(value)]


@pytest.mark.parametrize("example", sorted(scaffold.examples()))
def test_every_bundled_example_can_be_copied_with_new_facts(example: str, tmp_path: Path) -> None:
    source = scaffold.examples()[example]
    result = CliRunner().invoke(cli.app, ["new", "--no-input", "--from", example, *LUND, "--period", "2026-2029",
                                          "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    [path] = tmp_path.glob("*.yaml")
    data, original = load_file(path).data, load_file(source).data
    assert path.name == f"{data['id']}.yaml" and data["id"].startswith("lund-") and data["id"].endswith("-2026-2029")
    assert data["period"] == {"start": 2026, "end": 2029}
    names = {party["type"]: party["name"] for party in data["parties"]}
    assert names["municipality"] == "Lunds kommun" and names["police"] == "Lokalpolisområde Lund"
    assert "Lunds kommun" in data["title"]
    for key in set(original) - {"id", "title", "period", "parties"}:
        assert data[key] == original[key], key
    assert not [d for d in check_file(path).diagnostics if d.severity is Severity.ERROR]
    text, before = path.read_text(encoding="utf-8"), source.read_text(encoding="utf-8")
    assert text.count("# agreement: ignore[") == before.count("# agreement: ignore[")
    assert resolve_schema(path) == kind_schema(data["kind"])


def test_out_names_a_file_or_a_folder_made_as_needed(tmp_path: Path) -> None:
    for out, written in ((f"{tmp_path}/plans/", "plans/lund-2026.yaml"), (f"{tmp_path}/a/b.yaml", "a/b.yaml")):
        result = CliRunner().invoke(cli.app, ["new", "--no-input", "-m", "Lunds kommun", "--period", "2026", "-o", out])
        assert result.exit_code == 0, result.output
        assert (tmp_path / written).is_file()


def test_a_copy_without_new_facts_keeps_the_examples_id(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli.app, ["new", "--no-input", "--from", "malmo-2011", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert load_file(tmp_path / "malmo-2011.yaml").data["title"] == "Fem Fokus för ökad trygghet i Malmö"


def test_an_existing_file_is_never_overwritten(tmp_path: Path) -> None:
    existing = tmp_path / "lund-2026-2027.yaml"
    existing.write_text("mine\n", encoding="utf-8")
    done = agreement("new", *LUND, "--period", "2026-2027", "--no-input", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == "error: lund-2026-2027.yaml already exists; choose another --out, or remove it first\n"
    assert existing.read_text(encoding="utf-8") == "mine\n"
    with pytest.raises(FileExistsError):
        scaffold.create(existing, b"theirs\n")
    assert existing.read_text(encoding="utf-8") == "mine\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lund-2026-2027.yaml"]


@pytest.mark.parametrize(("args", "message"), [
    (["--kind", "agreement"], "give the municipality with --municipality"),
    (["--kind", "avtal", "-m", "Lunds kommun"], "unknown kind 'avtal'"),
    (["--kind", "guidelines", *LUND], "guidelines have one party, the municipality: leave out --police"),
    (["-m", "Lunds kommun", "--period", "2027-2026"], "period '2027-2026' ends before it starts"),
    (["-m", "Lunds kommun", "--period", "2026-13-01..2027-01-01"], "write the days as YYYY-MM-DD..YYYY-MM-DD"),
    (["-m", "Lunds kommun", "--period", "nästa år"], "write a year (2026), years (2026-2027) or days"),
    (["-m", "Lunds kommun", "--id", "lund 2026"], "id 'lund 2026': use letters, digits"),
    (["--from", "eslov-2015"], "no bundled example 'eslov-2015'; did you mean 'eslov-2015-2018'?"),
    (["--from", "ljusdal-2014", "--kind", "agreement"], "ljusdal-2014 is of kind action-plan, not agreement"),
])
def test_choices_that_make_no_document_exit_2(args: list[str], message: str, tmp_path: Path) -> None:
    done = agreement("new", "--no-input", *args, cwd=tmp_path)
    assert done.returncode == 2 and message in done.stderr, done.stderr
    assert list(tmp_path.iterdir()) == []


def test_on_a_terminal_it_asks_for_what_the_options_leave_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "_asks", lambda: True)
    monkeypatch.chdir(tmp_path)
    answers = "citizen-promises\nEslövs kommun\n\n2026\n\n\n"  # the police area, the id and the file as suggested
    result = CliRunner().invoke(cli.app, ["new"], input=answers)
    assert result.exit_code == 0, result.output
    data = load_file(tmp_path / "eslov-medborgarloften-2026.yaml").data
    assert data["kind"] == "citizen-promises" and data["period"] == 2026
    assert [party["name"] for party in data["parties"]] == ["Eslövs kommun", "Lokalpolisområde Eslöv"]


def test_the_help_shows_the_issues_example() -> None:
    result = CliRunner().invoke(cli.app, ["new", "--help"])
    assert result.exit_code == 0 and "--period 2026-2027 --id lund-2026" in result.output


@pytest.mark.parametrize(("municipality", "place", "party"), [
    ("Lunds kommun", "Lund", "lund"), ("Eslövs kommun", "Eslöv", "eslov"), ("Malmö stad", "Malmö", "malmo"),
    ("Vännäs kommun", "Vännäs", "vannas"), ("Hofors kommun", "Hofors", "hofors"), ("Grums kommun", "Grums", "grums"),
    ("Göteborgs stad", "Göteborg", "goteborg"), ("Region Skåne", "Region Skåne", "region-skane"),
])
def test_the_place_and_party_id_of_a_municipality(municipality: str, place: str, party: str) -> None:
    assert (scaffold.place_name(municipality), scaffold.party_id(municipality)) == (place, party)


@pytest.mark.parametrize(("text", "written"), [
    ("2026", "2026"), ("2026-2027", "{start: 2026, end: 2027}"), ("2026–2027", "{start: 2026, end: 2027}"),
    ("2026-03-01..2027-02-28", "{start: 2026-03-01, end: 2027-02-28}"),
])
def test_periods(text: str, written: str) -> None:
    assert scaffold.parse_period(text).written == written
