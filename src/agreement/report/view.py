"""The follow-up report as the templates see it: a `DocumentView` whose parts are the report's.

The report keeps the document's title page machinery (parties, language, contacts; the page
template, the typst layout and the Word finishing step read it as they read a document's) and
replaces the title, the facts and the parts:

- `report_summary` (partials/report-summary.md.j2): how many items stand where, in all, per
  area and per owner, and what the standings mean;
- `report_changes` (partials/report-changes.md.j2): progress entries and measurements dated
  after the previous report, up to the report's day;
- `report_items` (partials/report-items.md.j2): per area, each action and promise with its
  status, latest rating, overdue follow-ups and progress log;
- `report_indicators` (partials/report-indicators.md.j2): each measured indicator with its
  chart and its values as a table.

Ratings and standings print as a symbol and a word (`● Grön`), the symbol in a span each
format colours (`rating_markup`): never colour alone.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Sequence

from markupsafe import Markup

from ..model import Document, FollowUpLog, Measurement
from ..render.escaping import plain
from ..render.viewmodel import ChartView, DocumentView, Fact, PartView, anchor, build_view
from ..render.wording import Wording
from .charts import ChartData, Point, draw
from .collect import FollowUpReport, IndicatorReport, ItemReport, ReportRequest, follow_up_report
from .standing import RATING_COLOURS, RATING_SYMBOLS, Standing, rating_style

PARTS = ("report_summary", "report_changes", "report_items", "report_indicators")


# -- what the partials print ------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """A column of the summary: a standing, its heading with the rating's symbol where it has one."""

    standing: Standing
    heading: Markup


@dataclass(frozen=True)
class CountRow:
    label: str
    counts: tuple[int, ...]
    total: int


@dataclass(frozen=True)
class SummaryView:
    intro: str
    legend: Markup
    nothing_reported: str | None
    columns: tuple[Column, ...]
    totals: CountRow
    by_area: tuple[CountRow, ...]
    """One row per area, then the total."""
    by_owner: tuple[CountRow, ...]
    owner_note: str | None
    """Said under the owner table when joint owners make its rows add up to more than the total."""


@dataclass(frozen=True)
class LogRow:
    """A progress entry as a row: date, status, rating (symbol and word), note, who."""

    date: str
    title: str
    status: str
    rating: Markup
    note: str
    reported_by: str


@dataclass(frozen=True)
class ItemView:
    anchor: Markup
    title: str
    level: int
    facts: tuple[Fact, ...]
    rows: tuple[LogRow, ...]
    caption: str


@dataclass(frozen=True)
class ItemGroupView:
    anchor: Markup
    title: str
    level: int
    items: tuple[ItemView, ...]


@dataclass(frozen=True)
class ValueRow:
    date: str
    name: str
    value: str
    source: str
    note: str


@dataclass(frozen=True)
class IndicatorView:
    anchor: Markup
    title: str
    level: int
    facts: tuple[Fact, ...]
    chart: ChartView
    rows: tuple[ValueRow, ...]
    caption: str


@dataclass(frozen=True)
class ChangesView:
    intro: str
    progress: tuple[LogRow, ...]
    measurements: tuple[ValueRow, ...]


def rating_markup(key: str | None, word: str) -> Markup:
    """A rating (or a standing that comes from one) as its symbol and word, "● Grön".

    The word says what the symbol's colour does: the web page hides the symbol from screen
    readers and colours it by its class (style.css), Word by its character style (`Rating
    green`, in the reference document), the PDF by its `typst:text:fill`."""
    if key is None:
        return plain(word)
    red, green, blue = (int(RATING_COLOURS[key][at:at + 2], 16) for at in (0, 2, 4))
    attributes = (f'.rating .rating-{key} aria-hidden="true" custom-style="{rating_style(key)}" '
                  f'typst:text:fill="rgb({red}, {green}, {blue})"')
    return Markup(f"[{RATING_SYMBOLS[key]}]{{{attributes}}} ") + plain(word)


