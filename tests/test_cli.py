"""The command line as users run it: files and folders, exit statuses, schema, explain and help."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from agreement.cli import app
from agreement.codes import CODES

from .model.support import agreement

SCRIPT = Path(sys.executable).with_name("agreement")
VALID = agreement("""
focus_areas:
  - id: offentlig-miljo
    title: Trygghet i offentlig miljö
    actions:
      - {title: Trygghetsvandringar, owner: eslov/tillvaxt, follow_up: 2016-12-31}
""")


def invoke(*args: str):  # noqa: ANN201 - click's Result
    return CliRunner().invoke(app, list(args))


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A repository of plans: documents in nested folders, and YAML files that are not documents."""
    write(tmp_path / "eslov" / "agreement.yaml", VALID)
    write(tmp_path / "eslov" / "2016" / "plan.yml", VALID.replace("kind: agreement", "kind: action-plan")
          .replace("focus_areas:", "areas:").replace("owner: eslov/tillvaxt", "owner: eslov/tilvaxt"))
    write(tmp_path / "ljusdal" / "agreement.yaml", VALID.replace("title: Trygghetsvandringar", "titel: Trygghetsvandringar")
          .replace("type: police", "type: polis"))
    write(tmp_path / ".pre-commit-config.yaml", "repos:\n  - repo: local\n")
    write(tmp_path / "mkdocs.yml", "site_name: Planer\nnav: [index.md\n")  # broken, but not a document
    write(tmp_path / ".github" / "workflow.yaml", VALID.replace("schema: 1", "schema: 9"))  # hidden folder
    write(tmp_path / "node_modules" / "x.yaml", "kind: agreement\n")
    write(tmp_path / "notes.txt", "kind: agreement\n")
    return tmp_path


def test_valid_file_exits_0(tmp_path: Path) -> None:
    result = invoke("validate", str(write(tmp_path / "a.yaml", VALID)))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "1 file valid\n")


def test_folder_is_searched_recursively_and_every_problem_is_reported(tree: Path) -> None:
    result = invoke("validate", str(tree))
    assert result.exit_code == 1
    heads = [line for line in result.stdout.splitlines() if line.startswith(str(tree))]
    assert heads == [
        f"{tree}/eslov/2016/plan.yml:19:45: R301 owner 'eslov/tilvaxt': party 'eslov' has no unit 'tilvaxt'",
        f"{tree}/ljusdal/agreement.yaml:13:55: S204 'polis' is not one of: municipality, police, region, "
        "rescue-service, housing, other",
        f"{tree}/ljusdal/agreement.yaml:19:9: S202 missing required key 'title' in focus_areas[0].actions[0]",
        f"{tree}/ljusdal/agreement.yaml:19:10: S201 unknown key 'titel' in focus_areas[0].actions[0]",
    ]
    # mkdocs.yml; a hidden file such as .pre-commit-config.yaml is a tool's, never counted
    assert result.stderr == "2 files of 3 invalid: 4 problems; 1 YAML file that is not a document skipped\n"


def test_files_and_folders_together_each_file_once(tree: Path) -> None:
    result = invoke("validate", str(tree / "eslov"), str(tree / "eslov" / "agreement.yaml"), "--quiet")
    assert result.exit_code == 1
    assert result.stdout.count("R301") == 1 and result.stderr == ""


def test_a_file_named_on_the_command_line_must_be_a_document(tree: Path) -> None:
    result = invoke("validate", str(tree / ".pre-commit-config.yaml"))
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{tree}/.pre-commit-config.yaml:1:1: S206 missing `kind`: say what this document is")


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    result = invoke("validate", str(tmp_path / "missing.yaml"))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"error: {tmp_path}/missing.yaml: no such file or folder\n"


