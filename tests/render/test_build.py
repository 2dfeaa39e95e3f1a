"""`agreement build` end to end: exit codes, atomic outputs, reproducible bytes, the cache, languages."""

from __future__ import annotations

import errno
import importlib
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from agreement.cli import app
from agreement.followups.logs import is_follow_up_file
from agreement.render.build_cache import CACHE_NAME

from .conftest import EXAMPLES, HOSTILE, PLAN, run_build

build_module = importlib.import_module("agreement.render.build")  # the package exports a function of that name

INVALID = """\
kind: agreement
schema: 1
id: invalid
title: Ogiltig
period: {start: 2020-01-01, end: 2020-12-31}
parties:
  - {id: kommun, name: Kommun, type: municipality}
focus_areas:
  - id: a
    title: A
    actions:
      - {title: X, owner: komun}
"""


def agreement(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["build", "--jobs", "1", *args], env=env, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir()) if path.is_file()}


# -- exit codes and messages --------------------------------------------------------------


def test_an_invalid_document_is_reported_like_validate_and_not_built(tmp_path: Path) -> None:
    source = tmp_path / "invalid.yaml"
    source.write_text(INVALID, encoding="utf-8")
    code, out, err = agreement(str(source), str(PLAN), "--to", "md", "--out", str(tmp_path / "out"))
    assert code == 1
    assert f"{source}:12:27: R301 owner 'komun' is not a declared party or unit" in out
    assert "did you mean 'kommun'?" in out
    assert f"invalid: {source}" in out and f"built: {PLAN}" in out
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [CACHE_NAME, "plan-by-party.md"]
    assert "1 built, 1 invalid" in err


@pytest.mark.parametrize("args, message", [
    (["no/such/file.yaml"], "no/such/file.yaml: no such file or folder"),
    ([str(PLAN), "--to", "pdf,odt"], "unknown format 'odt'"),
    ([str(PLAN), "--templates", "no/such/folder"], "no/such/folder: no such templates folder"),
    ([str(PLAN), "--lang", "de"], "i18n/de.yaml"),
])
def test_usage_errors_exit_2_with_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    code, _, err = agreement(*args, "--out", str(tmp_path))
    assert code == 2
    assert message in err and "Traceback" not in err


def test_a_broken_template_names_file_and_line_and_builds_nothing(tmp_path: Path) -> None:
    templates = tmp_path / "templates" / "partials"
    templates.mkdir(parents=True)
    (templates / "goals.md.j2").write_text("# Mål\n\n{% if doc.goals %}\n{{ doc.goals | length }\n", encoding="utf-8")
    code, _, err = agreement(str(PLAN), "--templates", str(tmp_path / "templates"), "--out", str(tmp_path / "out"))
    assert code == 2
    assert f"{templates / 'goals.md.j2'}:4:" in err
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


# -- atomic outputs --------------------------------------------------------------------------------


