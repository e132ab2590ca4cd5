"""The change lists of ``roadmapctl diff`` as text (a terminal), Markdown (a pull-request
comment) or JSON (tools)."""

from __future__ import annotations

import html
import re
from collections import Counter
from datetime import date

from roadmapctl.colors import BOLD, CYAN, DIM, GREEN, RED, STRIKE, YELLOW, paint
from roadmapctl.diff.changes import KINDS, Change, RoadmapDiff
from roadmapctl.document import fields
from roadmapctl.outputs import OutputFormat, table
from roadmapctl.own_output import diff_report
from roadmapctl.textutil import plural_word as plural
from roadmapctl.textutil import ru_date
from roadmapctl.writing import json_text

MD_LIMIT = 60000  # GitHub refuses comments over 65536 characters
FOLD = 160  # texts longer than this are folded (Markdown) or shortened (text)
CONTEXT = 6  # words of unchanged text kept around an edit

# the fields of an activity are named in document/fields.py; these are the roadmap's own
FIELD_LABELS = {f.key: f.diff_label for f in fields.ACTIVITY_FIELDS if f.diff_label} | {
    "орган.наименование": "орган",
    "орган.краткое": "краткое название органа",
    "орган.бланк": "бланк приказа",
    "регион": "регион",
    "муниципалитет": "муниципалитет",
    "приказ.вид": "вид документа",
    "приказ.номер": "номер приказа",
    "приказ.дата": "дата приказа",
    "приказ.место": "место издания приказа",
    "приказ.заголовок": "заголовок приказа",
    "приказ.преамбула": "преамбула приказа",
    "приказ.пункты": "пункты приказа",
    "приказ.подпись": "подписал",
    "утверждение.гриф": "гриф утверждения",
    "утверждение": "утвердил",
    "утверждение.дата": "дата утверждения",
    "приложение": "отметка о приложении",
    "название": "название дорожной карты",
    "период": "период",
    "преамбула.проблема": "проблема",
    "преамбула.цель": "цель",
    "преамбула.задачи": "задачи",
    "рабочая_группа": "рабочая группа",
    "школы": "школы",
    "пары": "пары школ",
    "участники": "справочник участников",
    "примечания": "примечания",
    "таблицы": "таблицы и их колонки",
}

KIND_LABELS = {  # for the summary line: "сроки — 2"
    "added": "добавлено мероприятий",
    "removed": "удалено мероприятий",
    "moved": "перемещено",
    "renumbered": "перенумеровано",
    "text": "тексты",
    "deadline": "сроки",
    "responsible": "ответственные",
    "status": "статусы и отметки",
    "section": "разделы",
    "header": "реквизиты",
}
SHORT = 60  # a value this short is shown inline: "номер приказа: «93/1» → «93/2»"


def counts(diffs: list[RoadmapDiff]) -> Counter:
    return Counter(c.kind for d in diffs for c in d.changes)


def summary(diffs: list[RoadmapDiff]) -> str:
    """"Изменены 2 дорожные карты, 7 изменений: добавлено — 1, удалено — 1, …"."""
    changed = [d for d in diffs if d.changed]
    total = sum(len(d.changes) for d in diffs)
    if not changed:
        return "Изменений в дорожных картах нет."
    n = len(changed)
    head = (f"{plural(n, 'Изменена', 'Изменены', 'Изменено')} {n} "
            f"{plural(n, 'дорожная карта', 'дорожные карты', 'дорожных карт')}, "
            f"{total} {plural(total, 'изменение', 'изменения', 'изменений')}")
    by_kind = counts(diffs)
    parts = [f"{KIND_LABELS[k]} — {by_kind[k]}" for k in KINDS if by_kind.get(k)]
    flags = unrecorded(diffs)
    tail = f"; переносов срока без записи о причине — {flags}" if flags else ""
    return head + (": " + ", ".join(parts) if parts else "") + tail + "."


def unrecorded(diffs: list[RoadmapDiff]) -> int:
    return sum(1 for d in diffs for c in d.changes if c.kind == "deadline" and c.extra.get("unrecorded"))


