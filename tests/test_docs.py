"""The documentation checked against the program: README.md and every page under docs/.

- Every ```yaml block with a top-level `kind:` in the hand-written pages validates, as
  `agreement validate` would validate it. A block that is only part of a document is marked
  with `<!-- fragment -->` on the last non-blank line before it, and is not checked. A block
  marked `<!-- file: NAME.yaml -->` is written under that name, beside the page's other
  blocks, so that a follow-up file can name the document it follows up.
- Every option a command page mentions is an option of that command's `--help`, and every
  option of `--help` is on the command's page (a short alias on a line with its long name).
  An option in a code span or code line after `agreement CMD` counts for CMD on every page;
  anywhere else on `docs/commands/CMD.md` it counts for CMD, unless its code span or line
  starts with another program (`pandoc --sandbox`, `git diff --exit-code`).
- Every relative link points to a file that exists and, for `#anchor` into a Markdown page,
  to a heading of that page (GitHub's anchors: lowercase, punctuation other than `-` and `_`
  removed, spaces to `-`, `-1`, `-2`, … for repeated headings).
- The README stays short, keeps its two set-up commands near the top, and links every page.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pytest
from typer.testing import CliRunner

from agreement.cli import app
from agreement.validation import check_file

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
README = ROOT / "README.md"
GENERATED = {DOCS / "codes.md", *(DOCS / "rules").glob("*.md")}
"""Written by `agreement explain --pages docs`: their examples show findings on purpose."""
PAGES = sorted(DOCS.rglob("*.md"))
WRITTEN = [README, *(page for page in PAGES if page not in GENERATED)]
KINDS = ("agreement", "action-plan", "guidelines", "citizen-promises", "follow-up")
GLOBAL_OPTIONS = {"--help", "--version"}


def name(page: Path) -> str:
    return str(page.relative_to(ROOT))


# -- reading Markdown -------------------------------------------------------------------------


@dataclass
class Block:
    language: str
    text: str
    line: int
    marker: str
    """The HTML comment on the last non-blank line before the fence, if any (`fragment`, `file: x`)."""


FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})\s*([\w+-]*)")
COMMENT = re.compile(r"^\s*<!--\s*(.*?)\s*-->\s*$")


@lru_cache(maxsize=None)
def parsed(page: Path) -> tuple[tuple[Block, ...], str]:
    """The page's fenced code blocks, and its prose: the text with those blocks blanked out
    (line numbers kept)."""
    blocks: list[Block] = []
    prose: list[str] = []
    lines = page.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        opening = FENCE.match(lines[i])
        if not opening:
            prose.append(lines[i])
            i += 1
            continue
        fence, language, start = opening.group(1), opening.group(2), i
        before = next((line for line in reversed(lines[:i]) if line.strip()), "")
        marker = COMMENT.match(before)
        i += 1
        body: list[str] = []
        while i < len(lines) and not lines[i].strip().startswith(fence):
            body.append(lines[i])
            i += 1
        i += 1  # the closing fence
        blocks.append(Block(language, "\n".join(body) + "\n", start + 1, marker.group(1) if marker else ""))
        prose.extend([""] * (i - start))
    return tuple(blocks), "\n".join(prose)


CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.S)


def code_spans(prose: str) -> list[str]:
    return [match.group(2) for match in CODE_SPAN.finditer(prose)]


def without_code(prose: str) -> str:
    return CODE_SPAN.sub(lambda match: " " * len(match.group(0)), prose)


def slug(heading: str) -> str:
    """GitHub's anchor of a heading."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # a link: its text
    text = re.sub(r"<[^>]+>", "", text).strip().lower()
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


@lru_cache(maxsize=None)
def anchors(page: Path) -> frozenset[str]:
    seen: Counter[str] = Counter()
    found = set()
    for line in parsed(page)[1].splitlines():
        heading = re.match(r"^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$", line)
        if heading:
            anchor = slug(heading.group(1))
            found.add(anchor if not seen[anchor] else f"{anchor}-{seen[anchor]}")
            seen[anchor] += 1
    return frozenset(found)


LINK = re.compile(r"\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")


def links(page: Path) -> list[str]:
    return LINK.findall(without_code(parsed(page)[1]))


# -- the YAML blocks validate -------------------------------------------------------------------


def documents_in(page: Path) -> list[Block]:
    return [block for block in parsed(page)[0]
            if block.language in ("yaml", "yml") and re.search(r"^kind:", block.text, re.M)
            and block.marker != "fragment"]


def file_name(block: Block, n: int) -> str:
    """The name a block is written under: its `<!-- file: NAME -->`, else a name of its own."""
    return block.marker.removeprefix("file:").strip() if block.marker.startswith("file:") else f"block-{n}.yaml"


