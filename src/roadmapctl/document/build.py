"""Document (data + nodes) → Roadmap model. Runs only on schema-valid documents."""

from __future__ import annotations

from datetime import date
from typing import Any, cast

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from roadmapctl.loading import Document
from roadmapctl.loading.document import scalar_text
from roadmapctl.document.fields import ACTIVITY_FIELDS, SUBITEM_FIELDS, Field, Kind
from roadmapctl.document.model import (
    Activity, Appendix, Approval, Authority, Column, Dates, Order, OrderItem, Pair, Party, Person, Placed,
    Postponement, Preamble, ProgressMark, Ref, Roadmap, SchoolYearDates, Section, SubItem, Table,
)
from roadmapctl.spans import Span


class _Map:
    """A mapping's data with the spans of its values and keys."""

    __slots__ = ("data", "node", "span", "spans", "nodes", "key_spans")

    def __init__(self, data: dict, node: Node | None):
        self.data = data if isinstance(data, dict) else {}
        self.node = node
        self.span = Span.of_node(node) if node is not None else Span(1, 1, 1, 1)
        self.spans: dict[str, Span] = {}
        self.nodes: dict[str, Node] = {}
        self.key_spans: dict[str, Span] = {}
        if isinstance(node, MappingNode):
            for key, value in node.value:
                name = scalar_text(key)
                self.nodes[name] = value
                self.spans[name] = Span.of_node(value)
                self.key_spans[name] = Span.of_node(key)

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    def text(self, key: str) -> str | None:
        """A string field; numbers written without quotes keep their source text."""
        node = self.nodes.get(key)
        if isinstance(node, ScalarNode) and key in self.data and self.data[key] is not None:
            value = self.data[key]
            return value if isinstance(value, str) else node.value
        value = self.data.get(key)
        return None if value is None else str(value)

    def date(self, key: str) -> date | None:
        value = self.data.get(key)
        if isinstance(value, str):
            try:
                return date.fromisoformat(value)
            except ValueError:
                return None
        return None

    def child(self, key: str) -> "_Map":
        return _Map(self.data.get(key) or {}, self.nodes.get(key))

    def items(self, key: str) -> list[tuple[Any, Node | None]]:
        values = self.data.get(key) or []
        node = self.nodes.get(key)
        nodes = node.value if isinstance(node, SequenceNode) else []
        return [(value, nodes[i] if i < len(nodes) else None) for i, value in enumerate(values)]

    def loc(self) -> dict:
        return {"span": self.span, "spans": self.spans}


def _span(node: Node | None) -> Span:
    return Span.of_node(node) if node is not None else Span(1, 1, 1, 1)


def _refs(m: _Map, key: str) -> list[Ref]:
    refs = []
    for value, node in m.items(key):
        if isinstance(value, dict):
            r = _Map(value, node)
            refs.append(Ref(r.text("кто") or "", r.text("уточнение"), r.get("связка") or "скобки", **r.loc()))
        elif value is not None:
            text = node.value if isinstance(node, ScalarNode) else str(value)
            refs.append(Ref(text, span=_span(node)))
    return refs


def _subitems(m: _Map, key: str) -> list[SubItem]:
    subitems = []
    for item, item_node in m.items(key):
        if isinstance(item, dict):
            subitems.append(SubItem(**_fields(_Map(item, item_node), _SUBITEM)))
        else:
            subitems.append(SubItem(str(item), span=_span(item_node)))
    return subitems


def _marks(m: _Map, key: str) -> list[ProgressMark]:
    marks = []
    for item, item_node in m.items(key):
        k = _Map(item, item_node)
        # the schema requires the date of a mark (kept as read: readers skip a mark without one)
        marks.append(ProgressMark(cast(date, k.date("дата")), k.text("текст") or "", k.text("ссылка"), k.date("за"), **k.loc()))
    return marks


def _postponements(m: _Map, key: str) -> list[Postponement]:
    postponements = []
    for item, item_node in m.items(key):
        p = _Map(item, item_node)
        postponements.append(Postponement(p.text("прежний_срок") or "", p.text("причина") or "", p.date("дата"), p.text("основание"), **p.loc()))
    return postponements


def _activities(m: _Map, key: str) -> list[Activity]:
    return [_activity(v, n) for v, n in m.items(key)]


_READERS = {
    Kind.TEXT: _Map.text,
    Kind.REFS: _refs,
    Kind.MAPPING: _Map.get,
    Kind.DATE: _Map.date,
    Kind.SUBITEMS: _subitems,
    Kind.MARKS: _marks,
    Kind.POSTPONEMENTS: _postponements,
    Kind.ACTIVITIES: _activities,
}


def _plan(fields: tuple[Field, ...]) -> tuple:
    """(attribute, key, reader, required) of each field, the reader chosen once."""
    return tuple((f.attr, f.key, _READERS[f.kind], f.required) for f in fields)


def _fields(m: _Map, plan: tuple) -> dict:
    """The model's keyword arguments for an object with the fields of ``plan`` (document/fields.py)."""
    values = m.loc()
    for attr, key, read, required in plan:
        value = read(m, key)
        values[attr] = "" if required and value is None else value
    return values


