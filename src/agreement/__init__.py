"""agreement: validate, lint and build collaboration agreements and action plans written in YAML."""

from functools import lru_cache


@lru_cache(maxsize=1)
def version() -> str:
    """The installed version, for `--version`, SARIF reports and build fingerprints ("0" when
    run from a checkout that was never installed)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("agreement")
    except PackageNotFoundError:
        return "0"
