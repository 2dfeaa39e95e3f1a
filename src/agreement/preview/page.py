"""What the preview serves: the built page with a reload script, or the problems instead.

The script is added here, by the server, to the page it serves: the built HTML stays
free of scripts. It listens to the server's event stream and reloads the page when the
server has a newer version than the one it shows. The page is served with a content
security policy that lets only this script run (by its nonce).
"""

from __future__ import annotations

import html
from typing import Sequence

from ..diagnostics import Diagnostic, format_text

EVENTS = "/events"
"""The server-sent events endpoint: `data: <version>` each time a newer version is ready."""

RELOAD_SCRIPT = (
    '<script nonce="{nonce}">/* agreement preview: reload when the document is saved */\n'
    '(function () {{\n'
    '  var shown = "{version}";\n'
    '  var events = new EventSource("' + EVENTS + '?version=" + shown);\n'
    '  events.onmessage = function (event) {{\n'
    '    if (event.data !== shown) {{ events.close(); location.reload(); }}\n'
    '  }};\n'
    '}})();\n'
    '</script>\n'
)


def with_reload(page: bytes, version: int, nonce: str) -> bytes:
    """The page with the reload script before `</body>` (at the end when there is none)."""
    script = RELOAD_SCRIPT.format(version=version, nonce=nonce).encode("utf-8")
    at = page.rfind(b"</body>")
    if at < 0:
        return page + script
    return page[:at] + script + page[at:]


def content_policy(nonce: str) -> str:
    """Only the reload script runs; the page's own inline styles and data: images and fonts load;
    nothing else is fetched but the event stream."""
    return (f"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'unsafe-inline'; "
            "img-src data:; font-src data:; connect-src 'self'; base-uri 'none'; form-action 'none'")


_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1b1b1b; }
h1 { font-size: 1.4rem; color: #8a1c1c; }
pre { background: #f6f6f6; border-left: 4px solid #8a1c1c; padding: 0.75rem 1rem; overflow-x: auto; }
p.note { color: #444; }
"""


def problems_page(source: str, diagnostics: Sequence[Diagnostic], lines: Sequence[str], error: str | None) -> bytes:
    """A page that lists why `source` cannot be shown: `file:line:col: CODE message` with the code
    frame, as `validate` prints them, or a template's error; everything escaped as HTML text."""
    blocks = [format_text(diagnostic, lines) for diagnostic in diagnostics]
    if error:
        blocks.append(error)
    shown = "\n".join(f"<pre>{html.escape(block)}</pre>" for block in blocks)
    count = len(blocks)
    title = f"{count} problem{'s' if count != 1 else ''} in {source}"
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n<main>\n"
        f"<h1>{html.escape(title)}</h1>\n{shown}\n"
        '<p class="note">The document comes back with the next save that fixes this.</p>\n'
        "</main>\n</body>\n</html>\n"
    ).encode("utf-8")
