"""A preview session: build the page, serve it, and build it again on every save.

The watchers (watchfiles, one thread per folder) only say that something changed; the
builds run on the calling thread, one at a time, which is also the thread where the
templates' time and memory budget applies. Saves that come while a build runs are
folded into one next build. What a save breaks (YAML, schema, a template) is shown in
the page instead of the document until a save fixes it.
"""

from __future__ import annotations

import queue
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..render.brand import find_brand
from ..render.single import Page, html_page
from ..resources import bundled
from ..discovery import UsageError
from ..processes import signals_held
from .page import problems_page
from .server import PreviewServer, Shown

DEBOUNCE_MS = 100
"""Longest wait for a burst of file events (an editor's save is several) before building."""
STEP_MS = 20
"""How long the file system must stay quiet after an event before the burst counts as ended."""
POLL_SECONDS = 0.2
"""How often the build loop looks at its stop flag, and at the document's size and time, while no
event comes."""


JOIN_SECONDS = 2.0
"""How long stopping waits for each watcher thread to end."""


class WatchError(Exception):
    """A watched folder cannot be watched any more (removed, unreadable)."""


@dataclass(frozen=True)
class Rebuilt:
    """One build of the preview: what was shown, as which version, and how long the build took."""

    version: int
    page: Page
    seconds: float

    @property
    def ok(self) -> bool:
        return self.page.html is not None


@dataclass(frozen=True)
class Watched:
    """A folder to watch, whether its subfolders count, and which of its files matter."""

    folder: Path
    recursive: bool
    only: Path | None = None


class Preview:
    """One document served on 127.0.0.1 and rebuilt whenever it or a template is saved."""

    def __init__(self, document: Path, templates: Path | None = None, language: str | None = None,
                 port: int = 0, brand: Path | None = None) -> None:
        if not document.is_file():
            raise UsageError(f"{document}: no such file" if not document.exists() else f"{document}: not a file")
        if templates is not None and not templates.is_dir():
            raise UsageError(f"{templates}: no such templates folder")
        if brand is not None and not brand.is_file():
            raise UsageError(f"{brand}: no such brand file")
        self.document, self.templates, self.language = document, templates, language
        self.brand = brand or find_brand(document)
        self.shown = Shown()
        self.stamp: tuple[int, ...] = ()
        try:
            self.server = PreviewServer(self.shown, port)
        except OSError as error:
            raise UsageError(f"cannot serve on 127.0.0.1:{port}: {error.strerror or error}") from None

    @property
    def url(self) -> str:
        return self.server.url

    def watched(self) -> list[Watched]:
        """The document's folder (for the document alone: editors save by writing a new file and
        renaming it, which a watch on the file itself would lose), the user's templates, the
        bundled ones and the brand file."""
        folders = [Watched(self.document.resolve().parent, False, self.document.resolve())]
        folders.extend(Watched(folder.resolve(), True) for folder in (self.templates, bundled("templates"))
                       if folder is not None)
        if self.brand is not None:
            folders.append(Watched(self.brand.resolve().parent, False, self.brand.resolve()))
        return folders

    def rebuild(self) -> Rebuilt:
        """Build the page and show it, or show the problems in its place."""
        started = time.perf_counter()
        self.stamp = _stamp(self.document)
        try:
            page = html_page(self.document, self.templates, self.language, self.brand)
        except UsageError as error:  # the templates folder went away while previewing
            page = Page(None, error=str(error))
        shown = page.html if page.html is not None else problems_page(
            str(self.document), page.diagnostics, page.lines, page.error)
        version = self.shown.publish(shown)
        return Rebuilt(version, page, time.perf_counter() - started)

    def run(self, on_rebuilt: Callable[[Rebuilt], None], stop: threading.Event | None = None) -> None:
        """Serve, build, and build again after every change until `stop` is set or Ctrl-C."""
        stop = stop or threading.Event()
        changes: queue.Queue[object] = queue.Queue()
        serving = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.1},
                                   name="preview-server", daemon=True)
        watchers = [threading.Thread(target=_watch, args=(watched, changes, stop), name="preview-watch", daemon=True)
                    for watched in self.watched()]
        try:
            for watcher in watchers:  # before the first build, so that no save goes unseen
                watcher.start()
            on_rebuilt(self.rebuild())
            with signals_held():  # stopped inside start(), the thread could not yet be alive and would
                serving.start()  # then serve the socket `close` had closed: a traceback on the way out
            while not stop.is_set():
                if _wait_for_change(changes, stop) or self.stamp != _stamp(self.document):
                    on_rebuilt(self.rebuild())
        finally:
            stop.set()
            self.close(serving.is_alive())
            for watcher in watchers:  # they see `stop` within a step; a daemon thread cut off at exit could
                if watcher.is_alive():  # still be writing
                    watcher.join(JOIN_SECONDS)

    def close(self, serving: bool = False) -> None:
        """End the event streams and the server, and free the port."""
        self.shown.close()
        if serving:
            self.server.shutdown()
        self.server.server_close()


def _stamp(path: Path) -> tuple[int, ...]:
    """What tells one version of the file from the next without reading it: checked when no event
    came, in case one was missed (a save while the watchers started, a file system without events)."""
    try:
        found = path.stat()
    except OSError:
        return ()
    return (found.st_ino, found.st_size, found.st_mtime_ns)


def _wait_for_change(changes: queue.Queue[object], stop: threading.Event) -> bool:
    """Whether something changed within POLL_SECONDS; every change waiting is taken at once, so a
    burst of saves is one build. A watcher's failure is raised here, on the building thread."""
    try:
        found = [changes.get(timeout=POLL_SECONDS)]
    except queue.Empty:
        return False
    while True:
        try:
            found.append(changes.get_nowait())
        except queue.Empty:
            break
    for item in found:
        if isinstance(item, Exception):
            raise WatchError(str(item))
    return not stop.is_set()


def _watch(watched: Watched, changes: queue.Queue[object], stop: threading.Event) -> None:
    """Put a mark into `changes` for every burst of changes that matters, until `stop` is set."""
    import watchfiles

    ignored = watchfiles.DefaultFilter()

    def matters(change: watchfiles.Change, path: str) -> bool:
        if watched.only is not None:
            return Path(path) == watched.only
        return ignored(change, path)

    try:
        for _ in watchfiles.watch(watched.folder, watch_filter=matters, recursive=watched.recursive,
                                  debounce=DEBOUNCE_MS, step=STEP_MS, stop_event=stop, rust_timeout=500,
                                  raise_interrupt=False):
            changes.put(True)
    except Exception as error:  # the folder went away; the build loop says so and stops
        if not stop.is_set():
            changes.put(WatchError(f"cannot watch {watched.folder}: {error}"))
