"""What the language server knows about one open text, without any LSP machinery.

``analyze`` runs the same check as ``roadmapctl check`` (codes, messages, configuration, noqa)
on the editor's text, and keeps the last text that was readable YAML so that hover and
completion keep working while a line is half typed. Positions here are roadmapctl's: 1-based
lines and character columns; the server converts them to the client's units.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from roadmapctl.check.config import Config
from roadmapctl.check.incremental import IncrementalCheck
from roadmapctl.check.diagnostics import Diagnostic, Edit, Fix, Severity
from roadmapctl.document import fields
from roadmapctl.document.model import Roadmap
from roadmapctl.loading import Document, Source, load_document
from roadmapctl.loading.document import scalar_text
from roadmapctl.lsp.positions import split_lines
from roadmapctl.spans import Span
from roadmapctl.textutil import ru_date

# Schema findings: in the editor they may come from yaml-language-server instead (docs/lsp.md).
SCHEMA_CODES = frozenset({"RM101", "RM102", "RM103", "RM104", "RM105"})
# Keys whose values name a party of the directory «участники».
PARTY_KEYS = frozenset({fields.RESPONSIBLE.key, "кто", "школы", "состав", "школа", "партнёр"})
DEADLINE_KEYS = frozenset({fields.DEADLINE.key, "прежний_срок"})
# A schema property marked with this keyword holds the number of an existing activity.
REF_KEYWORD = "x-roadmapctl-ref"


@dataclass
class Analysis:
    """One version of a document: its findings and, when it was readable, its YAML (as the
    pipeline composed it for the check)."""

    name: str
    text: str
    diagnostics: list[Diagnostic]
    document: Document | None = None
    lines: list[str] = field(default_factory=list)
    path: str | None = None
    roadmap: Roadmap | None = None  # the model, when the text is a valid roadmap

    @property
    def readable(self) -> bool:
        return self.document is not None


def _failure(name: str, message: str, span: Span | None = None, code: str = "RM001") -> Diagnostic:
    return Diagnostic(name, span or Span.point(1, 1), code, Severity.ERROR, message)


def analyze(text: str, name: str, config: Config | None = None, path=None,
            engine: IncrementalCheck | None = None) -> Analysis:
    """Check ``text`` as ``roadmapctl check`` would check the file; never raises. With an
    ``engine`` (one per open document, one check at a time), only what changed since its last
    text is checked again (``check.incremental``); the result is the same."""
    from roadmapctl.check.runner import check_loaded
    from roadmapctl.document.pipeline import load_bytes

    lines = split_lines(text)
    try:
        if engine is not None:
            loaded, diagnostics = engine.check(text, config or Config())
        else:
            # the same gate as reading a file: size, NUL bytes, encodings
            loaded = load_bytes(name, text.encode("utf-8", "surrogatepass"), path)
            diagnostics = check_loaded(loaded, config)
    except UnicodeEncodeError as exc:  # a lone surrogate
        return Analysis(name, text, [_failure(name, f"текст не читается как UTF-8: {exc}")], None, lines, path)
    except Exception as exc:  # noqa: BLE001 - the editor must keep its server
        message = ("внутренняя ошибка roadmapctl при проверке этого текста — это не ваша вина; пожалуйста, "
                   f"сообщите разработчикам и приложите файл. Подробности: {type(exc).__name__}: {exc}")
        return Analysis(name, text, [_failure(name, message)], None, lines, path)
    return Analysis(name, text, diagnostics, loaded.document, lines, path, loaded.roadmap)


# -- where the cursor is ------------------------------------------------------------------------

def _contains(span: Span, line: int, column: int) -> bool:
    return (span.line, span.column) <= (line, column) <= (span.end_line, span.end_column)


def node_at(document: Document, line: int, column: int) -> tuple[list, ScalarNode, bool] | None:
    """The scalar under the cursor: (path of keys and indexes, node, is it a mapping key)."""
    if document is None or document.root is None:
        return None
    stack: list[tuple[list, Node]] = [([], document.root)]
    while stack:
        path, node = stack.pop()
        if not _contains(Span.of_node(node), line, column):
            continue
        if isinstance(node, ScalarNode):
            return path, node, False
        if isinstance(node, MappingNode):
            for key, value in node.value:
                if isinstance(key, ScalarNode) and _contains(Span.of_node(key), line, column):
                    return path + [key.value], key, True
                stack.append((path + [scalar_text(key)], value))
        elif isinstance(node, SequenceNode):
            for index, item in enumerate(node.value):
                stack.append((path + [index], item))
    return None


def _governing_key(path: list) -> str | None:
    """The nearest mapping key above a value (list indexes skipped)."""
    for step in reversed(path):
        if isinstance(step, str):
            return step
    return None


# -- hover --------------------------------------------------------------------------------------

def hover(analysis: Analysis, line: int, column: int) -> tuple[str, Span] | None:
    """Markdown to show at the cursor and the span it is about, or None."""
    rule = _noqa_code_at(analysis.lines, line, column)
    if rule is not None:
        return rule
    document = analysis.document
    if document is None:
        return None
    found = node_at(document, line, column)
    if found is None:
        return None
    path, node, is_key = found
    span = Span.of_node(node)
    data = document.data if isinstance(document.data, dict) else {}
    if is_key:
        if len(path) == 2 and path[0] == "участники":
            text = _party_markdown(data, node.value)
            return (text, span) if text else None
        return None
    key = _governing_key(path)
    if key in DEADLINE_KEYS and node.value.strip():
        return _deadline_markdown(analysis.roadmap, data, node.value), span
    if key in PARTY_KEYS and node.value.strip():
        text = _party_markdown(data, node.value)
        return (text, span) if text else None
    return None


def _deadline_markdown(roadmap: Roadmap | None, data: dict, text: str) -> str:
    """The deadline ``text`` read as ``check`` reads it: in the roadmap's period with its own school
    calendar (``document.schedule``); in a text that is not a valid roadmap yet, in the period it
    writes with the typical calendar."""
    from datetime import date

    from roadmapctl.deadlines import parse_period, read_deadline
    from roadmapctl.document.schedule import period_or_reason, roadmap_period_or_reason

    note = None
    period, reason = roadmap_period_or_reason(roadmap) if roadmap is not None else period_or_reason(data.get("период"))
    if period is None:
        period = parse_period(str(date.today().year))
        note = f"период дорожной карты не прочитан ({reason}); срок прочитан в пределах текущего года"
    term = read_deadline(text, period)
    lines = [f"**Срок** «{_md(text)}»", ""]
    lines += [f"- {_md(line)}" for line in term.explanation()]
    lines += ["", f"Период: {ru_date(period.start)}–{ru_date(period.end)}"]
    if note:
        lines.append(f"примечание: {_md(note)}")
    return "\n".join(lines)


def _find_party(directory: dict, name: str) -> tuple[str, dict] | None:
    if name in directory:
        return name, directory[name] if isinstance(directory[name], dict) else {}
    for key, entry in directory.items():
        if isinstance(entry, dict) and name in (entry.get("синонимы") or []):
            return key, entry
    return None


_PARTY_FIELDS = [("полное", "Полное наименование"), ("вид", "Вид"), ("синонимы", "Другие написания"),
                 ("состав", "Состав"), ("примечание", "Примечание")]


def _party_markdown(data: dict, name: str) -> str | None:
    directory = data.get("участники")
    if not isinstance(directory, dict):
        return None
    found = _find_party(directory, name)
    if found is None:
        return f"**{_md(name)}** — нет в справочнике «участники»"
    key, entry = found
    lines = [f"**{_md(key)}** — справочник «участники»"]
    if key != name:
        lines.append(f"«{_md(name)}» — другое написание этого участника")
    lines.append("")
    for field_name, title in _PARTY_FIELDS:
        value = entry.get(field_name)
        if isinstance(value, list) and value:
            lines.append(f"- {title}: {_md(', '.join(str(v) for v in value))}")
        elif value not in (None, "", []):
            lines.append(f"- {title}: {_md(str(value))}")
    return "\n".join(lines).rstrip()


_NOQA = re.compile(r"#\s*(?:roadmapctl:\s*)?noqa\s*:", re.IGNORECASE)
_CODE = re.compile(r"[A-Za-z]+\d+")


def _noqa_code_at(lines: list[str], line: int, column: int) -> tuple[str, Span] | None:
    from roadmapctl.check.registry import RULES, all_rules

    if not 1 <= line <= len(lines):
        return None
    text = lines[line - 1]
    match = _NOQA.search(text)
    if match is None:
        return None
    for code in _CODE.finditer(text, match.end()):
        if code.start() + 1 <= column <= code.end() + 1:
            all_rules()
            rule = RULES.get(code.group().upper())
            if rule is None:
                return None
            markdown = (f"**{rule.code}** ({rule.name}, {rule.severity.russian}): {_md(rule.summary)}\n\n"
                        f"```\n{rule.doc}\n```")
            return markdown, Span(line, code.start() + 1, line, code.end() + 1)
    return None


def _md(text: str) -> str:
    """Text shown in Markdown as written (no accidental emphasis or links)."""
    return re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", text)


# -- completion ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Completion:
    label: str
    insert: str
    detail: str
    start: int  # 1-based column where the replaced text starts (on the cursor's line)


_KEY_ON_LINE = re.compile(r"^\s*(?:-\s+)*(?P<key>[^\s:#\-\[\]{}][^:#\[\]{}]*?)\s*:\s*(?P<rest>.*)$")
_LIST_ITEM = re.compile(r"^(?P<indent>\s*)-\s+(?P<rest>[^:]*)$")
_KEY_ONLY = re.compile(r"^(?P<indent>\s*)(?:-\s+)?(?P<key>[^\s:#\-][^:#]*?)\s*:\s*(?:#.*)?$")


def completion_context(lines: list[str], line: int, column: int) -> tuple[str, int] | None:
    """(the key whose value is being typed, the column where the typed value starts)."""
    if not 1 <= line <= len(lines):
        return None
    prefix = lines[line - 1][: column - 1]
    match = _KEY_ON_LINE.match(prefix)
    if match:
        rest = match.group("rest")
        start = match.start("rest") + 1
        if rest.startswith("["):
            # inside a flow list: the item after the last comma
            cut = max(rest.rfind(","), rest.rfind("["))
            item = rest[cut + 1:]
            start += cut + 1 + (len(item) - len(item.lstrip()))
        elif rest.startswith("{"):
            return None
        return match.group("key").strip(), start
    item = _LIST_ITEM.match(prefix)
    if item is None:
        return None
    indent = len(item.group("indent"))
    for number in range(line - 1, 0, -1):
        above = lines[number - 1]
        if not above.strip() or above.lstrip().startswith("#"):
            continue
        above_indent = len(above) - len(above.lstrip())
        if above_indent > indent or (above_indent == indent and above.lstrip().startswith("-")):
            continue
        key = _KEY_ONLY.match(above)
        if key is None:
            return None
        return key.group("key").strip(), _item_start(prefix)
    return None


def _item_start(prefix: str) -> int:
    """1-based column where the list item's text starts after "- "."""
    match = re.match(r"\s*-\s+", prefix)
    assert match is not None  # called on the prefix of a list item
    return match.end() + 1


