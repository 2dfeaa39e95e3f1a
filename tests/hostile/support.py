"""What the hostile-input tests share: the installed `agreement` run as a real process,
documents to feed it, and a look at the processes it leaves behind (through /proc).

Every test here asserts an exit status, a clear message and no traceback; each ends
within seconds even when the program under test would hang (a timeout fails it).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable, Iterable

import pytest

ROOT = Path(__file__).resolve().parents[2]
AGREEMENT = Path(sys.executable).with_name("agreement")
PLAN = ROOT / "tests" / "render" / "fixtures" / "plan-by-party.yaml"
EXAMPLE = ROOT / "examples" / "eslov-2015-2018" / "agreement.yaml"
TIMEOUT = 10
"""Seconds any one run may take before the test fails as hanging."""

linux_only = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux's /proc")


def agreement(*args: str | Path, env: dict[str, str] | None = None, cwd: Path | None = None,
              stdin: bytes | None = None, **popen: object) -> subprocess.CompletedProcess[str]:
    """Run the installed `agreement` to its end (or fail the test after TIMEOUT seconds)."""
    return subprocess.run([str(AGREEMENT), *map(str, args)], input=stdin.decode() if stdin is not None else None,
                          capture_output=True, text=True, timeout=TIMEOUT, env=env, cwd=cwd, **popen)  # type: ignore[call-overload]


def start(*args: str | Path, **popen: object) -> subprocess.Popen[bytes]:
    """Start the installed `agreement` without waiting for it."""
    return subprocess.Popen([str(AGREEMENT), *map(str, args)], **popen)  # type: ignore[call-overload]


def assert_clean_failure(result: subprocess.CompletedProcess[str], status: int, message: str) -> None:
    """Exit `status`, `message` in the output, and no traceback anywhere."""
    output = (result.stdout or "") + (result.stderr or "")
    assert result.returncode == status, output
    assert message in output, output
    assert "Traceback" not in output, output


def documents(folder: Path, count: int, source: Path = PLAN) -> list[Path]:
    """`count` valid documents with ids of their own, copies of `source`."""
    folder.mkdir(parents=True, exist_ok=True)
    text = source.read_text(encoding="utf-8")
    identifier = next(line.split(":", 1)[1].strip() for line in text.splitlines() if line.startswith("id:"))
    paths = []
    for number in range(count):
        path = folder / f"document-{number:03}.yaml"
        path.write_text(text.replace(f"id: {identifier}", f"id: document-{number:03}", 1), encoding="utf-8")
        paths.append(path)
    return paths


# -- processes, through /proc --------------------------------------------------------------


def _stat(pid: int) -> tuple[str, int] | None:
    """(state, parent pid) of a process, or None when it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text.rsplit(")", 1)[1].split()  # the command name, in parentheses, may hold spaces
    return fields[0], int(fields[1])


def descendants(pid: int) -> set[int]:
    """Every living process below `pid`: its children, theirs, and so on."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            found = _stat(int(entry))
            if found is not None:
                children.setdefault(found[1], []).append(int(entry))
    below, stack = set(), [pid]
    while stack:
        for child in children.get(stack.pop(), []):
            below.add(child)
            stack.append(child)
    return below


def command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
    except OSError:
        return ""


def living(pids: Iterable[int]) -> set[int]:
    """The processes of `pids` that still run (a zombie has ended; it only waits to be reaped)."""
    return {pid for pid in pids if (found := _stat(pid)) is not None and found[0] != "Z"}


def watch_until(condition: Callable[[], bool], seconds: float, every: float = 0.02) -> bool:
    """Poll `condition` until it holds or `seconds` pass; whether it held."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(every)
    return condition()
