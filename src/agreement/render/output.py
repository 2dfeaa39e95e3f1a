"""Writing outputs so that a failed build changes nothing, and remembering what was built.

Every output is first written to a temporary file in the output folder and only
then moved over the old one (`os.replace` is atomic within a folder). All
outputs of a document are prepared before the first is moved, so a document
whose PDF fails keeps its previous Word and HTML files too.

`<out>/.agreement-build.json` keeps, per output, a fingerprint of everything the
output was made from and the hash of the bytes written; an output whose
fingerprint matches and whose file is unchanged is not built again.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CACHE_NAME = ".agreement-build.json"
CACHE_VERSION = 1


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_atomically(outputs: dict[Path, bytes]) -> None:
    """Write every file or none: temporary files first, then one rename each."""
    staged: list[tuple[Path, Path]] = []
    try:
        for target, data in outputs.items():
            temporary = target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
            staged.append((temporary, target))
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            with os.fdopen(descriptor, "wb") as stream:
                stream.write(data)
        for temporary, target in staged:
            os.replace(temporary, target)
    finally:
        for temporary, _ in staged:
            if temporary.exists():
                temporary.unlink()


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