@pytest.mark.parametrize("page", WRITTEN, ids=name)
def test_every_document_shown_validates(page: Path, tmp_path: Path) -> None:
    blocks = documents_in(page)
    for n, block in enumerate(blocks):  # all written first: a follow-up file names its document
        (tmp_path / file_name(block, n)).write_text(block.text, encoding="utf-8")
    for n, block in enumerate(blocks):
        checked = check_file(tmp_path / file_name(block, n))
        problems = [f"{d.code} {d.message} (line {d.span.line if d.span else '?'})" for d in checked.diagnostics]
        assert not problems, f"{name(page)}:{block.line}: the example does not validate: {problems}"
        assert checked.document is not None or checked.follow_up is not None


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_page_shows_a_complete_document_of_its_kind(kind: str) -> None:
    page = DOCS / "kinds" / f"{kind}.md"
    kinds = [re.search(r"^kind:\s*(\S+)", block.text, re.M).group(1) for block in documents_in(page)]
    assert kind in kinds, f"{name(page)} has no complete `kind: {kind}` example (found {kinds})"


def test_the_fragment_marker_is_only_used_on_yaml_blocks() -> None:
    for page in WRITTEN:
        for block in parsed(page)[0]:
            if block.marker == "fragment" or block.marker.startswith("file:"):
                assert block.language in ("yaml", "yml"), f"{name(page)}:{block.line}: marker on a {block.language} block"


# -- the command pages agree with --help ----------------------------------------------------------


def invoke_help(*command: str) -> str:
    result = CliRunner().invoke(app, [*command, "--help"])
    assert result.exit_code == 0, result.output
    return result.output


def section(help_text: str, title: str) -> list[str]:
    lines = help_text.splitlines()
    start = lines.index(title) + 1
    end = next((i for i in range(start, len(lines)) if not lines[i].strip()), len(lines))
    return lines[start:end]


@lru_cache(maxsize=None)
def commands() -> dict[str, tuple[str, ...]]:
    """Each command's name, and what to invoke for its help: `followups list`, `followups import`."""
    found: dict[str, tuple[str, ...]] = {}
    for line in section(invoke_help(), "Commands:"):
        match = re.match(r"^  ([a-z][\w-]*)\s", line)
        if not match:
            continue
        command = match.group(1)
        sub = invoke_help(command)
        if "Commands:" in sub.splitlines():
            for subline in section(sub, "Commands:"):
                subcommand = re.match(r"^  ([a-z][\w-]*)\s", subline)
                if subcommand:
                    found[f"{command} {subcommand.group(1)}"] = (command, subcommand.group(1))
        else:
            found[command] = (command,)
    return found


@lru_cache(maxsize=None)
def options(command: str) -> dict[str, str | None]:
    """The long options of a command's --help, each with its short alias (a flag's negative,
    `--x / --no-x`, is an option of its own)."""
    found: dict[str, str | None] = {}
    for line in section(invoke_help(*commands()[command]), "Options:"):
        match = re.match(r"^  (?:(-\w), )?(--[\w-]+)(?: / (--[\w-]+))?", line)
        if match and match.group(2) not in GLOBAL_OPTIONS:
            found[match.group(2)] = match.group(1)
            if match.group(3):
                found[match.group(3)] = None
    return found


def page_of(command: str) -> Path:
    return DOCS / "commands" / f"{command.split()[0]}.md"


OPTION = re.compile(r"(?<![\w-])--[a-z][\w-]*")
INVOCATION = re.compile(r"\bagreement\s+([a-z][\w-]*)(?:\s+([a-z][\w-]*))?")
FOREIGN = re.compile(r"^\s*(?:\$\s+)?([a-z][\w.+-]*)\s")


def code_lines(page: Path) -> list[str]:
    """Each line of the page's code blocks (a line continued with `\\` joined to the next), and
    each code span of its prose."""
    found: list[str] = []
    for block in parsed(page)[0]:
        found.extend(block.text.replace("\\\n", " ").splitlines())
    return found + code_spans(parsed(page)[1])


def mentions(page: Path) -> list[tuple[str | None, str]]:
    """Every option the page mentions, with the command it is mentioned for: the command
    invoked before it in its code line or span, None when nothing says (the page's own
    command), or "" for another program's."""
    found: list[tuple[str | None, str]] = []
    for code in code_lines(page):
        for match in OPTION.finditer(code):
            before = code[:match.start()]
            invoked = [m for m in INVOCATION.finditer(before) if m.group(1) in {c.split()[0] for c in commands()}]
            if invoked:
                command, sub = invoked[-1].groups()
                if f"{command} {sub}" in commands():
                    found.append((f"{command} {sub}", match.group(0)))
                elif command in commands():
                    found.append((command, match.group(0)))
                else:  # a group (followups) without a subcommand: its default one, `list`
                    found.append((next(c for c in commands() if c.startswith(command + " ")), match.group(0)))
            elif FOREIGN.match(code) and not code.lstrip().startswith("-"):
                found.append(("", match.group(0)))
            else:
                found.append((None, match.group(0)))
    found.extend((None, option) for option in OPTION.findall(without_code(parsed(page)[1])))
    return [(command, option) for command, option in found if option not in GLOBAL_OPTIONS]


