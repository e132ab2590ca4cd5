"""Progress and postponements written into a roadmap file in place.

ruamel.yaml's round trip re-indents sequences, re-wraps long scalars and may move comments, so it
cannot promise that every byte outside the edited lines stays as it was. Instead every change
here is a text edit at a position taken from the node tree that ``roadmapctl.loading`` composes
(libyaml marks: character offsets into the decoded text), and the edited text is loaded again
and compared with the intended data before anything is returned. Nothing is written here: the
caller writes the bytes atomically.
"""

from __future__ import annotations

import bisect
import copy
import difflib
import re
from dataclasses import dataclass, field, replace
from datetime import date

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from roadmapctl.document import fields
from roadmapctl.document.pipeline import Loaded, load_source
from roadmapctl.loading import Document, LoadError, Source, load_document
from roadmapctl.loading.document import NULL, scalar_text, walk_nodes
from roadmapctl.loading.scalars import scalar
from roadmapctl.loading.source import LINE_BREAK
from roadmapctl.textutil import ru_date

STATUSES = fields.STATUSES
DONE = fields.Status.DONE.value

_BLANK = " \t\r\n\x85\u2028\u2029"
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://[^\s]+$")


class EditError(Exception):
    """The edit cannot be made safely; the message is in Russian and the file stays untouched."""


@dataclass(frozen=True)
class MarkRequest:
    """What to record on one activity. ``on`` is the date of the event (mark, completion,
    postponement); ``explicit_date`` says whether the user gave it or it is today."""

    number: str
    on: date
    explicit_date: bool = False
    table: int | None = None
    status: str | None = None
    note: str | None = None
    link: str | None = None
    covers: date | None = None
    postpone: str | None = None
    reason: str | None = None
    basis: str | None = None


@dataclass
class EditResult:
    text: str
    data: bytes
    number: str
    changes: list[str] = field(default_factory=list)
    changed: bool = True


# --- finding the activity ---------------------------------------------------------------------


def _walk_activities(items, path, table):
    for index, item in enumerate(items or []):
        if isinstance(item, dict):
            here = path + [index]
            yield here, item, table
            yield from _walk_activities(item.get(fields.CHILDREN.key), here + [fields.CHILDREN.key], table)


def _walk_sections(sections, path, table):
    for index, section in enumerate(sections or []):
        if isinstance(section, dict):
            here = path + [index]
            yield from _walk_activities(section.get("мероприятия"), here + ["мероприятия"], table)
            yield from _walk_sections(section.get("разделы"), here + ["разделы"], table)


def activity_paths(data) -> list[tuple[list, dict, int]]:
    """Every activity of the document data with its path and 0-based table index, in document
    order (the order of ``Roadmap.placed_activities``)."""
    found: list[tuple[list, dict, int]] = []
    if not isinstance(data, dict):
        return found
    for index, table in enumerate(data.get("таблицы") or []):
        if isinstance(table, dict):
            base = ["таблицы", index]
            found.extend(_walk_activities(table.get("мероприятия"), base + ["мероприятия"], index))
            found.extend(_walk_sections(table.get("разделы"), base + ["разделы"], index))
    return found


def _norm_number(number: str) -> str:
    return re.sub(r"\s+", "", str(number)).rstrip(".")


def find_activity(data, number: str, table: int | None = None) -> tuple[list, dict]:
    """The path and data of the activity numbered ``number`` (exactly, or ignoring a final dot)."""
    every = activity_paths(data)
    if table is not None:
        tables = len(data.get("таблицы") or []) if isinstance(data, dict) else 0
        if not 1 <= table <= tables:
            raise EditError(f"в файле {tables} {_tables_word(tables)}, а указана таблица {table}")
        every = [entry for entry in every if entry[2] == table - 1]
    exact = [entry for entry in every if str(entry[1].get(fields.NUMBER.key, "")) == number]
    matches = exact or [entry for entry in every if _norm_number(entry[1].get(fields.NUMBER.key, "")) == _norm_number(number)]
    if not matches:
        numbers = [str(entry[1].get(fields.NUMBER.key, "")) for entry in every]
        close = difflib.get_close_matches(number, numbers, n=5, cutoff=0.6)
        hint = f"; похожие номера: {', '.join(close)}" if close else ""
        raise EditError(f"мероприятия с номером «{number}» в файле нет{hint}")
    if len(matches) > 1:
        where = ", ".join(f"таблица {entry[2] + 1}" for entry in matches)
        raise EditError(f"номер «{number}» встречается несколько раз ({where}); укажите таблицу параметром --table")
    path, activity, _table = matches[0]
    return path, activity


