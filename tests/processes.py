"""Running the real console script in a fresh process, as a user or a CI job would, and
measuring what it cost: exit status, output, wall time, CPU time and peak memory.

A small parent process runs the command and reports the child's resource usage, so
that the test process's own memory is not counted.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Sequence

import pytest

SCRIPT = Path(sys.executable).with_name("agreement")
"""The `agreement` console script of the environment the tests run in."""

_MEASURE = """
import json, resource, subprocess, sys
done = subprocess.run(sys.argv[1:], capture_output=True, text=True, errors="replace")
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"status": done.returncode, "stdout": done.stdout, "stderr": done.stderr,
                  "peak_kb": usage.ru_maxrss, "cpu_seconds": usage.ru_utime + usage.ru_stime}))
"""


@dataclass(frozen=True)
class Run:
    """What one run of the console script did and cost."""

    status: int
    stdout: str
    stderr: str
    peak_kb: int
    cpu_seconds: float
    wall_seconds: float = 0.0

    @property
    def output(self) -> str:
        return self.stdout + self.stderr

    @property
    def heads(self) -> list[str]:
        """The `file…: CODE message` lines."""
        return [line for line in self.stdout.splitlines() if not line.startswith((" ", ">"))]


def measured(arguments: Sequence[str], *, hang_seconds: float, cwd: Path | None = None,
             env: Mapping[str, str] | None = None) -> Run:
    """`agreement ARGUMENTS` in a fresh process; a run past `hang_seconds` fails the test as hung.

    The run may not end in a traceback, whatever its exit status."""
    started = time.monotonic()
    try:
        done = subprocess.run([sys.executable, "-c", _MEASURE, str(SCRIPT), *arguments], capture_output=True,
                              text=True, timeout=hang_seconds, cwd=cwd, env=dict(env) if env is not None else None)
    except subprocess.TimeoutExpired:
        pytest.fail(f"agreement {' '.join(arguments)[:200]} hung (no end within {hang_seconds} s)")
    run = Run(**json.loads(done.stdout), wall_seconds=time.monotonic() - started)
    assert "Traceback" not in run.output, run.output[-3000:]
    return run


def environment(**changes: str | None) -> dict[str, str]:
    """This process's environment with some variables set (or removed, with None)."""
    env = dict(os.environ)
    for name, value in changes.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env
