"""`agreement followups PATH…` through the real command line: formats, exit statuses, usage errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .support import LOG, PLAN, agreement, plan_folder, write


def test_the_text_table_groups_by_owner_with_the_overdue_first() -> None:
    done = agreement("followups", "examples", "--today", "2014-09-15")
    assert done.returncode == 0, done.stderr
    titles = [line for line in done.stdout.splitlines() if line and not line.startswith(" ")]
    assert [title.split(" (")[0] for title in titles] == ["Ljusdals kommun", "Polismyndigheten Gävleborgs län"]
    police = done.stdout.split("Polismyndigheten Gävleborgs län (")[1]
    rows = [line.split() for line in police.splitlines() if line.startswith(" 2014-")]
    states = [row[1] for row in rows]
    assert states == sorted(states, key=["overdue", "due", "later", "reported"].index)
    assert "\x1b[" not in done.stdout and all(line == line.rstrip() for line in done.stdout.splitlines())
    assert "in force on 2014-09-15" in done.stderr


def test_json_is_versioned_with_stable_keys() -> None:
    done = agreement("followups", "examples", "--today", "2014-09-15", "--format", "json", "--overdue")
    data = json.loads(done.stdout)
    assert list(data) == ["version", "today", "within_days", "counts", "occasions"] and data["version"] == 1
    first = data["occasions"][0]
    assert list(first) == ["date", "state", "document", "area", "kind", "id", "key", "title", "owners",
                           "follow_up_from", "report"]
    assert {o["state"] for o in data["occasions"]} == {"overdue"}
    assert data["counts"]["overdue"] == len(data["occasions"])


def test_fail_on_overdue_exits_1_for_ci(tmp_path: Path) -> None:
    folder = plan_folder(tmp_path)
    assert agreement("followups", str(folder), "--today", "2016-03-01", "--fail-on", "overdue").returncode == 0
    assert agreement("followups", str(folder), "--today", "2016-05-15", "--fail-on", "overdue").returncode == 1
    assert agreement("followups", str(folder), "--today", "2016-04-15", "--fail-on", "due").returncode == 1
    assert agreement("followups", str(folder), "--today", "2016-05-15").returncode == 0


def test_output_is_written_atomically_into_a_new_folder(tmp_path: Path) -> None:
    target = tmp_path / "out" / "followups.json"
    done = agreement("followups", "examples", "--today", "2014-09-15", "-f", "json", "-o", str(target))
    assert done.returncode == 0 and done.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["today"] == "2014-09-15"
    assert [path.name for path in target.parent.iterdir()] == ["followups.json"]


def test_an_invalid_document_or_follow_up_file_is_reported_on_stderr_and_exits_1(tmp_path: Path) -> None:
    folder = plan_folder(tmp_path, log=LOG.replace("  belysning:", "  belysnig:"))
    done = agreement("followups", str(folder), "--today", "2016-09-15", "-f", "json")
    assert done.returncode == 1
    assert "R307" in done.stderr and json.loads(done.stdout)["version"] == 1


@pytest.mark.parametrize(("args", "message"), [
    (["--today", "2014-13-01"], "--today '2014-13-01' is not a date"),
    (["--format", "pdf"], "unknown format 'pdf'"),
    (["--fail-on", "late"], "--fail-on 'late'"),
    (["--from", "2014-09-01", "--to", "2014-08-01"], "--to 2014-08-01 is before --from"),
    (["--within", "-1"], "--within -1"),
], ids=["today", "format", "fail-on", "from-to", "within"])
def test_usage_errors_exit_2_without_a_traceback(args: list[str], message: str) -> None:
    done = agreement("followups", "examples", *args)
    assert done.returncode == 2 and message in done.stderr and "Traceback" not in done.stderr


def test_a_path_that_does_not_exist_exits_2(tmp_path: Path) -> None:
    done = agreement("followups", str(tmp_path / "nothing"))
    assert done.returncode == 2 and "no such file or folder" in done.stderr


def test_followups_list_is_the_same_as_the_short_form() -> None:
    short = agreement("followups", "--today", "2014-09-15", "examples", "-f", "json")
    long = agreement("followups", "list", "examples", "--today", "2014-09-15", "-f", "json")
    assert short.returncode == long.returncode == 0 and short.stdout == long.stdout


def test_help_shows_examples_for_every_followups_command() -> None:
    for args in (["followups", "--help"], ["followups", "list", "--help"], ["followups", "import", "--help"]):
        done = agreement(*args)
        assert done.returncode == 0 and "Examples:" in done.stdout and "agreement followups" in done.stdout


def test_a_document_not_in_force_lists_nothing(tmp_path: Path) -> None:
    write(tmp_path, "plan.yaml", PLAN.replace("kind: action-plan\n", "kind: action-plan\nstatus: draft\n"))
    done = agreement("followups", str(tmp_path), "--today", "2016-09-15")
    assert done.returncode == 0 and done.stdout.startswith("No follow-up occasions")
    drafts = agreement("followups", str(tmp_path), "--today", "2016-09-15", "--drafts", "-f", "json")
    assert json.loads(drafts.stdout)["occasions"]
