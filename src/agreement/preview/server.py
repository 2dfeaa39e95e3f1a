"""The preview's web server: the current page on 127.0.0.1, and an event stream that says when it changed.

It runs in threads beside the watcher (one per request, daemon threads, so an open event
stream never holds up the end). Only 127.0.0.1 is bound, and a request that names
another host (`Host:`) is refused, so a web page elsewhere cannot read the preview
through a DNS name that points here.
"""

from __future__ import annotations

import secrets
import threading
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from .page import EVENTS, content_policy, with_reload

HOST = "127.0.0.1"
KEEPALIVE_SECONDS = 15.0
"""How often an idle event stream gets a comment line, so a closed browser tab ends its thread."""


@dataclass(frozen=True)
class Version:
    number: int
    page: bytes


class Shown:
    """The page the server shows now and its version number, shared by the watcher and the requests.

    The watcher publishes; event streams wait for a version newer than the one their page has."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._current = Version(0, b"")
        self._closed = False

    @property
    def current(self) -> Version:
        with self._changed:
            return self._current

    def publish(self, page: bytes) -> int:
        """Show `page` from now on; returns its version number."""
        with self._changed:
            self._current = Version(self._current.number + 1, page)
            self._changed.notify_all()
            return self._current.number

    def wait_newer(self, version: int, timeout: float) -> int | None:
        """The current version number once it is newer than `version` or `timeout` has passed;
        None once the preview is closing."""
        with self._changed:
            self._changed.wait_for(lambda: self._closed or self._current.number > version, timeout)
            return None if self._closed else self._current.number

    def close(self) -> None:
        """Wake every waiting event stream so that it ends."""
        with self._changed:
            self._closed = True
            self._changed.notify_all()


class PreviewServer(ThreadingHTTPServer):
    """An HTTP server on 127.0.0.1 serving what `shown` holds."""

    daemon_threads = True
    allow_reuse_address = False  # a port in use is an error, not shared

    def __init__(self, shown: Shown, port: int = 0) -> None:
        self.shown = shown
        super().__init__((HOST, port), _Handler)

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}/"

    def allowed_hosts(self) -> set[str]:
        return {f"{HOST}:{self.port}", f"localhost:{self.port}"}

    def handle_error(self, request: object, client_address: object) -> None:
        """A browser that went away in the middle of a request is not the preview's error; socketserver
        would print a traceback for it."""


class _Handler(BaseHTTPRequestHandler):
    server: PreviewServer
    protocol_version = "HTTP/1.0"  # every response ends with its connection: no keep-alive bookkeeping

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        if self.headers.get("Host", "") not in self.server.allowed_hosts():
            self._send(HTTPStatus.FORBIDDEN, b"preview is served to 127.0.0.1 only\n", "text/plain; charset=utf-8")
            return
        target = urlsplit(self.path)
        if target.path in ("/", "/index.html"):
            self._page()
        elif target.path == EVENTS:
            self._events(parse_qs(target.query).get("version", ["0"])[0])
        else:
            self._send(HTTPStatus.NOT_FOUND, b"not found\n", "text/plain; charset=utf-8")

    def _page(self) -> None:
        nonce = secrets.token_urlsafe(16)
        current = self.server.shown.current
        self._send(HTTPStatus.OK, with_reload(current.page, current.number, nonce), "text/html; charset=utf-8",
                   {"Content-Security-Policy": content_policy(nonce)})

    def _events(self, since: str) -> None:
        """`data: N` whenever version N is newer than the last one sent, until the client goes."""
        version = int(since) if since.isdigit() else 0
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        try:
            self.wfile.write(b"retry: 200\n\n")
            self.wfile.flush()
            while True:
                newer = self.server.shown.wait_newer(version, KEEPALIVE_SECONDS)
                if newer is None:
                    return
                self.wfile.write(f"data: {newer}\n\n".encode() if newer > version else b": waiting\n\n")
                self.wfile.flush()
                version = newer
        except (BrokenPipeError, ConnectionResetError):
            return  # the page reloaded or the tab closed

    def _send(self, status: HTTPStatus, body: bytes, kind: str, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the signature http.server calls
        """Quiet: the library never prints, and a request log would bury the build messages."""
