"""Reading files that may be anything: regular files only, and never more than a limit.

A path from a pull request's checkout can name a named pipe (opening it for reading
waits for a writer that never comes), a device (`/dev/zero` never ends), a folder or
a file of gigabytes. Every file the program reads (documents, configuration, label
files, templates, the build cache) goes through `read_regular`: it opens without
waiting, refuses what is not a regular file, and reads at most what it is asked for.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

_KINDS = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a device"),
          (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket"))


def read_regular(path: str | Path, at_most: int) -> bytes:
    """Up to `at_most` bytes of the regular file at `path` (ask for one more than a limit to
    tell a file past it); OSError with a plain `strerror` for anything else."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        mode = os.fstat(descriptor).st_mode
    except OSError:
        os.close(descriptor)
        raise
    if not stat.S_ISREG(mode):
        os.close(descriptor)
        raise not_regular(path, mode)
    with os.fdopen(descriptor, "rb") as stream:
        return stream.read(at_most)


class NotRegularFile(OSError):
    """Something other than a regular file is at the path; `strerror` says what."""


def not_regular(path: str | Path, mode: int) -> NotRegularFile:
    """The error for something at `path` that is not a regular file, saying what it is."""
    if stat.S_ISDIR(mode):
        return NotRegularFile(errno.EISDIR, "is a folder, not a file", str(path))
    kind = next((name for test, name in _KINDS if test(mode)), None)
    return NotRegularFile(errno.EINVAL, f"is {kind}, not a regular file" if kind else "is not a regular file", str(path))
