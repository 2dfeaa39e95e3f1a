"""Writing files so that a reader, or a run that fails half-way, never sees half of them.

The one writer of every command that writes: `build` (its outputs and build cache),
`lint --output` (the report) and `schema` (the schemas). Each file is first written
to a temporary file beside it and only then moved over the old one (`os.replace`
is atomic within a folder); all files of one call are written before the first is
moved, so a document whose PDF fails keeps its previous Word and HTML files too.
"""

from __future__ import annotations

import errno
import io
import os
import secrets
import time
import zipfile
from pathlib import Path
from typing import Mapping

_FIXED_TIME = (1980, 1, 1, 0, 0, 0)
PIPE_READER_WAIT = 3.0
"""Seconds a named pipe written to may take to get a reader."""


def write_atomically(outputs: Mapping[Path, bytes]) -> None:
    """Write every file or none: temporary files first, then one rename each.

    What exists and is not a regular file (`/dev/null`, a pipe) is written to directly:
    replacing it would put a file where the device was; a named pipe that nothing reads
    is an error rather than a wait. A folder is an error.
    """
    staged: list[tuple[Path, Path]] = []
    direct: list[tuple[Path, bytes]] = []
    try:
        for target, data in outputs.items():
            if target.exists() and not target.is_file():
                if target.is_dir():
                    raise IsADirectoryError(errno.EISDIR, "is a folder", str(target))
                direct.append((target, data))
                continue
            temporary = target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
            staged.append((temporary, target))
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            with os.fdopen(descriptor, "wb") as stream:
                stream.write(data)
        for target, data in direct:
            _write_in_place(target, data)
        for temporary, target in staged:
            os.replace(temporary, target)
    finally:
        for temporary, _ in staged:
            if temporary.exists():
                temporary.unlink()


def write_zip(parts: Mapping[str, bytes]) -> bytes:
    """A zip of `parts` in the given order with fixed times and attributes: same parts, same bytes.

    Word and Excel files are zips; written through this, building or exporting the same
    input twice gives the same file."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            archive.writestr(info, data, compresslevel=6)
    return buffer.getvalue()


def _write_in_place(target: Path, data: bytes) -> None:
    """Write to a device or a named pipe as it is; a named pipe gets a few seconds for its
    reader to open it (`mkfifo p; cat p & agreement lint --output p`), not forever."""
    deadline = time.monotonic() + PIPE_READER_WAIT
    while True:
        try:
            descriptor = os.open(target, os.O_WRONLY | getattr(os, "O_NONBLOCK", 0))
            break
        except OSError as error:
            if error.errno != errno.ENXIO:
                raise
            if time.monotonic() > deadline:
                raise OSError(errno.ENXIO, f"is a named pipe that nothing read within {PIPE_READER_WAIT:g} s",
                              str(target)) from None
            time.sleep(0.05)
    os.set_blocking(descriptor, True)  # a slow reader is waited for, as a slow disk would be
    with os.fdopen(descriptor, "wb") as stream:
        stream.write(data)
