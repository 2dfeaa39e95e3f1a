"""Helpers for follow-up tests: a small action plan and follow-up file written to real files."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
LJUSDAL = ROOT / "examples" / "ljusdal-2014"
AGREEMENT_BIN = str(Path(sys.executable).with_name("agreement"))

PLAN = """\
kind: action-plan
schema: 1
id: exempel-2016
title: Handlingsplan Exempel 2016
period: {start: 2016-01-01, end: 2016-12-31}
parties:
  - id: kommunen
    name: Exempels kommun
    type: municipality
    units: [{id: gata, name: Gatukontoret}]
  - {id: polisen, name: Lokalpolisområde Exempel, type: police}
follow_up: {months: [4, 8, 12]}
areas:
  - id: centrum
    title: Trygghet i centrum
    actions:
      - id: belysning
        title: Bättre belysning i gångtunnlar
        owner: kommunen/gata
      - id: vandringar
        title: Trygghetsvandringar
        owner: [kommunen, polisen]
        follow_up: 2016-06-30
      - title: Åtgärd utan id
        owner: polisen
promises:
  - {id: synlig, text: Polisen lovar att vara synlig i centrum på fredagskvällar., owner: polisen}
"""
"""An action plan with a document schedule (April, August, December), an action with its own date,
joint owners, an action without an id and a citizen promise."""

LOG = """\
# Uppföljning 2016 (a comment that must survive every import)
kind: follow-up
schema: 1
document: plan.yaml
progress:
  # the lighting
  belysning:
    - date: 2016-05-02
      rating: green
      note: "Tre tunnlar klara."   # quoted on purpose
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def plan_folder(folder: Path, plan: str = PLAN, log: str | None = LOG) -> Path:
    """A folder with plan.yaml and, unless `log` is None, its follow-up file uppfoljning.yaml."""
    write(folder, "plan.yaml", plan)
    if log is not None:
        write(folder, "uppfoljning.yaml", log)
    return folder


def listing(paths: list[Path], today: str = "2016-09-15", **window: Any) -> Any:
    """The occasions under `paths` on `today`, in this process."""
    from agreement.followups.listing import list_occasions
    from agreement.followups.occasions import Window

    return list_occasions(paths, Window(dt.date.fromisoformat(today), **window), jobs=1)


def agreement(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """The real command line, as a user runs it."""
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    return subprocess.run([AGREEMENT_BIN, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)
