"""`python -m agreement`: the same as the `agreement` command."""

from .cli import run

run()
