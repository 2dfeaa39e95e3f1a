"""Processes that end with the process that started them.

`lint`, `validate` and `build` run worker processes, and a build's workers run
pandoc and typst. When the main process is killed (a cancelled CI job sends SIGTERM,
then SIGKILL), none of them may stay behind: they would hold the caller's standard
output open and a pipeline waiting for it would hang. On Linux the kernel ends a
process when its parent does (PR_SET_PDEATHSIG); everywhere, our own workers also
watch their parent and leave when it is gone.

Kept free of heavy imports: workers of `lint` use it.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from functools import lru_cache
from typing import Any, Callable

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


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCH_INTERVAL)
    os._exit(1)
