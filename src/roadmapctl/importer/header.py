"""The text above the table → authority, order (number, date, place, title, items, signature),
approval stamp, appendix mark, title, period, preamble and working group — each when present.

Every field is optional in the source: what is not found is simply left out (the pipeline fills
the required ones from the table or with a visible placeholder). Conversions of grammatical
case ("администрации города Мценска" → "город Мценск") are guesses and are reported as such.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from roadmapctl.importer.grid import Para
from roadmapctl.importer.guesses import GuessLog, shorten

MONTHS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
    "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}
_MONTH_WORD = r"(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"
_DATE_DIGITS = re.compile(r"(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)")
_DATE_WORDS = re.compile(r"(?<!\d)«?(\d{1,2})\s*(" + _MONTH_WORD + r")»?\s+(\d{4})", re.IGNORECASE)
# «№» or «N» (legal databases print the number sign so): "№ 93/1", "N 1295"
_NUMBER = re.compile(r"(?:№|(?<![A-Za-zА-Яа-яЁё])N(?=\s*\d))\s*(?P<num>[0-9][0-9A-Za-zА-Яа-я/\-.]*[0-9A-Za-zА-Яа-я])|"
                     r"(?:№|(?<![A-Za-zА-Яа-яЁё])N(?=\s*\d))\s*(?P<one>\d)")

APPROVAL = re.compile(r"^(?P<word>УТВЕРЖДАЮ|Утверждаю|УТВЕРЖДЕН[АО]?|Утвержден[ао]?|СОГЛАСОВАНО|Согласовано)\b\s*:?\s*(?P<rest>.*)$")
ORDER_WORD = re.compile(r"^(?:П\s*Р\s*И\s*К\s*А\s*З|ПРИКАЗ|Приказ|Р\s*А\s*С\s*П\s*О\s*Р\s*Я\s*Ж\s*Е\s*Н\s*И\s*Е|РАСПОРЯЖЕНИЕ|"
                        r"П\s*О\s*С\s*Т\s*А\s*Н\s*О\s*В\s*Л\s*Е\s*Н\s*И\s*Е|ПОСТАНОВЛЕНИЕ)\s*$")
COMMAND = re.compile(r"^(?:П\s*Р\s*И\s*К\s*А\s*З\s*Ы\s*В\s*А\s*Ю|ПОСТАНОВЛЯЮ|РАСПОРЯЖАЮСЬ|приказываю|постановляю)\s*:?\s*$",
                     re.IGNORECASE)
APPENDIX = re.compile(r"^(?:приложение)\b\s*(?:(?:№|N)\s*)?(?P<num>\d+)?", re.IGNORECASE)
TITLE_START = re.compile(
    r"^«?\s*(?:дорожн\w+\s+карт|муниципальн\w+\s+(?:проект|дорожн|план|программ|комплекс)|комплекс\s+мер|"
    r"план\s+(?:мероприятий|действий|работы)|программ\w*\s+(?:поддержки|повышения|сопровождения)|«дорожн)",
    re.IGNORECASE,
)
NAME = re.compile(
    r"(?P<name>[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?|[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s+[А-ЯЁ]\.\s?[А-ЯЁ]\.)"
)
_JOB = re.compile(
    r"^(?:и\.\s?о\.\s*)?(?:начальник\w*|руководител\w*|директор\w*|заведующ\w*|председател\w*|глава|заместител\w*"
    r"(?:\s+начальника|\s+руководителя|\s+директора)?)\b\s*",
    re.IGNORECASE,
)
_REGION = re.compile(
    r"^(?:[А-ЯЁ][а-яё-]+(?:ая|ой|ий|ого|кий)\s+(?:область|области|край|края|автономный округ|автономного округа)|"
    r"Республик[аи]\s+[А-ЯЁ][а-яё-]+(?:\s*\([^)]*\))?|[А-ЯЁ][а-яё-]+\s+Республик[аи])$"
)
_DEPARTMENT = re.compile(r"^(?:управление|отдел|комитет|департамент|министерство)\b", re.IGNORECASE)
_GENITIVE = {
    "администрация": "администрации", "управление": "управления", "комитет": "комитета",
    "департамент": "департамента", "министерство": "министерства", "отдел": "отдела",
}
_NOMINATIVE = {v: k for k, v in _GENITIVE.items()}


@dataclass
class HeaderInfo:
    authority: str | None = None
    authority_short: str | None = None
    region: str | None = None
    municipality: str | None = None
    order: dict = field(default_factory=dict)
    approval: dict = field(default_factory=dict)
    appendix: dict = field(default_factory=dict)
    title: str | None = None
    period: str | None = None
    preamble: dict = field(default_factory=dict)
    working_group: list[dict] = field(default_factory=list)
    comments: dict[str, list[str]] = field(default_factory=dict)

    def note(self, key: str, message: str, log: GuessLog, where: str | None = None) -> None:
        self.comments.setdefault(key, []).append(message)
        log.add(where or f"ключ «{key}»", message)


@dataclass
class _Line:
    text: str
    line: int
    bold: bool


def parse_date(text: str) -> date | None:
    match = _DATE_DIGITS.search(text)
    try:
        if match:
            return date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        match = _DATE_WORDS.search(text)
        if match:
            word = match.group(2).lower()
            month = next(v for k, v in MONTHS.items() if word.startswith(k))
            return date(int(match.group(3)), month, int(match.group(1)))
    except (ValueError, StopIteration):
        return None
    return None


def parse_number(text: str) -> str | None:
    match = _NUMBER.search(text)
    if not match:
        return None
    return (match.group("num") or match.group("one")).rstrip(".")


_PERIOD_RANGE = re.compile(
    r"(?<!\d)(?P<y1>(?:19|20)\d\d)\s*(?:г\.?\s*|гг\.?\s*)?[-–—/]\s*(?P<y2>(?:19|20)\d\d|\d\d)(?!\d)\s*(?P<rest>[^.,;)]{0,30})",
    re.IGNORECASE,
)
_PERIOD_ONE = re.compile(r"\b(?:на|в)\s+(?P<y>(?:19|20)\d\d)\s*(?:-?\s*(?:м|ом)\s+)?(?:календарн\w*\s+)?(?:год\w*|г\.|г\b)",
                         re.IGNORECASE)


def find_period(text: str) -> str | None:
    """"на 2021 - 2022 годы" → "2021-2022"; "на 2020-2021 учебный год" → "2020-2021 учебный год"."""
    for match in _PERIOD_RANGE.finditer(text):
        y1, y2 = int(match.group("y1")), match.group("y2")
        y2 = int(y2) if len(y2) == 4 else (y1 // 100) * 100 + int(y2)
        if y2 < y1 or y2 - y1 > 10:
            continue
        before = text[max(0, match.start() - 12):match.start()].lower()
        rest = match.group("rest").lower()
        if re.match(r"\s*(?:учебн|уч\.)", rest):
            if y2 == y1 + 1:
                return f"{y1}-{y2} учебный год"
            continue
        if re.match(r"\s*(?:год|гг|г\.|г\b)", rest) or "на " in before or "период" in before:
            return f"{y1}-{y2}"
    match = _PERIOD_ONE.search(text)
    if match:
        return match.group("y")
    return None


def _sentence_case(text: str) -> str:
    """"УПРАВЛЕНИЕ ОБРАЗОВАНИЯ" → "Управление образования"; short capitals (abbreviations) stay."""
    words = text.split()
    out = []
    for i, word in enumerate(words):
        letters = re.sub(r"[^А-ЯЁA-Zа-яёa-z]", "", word)
        if letters.isupper() and len(letters) > 4:
            word = word.lower()
            if i == 0:
                word = word[:1].upper() + word[1:]
        out.append(word)
    return " ".join(out)


def nominative_city(word: str) -> str:
    """"Мценска" → "Мценск", "Тулы" → "Тула", "Перми" → "Пермь" (a guess for common endings)."""
    if word.endswith("ы"):
        return word[:-1] + "а"
    if word.endswith("и") and len(word) > 4:
        return word[:-1] + "ь"
    if word.endswith("а"):
        return word[:-1]
    return word


def nominative_adjective(word: str) -> str:
    """"Абанского" → "Абанский", "Красноярского" → "Красноярский", "Орловской" → "Орловская"."""
    if word.endswith(("ского", "цкого")):
        return word[:-3] + "ий"
    if word.endswith("кого") or word.endswith("гого") or word.endswith("хого"):
        return word[:-3] + "ий"
    if word.endswith("ого"):
        return word[:-3] + "ый"
    if word.endswith("ой"):
        return word[:-2] + "ая"
    return word


def region_nominative(text: str) -> str:
    match = re.match(r"^([А-ЯЁ][а-яё-]+)\s+(области|края|автономного округа)$", text)
    if match:
        noun = {"области": "область", "края": "край", "автономного округа": "автономный округ"}[match.group(2)]
        return f"{nominative_adjective(match.group(1))} {noun}"
    match = re.match(r"^Республики\s+(.+)$", text)
    if match:
        return f"Республика {match.group(1)}"
    return text


def municipality_from(text: str) -> tuple[str, bool] | None:
    """The municipality named in an authority's or a title's words; the flag says "case changed"."""
    match = re.search(r"\bМО\s+«[^«»]+»", text)
    if match:
        return match.group(0), False
    match = re.search(r"муниципального образования\s+«(?P<name>[^«»]+)»", text)
    if match:
        name = re.sub(r"\s+[А-ЯЁ][а-яё-]+(?:ой|ого)\s+(?:области|края)$", "", match.group("name").strip())
        return name, name != match.group("name").strip()
    match = re.search(r"\b(?:город[а]?|г\.)\s*(?P<city>[А-ЯЁ][а-яё-]+)", text)
    if match:
        city = match.group("city")
        nominative = nominative_city(city) if re.search(r"\bгорода\b", text) else city
        return f"город {nominative}", nominative != city
    match = re.search(r"\b(?P<adj>[А-ЯЁ][а-яё-]+(?:ого|его))\s+(?P<noun>района|муниципального района|округа|"
                      r"муниципального округа|городского округа)\b", text)
    if match:
        noun = {"района": "район", "муниципального района": "муниципальный район", "округа": "округ",
                "муниципального округа": "муниципальный округ", "городского округа": "городской округ"}[match.group("noun")]
        return f"{nominative_adjective(match.group('adj'))} {noun}", True
    match = re.search(r"\b(?P<adj>[А-ЯЁ][а-яё-]+(?:ий|ый|ой))\s+(?P<noun>район|муниципальный район|муниципальный округ|"
                      r"городской округ)\b", text)
    if match:
        return match.group(0), False
    match = re.search(r"\((?P<adj>[А-ЯЁ][а-яё-]+(?:ого|ий))\s+район\)", text)
    if match:
        return f"{nominative_adjective(match.group('adj'))} район", True
    return None


def authority_from_position(position: str) -> str | None:
    """"Начальник МКУ «Управление образования …»" → "МКУ «Управление образования …»";
    "Начальник управления образования администрации X" → "Управление образования администрации X"."""
    rest = _JOB.sub("", position, count=1).strip()
    if not rest or rest == position.strip():
        return None
    first, _, tail = rest.partition(" ")
    if first.lower() in _NOMINATIVE:
        nominative = _NOMINATIVE[first.lower()]
        rest = nominative[:1].upper() + nominative[1:] + (" " + tail if tail else "")
    return rest


def _genitive_phrase(text: str) -> str:
    first, _, tail = text.partition(" ")
    genitive = _GENITIVE.get(first.lower())
    return (genitive + (" " + tail if tail else "")) if genitive else text


def _nominative_phrase(text: str) -> str:
    first, _, tail = text.partition(" ")
    nominative = _NOMINATIVE.get(first.lower())
    if not nominative:
        return text[:1].upper() + text[1:]
    return nominative[:1].upper() + nominative[1:] + (" " + tail if tail else "")


def _open_quote(text: str) -> bool:
    return text.count("«") > text.count("»")


def _adjacent_block(lines: list[_Line], start: int, continues) -> tuple[str, int]:
    """Join lines[start] with the following adjacent lines while ``continues(next_line)``."""
    parts = [lines[start].text]
    end = start + 1
    while end < len(lines) and lines[end].line == lines[end - 1].line + 1 and continues(lines[end]):
        parts.append(lines[end].text)
        end += 1
    return " ".join(p.strip() for p in parts), end


def parse_header(paras: list[Para], log: GuessLog) -> HeaderInfo:
    info = HeaderInfo()
    lines: list[_Line] = []
    for k, para in enumerate(paras):
        text = " ".join(para.text.split())
        if text:
            lines.append(_Line(text, para.line if para.line is not None else k, para.bold))
    used: set[int] = set()

    def find(pattern, start=0, last=False):
        found = [i for i in range(start, len(lines)) if pattern.match(lines[i].text)]
        return (found[-1] if last else found[0]) if found else None

    i_order = find(ORDER_WORD)
    i_command = find(COMMAND)
    i_appendix = find(APPENDIX, last=True)
    i_approval = find(APPROVAL)

    # ---------------------------------------------------------------- the order (приказ)
    if i_order is not None:
        word = re.sub(r"\s+", "", lines[i_order].text).lower()
        info.order["вид"] = word
        used.add(i_order)
        letterhead = [i for i in range(0, i_order) if i != i_approval]
        _letterhead(info, [lines[i] for i in letterhead], log)
        used.update(letterhead)
        end = i_command if i_command is not None and i_command > i_order else min(len(lines), i_order + 8)
        k = i_order + 1
        title_end = None
        while k < end:
            text = lines[k].text
            when = parse_date(text)
            number = parse_number(text)
            if when and "дата" not in info.order:
                info.order["дата"] = when
                used.add(k)
            if number and "номер" not in info.order and (when or text.startswith("№")):
                info.order["номер"] = number
                used.add(k)
            if not when and not number and "заголовок" not in info.order and re.match(r"^«?\s*Об?\s", text):
                title, k2 = _adjacent_block(lines, k, lambda ln: not COMMAND.match(ln.text) and not re.match(r"^(?:В целях|На основании|В соответствии)", ln.text))
                info.order["заголовок"] = title.strip()
                used.update(range(k, k2))
                title_end = k2
                k = k2
                continue
            if not when and not number and "место" not in info.order and "заголовок" not in info.order and \
                    re.fullmatch(r"(?:г\.\s*|пос\.\s*|с\.\s*)?[А-ЯЁ][а-яё-]+(?:\s[А-ЯЁ][а-яё-]+)?", text):
                info.order["место"] = text
                used.add(k)
            k += 1
        if i_command is not None and title_end is not None and i_command > title_end:
            preamble = [lines[i].text for i in range(title_end, i_command)]
            if preamble:
                info.order["преамбула"] = "\n".join(preamble)
                used.update(range(title_end, i_command))
        if i_command is not None:
            used.add(i_command)
            _order_items(info, lines, i_command + 1, used, log)

    # ---------------------------------------------------------------- approval stamp
    if i_approval is not None:
        _approval(info, lines, i_approval, used, log)

    # ---------------------------------------------------------------- appendix mark
    if i_appendix is not None and i_appendix not in used:
        _appendix(info, lines, i_appendix, used)

    # ---------------------------------------------------------------- title and period
    candidates = [i for i in range(len(lines)) if i not in used and TITLE_START.match(lines[i].text)]
    if candidates:
        start = candidates[0]
        title, end = _adjacent_block(lines, start, lambda ln: _title_goes_on(lines[start], ln))
        used.update(range(start, end))
        info.title = title.strip()
    else:
        rest = [lines[i] for i in range(len(lines)) if i not in used and not _preamble_word(lines[i].text)]
        if rest and len(rest[-1].text) <= 400:
            info.title = rest[-1].text
            info.note("название", f"заголовок дорожной карты не узнан по словам; взят абзац перед таблицей: «{shorten(rest[-1].text, 60)}»", log)
    if info.title:
        info.title = info.title.rstrip()
        period = find_period(info.title)
        if period:
            info.period = period
    if not info.period:
        for ln in lines:
            period = find_period(ln.text)
            if period:
                info.period = period
                info.note("период", f"период взят не из заголовка, а из строки «{shorten(ln.text, 50)}»", log)
                break

    # ---------------------------------------------------------------- preamble (Проблема / Цель / Задачи)
    _preamble(info, lines, used)

    # ---------------------------------------------------------------- authority, municipality
    if not info.authority and info.approval.get("должность"):
        found = authority_from_position(info.approval["должность"])
        if found:
            info.authority = found
            info.note("орган", "наименование органа взято из должности в грифе утверждения", log)
    if not info.authority and info.appendix.get("к"):
        match = re.match(r"^к\s+(?:приказу|письму|распоряжению|постановлению)\s+(?P<who>.+)$", info.appendix["к"])
        if match and len(match.group("who").split()) >= 2:
            info.authority = _nominative_phrase(match.group("who"))
            info.note("орган", f"наименование органа восстановлено из отметки «{info.appendix['к']}» "
                               "(именительный падеж — догадка импорта)", log)
    if "вид" not in info.order and info.appendix.get("к"):
        match = re.match(r"^к\s+(приказу|письму|распоряжению|постановлению)\b", info.appendix["к"])
        if match:
            info.order["вид"] = {"приказу": "приказ", "письму": "письмо", "распоряжению": "распоряжение",
                                 "постановлению": "постановление"}[match.group(1)]
    return info


def _caps(text: str) -> bool:
    letters = re.sub(r"[^А-ЯЁа-яёA-Za-z]", "", text)
    return len(letters) >= 3 and letters.isupper()


def _title_goes_on(first: _Line, line: _Line) -> bool:
    """Whether a paragraph continues the title that ``first`` starts: it begins with a small letter,
    or both are set in capitals ("ДОРОЖНАЯ КАРТА" / "ПО ПОДДЕРЖКЕ ШКОЛ …"), or both are bold and
    this one opens with a bracket, a quote or a preposition."""
    text = line.text
    if APPENDIX.match(text) or APPROVAL.match(text) or ORDER_WORD.match(text) or _preamble_word(text):
        return False
    if text[:1].islower():
        return True
    if _caps(first.text) and _caps(text) and len(text) <= 300:
        return True
    return first.bold and line.bold and (text[:1] in "(«\"" or bool(re.match(r"(?i)^(?:по|на|в|для|с|о|об)\s", text)))


def decide_municipality(info: HeaderInfo, log: GuessLog) -> None:
    """The municipality from the authority's name, the stamp, the appendix mark or the title."""
    if info.municipality:
        return
    sources = [s for s in (info.authority, info.approval.get("должность"), info.appendix.get("к"), info.title) if s]
    for text in sources:
        found = municipality_from(text)
        if found:
            info.municipality, changed = found
            if changed:
                info.note("муниципалитет", f"муниципалитет «{info.municipality}» выведен из слов «{shorten(text, 70)}»; "
                                          "падеж изменён импортом — проверьте", log)
            return


