"""The typst compiler in a process of its own, so that a build can stop it.

Run by `typst_pdf.compile_pdf` as `python -P .../typst_child.py FOLDER`: as a script,
not as a module of the package, whose import would cost more than a compilation.
FOLDER holds `source.typ` and `request.json` (the keyword arguments of
`typst.compile`); the PDF goes to `out.pdf`, or typst's error to `error.json` (exit
status 1). Everything travels through files: nothing depends on the locale, and
nothing else can write into the PDF.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main(folder: Path) -> int:
    import typst

    request = json.loads((folder / "request.json").read_text(encoding="utf-8"))
    try:
        pdf = typst.compile((folder / "source.typ").read_bytes(), **request)
    except typst.TypstError as error:
        found = {"message": str(getattr(error, "message", "") or error),
                 "hints": [str(hint) for hint in getattr(error, "hints", None) or []],
                 "diagnostic": str(getattr(error, "diagnostic", "") or "")}
        (folder / "error.json").write_text(json.dumps(found), encoding="utf-8")
        return 1
    (folder / "out.pdf").write_bytes(pdf)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
