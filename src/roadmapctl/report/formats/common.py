"""What every writer shares: groups, columns and the Russian words of the report."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from roadmapctl.document.fields import Status
from roadmapctl.report.glance import NO_PARTY, Glance  # NO_PARTY: one name for the unassigned
from roadmapctl.report.items import (
    CANCELLED,
    IN_PROGRESS,
    KIND_TITLES,
    KINDS,
    STATE_TITLES,
    STATES,
    Item,
    Report,
    Row,
    days,
    missed_text,
    postponement_text,
)
from roadmapctl.textutil import plural, ru_date
from roadmapctl.ziputil import reproducible_zip, zip_members

NO_SECTION = "Без раздела"

SUMMARY_COLUMNS = [
    ("municipality", "Муниципалитет"),
    ("activities", "Мероприятий"),
    ("done", "Выполнено"),
    ("overdue", "Просрочено"),
    ("unassigned", "Без ответственного"),
    ("undated", "Без срока"),
    ("upcoming", "Срок скоро"),
    ("stale", "Без отметок"),
]


# The totals every report starts with, for what it covers (named as in the summary).
TOTAL_COLUMNS = [
    (key, dict(SUMMARY_COLUMNS)[key]) for key in ("activities", "done", "overdue", "upcoming", "undated", "unassigned")
]


def totals_line(report: Report) -> str:
    """"Всего 63 мероприятия: выполнено — 0, просрочено — 13, срок скоро — 2, без срока — 5,
    без ответственного — 2"."""
    totals = report.totals
    head = f"Всего {plural(totals.activities, 'мероприятие', 'мероприятия', 'мероприятий')}"
    rest = ", ".join(f"{label.lower()} — {getattr(totals, key)}" for key, label in TOTAL_COLUMNS[1:])
    return f"{head}: {rest}"


def totals_values(report: Report) -> list[int]:
    totals = report.totals
    return [getattr(totals, key) for key, _label in TOTAL_COLUMNS]


def fmt_date(day: date | None) -> str:
    return ru_date(day) if day else ""


def fmt_dates(days) -> str:
    return ", ".join(fmt_date(d) for d in days)


def title(report: Report) -> str:
    what = "дорожной карты" if len(report.roadmaps) == 1 else "дорожных карт"
    return f"Информация о ходе реализации {what} по состоянию на {fmt_date(report.as_of)}"


def heading_lines(report: Report) -> list[str]:
    """The lines under the title: the roadmap (or how many), the party, the kinds shown."""
    lines = []
    if len(report.roadmaps) == 1:
        roadmap = report.roadmaps[0].roadmap
        named = not roadmap.municipality or roadmap.municipality.lower() in roadmap.title.lower()
        lines.append(roadmap.title if named else f"{roadmap.title} ({roadmap.municipality})")
    else:
        lines.append(f"Дорожных карт: {len(report.roadmaps)}")
        lines += [f"– {name}" for name in roadmap_names(report)]
    if report.party:
        lines.append(f"Участник: {report.party}")
    if report.kinds != KINDS:
        lines.append("Показано: " + ", ".join(KIND_TITLES[k].lower() for k in report.kinds))
    return lines


@dataclass
class Group:
    key: str
    title: str
    items: list[Item]


GROUPINGS = ("kind", "party", "roadmap", "section", "status", "municipality")
GROUPING_TITLES = {
    "kind": "по видам замечаний", "party": "по ответственным", "roadmap": "по дорожным картам",
    "section": "по разделам", "status": "по состоянию", "municipality": "по муниципалитетам",
}


def item_states(report: Report) -> dict[tuple[int, int], str]:
    """The state (items.STATES) of every activity of the report, by (roadmap index, order)."""
    return {(index, row.items[0].order): row.state for index, rr in enumerate(report.roadmaps) for row in rr.rows if row.items}


