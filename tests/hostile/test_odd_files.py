"""Odd files and streams where documents, outputs, the build cache, the configuration or
standard output are expected: a clear one-line message and exit status 2, never a hang
(a named pipe waits for a writer forever; /dev/zero never ends) or a traceback.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from .support import AGREEMENT, EXAMPLE, PLAN, ROOT, agreement, assert_clean_failure, documents

CACHE = ".agreement-build.json"
BROKEN = ROOT / "tests" / "fixtures" / "broken"
"""Documents with a problem each: validate prints them on standard output."""
fifos = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


# -- where documents are read -----------------------------------------------------------------


@fifos
@pytest.mark.parametrize("command", [["validate"], ["lint"], ["build", "--to", "md"]])
def test_a_named_pipe_among_the_documents_is_reported_not_waited_for(tmp_path: Path, command: list[str]) -> None:
    documents(tmp_path / "plans", 1)
    os.mkfifo(tmp_path / "plans" / "pipe.yaml")
    result = agreement(*command, tmp_path / "plans", *(["--out", tmp_path / "out"] if "build" in command else []))
    assert_clean_failure(result, 2, f"{tmp_path / 'plans' / 'pipe.yaml'}: Y101 cannot read file: "
                                    "is a named pipe, not a regular file")


def test_a_device_named_as_a_document_is_not_read(tmp_path: Path) -> None:
    assert_clean_failure(agreement("validate", "/dev/zero"), 2,
                         "/dev/zero: Y101 cannot read file: is a device, not a regular file")


@fifos
def test_a_named_pipe_among_the_templates_is_reported_not_waited_for(tmp_path: Path) -> None:
    (tmp_path / "templates" / "partials").mkdir(parents=True)
    os.mkfifo(tmp_path / "templates" / "partials" / "extra.md.j2")
    result = agreement("build", PLAN, "--to", "md", "--out", tmp_path / "out", "--templates", tmp_path / "templates")
    assert_clean_failure(result, 2, f"error: template {tmp_path / 'templates' / 'partials' / 'extra.md.j2'}: "
                                    "cannot be read: is a named pipe, not a regular file")


# -- where the build writes ----------------------------------------------------------------------


@pytest.mark.parametrize("odd", ["named pipe", "folder"])
def test_something_odd_where_an_output_goes_fails_the_build_with_status_2(tmp_path: Path, odd: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / "plan-by-party.md"
    make_odd(target, odd)
    result = agreement("build", PLAN, "--to", "md", "--out", out)
    reason = "is a named pipe that nothing read within 3 s" if odd == "named pipe" else "is a folder"
    assert_clean_failure(result, 2, f"{PLAN}: error: cannot write {target}: {reason}")
    assert not [path.name for path in out.iterdir() if path.name.endswith(".tmp")]


@pytest.mark.parametrize("odd, reason", [("named pipe", "is a named pipe, not a regular file"),
                                         ("folder", "is a folder, not a file")])
def test_something_odd_where_the_build_cache_goes_stops_before_building(tmp_path: Path, odd: str, reason: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    make_odd(out / CACHE, odd)
    result = agreement("build", PLAN, "--to", "md", "--out", out)
    assert_clean_failure(result, 2, f"error: {out / CACHE}: cannot keep the build cache there: {reason}")
    assert sorted(path.name for path in out.iterdir()) == [CACHE]


def make_odd(path: Path, odd: str) -> None:
    if odd == "folder":
        path.mkdir()
    elif hasattr(os, "mkfifo"):
        os.mkfifo(path)
    else:
        pytest.skip("no named pipes here")


def test_a_full_disk_while_saving_the_build_cache(tmp_path: Path) -> None:
    """A real full disk: the output folder is a tmpfs (in a user namespace of its own) with
    room for the built file and not one page more."""
    if not shutil.which("unshare") or subprocess.run(
            ["unshare", "--user", "--map-root-user", "--mount", "true"], capture_output=True).returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (no unprivileged user namespaces)")
    size = len(markdown_of(tmp_path / "probe"))
    pages = -(-size // 4096)
    out = tmp_path / "full"
    out.mkdir()
    script = (f"mount -t tmpfs -o size=64k tmpfs {out} && head -c {(16 - pages) * 4096} /dev/zero > {out}/filler "
              f'&& exec "$0" build {PLAN} --to md --out {out}')
    result = subprocess.run(["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", script, str(AGREEMENT)],
                            capture_output=True, text=True, timeout=10)
    assert_clean_failure(result, 2, f"error: {out / CACHE}: cannot save the build cache: No space left on device")
    assert f"built: {PLAN} -> {out / 'plan-by-party.md'}" in result.stdout


def markdown_of(out: Path) -> bytes:
    result = agreement("build", PLAN, "--to", "md", "--out", out)
    assert result.returncode == 0, result.stderr
    return (out / "plan-by-party.md").read_bytes()


# -- configuration ------------------------------------------------------------------------------


def test_a_configuration_that_never_ends_is_not_read(tmp_path: Path) -> None:
    assert_clean_failure(agreement("lint", EXAMPLE, "--config", "/dev/zero"), 2,
                         "error: invalid lint configuration: /dev/zero: cannot read: is a device, not a regular file")


def test_a_huge_configuration_is_not_read(tmp_path: Path) -> None:
    config = tmp_path / "agreement.toml"
    config.write_text("#" * (2 * 1024 * 1024), encoding="utf-8")
    assert_clean_failure(agreement("lint", EXAMPLE, "--config", config), 2,
                         f"error: invalid lint configuration: {config}: cannot read: larger than 1 MB")


@pytest.mark.parametrize("value", ["9223372036854775808", "true", "-1", "367"])
def test_a_rule_option_out_of_range_names_file_option_and_range(tmp_path: Path, value: str) -> None:
    documents(tmp_path, 1)
    (tmp_path / "pyproject.toml").write_text(f"[tool.agreement.lint.rules.L201]\ngrace_days = {value}\n", encoding="utf-8")
    result = agreement("lint", "document-000.yaml", cwd=tmp_path)
    assert_clean_failure(result, 2, "error: invalid lint configuration: pyproject.toml:2: invalid value for option "
                                    "'grace_days' of L201 (overdue-follow-up): expected a whole number from 0 to 366, "
                                    f"found {value}")


# -- standard output and error ------------------------------------------------------------------


def test_closed_standard_output(tmp_path: Path) -> None:
    result = agreement("lint", EXAMPLE, preexec_fn=lambda: os.close(1))
    assert_clean_failure(result, 2, "error: standard output is closed; redirect it to a file or /dev/null instead")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
@pytest.mark.parametrize("command", [["lint", EXAMPLE], ["validate", BROKEN], ["build", PLAN, "--to", "md"]])
def test_full_standard_output(tmp_path: Path, command: list[str | Path]) -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run([str(AGREEMENT), *map(str, command), *(["--out", str(tmp_path)] if "build" in command else [])],
                                stdout=full, stderr=subprocess.PIPE, text=True, timeout=10)
    assert_clean_failure(result, 2, "error: cannot write to standard output: no space is left on the device")
    assert result.stderr.count("error:") == 1


def test_standard_output_not_open_for_writing(tmp_path: Path) -> None:
    with open(os.devnull, "rb") as read_only:
        result = subprocess.run([str(AGREEMENT), "lint", str(EXAMPLE)], stdout=read_only, stderr=subprocess.PIPE,
                                text=True, timeout=10)
    assert_clean_failure(result, 2, "error: cannot write to standard output: it is not open for writing")


def test_standard_output_whose_reader_went_away(tmp_path: Path) -> None:
    process = subprocess.Popen([str(AGREEMENT), "lint", "--format", "json", str(EXAMPLE)], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    process.stdout.close()  # type: ignore[union-attr]  (like `| head -0`, before anything is written)
    _, stderr = process.communicate(timeout=10)
    assert process.returncode == 2, stderr
    assert stderr.splitlines()[-1] == "error: cannot write to standard output: whatever was reading it stopped"
    assert "Traceback" not in stderr


# -- standard input ---------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["validate", "lint"])
def test_closed_standard_input(command: str) -> None:
    result = agreement(command, "-", preexec_fn=lambda: os.close(0))
    assert_clean_failure(result, 2, "error: standard input is closed; give the document on it, or name its file")


@pytest.mark.parametrize("command", ["validate", "lint"])
def test_endless_standard_input_stops_at_the_size_limit(command: str) -> None:
    with open("/dev/zero", "rb") as zeros:
        result = subprocess.run([str(AGREEMENT), command, "-", "--stdin-filename", "plans/doc.yaml"], stdin=zeros,
                                capture_output=True, text=True, timeout=10)
    assert_clean_failure(result, 1, "plans/doc.yaml: Y102 file is larger than 5 MB")
