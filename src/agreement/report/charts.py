"""The chart of a measured indicator: its values over time, with its baseline and target, drawn
once with matplotlib and saved as SVG (web page and PDF: sharp at any size) and PNG (Word, which
older versions cannot show as SVG).

matplotlib is imported here only, so only `agreement report` pays for it. The charts are
reproducible: matplotlib's non-interactive Agg canvas (no pyplot, no global figure state), fixed
rcParams inside an `rc_context`, no date in the SVG's metadata, a fixed salt for the SVG's
generated ids (`svg.hashsalt`), and text set as paths in the SVG (no font is needed to show it).
The text is set in Carlito, the documents' font, when the template folders have it.

The lines differ in style as well as in colour (values: a solid line with round markers and
each value written above its point; baseline: dashed; target: dotted) and the legend names them,
so nothing is told by colour alone.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Sequence

WIDTH_INCHES, HEIGHT_INCHES = 6.3, 2.9
"""16 cm wide: the text width of an A4 page with the documents' margins."""
PNG_DPI = 200
FONT_SIZE = 9.5
COLOURS = {"values": "#1f4e79", "baseline": "#595959", "target": "#1e6b34", "grid": "#d9d9d9", "text": "#1a1a1a"}
"""Colours with at least 4.5:1 contrast on white (WCAG 1.4.11 asks 3:1 for parts of graphics)."""
MOST_TICKS = 8
"""At most this many dates are written under the axis; with more values some are skipped."""


@dataclass(frozen=True)
class Point:
    when: dt.date
    value: float
    label: str
    """How the date is written under the axis: `2013`, `31 aug. 2014`."""


@dataclass(frozen=True)
class ChartData:
    """What one chart shows, already in the report's language."""

    points: tuple[Point, ...]
    baseline: float | None
    target: float | None
    legend: dict[str, str]
    """Names of the lines: `values`, `baseline`, `target`."""
    unit: str | None
    number: Callable[[float], str]
    """A number as the language writes it (23, 1,5 in Swedish)."""


@dataclass(frozen=True)
class Drawn:
    svg: bytes
    png: bytes


def draw(data: ChartData, font_dirs: Sequence[Path] = ()) -> Drawn:
    """The chart as SVG and PNG bytes, the same bytes for the same data."""
    from matplotlib import rc_context
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    with rc_context(_settings(_font_family(tuple(font_dirs)))):
        figure = Figure(figsize=(WIDTH_INCHES, HEIGHT_INCHES), layout="constrained")
        FigureCanvasAgg(figure)
        _plot(figure.add_subplot(), data)
        svg, png = io.BytesIO(), io.BytesIO()
        figure.savefig(svg, format="svg", metadata={"Date": None, "Creator": None})
        figure.savefig(png, format="png", dpi=PNG_DPI, metadata={"Software": None})
    return Drawn(svg.getvalue(), png.getvalue())


def _settings(family: str) -> dict[str, object]:
    return {
        "font.family": family, "font.size": FONT_SIZE, "svg.fonttype": "path", "svg.hashsalt": "agreement-report",
        "text.color": COLOURS["text"], "axes.labelcolor": COLOURS["text"], "xtick.color": COLOURS["text"],
        "ytick.color": COLOURS["text"], "axes.edgecolor": COLOURS["text"], "axes.spines.top": False,
        "axes.spines.right": False, "axes.grid": True, "axes.grid.axis": "y", "grid.color": COLOURS["grid"],
        "axes.axisbelow": True, "legend.frameon": False, "path.simplify": False,
    }


@lru_cache(maxsize=4)
def _font_family(font_dirs: tuple[Path, ...]) -> str:
    """Carlito from the template folders when they have it (registered with matplotlib once per
    process), else matplotlib's own DejaVu Sans."""
    from matplotlib import font_manager

    for folder in font_dirs:
        regular = folder / "Carlito-Regular.ttf"
        if regular.is_file():
            for path in sorted(folder.glob("Carlito-*.ttf")):
                font_manager.fontManager.addfont(str(path))
            return "Carlito"
    return "DejaVu Sans"


def _plot(axes, data: ChartData) -> None:  # type: ignore[no-untyped-def]
    from matplotlib.dates import date2num
    from matplotlib.ticker import FuncFormatter

    xs = [date2num(point.when) for point in data.points]
    ys = [point.value for point in data.points]
    axes.plot(xs, ys, color=COLOURS["values"], linewidth=2, marker="o", markersize=6, label=data.legend["values"])
    for x, point in zip(xs, data.points):
        axes.annotate(data.number(point.value), (x, point.value), textcoords="offset points", xytext=(0, 6),
                      ha="center", va="bottom", color=COLOURS["values"], fontweight="bold")
    if data.baseline is not None:
        axes.axhline(data.baseline, color=COLOURS["baseline"], linewidth=1.4, linestyle=(0, (6, 3)),
                     label=f"{data.legend['baseline']} {data.number(data.baseline)}")
    if data.target is not None:
        axes.axhline(data.target, color=COLOURS["target"], linewidth=1.6, linestyle=(0, (1.5, 2)),
                     label=f"{data.legend['target']} {data.number(data.target)}")
    _x_axis(axes, xs, data.points)
    _y_axis(axes, ys + [v for v in (data.baseline, data.target) if v is not None])
    axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _: data.number(value)))
    if data.unit:
        axes.set_ylabel(data.unit)
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncols=3)


def _x_axis(axes, xs: list[float], points: tuple[Point, ...]) -> None:  # type: ignore[no-untyped-def]
    """Ticks at the measured dates (thinned to MOST_TICKS), with room on both sides."""
    step = max(1, -(-len(xs) // MOST_TICKS))
    shown = list(range(0, len(xs), step))
    axes.set_xticks([xs[i] for i in shown], [points[i].label for i in shown])
    axes.grid(False, axis="x")
    span = (xs[-1] - xs[0]) or 365.0
    axes.set_xlim(xs[0] - span * 0.12, xs[-1] + span * 0.12)


def _y_axis(axes, values: list[float]) -> None:  # type: ignore[no-untyped-def]
    """From zero when every value is positive (a line that starts from nothing reads honestly),
    with room above the highest for the value written over it."""
    low, high = min(values), max(values)
    bottom = 0.0 if low >= 0 else low - (high - low) * 0.1
    top = high + (high - bottom) * 0.18 if high > bottom else bottom + 1
    axes.set_ylim(bottom, top)