def test_a_failing_pandoc_keeps_the_previous_output_and_leaves_no_partial_file(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run_build([PLAN], out, formats=("docx", "md")).exit_code == 0
    before = snapshot(out)
    broken = tmp_path / "templates"
    broken.mkdir()
    (broken / "reference.docx").write_bytes(b"not a Word file")
    report = run_build([PLAN], out, formats=("docx", "md"), templates=broken)
    assert report.exit_code == 1
    error = report.results[0].error or ""
    assert "pandoc (docx" in error and str(broken / "reference.docx") in error
    assert snapshot(out) == before  # no new md either: a document's outputs are written together


def test_a_failing_typst_keeps_every_previous_output(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run_build([PLAN], out, formats=("html", "pdf")).exit_code == 0
    before = snapshot(out)
    broken = tmp_path / "templates"
    broken.mkdir()
    (broken / "document.typ").write_text('#let accent = rgb("not a colour")\n$body$\n', encoding="utf-8")
    report = run_build([PLAN], out, formats=("html", "pdf"), templates=broken)
    assert report.exit_code == 1 and (report.results[0].error or "").startswith("typst:")
    assert snapshot(out) == before


# -- reproducible outputs ---------------------------------------------------------------------------


def test_two_builds_give_the_same_bytes_in_every_format(tmp_path: Path, plan_build: Path) -> None:
    again = tmp_path / "again"
    assert run_build([PLAN], again).exit_code == 0
    first, second = snapshot(plan_build), snapshot(again)
    for name in ("plan-by-party.html", "plan-by-party.docx", "plan-by-party.pdf", "plan-by-party.md"):
        assert first[name] == second[name], f"{name} differs between two builds"


def test_dates_in_the_files_come_from_the_document(plan_build: Path) -> None:
    with zipfile.ZipFile(plan_build / "plan-by-party.docx") as archive:
        core = archive.read("docProps/core.xml").decode()
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert "2021-02-15T00:00:00Z</dcterms:created>" in core
    assert PdfReader(plan_build / "plan-by-party.pdf").metadata["/CreationDate"].startswith("D:20210215")


def test_a_document_that_states_no_date_gets_none_in_its_files(tmp_path: Path) -> None:
    """Malmö's source gives its years and undated signatures: 1 January 2010 would be invented."""
    out = tmp_path / "out"
    source = EXAMPLES / "malmo-2011" / "agreement.yaml"
    assert run_build([source], out, formats=("docx", "pdf")).exit_code == 0
    with zipfile.ZipFile(out / "malmo-2011.docx") as archive:
        core = archive.read("docProps/core.xml").decode()
    assert "dcterms:created" not in core and "dcterms:modified" not in core
    metadata = PdfReader(out / "malmo-2011.pdf").metadata
    assert "/CreationDate" not in metadata and "/ModDate" not in metadata
    again = tmp_path / "again"
    assert run_build([source], again, formats=("docx", "pdf")).exit_code == 0
    assert snapshot(out) == snapshot(again)


def test_source_date_epoch_is_honoured(tmp_path: Path) -> None:
    outs = [tmp_path / "a", tmp_path / "b"]
    for out in outs:
        assert agreement(str(PLAN), "--to", "docx,pdf", "--out", str(out),
                         env={"SOURCE_DATE_EPOCH": "1700000000"})[0] == 0
    assert snapshot(outs[0]) == snapshot(outs[1])
    with zipfile.ZipFile(outs[0] / "plan-by-party.docx") as archive:
        assert "2023-11-14T22:13:20Z" in archive.read("docProps/core.xml").decode()
    assert PdfReader(outs[0] / "plan-by-party.pdf").metadata["/CreationDate"].startswith("D:20231114")


# -- the cache ---------------------------------------------------------------------------------------


def test_unchanged_outputs_are_skipped_and_force_rebuilds(tmp_path: Path) -> None:
    source = tmp_path / "plan.yaml"
    shutil.copy(PLAN, source)
    out = tmp_path / "out"
    formats = ("html", "md")
    assert run_build([source], out, formats=formats).results[0].outcome.value == "built"
    stamps = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}

    second = run_build([source], out, formats=formats).results[0]
    assert second.outcome.value == "up to date"
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == stamps

    assert run_build([source], out, formats=formats, force=True).results[0].outcome.value == "built"

    source.write_text(source.read_text(encoding="utf-8").replace("Centrum upplevs", "Torget upplevs"), encoding="utf-8")
    assert run_build([source], out, formats=formats).results[0].outcome.value == "built"
    assert "Torget upplevs" in (out / "plan-by-party.md").read_text(encoding="utf-8")


def test_a_deleted_or_edited_output_or_a_new_template_is_rebuilt(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run_build([PLAN], out, formats=("md",)).exit_code == 0
    (out / "plan-by-party.md").unlink()
    assert run_build([PLAN], out, formats=("md",)).results[0].outcome.value == "built"
    (out / "plan-by-party.md").write_text("edited by hand", encoding="utf-8")
    assert run_build([PLAN], out, formats=("md",)).results[0].outcome.value == "built"
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "custom.css").write_text(":root { --accent: #005a32; }", encoding="utf-8")
    assert run_build([PLAN], out, formats=("md",), templates=templates).results[0].outcome.value == "built"
    assert run_build([PLAN], out, formats=("md",), templates=templates).results[0].outcome.value == "up to date"


def test_other_code_rebuilds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An edited editable install or a patched fork makes other outputs under the same version."""
    out = tmp_path / "out"
    assert run_build([PLAN], out, formats=("md",)).results[0].outcome.value == "built"
    assert run_build([PLAN], out, formats=("md",)).results[0].outcome.value == "up to date"
    monkeypatch.setattr(build_module, "code_fingerprint", lambda: "other code")
    assert run_build([PLAN], out, formats=("md",)).results[0].outcome.value == "built"


def test_the_code_digest_follows_code_files_and_not_bytecode(tmp_path: Path) -> None:
    package = tmp_path / "agreement"
    shutil.copytree(Path(build_module.__file__).parent.parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    before = build_module.files_digest(package)
    (package / "render" / "__pycache__").mkdir()
    (package / "render" / "__pycache__" / "build.cpython-311.pyc").write_bytes(b"bytecode")
    assert build_module.files_digest(package) == before
    lua = package / "render" / "agreement.lua"
    lua.write_text(lua.read_text(encoding="utf-8") + "\n-- patched\n", encoding="utf-8")
    assert build_module.files_digest(package) != before


def test_a_cache_that_cannot_be_saved_is_an_input_output_error_after_the_files_are_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A full disk as the writer sees it (tests/hostile/test_odd_files.py makes a real one where it can)."""
    def disk_full(outputs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("agreement.render.build_cache.write_atomically", disk_full)
    code, out, err = agreement(str(PLAN), "--to", "md", "--out", str(tmp_path))
    assert code == 2
    assert f"built: {PLAN}" in out and (tmp_path / "plan-by-party.md").is_file()
    assert f"error: {tmp_path / CACHE_NAME}: cannot save the build cache: No space left on device" in err


def test_only_the_formats_asked_for_are_built(tmp_path: Path) -> None:
    assert run_build([PLAN], tmp_path, formats=("docx",)).exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [CACHE_NAME, "plan-by-party.docx"]


def test_two_documents_with_one_id_are_refused(tmp_path: Path) -> None:
    twin = tmp_path / "twin.yaml"
    shutil.copy(PLAN, twin)
    report = run_build([PLAN, twin], tmp_path / "out", formats=("md",))
    assert report.exit_code == 1
    assert "also the id of" in (report.results[1].error or "")


def test_a_batch_in_two_processes_reports_every_file_in_order(tmp_path: Path) -> None:
    code, out, _ = agreement(str(EXAMPLES), "--to", "md", "--out", str(tmp_path), "--jobs", "2")
    assert code == 0
    lines = [line for line in out.splitlines() if line.startswith("built: ")]
    assert [line.split()[1] for line in lines] == sorted(line.split()[1] for line in lines)
    assert len(lines) == len([path for path in EXAMPLES.glob("*/*.yaml") if not is_follow_up_file(path)])


# -- languages ---------------------------------------------------------------------------------------


def test_lang_en_gives_english_labels_dates_and_language_tags(tmp_path: Path) -> None:
    assert run_build([PLAN], tmp_path, formats=("html", "pdf"), language="en").exit_code == 0
    html = (tmp_path / "plan-by-party.html").read_text(encoding="utf-8")
    assert '<html lang="en-GB">' in html
    assert "Priority areas" in html and "15 February 2021" in html and "Prioriterade" not in html
    assert PdfReader(tmp_path / "plan-by-party.pdf").trailer["/Root"]["/Lang"] == "en-GB"


def test_swedish_is_the_default(plan_build: Path) -> None:
    html = (plan_build / "plan-by-party.html").read_text(encoding="utf-8")
    assert '<html lang="sv-SE">' in html and "Åtgärder" in html
    assert PdfReader(plan_build / "plan-by-party.pdf").trailer["/Root"]["/Lang"] == "sv-SE"


def test_hostile_text_builds(hostile_build: Path) -> None:
    assert (hostile_build / "hostile.pdf").stat().st_size > 0 and HOSTILE.is_file()


def test_an_unreadable_file_is_an_input_error_as_for_validate_and_lint() -> None:
    """Exit 2 means usage or input/output error in every command; a file that cannot be
    read is one, an invalid document (exit 1) is not."""
    from agreement.diagnostics import Diagnostic
    from agreement.render.build import BuildReport, FileResult, Outcome

    unreadable = FileResult("plan.yaml", Outcome.INVALID, diagnostics=(Diagnostic("Y101", "cannot read file", "plan.yaml"),))
    invalid = FileResult("other.yaml", Outcome.INVALID, diagnostics=(Diagnostic("S201", "unknown key", "other.yaml"),))
    assert BuildReport([invalid]).exit_code == 1
    assert BuildReport([invalid, unreadable]).exit_code == 2


# -- the Word contents' page numbers ----------------------------------------------------------------


def run_agreement(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """The installed command, in a process of its own (its own PATH and environment)."""
    command = [str(Path(sys.executable).with_name("agreement")), *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=300, check=False)


@pytest.fixture
def failing_libreoffice(tmp_path: Path) -> tuple[dict[str, str], Path]:
    """An environment whose `soffice` fails as a broken installation does, and the file it leaves
    when it is run; with the command line's default for the page numbers."""
    folder, called = tmp_path / "bin", tmp_path / "soffice-was-run"
    folder.mkdir()
    soffice = folder / "soffice"
    soffice.write_text(f"#!/bin/sh\ntouch '{called}'\necho 'javaldx: could not start' >&2\nexit 1\n", encoding="utf-8")
    soffice.chmod(0o755)
    env = {key: value for key, value in os.environ.items() if key != "AGREEMENT_PAGE_NUMBERS"}
    return {**env, "PATH": f"{folder}{os.pathsep}{env['PATH']}"}, called


def test_a_failing_libreoffice_leaves_the_page_numbers_to_word_with_a_warning(
        tmp_path: Path, failing_libreoffice: tuple[dict[str, str], Path]) -> None:
    env, called = failing_libreoffice
    out = tmp_path / "out"
    done = run_agreement(["build", str(PLAN), "--to", "docx,md", "--out", str(out)], env)
    assert done.returncode == 0 and called.exists()
    assert "warning: LibreOffice could not lay the Word file out: javaldx: could not start; the Word file's " \
           "contents list gets its page numbers when Word opens it" in done.stderr
    with zipfile.ZipFile(out / "plan-by-party.docx") as archive:
        document = archive.read("word/document.xml").decode("utf-8")
    assert 'w:fldCharType="begin" w:dirty="true"' in document  # Word makes the list anew on opening
    again = run_agreement(["build", str(PLAN), "--to", "docx,md", "--out", str(out)], env)
    assert again.stdout.startswith("built:")  # tried again, and only the Word file: the Markdown is up to date
    assert f"-> {out / 'plan-by-party.docx'}\n" in again.stdout


def test_no_page_numbers_does_not_run_libreoffice(tmp_path: Path,
                                                  failing_libreoffice: tuple[dict[str, str], Path]) -> None:
    env, called = failing_libreoffice
    for args, variable in ((["--no-page-numbers"], {}), ([], {"AGREEMENT_PAGE_NUMBERS": "0"})):
        out = tmp_path / f"out{len(args)}"
        done = run_agreement(["build", str(PLAN), "--to", "docx", "--out", str(out), *args], {**env, **variable})
        assert done.returncode == 0 and "warning" not in done.stderr and (out / "plan-by-party.docx").is_file()
    assert not called.exists()