def _tables_word(n: int) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return "таблица"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return "таблицы"
    return "таблиц"


# --- rendering scalars --------------------------------------------------------------------------


def _flow_map(fields: list[tuple[str, str]]) -> str:
    return "{" + ", ".join(f"{key}: {value}" for key, value in fields) + "}"


# --- the text and its edits ---------------------------------------------------------------------


class _Editor:
    def __init__(self, doc: Document, canonical: list[str]):
        self.text = doc.source.text
        self.canonical = canonical
        self.starts = [0] + [m.end() for m in LINE_BREAK.finditer(self.text)]
        self.default_break = "\r\n" if "\r\n" in self.text else "\n"
        self.edits: list[tuple[int, int, int, str]] = []  # (start, end, order, replacement)

    # lines
    def line_of(self, index: int) -> int:
        return bisect.bisect_right(self.starts, index) - 1

    def line_end(self, line: int) -> int:
        """Index of the line break ending ``line`` (or of the end of the text)."""
        if line + 1 < len(self.starts):
            nxt = self.starts[line + 1]
            return nxt - 2 if self.text[nxt - 2 : nxt] == "\r\n" else nxt - 1
        return len(self.text)

    def line_break(self, line: int) -> str:
        end = self.line_end(line)
        nxt = self.starts[line + 1] if line + 1 < len(self.starts) else len(self.text)
        return self.text[end:nxt] or self.default_break

    def only_blank_before(self, index: int) -> bool:
        start = self.starts[self.line_of(index)]
        return self.text[start:index].strip(" \t") == ""

    def add(self, start: int, end: int, replacement: str) -> None:
        self.edits.append((start, end, len(self.edits), replacement))

    def result(self) -> str:
        text = self.text
        ordered = sorted(self.edits, key=lambda e: (e[0], e[2]))
        for (_, e1, _, _), (s2, _, _, _) in zip(ordered, ordered[1:]):
            if s2 < e1:
                raise EditError("внутренняя ошибка: правки файла пересекаются; файл не изменён")
        for start, end, _order, replacement in sorted(self.edits, key=lambda e: (e[0], e[2]), reverse=True):
            text = text[:start] + replacement + text[end:]
        return text

    # nodes
    def after_colon(self, key: Node) -> int:
        index = key.end_mark.index
        while index < len(self.text) and self.text[index] in " \t":
            index += 1
        if index >= len(self.text) or self.text[index] != ":":
            raise EditError("не удалось найти двоеточие после ключа; файл не изменён")
        return index + 1

    @staticmethod
    def is_empty(node: Node) -> bool:
        return isinstance(node, ScalarNode) and node.tag == NULL and node.value == "" and not node.style

    def content_end(self, node: Node) -> int:
        """Index just after the last character that belongs to ``node`` (comments excluded)."""
        if isinstance(node, ScalarNode):
            end = node.end_mark.index
            if node.style in ("|", ">"):
                while end > node.start_mark.index and self.text[end - 1] in _BLANK:
                    end -= 1
            return end
        if getattr(node, "flow_style", False) or not node.value:  # a collection here
            return node.end_mark.index
        if isinstance(node, MappingNode):
            key, value = node.value[-1]
            if self.is_empty(value):
                return self.after_colon(key)
            return self.content_end(value)
        return self.content_end(node.value[-1])

    def entry(self, mapping: MappingNode, key: str) -> tuple[Node, Node] | None:
        found = None
        for key_node, value_node in mapping.value:
            if scalar_text(key_node) == key:
                found = (key_node, value_node)
        return found

    # edits on a block mapping
    def insert_entry(self, mapping: MappingNode, key: str, lines: list[tuple[int, str]]) -> None:
        """Insert ``key`` with its lines (relative indent, text) at its place in schema order."""
        indent = mapping.value[0][0].start_mark.column
        rank = self.canonical.index(key)
        following = [
            k for k, _v in mapping.value
            if scalar_text(k) in self.canonical and self.canonical.index(scalar_text(k)) > rank
        ]
        if following and self.only_blank_before(following[0].start_mark.index):
            line = self.line_of(following[0].start_mark.index)
            while line > 0 and self.text[self.starts[line - 1] : self.line_end(line - 1)].lstrip(" \t").startswith("#"):
                line -= 1
            brk = self.line_break(line - 1) if line > 0 else self.default_break
            body = "".join(" " * (indent + rel) + text + brk for rel, text in lines)
            self.add(self.starts[line], self.starts[line], body)
            return
        last = self.line_of(self.content_end(mapping) - 1)
        brk = self.line_break(last)
        body = "".join(brk + " " * (indent + rel) + text for rel, text in lines)
        position = self.line_end(last)
        self.add(position, position, body)

    def set_scalar(self, mapping: MappingNode, key: str, rendered: str) -> None:
        found = self.entry(mapping, key)
        if found is None:
            self.insert_entry(mapping, key, [(0, f"{key}: {rendered}")])
            return
        _key_node, value = found
        if not isinstance(value, ScalarNode):
            raise EditError(f"значение «{key}» записано не строкой; исправьте его вручную")
        start, end = value.start_mark.index, value.end_mark.index
        if value.style in ("|", ">"):
            end = self.content_end(value)
        self.add(start, end, rendered)

    def delete_entry(self, mapping: MappingNode, key: str) -> None:
        found = self.entry(mapping, key)
        if found is None:
            return
        key_node, value = found
        first, last = self.line_of(key_node.start_mark.index), self.line_of(self.content_end(value) - 1)
        rest = self.text[self.content_end(value) : self.line_end(last)].strip(" \t")
        if (
            not self.only_blank_before(key_node.start_mark.index)
            or mapping.value[0][0] is key_node
            or (rest and not rest.startswith("#"))
            or not isinstance(value, ScalarNode)
        ):
            raise EditError(f"не удалось удалить «{key}»: удалите эту строку вручную")
        end = self.starts[last + 1] if last + 1 < len(self.starts) else len(self.text)
        start = self.starts[first]
        if end == len(self.text) and start > 0:  # the last line of a file without a final break
            start = self.line_end(first - 1)
        self.add(start, end, "")

    def append_item(self, mapping: MappingNode, key: str, entries: list[tuple[str, str]], flow_entries: list[tuple[str, str]]) -> None:
        found = self.entry(mapping, key)
        if found is None:
            lines = [(0, f"{key}:"), (2, f"- {entries[0][0]}: {entries[0][1]}")]
            lines += [(4, f"{k}: {v}") for k, v in entries[1:]]
            self.insert_entry(mapping, key, lines)
            return
        _key_node, value = found
        if not isinstance(value, SequenceNode):
            raise EditError(f"«{key}» должен быть списком; исправьте его вручную")
        if value.flow_style:
            if value.value:
                position = self.content_end(value.value[-1])
                self.add(position, position, ", " + _flow_map(flow_entries))
            else:
                position = value.end_mark.index - 1
                if self.text[position] != "]":
                    raise EditError(f"не удалось дополнить список «{key}»; файл не изменён")
                self.add(position, position, _flow_map(flow_entries))
            return
        first = value.value[0]
        dash = first.start_mark.index - 1
        while dash > 0 and self.text[dash] in " \t":
            dash -= 1
        if self.text[dash] != "-":
            raise EditError(f"не удалось найти «-» в списке «{key}»; файл не изменён")
        dash_col = dash - self.starts[self.line_of(dash)]
        item_col = first.start_mark.column if self.line_of(dash) == self.line_of(first.start_mark.index) else dash_col + 2
        last = self.line_of(self.content_end(value.value[-1]) - 1)
        brk = self.line_break(last)
        body = brk + " " * dash_col + "-" + " " * (item_col - dash_col - 1) + f"{entries[0][0]}: {entries[0][1]}"
        body += "".join(brk + " " * item_col + f"{k}: {v}" for k, v in entries[1:])
        position = self.line_end(last)
        self.add(position, position, body)