def _quote(text: str | None) -> str:
    if not text:
        return "(пусто)"
    if text.startswith("«") and text.endswith("»") and text.count("«") == 1:
        return text  # already in quotes
    return f"«{text}»"


def _short(text: str | None, limit: int = FOLD) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _where(change: Change) -> str:
    """ " (подпункт «…»)" for a change that concerns a sub-item."""
    item = change.extra.get("subitem")
    return f" (подпункт {_quote(_short(item, 60))})" if item else ""


def deadline_phrase(change: Change) -> str:
    """What happened to a deadline, in words: "срок перенесён: 30.09.2021 → 31.12.2021"."""
    x = change.extra
    if change.field == fields.POSTPONEMENTS.key:
        return "добавлена запись о переносе срока, но сам срок не изменён"
    old_r, new_r = x.get("old_reading"), x.get("new_reading")
    old_due, new_due = x.get("old_due"), x.get("new_due")
    if x.get("postponed"):
        return f"срок перенесён: {old_r} → {new_r}"
    if old_due and new_due and new_due < old_due:
        return f"срок перенесён на более ранний: {old_r} → {new_r}"
    if not change.old and change.new:
        return "срок указан" + (f": {new_r}" if new_r else "")
    if change.old and not change.new:
        return "срок удалён" + (f" (был: {old_r})" if old_r else "")
    if old_r and old_r == new_r:
        return f"срок записан иначе, прочтение прежнее: {new_r}"
    if old_r or new_r:
        return f"срок изменён: {old_r or 'не прочитан'} → {new_r or 'не прочитан'}"
    return "срок изменён"


def postponement_note(change: Change) -> str | None:
    x = change.extra
    if x.get("unrecorded"):
        return "перенос без записи о причине: добавьте в «переносы» прежний срок и причину"
    if x.get("reason"):
        return f"причина переноса: {x['reason']}"
    return None


def not_given(label: str) -> str:
    """«не указан» agreeing with the field's noun: «дата выполнения: не указана», «статус: не
    указан», «примечание: не указано»."""
    head = label.split(" ", 1)[0]
    if head.endswith(("а", "я")):
        return "не указана"
    if head.endswith(("о", "е")):
        return "не указано"
    return "не указан"


def outside_note(change: Change) -> str | None:
    period = change.extra.get("outside_period")
    return f"новый срок вне периода дорожной карты ({period})" if period else None


def describe(change: Change) -> str:
    """One Russian line about a change (without its number), for text and Markdown."""
    describer = _DESCRIBERS.get(change.kind)
    return describer(change) if describer is not None else change.kind


def _added(change: Change) -> str:
    section = change.extra.get("section")
    return "добавлено мероприятие" + (f" в разделе «{section}»" if section else "")


def _moved(change: Change) -> str:
    moved = "перемещено" + (f": было {change.old}" if change.old != change.new else "")
    if change.extra.get("new_section"):
        moved += f", теперь в разделе «{change.extra['new_section']}»"
    return moved


def _text_change(change: Change) -> str:
    label = FIELD_LABELS.get(change.field or "", change.field or "текст")
    if change.field == fields.SUBITEMS.key:
        return "изменены подпункты"
    if not change.old:
        return f"добавлено поле «{label}»"
    if not change.new:
        return f"удалено поле «{label}»"
    return f"изменён {label}" if change.field in (fields.TEXT.key, fields.RESULT.key) else f"изменено поле «{label}»"


def _deadline(change: Change) -> str:
    outside = outside_note(change)
    return deadline_phrase(change) + _where(change) + (f"; {outside}" if outside else "")


def _responsible(change: Change) -> str:
    x = change.extra
    parts = []
    if x.get("added"):
        parts.append("добавлены: " + ", ".join(x["added"]) if len(x["added"]) > 1 else "добавлен: " + x["added"][0])
    if x.get("removed"):
        parts.append("больше не отвечает: " + ", ".join(x["removed"]) if len(x["removed"]) == 1
                     else "больше не отвечают: " + ", ".join(x["removed"]))
    if not parts:
        parts.append("изменён порядок")
    return "ответственные — " + "; ".join(parts) + _where(change)