def group_items(report: Report, by: str = "kind") -> list[Group]:
    """Items in groups, in a fixed order: kinds and states in their own order, parties by name
    (the unassigned last), the others in order of appearance. A party is its identity in the
    directory (``parties.identity``): «УО» and the department's full name are one group."""
    from roadmapctl.report.parties import norm

    items = report.items
    groups: dict[str, Group] = {}
    if by == "kind":
        for kind in report.kinds:
            chosen = [i for i in items if i.kind == kind]
            if chosen:
                groups[kind] = Group(kind, KIND_TITLES[kind], chosen)
        return list(groups.values())
    states = item_states(report) if by == "status" else {}
    # in the other groupings an activity's items stay together, in document order
    for item in sorted(items, key=lambda i: (i.roadmap_index, i.order, KINDS.index(i.kind))):
        if by == "roadmap":
            keys = [(item.file, f"{item.municipality} ({item.file})" if item.municipality else item.file)]
        elif by == "municipality":
            keys = [(norm(item.municipality) or item.file, item.municipality or item.file)]
        elif by == "status":
            state = states.get((item.roadmap_index, item.order), "pending")
            keys = [(state, STATE_TITLES[state])]
        elif by == "section":
            heading = item.section or NO_SECTION
            keys = [(f"{item.file}\0{heading}", f"{item.municipality}: {heading}" if item.municipality else heading)]
        else:
            keys = [(norm(name), name) for name in item.parties] or [(NO_PARTY, NO_PARTY)]
        for key, label in keys:
            groups.setdefault(key, Group(key, label, [])).items.append(item)
    out = list(groups.values())
    if by == "party":
        out.sort(key=lambda g: (g.key == NO_PARTY, g.title.casefold()))
    elif by == "status":
        out.sort(key=lambda g: STATES.index(g.key))
    return out


# Item columns of the flat formats (csv, xlsx) and the tables (md, terminal).
ITEM_COLUMNS = [
    ("municipality", "Муниципалитет"),
    ("file", "Файл"),
    ("number", "№"),
    ("text", "Мероприятие"),
    ("kind", "Вид"),
    ("responsible", "Ответственные"),
    ("deadline", "Срок (как в документе)"),
    ("due", "Дата срока"),
    ("missed", "Пропущенные сроки"),
    ("days_late", "Дней просрочки"),
    ("note", "Примечание"),
    ("postponed", "Перенос срока"),
]


def cell(item: Item, key: str) -> str:
    """The text of one column of an item."""
    if key == "kind":
        return KIND_TITLES[item.kind]
    if key == "responsible":
        return ", ".join(item.responsible) if item.responsible else "—"
    if key == "deadline":
        return item.deadline or "—"
    if key == "due":
        return fmt_date(item.due)
    if key == "missed":
        return fmt_dates(item.missed)
    if key == "days_late":
        return "" if item.days_late is None else str(item.days_late)
    if key == "postponed":
        return "; ".join(postponement_text(p) for p in item.postponements)
    value = getattr(item, key)
    return "" if value is None else str(value)


def columns_for(report: Report, by: str) -> list[tuple[str, str]]:
    """The columns of the tables meant for reading (terminal, Markdown): the dates and days are
    in the note; no municipality for one roadmap; no kind when the groups are the kinds."""
    many = len(report.roadmaps) > 1
    postponed = any(item.postponements for item in report.items)
    out = []
    for key, label in ITEM_COLUMNS:
        if key in ("file", "due", "missed", "days_late") or (key == "postponed" and not postponed):
            continue
        if key == "municipality" and not (many and by != "roadmap"):
            continue
        if key == "kind" and by == "kind":
            continue
        out.append((key, label))
    return out


def overdue_line(item: Item) -> str:
    """"Просрочено на 1 день: нет отметки о выполнении, срок прошёл 31.05.2021" — the word and
    the days first, so that the row reads as overdue in black and white too."""
    return f"Просрочено на {days(item.days_late or 0)}: {missed_text(item.missed)}"


def completion_lines(row: Row, as_of: date) -> list[str]:
    """The "отметка о выполнении" of an activity: status, problems, marks, postponements."""
    activity = row.placed.activity
    lines: list[str] = []
    by_kind = {item.kind: item for item in row.items}
    if "done" in by_kind:
        lines.append(f"Выполнено {fmt_date(activity.done_date)}".strip())
    elif activity.status == CANCELLED:
        lines.append("Отменено")
    elif activity.status == IN_PROGRESS:
        lines.append("В работе")
    overdue = by_kind.get("overdue")
    if overdue:
        lines.append(overdue_line(overdue))
    upcoming = by_kind.get("upcoming")
    if upcoming and upcoming.due:
        lines.append(f"Срок {fmt_date(upcoming.due)} (через {days((upcoming.due - as_of).days)})")
    if "undated" in by_kind:
        lines.append("Срок не определён")
    if "unassigned" in by_kind:
        lines.append("Ответственный не указан")
    stale = by_kind.get("stale")
    if stale:
        lines.append(f"Нет отметок о ходе с {fmt_date(stale.last_mark)}" if stale.last_mark else "Отметок о ходе нет")
    for mark in sorted((m for m in activity.marks if m.date and m.date <= as_of), key=lambda m: m.date):
        text = f"{fmt_date(mark.date)} — {mark.text}"
        if mark.covers:
            text += f" (за срок {fmt_date(mark.covers)})"
        if mark.link:
            text += f" ({mark.link})"
        lines.append(text)
    lines.extend(postponement_text(p) for p in activity.postponements)
    if not lines:
        lines.append("Отметок нет" if activity.status in (None, Status.NOT_STARTED) else activity.status.capitalize())
    return lines


