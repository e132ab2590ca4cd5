"""The report's pictures, drawn with matplotlib (docs/dependencies.md): a status chart (a 100 %
stacked bar per roadmap or municipality) and a timeline (a row per activity, every occurrence
of a recurring deadline a mark on that row, status colours, a line at the report's day, the
responsible beside the row).

The public API is small and takes plain data, so that other writers (a static site) can use it:
``status_chart(bars, fmt)`` and ``timeline(rows, today, fmt)`` return the picture as bytes, SVG
(text kept as text, for HTML: readable at 390 px when scaled to the width of a phone) or PNG
(for DOCX). Equal input gives equal bytes: the SVG ids are salted with a fixed string and no
date or software version is written. matplotlib is imported only here, when a picture is drawn.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date, timedelta

# The states of items.STATES with their colours and words (colour and word: the legend names
# each colour, the bars carry the percentages, so the picture reads in black and white too).
STATE_STYLE = {
    "done": ("#2e7d32", "Выполнено"),
    "overdue": ("#c62828", "Просрочено"),
    "upcoming": ("#f9a825", "Срок скоро"),
    "undated": ("#9e9e9e", "Срок не определён"),
    "pending": ("#90caf9", "Срок не наступил"),
}
MARK_STYLE = {  # a deadline of the timeline: (colour, marker)
    "done": ("#2e7d32", "o"),  # met: the activity is done or a mark covers it
    "overdue": ("#c62828", "X"),  # missed: no mark
    "upcoming": ("#f9a825", "D"),
    "pending": ("#1565c0", "o"),
}
MARK_WORDS = {"done": "выполнено или есть отметка", "overdue": "нет отметки, срок прошёл", "upcoming": "срок скоро",
              "pending": "срок впереди"}
MONTHS = ("янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек")
WIDTH_IN = 5.0  # 480 px at 96 dpi: scaled down to a phone's 390 px the text stays about 12 px high
FONT_PT = 12
PNG_DPI = 150


@dataclass
class StatusBar:
    """One bar of the status chart: a roadmap or a municipality and its activities by state."""

    name: str
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass
class TimelineRow:
    """One activity of the timeline: ``label`` ("6. Мониторинг …"), ``responsible`` (as
    written), its deadlines with the state of each (keys of MARK_STYLE), and the period it runs
    over when its deadline is one ("в течение года": ``start`` … the last date)."""

    label: str
    responsible: str
    marks: list[tuple[date, str]] = field(default_factory=list)
    start: date | None = None


def _rc() -> dict:
    return {
        "svg.hashsalt": "roadmapctl",
        "svg.fonttype": "none",
        "font.family": ["DejaVu Sans"],
        "font.size": FONT_PT,
        "axes.titlesize": FONT_PT,
        "path.simplify": False,
    }


def _save(figure, fmt: str) -> bytes:
    import warnings

    out = io.BytesIO()
    with warnings.catch_warnings():  # a glyph the font lacks is drawn as a box, not reported in English
        warnings.simplefilter("ignore")
        return _write(figure, fmt, out)


def _write(figure, fmt: str, out: io.BytesIO) -> bytes:
    if fmt == "svg":
        figure.savefig(out, format="svg", metadata={"Date": None, "Creator": None, "Format": None, "Type": None})
        text = out.getvalue().decode("utf-8")
        start = text.find("<svg")  # the XML prolog and DOCTYPE: the picture goes inline into HTML
        return text[start:].encode("utf-8")
    figure.savefig(out, format="png", dpi=PNG_DPI, metadata={"Software": None})
    return out.getvalue()


def _figure(height_in: float, width_in: float = WIDTH_IN):
    from matplotlib.figure import Figure

    return Figure(figsize=(width_in, height_in))


def _text(axes, x, y, text: str, **options):
    """Text drawn as written: no mathtext ("$x^2$" in an activity stays "$x^2$"); a control
    character is a space (the tables beside the picture show it visibly)."""
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    return axes.text(x, y, text, parse_math=False, **options)


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def status_chart(bars: list[StatusBar], fmt: str = "svg") -> bytes:
    """A 100 % stacked bar per entry of ``bars`` (shares of its activities by state), the name
    above the bar, the percentage inside each wide enough part, a legend of the states below."""
    import matplotlib

    with matplotlib.rc_context(_rc()):
        row_h = 0.62
        legend_h = 0.26 * ((len(STATE_STYLE) + 1) // 2) + 0.05
        figure = _figure(row_h * len(bars) + legend_h + 0.2)
        axes = figure.add_axes((0.02, legend_h / figure.get_figheight(), 0.96, 1 - (legend_h + 0.1) / figure.get_figheight()))
        axes.set_xlim(0, 100)
        axes.set_ylim(len(bars) - 0.5, -0.7)
        axes.axis("off")
        for index, bar in enumerate(bars):
            _text(axes, 0, index - 0.36, f"{_short(bar.name, 46)} — {bar.total}", va="bottom", ha="left", fontsize=FONT_PT)
            left = 0.0
            for state, (color, _word) in STATE_STYLE.items():
                count = bar.counts.get(state, 0)
                if not count or not bar.total:
                    continue
                width = 100 * count / bar.total
                axes.barh(index, width, left=left, height=0.42, color=color, edgecolor="white", linewidth=0.8)
                if width >= 9:
                    ink = "white" if state in ("done", "overdue") else "black"
                    _text(axes, left + width / 2, index + 0.02, f"{round(width)} %", ha="center", va="center", fontsize=FONT_PT - 2, color=ink)
                left += width
        from matplotlib.patches import Patch

        handles = [Patch(facecolor=color, label=word) for color, word in STATE_STYLE.values()]
        figure.legend(handles=handles, loc="lower left", ncol=2, frameon=False, fontsize=FONT_PT - 1,
                      bbox_to_anchor=(0.0, 0.0), handlelength=1.2, columnspacing=1.0)
        return _save(figure, fmt)


def _ticks(first: date, last: date) -> list[tuple[date, str]]:
    """A tick at the start of every month, or of every quarter when the span is long."""
    months = (last.year - first.year) * 12 + last.month - first.month
    step = 1 if months <= 8 else 3 if months <= 30 else 6 if months <= 60 else 12 * -(-months // 120)  # at most ~10 ticks
    out: list[tuple[date, str]] = []
    index = first.year * 12 + first.month - 1
    index += -index % step  # the first tick month on the step
    while index // 12 <= date.max.year and date(index // 12, index % 12 + 1, 1) <= last:
        year, month = index // 12, index % 12 + 1
        out.append((date(year, month, 1), f"{MONTHS[month - 1]} {year}" if month == 1 or not out else MONTHS[month - 1]))
        index += step
    return out


def _moved(day: date, days: int) -> date:
    """``day`` moved by ``days``, held at the ends of the calendar."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


