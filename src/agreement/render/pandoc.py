"""The pandoc step: generated Markdown -> docx, HTML or typst, with raw input turned off.

pandoc is the binary inside the `pypandoc-binary` wheel, called directly (no
shell, no pypandoc wrapper). It always runs with `--sandbox`, so neither a reader
nor a writer can open a file that is not on the command line, and it reads the
Markdown with every raw-passthrough extension disabled (see `READER`).
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..processes import UTF8_LOCALE, Children, Limits
from .templates import HTML_TEMPLATE, REFERENCE_DOCX, TYPST_TEMPLATE, TYPST_THEME, TemplateError, TemplateSet

FILTER = Path(__file__).with_name("agreement.lua")

_DISABLED = (
    "raw_html", "raw_tex", "raw_attribute", "native_divs", "native_spans", "markdown_in_html_blocks",
    "tex_math_dollars", "latex_macros", "yaml_metadata_block", "pandoc_title_block", "citations",
    "implicit_figures", "smart",
)
READER = "markdown" + "".join(f"-{extension}" for extension in _DISABLED)
"""Pandoc's Markdown without raw HTML/TeX/typst, math, metadata blocks or citations.

Raw passthrough would let a description carry `<script>` or `#read(...)` into the
output; metadata blocks would let it change the title; `smart` is off so text
keeps the quotes it was written with (typst sets Swedish quotes itself)."""

WRITERS = {"html": "html5", "docx": "docx", "typst": "typst"}


class PandocError(Exception):
    """pandoc failed; the message is pandoc's own, which names the template and line."""


@dataclass(frozen=True)
class Metadata:
    """Document metadata for pandoc, as values pandoc reads as Markdown (already escaped)."""

    values: dict[str, Any]

    def dump(self) -> str:
        return json.dumps(self.values, ensure_ascii=False, sort_keys=True)


@lru_cache(maxsize=1)
def pandoc_path() -> str:
    """The pandoc binary of the pypandoc-binary wheel.

    Found next to the `pypandoc` package without importing it (the import alone
    takes longer than a small conversion); pypandoc's own lookup is the fallback.
    """
    spec = importlib.util.find_spec("pypandoc")
    if spec is not None and spec.origin:
        binary = Path(spec.origin).parent / "files" / ("pandoc.exe" if os.name == "nt" else "pandoc")
        if binary.is_file():
            return str(binary)
    import pypandoc

    return pypandoc.get_pandoc_path()


