"""Labels, dates and lists in the language of the built document.

Dates are written the way the language writes them ("26 november 2015" in
Swedish, "26 November 2015" in English), through babel's CLDR data rather than
hand-made month tables.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Iterable

from babel.dates import format_date
from babel.lists import format_list

from ..model import FollowUp, Period


@dataclass(frozen=True)
class Wording:
    """The labels of one language and the locale that formats dates and lists."""

    labels: dict[str, Any]

    @property
    def locale(self) -> str:
        return str(self.labels.get("locale", "sv_SE"))

    @property
    def language_tag(self) -> str:
        return str(self.labels.get("language_tag", self.locale.replace("_", "-")))

    def label(self, group: str, key: str) -> str:
        """A label such as ("status", "adopted") -> "Antagen"; the key itself when the file lacks it."""
        value = self.labels.get(group, {})
        return str(value.get(key, key)) if isinstance(value, dict) else key

    def date(self, value: dt.date) -> str:
        """A date written out: 26 november 2015."""
        return format_date(value, format="long", locale=self.locale)

    def month(self, month: int) -> str:
        """A month's name as it stands inside a sentence: april."""
        return format_date(dt.date(2000, month, 1), format="LLLL", locale=self.locale)

    def period(self, period: Period) -> str:
        """As written: 2014, 2015–2018, or 1 januari 2015 – 31 december 2018."""
        if period.in_years:
            first, last = period.start.year, period.end.year
            return str(first) if first == last else f"{first}–{last}"
        return f"{self.date(period.start)} – {self.date(period.end)}"

    def join(self, items: Iterable[str]) -> str:
        """a, b och c."""
        listed = [item for item in items if item]
        return format_list(listed, locale=self.locale) if listed else ""

    def for_document(self, labels: dict[str, str]) -> "Wording":
        """This wording with a document's own words for its fields (`labels:` in the document)."""
        if not labels:
            return self
        merged = {group: dict(values) if isinstance(values, dict) else values for group, values in self.labels.items()}
        for key, text in labels.items():
            for group in ("field", "table"):
                merged.setdefault(group, {})[key] = text
        return Wording(merged)

    def schedule(self, follow_up: FollowUp) -> str | None:
        """When a follow-up happens, as agreed: "Årligen", "april, augusti och december", or its dates
        written out; never dates computed from a schedule."""
        if follow_up.every is not None:
            return self.label("schedule", follow_up.every)
        if follow_up.months is not None:
            months = self.join(self.month(m) for m in sorted(set(follow_up.months)))
            return self.label("schedule", "months").replace("{months}", months)
        if follow_up.dates is not None:
            return self.join(self.date(d) for d in sorted(follow_up.dates))
        return None
