"""One roadmap's share of the site, computed on its own (in a worker process for a big region):
its figures as of the day (the report's own ``roadmap_report``, so that they are the figures of
``report --format json``), its rows with their state and dates (the status list and the
timeline), its files to download (the appendix as ``render`` writes it, the report, the
calendar), and its activities of each responsible party (the selection of ``report --party``).

A file that is not a valid roadmap gives a part with its problems instead (file:line:column,
the code and the message ``check`` shows). Everything here is plain data that can be pickled.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

# The files of a roadmap to download: key → (file name, what it is).
DOWNLOADS = {
    "docx": ("приложение.docx", "Приложение к приказу (Word, DOCX)"),
    "html": ("приложение.html", "Приложение к приказу (веб-страница)"),
    "report": ("отчёт.html", "Отчёт о ходе реализации на дату (веб-страница)"),
    "ics": ("сроки.ics", "Календарь сроков (iCalendar, .ics)"),
}
_MAIN = re.compile(r"<main>\n?(.*)</main>", re.DOTALL)


@dataclass
class ProblemLine:
    line: int
    column: int
    code: str
    message: str
    text: str = ""  # the source line it is on, control characters shown visibly


@dataclass
class RowView:
    """One activity of the report with its state (report.items.state_of): what the status list and
    the timeline show; ``start`` and ``due`` are the report row's (where a period begins, its last day)."""

    number: str
    text: str
    deadline: str
    responsible: tuple[str, ...]
    state: str
    kinds: tuple[str, ...]
    notes: tuple[str, ...]  # the report's notes of the activity, "Просрочено: срок 01.03.2021, …"
    start: date | None
    due: date | None


@dataclass
class PartyShare:
    """The activities of one party in one roadmap (``report --party`` in that roadmap)."""

    identity: str  # the party's name for comparison (report.parties.norm)
    name: str  # as the directory writes it: its full name, or its key
    counts: dict[str, int]
    rows: list[RowView]


@dataclass
class RoadmapPart:
    file: str
    slug: str
    problems: list[ProblemLine] = field(default_factory=list)
    title: str = ""
    municipality: str = ""
    region: str = ""
    authority: str = ""
    period_text: str = ""
    period_start: date | None = None
    period_end: date | None = None
    period_reason: str | None = None
    counts: dict[str, int] = field(default_factory=dict)  # Summary.counts(): the report's figures
    chart: dict[str, int] = field(default_factory=dict)  # activities by state (report.items.CHART_STATES)
    rows: list[RowView] = field(default_factory=list)
    parties: list[PartyShare] = field(default_factory=list)
    appendix: str = ""  # the content of the appendix page's <main>, exactly as ``render --to html`` writes it
    files: dict[str, bytes] = field(default_factory=dict)  # DOWNLOADS key → bytes
    page: bytes = b""  # its page on the site (written in the worker: the slow part is per roadmap)
    internal: bool = False  # the program failed on this file (not the file's fault)

    @property
    def broken(self) -> bool:
        return bool(self.problems)


def _rows(rr) -> tuple[list[RowView], dict[str, int]]:
    """The report's rows as the site shows them, and the number of activities in each state of
    the bar (report.items.CHART_STATES)."""
    from roadmapctl.report.items import CHART_STATES, KIND_TITLES, deadline_text, responsible_names

    rows, chart = [], dict.fromkeys(CHART_STATES, 0)
    for row in rr.rows:
        activity = row.placed.activity
        state = row.state
        chart[state] += 1
        rows.append(RowView(
            number=activity.number,
            text=activity.text,
            deadline=deadline_text(activity) or "",
            responsible=responsible_names(activity),
            state=state,
            kinds=row.kinds,
            notes=tuple(f"{KIND_TITLES[item.kind]}: {item.note}" for item in row.items if item.note),
            start=row.start,
            due=row.due,
        ))
    return rows, chart


def identities(roadmap) -> dict[str, tuple[str, str]]:
    """The responsible parties a roadmap knows, each once: identity → (the name to resolve in the
    roadmap, the name to show). Aliases and the authority's two names are one party
    (``report --party`` resolves them); the target schools (``школы``) are parties too.

    A directory entry with a full name (``полное``) is one party across the region: its identity
    is that name. A name without one ("УО", "ОО", "рабочая группа", a school listed only by a short
    name) means something else in each municipality, so it is a party of that roadmap's
    municipality ("ОО (город Тула)")."""
    from roadmapctl.report.parties import is_generic_school_group, norm, target_schools

    out: dict[str, tuple[str, str]] = {}
    place = " ".join(roadmap.municipality.split())

    def add(name: str | None, full: str | None) -> None:
        if not name or not name.strip():
            return
        shown = " ".join((full or name).split())
        if full and not is_generic_school_group(full):
            out.setdefault(norm(shown), (name, shown))
        else:
            out.setdefault(f"{norm(place)}|{norm(shown)}", (name, f"{shown} ({place})" if place else shown))

    for party in roadmap.parties.values():
        add(party.key, party.full_name)
    if roadmap.authority_party() is None:
        add(roadmap.authority.name, roadmap.authority.name)
    for school in target_schools(roadmap):
        party = roadmap.party(school)
        if party is not None:
            add(party.key, party.full_name)
        else:
            add(school, None)
    return out