def _preamble_word(text: str) -> bool:
    return bool(re.match(r"^(?:Проблема|Цел[ьи]|Задачи)\s*:", text))


def _letterhead(info: HeaderInfo, lines: list[_Line], log: GuessLog) -> None:
    bodies: list[str] = []
    department = None
    for ln in lines:
        text = ln.text.strip()
        if re.fullmatch(r"(?i)российская федерация", text):
            continue
        if bodies and _open_quote(bodies[-1]):
            bodies[-1] += " " + text
            continue
        if _REGION.match(text):
            info.region = region_nominative(text)
            continue
        if _DEPARTMENT.match(text) and department is None:
            department = _sentence_case(text)
            bodies.append("\x00")
            continue
        if bodies and bodies[-1] != "\x00" and (text[:1].islower() or text[:1] == "«"):
            bodies[-1] += " " + text
        elif bodies and bodies[-1] == "\x00" and text[:1].islower():
            bodies.append(text)
        else:
            bodies.append(_sentence_case(text))
    if department is None:
        if bodies:
            info.authority = " ".join(b for b in bodies if b != "\x00")
        return
    position = bodies.index("\x00")
    before = [b for b in bodies[:position]]
    after = [b for b in bodies[position + 1:]]
    if after:
        info.authority = " ".join([department] + after)
    elif before:
        info.authority = department + " " + _genitive_phrase(before[-1][:1].lower() + before[-1][1:])
        info.note("орган", "наименование органа составлено из строк бланка приказа: «" + department + "» и «"
                  + before[-1] + "»", log)
    else:
        info.authority = department


