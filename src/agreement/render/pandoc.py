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
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

from ..processes import UTF8_LOCALE, Children, Limits
from .template_folders import REFERENCE_DOCX, TYPST_TEMPLATE, TemplateError, TemplateSet

FILTER = Path(__file__).with_name("agreement.lua")
"""The safety filter, the one filter of every output (see its header)."""
HTML_PARTS = Path(__file__).with_name("html-parts.html")
"""pandoc's template for HTML: the table of contents, a marker, the body. The page around
them is the Jinja template `document.html.j2` (see `jinja_steps.render_page`)."""
BODY_MARKER = "<!-- agreement:body -->"

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


def arguments(target: str, templates: TemplateSet, folder: Path) -> list[str]:
    """The pandoc options for one output format (`html`, `docx` or `typst`); `folder` holds the
    metadata and, for Word, the reference document (see `convert_all`)."""
    args = [pandoc_path(), "--sandbox", f"--from={READER}", f"--to={WRITERS[target]}", f"--lua-filter={FILTER}",
            f"--metadata-file={folder / 'metadata.json'}", "--columns=72", "--wrap=preserve", "--standalone"]
    if target == "html":
        # The title is the page's only h1; sections start at h2.
        args += [f"--template={HTML_PARTS}", "--shift-heading-level-by=1", "--toc", "--toc-depth=3"]
    elif target == "docx":
        args += [f"--reference-doc={folder / REFERENCE_DOCX}"]
    elif target == "typst":
        # The title is the PDF's one heading of level 1, as it is the web page's h1.
        args += ["--shift-heading-level-by=1", f"--template={templates.find(TYPST_TEMPLATE)}"]
    return args


def html_parts(html: bytes) -> tuple[str, str]:
    """The (table of contents, body) of what pandoc wrote with the HTML_PARTS template.

    The marker cannot come from the document: its text reaches the HTML escaped (`&lt;!--`)."""
    contents, _, body = html.decode("utf-8").partition(BODY_MARKER)
    return contents.strip(), body.strip()


def environment(source_date_epoch: int) -> dict[str, str]:
    """pandoc's environment: SOURCE_DATE_EPOCH fixes the dates it writes (docx zip entries), and
    a UTF-8 locale, whatever ours is, so that it reads its command line (file names) as UTF-8."""
    env = {key: value for key, value in os.environ.items() if key in ("PATH", "HOME", "TMPDIR")}
    return {**env, **UTF8_LOCALE, "SOURCE_DATE_EPOCH": str(source_date_epoch)}


def convert_all(markdown: str | Mapping[str, str], targets: list[str], templates: TemplateSet, metadata: Metadata,
                source_date_epoch: int, reference_docx: bytes | None = None,
                limits: Limits = Limits()) -> dict[str, bytes]:
    """Run pandoc once per target, all at the same time (one process each), and collect the outputs.

    `markdown` is the same for every target, or each target's own (a report's charts are given
    to each format as it reads them).

    Input, metadata, the Word reference document and outputs are files in a private
    temporary folder: the only files the sandboxed pandoc may touch besides the templates.
    Each run is a step under `limits`; one that goes past them is stopped and reported as such.
    """
    with tempfile.TemporaryDirectory(prefix="agreement-") as name, Children(Path(name)) as children:
        folder = Path(name)
        (folder / "metadata.json").write_text(metadata.dump(), encoding="utf-8")
        if "docx" in targets:
            (folder / REFERENCE_DOCX).write_bytes(reference_docx or b"")
        env = environment(source_date_epoch)
        for target in targets:
            source = folder / f"document.{target}.md"
            source.write_text(markdown if isinstance(markdown, str) else markdown[target], encoding="utf-8")
            args = arguments(target, templates, folder)
            args += [f"--output={folder / ('out.' + target)}", str(source)]
            children.start(target, _within(args, limits), limits, env)
        failed = {target: status for target, status in children.wait(limits).items() if status != 0}
        if failed:
            raise PandocError(_describe_failures(failed, children, templates, limits))
        return {target: (folder / f"out.{target}").read_bytes() for target in targets}


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
    if target == "html":
        return f"pandoc ({target}): {message}"
    hint = {"typst": TYPST_TEMPLATE, "docx": REFERENCE_DOCX}[target]
    try:
        where = templates.find(hint)
    except TemplateError:
        where = Path(hint)  # the reference document generated from the brand
    return f"pandoc ({target}, template {where}): {message}"
