"""Processes that end with the process that started them, and steps that stay within limits.

`lint`, `validate` and `build` run worker processes, and a build's workers run
pandoc and typst. When the main process is killed (a cancelled CI job sends SIGTERM,
then SIGKILL), none of them may stay behind: they would hold the caller's standard
output open and a pipeline waiting for it would hang. On Linux the kernel ends a
process when its parent does (PR_SET_PDEATHSIG); everywhere, our own workers also
watch their parent and leave when it is gone.

pandoc and typst can run for minutes and take gigabytes on input that validates
(deeply nested Markdown brackets, a 200,000-character word). Each run of them is a
step (`Children`) with a wall-clock limit and an address-space limit (`Limits`), so
a build on hostile input ends with a clear failure instead of hanging a CI job.

Kept free of heavy imports: workers of `lint` use it.
"""

from __future__ import annotations

import math
import os
import signal
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping

PR_SET_PDEATHSIG = 1
"""From <linux/prctl.h>: the signal a process gets when its parent dies."""
WATCH_INTERVAL = 0.2
"""Seconds between two looks at the parent: how long a worker may outlive it where
the kernel does not end it."""


@lru_cache(maxsize=1)
def _prctl() -> Callable[..., int] | None:
    """Linux's prctl(2) through ctypes, or None elsewhere (or where it cannot be found)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        function: Any = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    return function  # type: ignore[no-any-return]


def kill_with_parent() -> None:
    """Ask the kernel to SIGKILL this process when its parent ends (Linux; elsewhere nothing).

    Safe to call in a child between fork and exec (see `child_setup`): it makes one
    system call through a function looked up before the fork."""
    prctl = _prctl()
    if prctl is not None:
        prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def child_setup(*steps: Callable[[], None]) -> Callable[[], None]:
    """A `preexec_fn` for subprocess: the child dies with us, then takes `steps` (limits).

    If we died between the fork and the prctl call, the kernel sends no signal, so
    the child checks that its parent is still the process that started it."""
    _prctl()  # look the function up now, not in the child
    parent = os.getpid()

    def setup() -> None:
        kill_with_parent()
        if os.getppid() != parent:
            os._exit(1)
        for signum in (signal.SIGINT, signal.SIGTERM):  # an ignored signal stays ignored across exec
            signal.signal(signum, signal.SIG_DFL)
        for step in steps:
            step()

    return setup


def end_with_parent(parent: int) -> None:
    """Make this worker process end when `parent`, the process that started it, ends.

    The kernel's signal where there is one, and a watchdog thread everywhere: it
    notices the parent is gone when this process gets a new parent (the orphan is
    adopted by init or a subreaper)."""
    kill_with_parent()
    if os.getppid() != parent:  # the parent ended before the kernel was asked
        os._exit(1)
    threading.Thread(target=_watch, args=(parent,), name="parent-watchdog", daemon=True).start()


@contextmanager
def signals_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM for a moment, then act on them: for what must not be cut in
    two (starting workers, renaming a document's files into place). In the main thread
    only, where Python runs signal handlers; elsewhere nothing is held."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    held = {signum: signal.getsignal(signum) for signum in (signal.SIGINT, signal.SIGTERM)}
    for signum in held:
        signal.signal(signum, lambda number, frame: caught.append(number))
    try:
        yield
    finally:
        for signum, handler in held.items():
            signal.signal(signum, handler if handler is not None else signal.SIG_DFL)
        if caught:
            signal.raise_signal(caught[0])


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCH_INTERVAL)
    os._exit(1)


# -- steps under limits ----------------------------------------------------------------

UTF8_LOCALE = {"LC_ALL": "en_US.UTF-8" if sys.platform == "darwin" else "C.UTF-8"}
"""Every step's locale, whatever the user's is: a child decodes its command line and
environment in its locale, so under LANG=C an "ö" in them was broken. (macOS has no
C.UTF-8.)"""
SECONDS_VARIABLE = "AGREEMENT_STEP_SECONDS"
MEMORY_VARIABLE = "AGREEMENT_STEP_MEMORY_MB"


@dataclass(frozen=True)
class Limits:
    """What one step (one pandoc run, one typst compilation) may take.

    Far above what any real document needs (a large agreement takes well under a
    second and 200 MB per step), so only runaway input reaches them. Set with
    AGREEMENT_STEP_SECONDS and AGREEMENT_STEP_MEMORY_MB (1 MB = 1024 × 1024 bytes)."""

    seconds: float = 60.0
    memory_mb: int = 2048

    @property
    def memory(self) -> int:
        """The address-space limit in bytes."""
        return self.memory_mb * 1024 * 1024

    @classmethod
    def from_environment(cls, environ: Mapping[str, str]) -> "Limits":
        """The limits set in the environment, else the defaults; ValueError names a wrong value."""
        default = cls()
        seconds = _number(environ, SECONDS_VARIABLE, float, default.seconds, 0.1, 24 * 3600)
        memory = _number(environ, MEMORY_VARIABLE, int, default.memory_mb, 64, 1024 * 1024)
        return cls(seconds, memory)

    def exceeded(self, step: str, resource: str, cause: str) -> str:
        """The message for a step stopped at a limit: which step, which limit, and the likely cause."""
        what = (f"took longer than {self.seconds:g} s" if resource == "time"
                else f"needed more than {self.memory_mb} MB of memory")
        return f"{step} {what} and was stopped; {cause}"


def _number(environ: Mapping[str, str], name: str, kind: type, default: float, low: float, high: float) -> Any:
    text = environ.get(name, "").strip()
    if not text:
        return default
    try:
        value = kind(text)
    except ValueError:
        value = None
    if value is None or not low <= value <= high:
        unit = "seconds" if kind is float else "whole MB"
        raise ValueError(f"{name} must be a number of {unit} from {low:g} to {high:g}, not {text!r}")
    return value


class Children:
    """The child processes of one step, run under limits, their standard error in files.

    Leaving the `with` block kills any that still runs (an error, an interruption):
    a step never outlives the code that waits for it."""

    STDERR_SHOWN = 64 * 1024

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.running: dict[str, subprocess.Popen[bytes]] = {}
        self.started = 0.0

    def __enter__(self) -> "Children":
        return self

    def __exit__(self, *exc: object) -> None:
        for process in self.running.values():
            if process.poll() is None:
                process.kill()
                process.wait()

    def start(self, name: str, args: list[str], limits: Limits, env: Mapping[str, str]) -> None:
        """Start child `name`: it dies with us, within `limits` of address space and CPU time,
        in a UTF-8 locale."""
        with open(self.folder / f"{name}.stderr", "wb") as stderr:
            self.running[name] = subprocess.Popen(
                args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=stderr, env={**env, **UTF8_LOCALE},
                preexec_fn=child_setup(partial(_limit_resources, limits)) if os.name == "posix" else None)
        self.started = self.started or time.monotonic()

    def wait(self, limits: Limits) -> dict[str, int | None]:
        """Each child's exit status, None for one still running `limits.seconds` after the
        first started (it is killed then)."""
        deadline = self.started + limits.seconds
        statuses: dict[str, int | None] = {}
        for name, process in self.running.items():
            try:
                statuses[name] = process.wait(timeout=max(0.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
                statuses[name] = None
        return statuses

    def stderr(self, name: str) -> str:
        """What child `name` wrote on its standard error (the start of it)."""
        with open(self.folder / f"{name}.stderr", "rb") as stream:
            return stream.read(self.STDERR_SHOWN).decode("utf-8", "replace")


def _limit_resources(limits: Limits) -> None:
    """In the child, before exec: the address-space limit, a CPU-time limit as a backstop
    where nobody waits any more (twice the wall-clock one, so that the wall clock, with
    its clearer message, comes first), and no core files."""
    import resource

    cpu = math.ceil(limits.seconds * 2) + 1
    _lower(resource.RLIMIT_AS, limits.memory, limits.memory)
    _lower(resource.RLIMIT_CPU, cpu, cpu + 1)  # SIGXCPU at the soft limit, SIGKILL at the hard one
    _lower(resource.RLIMIT_CORE, 0, 0)


def _lower(kind: int, soft: int, hard: int) -> None:
    """Set a resource limit, never above the one we were given (that would fail)."""
    import resource

    _, given = resource.getrlimit(kind)
    if given != resource.RLIM_INFINITY:
        soft, hard = min(soft, given), min(hard, given)
    resource.setrlimit(kind, (soft, hard))
