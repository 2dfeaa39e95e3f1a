"""Lint configuration: which rules run, how serious they are, and with which options.

Read from `agreement.toml` (a `[lint]` table, or `[tool.agreement.lint]`) or
`pyproject.toml` (`[tool.agreement.lint]`), whichever is nearest above each linted
file; in one folder `agreement.toml` wins, and a `pyproject.toml` without the table
is passed over. Everything is validated with Pydantic: an unknown setting, rule or
option is an error with its line and the closest valid name, never silently ignored.

```toml
[tool.agreement.lint]
preset = "strict"            # or "default"
ignore = ["L701"]            # codes, names or prefixes (L7)

[tool.agreement.lint.rules.L201]          # or rules.overdue-follow-up
severity = "error"
grace_days = 14

[[tool.agreement.lint.overrides]]
files = ["arkiv/**"]
ignore = ["L201", "L301"]
```
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pydantic.fields import FieldInfo

from ..diagnostics import Severity, did_you_mean
from ..reading import read_regular
from . import registry
from .rule import RuleOptions

MAX_CONFIG_BYTES = 1024 * 1024
"""Largest configuration file read (a pyproject.toml is a few kilobytes)."""
CONFIG_NAMES = ("agreement.toml", "pyproject.toml")
"""Configuration files, in the order they are looked for in each folder."""
PYPROJECT_TABLE = ("tool", "agreement", "lint")


class ConfigError(Exception):
    """The configuration cannot be used; every problem found, one per line."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