def _status(change: Change) -> str:
    label = FIELD_LABELS.get(change.field or "", change.field or "")
    if change.field == fields.MARKS.key:
        mark = change.new or change.old or {}
        verb = "добавлена" if change.new else "удалена"
        return f"{verb} отметка о ходе выполнения от {_ru_date(mark.get('date'))}"
    missing = not_given(label)
    return f"{label}: {change.old or missing} → {change.new or missing}"


def _section(change: Change) -> str:
    what = change.extra.get("change")
    if what == "added":
        return "добавлен раздел"
    if what == "removed":
        return "удалён раздел"
    if what == "renumbered":
        text = f"раздел {change.extra.get('old_number') or 'без номера'} → {change.number or 'без номера'}"
        pairs = change.extra.get("activities") or []
        if pairs:
            text += ": " + renumbering([a for a, _ in pairs], [b for _, b in pairs])
        return text
    return "раздел переименован"


def _header(change: Change) -> str:
    x = change.extra
    label = FIELD_LABELS.get(change.field or "", change.field or "")
    if x.get("added") or x.get("removed"):
        bits = []
        if x.get("added"):
            bits.append(f"добавлено {len(x['added'])}")
        if x.get("removed"):
            bits.append(f"удалено {len(x['removed'])}")
        return f"{label}: " + ", ".join(bits)
    if change.old is None:
        return f"{label}: указано" + (f" {_quote(change.new)}" if _inline(change.new) else "")
    if change.new is None:
        return f"{label}: удалено" + (f" (было {_quote(change.old)})" if _inline(change.old) else "")
    if _inline(change.old) and _inline(change.new):
        return f"{label}: {_quote(change.old)} → {_quote(change.new)}"
    return f"{label}: изменено"


_DESCRIBERS = {
    "added": _added,
    "removed": lambda change: "удалено мероприятие",
    "moved": _moved,
    "renumbered": lambda change: "перенумеровано: " + renumbering(change.old, change.new),
    "text": _text_change,
    "deadline": _deadline,
    "responsible": _responsible,
    "status": _status,
    "section": _section,
    "header": _header,
}


def _span(numbers: list[str]) -> str:
    return numbers[0] if len(numbers) == 1 else f"{numbers[0]}–{numbers[-1]}"


def renumbering(old: list[str], new: list[str]) -> str:
    """"1.2. → 1.3." for one activity, "3.1.–3.9. стали 4.1.–4.9." for several."""
    if len(old) == 1:
        return f"{old[0]} → {new[0]}"
    return f"{_span(old)} стали {_span(new)} ({len(new)} {plural(len(new), 'мероприятие', 'мероприятия', 'мероприятий')})"


def _inline(value) -> bool:
    return isinstance(value, str) and len(value) <= SHORT and "\n" not in value


def _ru_date(iso: str | None) -> str:
    """A date of the JSON change list (ISO, as ``date.isoformat`` writes it) for a reader."""
    return ru_date(date.fromisoformat(iso)) if iso else "?"


def _value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        if "text" in value and "date" in value:
            return f"{_ru_date(value['date'])}: {value['text']}"
        if "previous" in value:
            return f"прежний срок {value['previous']}: {value['reason']}"
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    return str(value)


def _ops_window(words: list[tuple[str, str]], context: int = CONTEXT) -> list[tuple[str, str]]:
    """The word diff with long unchanged runs cut to ``context`` words around the edits."""
    out = []
    for index, (op, text) in enumerate(words):
        if op != "=":
            out.append((op, text))
            continue
        tokens = text.split(" ")
        first, last = index == 0, index == len(words) - 1
        keep = context
        if len(tokens) <= 2 * keep + 1 or (first and last):
            out.append((op, text))
        elif first:
            out.append(("…", ""))
            out.append((op, " ".join(tokens[-keep:])))
        elif last:
            out.append((op, " ".join(tokens[:keep])))
            out.append(("…", ""))
        else:
            out.append((op, " ".join(tokens[:keep])))
            out.append(("…", ""))
            out.append((op, " ".join(tokens[-keep:])))
    return out


