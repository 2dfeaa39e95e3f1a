"""Remembering what was built (outputs are written by `agreement.writing.write_atomically`).

`<out>/.agreement-build.json` keeps, per output, a fingerprint of everything the
output was made from and the hash of the bytes written; an output whose
fingerprint matches and whose file is unchanged is not built again.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..reading import NotRegularFile, read_regular
from ..writing import write_atomically

CACHE_NAME = ".agreement-build.json"
CACHE_VERSION = 1
MAX_CACHE_BYTES = 64 * 1024 * 1024
"""A cache past this is not ours (a few hundred bytes per output); it is rebuilt."""
MAX_OUTPUT_BYTES = 1024 * 1024 * 1024
"""Outputs are hashed to tell whether they changed; none is near this."""


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class BuildCache:
    """What was built into one output folder, keyed by output file name."""

    folder: Path
    entries: dict[str, dict[str, str]] = field(default_factory=dict)
    changed: bool = False

    @classmethod
    def load(cls, folder: Path) -> "BuildCache":
        """The cache of `folder`; a missing, damaged or foreign file counts as empty (everything is
        rebuilt). Raises OSError when something that is not a file (a folder, a named pipe) is
        where the cache goes: it could not be saved either."""
        path = folder / CACHE_NAME
        try:
            data: Any = json.loads(read_regular(path, MAX_CACHE_BYTES + 1).decode("utf-8"))
        except NotRegularFile:
            raise
        except OSError:  # none yet, or unreadable: saving will say what is wrong
            return cls(folder)
        except ValueError:  # not JSON, not UTF-8, or cut off at the size limit
            return cls(folder)
        if not isinstance(data, dict) or data.get("version") != CACHE_VERSION:
            return cls(folder)
        if not isinstance(data.get("outputs"), dict):
            return cls(folder)
        return cls(folder, {k: v for k, v in data["outputs"].items() if isinstance(v, dict)})

    def is_current(self, name: str, fingerprint: str) -> bool:
        """Whether output `name` was built from `fingerprint` and is still the file that was written."""
        entry = self.entries.get(name)
        if not entry or entry.get("fingerprint") != fingerprint:
            return False
        try:
            return sha256(read_regular(self.folder / name, MAX_OUTPUT_BYTES)) == entry.get("sha256")
        except OSError:  # gone, or something else is there now: build it (writing will say what is wrong)
            return False

    def record(self, name: str, fingerprint: str, digest: str, source: str) -> None:
        """Remember that `name` (whose bytes hash to `digest`) was built from `fingerprint`."""
        self.entries[name] = {"fingerprint": fingerprint, "sha256": digest, "source": source}
        self.changed = True

    def save(self) -> None:
        if not self.changed:
            return
        text = json.dumps({"version": CACHE_VERSION, "outputs": dict(sorted(self.entries.items()))},
                          indent=1, ensure_ascii=False)
        write_atomically({self.folder / CACHE_NAME: (text + "\n").encode("utf-8")})
        self.changed = False