def timeline(rows: list[TimelineRow], today: date, fmt: str = "svg", wide: bool = False) -> bytes:
    """A row per activity: its label and responsible above a track that carries a mark for each
    deadline (coloured by state) and a bar over its period; a dashed line at ``today``. ``wide``:
    for a landscape page (DOCX), 10 inches wide, the label on the row's left instead of above it."""
    import matplotlib

    dates = [d for row in rows for d, _ in row.marks] + [row.start for row in rows if row.start] + [today]
    first, last = min(dates), max(dates)
    first, last = _moved(first, -10), _moved(last, 10)
    with matplotlib.rc_context(_rc()):
        row_h = 0.3 if wide else 0.56
        top, bottom = (0.45, 0.8) if wide else (0.75, 0.95)
        height = row_h * len(rows) + top + bottom
        figure = _figure(height, 2 * WIDTH_IN if wide else WIDTH_IN)
        left, width = (0.5, 0.47) if wide else (0.07, 0.86)
        axes = figure.add_axes((left, bottom / height, width, 1 - (top + bottom) / height))
        span = (last - first).days
        axes.set_xlim(0, span)
        axes.set_ylim(len(rows) - 0.4, -0.6) if wide else axes.set_ylim(len(rows) - 0.2, -0.6)
        for side in ("left", "right", "top"):
            axes.spines[side].set_visible(False)
        axes.set_yticks([])
        ticks = _ticks(first, last)
        axes.set_xticks([(d - first).days for d, _ in ticks], [label for _, label in ticks], fontsize=FONT_PT - 2)
        for d, _ in ticks:
            axes.axvline((d - first).days, color="#e0e0e0", linewidth=0.6, zorder=0)
        for index, row in enumerate(rows):
            who = _short(row.responsible, 30) if row.responsible else "ответственный не указан"
            y = index if wide else index + 0.12
            if wide:
                _text(axes, -0.48 / 0.47 * span, y, f"{_short(row.label, 42)} — {_short(who, 20)}", va="center", ha="left", fontsize=FONT_PT - 3)
            else:
                _text(axes, -0.07 / 0.86 * span, index - 0.22, f"{_short(row.label, 44)} — {who}", va="bottom", ha="left", fontsize=FONT_PT - 2)
            axes.axhline(y, color="#eeeeee", linewidth=0.6, zorder=0)
            if row.start and row.marks:
                end = max(d for d, _ in row.marks)
                axes.plot([(row.start - first).days, (end - first).days], [y] * 2, color="#b0bec5", linewidth=4,
                          solid_capstyle="butt", zorder=1)
            for day, state in row.marks:
                color, marker = MARK_STYLE.get(state, MARK_STYLE["pending"])
                axes.plot([(day - first).days], [y], marker=marker, markersize=7, color=color,
                          markeredgecolor="white", markeredgewidth=0.6, linestyle="none", zorder=3)
        x = (today - first).days
        axes.axvline(x, color="#c62828", linestyle="--", linewidth=1.2, zorder=2)
        _text(axes, x, -0.62, f"на {today:%d.%m.%Y}", color="#c62828", ha="center", va="bottom", fontsize=FONT_PT - 2, clip_on=False)
        from matplotlib.lines import Line2D

        handles = [Line2D([], [], marker=marker, color=color, linestyle="none", markersize=7, label=MARK_WORDS[state])
                   for state, (color, marker) in MARK_STYLE.items()]
        figure.legend(handles=handles, loc="lower left", ncol=2, frameon=False, fontsize=FONT_PT - 2, bbox_to_anchor=(0.0, 0.0),
                      handletextpad=0.3, columnspacing=0.8)
        return _save(figure, fmt)