_ACTIVITY = _plan(ACTIVITY_FIELDS)
_SUBITEM = _plan(SUBITEM_FIELDS)


def _activity(value: dict, node: Node | None) -> Activity:
    return Activity(**_fields(_Map(value, node), _ACTIVITY))


def _section(value: dict, node: Node | None) -> Section:
    m = _Map(value, node)
    return Section(
        title=m.text("название") or "",
        number=m.text("номер"),
        activities=[_activity(v, n) for v, n in m.items("мероприятия")],
        sections=[_section(v, n) for v, n in m.items("разделы")],
        **m.loc(),
    )


def _table(value: dict, node: Node | None) -> Table:
    m = _Map(value, node)
    columns = []
    for v, n in m.items("колонки"):
        c = _Map(v, n)
        columns.append(Column(c.text("поле") or "", c.text("заголовок") or "", **c.loc()))
    return Table(
        columns=columns,
        title=m.text("название"),
        column_numbers=bool(m.get("номера_колонок")),
        activities=[_activity(v, n) for v, n in m.items("мероприятия")],
        sections=[_section(v, n) for v, n in m.items("разделы")],
        **m.loc(),
    )


def _person(m: _Map) -> Person:
    return Person(m.text("фио") or "", m.text("должность"), m.text("роль"), **m.loc())


def _dates(value: Any, node: Node | None) -> Dates:
    m = _Map(value, node)
    return Dates(m.date("с"), m.date("по"), **m.loc())


def _school_calendar(root: _Map) -> list[SchoolYearDates]:
    calendar = root.child("учебный_календарь")
    out = []
    for key, value in (calendar.data or {}).items():
        entry = _Map(value or {}, calendar.nodes.get(key))
        key_span = calendar.key_spans.get(key, entry.span)
        first, _, second = str(key).partition("-")
        year = int(first) if first.isdigit() and second.isdigit() and int(second) == int(first) + 1 else None
        holidays = entry.child("каникулы")
        out.append(SchoolYearDates(
            str(key), year,
            [_dates(v, n) for v, n in entry.items("четверти")],
            [_dates(v, n) for v, n in entry.items("триместры")],
            {name: _dates(v, holidays.nodes.get(name)) for name, v in (holidays.data or {}).items()},
            span=key_span, spans=entry.spans,
        ))
    return out


def build_roadmap(doc: Document) -> Roadmap:
    root = _Map(doc.data, doc.root)
    order = None
    if "приказ" in root.data:
        o = root.child("приказ")
        items = []
        for v, n in o.items("пункты"):
            i = _Map(v, n)
            items.append(OrderItem(i.text("текст") or "", i.text("номер"), list(i.get("перечень") or []), **i.loc()))
        signatory = _person(o.child("подпись")) if "подпись" in o.data else None
        order = Order(o.text("вид"), o.text("номер"), o.date("дата"), o.text("место"), o.text("заголовок"),
                      o.text("преамбула"), items, signatory, **o.loc())
    approval = None
    if "утверждение" in root.data:
        a = root.child("утверждение")
        approval = Approval(a.text("должность") or "", a.text("фио") or "", a.text("гриф"), a.date("дата"), **a.loc())
    appendix = None
    if "приложение" in root.data:
        p = root.child("приложение")
        appendix = Appendix(p.text("к") or "", p.text("номер"), **p.loc())
    preamble = None
    if "преамбула" in root.data:
        p = root.child("преамбула")
        preamble = Preamble(p.text("проблема"), p.text("цель"), list(p.get("задачи") or []), **p.loc())
    parties: dict[str, Party] = {}
    directory = root.child("участники")
    for key, value in (directory.data or {}).items():
        entry = _Map(value or {}, directory.nodes.get(key))
        key_span = directory.key_spans.get(key, entry.span)
        parties[key] = Party(
            key, entry.text("полное"), entry.text("вид"), list(entry.get("синонимы") or []),
            list(entry.get("состав") or []), entry.text("примечание"), span=key_span, spans=entry.spans,
        )
    authority_map = root.child("орган")
    return Roadmap(
        file=doc.name,
        authority=Authority(authority_map.text("наименование") or "", authority_map.text("краткое"),
                            [str(v) for v, _ in authority_map.items("бланк")], **authority_map.loc()),
        municipality=root.text("муниципалитет") or "",
        title=root.text("название") or "",
        period_text=root.text("период") or "",
        tables=[_table(v, n) for v, n in root.items("таблицы")],
        format_version=root.get("версия_формата") or 1,
        region=root.text("регион"),
        order=order,
        approval=approval,
        appendix=appendix,
        preamble=preamble,
        working_group=[_person(_Map(v, n)) for v, n in root.items("рабочая_группа")],
        schools=[str(v) for v, _ in root.items("школы")],
        pairs=[Pair(_Map(v, n).text("школа") or "", _Map(v, n).text("партнёр") or "", **_Map(v, n).loc()) for v, n in root.items("пары")],
        parties=parties,
        notes=list(root.get("примечания") or []),
        school_calendar=_school_calendar(root),
        **root.loc(),
    )


__all__ = ["build_roadmap", "Placed"]
