"""The progress document (DOCX and HTML): per roadmap, its table in the layout of the appendix —
sections as full-width rows, then number, activity, responsible, deadline as written — with a
last column for the mark of completion; and, for several roadmaps, the summary per municipality
with a bar chart."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from roadmapctl.report.formats.common import SUMMARY_COLUMNS, completion_lines, heading_lines, title, totals_line
from roadmapctl.report.items import KINDS, Report, deadline_text, responsible_names

COLUMNS = ("№ п/п", "Мероприятие", "Ответственные", "Срок", "Отметка о выполнении")
WIDTHS_MM = (14, 95, 50, 40, 68)  # 267 mm: A4 landscape less 20 mm left and 10 mm right margins
CHART_SERIES = (("done", "Выполнено", "#2e7d32"), ("overdue", "Просрочено", "#c62828"),
                ("unassigned", "Без ответственного", "#ef6c00"), ("undated", "Без срока", "#6d6d6d"))


@dataclass
class Line:
    """A table row: a section heading (``section`` set) or an activity."""

    section: str | None = None
    depth: int = 0
    number: str = ""
    text: str = ""
    responsible: list[str] = field(default_factory=list)
    deadline: str = ""
    marks: list[str] = field(default_factory=list)
    kinds: tuple[str, ...] = ()


@dataclass
class TablePart:
    title: str | None
    lines: list[Line]


@dataclass
class RoadmapPart:
    title: str
    municipality: str
    file: str
    tables: list[TablePart]


@dataclass
class Bar:
    x: float
    y: float
    width: float
    color: str
    label: str
    value: int


@dataclass
class Chart:
    width: int
    height: int
    rows: Sequence[tuple[float, str]]  # (y of the label, municipality)
    totals: list[Bar]  # a light band per municipality: all its activities
    bars: list[Bar]
    legend: Sequence[tuple[float, str, str]]  # (x, color, label)
    label_width: int


@dataclass
class ReportDocument:
    """The progress report laid out as a document, what the DOCX and HTML writers draw (the
    roadmap itself laid out for ``render`` is ``render.view.DocumentView``)."""

    title: str
    lines: list[str]
    totals: str
    summary_header: list[str]
    summary: list[list[str]]
    chart: Chart | None
    roadmaps: list[RoadmapPart]


def _chart(report: Report) -> Chart:
    label_width, bar_area, bar_h, gap = 260, 420, 9, 14
    top = 30
    biggest = max([s.activities for s in report.summary] + [1])
    rows, totals, bars = [], [], []
    y = top
    for s in report.summary:
        rows.append((y + 2 * bar_h, s.municipality or s.file))
        totals.append(Bar(label_width + 10, y - 1, round(bar_area * s.activities / biggest, 1), "#ececec", "Мероприятий", s.activities))
        for index, (key, label, color) in enumerate(CHART_SERIES):
            value = getattr(s, key)
            bars.append(Bar(label_width + 10, y + index * bar_h, round(bar_area * value / biggest, 1), color, label, value))
        y += len(CHART_SERIES) * bar_h + gap
    legend, x = [], label_width + 10
    for _key, label, color in CHART_SERIES:
        legend.append((x, color, label))
        x += 14 + 8 * len(label) + 18
    return Chart(max(label_width + bar_area + 60, int(x)), int(y), rows, totals, bars, legend, label_width)


def report_document(report: Report) -> ReportDocument:
    chosen = set(report.kinds)
    parts = []
    for rr in report.roadmaps:
        tables: list[TablePart] = []
        current_path: tuple
        current_table, current_path = None, ()
        for row in rr.rows:
            if report.kinds != KINDS and not chosen & set(row.kinds):
                continue
            placed = row.placed
            if current_table != placed.table_index:
                current_table, current_path = placed.table_index, ()
                table = rr.roadmap.tables[placed.table_index]
                tables.append(TablePart(table.title, []))
            lines = tables[-1].lines
            path = placed.sections
            common = 0
            while common < min(len(path), len(current_path)) and path[common] is current_path[common]:
                common += 1
            for depth in range(common, len(path)):
                lines.append(Line(section=path[depth].heading, depth=depth))
            current_path = path
            activity = placed.activity
            lines.append(Line(
                number=activity.number, text=activity.text, responsible=list(responsible_names(activity)),
                deadline=deadline_text(activity) or "", marks=completion_lines(row, report.as_of), kinds=row.kinds,
            ))
        roadmap = rr.roadmap
        parts.append(RoadmapPart(roadmap.title, roadmap.municipality, roadmap.file, tables))
    many = len(report.roadmaps) > 1
    return ReportDocument(
        title=title(report),
        lines=heading_lines(report) if many or report.party or report.kinds != KINDS else [],
        totals=totals_line(report),
        summary_header=[label for _key, label in SUMMARY_COLUMNS[:6]] if many else [],
        summary=[[str(getattr(s, key)) for key, _ in SUMMARY_COLUMNS[:6]] for s in report.summary] if many else [],
        chart=_chart(report) if many else None,
        roadmaps=parts,
    )
