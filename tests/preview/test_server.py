"""The preview server over real HTTP on 127.0.0.1: the page with its reload script, the event stream,
the problems page, and what it refuses."""

from __future__ import annotations

import http.client
import threading
from pathlib import Path
from typing import Iterator

import pytest

from agreement.diagnostics import Diagnostic, Span
from agreement.preview.page import problems_page, with_reload
from agreement.preview.server import HOST, PreviewServer, Shown

TIMEOUT = 10.0
"""Seconds a test waits for an answer before it fails: a safety net, not a measurement."""


@pytest.fixture
def served() -> Iterator[tuple[Shown, PreviewServer]]:
    shown = Shown()
    shown.publish(b"<html><body><h1>Version one</h1></body></html>")
    server = PreviewServer(shown)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield shown, server
    shown.close()
    server.shutdown()
    server.server_close()


def get(server: PreviewServer, path: str, host: str | None = None) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection(HOST, server.port, timeout=TIMEOUT)
    connection.request("GET", path, headers={"Host": f"{HOST}:{server.port}" if host is None else host})
    return connection.getresponse()


def test_only_the_loopback_address_is_bound(served: tuple[Shown, PreviewServer]) -> None:
    _, server = served
    assert server.server_address[0] == "127.0.0.1"
    assert server.url == f"http://127.0.0.1:{server.port}/" and server.port > 0


def test_the_page_is_served_with_a_reload_script_that_only_it_may_run(served: tuple[Shown, PreviewServer]) -> None:
    _, server = served
    response = get(server, "/")
    body = response.read().decode()
    assert response.status == 200 and response.getheader("Content-Type") == "text/html; charset=utf-8"
    assert body.startswith("<html><body><h1>Version one</h1>") and body.endswith("</script>\n</body></html>")
    nonce = body.split('<script nonce="')[1].split('"')[0]
    policy = response.getheader("Content-Security-Policy") or ""
    assert f"script-src 'nonce-{nonce}'" in policy and "default-src 'none'" in policy
    assert 'var shown = "1";' in body and 'new EventSource("/events?version=" + shown)' in body


def test_the_event_stream_names_the_next_version_when_it_is_published(served: tuple[Shown, PreviewServer]) -> None:
    shown, server = served
    response = get(server, "/events?version=1")
    assert response.getheader("Content-Type") == "text/event-stream"
    assert response.readline() == b"retry: 200\n" and response.readline() == b"\n"
    shown.publish(b"<html><body>Version two</body></html>")
    assert response.readline() == b"data: 2\n"
    assert b"Version two" in get(server, "/").read()


def test_a_client_behind_the_current_version_hears_of_it_at_once(served: tuple[Shown, PreviewServer]) -> None:
    shown, server = served
    shown.publish(b"two")
    shown.publish(b"three")
    response = get(server, "/events?version=1")
    assert [response.readline() for _ in range(3)] == [b"retry: 200\n", b"\n", b"data: 3\n"]


def test_closing_ends_the_event_streams(served: tuple[Shown, PreviewServer]) -> None:
    shown, server = served
    response = get(server, "/events?version=1")
    response.readline()
    shown.close()
    assert response.read() == b"\n"  # the rest of the stream: it ends rather than waiting on


@pytest.mark.parametrize("host", ["evil.example:80", "192.168.0.1", ""])
def test_a_request_for_another_host_is_refused(served: tuple[Shown, PreviewServer], host: str) -> None:
    _, server = served
    response = get(server, "/", host=host)
    assert response.status == 403 and b"Version one" not in response.read()


def test_localhost_is_the_same_host(served: tuple[Shown, PreviewServer]) -> None:
    _, server = served
    assert get(server, "/", host=f"localhost:{server.port}").status == 200


def test_other_paths_are_not_found(served: tuple[Shown, PreviewServer]) -> None:
    _, server = served
    assert get(server, "/../../etc/passwd").status == 404
    assert get(server, "/favicon.ico").status == 404


def test_a_port_in_use_is_refused(served: tuple[Shown, PreviewServer]) -> None:
    _, server = served
    with pytest.raises(OSError):
        PreviewServer(Shown(), server.port)


def test_the_reload_script_goes_before_the_last_body_end() -> None:
    page = with_reload(b"<body><p>&lt;/body&gt;</p></body>", 7, "n")
    assert page.startswith(b"<body><p>&lt;/body&gt;</p><script nonce=\"n\">")
    assert page.endswith(b"</script>\n</body>") and b'var shown = "7";' in page
    assert with_reload(b"<p>no body end</p>", 1, "n").startswith(b"<p>no body end</p><script")


def test_problems_are_shown_as_validate_prints_them_and_escaped(tmp_path: Path) -> None:
    lines = ["kind: agreement", "title: <script>alert(1)</script>", "fooo: 1"]
    diagnostic = Diagnostic("S201", "unknown key 'fooo'", "plan.yaml", Span(3, 1, 3, 5), hint="did you mean 'foo'?")
    page = problems_page("plan.yaml", [diagnostic], lines, error="template partials/x.md.j2:4: unexpected '<'")
    text = page.decode()
    assert "<title>2 problems in plan.yaml</title>" in text
    assert "plan.yaml:3:1: S201 unknown key &#x27;fooo&#x27;\n  2 | title: &lt;script&gt;alert(1)&lt;/script&gt;\n" \
           "&gt; 3 | fooo: 1\n    | ^^^^" in text
    assert "<script>" not in text and "template partials/x.md.j2:4: unexpected &#x27;&lt;&#x27;" in text