_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def stable_zip(data: bytes, stamp: date) -> bytes:
    """The same package with fixed member timestamps and document dates (``stamp``), so that
    equal input gives equal bytes (the libraries write "now" when saving)."""
    moment = f"{stamp.isoformat()}T00:00:00Z".encode()

    def edit(name: str, body: bytes) -> bytes:
        if name == "docProps/core.xml":
            return _MODIFIED.sub(lambda m: m.group(1) + moment + m.group(2), body)
        return body

    return reproducible_zip(zip_members(data), (1980, 1, 1, 0, 0, 0), 0o600, edit=edit)



# --- the first page (report.glance), as tables every writer draws in its own way ----------------

FIRST_PAGE_TITLES = ("Ход реализации", "Кто не успевает", "Самые просроченные мероприятия")
LATE_PARTIES = 12  # parties with overdue activities listed on the first page


@dataclass
class FirstPage:
    """The first page as plain text tables: ``progress`` (a row per roadmap or municipality and
    the total), ``late`` (the parties with overdue activities) and ``most_late``."""

    as_of: str
    progress_header: list[str]
    progress: list[list[str]]
    progress_parts: list[bool]  # a roadmap listed under its municipality (indented)
    late_header: list[str]
    late: list[list[str]]
    most_late_header: list[str]
    most_late: list[list[str]]
    glance: Glance
    late_more: int = 0  # parties left off the first page (they are in the list grouped by party)

    @property
    def late_more_line(self) -> str:
        if not self.late_more:
            return ""
        return f"И ещё {plural(self.late_more, 'ответственный', 'ответственных', 'ответственных')} с просроченными мероприятиями: все они — в отчёте, сгруппированном по ответственным (--by party)."


def first_page(report: Report) -> FirstPage:
    from roadmapctl.report.glance import SHARES, glance

    g = glance(report)
    many = len(report.roadmaps) > 1
    name = "Муниципалитет" if many else "Дорожная карта"
    header = [name, "Мероприятий", *(label for _key, label in SHARES)]
    rows = [[row.name, str(row.activities), *(row.text(key) for key, _ in SHARES)] for row in g.rows]
    parts = [row.part for row in g.rows]
    if many:
        rows.append([g.total.name, str(g.total.activities), *(g.total.text(key) for key, _ in SHARES)])
        parts.append(False)
    late = [[p.name, str(p.overdue), str(p.most_days)] for p in g.late_parties]
    more = max(0, len(late) - LATE_PARTIES)
    if more:  # the unassigned stay in view
        late = late[:LATE_PARTIES - 1] + late[-1:] if g.late_parties[-1].name == NO_PARTY else late[:LATE_PARTIES]
    most_header = (["Муниципалитет"] if many else []) + ["№", "Мероприятие", "Ответственные", "Срок прошёл", "Дней просрочки"]
    most = [
        ([item.municipality or item.file] if many else [])
        + [item.number, " ".join(item.text.splitlines()), ", ".join(item.parties) or "—", fmt_date(item.missed[0] if item.missed else None),
           str(item.days_late or 0)]
        for item in g.most_late
    ]
    return FirstPage(
        fmt_date(report.as_of), header, rows, parts,
        ["Ответственный", "Просрочено мероприятий", "Наибольшая просрочка, дней"], late, most_header, most, g, more,
    )


def roadmap_names(report: Report) -> list[str]:
    """The roadmaps the report covers, each by its title (and municipality when the title does
    not name it)."""
    out = []
    for rr in report.roadmaps:
        roadmap = rr.roadmap
        named = not roadmap.municipality or roadmap.municipality.lower() in roadmap.title.lower()
        out.append(" ".join(roadmap.title.split()) if named else f"{' '.join(roadmap.title.split())} ({roadmap.municipality})")
    return out
