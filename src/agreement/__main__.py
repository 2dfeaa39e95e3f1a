"""`python -m agreement`: the same as the `agreement` command."""

from .fastpath import main

main()