def _order_items(info: HeaderInfo, lines: list[_Line], start: int, used: set[int], log: GuessLog) -> None:
    items: list[dict] = []
    k = start
    while k < len(lines):
        text = lines[k].text
        if APPENDIX.match(text) or TITLE_START.match(text) or APPROVAL.match(text):
            break
        match = re.match(r"^(?P<num>\d+(?:\.\d+)*\.?)\s+(?P<text>\S.*)$", text)
        if match:
            number = match.group("num")
            items.append({"номер": number if number.endswith(".") else number + ".", "текст": match.group("text")})
            used.add(k)
        elif text[:1] in "-–—•" and items:
            items[-1].setdefault("перечень", []).append(text[1:].strip())
            used.add(k)
        elif items:
            # the signature: a position, then a name
            name = NAME.fullmatch(text.replace("_", "").strip())
            if name:
                position = [lines[i].text for i in range(max(start, k - 2), k) if i not in used]
                if position:
                    info.order["подпись"] = {"должность": position[-1], "фио": name.group("name")}
                    used.update(range(k - 1, k + 1))
                k += 1
                break
        k += 1
    if items:
        info.order["пункты"] = items
    for item in items:
        if "рабочей группы" in item["текст"].lower() and item.get("перечень"):
            for entry in item["перечень"]:
                member = _member(entry)
                if member:
                    info.working_group.append(member)


