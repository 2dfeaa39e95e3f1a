"""`agreement preview` end to end over real HTTP: a save is announced on the event stream and served,
a broken save shows its problems, the next good save brings the document back, Ctrl-C stops it.

Waits have generous time-outs that only keep a broken run from hanging; nothing here is timed
(the half-second bound is checked in Chromium by tests/e2e/test_preview.py and measured by
bench/preview.py).
"""

from __future__ import annotations

import http.client
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Iterator

import pytest

from agreement.preview import Preview, Rebuilt

REPO = Path(__file__).resolve().parents[2]
ESLOV = REPO / "examples/eslov-2015-2018/agreement.yaml"
AGREEMENT = str(Path(sys.executable).with_name("agreement"))
TIMEOUT = 20.0
"""Seconds to wait for anything before failing: a safety net for a broken run, never a measurement."""
TITLE = "Samverkansavtal mellan polisen och Eslövs kommun 2015-18"


class Client:
    """A reader of the preview: fetches the page and follows the event stream, as the reload script does."""

    def __init__(self, port: int) -> None:
        self.port = port

    def page(self) -> str:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=TIMEOUT)
        connection.request("GET", "/")
        return connection.getresponse().read().decode("utf-8")

    def version(self) -> int:
        return int(re.search(r'var shown = "(\d+)"', self.page()).group(1))  # type: ignore[union-attr]

    def next_version(self, after: int) -> int:
        """Wait on the event stream for the first version after `after`."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=TIMEOUT)
        connection.request("GET", f"/events?version={after}")
        return read_event(connection.getresponse())

    def after_save(self, save: callable) -> str:  # type: ignore[valid-type]
        """The page as it is once `save()` has been seen and rebuilt."""
        version = self.version()
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=TIMEOUT)
        connection.request("GET", f"/events?version={version}")
        response = connection.getresponse()
        save()
        read_event(response)
        return self.page()


def read_event(response: http.client.HTTPResponse) -> int:
    """The version number of the next event of the stream (keep-alive comments skipped)."""
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        line = response.readline()
        assert line, "the event stream ended"
        if line.startswith(b"data: "):
            return int(line[6:])
    pytest.fail(f"no event within {TIMEOUT} s")


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plans" / "eslov.yaml"
    path.parent.mkdir()
    shutil.copy(ESLOV, path)
    return path


@pytest.fixture
def running(plan: Path) -> Iterator[tuple[subprocess.Popen[str], Client]]:
    process = subprocess.Popen([AGREEMENT, "preview", plan.name], cwd=plan.parent, stderr=subprocess.PIPE,
                               text=True, env={**os.environ, "NO_COLOR": "1"})
    assert process.stderr is not None
    first = process.stderr.readline()
    match = re.fullmatch(r"previewing eslov\.yaml at http://127\.0\.0\.1:(\d+)/ \(Ctrl-C to stop\)\n", first)
    assert match, first + process.stderr.read() if process.poll() is not None else first
    assert process.stderr.readline().startswith("version 1: built in ")
    yield process, Client(int(match.group(1)))
    if process.poll() is None:
        process.kill()
        process.wait(timeout=TIMEOUT)


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_save_is_built_and_served(running: tuple[subprocess.Popen[str], Client], plan: Path) -> None:
    _, client = running
    assert TITLE in client.page()
    page = client.after_save(lambda: replace(plan, f"title: {TITLE}", "title: Reviderat avtal 2016"))
    assert "Reviderat avtal 2016" in page and TITLE not in page


def test_a_save_by_rename_as_editors_do_is_seen_too(running: tuple[subprocess.Popen[str], Client],
                                                     plan: Path) -> None:
    _, client = running
    temporary = plan.with_name(".eslov.yaml.tmp")

    def save() -> None:
        temporary.write_text(plan.read_text(encoding="utf-8").replace(f"title: {TITLE}", "title: Sparat via namnbyte"),
                             encoding="utf-8")
        os.replace(temporary, plan)

    assert "Sparat via namnbyte" in client.after_save(save)
    assert "Ändrat igen" in client.after_save(lambda: replace(plan, "title: Sparat via namnbyte", "title: Ändrat igen"))


def test_a_broken_save_shows_its_problem_and_a_good_one_the_document_again(
        running: tuple[subprocess.Popen[str], Client], plan: Path) -> None:
    _, client = running
    line = next(number for number, text in enumerate(plan.read_text(encoding="utf-8").splitlines(), 1)
                if text.startswith("language:"))
    broken = client.after_save(lambda: replace(plan, "\nlanguage: sv", "\nlangage: sv"))
    assert f"eslov.yaml:{line}:1: S201 unknown key &#x27;langage&#x27;" in broken
    assert f"&gt; {line} | langage: sv" in broken and "<title>1 problem in " in broken
    fixed = client.after_save(lambda: replace(plan, "\nlangage: sv", "\nlanguage: sv"))
    assert TITLE in fixed and "S201" not in fixed


def test_a_yaml_error_is_shown_with_its_line(running: tuple[subprocess.Popen[str], Client], plan: Path) -> None:
    _, client = running
    page = client.after_save(lambda: replace(plan, "schema: 1\n", "schema: [1\n"))
    assert re.search(r"eslov\.yaml:\d+:\d+: Y\d{3} ", page), page


def test_ctrl_c_stops_it_cleanly(running: tuple[subprocess.Popen[str], Client]) -> None:
    process, client = running
    assert TITLE in client.page()
    process.send_signal(signal.SIGINT)
    _, errors = process.communicate(timeout=TIMEOUT)
    assert process.returncode in (0, 130) and "Traceback" not in errors, errors
    with pytest.raises(OSError):
        client.page()  # the port is closed


def test_kill_stops_it_cleanly_too(running: tuple[subprocess.Popen[str], Client]) -> None:
    process, _ = running
    process.terminate()
    _, errors = process.communicate(timeout=TIMEOUT)
    assert (process.returncode, errors) == (0, "preview stopped\n")


@pytest.mark.parametrize(("args", "said"), [
    (["missing.yaml"], "missing.yaml: no such file"),
    (["PLAN", "--templates", "nowhere"], "nowhere: no such templates folder"),
    (["PLAN", "--lang", "de"], "unknown language 'de'"),
])
def test_usage_mistakes_exit_2(plan: Path, args: list[str], said: str) -> None:
    done = subprocess.run([AGREEMENT, "preview", *(str(plan) if arg == "PLAN" else arg for arg in args)],
                          cwd=plan.parent, capture_output=True, text=True, timeout=TIMEOUT)
    assert done.returncode == 2 and said in done.stderr and "Traceback" not in done.stderr


def test_a_port_in_use_exits_2(running: tuple[subprocess.Popen[str], Client], plan: Path) -> None:
    _, client = running
    done = subprocess.run([AGREEMENT, "preview", str(plan), "--port", str(client.port)], capture_output=True,
                          text=True, timeout=TIMEOUT)
    assert done.returncode == 2 and f"cannot serve on 127.0.0.1:{client.port}" in done.stderr


# -- in-process: a template of --templates -------------------------------------------------------


@pytest.fixture
def in_process(plan: Path, tmp_path: Path) -> Iterator[tuple[Client, Path, list[Rebuilt]]]:
    """A preview of `plan` with a user templates folder, run in a thread of this process."""
    templates = tmp_path / "templates"
    templates.mkdir()
    session = Preview(plan, templates)
    stop = threading.Event()
    rebuilt: list[Rebuilt] = []
    thread = threading.Thread(target=session.run, args=(rebuilt.append, stop), daemon=True)
    thread.start()
    client = Client(session.server.port)
    client.next_version(0)
    yield client, templates, rebuilt
    stop.set()
    thread.join(TIMEOUT)
    assert not thread.is_alive()


def test_a_broken_template_shows_its_file_and_line_until_it_is_fixed(
        in_process: tuple[Client, Path, list[Rebuilt]]) -> None:
    client, templates, rebuilt = in_process
    partial = templates / "document.html.j2"
    page = client.after_save(lambda: partial.write_text("<html><body>\n{{ doc.title }\n</body></html>\n",
                                                        encoding="utf-8"))
    assert re.search(r"template \S*document\.html\.j2:2: ", page), page
    assert not rebuilt[-1].ok and rebuilt[-1].page.error
    page = client.after_save(lambda: partial.write_text("<html><body><h1>Egen mall: {{ doc.title }}</h1></body></html>\n",
                                                        encoding="utf-8"))
    assert f"<h1>Egen mall: {TITLE}</h1>" in page and rebuilt[-1].ok


def test_the_built_page_has_no_script_of_its_own(in_process: tuple[Client, Path, list[Rebuilt]]) -> None:
    _, _, rebuilt = in_process
    assert rebuilt[0].ok and b"<script" not in (rebuilt[0].page.html or b"<script")
