"""What every writer shares: groups, columns and the Russian words of the report."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from roadmapctl.report.items import IN_PROGRESS, KIND_TITLES, KINDS, Item, Report, Row, days, postponement_text
from roadmapctl.textutil import plural, ru_date
from roadmapctl.ziputil import reproducible_zip, zip_members

NO_PARTY = "Ответственный не указан"
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


def group_items(report: Report, by: str = "kind") -> list[Group]:
    """Items in groups, in a fixed order: kinds in KINDS order, others in order of appearance."""
    items = report.items
    groups: dict[str, Group] = {}
    if by == "kind":
        for kind in report.kinds:
            chosen = [i for i in items if i.kind == kind]
            if chosen:
                groups[kind] = Group(kind, KIND_TITLES[kind], chosen)
        return list(groups.values())
    # in the other groupings an activity's items stay together, in document order
    for item in sorted(items, key=lambda i: (i.roadmap_index, i.order, KINDS.index(i.kind))):
        if by == "roadmap":
            keys = [(item.file, f"{item.municipality} ({item.file})" if item.municipality else item.file)]
        elif by == "section":
            heading = item.section or NO_SECTION
            keys = [(f"{item.file}\0{heading}", f"{item.municipality}: {heading}" if item.municipality else heading)]
        else:
            keys = [(name, name) for name in item.responsible] or [(NO_PARTY, NO_PARTY)]
        for key, label in keys:
            groups.setdefault(key, Group(key, label, [])).items.append(item)
    out = list(groups.values())
    if by == "party":
        out.sort(key=lambda g: (g.key == NO_PARTY, g.title.casefold()))
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


def completion_lines(row: Row, as_of: date) -> list[str]:
    """The "отметка о выполнении" of an activity: status, problems, marks, postponements."""
    activity = row.placed.activity
    lines: list[str] = []
    by_kind = {item.kind: item for item in row.items}
    if "done" in by_kind:
        lines.append(f"Выполнено {fmt_date(activity.done_date)}".strip())
    elif activity.status == "отменено":
        lines.append("Отменено")
    elif activity.status == IN_PROGRESS:
        lines.append("В работе")
    overdue = by_kind.get("overdue")
    if overdue:
        if len(overdue.missed) > 1:
            lines.append(f"Не выполнено в срок: {fmt_dates(overdue.missed)}")
        else:
            assert overdue.days_late is not None  # an overdue item counts its days
            lines.append(f"Не выполнено в срок {fmt_date(overdue.missed[0])} (просрочка {days(overdue.days_late)})")
    upcoming = by_kind.get("upcoming")
    if upcoming:
        assert upcoming.due is not None  # an upcoming item has its date
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
        lines.append("Отметок нет" if activity.status in (None, "не начато") else activity.status.capitalize())
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