def _refs(activity) -> list:
    """The responsible parties of an activity and of its sub-items (as ``PartyView.select`` reads them)."""
    return list(activity.responsible) + [ref for item in activity.subitems for ref in item.responsible]


def party_counts(rows, roadmap) -> dict[str, int]:
    """The report's counts of ``rows`` (``Summary`` as ``roadmap_report`` counts its rows), for
    a party's rows taken from the roadmap's report instead of a report of their own."""
    from roadmapctl.report.items import CANCELLED, Summary

    summary = Summary(roadmap.file, roadmap.municipality)
    for row in rows:
        summary.activities += 1
        if row.placed.activity.status == CANCELLED:
            summary.cancelled += 1
        for kind in row.kinds:
            setattr(summary, kind, getattr(summary, kind) + 1)
    return summary.counts()


def broken_part(path: str, slug: str, problems: list[ProblemLine]) -> RoadmapPart:
    return RoadmapPart(file=path, slug=slug, problems=problems)


def roadmap_part(path: str, slug: str, as_of: date, within: int) -> RoadmapPart:
    """Everything the site shows of the roadmap in ``path``."""
    from roadmapctl.document.pipeline import load_path
    from roadmapctl.document.schedule import roadmap_period_or_reason
    from roadmapctl.export import export_roadmaps
    from roadmapctl.loading.source import SourceError
    from roadmapctl.render import build as render_view
    from roadmapctl.render.formats import FORMATS
    from roadmapctl.render.options import Options
    from roadmapctl.report.formats import render as render_report
    from roadmapctl.report.items import build_report
    from roadmapctl.report.parties import resolve

    try:
        loaded = load_path(path)
    except SourceError as exc:
        return broken_part(path, slug, [ProblemLine(0, 0, "", exc.shown)])
    roadmap = loaded.roadmap
    if roadmap is None:
        from roadmapctl.writing import visible

        lines = loaded.source.lines if loaded.source is not None else []
        return broken_part(path, slug, [
            ProblemLine(p.span.line, p.span.column, p.code, p.message,
                        visible(lines[p.span.line - 1].rstrip("\r\n")) if 0 < p.span.line <= len(lines) else "")
            for p in loaded.problems
        ])

    period, reason = roadmap_period_or_reason(roadmap)
    report = build_report([roadmap], as_of, within=within)
    rr = report.roadmaps[0]
    rows, chart = _rows(rr)
    # the rows of the roadmap's report that fall on each party: as ``roadmap_report`` with the
    # party's selection (``report --party``) gives them — its items do not depend on the selection.
    # Whether a party covers a name is asked once a name, not once a row.
    row_refs = [_refs(row.placed.activity) for row in rr.rows]
    first_ref = {ref.name: ref for refs in row_refs for ref in refs}
    shares = []
    for identity, (query, shown) in sorted(identities(roadmap).items()):
        view = resolve(roadmap, query)
        if not view.found:
            continue
        covered = {name for name, ref in first_ref.items() if view.covers(roadmap, ref)}
        own = [i for i, refs in enumerate(row_refs) if any(ref.name in covered for ref in refs)]
        if own:
            shares.append(PartyShare(identity, shown, party_counts([rr.rows[i] for i in own], roadmap), [rows[i] for i in own]))

    # one view of the document for both formats, written as ``render`` writes it
    view = render_view(roadmap)
    style = Options().style()
    appendix_page = FORMATS["html"].write(view, style, None)
    found = _MAIN.search(appendix_page.decode("utf-8"))
    return RoadmapPart(
        file=path,
        slug=slug,
        title=" ".join(roadmap.title.split()),
        municipality=roadmap.municipality,
        region=roadmap.region or "",
        authority=roadmap.authority.name,
        period_text=" ".join(roadmap.period_text.split()),
        period_start=period.start if period else None,
        period_end=period.end if period else None,
        period_reason=reason,
        counts=rr.summary.counts(),
        chart=chart,
        rows=rows,
        parties=shares,
        appendix=found.group(1) if found else "",
        files={
            "docx": FORMATS["docx"].write(view, style, None),
            "html": appendix_page,
            "report": render_report(report, "html"),
            "ics": export_roadmaps([roadmap], "ics"),
        },
    )
