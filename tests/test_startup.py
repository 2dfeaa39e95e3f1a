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