# -- text --------------------------------------------------------------------------------------

def _text_words(words: list[tuple[str, str]], color: bool) -> str:
    """A word diff on one line: ``[-old-]{+new+}`` plain; in colour the old words red and
    struck through, the new ones green, with a space between a deletion and the insertion that
    follows it, so that the two never run together into one word."""
    parts = []
    previous, previous_text = "", ""
    for op, text in _ops_window(words):
        if op == "…":
            parts.append(paint(" … ", DIM, color))
        elif op == "=":
            parts.append(text)
        elif op == "-":
            parts.append(paint(text, RED + STRIKE, color) if color else f"[-{text}-]")
        else:
            gap = " " if color and previous == "-" and not text[:1].isspace() and not previous_text[-1:].isspace() else ""
            parts.append(gap + (paint(text, GREEN, color) if color else f"{{+{text}+}}"))
        previous, previous_text = op, text
    return "".join(parts)


def _file_title(diff: RoadmapDiff) -> str:
    if diff.status == "added":
        return f"{diff.file} (новый файл)"
    if diff.status == "deleted":
        return f"{diff.file} (файл удалён)"
    if diff.status == "renamed" and diff.old_file:
        return f"{diff.file} (переименован из {diff.old_file})"
    return diff.file


def render_text(diffs: list[RoadmapDiff], color: bool = False) -> str:
    out: list[str] = []
    for diff in diffs:
        if not diff.changed:
            continue
        out.append(paint(_file_title(diff), BOLD, color))
        if not diff.changes:
            out.append("  содержание не изменилось")
        for change in diff.changes:
            number = change.number or ""
            mark = {"added": "+", "removed": "−"}.get(change.kind, "~")
            style = {"added": GREEN, "removed": RED}.get(change.kind, YELLOW)
            label = f"{number} " if number else ""
            out.append(f"  {paint(mark, style, color)} {paint(label, BOLD, color)}{describe(change)}")
            if change.extra.get("activity"):
                out.append("      " + paint(f"мероприятие {_quote(_short(change.extra['activity'], 100))}", DIM, color))
            for line in _text_details(change, color):
                out.append("      " + line)
        out.append("")
    out.append(summary(diffs))
    return "\n".join(out) + "\n"


def _text_details(change: Change, color: bool) -> list[str]:
    x = change.extra
    k = change.kind
    if k in ("added", "removed"):
        lines = [_quote(_short(change.new if k == "added" else change.old))]
        if x.get("deadline"):
            lines.append(f"срок: {x['deadline']}")
        if x.get("responsible"):
            lines.append("ответственные: " + ", ".join(x["responsible"]))
        return lines
    if k == "moved":
        return [_quote(_short(x.get("text"), 100))]
    if k == "renumbered":
        return []
    if k == "section" and x.get("change") == "renumbered" and x.get("title"):
        return [_quote(_short(x["title"]))]  # the title once: it did not change
    if k == "deadline":
        lines = []
        if change.field == fields.DEADLINE.key and (change.old or change.new):
            lines.append(f"было: {_quote(change.old)}, стало: {_quote(change.new)}")
        if change.field == fields.POSTPONEMENTS.key:
            lines.append(_value(change.new))
        note = postponement_note(change)
        if note:
            lines.append(paint(("⚠ " if x.get("unrecorded") else "") + note, YELLOW if x.get("unrecorded") else CYAN, color))
        return lines
    if k in ("text", "header", "section") and x.get("words"):
        return [_text_words(x["words"], color)]
    if k == "text" and change.field == fields.SUBITEMS.key:
        lines = [f"+ {item}" for item in x.get("added", [])] + [f"− {item}" for item in x.get("removed", [])]
        return [_short(line) for line in lines] or ["изменён порядок подпунктов"]
    if k == "header" and (x.get("added") or x.get("removed")):
        return [_short(f"+ {item}") for item in x.get("added", [])] + [_short(f"− {item}") for item in x.get("removed", [])]
    if k == "header" and (_inline(change.old) or change.old is None) and (_inline(change.new) or change.new is None):
        return []
    if k in ("header", "section", "text"):
        return [f"было: {_quote(_short(_value(change.old)))}", f"стало: {_quote(_short(_value(change.new)))}"]
    if k == "status" and change.field == fields.MARKS.key:
        return [_short(_value(change.new or change.old))]
    return []


