"""Text: one table per owner, the owners with overdue follow-ups first, the overdue at the top.

rich lays the tables out (it is a base dependency); colours only when asked for (a
terminal without NO_COLOR), so a file or a pipe gets plain text.
"""

from __future__ import annotations

import io
from itertools import groupby

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..listing import Listing
from ..occasions import Occasion, State
from . import Style

STATE_STYLES = {State.OVERDUE: "bold red", State.DUE: "yellow", State.REPORTED: "green", State.LATER: "dim"}


def render_text(listing: Listing, style: Style) -> str:
    out = io.StringIO()
    console = Console(file=out, width=style.width, force_terminal=style.color, no_color=not style.color,
                      color_system="standard" if style.color else None, highlight=False, emoji=False)
    if not listing.occasions:
        console.print(f"No follow-up occasions of documents in force on {listing.window.today.isoformat()}.",
                      markup=False)
        return out.getvalue()
    for owner, occasions in by_owner(listing.occasions):
        console.print(owner_table(owner, occasions))
    if style.color:
        return out.getvalue()
    return "".join(line.rstrip() + "\n" for line in out.getvalue().splitlines())  # no padding in files


def by_owner(occasions: list[Occasion]) -> list[tuple[str, list[Occasion]]]:
    """Occasions grouped by owner: owners with something overdue first, then by name; within an
    owner, the overdue first, then due, later and reported, each by date."""
    ordered = sorted(occasions, key=lambda o: (o.owner_name, o.state.rank, o.date, o.file, o.path))
    groups = [(owner, list(items)) for owner, items in groupby(ordered, key=lambda o: o.owner_name)]
    return sorted(groups, key=lambda group: (not any(o.state is State.OVERDUE for o in group[1]), group[0]))


def owner_table(owner: str, occasions: list[Occasion]) -> Table:
    counts = ", ".join(f"{sum(1 for o in occasions if o.state is state)} {state.value}" for state in State
                       if any(o.state is state for o in occasions))
    table = Table(title=Text(f"{owner} ({counts})", style="bold"), title_justify="left", box=box.SIMPLE_HEAD,
                  expand=False, pad_edge=False)
    table.add_column("date", no_wrap=True)
    table.add_column("state", no_wrap=True)
    table.add_column("action or promise", ratio=3)
    table.add_column("document", ratio=1)
    table.add_column("area", ratio=1)
    for occasion in occasions:
        state = occasion.state.value
        if occasion.report is not None:
            state += f" {occasion.report.date.isoformat()}"
        table.add_row(occasion.date.isoformat(), Text(state, style=STATE_STYLES[occasion.state]),
                      Text(occasion.title), Text(occasion.document_id), Text(occasion.area_title or ""))
    return table