def test_every_command_has_a_page() -> None:
    missing = sorted({name(page_of(command)) for command in commands() if not page_of(command).is_file()})
    assert not missing


@pytest.mark.parametrize("page", sorted((DOCS / "commands").glob("*.md")), ids=name)
def test_a_command_page_names_its_options_and_no_other(page: Path) -> None:
    own = [command for command in commands() if page_of(command) == page]
    assert own, f"{name(page)} is not the page of a command"
    documented = {option for command in own for option in options(command)}
    mentioned = mentions(page)
    unknown = sorted({option for command, option in mentioned if command is None and option not in documented})
    assert not unknown, f"{name(page)} mentions options that `agreement {page.stem}` does not have: {unknown}"
    said = {option for _, option in mentioned}
    missing = sorted(documented - said)
    assert not missing, f"{name(page)} does not document: {missing}"
    text = page.read_text(encoding="utf-8").splitlines()
    for command in own:
        for option, short in options(command).items():
            if short:
                alias = re.compile(rf"(?<![\w-]){re.escape(short)}(?![\w-])")
                assert any(option in line and alias.search(line) for line in text), \
                    f"{name(page)}: no line gives {option} with its short form {short}"


@pytest.mark.parametrize("page", WRITTEN, ids=name)
def test_every_option_given_to_a_command_exists(page: Path) -> None:
    wrong = sorted({f"agreement {command} {option}" for command, option in mentions(page)
                    if command and option not in options(command)})
    assert not wrong, f"{name(page)}: no such option: {wrong}"


def test_the_lint_page_lists_every_rule_with_its_default_severity() -> None:
    from agreement.lint.registry import RULES

    table = {row[0]: (row[1], row[2]) for row in re.findall(
        r"^\| \[(L\d{3})\]\([^)]*\) \| `([\w-]+)` \| (\w+) \|$", (DOCS / "commands" / "lint.md").read_text(encoding="utf-8"),
        re.M)}
    assert table == {code: (rule.NAME, rule.SEVERITY.value) for code, rule in RULES.items()}


def test_the_templates_page_names_every_partial() -> None:
    text = (DOCS / "templates.md").read_text(encoding="utf-8") + (DOCS / "commands" / "report.md").read_text(encoding="utf-8")
    partials = sorted(path.name.removesuffix(".md.j2") for path in (ROOT / "templates" / "partials").glob("*.md.j2"))
    assert partials
    assert not [partial for partial in partials if f"`{partial}`" not in text and f"{partial}.md.j2" not in text]


# -- links --------------------------------------------------------------------------------------


@pytest.mark.parametrize("page", [README, *PAGES], ids=name)
def test_every_relative_link_leads_somewhere(page: Path) -> None:
    broken = []
    for target in links(page):
        if re.match(r"^[a-z][\w+.-]*:", target):  # https:, mailto:
            continue
        path, _, anchor = target.partition("#")
        file = (page.parent / path).resolve() if path else page
        if not file.exists():
            broken.append(f"{target}: no such file")
        elif anchor and file.suffix == ".md" and anchor not in anchors(file):
            broken.append(f"{target}: no heading #{anchor} in {file.relative_to(ROOT)}")
    assert not broken, f"{name(page)}: {broken}"


def test_anchors_follow_github() -> None:
    assert slug("Installing: `samverkan`, and `samverkan[build]` to build documents") == \
        "installing-samverkan-and-samverkanbuild-to-build-documents"
    assert slug("[Y1xx Reading the file](rules/y1-reading.md)") == "y1xx-reading-the-file"
    assert slug("Åtgärder och löften / Actions_and promises") == "åtgärder-och-löften--actions_and-promises"


# -- the README and the index -------------------------------------------------------------------


def test_the_readme_stays_short_and_starts_with_setting_up() -> None:
    lines = README.read_text(encoding="utf-8").splitlines()
    assert len(lines) < 1000
    top = lines[:40]
    assert any(line.startswith("make run ") for line in top) and any(line.startswith("make test ") for line in top)


@pytest.mark.parametrize("source", [DOCS / "README.md", README], ids=name)
def test_every_page_is_linked_from_the_index_and_the_readme(source: Path) -> None:
    """Every page but the family pages of the codes, which docs/codes.md indexes."""
    linked = {(source.parent / target.partition("#")[0]).resolve() for target in links(source)}
    wanted = [page for page in PAGES if page != DOCS / "README.md" and page.parent != DOCS / "rules"]
    unlinked = [name(page) for page in wanted if page.resolve() not in linked]
    assert not unlinked, f"{name(source)} does not link {unlinked}"