# -- building it -------------------------------------------------------------------------------


def report_view(document: Document, logs: Sequence[FollowUpLog], request: ReportRequest, wording: Wording,
                language: str, font_dirs: Sequence[Path] = ()) -> DocumentView:
    """The view model of the follow-up report of `document` (a DocumentView, see the module)."""
    report = follow_up_report(document, logs, request)
    return _ReportBuilder(document, report, wording, language, font_dirs).build()


class _ReportBuilder:
    def __init__(self, document: Document, report: FollowUpReport, wording: Wording, language: str,
                 font_dirs: Sequence[Path]) -> None:
        self.document, self.report, self.language = document, report, language
        self.wording = wording.for_document(document.labels)
        self.font_dirs = tuple(font_dirs)
        self.base = build_view(document, wording, language)
        self.anchors: set[str] = set()
        self.names = {party.id: party.label() for party in document.parties}
        self.names.update({f"{party.id}/{unit.id}": unit.name for party in document.parties for unit in party.units})
        self.charts: list[ChartView] = []

    # -- words -------------------------------------------------------------------------------

    def label(self, key: str, **values: str) -> str:
        text = self.wording.label("report", key)
        for name, value in values.items():
            text = text.replace("{" + name + "}", value)
        return text

    def date(self, day: dt.date) -> str:
        return self.wording.date(day)

    def anchor(self, *parts: str) -> Markup:
        base = candidate = anchor("report", *parts)
        number = 2
        while candidate in self.anchors:
            candidate, number = Markup(f"{base}-{number}"), number + 1
        self.anchors.add(candidate)
        return candidate

    def standing_word(self, standing: Standing) -> str:
        return self.wording.label("standing", standing.value)

    def rating(self, key: str | None) -> Markup:
        return rating_markup(key, self.wording.label("rating", key)) if key else Markup("")

    def status(self, key: str | None) -> str:
        return self.wording.label("action_status", key) if key else ""

    def since_text(self) -> str:
        since = self.report.since
        return self.date(since) if since is not None else self.label("from_the_start")

    # -- the summary ---------------------------------------------------------------------------

    def columns(self) -> tuple[Column, ...]:
        shown = [s for s in Standing if s.always_shown or self.report.count(s)]
        return tuple(Column(s, rating_markup(s.rating, self.standing_word(s))) for s in shown)

    def count_row(self, label: str, items: Sequence[ItemReport], columns: tuple[Column, ...]) -> CountRow:
        return CountRow(label, tuple(sum(1 for i in items if i.standing is c.standing) for c in columns), len(items))

    def area_title(self, item: ItemReport) -> str:
        if item.context.area is not None:
            return item.context.area.title
        return self.label("promises") if item.context.is_promise else self.label("no_area")

    def owner_titles(self, item: ItemReport) -> list[str]:
        return [self.names.get(ref, ref) for ref in item.owners] or [self.label("no_owner")]

    def summary(self) -> SummaryView:
        items, columns = self.report.items, self.columns()
        areas: dict[str, list[ItemReport]] = {}
        owners: dict[str, list[ItemReport]] = {}
        for item in items:
            areas.setdefault(self.area_title(item), []).append(item)
            for owner in self.owner_titles(item):
                owners.setdefault(owner, []).append(item)
        legend = Markup(plain(self.label("legend"))) + Markup(" ") + Markup("; ").join(
            rating_markup(key, self.wording.label("rating", key)) + Markup(" = ")
            + plain(self.standing_word(standing)) for key, standing in
            (("green", Standing.ON_TRACK), ("yellow", Standing.AT_RISK), ("red", Standing.OFF_TRACK))) + Markup(".")
        joint = sum(len(found) for found in owners.values()) > len(items)
        return SummaryView(
            intro=self.label("intro", date=self.date(self.report.as_of)),
            legend=legend,
            nothing_reported=None if any(i.entries for i in items) else self.label("nothing_reported"),
            columns=columns,
            totals=self.count_row(self.label("total"), items, columns),
            by_area=tuple(self.count_row(title, found, columns) for title, found in areas.items())
            + (self.count_row(self.label("total"), items, columns),),
            by_owner=tuple(self.count_row(title, found, columns) for title, found in owners.items()),
            owner_note=self.label("joint_owners") if joint else None,
        )

    # -- items ---------------------------------------------------------------------------------

    def log_row(self, item: ItemReport, entry: Any) -> LogRow:
        note = " ".join(str(entry.note).split()) if entry.note else ""
        return LogRow(self.date(entry.date), self.item_title(item), self.status(entry.status),
                      self.rating(entry.rating), note, entry.reported_by or "")

    def item_title(self, item: ItemReport) -> str:
        thing = item.context.item
        return " ".join(str(getattr(thing, "title", None) or getattr(thing, "text", "")).split())

    def item(self, item: ItemReport, level: int) -> ItemView:
        title = self.item_title(item)
        latest = item.entries[-1].date if item.entries else None
        facts = [
            Fact(self.wording.label("field", "owner"),
                 item.context.item.owner_text or self.wording.join(self.owner_titles(item))),
            Fact(self.label("standing"), rating_markup(item.standing.rating, self.standing_word(item.standing))),
            Fact(self.wording.label("field", "status"), self.status(item.status)),
            Fact(self.label("rating"), self.rating(item.rating)),
            Fact(self.label("latest"), self.date(latest) if latest else self.label("no_entries")),
            Fact(self.label("overdue"), self.wording.join(self.date(day) for day in item.overdue)),
        ]
        return ItemView(self.anchor("item", item.context.item.id or title), title, level,
                        tuple(fact for fact in facts if fact.value),
                        tuple(self.log_row(item, entry) for entry in item.entries),
                        self.label("log_caption", title=title))

    def item_groups(self, level: int) -> tuple[ItemGroupView, ...]:
        groups: dict[str, list[ItemReport]] = {}
        for item in self.report.items:
            groups.setdefault(self.area_title(item), []).append(item)
        return tuple(ItemGroupView(self.anchor("area", title), title, level,
                                   tuple(self.item(item, level + 1) for item in found))
                     for title, found in groups.items())

    # -- indicators ----------------------------------------------------------------------------

    def number(self, value: float) -> str:
        from babel.numbers import format_decimal

        return format_decimal(value, locale=self.wording.locale)

    def value_text(self, measurement: Measurement) -> str:
        number = self.number(measurement.value)
        return f"{number}\u00a0{measurement.unit}" if measurement.unit else number

    def when(self, measurement: Measurement, short: bool = False) -> str:
        if measurement.date is None:
            return str(measurement.year)
        if short:
            from babel.dates import format_date

            return format_date(measurement.date, format="medium", locale=self.wording.locale)
        return self.date(measurement.date)

    def value_row(self, found: IndicatorReport, measurement: Measurement) -> ValueRow:
        return ValueRow(self.when(measurement), found.indicator.name, self.value_text(measurement),
                        measurement.source or "", " ".join((measurement.note or "").split()))

    def chart(self, found: IndicatorReport) -> ChartView:
        indicator = found.indicator
        units = {m.unit for m in found.measurements if m.unit}
        data = ChartData(
            points=tuple(Point(m.when, m.value, self.when(m, short=True)) for m in found.measurements),
            baseline=leading_number(indicator.baseline), target=leading_number(indicator.target),
            legend={"values": self.label("measured"), "baseline": self.wording.label("table", "baseline"),
                    "target": self.wording.label("table", "target")},
            unit=units.pop() if len(units) == 1 else None, number=self.number)
        drawn = draw(data, self.font_dirs)
        chart = ChartView(str(len(self.charts) + 1), self.alt_text(found), drawn.svg, drawn.png)
        self.charts.append(chart)
        return chart

    def alt_text(self, found: IndicatorReport) -> str:
        """What the chart shows, in words: every value with its date, the baseline and the target as
        the document states them, and where the same figures stand as a table."""
        indicator = found.indicator
        values = self.wording.join(self.label("value_at", value=self.value_text(m), when=self.when(m))
                                   for m in found.measurements)
        parts = [self.label("chart_alt", name=" ".join(indicator.name.split()), values=values)]
        if indicator.baseline:
            parts.append(f"{self.wording.label('table', 'baseline')}: {indicator.baseline}.")
        if indicator.target:
            parts.append(f"{self.wording.label('table', 'target')}: {indicator.target}.")
        parts.append(self.label("chart_table"))
        return " ".join(parts)

    def indicator(self, found: IndicatorReport, level: int) -> IndicatorView:
        indicator = found.indicator
        label = self.wording.label
        facts = tuple(Fact(name, value) for name, value in (
            (label("table", "source"), indicator.source), (label("table", "baseline"), indicator.baseline),
            (label("table", "target"), indicator.target)) if value)
        return IndicatorView(self.anchor("indicator", indicator.id or indicator.name), indicator.name, level, facts,
                             self.chart(found), tuple(self.value_row(found, m) for m in found.measurements),
                             self.label("values_caption", name=indicator.name))

    # -- changes ---------------------------------------------------------------------------------

    def changes(self) -> ChangesView:
        report = self.report
        return ChangesView(
            intro=self.label("changes_intro", since=self.since_text(), date=self.date(report.as_of)),
            progress=tuple(self.log_row(item, entry) for item, entry in
                           sorted(report.new_progress, key=lambda pair: pair[1].date)),
            measurements=tuple(self.value_row(found, m) for found, m in
                               sorted(report.new_measurements, key=lambda pair: pair[1].when)),
        )

    # -- the whole --------------------------------------------------------------------------------

    def parts(self) -> tuple[PartView, ...]:
        parts = [
            PartView("report_summary", self.label("summary"), self.anchor("summary"), 1, self.summary()),
            PartView("report_changes", self.label("changes", since=self.since_text()), self.anchor("changes"), 1,
                     self.changes()),
        ]
        if self.report.items:
            parts.append(PartView("report_items", self.label("items"), self.anchor("items"), 1,
                                  self.item_groups(2)))
        if self.report.indicators:
            parts.append(PartView("report_indicators", self.label("indicators"), self.anchor("indicators"), 1,
                                  tuple(self.indicator(found, 2) for found in self.report.indicators)))
        return tuple(parts)

    def facts(self) -> tuple[Fact, ...]:
        base, follow = self.base, self.document.follow_up
        about = ", ".join(part for part in (base.kind_label, base.period) if part)
        facts = [Fact(self.label("document"), about), Fact(self.label("as_of"), self.date(self.report.as_of)),
                 Fact(self.label("since"), self.since_text())]
        if follow is not None and follow.reported_to:
            facts.append(Fact(self.wording.label("field", "reported_to"), follow.reported_to))
        return tuple(facts)

    def build(self) -> DocumentView:
        base = self.base
        kind_label = self.label("kind")
        parts = self.parts()
        return replace(
            base, kind_label=kind_label, title=self.label("title", title=self.document.title),
            subtitle=self.label("subtitle", date=self.date(self.report.as_of)), date=self.report.as_of,
            facts=self.facts(), keywords=tuple(self.document.registration.values()) + (kind_label,),
            parts=parts, charts=tuple(self.charts))


_NUMBER = re.compile(r"^\s*([-\u2212]?)(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[.,](\d+))?(?![\d.,])")


def leading_number(text: str | None) -> float | None:
    """The number a baseline or target text starts with (`62 % (2014)` -> 62, `1 200 st` -> 1200,
    `4,5` -> 4.5), to draw it in the chart; None when the text starts otherwise ("minska med 10 %")."""
    if not text:
        return None
    match = _NUMBER.match(text)
    if match is None:
        return None
    sign, whole, fraction = match.groups()
    value = float(re.sub(r"\D", "", whole) + ("." + fraction if fraction else ""))
    return -value if sign else value