def _member(entry: str) -> dict | None:
    match = re.match(r"^(?P<fio>[А-ЯЁ][а-яё-]+\s+[А-ЯЁ]\.\s?[А-ЯЁ]\.)\s*,\s*(?P<rest>.+)$", entry)
    if not match:
        return None
    member = {"фио": match.group("fio")}
    parts = [p.strip() for p in match.group("rest").rstrip(";. ").split(",")]
    if parts and "групп" in parts[-1]:
        member["роль"] = parts.pop()
    if parts:
        member["должность"] = ", ".join(parts)
    order = ["фио", "должность", "роль"]
    return {k: member[k] for k in order if k in member}


def _approval(info: HeaderInfo, lines: list[_Line], start: int, used: set[int], log: GuessLog) -> None:
    match = APPROVAL.match(lines[start].text)
    word = match.group("word")
    rest = match.group("rest").strip()
    used.add(start)
    name = None
    position: list[str] = []
    when = None
    if rest:
        found = NAME.fullmatch(rest.replace("_", "").strip())
        if found:
            name = found.group("name")
        else:
            position.append(rest)
    k = start + 1
    while k < len(lines) and k < start + 10:
        ln = lines[k]
        if lines[k].line - lines[k - 1].line > 3 or TITLE_START.match(ln.text) or APPENDIX.match(ln.text) or ORDER_WORD.match(ln.text):
            break
        text = ln.text
        ref = re.match(r"^(?:Приказ|приказом|Приказом|приказ|[Рр]аспоряжением|[Пп]остановлением|[Рр]ешением)\s*"
                       r"(?P<who>[А-ЯЁ]{2,}(?:\s+[А-ЯЁ]{2,})?)?\b.*?\bот\s+(?P<date>.+?)$", text)
        if ref:
            _approving_act(info, text[:1].lower() + text[1:], log)
            when = parse_date(text)
            number = parse_number(text)
            info.order.setdefault("вид", "приказ")
            if when:
                info.order.setdefault("дата", when)
            if number:
                info.order.setdefault("номер", number)
            if ref.group("who"):
                info.authority_short = ref.group("who")
            used.add(k)
            k += 1
            break
        bare = text.replace("_", "").strip()
        found = NAME.fullmatch(bare)
        if found and name is None:
            name = found.group("name")
            used.add(k)
            k += 1
            continue
        only_date = parse_date(text)
        if only_date and len(re.sub(r"[\d.\s«»г]|года?", "", text)) < 12:
            when = only_date
            used.add(k)
            k += 1
            continue
        position.append(text)
        used.add(k)
        k += 1
    if word.lower().startswith(("утвержден", "согласован")):
        # "УТВЕРЖДЕНА приказом …": approved by the order, not by a person
        info.approval = {}
        _approving_act(info, " ".join([rest] + [lines[i].text for i in range(start + 1, k) if i in used]), log)
        return
    if name and position:
        info.approval = {"гриф": word, "должность": " ".join(position), "фио": name}
        if when:
            info.approval["дата"] = when
    else:
        info.note("утверждение", "гриф утверждения найден, но должность или фамилия в нём не распознаны; гриф не перенесён", log)


