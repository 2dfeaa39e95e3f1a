"""Benchmark of `agreement preview`: from a save to the browser's reload fetching the new page.

    python bench/preview.py        (also run by `make bench`)

Starts `agreement preview` on a copy of the Eslöv example, and does what the page's
reload script does with Python's http.client: waits on the event stream for a version
newer than the one shown, then fetches the page. Each of SAVES saves changes the title;
its latency is the time from the write to the page that shows the new title. Reported:
median and 90th percentile, against the target (DESIGN.md: a preview reloads within
0.5 s of a save), and against the baseline measured in the same run: building the same
page in-process (`render.single.html_page`) without watching or serving, so the ratio
says what watching, the event stream and the fetch add to the build itself.
"""

from __future__ import annotations

import http.client
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ESLOV = ROOT / "examples/eslov-2015-2018/agreement.yaml"
AGREEMENT = str(Path(sys.executable).with_name("agreement"))
SAVES = 20
PAUSE = 0.3
"""Seconds between saves: a person types between saves; builds must not queue behind each other."""
TARGET = 0.5
TIMEOUT = 30.0
"""Seconds to wait for anything: a safety net so that a broken preview ends the benchmark."""
TITLE = re.compile(r"^title: .*$", re.MULTILINE)


class Reader:
    """What the reload script does, over http.client: follow the event stream, fetch the page."""

    def __init__(self, port: int) -> None:
        self.port = port

    def _get(self, path: str) -> http.client.HTTPResponse:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=TIMEOUT)
        connection.request("GET", path)
        return connection.getresponse()

    def page(self) -> str:
        return self._get("/").read().decode("utf-8")

    def listen(self, version: int) -> http.client.HTTPResponse:
        events = self._get(f"/events?version={version}")
        events.readline(), events.readline()  # the `retry:` line and its blank line
        return events

    @staticmethod
    def next_event(events: http.client.HTTPResponse) -> None:
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            if events.readline().startswith(b"data: "):
                return
        raise SystemExit(f"no reload event within {TIMEOUT} s")


def _version(page: str) -> int:
    found = re.search(r'var shown = "(\d+)"', page)
    if found is None:
        raise SystemExit("the preview page has no reload script")
    return int(found.group(1))


def save_to_page(reader: Reader, document: Path, title: str) -> float:
    """Seconds from writing a new title to fetching the page that shows it."""
    events = reader.listen(_version(reader.page()))
    text = TITLE.sub(f"title: {title}", document.read_text(encoding="utf-8"), count=1)
    started = time.perf_counter()
    document.write_text(text, encoding="utf-8")
    while True:
        reader.next_event(events)
        if title in reader.page():
            return time.perf_counter() - started
        events = reader.listen(_version(reader.page()))  # an earlier burst's version: wait for the next


def measure_latencies(document: Path, saves: int = SAVES) -> list[float]:
    process = subprocess.Popen([AGREEMENT, "preview", str(document)], stderr=subprocess.PIPE, text=True)
    try:
        assert process.stderr is not None
        first = process.stderr.readline()
        found = re.search(r"127\.0\.0\.1:(\d+)/", first)
        if found is None:
            raise SystemExit(f"agreement preview did not start: {first}")
        reader = Reader(int(found.group(1)))
        latencies = []
        for number in range(saves):
            latencies.append(save_to_page(reader, document, f"Benchmark {number}"))
            time.sleep(PAUSE)
        return latencies
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=TIMEOUT)


def measure_builds(document: Path, builds: int = SAVES) -> list[float]:
    """The baseline: the same page built in this process, no watching or serving."""
    from agreement.render.single import html_page

    html_page(document)  # the first build compiles the templates, as the preview's first build does
    times = []
    for _ in range(builds):
        started = time.perf_counter()
        html_page(document)
        times.append(time.perf_counter() - started)
    return times


def p90(values: list[float]) -> float:
    return statistics.quantiles(values, n=10, method="inclusive")[-1]


def report() -> tuple[str, str | None]:
    """The table, and what missed the target (None when nothing did)."""
    with tempfile.TemporaryDirectory(prefix="agreement-bench-preview-") as folder:
        document = Path(folder) / "eslov.yaml"
        shutil.copy(ESLOV, document)
        builds = measure_builds(document)
        latencies = measure_latencies(document)
    median, slow = statistics.median(latencies), p90(latencies)
    build = statistics.median(builds)
    lines = [
        f"{'measure':<44}{'median':>10}{'p90':>10}",
        f"{'save -> reloaded page (preview, ' + str(SAVES) + ' saves)':<44}{median:>9.3f}s{slow:>9.3f}s",
        f"{'build of the page alone (baseline)':<44}{build:>9.3f}s{p90(builds):>9.3f}s",
        f"{'ratio: save-to-page / build':<44}{median / build:>9.2f}x",
        f"target: median save-to-page at most {TARGET:.1f} s: {'met' if median <= TARGET else 'MISSED'}",
    ]
    problem = None if median <= TARGET else f"preview median save-to-page {median:.3f} s > {TARGET} s"
    return "\n".join(lines), problem


def main() -> None:
    text, problem = report()
    print(text)
    if problem:
        sys.exit(problem)


if __name__ == "__main__":
    main()
