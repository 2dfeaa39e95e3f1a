"""The Jinja steps: view model -> Pandoc Markdown, and view model + pandoc's HTML -> the web page.

Every template, bundled or the user's, runs in Jinja's SandboxedEnvironment (no
`__class__`, no attribute tricks). The filters that would mark text as trusted
(`safe`, `tojson`, `urlize`, `xmlattr`) are removed.

- The Markdown templates (`*.md.j2`) escape everything they print as plain
  Markdown text unless it is already a prepared block (`Markup`: a Markdown field
  wrapped for the sanitising filter, an anchor, a macro's output); `escape`
  escapes for Markdown. So a template author writes Markdown around `{{ value }}`
  and cannot turn YAML text into markup by accident.
- The page template (`document.html.j2`) escapes everything it prints as HTML,
  quotes included, so a value can stand in an attribute (`content="{{ … }}"`)
  as safely as in text.

A template is a program, and a user's may loop for ever or build a string of
gigabytes (`range(10**9)`, a recursive `extends`, `"x" * 10**10`). Rendering runs
within a time and memory budget (`budget`), and every failure of a template,
whatever Python raised, becomes a TemplateError naming its file and line.
"""

from __future__ import annotations

import os
import resource
import signal
import threading
import traceback
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from jinja2 import FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, TemplateNotFound, TemplateSyntaxError
from jinja2 import TemplateError as JinjaError
from jinja2.sandbox import SandboxedEnvironment, SecurityError
from markupsafe import Markup

from .escaping import indent_block, plain
from .template_folders import PAGE, SKELETON, TemplateError, TemplateSet
from .viewmodel import DocumentView, anchor

_UNSAFE_FILTERS = ("safe", "tojson", "urlize", "xmlattr", "forceescape")
SECONDS = 5
"""Wall-clock seconds one template may take to render; the bundled ones take milliseconds."""
MEMORY = 512 << 20
"""Bytes of address space one template may add while it renders."""
NUMBER_BITS = 10_000
"""Largest whole number (in bits) a template may compute by multiplying: Python computes
`10 ** 10 ** 10` in one uninterruptible step that would take hours."""


class _OutOfTime(Exception):
    """Raised inside a template that ran past SECONDS."""


def finalize(value: Any) -> Any:
    """Escape what a template prints, unless it is a prepared block."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    return plain(value)


def heading_id(value: object) -> Markup:
    """`{#id}` after a heading, from an anchor of the view model (`{{ area.anchor | heading_id }}`)."""
    return Markup("{#" + anchor(str(value)) + "}")


def heading_marks(level: int) -> Markup:
    """The `#`s of a Markdown heading of `level` (1–6), for headings whose depth follows the outline."""
    return Markup("#" * max(1, min(int(level), 6)))


def table_rule(widths: list[int]) -> Markup:
    """The line under a pipe table's header; the dashes set the relative column widths."""
    return Markup("|" + "|".join(":" + "-" * max(3, int(width)) for width in widths) + "|")


def _bytecode_cache() -> FileSystemBytecodeCache | None:
    """Compiled templates kept in the user's cache folder: compiling them costs more than a small build.

    Entries are keyed by each template's source, so an edited template is compiled again."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = Path(base) / "agreement" / "jinja"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(folder)) if os.access(folder, os.W_OK) else None


class _Sandbox(SandboxedEnvironment):
    """Jinja's sandbox, with multiplication and powers of whole numbers kept to NUMBER_BITS."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if isinstance(left, int) and isinstance(right, int):
            bits = left.bit_length() * abs(right) if operator == "**" else left.bit_length() + right.bit_length()
            if bits > NUMBER_BITS and abs(left) > 1:
                raise SecurityError(f"{operator!r} would compute a number of about {bits:,} bits; "
                                    f"at most {NUMBER_BITS:,}")
        return super().call_binop(context, operator, left, right)


def _sandbox(templates: TemplateSet, **options: Any) -> SandboxedEnvironment:
    """A sandboxed Jinja environment loading from the user's folder, then the bundled one."""
    env = _Sandbox(
        loader=FileSystemLoader([str(p) for p in templates.search_path], encoding="utf-8"),
        bytecode_cache=_bytecode_cache(),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
        **options,
    )
    for name in _UNSAFE_FILTERS:
        env.filters.pop(name, None)
    return env


def environment(templates: TemplateSet) -> SandboxedEnvironment:
    """The environment of the Markdown templates: what they print is escaped as Markdown text."""
    env = _sandbox(templates, finalize=finalize, keep_trailing_newline=True)
    env.filters["escape"] = env.filters["e"] = plain
    env.filters["indent_md"] = indent_block
    env.filters["heading_id"] = heading_id
    env.globals["table_rule"] = table_rule
    env.globals["heading_marks"] = heading_marks
    return env


def page_environment(templates: TemplateSet) -> SandboxedEnvironment:
    """The environment of the web page template: what it prints is escaped as HTML (quotes too)."""
    return _sandbox(templates, finalize=lambda value: "" if value is None else value)