_ACT = re.compile(r"^(?P<act>приказом|распоряжением|постановлением|решением|письмом)\s+(?P<who>.*?)\s*(?:\bот\b|№|N\s*\d|$)",
                  re.IGNORECASE)
_ACT_KIND = {"приказом": "приказ", "распоряжением": "распоряжение", "постановлением": "постановление",
             "решением": "решение", "письмом": "письмо"}


def _approving_act(info: HeaderInfo, text: str, log: GuessLog) -> None:
    """"приказом управления образования администрации города Энска от 12.01.2023 N 15" → the
    order's kind, date and number, and the authority (its name turned to the nominative)."""
    text = " ".join(text.split())
    match = _ACT.match(text)
    if not match:
        return
    info.order.setdefault("вид", _ACT_KIND[match.group("act").lower()])
    when = parse_date(text)
    number = parse_number(text)
    if when:
        info.order.setdefault("дата", when)
    if number:
        info.order.setdefault("номер", number)
    who = match.group("who").strip(" ,")
    if who and not info.authority and len(who.split()) >= 2 and who.split()[0].lower() in _NOMINATIVE:
        info.authority = _nominative_phrase(who)
        info.note("орган", f"наименование органа восстановлено из строки утверждения «{shorten(text, 70)}» "
                           "(именительный падеж — догадка импорта)", log)