def complete(analysis: Analysis, last_good: Analysis | None, line: int, column: int) -> list[Completion]:
    """Completions for the value being typed at the cursor."""
    context = completion_context(analysis.lines, line, column)
    if context is None:
        return []
    key, start = context
    source = analysis if analysis.document is not None else last_good
    data = source.document.data if source is not None and source.document is not None else None
    data = data if isinstance(data, dict) else {}
    from roadmapctl.loading.scalars import scalar

    out: list[Completion] = []
    if key in PARTY_KEYS:
        parties = data.get("участники")
        directory = parties if isinstance(parties, dict) else {}
        for name, entry in directory.items():
            kind = entry.get("вид") if isinstance(entry, dict) else None
            out.append(Completion(name, scalar(name, flow=True), f"участник{': ' + kind if kind else ''}", start))
            for alias in (entry.get("синонимы") or []) if isinstance(entry, dict) else []:
                if isinstance(alias, str):
                    out.append(Completion(alias, scalar(alias, flow=True), f"другое написание «{name}»", start))
    elif key == fields.STATUS.key:
        for value in fields.STATUSES:
            out.append(Completion(value, value, "статус мероприятия", start))
    elif key in activity_ref_keys():
        for number, text in activity_numbers(data):
            out.append(Completion(number, json.dumps(number, ensure_ascii=False), _short(text), start))
    return out


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _schema_walk(node, key=None):
    if isinstance(node, dict):
        yield key, node
        for name, sub in (node.get("properties") or {}).items():
            yield from _schema_walk(sub, name)
        for word in ("items", "additionalProperties"):
            if isinstance(node.get(word), dict):
                yield from _schema_walk(node[word], key)
        for word in ("oneOf", "anyOf", "allOf"):
            for sub in node.get(word) or []:
                yield from _schema_walk(sub, key)
        for sub in (node.get("$defs") or {}).values():
            yield from _schema_walk(sub, None)