@lru_cache(maxsize=1)
def pandoc_version() -> str:
    """Which pandoc this is, for every output's fingerprint: the wheel's version and the binary's size
    (cheaper than running `pandoc --version` on every build)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        package = f"pypandoc-binary {version('pypandoc_binary')}"
    except PackageNotFoundError:
        package = "pandoc"
    return f"{package}, {os.stat(pandoc_path()).st_size} bytes"


def arguments(target: str, templates: TemplateSet, metadata_file: Path) -> list[str]:
    """The pandoc options for one output format (`html`, `docx` or `typst`)."""
    args = [pandoc_path(), "--sandbox", f"--from={READER}", f"--to={WRITERS[target]}",
            f"--lua-filter={FILTER}", f"--metadata-file={metadata_file}", "--columns=72",
            "--wrap=preserve", "--standalone"]
    if target == "html":
        stylesheet = "\n".join(templates.text(name) for name in ("style.css", "custom.css")
                               if templates.find_optional(name))
        # The title is the page's only h1; sections start at h2.
        args += [f"--template={templates.find(HTML_TEMPLATE)}", "--shift-heading-level-by=1", "--toc", "--toc-depth=3",
                 f"--variable=stylesheet:{stylesheet}", *_logo_variable(templates)]
    elif target == "docx":
        args += [f"--reference-doc={templates.find(REFERENCE_DOCX)}"]
    elif target == "typst":
        args += [f"--template={templates.find(TYPST_TEMPLATE)}", f"--variable=theme:{templates.text(TYPST_THEME)}"]
        logo = templates.logo()
        if logo is not None:
            args.append(f"--variable=logo:{logo.name}")
    return args


def _logo_variable(templates: TemplateSet) -> list[str]:
    """The logo as a data: URI, so the HTML stays one self-contained file."""
    logo = templates.logo()
    if logo is None:
        return []
    import base64

    kind = {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg"}[logo.suffix]
    return [f"--variable=logo:data:{kind};base64,{base64.b64encode(logo.read_bytes()).decode()}"]


def environment(source_date_epoch: int) -> dict[str, str]:
    """pandoc's environment: SOURCE_DATE_EPOCH fixes the dates it writes (docx zip entries), and
    a UTF-8 locale, whatever ours is, so that it reads its command line (file names) as UTF-8."""
    env = {key: value for key, value in os.environ.items() if key in ("PATH", "HOME", "TMPDIR")}
    return {**env, **UTF8_LOCALE, "SOURCE_DATE_EPOCH": str(source_date_epoch)}


def convert_all(markdown: str, targets: list[str], templates: TemplateSet, metadata: Metadata,
                source_date_epoch: int, limits: Limits = Limits()) -> dict[str, bytes]:
    """Run pandoc once per target, all at the same time (one process each), and collect the outputs.

    Input, metadata and outputs are files in a private temporary folder: the only
    files the sandboxed pandoc may touch besides the templates. Each run is a step
    under `limits`; one that goes past them is stopped and reported as such.
    """
    with tempfile.TemporaryDirectory(prefix="agreement-") as name, Children(Path(name)) as children:
        folder = Path(name)
        (folder / "document.md").write_text(markdown, encoding="utf-8")
        (folder / "metadata.json").write_text(metadata.dump(), encoding="utf-8")
        env = environment(source_date_epoch)
        for target in targets:
            args = arguments(target, templates, folder / "metadata.json")
            args = _variables_in_file(args, folder / f"{target}.defaults.yaml")
            args += [f"--output={folder / ('out.' + target)}", str(folder / "document.md")]
            children.start(target, _within(args, limits), limits, env)
        failed = {target: status for target, status in children.wait(limits).items() if status != 0}
        if failed:
            raise PandocError(_describe_failures(failed, children, templates, limits))
        return {target: (folder / f"out.{target}").read_bytes() for target in targets}


_VARIABLE = re.compile(r"--variable=([^:=]+)[:=](.*)", re.DOTALL)


def _variables_in_file(args: list[str], defaults: Path) -> list[str]:
    """The `--variable=NAME:VALUE` options moved into a defaults file.

    pandoc decodes its command line in its locale, so a stylesheet or typst theme with
    "ö" in it came out broken under LANG=C; a defaults file is read as UTF-8 always.
    (JSON is YAML, so the file is written as JSON: every value stays a string.)"""
    variables: dict[str, str] = {}
    kept = []
    for arg in args:
        match = _VARIABLE.fullmatch(arg)
        if match:
            variables[match[1]] = match[2]
        else:
            kept.append(arg)
    if not variables:
        return args
    defaults.write_text(json.dumps({"variables": variables}, ensure_ascii=False), encoding="utf-8")
    return [*kept, f"--defaults={defaults}"]


RUNAWAY_CAUSE = "the document may nest Markdown too deeply (brackets, emphasis, lists or quotes)"
HEAP_EXHAUSTED = 251
"""The exit status of a GHC program (pandoc) whose heap hit its limit or ran out of memory."""


def _within(args: list[str], limits: Limits) -> list[str]:
    """pandoc's own heap limit, besides the address-space limit every step gets: pandoc
    then stops with a clear message of its own. (GHC runtime options come first.)"""
    return [args[0], "+RTS", f"-M{limits.memory_mb}m", "-RTS", *args[1:]]


def _describe_failures(failed: dict[str, int | None], children: Children, templates: TemplateSet,
                       limits: Limits) -> str:
    """Why the pandoc runs of `failed` (target -> exit status, None when stopped) gave no output:
    the limits they went past, once each, then pandoc's own messages."""
    over = {"time": [target for target, status in failed.items() if status is None],
            "memory": [target for target, status in failed.items() if status == HEAP_EXHAUSTED]}
    messages = [limits.exceeded(f"pandoc ({', '.join(targets)})", resource, RUNAWAY_CAUSE)
                for resource, targets in over.items() if targets]
    messages += [_describe_failure(target, status, children.stderr(target), templates)
                 for target, status in failed.items() if status not in (None, HEAP_EXHAUSTED)]
    return "; ".join(messages)


def _describe_failure(target: str, status: int, stderr: str, templates: TemplateSet) -> str:
    message = " ".join(stderr.split()) or f"failed without a message (exit status {status})"
    hint = {"html": HTML_TEMPLATE, "typst": TYPST_TEMPLATE, "docx": REFERENCE_DOCX}[target]
    try:
        where = templates.find(hint)
    except TemplateError:
        where = Path(hint)
    return f"pandoc ({target}, template {where}): {message}"