def _appendix(info: HeaderInfo, lines: list[_Line], start: int, used: set[int]) -> None:
    match = APPENDIX.match(lines[start].text)
    used.add(start)
    if match.group("num"):
        info.appendix["номер"] = match.group("num")
    parts: list[str] = []
    k = start + 1
    while k < len(lines) and k < start + 6:
        text = lines[k].text
        if not parts and not re.match(r"^к\s", text):
            break
        tail = re.match(r"^(?P<head>к\s.+?)\s+(?P<rest>(?:от|№|N)\s*(?:«?\d).*)$", text)
        if tail and (parse_date(tail.group("rest")) or parse_number(tail.group("rest"))):
            # "к приказу … от 01.09.2023 N 512" on one line: the mark, then the date and number
            parts.append(tail.group("head"))
            text = tail.group("rest")
        if re.match(r"^(?:от\b|«?\d)", text) or parse_date(text) or parse_number(text):
            used.add(k)
            when = parse_date(text)
            number = parse_number(text)
            if when:
                info.order.setdefault("дата", when)
            if number:
                info.order.setdefault("номер", number)
            break
        if TITLE_START.match(text):
            break
        parts.append(text)
        used.add(k)
        k += 1
    if parts:
        info.appendix["к"] = " ".join(parts)
    else:
        info.appendix = {}


def _preamble(info: HeaderInfo, lines: list[_Line], used: set[int]) -> None:
    current = None
    collected: dict[str, list[str]] = {}
    for i, ln in enumerate(lines):
        if i in used:
            continue
        match = re.match(r"^(?P<key>Проблема|Цел[ьи]|Задачи)\s*:\s*(?P<rest>.*)$", ln.text)
        if match:
            key = {"проблема": "проблема", "цель": "цель", "цели": "цель", "задачи": "задачи"}[match.group("key").lower()]
            current = key
            collected.setdefault(key, [])
            if match.group("rest").strip():
                collected[key].append(match.group("rest").strip())
            used.add(i)
            continue
        if current:
            collected[current].append(ln.text)
            used.add(i)
    if collected.get("проблема"):
        info.preamble["проблема"] = "\n".join(collected["проблема"])
    if collected.get("цель"):
        info.preamble["цель"] = " ".join(collected["цель"])
    if collected.get("задачи"):
        info.preamble["задачи"] = [re.sub(r"^[-–—•]\s*", "", t) for t in collected["задачи"]]
