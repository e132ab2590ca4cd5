"""The progress document (DOCX and HTML): the first page (shares, who is late, the most
overdue, the status chart), the trend when asked, then the full list — per roadmap in the layout
of the appendix (sections as full-width rows, then number, activity, responsible, deadline as
written) or in the groups asked for — with a last column for the mark of completion, and the
timeline of each roadmap."""

from __future__ import annotations

from dataclasses import dataclass, field

from roadmapctl.report.formats.common import (
    GROUPING_TITLES,
    FirstPage,
    completion_lines,
    first_page,
    fmt_date,
    group_items,
    heading_lines,
    title,
    totals_line,
)
from roadmapctl.report.items import (
    KINDS,
    Report,
    RoadmapReport,
    Row,
    deadline_text,
    full_text,
    responsible_names,
)

COLUMNS = ("№ п/п", "Мероприятие", "Ответственные", "Срок", "Отметка о выполнении")
WIDTHS_MM = (14, 95, 50, 40, 68)  # 267 mm: A4 landscape less 20 mm left and 10 mm right margins
GROUP_WIDTHS_MM = (30, 85, 45, 40, 67)  # the same with room for "город Тула, 2.1." in the first column


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

    @property
    def blocks(self) -> list[tuple[bool, list[Line]]]:
        """The lines in runs: section rows with the activity under them (kept on one page,
        ``True``), and the activities that follow."""
        out: list[tuple[bool, list[Line]]] = []
        for line in self.lines:
            if line.section is not None:
                if not (out and out[-1][0] and out[-1][1][-1].section is not None):
                    out.append((True, []))
                out[-1][1].append(line)
            elif out and out[-1][0] and out[-1][1][-1].section is not None:
                out[-1][1].append(line)
            else:
                if not out or out[-1][0]:
                    out.append((False, []))
                out[-1][1].append(line)
        return out


@dataclass
class RoadmapPart:
    title: str
    municipality: str
    file: str
    tables: list[TablePart]


@dataclass
class ReportDocument:
    """The progress report laid out as a document, what the DOCX and HTML writers draw (the
    roadmap itself laid out for ``render`` is ``render.view.DocumentView``): the first page,
    the trend when asked, then the full list — per roadmap in the appendix's layout (``by``
    section or roadmap) or in ``groups`` (``by`` kind, party, status or municipality)."""

    title: str
    lines: list[str]
    totals: str
    first: FirstPage
    by: str
    roadmaps: list[RoadmapPart]
    groups: list[TablePart]
    trend: list[tuple[str, list[list[str]]]]
    trend_heading: str
    signature: list[str]
    many: bool

    @property
    def list_title(self) -> str:
        return f"Полный список {GROUPING_TITLES[self.by]}"


def _line(row: Row, as_of, prefix: str = "") -> Line:
    activity = row.placed.activity
    return Line(
        number=prefix + activity.number, text=full_text(activity), responsible=list(responsible_names(activity)),
        deadline=deadline_text(activity) or "", marks=completion_lines(row, as_of), kinds=row.kinds,
    )


def _appendix_parts(report: Report) -> list[RoadmapPart]:
    chosen = set(report.kinds)
    parts = []
    for rr in report.roadmaps:
        tables: list[TablePart] = []
        current_table: int | None = None
        current_path: tuple = ()
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
            lines.append(_line(row, report.as_of))
        roadmap = rr.roadmap
        parts.append(RoadmapPart(roadmap.title, roadmap.municipality, roadmap.file, tables))
    return parts


def _group_parts(report: Report, by: str) -> list[TablePart]:
    """The groups of ``group_items`` as tables of activities (an activity once per group)."""
    rows = {(index, row.items[0].order): row for index, rr in enumerate(report.roadmaps) for row in rr.rows if row.items}
    many = len(report.roadmaps) > 1
    out = []
    for group in group_items(report, by):
        seen: dict[tuple[int, int], None] = {}
        for item in group.items:
            seen.setdefault((item.roadmap_index, item.order))
        lines = []
        for key in seen:
            row = rows[key]
            where = report.roadmaps[key[0]].roadmap.municipality if many and by != "municipality" else ""
            lines.append(_line(row, report.as_of, f"{where}, " if where else ""))
        out.append(TablePart(f"{group.title} ({len(lines)})", lines))
    return out


def _trend(report: Report) -> tuple[str, list[tuple[str, list[list[str]]]]]:
    from roadmapctl.report.trend import CHANGES

    trend = report.trend
    if trend is None:
        return "", []
    many = len(report.roadmaps) > 1
    parts = []
    for kind, label in CHANGES:
        changes = trend.of(kind)
        parts.append((f"{label}: {len(changes)}", [
            [c.label(many), c.text, c.detail] for c in changes
        ]))
    return trend.heading, parts


def signature_lines(report: Report, signature: str | None) -> list[str]:
    """The block a report sent upward ends with: who prepared it, the date, a place to sign."""
    if not signature:
        return []
    return [f"Исполнитель: {' '.join(signature.split())}", f"Дата: {fmt_date(report.as_of)}", "Подпись: ____________________"]


def report_document(report: Report, by: str = "section", signature: str | None = None) -> ReportDocument:
    many = len(report.roadmaps) > 1
    appendix = by in ("section", "roadmap")
    heading, trend = _trend(report)
    return ReportDocument(
        title=title(report),
        # (the roadmaps' names are the titles of their parts of the full list; not repeated here)
        lines=[line for line in heading_lines(report) if not line.startswith("– ")] if many or report.party or report.kinds != KINDS else [],
        totals=totals_line(report),
        first=first_page(report),
        by=by,
        roadmaps=_appendix_parts(report) if appendix else [],
        groups=[] if appendix else _group_parts(report, by),
        trend=trend,
        trend_heading=heading,
        signature=signature_lines(report, signature),
        many=many,
    )


# --- the pictures (report.charts) fed from the report --------------------------------------------

TIMELINE_PAGE = 16  # activities in one picture of the wide timeline: one landscape page (DOCX, printed HTML)


def status_bars(first: FirstPage):
    """The status chart's bars, from the first page's figures: a roadmap, or for several roadmaps
    a municipality each."""
    from roadmapctl.report.charts import StatusBar

    return [StatusBar(row.name, dict(row.states)) for row in first.glance.rows if not row.part]


def timeline_rows(report: Report, rr: RoadmapReport):
    """The timeline of one roadmap: a row per activity that has a deadline date."""
    from roadmapctl.report.charts import TimelineRow
    from roadmapctl.report.items import plus_days

    horizon = plus_days(report.as_of, report.within)
    out = []
    for row in rr.rows:
        if not row.dates:
            continue
        marks = []
        for day in row.dates:
            if row.state == "done" or (day < report.as_of and day not in row.missed):
                state = "done"
            elif day in row.missed:
                state = "overdue"
            elif day <= horizon:
                state = "upcoming"
            else:
                state = "pending"
            marks.append((day, state))
        activity = row.placed.activity
        label = f"{activity.number} {' '.join(activity.text.split())}".strip()
        out.append(TimelineRow(label, ", ".join(responsible_names(activity)), marks, row.start))
    return out