def test_folder_without_documents_is_a_usage_error(tmp_path: Path) -> None:
    write(tmp_path / "mkdocs.yml", "site_name: Planer\n")
    result = invoke("validate", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr == "error: no documents found (YAML files with a `kind:` key)\n"


def test_unreadable_file_is_an_input_output_error(tmp_path: Path) -> None:
    path = tmp_path / "socket.yaml"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        result = invoke("validate", str(path), str(write(tmp_path / "ok.yaml", VALID)))
    assert result.exit_code == 2
    assert result.stdout.startswith(f"{path}: Y101 cannot read file: ")


def test_no_arguments_shows_how_to_call_it() -> None:
    result = invoke("validate")
    assert result.exit_code == 2 and "Missing argument" in result.stderr


def test_console_script_checks_many_files_across_processes(tree: Path) -> None:
    """Enough files for the process pool; every file's problem is reported, in path order."""
    broken = (tree / "ljusdal" / "agreement.yaml").read_text(encoding="utf-8")
    for number in range(20):
        write(tree / "many" / f"plan-{number:02d}.yaml", broken)
    done = subprocess.run([str(SCRIPT), "validate", "--jobs", "2", str(tree)], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert done.stderr == "22 files of 23 invalid: 64 problems; 1 YAML file that is not a document skipped\n"
    files = [line.split(":")[0] for line in done.stdout.splitlines() if line.startswith(str(tree))]
    assert files == sorted(files) and len(set(files)) == 22


def test_python_dash_m_runs_the_same_command(tmp_path: Path) -> None:
    path = write(tmp_path / "a.yaml", VALID)
    done = subprocess.run([sys.executable, "-m", "agreement", "validate", str(path)], capture_output=True,
                          text=True, timeout=60)
    assert (done.returncode, done.stderr) == (0, "1 file valid\n")


# -- schema -------------------------------------------------------------------------


def test_schema_check_passes_when_fresh_and_fails_when_stale(tmp_path: Path) -> None:
    written = invoke("schema", "--out", str(tmp_path))
    assert written.exit_code == 0
    assert written.stdout.splitlines() == [f"wrote {tmp_path / name}" for name in (
        "agreement.schema.json", "action-plan.schema.json", "guidelines.schema.json", "citizen-promises.schema.json",
        "follow-up.schema.json")]
    fresh = invoke("schema", "--check", "--out", str(tmp_path))
    assert (fresh.exit_code, fresh.stdout) == (0, "")
    stale = tmp_path / "agreement.schema.json"
    stale.write_text(stale.read_text(encoding="utf-8").replace("Focus areas", "Areas"), encoding="utf-8")
    (tmp_path / "action-plan.schema.json").unlink()
    checked = invoke("schema", "--check", "--out", str(tmp_path))
    assert checked.exit_code == 1
    assert checked.stdout.splitlines() == [
        f"{tmp_path / 'agreement.schema.json'}: out of date; run `agreement schema` to regenerate it",
        f"{tmp_path / 'action-plan.schema.json'}: out of date; run `agreement schema` to regenerate it",
    ]


def test_schema_into_a_path_that_is_a_file_is_an_error(tmp_path: Path) -> None:
    blocker = write(tmp_path / "schemas", "not a folder")
    result = invoke("schema", "--out", str(blocker))
    assert result.exit_code == 2 and result.stderr.startswith(f"error: {blocker}: ")


# -- explain --------------------------------------------------------------------------


def test_explain_a_code_and_a_name() -> None:
    by_code = invoke("explain", "S201")
    assert by_code.exit_code == 0
    assert by_code.stdout.startswith("S201 unknown-key: A key the document model does not have")
    assert "## Example" in by_code.stdout and "ownr: eslov/tillvaxt" in by_code.stdout
    assert invoke("explain", "unknown-key").stdout == by_code.stdout
    assert invoke("explain", "s201").stdout == by_code.stdout


def test_explain_as_json() -> None:
    result = invoke("explain", "R304", "--format", "json")
    entry = json.loads(result.stdout)
    assert (result.exit_code, entry["code"], entry["name"]) == (0, "R304", "follow-up-outside-period")
    assert set(entry) == {"code", "name", "summary", "doc"}


@pytest.mark.parametrize("args, message", [
    (["explain", "X999"], "error: unknown code 'X999'; `agreement explain --list` lists them\n"),
    (["explain", "S201", "--format", "xml"], "error: unknown format 'xml': use text, json or markdown\n"),
    (["explain", "--list", "--format", "xml"], "error: unknown format 'xml': use text, json or markdown\n"),
])
def test_explain_usage_errors(args: list[str], message: str) -> None:
    result = invoke(*args)
    assert (result.exit_code, result.stderr) == (2, message)


def test_explain_list_names_every_validation_code() -> None:
    result = invoke("explain", "--list")
    codes = [line.split()[0] for line in result.stdout.splitlines()]
    assert result.exit_code == 0 and set(CODES) <= set(codes)
    assert "S201  unknown-key" in result.stdout


def test_explain_list_as_json_is_every_entry_in_full() -> None:
    """Validation codes and lint rules alike, each the object `explain CODE --format json` prints."""
    from agreement.lint.registry import RULES

    result = invoke("explain", "--list", "--format", "json")
    entries = json.loads(result.stdout)
    assert result.exit_code == 0
    assert [entry["code"] for entry in entries] == sorted(CODES) + list(RULES)
    for entry in (entries[0], entries[-1]):
        assert entry == json.loads(invoke("explain", entry["code"], "--format", "json").stdout)
    assert all(entry["name"] and entry["summary"] and entry["doc"] for entry in entries)


DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_the_documentation_pages_of_the_codes_are_fresh(tmp_path: Path) -> None:
    """docs/codes.md and docs/rules/*.md are what SARIF reports link to; `make docs` regenerates them."""
    result = invoke("explain", "--pages", str(tmp_path))
    assert result.exit_code == 0, result.output
    written = sorted(path.relative_to(tmp_path) for path in tmp_path.rglob("*.md"))
    committed = sorted(path.relative_to(DOCS) for path in [DOCS / "codes.md", *(DOCS / "rules").glob("*.md")])
    assert written == committed, "docs/rules is stale: run `make docs`"
    for name in written:
        assert (tmp_path / name).read_text(encoding="utf-8") == (DOCS / name).read_text(encoding="utf-8"), \
            f"docs/{name} is stale: run `make docs`"


# -- help -----------------------------------------------------------------------------


def command_names() -> list[str]:
    return sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def test_the_foundation_commands_exist() -> None:
    assert {"validate", "schema", "explain"} <= set(command_names())


@pytest.mark.parametrize("name", command_names())
def test_every_command_help_shows_an_example(name: str) -> None:
    result = invoke(name, "--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout and f"agreement {name}" in result.stdout


def test_top_level_help_and_version() -> None:
    result = invoke("--help")
    assert result.exit_code == 0 and "guidelines (riktlinjer)" in " ".join(result.stdout.split())
    assert "  agreement lint plans\n" in result.stdout and "agreement COMMAND --help" in result.stdout
    assert all(name in result.stdout for name in command_names())
    version = invoke("--version")
    assert version.exit_code == 0 and version.stdout.startswith("agreement ")


def test_the_version_is_the_installed_samverkan_distribution() -> None:
    """The command is `agreement`, but the distribution is samverkan: "agreement" on the package
    index is another project, so asking the metadata for it would find nothing (or the wrong one)."""
    from importlib.metadata import version

    assert invoke("--version").stdout == f"agreement {version('samverkan')}\n"
    assert version("samverkan") != "0"


def test_validate_reads_one_document_from_standard_input(tmp_path: Path) -> None:
    broken = VALID.replace("owner: eslov/tillvaxt", "owner: eslov/tilvaxt")
    result = CliRunner().invoke(app, ["validate", "-", "--stdin-filename", "plans/doc.yaml"], input=broken.encode())
    assert result.exit_code == 1
    assert result.stdout.startswith("plans/doc.yaml:19:45: R301 owner 'eslov/tilvaxt'")
    assert "> 19 |" in result.stdout
    assert result.stderr == "1 file of 1 invalid: 1 problem\n"
    assert CliRunner().invoke(app, ["validate", "-"], input=VALID.encode()).exit_code == 0


def test_standard_input_is_limited_like_a_file() -> None:
    result = CliRunner().invoke(app, ["validate", "-"], input=b"# " + b"x" * (5 * 1024 * 1024))
    assert result.exit_code == 1
    assert result.stdout.startswith("<stdin>: Y102 file is larger than 5 MB")
