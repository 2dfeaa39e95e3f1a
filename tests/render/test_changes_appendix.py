"""`build --changes-since REV`: an appendix of what changed since the document's version in git.

Real git repositories in temporary folders, real builds: the appendix names exactly the
changes made (an action removed, an owner changed), in the document's language and in
every format, and is not there unless asked for.
"""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from agreement.render.build import Outcome
from agreement.validation import UsageError

from .conftest import EXAMPLES, run_build

ESLOV = EXAMPLES / "eslov-2015-2018" / "agreement.yaml"
HEADING = "Ändringar sedan föregående version"


def git(folder: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args], cwd=folder,
                   check=True, capture_output=True)


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A repository with the Eslöv agreement committed and tagged `v1`, then edited: the action
    `kulturutbud` removed and the owner of `hastighet-30` changed."""
    folder = tmp_path / "plans"
    folder.mkdir()
    git(folder, "init", "-q")
    shutil.copy(ESLOV, folder / "eslov.yaml")
    git(folder, "add", "eslov.yaml")
    git(folder, "commit", "-q", "-m", "adopted")
    git(folder, "tag", "v1")
    text = (folder / "eslov.yaml").read_text(encoding="utf-8")
    start, end = text.index("      - id: kulturutbud"), text.index("      - id: trygghetsvandringar")
    text = text[:start] + text[end:]
    action = text.index("      - id: hastighet-30")
    owner = text.index("        owner: eslov/gtp\n", action)
    text = text[:owner] + "        owner: eslov/kultur-fritid\n" + text[owner + len("        owner: eslov/gtp\n"):]
    (folder / "eslov.yaml").write_text(text, encoding="utf-8")
    return folder


def appendix(markdown: str) -> str:
    assert HEADING in markdown, "no appendix"
    return markdown[markdown.index(HEADING):]


def test_the_appendix_names_exactly_the_changes_since_the_revision(repository: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    report = run_build([repository / "eslov.yaml"], out, formats=("md", "html", "docx"), changes_since="v1")
    assert report.exit_code == 0, report.results
    text = appendix((out / "eslov-2015-2018.md").read_text(encoding="utf-8"))
    entries = [line for line in text.splitlines() if line.startswith("- ")]
    assert len(entries) == 2, entries
    assert entries[0].startswith("- **Ändrad:**") and "30km" in entries[0] and "ansvarig" in entries[0]
    assert "~~Gata\\, trafik\\, park inom Miljö och Samhällsbyggnad~~ → **Kultur och Fritid**" in entries[0]
    assert entries[1].startswith("- **Borttagen:**") and "Öka kulturutbudet i ytterområden" in entries[1]
    assert "Jämfört med versionen i v1" in text
    html = (out / "eslov-2015-2018.html").read_text(encoding="utf-8")
    assert f">{HEADING}</h2>" in html and "<del>" in html
    with zipfile.ZipFile(out / "eslov-2015-2018.docx") as archive:
        assert HEADING in archive.read("word/document.xml").decode("utf-8")


def test_the_appendix_is_in_the_language_of_the_build(repository: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_build([repository / "eslov.yaml"], out, formats=("md",), changes_since="v1", language="en")
    text = (out / "eslov-2015-2018.md").read_text(encoding="utf-8")
    assert "Changes since the previous version" in text and "- **Removed:**" in text
    entries = [line for line in text[text.index("Changes since"):].splitlines() if line.startswith("- ")]
    assert "focus areas “Trygghet i offentlig miljö” › actions “30km\\/h" in entries[0]
    assert entries[0].split(":** ")[1].split(": ~~")[0].endswith(", owner")
    assert not [entry for entry in entries if "åtgärder" in entry or "ansvarig" in entry]


def test_without_the_option_there_is_no_appendix(repository: Path, tmp_path: Path) -> None:
    run_build([repository / "eslov.yaml"], tmp_path / "out", formats=("md",))
    assert HEADING not in (tmp_path / "out" / "eslov-2015-2018.md").read_text(encoding="utf-8")


def test_no_changes_and_a_new_document_say_so(repository: Path, tmp_path: Path) -> None:
    git(repository, "commit", "-q", "-am", "revised")
    shutil.copy(EXAMPLES / "malmo-2011" / "agreement.yaml", repository / "malmo.yaml")
    out = tmp_path / "out"
    report = run_build([repository], out, formats=("md",), changes_since="HEAD")
    assert report.exit_code == 0, report.results
    assert "Inga ändringar jämfört med versionen i HEAD\\." in (out / "eslov-2015-2018.md").read_text(encoding="utf-8")
    malmo = next(out.glob("malmo*.md")).read_text(encoding="utf-8")
    assert "Dokumentet är nytt sedan HEAD\\." in malmo


def test_a_new_revision_to_compare_with_rebuilds(repository: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run_build([repository / "eslov.yaml"], out, formats=("md",), changes_since="HEAD")
    assert first.results[0].outcome is Outcome.BUILT
    again = run_build([repository / "eslov.yaml"], out, formats=("md",), changes_since="HEAD")
    assert again.results[0].outcome is Outcome.UP_TO_DATE
    git(repository, "commit", "-q", "-am", "revised")  # HEAD now holds the edited version: no changes
    after = run_build([repository / "eslov.yaml"], out, formats=("md",), changes_since="HEAD")
    assert after.results[0].outcome is Outcome.BUILT
    assert "Inga ändringar" in (out / "eslov-2015-2018.md").read_text(encoding="utf-8")


def test_an_unknown_revision_is_a_usage_error(repository: Path, tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="--changes-since: git cannot show"):
        run_build([repository / "eslov.yaml"], tmp_path / "out", formats=("md",), changes_since="no-such-tag")


def test_an_old_version_that_does_not_validate_fails_that_document_only(repository: Path, tmp_path: Path) -> None:
    (repository / "eslov.yaml").write_text("kind: agreement\nid: broken\n", encoding="utf-8")
    git(repository, "commit", "-q", "-am", "broken")
    shutil.copy(ESLOV, repository / "eslov.yaml")
    report = run_build([repository / "eslov.yaml"], tmp_path / "out", formats=("md",), changes_since="HEAD")
    result = report.results[0]
    assert result.outcome is Outcome.FAILED and "does not validate" in (result.error or "")
