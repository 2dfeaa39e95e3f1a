"""Start-up: what a command imports and builds before it does its work.

`agreement lint FILE` runs on every commit and on every save in an editor, so a
command may not import or build what it does not need. These tests look at what a
fresh process has loaded, never at how long it took (timing belongs in bench/).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "eslov-2015-2018" / "agreement.yaml"


def fresh(code: str) -> object:
    """The JSON that `code` prints as its last line, run in a fresh interpreter."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.splitlines()[-1])


def test_validating_a_document_builds_only_the_model_of_its_kind() -> None:
    built = fresh(
        "import json\n"
        "from agreement.model import KINDS\n"
        "from agreement.validation import check_file\n"
        "before = sorted(kind for kind, model in KINDS.items() if model.__pydantic_complete__)\n"
        f"assert check_file({str(EXAMPLE)!r}).document is not None\n"
        "after = sorted(kind for kind, model in KINDS.items() if model.__pydantic_complete__)\n"
        "print(json.dumps([before, after]))\n"
    )
    assert built == [[], ["agreement"]]


def imported(*arguments: str) -> set[str]:
    """The top-level packages `python -m agreement ARGUMENTS` imports, from `-X importtime`."""
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "agreement", *arguments],
                          capture_output=True, text=True)
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    lines = [line.split("|")[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")]
    return {name.split(".")[0] for name in lines[1:]} | {name for name in lines[1:] if "." in name}


COMMAND_LINE = {"typer", "click", "rich", "shellingham"}
RENDERING = {"jinja2", "pypandoc", "typst", "babel", "markupsafe"}


@pytest.mark.parametrize("command, working", [("validate", "agreement.validation"), ("lint", "agreement.lint.engine")])
def test_checking_one_file_imports_no_command_line_library_and_no_pool(command: str, working: str) -> None:
    modules = imported(command, str(EXAMPLE))
    assert {"pydantic", working} <= modules  # it did its work: not a run that stopped early
    assert not modules & (COMMAND_LINE | RENDERING | {"multiprocessing", "concurrent.futures.process"})
    assert "xml" not in modules  # the text report needs no other format's libraries (JUnit's XML)


def test_help_imports_neither_the_model_nor_the_parser() -> None:
    modules = imported("--help")
    assert "typer" in modules
    assert not modules & ({"pydantic", "pydantic_core", "ruamel", "_ruamel_yaml"} | RENDERING)
