"""The frame of every run of the console script: signals, standard streams and exit statuses.

A command line runs one of two ways: `agreement.fastpath` reads the plain `validate` and
`lint` itself, and Typer (`agreement.cli`) reads everything else. Both run inside `run`
here, so that an interruption, a standard stream that cannot be written and a bug end
the same way whichever of them reads the command line:

- SIGINT (Ctrl-C) and SIGTERM (a cancelled CI job) raise `Interrupted`; the run ends
  with "interrupted" or "terminated" on standard error and status 130 or 143;
- a standard stream closed at start (`>&-`) is refused with one line and status 2;
- a write to standard output or error that fails (EPIPE, ENOSPC, EBADF) ends the run
  with "error: cannot write to standard output: …" and status 2;
- any other exception is a bug: its traceback, a line that says so, and status 3.

This module runs before either command line is read, and imports nothing that the
interpreter has not already loaded at start-up but `signal` (no Typer, no click).
"""

from __future__ import annotations

import errno
import os
import signal
import sys
from typing import Any, Callable, NoReturn

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, EXIT_BUG = 0, 1, 2, 3


class Interrupted(BaseException):
    """SIGINT or SIGTERM arrived: the run stops where it is.

    A BaseException, as KeyboardInterrupt is, so that no `except Exception` on the
    way up swallows it; every `finally` and context manager on the way cleans up
    (worker processes are killed, temporary files removed)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        """128 + the signal's number, as a shell reports it: 130 for SIGINT, 143 for SIGTERM."""
        return 128 + self.signum


def stop_on_signals() -> None:
    """SIGINT (Ctrl-C) and SIGTERM (a cancelled CI job) both raise Interrupted in the main thread."""
    def interrupt(signum: int, frame: object) -> None:
        for stopping in (signal.SIGINT, signal.SIGTERM):  # a second signal must not cut the clean-up short
            signal.signal(stopping, signal.SIG_IGN)
        raise Interrupted(signum)

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, interrupt)


class OutputError(Exception):
    """Standard output or error cannot be written: the reader went away (EPIPE), the disk is
    full (ENOSPC), or it is not open for writing (EBADF). Not an OSError, so that neither
    the commands nor click mistake it for a problem with a file."""

    REASONS = {errno.EPIPE: "whatever was reading it stopped", errno.ENOSPC: "no space is left on the device",
               errno.EBADF: "it is not open for writing"}

    def __init__(self, stream: str, error: OSError) -> None:
        super().__init__(stream)
        self.stream, self.error = stream, error

    def __str__(self) -> str:
        reason = self.REASONS.get(self.error.errno or 0, self.error.strerror or str(self.error))
        return f"cannot write to standard {self.stream}: {reason}"


class _Guarded:
    """A standard stream whose write errors are raised as OutputError."""

    def __init__(self, stream: Any, name: str) -> None:
        self._stream, self._name = stream, name

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)  # type: ignore[no-any-return]
        except OSError as error:
            raise OutputError(self._name, error) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as error:
            raise OutputError(self._name, error) from None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def run(body: Callable[[], int | None], *, quick_exit: bool = False) -> NoReturn:
    """Run a command line and exit: `body` returns the exit status, or exits itself (raises
    SystemExit, as click does). With `quick_exit`, a run that leaves nothing behind skips the
    interpreter's teardown (`_exit`)."""
    stop_on_signals()
    if sys.stdout is None or sys.stderr is None:  # started with the descriptor closed (`>&-`)
        _say_on_stderr(f"error: standard {'output' if sys.stdout is None else 'error'} is closed; "
                       "redirect it to a file or /dev/null instead")
        sys.exit(EXIT_USAGE)
    sys.stdout, sys.stderr = _Guarded(sys.stdout, "output"), _Guarded(sys.stderr, "error")  # type: ignore[assignment]
    try:
        try:
            status = body() or EXIT_CLEAN
        finally:
            sys.stdout.flush()  # what is still buffered is written here, where a failure can be reported
            sys.stderr.flush()
        _exit(status, quick_exit)
    except OutputError as error:
        _discard(error.stream)
        _say_on_stderr(f"error: {error}")
        sys.exit(EXIT_USAGE)
    except Interrupted as interruption:
        _say_on_stderr("interrupted" if interruption.signum == signal.SIGINT else "terminated")
        sys.exit(interruption.exit_code)
    except Exception as error:  # pragma: no cover - reached only through a bug
        import traceback

        _say_on_stderr(f"{traceback.format_exc()}\ninternal error: {error!r}\nThis is a bug in agreement; please "
                       "report it with the command you ran and the file.")
        sys.exit(EXIT_BUG)


def _exit(status: int, quick: bool) -> NoReturn:
    """Exit with `status` (the standard streams are flushed), when `quick` skipping the
    interpreter's teardown if nothing is waiting for it.

    Tearing down the few hundred modules a lint loads (pydantic's among them) cost a one-file
    run about 20 ms of CPU, more than checking the file. When an atexit handler is registered
    or another thread runs (a worker pool was used: multiprocessing registers one), the
    interpreter exits as usual. `atexit._ncallbacks` is CPython's; where it is missing, the
    interpreter always exits as usual.
    """
    if quick:
        import atexit
        import threading

        if not getattr(atexit, "_ncallbacks", lambda: 1)() and threading.active_count() == 1:
            os._exit(status)
    sys.exit(status)


def _say_on_stderr(line: str) -> None:
    """A last line to standard error, if it can still be written."""
    try:
        sys.__stderr__.write(line + "\n")  # type: ignore[union-attr]
        sys.__stderr__.flush()  # type: ignore[union-attr]
    except (OSError, AttributeError):
        pass


def _discard(stream: str) -> None:
    """Point a failed standard stream at /dev/null, so that the interpreter's last flush of
    what is still buffered does not fail again (with a message of its own) on the way out."""
    descriptor = os.open(os.devnull, os.O_WRONLY)
    os.dup2(descriptor, 1 if stream == "output" else 2)
    os.close(descriptor)