# -- Markdown ----------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"[\\`*_\[\]~|]")


def _md(text: str) -> str:
    """Text for a Markdown table cell: HTML-escaped, pipes escaped, line breaks as <br>."""
    text = html.escape(text, quote=False)
    text = _MD_SPECIAL.sub(lambda m: "\\" + m.group(0), text)
    return text.replace("\r\n", "\n").replace("\n", "<br>")


def _md_fold(short: str, full: str) -> str:
    if short == full:
        return short
    return f"{short}<details><summary>полностью</summary>{full}</details>"


def _md_words(words: list[tuple[str, str]], side: str, window: bool = True) -> str:
    """One side of a word diff: the old text with removals struck (side "-"), or the new one with
    insertions marked (side "+")."""
    parts = []
    source = _ops_window(words) if window else words
    for op, text in source:
        if op == "…":
            parts.append(" … ")
        elif op == "=":
            parts.append(_md(text))
        elif op == side:
            parts.append(f"<del>{_md(text)}</del>" if side == "-" else f"<ins>{_md(text)}</ins>")
    return "".join(parts).strip() or "—"


def _md_long(text: str | None) -> str:
    if not text:
        return "—"
    full = _md(text)
    return _md_fold(_md(_short(text)), full) if len(text) > FOLD else full


def _md_fields(change: Change) -> str:
    """The deadline and the responsible of an added or removed activity, under its text."""
    x = change.extra
    out = ""
    if x.get("deadline"):
        out += f"<br>срок: {_md(_short(x['deadline']))}"
    if x.get("responsible"):
        out += "<br>ответственные: " + _md(", ".join(x["responsible"]))
    return out


def _md_cells(change: Change) -> tuple[str, str]:
    """(Было, Стало) for a change."""
    x = change.extra
    k = change.kind
    if k == "added":
        return "—", _md_long(change.new) + _md_fields(change)
    if k == "removed":
        return _md_long(change.old) + _md_fields(change), "—"
    if k == "renumbered":
        return _md(_span(change.old)), _md(_span(change.new))
    if k == "section" and x.get("change") == "renumbered" and x.get("title"):
        pairs = x.get("activities") or []
        old = _md(x.get("old_number") or "—") + (f"<br>{_md(_span([a for a, _ in pairs]))}" if pairs else "")
        new = _md(change.number or "—") + (f"<br>{_md(_span([b for _, b in pairs]))}" if pairs else "")
        return old, new
    if k == "moved":
        old, new = _md(change.old or ""), _md(change.new or "")
        if x.get("new_section"):
            old += f"<br>раздел «{_md(x.get('old_section') or '')}»"
            new += f"<br>раздел «{_md(x['new_section'])}»"
        return old, new
    if k == "deadline":
        if change.field == fields.POSTPONEMENTS.key:
            return "—", _md(_value(change.new))
        old = _md(_quote(change.old)) if change.old else "—"
        new = _md(_quote(change.new)) if change.new else "—"
        if x.get("old_reading"):
            old += f"<br>{_md(x['old_reading'])}"
        if x.get("new_reading"):
            new += f"<br>{_md(x['new_reading'])}"
        note = postponement_note(change)
        if note:
            new += "<br>" + ("⚠️ **" + _md(note) + "**" if x.get("unrecorded") else "_" + _md(note) + "_")
        outside = outside_note(change)
        if outside:
            new += "<br>⚠️ **" + _md(outside) + "**"
        return old, new
    if k == "responsible":
        old = "<br>".join(f"<del>{_md(r)}</del>" if r in x.get("removed", []) else _md(r) for r in change.old) or "—"
        new = "<br>".join(f"<ins>{_md(r)}</ins>" if r in x.get("added", []) else _md(r) for r in change.new) or "—"
        return old, new
    if x.get("words"):
        words = x["words"]
        old_full, new_full = _md_words(words, "-", False), _md_words(words, "+", False)
        old_short, new_short = _md_words(words, "-"), _md_words(words, "+")
        return _md_fold(old_short, old_full), _md_fold(new_short, new_full)
    if x.get("added") or x.get("removed"):
        old = "<br>".join(f"<del>{_md(_short(v))}</del>" for v in x.get("removed", [])) or "—"
        new = "<br>".join(f"<ins>{_md(_short(v))}</ins>" for v in x.get("added", [])) or "—"
        return old, new
    return _md_long(_value(change.old)), _md_long(_value(change.new))