def activity_ref_keys() -> frozenset[str]:
    """Keys whose values are numbers of activities: marked in the schema with ``x-roadmapctl-ref``."""
    from roadmapctl.document.schema import schema

    return frozenset(key for key, node in _schema_walk(schema()) if key and node.get(REF_KEYWORD) == "activity")


def activity_numbers(data: dict) -> list[tuple[str, str]]:
    """(number, text) of every activity in document order."""
    out: list[tuple[str, str]] = []

    def activities(items):
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict):
                if isinstance(item.get(fields.NUMBER.key), str):
                    out.append((item[fields.NUMBER.key], str(item.get(fields.TEXT.key, ""))))
                activities(item.get(fields.CHILDREN.key))

    def sections(items):
        for section in items if isinstance(items, list) else []:
            if isinstance(section, dict):
                activities(section.get("мероприятия"))
                sections(section.get("разделы"))

    for table in data.get("таблицы") or [] if isinstance(data.get("таблицы"), list) else []:
        if isinstance(table, dict):
            activities(table.get("мероприятия"))
            sections(table.get("разделы"))
    return out


# -- code actions -------------------------------------------------------------------------------

def _overlaps(span: Span, line: int, column: int, end_line: int, end_column: int) -> bool:
    return (span.line, span.column) <= (end_line, end_column) and (line, column) <= (span.end_line, span.end_column)


