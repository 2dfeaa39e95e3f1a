"""agreement: validate, lint and build collaboration agreements and action plans written in YAML."""

from functools import lru_cache

DISTRIBUTION = "samverkan"
"""The name this package is installed under (`pip install samverkan`). The command and the import
package are `agreement`, but "agreement" on the package index is an unrelated project, so every
question to the installed metadata must use this name."""


@lru_cache(maxsize=1)
def version() -> str:
    """The installed version, for `--version`, SARIF reports and build fingerprints ("0" when
    run from a checkout that was never installed)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed(DISTRIBUTION)
    except PackageNotFoundError:
        return "0"