class _Table(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Override(_Table):
    """Settings for the files matching `files` (glob patterns relative to the config file)."""

    files: list[str] = Field(min_length=1)
    select: list[str] | None = None
    ignore: list[str] = []
    rules: dict[str, dict[str, Any]] = {}


class LintConfig(_Table):
    """The `[tool.agreement.lint]` table."""

    preset: Literal["default", "strict"] = "default"
    select: list[str] | None = None
    ignore: list[str] = []
    fail_on: Literal["error", "warning"] = "error"
    rules: dict[str, dict[str, Any]] = {}
    overrides: list[Override] = []


@dataclass(frozen=True, eq=False)
class ConfigFile:
    """A validated configuration and where it came from (patterns are relative to `base`)."""

    path: Path
    config: LintConfig
    rules: dict[str, dict[str, Any]]
    """The config's rule tables, keyed by code, with `severity` still in them."""
    overrides: tuple[tuple[re.Pattern[str], Override, dict[str, dict[str, Any]]], ...] = ()

    @property
    def base(self) -> Path:
        return self.path.parent


@dataclass(frozen=True)
class Choices:
    """What the command line says, which wins over the configuration."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    strict: bool = False


@dataclass(frozen=True)
class RuleSetting:
    severity: Severity
    options: RuleOptions


@dataclass(frozen=True)
class Settings:
    """Everything the engine needs to lint one file: the enabled rules and when to fail."""

    rules: dict[str, RuleSetting]
    fail_on: Severity = Severity.ERROR
    source: str | None = None
    """The configuration file these settings come from, for messages."""
    enabled: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "enabled", frozenset(self.rules))

    def fails(self, severity: Severity) -> bool:
        """Whether a finding of `severity` makes the run fail."""
        return severity.rank <= self.fail_on.rank


# -- finding and reading configuration files ------------------------------------------


def forget() -> None:
    """Forget configurations read before, so that a new run sees the files as they are now."""
    _find.cache_clear()
    _settings.cache_clear()


def find_config(folder: Path) -> ConfigFile | None:
    """The nearest configuration at or above `folder`; None when there is none."""
    return _find(str(Path(os.path.abspath(folder))))


@lru_cache(maxsize=256)
def _find(folder: str) -> ConfigFile | None:
    here = Path(folder)
    for name in CONFIG_NAMES:
        candidate = here / name
        if candidate.is_file():
            loaded = load_config(candidate, required=False)
            if loaded is not None:
                return loaded
    parent = here.parent
    return None if parent == here else _find(str(parent))


def load_config(path: Path, *, required: bool = True) -> ConfigFile | None:
    """Read and validate a configuration file. A pyproject.toml without the lint table gives
    None (or an error, when the file was named explicitly with `required`)."""
    try:
        raw = read_regular(path, MAX_CONFIG_BYTES + 1)
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError([f"{path}: cannot read: {getattr(error, 'strerror', None) or error}"]) from None
    if len(raw) > MAX_CONFIG_BYTES:
        raise ConfigError([f"{path}: cannot read: larger than {MAX_CONFIG_BYTES // (1024 * 1024)} MB, "
                           "which no configuration is"])
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError([f"{path}: invalid TOML: {error}"]) from None
    table, name = _lint_table(data, path)
    if table is None:
        if required and path.name == "pyproject.toml":
            raise ConfigError([f"{path}: has no [{'.'.join(PYPROJECT_TABLE)}] table"])
        if path.name == "pyproject.toml":
            return None
        table = {}
    return _validate(table, _Locator(path, text, name))


def _lint_table(data: dict[str, Any], path: Path) -> tuple[dict[str, Any] | None, str]:
    nested: Any = data
    for key in PYPROJECT_TABLE:
        nested = nested.get(key) if isinstance(nested, dict) else None
    if path.name == "pyproject.toml":
        return nested, ".".join(PYPROJECT_TABLE)
    short = data.get("lint")
    if short is not None and nested is not None:
        raise ConfigError([f"{path}: has both [lint] and [tool.agreement.lint]; keep one"])
    return (short, "lint") if short is not None else (nested, ".".join(PYPROJECT_TABLE))


class _Locator:
    """Finds the line of a setting in the TOML text, for messages (tomllib keeps no positions)."""

    def __init__(self, path: Path, text: str, table: str):
        self.path, self.lines, self.table = path, text.splitlines(), table

    def where(self, *names: str | int) -> str:
        line = self._line(*names)
        shown = os.path.relpath(self.path)
        shown = str(self.path) if shown.startswith("..") else shown
        return f"{shown}:{line}" if line else shown

    def _line(self, *names: str | int) -> int | None:
        start = self._header_line()
        found = start
        for name in names:
            if isinstance(name, int):
                continue
            pattern = re.compile(r"""(?:^|[\s.\[{,])["']?""" + re.escape(name) + r"""["']?\s*(?:=|\]|\.)""")
            hit = next((number for number in range(found or 1, len(self.lines) + 1)
                        if pattern.search(self.lines[number - 1].split("#", 1)[0])), None)
            if hit is None:
                break
            found = hit
        return found

    def _header_line(self) -> int | None:
        header = re.compile(r"^\s*\[+\s*" + re.escape(self.table).replace(r"\.", r"\s*\.\s*") + r"\s*[\].]")
        return next((number for number, line in enumerate(self.lines, 1) if header.match(line)), None)


def _validate(table: dict[str, Any], where: _Locator) -> ConfigFile:
    problems: list[str] = []
    try:
        config = LintConfig.model_validate(table)
    except ValidationError as error:
        raise ConfigError([_table_problem(item, where) for item in error.errors()]) from None
    problems += _check_codes(config.select or [], where, "select")
    problems += _check_codes(config.ignore, where, "ignore")
    rules = _rule_tables(config.rules, config.preset, where, ("rules",), problems)
    overrides = []
    for o, override in enumerate(config.overrides):
        problems += _check_codes(override.select or [], where, "overrides", o, "select")
        problems += _check_codes(override.ignore, where, "overrides", o, "ignore")
        patterns = [_glob(pattern) for pattern in override.files]
        matcher = re.compile("|".join(f"(?:{p})" for p in patterns))
        tables = _rule_tables(override.rules, config.preset, where, ("overrides", o, "rules"), problems, base=rules)
        overrides.append((matcher, override, tables))
    if problems:
        raise ConfigError(problems)
    return ConfigFile(where.path, config, rules, tuple(overrides))


def _table_problem(item: Any, where: _Locator) -> str:
    loc = tuple(item["loc"])
    name = ".".join(str(part) for part in loc) or where.table
    if item["type"] == "extra_forbidden":
        model: type[BaseModel] = Override if "overrides" in loc[:-1] else LintConfig
        hint = _closest(str(loc[-1]), list(model.model_fields))
        return f"{where.where(*loc)}: unknown setting {str(loc[-1])!r} in [{where.table}]{hint}"
    return f"{where.where(*loc)}: invalid value for {name!r}: {item['msg']}"


def _check_codes(codes: list[str], where: _Locator, *loc: str | int) -> list[str]:
    problems = []
    for code in codes:
        try:
            registry.select([code])
        except registry.UnknownRule as error:
            problems.append(f"{where.where(*loc)}: {error}")
    return problems


def _rule_tables(tables: dict[str, dict[str, Any]], preset: str, where: _Locator, loc: tuple[str | int, ...],
                 problems: list[str], base: dict[str, dict[str, Any]] | None = None) -> dict[str, dict[str, Any]]:
    """Rule tables keyed by code, each checked against its rule's Options."""
    checked: dict[str, dict[str, Any]] = {}
    for key, table in tables.items():
        try:
            rule = registry.get(key)
        except registry.UnknownRule as error:
            problems.append(f"{where.where(*loc, key)}: {error}")
            continue
        merged = {**(base or {}).get(rule.CODE, {}), **table}
        if "severity" in merged and merged["severity"] not in _SEVERITIES:
            problems.append(f"{where.where(*loc, key, 'severity')}: invalid severity {merged['severity']!r} "
                            f"for {rule.CODE}; use error, warning or info")
        try:
            options_for(rule, preset, merged)
        except ValidationError as error:
            problems.extend(_option_problem(rule, item, where, loc + (key,)) for item in error.errors())
        checked[rule.CODE] = merged
    return checked


_SEVERITIES = tuple(severity.value for severity in Severity)
"""What `severity` may be; a tuple, so that a list or table written there is compared, not hashed."""


def _option_problem(rule: ModuleType, item: Any, where: _Locator, loc: tuple[str | int, ...]) -> str:
    option = str(item["loc"][0]) if item["loc"] else "?"
    if item["type"] == "extra_forbidden":
        known = list(rule.Options.model_fields) + ["severity"]
        return (f"{where.where(*loc, option)}: unknown option {option!r} for {rule.CODE} ({rule.NAME})"
                f"{_closest(option, known) or '; it has ' + (', '.join(known))}")
    expected = _allowed(rule.Options.model_fields.get(option))
    reason = f"expected {expected}, found {_as_toml(item.get('input'))}" if expected else item["msg"]
    return f"{where.where(*loc, option)}: invalid value for option {option!r} of {rule.CODE} ({rule.NAME}): {reason}"


def _allowed(field: FieldInfo | None) -> str | None:
    """What a number or yes/no option takes, in words, with its bounds; None for other options
    (pydantic's own message says it well enough)."""
    if field is None or field.annotation not in (int, bool):
        return None
    if field.annotation is bool:
        return "true or false"
    low = next((m.ge for m in field.metadata if hasattr(m, "ge")), None)  # Field(ge=...) as annotated_types.Ge
    high = next((m.le for m in field.metadata if hasattr(m, "le")), None)
    if low is not None and high is not None:
        return f"a whole number from {low} to {high}"
    return "a whole number" + (f" of at least {low}" if low is not None else "")


def _as_toml(value: Any) -> str:
    """A value as it is written in TOML, for messages: true, 14, "two weeks"."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str):
        return '"' + value.replace('"', '\\"') + '"'
    return str(value)


def _closest(wrong: str, choices: list[str]) -> str:
    """`did_you_mean` as the end of a configuration message (`; did you mean 'select'?`), or nothing."""
    hint = did_you_mean(wrong, choices)
    return f"; {hint}" if hint else ""


def options_for(rule: ModuleType, preset: str, table: dict[str, Any]) -> RuleOptions:
    """The rule's options: its defaults, then the preset's, then the configured ones."""
    values = dict(getattr(rule, "STRICT", {})) if preset == "strict" else {}
    values.update((key, value) for key, value in table.items() if key != "severity")
    return rule.Options.model_validate(values)


def _glob(pattern: str) -> str:
    """A glob as a regular expression over `/`-separated relative paths: `*` stays within a
    folder, `**` crosses folders, a pattern without `/` matches a file name in any folder,
    and a folder's pattern matches everything below it."""
    out = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        else:
            char = pattern[i]
            out.append({"*": "[^/]*", "?": "[^/]"}.get(char, re.escape(char)))
            i += 1
    body = "".join(out)
    if "/" not in pattern.rstrip("/"):
        body = "(?:.*/)?" + body
    return body.rstrip("/") + "(?:/.*)?"


# -- settings for one file ------------------------------------------------------------


def settings_for(file: Path, config: ConfigFile | None, choices: Choices) -> Settings:
    """The settings that apply to `file`: config, then matching overrides, then the command line."""
    matched: tuple[int, ...] = ()
    if config is not None:
        relative = _relative(file, config.base)
        matched = tuple(i for i, (matcher, _, _) in enumerate(config.overrides) if matcher.fullmatch(relative))
    return _settings(config, matched, choices)


def _relative(file: Path, base: Path) -> str:
    absolute = os.path.abspath(file)
    try:
        return Path(absolute).relative_to(os.path.abspath(base)).as_posix()
    except ValueError:
        return Path(absolute).as_posix()


@lru_cache(maxsize=256)
def _settings(config: ConfigFile | None, matched: tuple[int, ...], choices: Choices) -> Settings:
    lint = config.config if config else LintConfig()
    preset = "strict" if choices.strict else lint.preset
    select: list[str] | None = lint.select
    ignore = list(lint.ignore)
    tables = {code: dict(table) for code, table in (config.rules if config else {}).items()}
    for index in matched:
        _, override, override_tables = config.overrides[index]  # type: ignore[union-attr]
        select = override.select if override.select is not None else select
        ignore += override.ignore
        tables.update((code, dict(table)) for code, table in override_tables.items())
    if choices.select is not None:
        select = list(choices.select)
    ignore += choices.ignore
    enabled = (registry.select(select) if select is not None else set(registry.RULES)) - registry.select(ignore)
    rules = {}
    for code in sorted(enabled):
        rule = registry.RULES[code]
        table = tables.get(code, {})
        severity = Severity(table["severity"]) if "severity" in table else rule.SEVERITY
        rules[code] = RuleSetting(severity, options_for(rule, preset, table))
    fail_on = Severity.WARNING if choices.strict or lint.fail_on == "warning" else Severity.ERROR
    return Settings(rules, fail_on, str(config.path) if config else None)