def diagnostics_in(analysis: Analysis, line: int, column: int, end_line: int, end_column: int) -> list[Diagnostic]:
    return [d for d in analysis.diagnostics if _overlaps(d.span, line, column, end_line, end_column)]


def suppression(analysis: Analysis, diagnostic: Diagnostic) -> Fix | None:
    """«Подавить замечание»: a ``# noqa: CODE`` comment at the end of the finding's line (or the
    code added to the noqa comment already there), offered only when the file still reads the same."""
    from roadmapctl.check.fixes import apply_edits

    number = diagnostic.span.line
    if not 1 <= number <= len(analysis.lines) or diagnostic.code == "RM001":
        return None
    text = analysis.lines[number - 1]
    existing = re.search(r"#\s*noqa\s*:\s*[A-Za-z]+\d+(?:[\s,]+[A-Za-z]+\d+)*", text, re.IGNORECASE)
    if existing and not text[: existing.start()].lstrip().startswith("#") and "roadmapctl" not in text[: existing.start()][-12:]:
        edit = Edit(Span(number, existing.end() + 1, number, existing.end() + 1), f", {diagnostic.code}")
    else:
        body = text.rstrip()
        edit = Edit(Span(number, len(body) + 1, number, len(text) + 1), f"  # noqa: {diagnostic.code}")
    try:
        result = apply_edits(analysis.text, [edit])
        after = load_document(Source(name=analysis.name, text=result))
    except Exception:  # noqa: BLE001 - e.g. the line is inside a block scalar
        return None
    if analysis.document is None or after.data != analysis.document.data:
        return None  # the comment would have become part of a value
    return Fix(f"Подавить замечание {diagnostic.code} на этой строке (# noqa: {diagnostic.code})", (edit,))


# -- which documents are roadmaps ---------------------------------------------------------------

_CYRILLIC = re.compile(r"[А-Яа-яЁё]")


def foreign(analysis: Analysis) -> bool | None:
    """True when the text is another kind of YAML (a GitHub workflow, docker-compose), which the
    server leaves alone: no findings, no edits. False for a roadmap; None when the text cannot
    tell (not readable YAML now: the server keeps its earlier decision).

    A roadmap names its schema in the first line (``# yaml-language-server:
    $schema=…roadmap.schema.json``) or has a key of the format at the top; a text with another
    schema in its first line, or a mapping of only Latin keys none of which is the format's, is
    foreign. Anything else (a list, an empty file, a new roadmap still being typed) is checked,
    so that a broken roadmap still gets its RM001/RM103.
    """
    from roadmapctl.document.schema import schema
    from roadmapctl.modeline import PREFIX, SCHEMA_NAME

    first = analysis.lines[0].lstrip("\ufeff").strip() if analysis.lines else ""
    if first.startswith(PREFIX):
        return not first.endswith(SCHEMA_NAME)
    if analysis.document is None:
        return None
    data = analysis.document.data
    if not isinstance(data, dict) or not data:
        return False
    known = set(schema().get("properties") or {})
    keys = [str(k) for k in data]
    return not any(k in known or _CYRILLIC.search(k) for k in keys)
