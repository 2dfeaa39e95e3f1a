"""The Jinja step: view model -> Pandoc Markdown, safe by default.

Every template, bundled or the user's, runs in Jinja's SandboxedEnvironment (no
`__class__`, no attribute tricks), and everything it prints is escaped as plain
text unless it is already a prepared block (`Markup`: a Markdown field wrapped for
the sanitising filter, an anchor, a macro's output). The filters that would mark
text as trusted (`safe`, `tojson`, `urlize`, `xmlattr`) are removed, and `escape`
escapes for Markdown. So a template author writes Markdown around `{{ value }}`
and cannot turn YAML text into markup by accident.
"""

from __future__ import annotations

import os
import traceback
from pathlib import Path
from typing import Any

from jinja2 import FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, TemplateNotFound, TemplateSyntaxError
from jinja2 import TemplateError as JinjaError
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from .escaping import indent_block, plain
from .templates import SKELETON, TemplateError, TemplateSet
from .viewmodel import DocumentView, anchor

_UNSAFE_FILTERS = ("safe", "tojson", "urlize", "xmlattr", "forceescape")


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


def environment(templates: TemplateSet) -> SandboxedEnvironment:
    """A sandboxed Jinja environment loading from the user's folder, then the bundled one."""
    env = SandboxedEnvironment(
        loader=FileSystemLoader([str(p) for p in templates.search_path], encoding="utf-8"),
        bytecode_cache=_bytecode_cache(),
        autoescape=True,
        finalize=finalize,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    for name in _UNSAFE_FILTERS:
        env.filters.pop(name, None)
    env.filters["escape"] = env.filters["e"] = plain
    env.filters["indent_md"] = indent_block
    env.filters["heading_id"] = heading_id
    env.globals["table_rule"] = table_rule
    return env


def check_templates(templates: TemplateSet, env: SandboxedEnvironment | None = None) -> None:
    """Compile every Jinja template up front, so a broken one is reported once, by name and line."""
    env = env or environment(templates)
    for name in sorted(env.list_templates(filter_func=lambda n: n.endswith(".j2"))):
        try:
            env.get_template(name)
        except TemplateSyntaxError as error:
            raise _syntax_error(error) from None
        except (OSError, UnicodeDecodeError) as error:  # Jinja reads the file as it compiles it
            raise TemplateError(_shown(str(templates.find_optional(name) or name)), f"cannot be read as UTF-8 text: {error}") from None
    try:
        env.get_template(SKELETON)
    except TemplateNotFound:
        raise TemplateError(SKELETON, "not found in " + " or ".join(map(str, templates.search_path))) from None


def render_markdown(view: DocumentView, templates: TemplateSet, env: SandboxedEnvironment | None = None) -> str:
    """The Pandoc Markdown of a document, from the skeleton template and its partials."""
    env = env or environment(templates)
    try:
        text = env.get_template(SKELETON).render(doc=view, labels=view.labels)
    except TemplateSyntaxError as error:
        raise _syntax_error(error) from None
    except TemplateNotFound as error:
        raise TemplateError(str(error.name), "not found in " + " or ".join(map(str, templates.search_path))) from None
    except JinjaError as error:  # SecurityError, UndefinedError, ...
        raise _runtime_error(error, error.message or type(error).__name__) from None
    except (TypeError, ValueError, AttributeError, KeyError, IndexError, ZeroDivisionError) as error:
        raise _runtime_error(error, f"{type(error).__name__}: {error}") from None
    return _tidy(text)


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
