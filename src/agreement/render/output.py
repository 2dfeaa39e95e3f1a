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

from ..writing import write_atomically

CACHE_NAME = ".agreement-build.json"
CACHE_VERSION = 1


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
        """The cache of `folder`; an unreadable or foreign file counts as empty (everything is rebuilt)."""
        try:
            data: Any = json.loads((folder / CACHE_NAME).read_text(encoding="utf-8"))
        except (OSError, ValueError):
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
            return sha256((self.folder / name).read_bytes()) == entry.get("sha256")
        except OSError:
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