# --- the operation ------------------------------------------------------------------------------


def _clean(text: str | None, what: str) -> str | None:
    if text is None:
        return None
    if any(0xD800 <= ord(c) <= 0xDFFF for c in text):
        raise EditError(f"{what}: текст содержит недопустимые символы")
    text = text.strip()
    if not text:
        raise EditError(f"{what}: текст пуст")
    return text


def _canonical_keys() -> list[str]:
    return [f.key for f in fields.ACTIVITY_FIELDS]  # the schema's order (tests/test_fields.py)


def _check_request(request: MarkRequest) -> MarkRequest:
    status = request.status
    if status is not None:
        status = " ".join(status.split()).lower()
        if status not in STATUSES:
            raise EditError(f"неизвестный статус «{request.status}»; допустимы: {', '.join(STATUSES)}")
    note = _clean(request.note, "отметка (--note)")
    link = _clean(request.link, "ссылка (--link)")
    if link is not None and not _URL.match(link):
        raise EditError(f"ссылка «{link}» не похожа на адрес: укажите его полностью, например https://example.ru/otchet.pdf")
    if (link or request.covers) and note is None:
        raise EditError("ссылка (--link) и срок отметки (--covers) указываются вместе с текстом отметки (--note)")
    postpone = _clean(request.postpone, "новый срок (--postpone)")
    reason = _clean(request.reason, "причина переноса (--reason)")
    basis = _clean(request.basis, "основание переноса (--basis)")
    if postpone is None and (reason or basis):
        raise EditError("причина (--reason) и основание (--basis) указываются вместе с новым сроком (--postpone)")
    if postpone is not None and reason is None:
        raise EditError("перенос срока требует причины: добавьте --reason «…»")
    if status is None and note is None and postpone is None:
        raise EditError("укажите, что записать: --status, --note или --postpone")
    return replace(request, number=request.number.strip(), status=status, note=note, link=link,
                   postpone=postpone, reason=reason, basis=basis)