def check_templates(templates: TemplateSet, env: SandboxedEnvironment | None = None, *,
                    main: str = SKELETON) -> None:
    """Compile up front every template of the kind of `main` (Markdown `.md.j2` or page `.html.j2`),
    so a broken one is reported once, by name and line, before any document is built."""
    env = env or environment(templates)
    suffix = "".join(Path(main).suffixes)
    for name in sorted(env.list_templates(filter_func=lambda n: n.endswith(suffix))):
        try:
            env.get_template(name)
        except TemplateSyntaxError as error:
            raise _syntax_error(error) from None
        except (OSError, UnicodeDecodeError) as error:  # Jinja reads the file as it compiles it
            raise TemplateError(_shown(str(templates.find_optional(name) or name)), f"cannot be read as UTF-8 text: {error}") from None
        except (RecursionError, MemoryError) as error:
            raise TemplateError(_shown(str(templates.find_optional(name) or name)),
                                f"too deeply nested to compile ({type(error).__name__})") from None
    try:
        env.get_template(main)
    except TemplateNotFound:
        raise TemplateError(main, "not found in " + " or ".join(map(str, templates.search_path))) from None


def render_markdown(view: DocumentView, templates: TemplateSet, env: SandboxedEnvironment | None = None,
                    skeleton: str = SKELETON, target: str = "md") -> str:
    """The Pandoc Markdown of a document, from the skeleton template and its partials (`skeleton`:
    `report.md.j2` for a follow-up report), for pandoc's `target` (`html`, `docx`, `typst`) or
    as the Markdown output (`md`): only a chart's source differs."""
    return _tidy(_render(env or environment(templates), skeleton, templates, doc=view, labels=view.labels,
                         target=target))


def render_page(view: DocumentView, templates: TemplateSet, contents: str, body: str, *, stylesheet: str,
                logo: str | None, logo_alt: str = "", footer: str | None = None,
                env: SandboxedEnvironment | None = None) -> str:
    """The web page: the page template around the body and contents pandoc wrote (already HTML);
    `logo` is a data URI and `footer` the brand's footer line."""
    return _render(env or page_environment(templates), PAGE, templates, doc=view, labels=view.labels,
                   contents=Markup(contents), body=Markup(body), stylesheet=Markup(stylesheet), logo=logo,
                   logo_alt=logo_alt, footer=footer)


def _render(env: SandboxedEnvironment, name: str, templates: TemplateSet, **context: Any) -> str:
    """Render template `name` within the budget; any failure is a TemplateError with file and line."""
    try:
        with budget():
            return env.get_template(name).render(**context)
    except TemplateSyntaxError as error:
        raise _syntax_error(error) from None
    except TemplateNotFound as error:
        raise TemplateError(str(error.name), "not found in " + " or ".join(map(str, templates.search_path))) from None
    except JinjaError as error:  # SecurityError, UndefinedError, ...
        raise _runtime_error(error, error.message or type(error).__name__) from None
    except _OutOfTime as error:
        raise _runtime_error(error, f"took longer than {SECONDS} s to render (a loop that does not end?)") from None
    except MemoryError as error:
        raise _runtime_error(error, f"needs more than {MEMORY >> 20:,} MB to render "
                                    "(a string or list repeated too many times?)") from None
    except RecursionError as error:
        raise _runtime_error(error, "calls itself without end (a recursive extends, include or macro)") from None
    except Exception as error:  # a template is a program: OverflowError, TypeError, ... are the author's
        raise _runtime_error(error, f"{type(error).__name__}: {error}") from None


@contextmanager
def budget(seconds: float = SECONDS, memory: int = MEMORY) -> Iterator[None]:
    """Run the body within `seconds` of wall-clock time and `memory` more bytes of address space.

    Time is kept by SIGALRM and memory by a raised RLIMIT_AS, both process-wide, so they
    apply only on the main thread (where builds render); elsewhere the body runs unbounded.
    """
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def out_of_time(signum: int, frame: Any) -> None:
        raise _OutOfTime()

    previous_handler = signal.signal(signal.SIGALRM, out_of_time)
    previous_limit = resource.getrlimit(resource.RLIMIT_AS)
    used = _address_space()
    limit = used + memory
    if used and (previous_limit[1] == resource.RLIM_INFINITY or limit <= previous_limit[1]):
        resource.setrlimit(resource.RLIMIT_AS, (limit, previous_limit[1]))
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous_handler)
        resource.setrlimit(resource.RLIMIT_AS, previous_limit)


def _address_space() -> int:
    """The bytes of address space this process uses now (Linux); 0 where it cannot be read."""
    try:
        with open("/proc/self/statm", encoding="ascii") as stream:
            return int(stream.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return 0


def _tidy(text: str) -> str:
    """At most one blank line in a row and one newline at the end: the same Markdown whatever
    the whitespace of the templates, which keeps golden files readable. Other lines are
    left alone (two trailing spaces are a line break in Markdown)."""
    tidy: list[str] = []
    for line in text.split("\n"):
        if not line.strip():
            if not tidy or tidy[-1] == "":
                continue
            line = ""
        tidy.append(line)
    return "\n".join(tidy).strip("\n") + "\n"


def _shown(filename: str | None) -> str:
    """A template's path as the user knows it: relative to the working folder when it is under it."""
    if not filename:
        return SKELETON
    path = Path(filename)
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _syntax_error(error: TemplateSyntaxError) -> TemplateError:
    return TemplateError(_shown(error.filename or error.name), error.message or "syntax error", error.lineno)


def _runtime_error(error: BaseException, message: str) -> TemplateError:
    """Name the template and line where rendering failed, from the frames Jinja rewrote."""
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename.endswith(".j2")]
    if frames:
        frame = frames[-1]
        return TemplateError(_shown(frame.filename), message, frame.lineno)
    return TemplateError(SKELETON, message)