def render_md(diffs: list[RoadmapDiff]) -> str:
    out = ["### Дорожные карты: изменения", "", f"**{summary(diffs)}**", ""]
    for diff in diffs:
        if not diff.changed:
            continue
        # a file name is a value like any other: escaped, never a heading, a link or a code span's end
        out.append(f"#### {_md(diff.file)}" + {"added": " — новый файл", "deleted": " — файл удалён"}.get(diff.status, "")
                   + (f" — переименован из {_md(diff.old_file)}" if diff.status == "renamed" and diff.old_file else ""))
        out.append("")
        if not diff.changes:
            out.append("Содержание не изменилось.")
            out.append("")
            continue
        rows = ["| № | Изменение | Было | Стало |", "|---|---|---|---|"]
        for change in diff.changes:
            old, new = _md_cells(change)
            what = _md(describe(change))
            if change.kind == "moved":  # which activity: its text under the new number
                what = f"{_md(describe(change))}<br><i>{_md(_short(change.extra.get('text'), 100))}</i>"
            if change.extra.get("activity"):  # which activity: its text
                what += f"<br><i>{_md(_short(change.extra['activity'], 100))}</i>"
            if change.kind == "section" and change.extra.get("title"):
                what += f"<br><i>{_md(_short(change.extra['title'], 100))}</i>"
            rows.append(f"| {_md(change.number or '')} | {what} | {old} | {new} |")
        if diff.status in ("added", "deleted") and len(rows) > 12:
            n = len(diff.changes)
            out.append(f"<details><summary>{n} {plural(n, 'мероприятие', 'мероприятия', 'мероприятий')}</summary>")
            out.append("")
            out.extend(rows)
            out.append("")
            out.append("</details>")
        else:
            out.extend(rows)
        out.append("")
    text = "\n".join(out)
    if len(text) > MD_LIMIT:
        cut = text.rfind("\n", 0, MD_LIMIT - 400)
        text = (text[:cut] + "\n\n…\n\n_Отчёт слишком велик для комментария и сокращён; полный список: "
                "`roadmapctl diff --format text` или `--format json`._")
    return text.rstrip("\n") + "\n"


# -- JSON --------------------------------------------------------------------------------------

def render_json(diffs: list[RoadmapDiff]) -> str:
    by_kind = counts(diffs)
    payload = {
        "roadmaps": [d.to_json() for d in diffs],
        "summary": {
            "files": len([d for d in diffs if d.changed]),
            "changes": sum(len(d.changes) for d in diffs),
            "by_kind": {k: by_kind[k] for k in KINDS if by_kind.get(k)},
            "unrecorded_postponements": unrecorded(diffs),
        },
    }
    return json_text(payload) + "\n"


# The formats of ``diff`` (``roadmapctl.outputs``); each writer takes (diffs, colour).
FORMATS = table(
    OutputFormat("text", (".txt",), render_text, diff_report, text=True, color=True),
    OutputFormat("md", (".md",), lambda diffs, _color: render_md(diffs), diff_report, text=True),
    OutputFormat("json", (".json",), lambda diffs, _color: render_json(diffs), diff_report),
)


def render(diffs: list[RoadmapDiff], fmt: str, color: bool = False) -> str:
    """The report in ``fmt``; only text paints, and only with ``color``."""
    row = FORMATS[fmt]
    return row.write(diffs, color and row.color).decode("utf-8", errors="surrogateescape")
