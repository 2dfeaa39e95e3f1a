"""`agreement build`: documents -> Word, PDF and HTML (and the Markdown in between).

For each document: validate it (a file with errors is reported, not built),
work out which outputs are out of date, and build those in a worker process:
view model -> Jinja -> Pandoc Markdown -> pandoc (docx, HTML, typst, run side by
side) -> typst -> PDF. Outputs are written atomically and remembered in the
output folder's build cache. The library reports results through a callback and
never prints.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass, field, replace
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Mapping, Sequence

from .. import version
from ..diagnostics import Diagnostic, Severity
from ..discovery import UsageError, find_documents
from ..model import Document, FollowUpLog
from ..diffing import Diff, SourceError, compare, from_git
from ..diffing.formats import as_json
from ..followups.logs import is_follow_up_file
from ..parallel import map_in_order
from ..processes import Limits, signals_held
from ..validation import check_file
from ..writing import write_atomically
from . import docx as docx_step
from . import html_body, reference_docx
from .brand import Theme, find_brand, load_theme
from .build_cache import CACHE_NAME, BuildCache, sha256
from .changes import with_changes
from .jinja_steps import check_templates, environment, page_environment, render_markdown, render_page
from .libreoffice import LibreOfficeError, heading_pages, libreoffice_version, soffice
from .pandoc import Metadata, PandocError, convert_all, html_parts, pandoc_version
from .pdf import show_bookmarks
from .template_folders import PAGE, REFERENCE_DOCX, REPORT_SKELETON, SKELETON, TemplateError, TemplateSet
from .typst_pdf import TypstError, compile_pdf, typst_version
from .viewmodel import DocumentView, build_view
from .wording import Wording

if TYPE_CHECKING:
    from ..report import ReportRequest

FORMATS = ("html", "docx", "pdf")
"""What `build` makes unless told otherwise."""
EXTRA_FORMATS = ("md",)
"""Also available: the generated Pandoc Markdown, for template authors."""
PANDOC_TARGET = {"html": "html", "docx": "docx", "pdf": "typst"}


class Outcome(str, Enum):
    BUILT = "built"
    UP_TO_DATE = "up to date"
    INVALID = "invalid"
    FAILED = "failed"


@dataclass(frozen=True)
class BuildOptions:
    """How to build: which formats, where to, in which language, with which templates."""

    formats: tuple[str, ...] = FORMATS
    out: Path = Path("build")
    language: str | None = None
    templates: Path | None = None
    force: bool = False
    source_date_epoch: int | None = None
    page_numbers: bool = False
    """Fill in the Word contents list's page numbers from LibreOffice's layout, when it is installed
    (the command line's default; off here, as for any step that needs more than the package)."""
    brand: Path | None = None
    """The brand file (`--brand`); without it, the nearest `_brand.yml` above each document."""
    changes_since: str | None = None
    """A git revision: add an appendix of what changed since the document's version in it."""
    limits: Limits = Limits()
    """Time and memory each pandoc and typst step may take (not part of any fingerprint)."""
    report: "ReportRequest | None" = None
    """Build each document's follow-up report as of a day (`agreement report`) instead of the document."""


@dataclass(frozen=True)
class FileResult:
    """What happened to one document."""

    source: str
    outcome: Outcome
    outputs: tuple[str, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    error: str | None = None
    template_problem: bool = False
    io_problem: bool = False
    """The files could not be written (a full disk, a folder where a file goes): exit status 2."""
    recorded: tuple[tuple[str, str, str], ...] = ()  # (output name, fingerprint, sha256)
    warnings: tuple[str, ...] = ()
    """What the outputs lack that a later build could give them (the Word contents' page numbers)."""
    files: tuple[tuple[str, bytes], ...] = ()
    """The built files' names and bytes, from a worker to the main process, which writes them."""


@dataclass
class BuildReport:
    results: list[FileResult] = field(default_factory=list)
    skipped: int = 0
    """YAML files under the folders that were passed over (no `kind:`)."""

    def count(self, outcome: Outcome) -> int:
        return sum(1 for result in self.results if result.outcome is outcome)

    @property
    def exit_code(self) -> int:
        """0 all built or up to date, 2 a template is broken or a file cannot be read or written (as
        for validate and lint), 1 a document is invalid or failed."""
        if any(result.template_problem or result.io_problem for result in self.results):
            return 2
        if any(d.code == "Y101" for result in self.results for d in result.diagnostics):
            return 2
        return 1 if any(r.outcome in (Outcome.INVALID, Outcome.FAILED) for r in self.results) else 0


# -- options ----------------------------------------------------------------------------


def parse_formats(text: str) -> tuple[str, ...]:
    """`html,docx` -> ("html", "docx"); unknown names are a usage error."""
    names = [part.strip().lower() for part in text.split(",") if part.strip()]
    known = FORMATS + EXTRA_FORMATS
    unknown = [name for name in names if name not in known]
    if unknown or not names:
        raise UsageError(f"unknown format {', '.join(map(repr, unknown)) or repr(text)}: "
                         f"use any of {', '.join(known)}, separated by commas")
    return tuple(dict.fromkeys(names))


def source_date_epoch_from(environ: dict[str, str] | os._Environ[str]) -> int | None:
    """SOURCE_DATE_EPOCH, the reproducible-builds convention, if set."""
    value = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None
    if not value.isdigit():
        raise UsageError(f"SOURCE_DATE_EPOCH must be a number of seconds, not {value!r}")
    return int(value)


def step_limits_from(environ: Mapping[str, str]) -> Limits:
    """AGREEMENT_STEP_SECONDS and AGREEMENT_STEP_MEMORY_MB, if set; a wrong value is a usage error."""
    try:
        return Limits.from_environment(environ)
    except ValueError as error:
        raise UsageError(str(error)) from None


def template_set(folder: Path | None) -> TemplateSet:
    """The templates of a build; a `--templates` folder that does not exist is a usage error."""
    if folder is not None and not folder.is_dir():
        raise UsageError(f"{folder}: no such templates folder")
    return TemplateSet(folder.resolve() if folder else None)


# -- planning (main process) -----------------------------------------------------------------


@dataclass(frozen=True)
class Job:
    """One document to build: everything a worker process needs, picklable.

    It carries the document validated while planning, so a worker neither reads nor
    validates the file again, and builds exactly what was fingerprinted."""

    source: str
    document: Document
    document_id: str
    language: str
    formats: tuple[str, ...]
    fingerprints: tuple[tuple[str, str], ...]
    out: Path
    templates: Path | None
    templates_version: str
    source_date_epoch: int | None
    page_numbers: bool = False
    theme: Theme = Theme()
    changes_since: str | None = None
    changes: Diff | None = None
    """What changed since `changes_since` (None there: the document is new since then)."""
    limits: Limits = Limits()
    report: "ReportRequest | None" = None
    follow_ups: tuple[FollowUpLog, ...] = ()
    """The follow-up files a report reads (progress and measurements), validated while planning."""
    stem: str = ""
    """The outputs' name without extension, when it is not the document's id (a report's)."""

    def name(self, fmt: str) -> str:
        return output_name(self.stem or self.document_id, fmt)


def output_name(document_id: str, fmt: str) -> str:
    return f"{document_id}.{fmt}"


def fingerprint(document: bytes, fmt: str, language: str, templates: TemplateSet, options: BuildOptions,
                theme: Theme, changes: str | None = None, report: str | None = None) -> str:
    """A hash of everything an output is made from: change any of it and the output is rebuilt."""
    inputs = {
        "changes": changes,
        "document": sha256(document), "format": fmt, "language": language,
        "templates": templates.fingerprint, "brand": theme.fingerprint, "agreement": version(), "code": code_fingerprint(),
        "pandoc": pandoc_version() if fmt != "md" else None,
        "typst": typst_version() if fmt == "pdf" else None,
        "source_date_epoch": options.source_date_epoch,
        "libreoffice": libreoffice_version() if fmt == "docx" and options.page_numbers else None,
        "report": report,
    }
    return hashlib.sha256(json.dumps(inputs, sort_keys=True).encode()).hexdigest()


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of the package's own files (Python, the Lua filter, page parts): the version
    alone would miss an edit to an editable install or a fork's patch, and serve an output
    that the code at hand would no longer make. About a megabyte, hashed once a process."""
    return files_digest(Path(__file__).resolve().parent.parent)


def files_digest(package: Path) -> str:
    """A hash of the names and bytes of the code files under `package` (not its bytecode)."""
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.suffix in {".py", ".lua", ".html"} and path.is_file():
            digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _plan(path: Path, options: BuildOptions, templates: TemplateSet, cache: BuildCache,
          owners: dict[str, str], named_logs: Sequence[Path] = ()) -> FileResult | Job:
    """Validate one file and decide what to build; a FileResult when there is nothing to build."""
    source = str(path)
    checked = check_file(path)
    diagnostics = tuple(checked.diagnostics)
    if checked.document is None or checked.loaded is None or any(d.severity is Severity.ERROR for d in diagnostics):
        return FileResult(source, Outcome.INVALID, diagnostics=diagnostics)
    document, loaded = checked.document, checked.loaded
    other = owners.setdefault(document.id, source)
    if other != source:
        return FileResult(source, Outcome.FAILED, diagnostics=diagnostics,
                          error=f"document id {document.id!r} is also the id of {other}; "
                                "their built files would overwrite each other")
    language = options.language or document.language
    theme = load_theme(options.brand or find_brand(path))
    changes: Diff | None = None
    if options.changes_since is not None:
        found = changes_since(path, document, options.changes_since)
        if isinstance(found, str):
            return FileResult(source, Outcome.FAILED, diagnostics=diagnostics, error=found)
        changes = found
    changed = None if options.changes_since is None else sha256(as_json(changes).encode() if changes else b"new")
    data = loaded.text.encode("utf-8")  # the text as parsed: a BOM or CR LF changes no output
    follow_ups: tuple[FollowUpLog, ...] = ()
    stem = report_print = None
    if options.report is not None:
        from ..report.sources import follow_ups_of, report_inputs, report_stem

        found_logs = follow_ups_of(path, named_logs)
        if any(d.severity is Severity.ERROR for d in found_logs.diagnostics):
            return FileResult(source, Outcome.INVALID, diagnostics=diagnostics + found_logs.diagnostics)
        follow_ups, stem = found_logs.logs, report_stem(document.id, options.report.as_of)
        report_print = report_inputs(options.report, found_logs)
    name = stem or document.id
    prints = {fmt: fingerprint(data, fmt, language, templates, options, theme, changed, report_print)
              for fmt in options.formats}
    stale = tuple(fmt for fmt in options.formats
                  if options.force or not cache.is_current(output_name(name, fmt), prints[fmt]))
    if not stale:
        outputs = tuple(str(options.out / output_name(name, fmt)) for fmt in options.formats)
        return FileResult(source, Outcome.UP_TO_DATE, outputs, diagnostics)
    return Job(source, document, document.id, language, stale, tuple((f, prints[f]) for f in stale), options.out,
               options.templates, templates.fingerprint, options.source_date_epoch, options.page_numbers, theme,
               options.changes_since, changes, options.limits, options.report, follow_ups, stem or "")


def changes_since(path: Path, document: Document, revision: str) -> Diff | None | str:
    """What changed in the document since its version in git `revision`: the Diff, None when the
    file is new since then, or why the appendix cannot be made (the old version does not validate).
    A revision git does not know, or no git at all, is a UsageError: no document could have it."""
    try:
        old = from_git(path, revision)
    except SourceError as error:
        if any(words in str(error) for words in ("exists on disk, but not in", "does not exist in")):
            return None
        raise UsageError(f"--changes-since: {error}") from None
    if old.document is None:
        return (f"--changes-since: the version in {revision} does not validate, so its changes cannot be "
                f"listed (run `agreement validate` on it: `git show {revision}:{path}`)")
    return compare(old.document, document, old.name, str(path))


# -- building one document (worker process) -------------------------------------------------


# A process builds many documents with the same templates; these are made once per
# process and template version (`version` is the template set's fingerprint).


@lru_cache(maxsize=4)
def _templates(folder: Path | None, version: str) -> TemplateSet:
    return TemplateSet(folder)


@lru_cache(maxsize=4)
def _jinja(folder: Path | None, version: str):  # type: ignore[no-untyped-def]
    return environment(_templates(folder, version))


@lru_cache(maxsize=4)
def _page_jinja(folder: Path | None, version: str):  # type: ignore[no-untyped-def]
    return page_environment(_templates(folder, version))


@lru_cache(maxsize=8)
def _wording(folder: Path | None, version: str, language: str) -> Wording:
    """The labels of a language, read once (parsing them costs more than using them)."""
    return Wording(_templates(folder, version).labels(language))


def build_job(job: Job) -> FileResult:
    """Make the outputs of one document; never raises for a problem with the document.

    The bytes travel back in the result and the main process writes them
    (`write_outputs`): a worker stopped half-way leaves no file behind."""
    templates = _templates(job.templates, job.templates_version)
    lacking: dict[str, str] = {}
    try:
        produced = make_outputs(job.document, job, templates, lacking)
    except TemplateError as error:
        return FileResult(job.source, Outcome.FAILED, error=str(error), template_problem=True)
    except (PandocError, TypstError) as error:
        return FileResult(job.source, Outcome.FAILED, error=str(error))
    prints = dict(job.fingerprints)
    names = {fmt: job.name(fmt) for fmt in produced}
    recorded = [fmt for fmt in produced if fmt not in lacking]  # the next build tries those again
    return FileResult(
        job.source, Outcome.BUILT,
        outputs=tuple(str(job.out / name) for name in names.values()),
        recorded=tuple((names[fmt], prints[fmt], sha256(produced[fmt])) for fmt in recorded),
        warnings=tuple(lacking.values()),
        files=tuple((names[fmt], data) for fmt, data in produced.items()),
    )


def write_outputs(result: FileResult, out: Path) -> FileResult:
    """Write the files of a built document, all of them or none; the result without their bytes."""
    if not result.files:
        return result
    try:
        with signals_held():  # an interruption waits: the document's files are all new or all old
            write_atomically({out / name: data for name, data in result.files})
    except OSError as error:
        return FileResult(result.source, Outcome.FAILED, io_problem=True,
                          error=f"cannot write {error.filename or out}: {error.strerror or error}")
    return replace(result, files=())


ZIP_EPOCH = dt.datetime(1980, 1, 1, tzinfo=dt.timezone.utc)
"""The earliest time a zip entry can carry: the Word file's entries' time when nothing dates it."""


def build_date(view: DocumentView, source_date_epoch: int | None) -> dt.datetime | None:
    """The one date written into the files' metadata: SOURCE_DATE_EPOCH, else the document's own
    date; None when neither is given, and then the PDF and the Word file's properties have none."""
    if source_date_epoch is not None:
        return dt.datetime.fromtimestamp(source_date_epoch, tz=dt.timezone.utc)
    if view.date is None:
        return None
    return dt.datetime.combine(view.date, dt.time(), tzinfo=dt.timezone.utc)


def make_outputs(document: Document, job: Job, templates: TemplateSet, lacking: dict[str, str]) -> dict[str, bytes]:
    """The bytes of every requested format of one document, or of its follow-up report (nothing is
    written here); what an output lacks that a later build could give it goes in `lacking`, by format."""
    wording = _wording(job.templates, job.templates_version, job.language)
    if job.report is None:
        view, skeleton = build_view(document, wording, job.language), SKELETON
    else:
        from ..report.view import report_view

        view = report_view(document, job.follow_ups, job.report, wording, job.language, templates.font_dirs())
        skeleton = REPORT_SKELETON
    if job.changes_since is not None:
        view = with_changes(view, wording.for_document(document.labels), job.changes_since, job.changes)
    jinja = _jinja(job.templates, job.templates_version)
    markdown = render_markdown(view, templates, jinja, skeleton)
    date = build_date(view, job.source_date_epoch)
    produced: dict[str, bytes] = {}
    if "md" in job.formats:
        produced["md"] = markdown.encode("utf-8")
    targets = [PANDOC_TARGET[fmt] for fmt in job.formats if fmt in PANDOC_TARGET]
    if targets:
        theme = job.theme
        reference = reference_document(templates, theme) if "docx" in targets else None
        # A report's charts are written as each format reads an image, so its Markdown is each target's own.
        sources = {target: render_markdown(view, templates, jinja, skeleton, target) for target in targets} \
            if view.charts else markdown
        converted = convert_all(sources, targets, templates, pandoc_metadata(view), int((date or ZIP_EPOCH).timestamp()),
                                reference, job.limits)
        if "html" in converted:
            contents, body = (html_body.finish(part) for part in html_parts(converted["html"]))
            page = render_page(view, templates, contents, body, stylesheet=templates.stylesheet(theme.css()),
                               logo=theme.logo.data_uri() if theme.logo else None, logo_alt=logo_alt(view, theme),
                               footer=theme.footer, env=_page_jinja(job.templates, job.templates_version))
            produced["html"] = page.encode("utf-8")
        if "docx" in converted:
            produced["docx"] = word_file(converted["docx"], view, date, job.page_numbers, theme, lacking)
        if "typst" in converted:
            pdf = compile_pdf(converted["typst"], templates, typst_inputs(view, theme), date,
                              files=theme.typst_files(), fonts=theme.font_files(), limits=job.limits)
            produced["pdf"] = show_bookmarks(pdf)
    return {fmt: produced[fmt] for fmt in job.formats}


def reference_document(templates: TemplateSet, theme: Theme) -> bytes:
    """The Word reference document: a `reference.docx` in the user's templates folder as it is,
    else one generated from the brand."""
    own = templates.find_optional(REFERENCE_DOCX)
    return own.read_bytes() if own is not None else reference_docx.build(theme)


def logo_alt(view: DocumentView, theme: Theme) -> str:
    """The logo's alternative text: what the brand says, else whose document it is."""
    return (theme.logo.alt if theme.logo else None) or theme.organisation or view.logo_owner


def word_file(docx: bytes, view: DocumentView, date: dt.datetime | None, page_numbers: bool, theme: Theme,
              lacking: dict[str, str]) -> bytes:
    """The Word file pandoc wrote, finished; with `page_numbers`, its contents list gets the pages
    of LibreOffice's layout of it. Without LibreOffice, or when it fails (said in `lacking`),
    Word fills them in when it opens the file."""
    data, about = title_page_data(view), subject(view)
    logos = word_logos(view, theme)
    finished = docx_step.finish(docx, data, about, date, logos=logos, size_pt=theme.size_pt)
    if not page_numbers or soffice() is None:
        return finished
    try:
        pages = heading_pages(finished, docx_step.word_headings(finished))
    except LibreOfficeError as error:
        lacking["docx"] = f"{error}; the Word file's contents list gets its page numbers when Word opens it"
        return finished
    return docx_step.finish(docx, data, about, date, pages, logos=logos, size_pt=theme.size_pt)


def word_logos(view: DocumentView, theme: Theme) -> docx_step.Logos | None:
    """The brand's logos as Word takes them (PNG at print resolution), or None."""
    if theme.logo is None or theme.small_logo is None:
        return None
    from .typst_pdf import rasterise

    alt = logo_alt(view, theme)
    return docx_step.Logos(cover=docx_step.Picture(rasterise(theme.logo, COVER_LOGO_CM), COVER_LOGO_CM, alt),
                           header=docx_step.Picture(rasterise(theme.small_logo, HEADER_LOGO_CM), HEADER_LOGO_CM, alt))


COVER_LOGO_CM = 2.0
"""The logo's height on the title page, as in the PDF's layout."""
HEADER_LOGO_CM = 0.9
"""The small logo's height in the running header, as in the PDF's layout."""


def pandoc_metadata(view: DocumentView) -> Metadata:
    """What pandoc itself needs to know of the document: its language (the rest of the metadata
    each format sets from `title_page_data`), and whether it has charts (a report's), whose
    images the safety filter then lets through."""
    values: dict[str, object] = {"lang": view.language_tag}
    if view.charts:
        values["charts"] = True
    return Metadata(values)


def subject(view: DocumentView) -> str:
    """What the document is, for the file's properties: "Handlingsplan, 2014"."""
    return ", ".join(part for part in (view.kind_label, view.period) if part)


def typst_inputs(view: DocumentView, theme: Theme = Theme()) -> dict[str, str]:
    """What the PDF's layout (document.typ) sets from data, as JSON strings in `sys.inputs`:
    the title page, the signatures, the metadata and the labels it prints (`document`), and
    the brand (`theme`). Plain values, so no escaping can go wrong."""
    brand = theme.typst() | {"organisation": logo_alt(view, theme)}
    inputs = {"document": json.dumps(title_page_data(view), ensure_ascii=False, sort_keys=True),
              "theme": json.dumps(brand, ensure_ascii=False, sort_keys=True)}
    for chart in view.charts:  # the report's charts, which the layout's `image` reads by name
        inputs[chart.name] = chart.svg.decode("utf-8")
        inputs[f"{chart.name}-alt"] = chart.alt
    return inputs


def title_page_data(view: DocumentView) -> dict[str, object]:
    """The title page, signatures and metadata of a document as plain data, the same for every
    format that sets them itself (the PDF's layout, the Word file's finishing step)."""
    language, _, region = view.language_tag.partition("-")
    signatures = next((part.content for part in view.parts if part.key == "signatures"), ())
    return {
        "title": view.title,
        "subtitle": view.subtitle,
        "parties": [{"name": party.name} for party in view.parties],
        "facts": [{"label": fact.label, "value": fact.value} for fact in view.facts],
        "contacts": list(view.contacts),
        "keywords": list(view.keywords),
        "lang": language,
        "region": region,
        "logo_owner": view.logo_owner,
        "signatures": [{"party": s.party, "place": s.place, "place_and_date": s.place_and_date, "name": s.name,
                        "title": s.title, "lines": s.lines} for s in signatures],
        "labels": {group: view.labels.get(group, {}) for group in ("signature", "text", "heading", "field")},
    }



# -- many documents ----------------------------------------------------------------------------


def build(paths: Sequence[str | Path], options: BuildOptions, jobs: int | None = None,
          on_result: Callable[[FileResult], None] | None = None,
          on_start: Callable[[int], None] | None = None) -> BuildReport:
    """Build every document under `paths`; results are reported in the order of the files.

    Raises UsageError (paths, options, output folder) and TemplateError (a template
    that does not compile, a missing label file, a brand file that is not valid: a
    BrandError) before anything is built.
    """
    found = find_documents(paths)
    files = [path for path in found.files if not is_follow_up_file(path)]  # nothing to build from those
    named_logs = [path for path in found.files if path not in set(files)] if options.report is not None else []
    if not files:
        raise UsageError("no documents found (YAML files with a `kind:` key)")
    templates = template_set(options.templates)
    if options.brand is not None:
        if not options.brand.is_file():
            raise UsageError(f"{options.brand}: no such brand file")
        load_theme(options.brand)  # a broken brand file is reported before anything is built
    check_templates(templates, _jinja(templates.user_dir, templates.fingerprint),
                    main=SKELETON if options.report is None else REPORT_SKELETON)
    check_templates(templates, _page_jinja(templates.user_dir, templates.fingerprint), main=PAGE)
    if options.language is not None:
        _wording(templates.user_dir, templates.fingerprint, options.language)
    out = _output_folder(options.out)
    options = replace(options, out=out, templates=templates.user_dir)
    cache = _cache_of(out)
    owners: dict[str, str] = {}
    plans = [_plan(path, options, templates, cache, owners, named_logs) for path in files]
    if on_start:
        on_start(len(plans))
    report = BuildReport(skipped=len(found.skipped))
    try:
        for result in _run(plans, jobs):
            result = write_outputs(result, out)
            for name, print_, digest in result.recorded:
                cache.record(name, print_, digest, result.source)
            report.results.append(result)
            if on_result:
                on_result(result)
    except BaseException:  # an interruption: what was built is not built again
        with contextlib.suppress(OSError):  # the interruption is what to report
            cache.save()
        raise
    _save(cache)
    return report


def _cache_of(out: Path) -> BuildCache:
    try:
        return BuildCache.load(out)
    except OSError as error:
        raise UsageError(f"{out / CACHE_NAME}: cannot keep the build cache there: {error.strerror or error}") from None


def _save(cache: BuildCache) -> None:
    try:
        cache.save()
    except OSError as error:
        raise UsageError(f"{cache.folder / CACHE_NAME}: cannot save the build cache: {error.strerror or error}; "
                         "the built files were written, but will be built again next time") from None


def _output_folder(folder: Path) -> Path:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(f"{folder}: cannot create the output folder: {error.strerror or error}") from None
    if not os.access(folder, os.W_OK):
        raise UsageError(f"{folder}: the output folder is not writable")
    return folder


def _run(plans: list[FileResult | Job], jobs: int | None) -> Iterable[FileResult]:
    """Results in the order of `plans`, building the jobs in worker processes when there are several."""
    work = [plan for plan in plans if isinstance(plan, Job)]
    built = map_in_order(build_job, work, min(jobs or os.cpu_count() or 1, len(work)))
    for plan in plans:
        yield next(built) if isinstance(plan, Job) else plan
    next(built, None)  # past the last result: the pool shuts down now, not when collected
