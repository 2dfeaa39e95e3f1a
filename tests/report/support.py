"""A small action plan and follow-up file for the report tests, written to real files.

The plan has two areas, a document schedule (April, August, December), one action of each
standing once the follow-up file is read as of 2016-09-15 (done, on track, at risk, off track,
not rated, not reported), joint owners, a citizen promise and an indicator with a baseline and
a target that are numbers.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Sequence

from agreement.model import Document, FollowUpLog
from agreement.validation import check_file

from ..followups.support import write

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
follow_up: {months: [4, 8, 12], reported_to: Brottsförebyggande rådet}
areas:
  - id: centrum
    title: Trygghet i centrum
    indicators:
      - id: otrygghet
        name: Andel som känner sig otrygga i centrum
        baseline: 38 % (2015)
        target: 30 % (2018)
        measurements:
          - {year: 2015, value: 38, unit: "%", source: Trygghetsmätningen}
    actions:
      - id: belysning
        title: Bättre belysning i gångtunnlar
        owner: kommunen/gata
      - id: vandringar
        title: Trygghetsvandringar
        owner: [kommunen, polisen]
      - id: kameror
        title: Kamerabevakning på torget
        owner: polisen
  - id: skola
    title: Trygg skolväg
    actions:
      - id: skolvag
        title: Säkrare skolvägar
        owner: kommunen
      - id: foraldrar
        title: Föräldravandringar
        owner: kommunen
      - id: lektioner
        title: Lektioner om droger
        owner: polisen
promises:
  - {id: synlig, text: Polisen lovar att vara synlig i centrum på fredagskvällar., owner: polisen}
"""

LOG = """\
kind: follow-up
schema: 1
document: plan.yaml
progress:
  belysning:
    - {date: 2016-05-02, status: ongoing, rating: yellow, note: Två av fem tunnlar klara., reported_by: Gatuchefen}
    - {date: 2016-09-01, status: done, rating: green, note: Alla tunnlar klara., reported_by: Gatuchefen}
  vandringar:
    - {date: 2016-05-02, status: ongoing, rating: green, reported_by: Samordnaren}
  kameror:
    - {date: 2016-05-03, status: ongoing, rating: yellow, note: Tillstånd sökt., reported_by: Kommunpolisen}
  skolvag:
    - {date: 2016-09-05, status: ongoing, rating: red, note: Budgeten räcker inte., reported_by: Gatuchefen}
    - {date: 2016-10-01, status: ongoing, rating: green, note: Efter rapportdagen., reported_by: Gatuchefen}
  foraldrar:
    - {date: 2016-05-04, status: ongoing, note: Utan bedömning., reported_by: Rektorn}
measurements:
  otrygghet:
    - {date: 2016-06-30, value: 35.5, unit: "%", source: Trygghetsmätningen, note: Våren 2016.}
    - {date: 2016-11-30, value: 33, unit: "%", source: Trygghetsmätningen}
"""
"""Progress as of 2016-09-15: belysning done, vandringar on track, kameror at risk, skolvag off track
(its green entry comes after the report's day), foraldrar not rated; lektioner and the promise
not reported. One measurement after the report's day."""


def plan_folder(folder: Path, plan: str = PLAN, log: str | None = LOG) -> Path:
    """A folder with plan.yaml and, unless `log` is None, its follow-up file uppfoljning.yaml."""
    write(folder, "plan.yaml", plan)
    if log is not None:
        write(folder, "uppfoljning.yaml", log)
    return folder / "plan.yaml"


def loaded(plan: Path) -> tuple[Document, tuple[FollowUpLog, ...]]:
    """The plan and the follow-up files beside it, validated."""
    from agreement.report.sources import follow_ups_of

    checked = check_file(plan)
    assert checked.document is not None, [d.message for d in checked.diagnostics]
    found = follow_ups_of(plan)
    assert not found.diagnostics, [d.message for d in found.diagnostics]
    return checked.document, found.logs


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def ids(pairs: Sequence[object]) -> list[str]:
    return [pair[0].context.item.id for pair in pairs]  # type: ignore[index, attr-defined]


def pdf_alt_texts(node: object, found: list[str] | None = None) -> list[str]:
    """Every `/Alt` (alternative text) in a PDF's structure tree below `node`, in reading order."""
    found = [] if found is None else found
    node = node.get_object() if hasattr(node, "get_object") else node
    if isinstance(node, dict):
        if "/Alt" in node:
            found.append(str(node["/Alt"]))
        if "/K" in node:
            pdf_alt_texts(node["/K"], found)
    elif isinstance(node, list):
        for child in node:
            pdf_alt_texts(child, found)
    return found
