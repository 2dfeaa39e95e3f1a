"""Every rule is documented the same way, and its own examples prove the documentation right:
the Example triggers the rule and the Use instead does not (linted through the engine)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from agreement.explaining import find_entry, render_entry
from agreement.lint import registry
from agreement.lint.config import Choices
from agreement.lint.engine import lint_paths

from .support import TODAY

RULES = list(registry.RULES.values())
_FENCE = re.compile(r"```yaml\n(.*?)```", re.DOTALL)
_FILE = re.compile(r"#\s*file:\s*(\S+)")


def yaml_documents(section: str) -> list[tuple[str, str]]:
    """The YAML fences of a doc section as (file name, text); `# file: name` names a file."""
    documents = []
    for text in _FENCE.findall(section):
        named = _FILE.match(text)
        documents.append((named.group(1) if named else "doc.yaml", text))
    return documents


def lint_section(folder: Path, section: str) -> set[str]:
    documents = yaml_documents(section)
    assert documents, "the section has no ```yaml fence"
    paths = []
    for name, text in documents:
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    report = lint_paths(paths, today=TODAY, choices=Choices(), jobs=1)
    validation = [d for d in report.diagnostics if not d.code.startswith("L")]
    assert not validation, f"the example does not validate: {validation}"
    return {d.code for d in report.diagnostics}


@pytest.mark.parametrize("rule", RULES, ids=[rule.CODE for rule in RULES])
def test_rule_contract(rule) -> None:
    assert re.fullmatch(r"L[1-9]\d\d", rule.CODE)
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.NAME)
    info = registry.info(rule)
    assert info.summary and info.summary.endswith(".")
    sections = registry.doc_sections(info.doc)
    assert list(sections) == list(registry.SECTIONS)
    assert all(sections.values())
    assert rule.Options.model_config.get("extra") == "forbid"
    for option in rule.Options.model_fields:
        assert f"`{option}`" in sections["Options"], f"option {option} is not documented"
    if not rule.Options.model_fields:
        assert "no options" in sections["Options"]
    assert set(getattr(rule, "STRICT", {})) <= set(rule.Options.model_fields)


@pytest.mark.parametrize("rule", RULES, ids=[rule.CODE for rule in RULES])
def test_example_triggers_the_rule_and_use_instead_does_not(rule, tmp_path: Path) -> None:
    info = registry.info(rule)
    (tmp_path / "example").mkdir()
    (tmp_path / "instead").mkdir()
    assert rule.CODE in lint_section(tmp_path / "example", info.section("Example"))
    assert rule.CODE not in lint_section(tmp_path / "instead", info.section("Use instead"))


def test_codes_and_names_are_unique() -> None:
    listed = registry.DOCUMENT_RULES + registry.PROJECT_RULES + registry.SUPPRESSION_RULES
    assert len({rule.NAME for rule in listed}) == len(listed)
    assert len({rule.CODE for rule in listed}) == len(listed)  # RULES, keyed by code, would hide a duplicate


@pytest.mark.parametrize("rule", RULES, ids=[rule.CODE for rule in RULES])
def test_explain_shows_every_rule(rule) -> None:
    entry = find_entry(rule.NAME)
    assert entry is not None and entry.code == rule.CODE
    assert "## Use instead" in render_entry(entry)
    assert '"code": "%s"' % rule.CODE in render_entry(entry, "json")


def test_get_reports_unknown_rules_with_a_suggestion() -> None:
    assert registry.get("missing-owner").CODE == "L102"
    assert registry.get("l102").NAME == "missing-owner"
    with pytest.raises(registry.UnknownRule, match="did you mean 'L102'"):
        registry.get("L1O2")