def mark_activity(source: Source, request: MarkRequest) -> EditResult:
    """Record ``request`` in the roadmap ``source`` (run through the pipeline); see mark_loaded."""
    return mark_loaded(load_source(source), request)


def mark_loaded(loaded: Loaded, request: MarkRequest) -> EditResult:
    """Record ``request`` in a roadmap as the pipeline read it; return the new text and bytes.

    Raises EditError (Russian message) when the request or the file does not allow a safe
    edit (the file is not a valid roadmap, the activity is not there, …); then nothing is to be
    written.
    """
    request = _check_request(request)
    if loaded.roadmap is None:
        raise EditError(f"в файле есть ошибки; исправьте их и повторите (roadmapctl check {loaded.name})")
    doc, source = loaded.document, loaded.source
    assert doc is not None and source is not None  # a roadmap was built from them
    path, activity = find_activity(doc.data, request.number, request.table)
    number = str(activity.get(fields.NUMBER.key))
    node = doc.node_at(path)
    if not isinstance(node, MappingNode):
        raise EditError(f"мероприятие {number} записано не словарём; файл не изменён")
    if node.flow_style:
        raise EditError(
            f"мероприятие {number} записано в одну строку в фигурных скобках {{…}}; "
            "запишите его ключи с новой строки каждый, и команда сможет его изменить"
        )

    _refuse_shared(doc, path, node, number)
    expected, target = _copy_along(doc.data, path)
    editor = _Editor(doc, _canonical_keys())
    changes: list[str] = []
    on = request.on.isoformat()

    if request.postpone is not None:
        old = activity.get(fields.DEADLINE.key)
        if activity.get(fields.OVERRIDE.key) is not None:
            raise EditError(
                f"у мероприятия {number} срок задан в явном виде ({fields.OVERRIDE.key}); перенесите его вручную, "
                "изменив и слова, и даты срока"
            )
        if not isinstance(old, str) or not old.strip():
            raise EditError(f"у мероприятия {number} нет срока, переносить нечего; чтобы указать срок, добавьте ключ «срок» в файле")
        if old.strip() == request.postpone:
            raise EditError(f"новый срок совпадает с прежним: «{old}»")
        editor.set_scalar(node, fields.DEADLINE.key, scalar(request.postpone))
        target[fields.DEADLINE.key] = request.postpone
        assert request.reason is not None  # _check_request asks for the reason of a postponement
        record = [("прежний_срок", old), ("дата", on), ("причина", request.reason)]
        if request.basis:
            record.append(("основание", request.basis))
        _append(editor, node, fields.POSTPONEMENTS.key, record, target)
        changes.append(f"срок перенесён: «{old}» → «{request.postpone}» (причина: {request.reason})")

    if request.status is not None:
        if activity.get(fields.STATUS.key) != request.status:
            editor.set_scalar(node, fields.STATUS.key, request.status)
            target[fields.STATUS.key] = request.status
            changes.append(f"статус: «{request.status}»")
        if request.status == DONE:
            recorded = activity.get(fields.DONE_DATE.key)
            if recorded is None or (request.explicit_date and recorded != on):
                editor.set_scalar(node, fields.DONE_DATE.key, on)
                target[fields.DONE_DATE.key] = on
                changes.append(f"дата выполнения: {ru_date(request.on)}")
        elif fields.DONE_DATE.key in activity:
            editor.delete_entry(node, fields.DONE_DATE.key)
            del target[fields.DONE_DATE.key]
            changes.append("дата выполнения удалена, так как мероприятие больше не отмечено выполненным")

    if request.note is not None:
        record = [("дата", on), ("текст", request.note)]
        if request.link:
            record.append(("ссылка", request.link))
        if request.covers:
            record.append(("за", request.covers.isoformat()))
        _append(editor, node, fields.MARKS.key, record, target)
        changes.append(f"добавлена отметка от {ru_date(request.on)}")

    if not editor.edits:
        return EditResult(source.text, _encode(source, source.text), number, ["ничего не изменилось: всё это уже записано"], False)
    new_text = editor.result()
    _verify(source, new_text, expected)
    return EditResult(new_text, _encode(source, new_text), number, changes)


