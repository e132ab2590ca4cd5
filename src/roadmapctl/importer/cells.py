"""The text of one cell: whether it reads as a deadline, and how an activity cell splits.

An activity cell holds the activity's text and often its bullet sub-items: a Word list, leading
dashes, or (in extracted text) a list flattened into one paragraph ("…: -item; -item") or two
paragraphs run together. A deadline cell may hold one deadline per sub-item, or a paragraph with
two dates. Used by ``rows`` (rows → structure) and the plain-text reader.
"""

from __future__ import annotations

import re

from roadmapctl.importer.grid import Para

DASHES = "-–—"

_MONTH = r"(?:январ|феврал|март|апрел|июн|июл|август|сентябр|октябр|ноябр|декабр)\w*|ма[йя]"
_DEADLINE = re.compile(
    r"\b(?:" + _MONTH + r"|(?:19|20)\d\d|квартал\w*|кв\.|полугоди\w*|постоянно|ежегодно|ежеквартально|ежемесячно|"
    r"еженедельно|ежедневно|в течени[еи]|график\w*|по плану|в соответствии|по мере|по запросу|систематически|"
    r"в процессе работы|раз в|\d+\s*раз\w*|до \d+|к \d+|не позднее|не реже|регулярно|учебн\w+ год\w*|срок\w*|"
    r"весь период|периодически|по необходимости|по согласованию|ежегодн\w*)\b|\d{1,2}\.\d{1,2}\.\d{2,4}",
    re.IGNORECASE,
)


def looks_like_deadline(text: str) -> bool:
    """Whether a cell reads as a deadline ("Март 2021 года", "постоянно", "по графику")."""
    text = text.strip()
    if not text:
        return False
    return bool(_DEADLINE.search(text)) and len(text) <= 250



def starts_item(para: Para) -> bool:
    text = para.text.lstrip()
    return para.bullet or (len(text) > 1 and text[0] in DASHES + "•·" and text[1] not in DASHES)



def _quote_depths(text: str) -> list[int]:
    """Depth inside «…» at each character, counting only quotes that are closed."""
    opens: list[int] = []
    pairs: list[tuple[int, int]] = []
    for i, ch in enumerate(text):
        if ch == "«":
            opens.append(i)
        elif ch == "»" and opens:
            pairs.append((opens.pop(), i))
    depth = [0] * (len(text) + 1)
    for start, end in pairs:
        for k in range(start + 1, end):
            depth[k] += 1
    return depth


def _separators(text: str, start: int, depth: list[int]) -> list[int]:
    """Positions of list markers: a dash at quote depth 0 that stands at the start, or after
    "; : » \"" (spaces aside), and is followed by a space or a letter. A dash inside a word
    ("учебно-методических", "форсайт-сессия") is never a marker."""
    found = []
    for i in range(start, len(text)):
        ch = text[i]
        if ch not in DASHES or depth[i]:
            continue
        after = text[i + 1] if i + 1 < len(text) else ""
        if not after or not (after.isspace() or after.isalpha() or after in "«\""):
            continue
        j = i - 1
        while j >= start and text[j] == " ":
            j -= 1
        before = text[j] if j >= start else ""
        if ch == "-" and before in ("", ";", ":", "»", "\"", "”"):
            found.append(i)
        elif ch in "–—" and before in ("", ";", ":"):
            found.append(i)
    return found


def _items(body: str, depth: list[int], start: int) -> list[str]:
    cuts = _separators(body, start, depth)
    if not cuts or body[start:cuts[0]].strip():
        cuts = [start] + cuts if not cuts or cuts[0] != start else cuts
    items = []
    for k, cut in enumerate(cuts):
        end = cuts[k + 1] if k + 1 < len(cuts) else len(body)
        piece = body[cut:end].strip()
        if piece[:1] in DASHES:
            piece = piece[1:].strip()
        if piece:
            items.append(piece)
    return items


