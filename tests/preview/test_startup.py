"""The commands that do not preview do not pay for it: no watcher or web server on their import path."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
ESLOV = "examples/eslov-2015-2018/agreement.yaml"


def imported(*args: str) -> set[str]:
    """The modules `python -X importtime -m agreement ARGS` imports, by name."""
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "agreement", *args], cwd=REPO,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode in (0, 1), done.stderr[-2000:]
    return {line.split("|")[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}


@pytest.mark.parametrize("args", [("lint", ESLOV), ("validate", ESLOV), ("diff", ESLOV, ESLOV)])
def test_checking_commands_import_neither_watchfiles_nor_a_web_server(args: tuple[str, ...]) -> None:
    modules = imported(*args)
    assert "agreement.lint" in modules or "agreement.validation" in modules  # the measurement saw the run
    assert not {name for name in modules if name.split(".")[0] in ("watchfiles", "http", "socketserver")}
    assert not {name for name in modules if name.startswith("agreement.preview") or name in ("jinja2", "typst")}
