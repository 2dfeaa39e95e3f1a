"""`--help` as users read it: commands in the order they meet them, and words, not Python types."""

from __future__ import annotations

import re

import pytest
import typer
from typer.testing import CliRunner

from agreement import cli
from agreement.cli import COMMAND_ORDER, app

GROUP = typer.main.get_command(app)
TYPE_NAMES = re.compile(r"<(?:list|str|int|float|bool|path|Path|datetime|class)\b[^>]*>|\{\w+\}|list\[|class '")
"""How Typer shows a Python type in help: `<list[Path]>`, `<str>`, `<int range>`, `<path>`, `{paths}`."""
METAVAR = re.compile(r"[A-Z][A-Z_]*")


def help_of(*names: str) -> str:
    result = CliRunner().invoke(app, [*names, "--help"])
    assert result.exit_code == 0, result.output
    return result.stdout


def commands(group: typer.core.TyperGroup = GROUP, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command, sub-commands of groups included, as the words that name it."""
    found = []
    for name, command in group.commands.items():
        found.append((*prefix, name))
        if isinstance(command, typer.core.TyperGroup):
            found.extend(commands(command, (*prefix, name)))
    return found


def listed(text: str) -> list[str]:
    """The command names of a help page's Commands section, in the order shown."""
    section = text.split("\nCommands:\n", 1)[1]
    return [line.split()[0] for line in section.splitlines() if line.startswith("  ") and not line.startswith("   ")]


@pytest.mark.parametrize("words", [(), *commands()], ids=lambda words: " ".join(words) or "agreement")
def test_help_shows_no_python_type_names(words: tuple[str, ...]) -> None:
    text = help_of(*words)
    assert not TYPE_NAMES.findall(text), text


@pytest.mark.parametrize("words", commands(), ids=" ".join)
def test_arguments_and_option_values_are_named_in_capitals(words: tuple[str, ...]) -> None:
    """`PATHS...`, `[CODE]`, `--format FORMAT`, `--jobs N`: the usage line and every row of the help."""
    command = GROUP
    for word in words:
        command = command.commands[word]  # type: ignore[attr-defined]
    context = command.make_context(words[-1], [], resilient_parsing=True)
    for param in command.params:
        record = param.get_help_record(context)
        if record is None or param.name == "help" or getattr(param, "is_flag", False):
            continue
        if isinstance(param, typer.core.TyperArgument):
            usage = " ".join(param.get_usage_pieces(context))
            assert re.fullmatch(rf"\[?{METAVAR.pattern}(\.\.\.)?\]?", usage), usage
            shown = record[0]
        else:
            shown = record[0].rsplit(" ", 1)[-1]
        assert re.fullmatch(rf"{METAVAR.pattern}(\.\.\.)?", shown), record[0]


def test_commands_are_listed_in_the_order_users_meet_them() -> None:
    shown = listed(help_of())
    named = [name for name in COMMAND_ORDER if name in GROUP.commands]  # type: ignore[attr-defined]
    assert shown[:len(named)] == named == ["new", "validate", "lint", "fmt", "build", "preview", "diff", "followups",
                                            "report", "explain", "schema"]
    assert shown[len(named):] == sorted(shown[len(named):])
    assert sorted(shown) == sorted(GROUP.commands)  # type: ignore[attr-defined]


def test_a_command_not_in_the_order_comes_after_them_alphabetically() -> None:
    """A new command is placed by adding its name to COMMAND_ORDER; until then it goes to the end."""
    probe = typer.Typer(cls=cli._Commands, rich_markup_mode=None, add_completion=False)
    for name in ("zebra", "schema", "alpha", "lint", "validate"):
        probe.command(name)(lambda: None)
    assert listed(CliRunner().invoke(probe, ["--help"]).stdout) == ["validate", "lint", "schema", "alpha", "zebra"]


def test_a_missing_argument_is_named_as_the_usage_line_names_it() -> None:
    result = CliRunner().invoke(app, ["lint"])
    assert result.exit_code == 2
    assert "Usage: agreement lint [OPTIONS] PATHS..." in result.output
    assert "Missing argument 'PATHS'" in result.output
