"""The base distribution as CI installs it: `pip install .` from a clone into a fresh virtual
environment brings no pandoc, typst, Jinja or babel, lints, and `agreement build` says which
extra to install.

pip builds and installs this checkout from the package index's dependencies, so this test is
slow and needs the network; it is marked `e2e` and run by `make e2e`, not `make test`
(tests/test_extras.py proves the same in a second with the build packages hidden).
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from agreement.extras import BUILD_INSTALL

from ..installs import BUILD_PACKAGES, top_level_names

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new virtual environment with `pip install <this checkout>`, nothing else."""
    root = tmp_path_factory.mktemp("fresh-install") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(root)], check=True, capture_output=True, timeout=300)
    installed = subprocess.run([str(root / "bin" / "python"), "-m", "pip", "install", "--quiet", str(REPO)],
                               capture_output=True, text=True, timeout=900)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    return root


def site_packages(root: Path) -> Path:
    return Path(sysconfig.get_path("purelib", vars={"base": str(root), "platbase": str(root)}))


def run(root: Path, *args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "GITHUB_ACTIONS": ""}
    return subprocess.run([str(root / "bin" / "agreement"), *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300)


def test_the_base_install_brings_no_renderer(fresh: Path) -> None:
    top_level = top_level_names(site_packages(fresh))
    assert {"samverkan", "agreement", "pydantic"} <= top_level
    assert not top_level & BUILD_PACKAGES


def test_the_base_install_lints_the_examples(fresh: Path) -> None:
    done = run(fresh, "lint", "examples")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "4 files checked: no problems" in done.stdout  # three documents and a follow-up file


def test_build_on_the_base_install_exits_2_naming_the_extra(fresh: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = run(fresh, "build", "examples", "--out", str(out))
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stderr.startswith("error: `agreement build` needs the build extra")
    assert done.stderr.endswith(f"install it with: {BUILD_INSTALL}\n")
    assert "Traceback" not in done.stderr and not out.exists()


def test_the_installed_version_is_the_distributions(fresh: Path) -> None:
    import tomllib

    declared = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert run(fresh, "--version").stdout == f"agreement {declared}\n"


@pytest.mark.parametrize("how", [["--kind", "guidelines"], ["--from", "ljusdal-2014", "--police", "Lokalpolisområde Lund"]])
def test_the_installed_package_scaffolds_from_its_bundled_skeletons_and_examples(fresh: Path, tmp_path: Path,
                                                                                 how: list[str]) -> None:
    """Outside the checkout, `agreement new` finds the skeletons and examples inside the wheel."""
    done = run(fresh, "new", "--no-input", "--municipality", "Lunds kommun", "--period", "2026", *how,
               "--out", "plan.yaml", cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert run(fresh, "validate", "plan.yaml", cwd=tmp_path).returncode == 0
    assert (tmp_path / "plan.yaml").read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=https://raw.githubusercontent.com/samverkan/agreement/v")