_DATE_KEYS = {"дата", "за"}
_EDITED_KEYS = tuple(f.key for f in (fields.DEADLINE, fields.STATUS, fields.DONE_DATE, fields.MARKS, fields.POSTPONEMENTS))


def _refuse_shared(doc: Document, path: list, node: MappingNode, number: str) -> None:
    """An edit at an anchor (&x) would also change every place that refers to it (*x): refuse
    when the activity, a mapping above it or a value to be edited is used more than once."""
    references: dict[int, int] = {}
    for current in walk_nodes(doc.root):
        children = []
        if isinstance(current, MappingNode):
            children = [v for pair in current.value for v in pair]
        elif isinstance(current, SequenceNode):
            children = current.value
        for child in children:
            references[id(child)] = references.get(id(child), 0) + 1
    involved = [doc.node_at(path[:i]) for i in range(len(path) + 1)]
    involved += [value for key, value in node.value if scalar_text(key) in _EDITED_KEYS]
    for found in involved:
        if found is not None and references.get(id(found), 0) > 1:
            raise EditError(
                f"мероприятие {number} или его значение записано ссылкой на якорь (&…, *…) и используется "
                "в файле ещё раз: изменение попало бы и туда. Запишите это значение отдельно и повторите; файл не изменён"
            )


def _append(editor: _Editor, node: MappingNode, key: str, record: list[tuple[str, str]], target: dict) -> None:
    block = [(k, v if k in _DATE_KEYS else scalar(v)) for k, v in record]
    flow = [(k, v if k in _DATE_KEYS else scalar(v, force=True, flow=True)) for k, v in record]
    editor.append_item(node, key, block, flow)
    existing = target.get(key)
    item = dict(record)
    target[key] = [*existing, item] if isinstance(existing, list) else [item]  # the loaded list stays as it was


def _copy_along(data, path: list):
    """The data with the containers on ``path`` copied, and the copy of the one ``path`` reaches.

    The edit changes only that mapping (it replaces a list there, never extends it in place), so
    everything off the path is shared with the loaded data instead of deep-copied: the expected
    data of a large roadmap costs a few containers, not a second copy of the file."""
    expected = copy.copy(data)
    target = expected
    for step in path:
        target[step] = copy.copy(target[step])
        target = target[step]
    return expected, target


def _encode(source: Source, text: str) -> bytes:
    return (("\ufeff" if source.had_bom else "") + text).encode("utf-8")


def _verify(source: Source, text: str, expected) -> None:
    from roadmapctl.document.schema import is_valid

    problem = "после правки файл читается иначе, чем задумано"
    try:
        reloaded = load_document(Source(name=source.name, text=text))
    except LoadError as exc:
        problem = f"после правки файл не читается ({exc.message})"
    else:
        if reloaded.data == expected:
            if is_valid(reloaded.data):
                return
            problem = "после правки файл не проходит проверку схемы"
    raise EditError(
        f"не удалось безопасно изменить файл: {problem}. Файл не изменён. "
        "Пожалуйста, внесите запись вручную и сообщите разработчикам об этом случае"
    )