def split_inline_list(text: str) -> tuple[str, list[str]] | None:
    """An inline "- item; - item" list flattened into one paragraph → (lead, items), or None.

    A list is recognised after a colon ("…характеризующих: -результативность …; -…"), or when
    items are separated by "; -" — then the list starts at the last dash before the first such
    separator ("…центров образования- Анализ …; - Самоанализ …").
    """
    depth = _quote_depths(text)
    stripped = text.lstrip()
    offset = len(text) - len(stripped)
    if stripped[:1] in DASHES and len(stripped) > 1 and stripped[1] not in DASHES:
        return "", _items(text, depth, offset)
    for match in re.finditer(r":\s*[-–—]", text):
        dash = match.end() - 1
        if depth[dash]:
            continue
        lead = text[: match.start() + 1].strip()
        if not lead:
            continue
        items = _items(text, depth, dash)
        if items:
            return lead, items
    separators = [i for i in _separators(text, 0, depth) if text[:i].rstrip().endswith(";")]
    if not separators:
        return None
    first = separators[0]
    start = None
    for i in range(first - 1, 0, -1):
        if text[i] in DASHES and not depth[i] and ((i + 1 < len(text) and text[i + 1] == " ") or text[i - 1] == " "):
            if text[i - 1] == ";":
                continue
            start = i
            break
    if start is None:
        return None
    lead = text[:start].rstrip()
    if not lead:
        return None
    items = _items(text, depth, start)
    return (lead, items) if len(items) >= 2 else None


_ACTIVITY_NOUNS = (
    "Разработка|Организация|Проведение|Создание|Обеспечение|Анализ|Мониторинг|Корректировка|Внедрение|Подготовка|"
    "Формирование|Реализация|Привлечение|Изучение|Утверждение|Участие|Контроль|Информирование|Включение|Внесение|"
    "Диагностика|Оказание|Сопровождение|Направление|Заключение|Представление|Выявление|Рассмотрение|Совершенствование"
)
_RUN_TOGETHER = re.compile(r"(?<=[а-яё)»])\s+(?=(?:" + _ACTIVITY_NOUNS + r")\s)")


def split_run_together(text: str) -> list[str]:
    """Extracted text that lost a paragraph break: "…результатами Разработка …" → two paragraphs."""
    depth = _quote_depths(text)
    cuts = [m.start() for m in _RUN_TOGETHER.finditer(text) if not depth[m.start()]]
    if not cuts:
        return [text]
    out, start = [], 0
    for cut in cuts:
        out.append(text[start:cut].strip())
        start = cut
    out.append(text[start:].strip())
    return [p for p in out if p]


def split_activity_cell(paras: list[Para], inline: bool) -> tuple[str, list[str]]:
    """The activity cell → its text and its bullet sub-items.

    The first paragraph is always text. Later paragraphs that are list items (a Word list, or a
    leading dash) are sub-items; with ``inline`` (extracted text) a list flattened into one
    paragraph is split as well.
    """
    paras = [p for p in paras if not p.empty]
    if not paras:
        return "", []
    lead: list[str] = []
    items: list[str] = []
    for k, para in enumerate(paras):
        text = para.text.strip()
        if k > 0 and (para.bullet or starts_item(para)):
            if inline:
                found = split_inline_list(text)
                if found and not found[0]:
                    items.extend(found[1])
                    continue
            item = text[1:].strip() if text[:1] in DASHES + "•·" else text
            if item:
                items.append(item)
            continue
        if items:
            # a plain paragraph after a list item continues that item (a sub-item of several lines)
            items[-1] = items[-1] + "\n" + text
            continue
        if inline:
            found = split_inline_list(text)
            if found:
                lead_text, found_items = found
                if lead_text:
                    lead.append(lead_text)
                items.extend(found_items)
                continue
        lead.append(text)
    items = [item for item in items if item.strip()]
    if not lead and items:
        lead.append(items.pop(0))
    if inline and not items:
        lead = [piece for text in lead for piece in split_run_together(text)]
    return "\n".join(lead), items


_TWO_DATES = re.compile(
    r"^(?P<a>(?:" + _MONTH + r")\s*,?\s*\d{4}\s*(?:г\.?|года?)?)\s+(?P<b>(?:" + _MONTH + r")\s*,?\s*\d{4}\s*(?:г\.?|года?)?)$",
    re.IGNORECASE,
)


def distribute_deadlines(paras: list[str], count: int) -> list[str] | None:
    """Deadline paragraphs (and a paragraph holding two dates) matched to ``count`` sub-items."""
    if count < 2 or len(paras) < 2:
        return None
    if len(paras) == count:
        return paras
    need = count - len(paras)
    expanded: list[str] = []
    for text in paras:
        match = _TWO_DATES.match(text.strip()) if need > 0 else None
        if match:
            expanded.extend([match.group("a").strip(), match.group("b").strip()])
            need -= 1
        else:
            expanded.append(text)
    return expanded if len(expanded) == count else None


def split_paragraphs(before: list[str], after: list[str]) -> list[str]:
    """The deadline paragraphs that distribute_deadlines cut in two."""
    return [text for text in before if text not in after]


__all__ = [
    "DASHES", "distribute_deadlines", "looks_like_deadline", "split_activity_cell", "split_inline_list",
    "split_paragraphs", "split_run_together", "starts_item",
]
