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
from roadmapctl.importer.wordforms import (
    NOMINATIVE,
    authority_from_position,
    genitive_phrase,
    municipality_from,
    nominative_phrase,
    region_nominative,
    sentence_case,
)

MONTHS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
    "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}
_MONTH_WORD = r"(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"
_DATE_DIGITS = re.compile(r"(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)")
_DATE_WORDS = re.compile(r"(?<!\d)«?(\d{1,2})»?\s*(" + _MONTH_WORD + r")»?\s+(\d{4})", re.IGNORECASE)
# «№» or «N» (legal databases print the number sign so): "№ 93/1", "N 1295"
_NUMBER = re.compile(r"(?:№|(?<![A-Za-zА-Яа-яЁё])N(?=\s*\d))\s*(?P<num>[0-9][0-9A-Za-zА-Яа-я/\-.]*[0-9A-Za-zА-Яа-я])|"
                     r"(?:№|(?<![A-Za-zА-Яа-яЁё])N(?=\s*\d))\s*(?P<one>\d)")

APPROVAL = re.compile(r"^(?P<word>УТВЕРЖДАЮ|Утверждаю|УТВЕРЖДЕН[АО]?|Утвержден[ао]?|СОГЛАСОВАНО|Согласовано)\b\s*:?\s*(?P<rest>.*)$")
ORDER_WORD = re.compile(r"^(?:П\s*Р\s*И\s*К\s*А\s*З|ПРИКАЗ|Приказ|Р\s*А\s*С\s*П\s*О\s*Р\s*Я\s*Ж\s*Е\s*Н\s*И\s*Е|РАСПОРЯЖЕНИЕ|"
                        r"П\s*О\s*С\s*Т\s*А\s*Н\s*О\s*В\s*Л\s*Е\s*Н\s*И\s*Е|ПОСТАНОВЛЕНИЕ)\s*$")
COMMAND = re.compile(r"^(?:П\s*Р\s*И\s*К\s*А\s*З\s*Ы\s*В\s*А\s*Ю|ПОСТАНОВЛЯЮ|РАСПОРЯЖАЮСЬ|приказываю|постановляю)\s*:?\s*$",
                     re.IGNORECASE)
APPENDIX = re.compile(r"^(?:приложение)\b\s*(?:(?:№|N)\s*)?(?P<num>\d+)?", re.IGNORECASE)
PLACEHOLDER_ATTACHED = "документ не указан"
# a mark whose word «Приложение» the copy lost (a site's layout kept only «к приказу МБОУ СОШ № 15 / от №»)
ATTACHED = re.compile(r"^к\s+(?:приказу|постановлению|распоряжению|решению)\b", re.IGNORECASE)
TITLE_START = re.compile(
    r"^«?\s*(?:дорожн\w+\s+карт|муниципальн\w+\s+(?:проект|дорожн|план|программ|комплекс)|комплекс\s+мер|"
    r"план\s+(?:мероприятий|действий|работы)|программ\w*\s+(?:поддержки|повышения|сопровождения)|«дорожн|"
    r"план(?:-график)?$|план-график\b|план\s+(?:деятельности|информационно|подготовки|введения|реализации)|"
    r"календарный\s+план|перечень(?:\s+(?:основных\s+)?мероприятий)?$|перечень\s+(?:основных\s+)?мероприятий|"
    r"сетевой\s+(?:план|график)|(?:календарный\s+)?график\s+(?:оценочных|проведения|мероприятий|работ|подготовки|"
    r"реализации|контрольных|диагностическ|мониторинг))",
    re.IGNORECASE,
)
NAME = re.compile(
    r"(?P<name>[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ](?:[а-яё]+|[А-ЯЁ]+)(?:-[А-ЯЁ][а-яё]+)?|[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s+[А-ЯЁ]\.\s?[А-ЯЁ]\.)"
)
_REGION = re.compile(
    r"^(?:[А-ЯЁ][а-яё-]+(?:ая|ой|ий|ого|кий)\s+(?:область|области|край|края|автономный округ|автономного округа)|"
    r"Республик[аи]\s+[А-ЯЁ][а-яё-]+(?:\s*\([^)]*\))?|[А-ЯЁ][а-яё-]+\s+Республик[аи])$"
)
_DEPARTMENT = re.compile(r"^(?:управление|отдел|комитет|департамент|министерство)\b", re.IGNORECASE)


@dataclass
class HeaderInfo:
    authority: str | None = None
    authority_short: str | None = None
    letterhead: list[str] = field(default_factory=list)  # the blank's lines as written («орган.бланк»)
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
    one = _PERIOD_ONE.search(text)
    if one:
        # «на 2011 год и на среднесрочный период до 2013 года»: the year and the end that follows
        until = _PERIOD_UNTIL.match(text, one.end())
        if until and 0 < int(until.group("y")) - int(one.group("y")) <= 10:
            return f"{one.group('y')}-{until.group('y')}"
        return one.group("y")
    return None


_PERIOD_UNTIL = re.compile(r"\s*(?:,\s*)?и\s+(?:на\s+)?(?:\w+\s+){0,2}?период\w*\s+до\s+(?P<y>(?:19|20)\d\d)\s*(?:год\w*|г\.|г\b)",
                           re.IGNORECASE)



def _open_quote(text: str) -> bool:
    return text.count("«") > text.count("»")


def _adjacent_block(lines: list[_Line], start: int, continues, gap: int = 1) -> tuple[str, int]:
    """Join lines[start] with the following lines (at most ``gap`` lines on) while
    ``continues(next_line)``: a title broken over lines, or over paragraphs of a web page."""
    parts = [lines[start].text]
    end = start + 1
    while end < len(lines) and lines[end].line - lines[end - 1].line <= gap and continues(lines[end]):
        parts.append(lines[end].text)
        end += 1
    return " ".join(p.strip() for p in parts), end


def parse_header(paras: list[Para], log: GuessLog) -> HeaderInfo:
    """The header fields found in the paragraphs above the table, each step in document order."""
    info = HeaderInfo()
    lines = _header_lines(paras)
    used: set[int] = set()
    i_order = _find(lines, ORDER_WORD)
    i_command = _find(lines, COMMAND)
    i_appendix = _find(lines, APPENDIX, last=True)
    if i_appendix is None:
        # only among the first lines: further down «к приказу …» is a title's or a preamble's words
        i_appendix = _find(lines[:3], ATTACHED)
    i_approval = _find(lines, APPROVAL)
    head = _letterhead_lines(lines)
    info.letterhead = [lines[i].text for i in head]
    if head and i_order is None:
        # a blank above a plan that is no order's text (a school's, a department's): it names the
        # authority, its address lines do not
        _letterhead(info, [lines[i] for i in head if not _CONTACT.match(lines[i].text)], log)
        used.update(head)
    if i_approval is not None:
        again = _find(lines, APPROVAL, i_approval + 1)
        if again is not None and again - i_approval <= 2:
            # «Утверждаю Директор … Коломийчук» run onto one line by a mirror site, then the stamp
            # itself line by line: the stamp is read from its own lines
            used.add(i_approval)
            i_approval = again
    if i_order is not None:
        _order(info, lines, i_order, i_command, i_approval, used, log)
    if i_approval is not None:
        _approval(info, lines, i_approval, used, log)
    if i_appendix is not None and i_appendix not in used:
        _appendix(info, lines, i_appendix, used)
        if info.appendix and "к" not in info.appendix:
            # «Приложение 2» alone: the mark is kept, what it is attached to is for the user to write
            info.appendix["к"] = PLACEHOLDER_ATTACHED
            info.note("приложение", f"отметка «{lines[i_appendix].text}» не говорит, к какому документу приложен план; "
                      "впишите его (например, «к приказу управления образования»)", log)
    _title_and_period(info, lines, used, log)
    _preamble(info, lines, used)
    _authority(info, log)
    return info


_GLUED_FROM = re.compile(r"(?<=\d)от(?=\s*«?\d)")


def _header_lines(paras: list[Para]) -> list[_Line]:
    """The non-empty paragraphs with their white space folded, each with its source line."""
    lines: list[_Line] = []
    for k, para in enumerate(paras):
        # «№ 02-04-1от 05.01.2023»: a number glued to the «от» of the act's date is parted from it
        text = _GLUED_FROM.sub(" от", " ".join(para.text.split()))
        if text:
            lines.append(_Line(text, para.line if para.line is not None else k, para.bold))
    return lines


def _find(lines: list[_Line], pattern, start: int = 0, last: bool = False) -> int | None:
    """The index of the first (or the last) line that ``pattern`` matches."""
    found = [i for i in range(start, len(lines)) if pattern.match(lines[i].text)]
    return (found[-1] if last else found[0]) if found else None


def _order(info: HeaderInfo, lines: list[_Line], i_order: int, i_command: int | None, i_approval: int | None,
           used: set[int], log: GuessLog) -> None:
    """The order (приказ): its kind, the letterhead above it, number, date, place, title, preamble, items."""
    word = re.sub(r"\s+", "", lines[i_order].text).lower()
    info.order["вид"] = word
    used.add(i_order)
    letterhead = [i for i in range(i_order) if i != i_approval]
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


def _title_and_period(info: HeaderInfo, lines: list[_Line], used: set[int], log: GuessLog) -> None:
    """The roadmap's title (by its words, else the last paragraph left) and its period."""
    candidates = [i for i in range(len(lines)) if i not in used and TITLE_START.match(lines[i].text)]
    if candidates:
        start = candidates[0]
        # a title's words above the approval or appendix mark (a file name or a site's page
        # title set before the document) give way to a title under the mark
        later = [i for i in candidates if used and i > max(used)]
        if later and start < max(used):
            start = later[0]
        title, end = _adjacent_block(lines, start, lambda ln: _title_goes_on(lines[start], ln), gap=2)
        # a title broken before its period («План деятельности по введению» / «Федерального …» /
        # «МОУ … на 2011-2012 учебный год») goes on over capitalised lines until the period
        while end < len(lines) and end not in used and find_period(title) is None and \
                lines[end].line - lines[end - 1].line <= 2 and (
                    (_title_line(lines[end].text) and find_period(" ".join(ln.text for ln in lines[end:end + 3])))
                    or (lines[end].text[:1].isdigit() and _BROKEN_BEFORE_YEAR.search(title))):
            # «… на 2021-» / «2022 учебный год»: a period broken by a line break is the title's
            glue = "" if re.search(r"\d[-–—]$", title) else " "
            title = f"{title}{glue}{lines[end].text}"
            end += 1
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
        # a line, or two adjacent ones (a period broken by a line break: «на 2021 -» / «2022 годы»)
        for k, ln in enumerate(lines):
            text = ln.text
            period = find_period(text)
            if not period and k + 1 < len(lines) and lines[k + 1].line - ln.line <= 2 and _BROKEN_BEFORE_YEAR.search(text):
                text = f"{text} {lines[k + 1].text}"
                period = find_period(text)
            if period:
                info.period = period
                info.note("период", f"период взят не из заголовка, а из строки «{shorten(text, 50)}»", log)
                break


def _authority(info: HeaderInfo, log: GuessLog) -> None:
    """The authority (and the kind of act) when the letterhead did not name it: from the stamp's
    position or from the appendix mark."""
    if not info.authority and info.approval.get("должность"):
        found = authority_from_position(info.approval["должность"])
        if found:
            info.authority = found
            info.note("орган", "наименование органа взято из должности в грифе утверждения", log)
    if not info.authority and info.appendix.get("к"):
        match = re.match(r"^к\s+(?:приказу|письму|распоряжению|постановлению)\s+(?P<who>.+)$", info.appendix["к"])
        # «к приказу № 02-04-1»: the act's number names no one
        if match and len(match.group("who").split()) >= 2 and not re.match(r"(?:№|N\s*\d|\d)", match.group("who")):
            info.authority = nominative_phrase(match.group("who"))
            info.note("орган", f"наименование органа восстановлено из отметки «{info.appendix['к']}» "
                               "(именительный падеж — догадка импорта)", log)
    if "вид" not in info.order and info.appendix.get("к"):
        match = re.match(r"^к\s+(приказу|письму|распоряжению|постановлению)\b", info.appendix["к"])
        if match:
            info.order["вид"] = {"приказу": "приказ", "письму": "письмо", "распоряжению": "распоряжение",
                                 "постановлению": "постановление"}[match.group(1)]


_BROKEN_BEFORE_YEAR = re.compile(r"(?:(?:19|20)\d\d\s*[-–—]|\b(?:на|в|во|с|до|по|к)|[-–—])\s*$", re.IGNORECASE)


def _title_line(text: str) -> bool:
    """A line that may go on a title: short, no sentence end, not a numbered item or a preamble."""
    return (len(text) <= 160 and not text.rstrip().endswith((".", ";", ":")) and not _preamble_word(text)
            and not re.match(r"^[А-ЯЁа-яё ]{2,30}:", text)
            and not re.match(r"^(?:\d+[.)]|[IVX]+\.)\s", text) and not APPROVAL.match(text)
            and not APPENDIX.match(text) and not ORDER_WORD.match(text))


def _caps(text: str) -> bool:
    letters = re.sub(r"[^А-ЯЁа-яёA-Za-z]", "", text)
    return len(letters) >= 3 and letters.isupper()


_PLACE_OF = re.compile(r"^[А-ЯЁ][а-яё-]+(?:ого|его|ой|ей)\s+(?:муниципального\s+)?(?:района|округа|области|края|"
                       r"поселения|городского\s+округа)\b")


def _title_goes_on(first: _Line, line: _Line) -> bool:
    """Whether a paragraph continues the title that ``first`` starts: it begins with a small letter,
    or both are set in capitals ("ДОРОЖНАЯ КАРТА" / "ПО ПОДДЕРЖКЕ ШКОЛ …"), or both are bold and
    this one opens with a bracket, a quote or a preposition."""
    text = line.text
    if APPENDIX.match(text) or APPROVAL.match(text) or ORDER_WORD.match(text) or _preamble_word(text):
        return False
    if text[:1].islower() or text[:1] in "«\"(":
        return True
    if _PLACE_OF.match(text) and len(text) <= 120:
        return True  # «… «Большевистская ООШ №19»» / «Ефремовского района Тульской области»
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


_ORGAN = re.compile(
    r"^(?:администраци|управлени|отдел\b|комитет|департамент|министерств|муниципальн\w+\s+(?:бюджетн|казенн|казённ|"
    r"автономн|общеобразовательн|образовательн|дошкольн|учреждени)|государственн\w+\s+(?:бюджетн|казенн|казённ|"
    r"автономн)|[МГ][БАК]?Д?О?У\b|МКУ\b|МО\b)", re.IGNORECASE)
# a blank's address and contacts: «663653, Красноярский край, …», «Тел. (39174) 34-2-22», «E-mail: …»
_CONTACT = re.compile(r"^(?:\d{6}\b|ул\.|тел\b|тел\.|телефон|факс|e-?mail|эл\.\s*почта|инн\b|огрн\b|окпо\b)",
                      re.IGNORECASE)


def _letterhead_lines(lines: list[_Line]) -> list[int]:
    """The first lines that make a blank, as written: «Российская Федерация», the region, the
    body's name («АДМИНИСТРАЦИЯ … РАЙОНА», «Отдел образования», «Муниципальное бюджетное
    общеобразовательное учреждение …») with the lines that go on it (a small letter, a quote
    opened or left open) and its address and contacts; at least one line naming a body. Stops at the first
    other line (the order word, an approval or appendix mark, a title)."""
    found: list[int] = []
    named = False
    for k, ln in enumerate(lines[:12]):
        text = ln.text.strip(" *")
        if APPROVAL.match(text) or APPENDIX.match(text) or ORDER_WORD.match(text) or TITLE_START.match(text):
            break
        if _ORGAN.match(text) and len(text) <= 200:
            named = True
        elif not (re.fullmatch(r"(?i)российская федерация", text) or _REGION.match(text) or _CONTACT.match(text)
                  or (found and (text[:1].islower() or text[:1] == "«" or _open_quote(lines[found[-1]].text)))):
            break
        found.append(k)
    return found if named else []


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
            department = sentence_case(text)
            bodies.append("\x00")
            continue
        if bodies and bodies[-1] != "\x00" and (text[:1].islower() or text[:1] == "«"):
            bodies[-1] += " " + text
        elif bodies and bodies[-1] == "\x00" and text[:1].islower():
            bodies.append(text)
        else:
            bodies.append(sentence_case(text))
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
        info.authority = department + " " + genitive_phrase(before[-1][:1].lower() + before[-1][1:])
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
    assert match is not None  # the caller found the line so
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
            name, when = _stamp_on_one_line(rest, position)
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
            number = parse_number(text.replace("_", " "))  # «Приказ №_66 от 09.03.2011_»: the blanks of a form
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
        bare = text.replace("_", "").strip().strip("/").strip()  # «__________ /Т. М. Гераськина/»
        found = NAME.fullmatch(bare)
        if found and name is None:
            name = found.group("name")
            used.add(k)
            k += 1
            continue
        if re.fullmatch(r"[«\"]?\s*_*\s*[»\"]?\s*_*\s*(?:20|19)?_*\s*г?\.?", text) and "_" in text:
            used.add(k)  # «____» ________ 20__ г.: the date is left blank to be written by hand
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


def _stamp_on_one_line(rest: str, position: list[str]) -> tuple[str | None, date | None]:
    """«Начальник управления образования ____ И.И. Петров «01» сентября 2024 г.» (a stamp run
    onto the line of its word): the name that ends it (before its date, if any) and the date; the
    words before the name go on ``position``. Without a name at the end the words are all position."""
    when = None
    text = rest
    dated = _DATE_WORDS.search(text) or _DATE_DIGITS.search(text)
    if dated:
        when = parse_date(text[dated.start():])
        if when:
            text = text[:dated.start()].rstrip(" «\"")
    bare = text.replace("_", " ").strip().rstrip("/").strip()
    found = re.search(NAME.pattern + r"$", bare)
    if found and found.start() > 0:
        position.append(" ".join(bare[:found.start()].strip(" /").split()))
        return found.group("name"), when
    position.append(rest)
    return None, None


_ACT = re.compile(r"^(?P<act>приказом|распоряжением|постановлением|решением|письмом)\s+(?P<who>.*?)\s*(?:\bот\b|№|N\s*\d|$)",
                  re.IGNORECASE)
_ACT_KIND = {"приказом": "приказ", "распоряжением": "распоряжение", "постановлением": "постановление",
             "решением": "решение", "письмом": "письмо"}


def _order_date_and_number(info: HeaderInfo, text: str) -> None:
    """The order's date and number found in ``text``, where the header has none yet."""
    when = parse_date(text)
    number = parse_number(text)
    if when:
        info.order.setdefault("дата", when)
    if number:
        info.order.setdefault("номер", number)


def _approving_act(info: HeaderInfo, text: str, log: GuessLog) -> None:
    """"приказом управления образования администрации города Энска от 12.01.2023 N 15" → the
    order's kind, date and number, and the authority (its name turned to the nominative)."""
    text = " ".join(text.split())
    match = _ACT.match(text)
    if not match:
        return
    info.order.setdefault("вид", _ACT_KIND[match.group("act").lower()])
    _order_date_and_number(info, text)
    who = match.group("who").strip(" ,")
    if who and not info.authority and len(who.split()) >= 2 and who.split()[0].lower() in NOMINATIVE:
        info.authority = nominative_phrase(who)
        info.note("орган", f"наименование органа восстановлено из строки утверждения «{shorten(text, 70)}» "
                           "(именительный падеж — догадка импорта)", log)


_ACT_DATE = re.compile(r"(?<![А-Яа-яЁё])от\s*«?\d")


def _appendix(info: HeaderInfo, lines: list[_Line], start: int, used: set[int]) -> None:
    """«Приложение № 2 / к приказу … / от 15.02.2022 № 47-од», on one line or over several (the
    mark set at the top right, a run-on copy «ПРИЛОЖЕНИЕ УТВЕРЖДЕН приказом … от … № …»): what
    it is attached to, and the act's date and number."""
    match = APPENDIX.match(lines[start].text)
    used.add(start)
    if match and match.group("num"):
        info.appendix["номер"] = match.group("num")
    # without «Приложение» (ATTACHED) the line itself is the start of what the mark is attached to
    rest = lines[start].text[match.end():].strip() if match else lines[start].text
    parts = [rest] if rest else []
    act_line = ""  # the line of the act's date and number («от 15.02.2022 № 47-од», «"24 марта" 2021 год № 93/1»)
    k = start + 1
    while not (parts and _ACT_DATE.search(parts[-1])) and k < len(lines) and k < start + 10:
        text = lines[k].text
        if parts and re.match(r"^(?:от\b|«?\d|№|N\s*\d)", text):
            act_line = text
            used.add(k)
            break
        if (not parts and not re.match(r"^к\s", text)) or TITLE_START.match(text) or APPROVAL.match(text) \
                or APPENDIX.match(text):
            break
        parts.append(text)
        used.add(k)
        k += 1
    if act_line:
        _order_date_and_number(info, act_line)
    joined = " ".join(parts)
    act = _ACT_DATE.search(joined)
    if act:
        when = parse_date(joined[act.start():])
        if when:
            info.order.setdefault("дата", when)
    number = _act_number(joined)
    if number:
        info.order.setdefault("номер", number)
    head = (joined[:act.start()] if act else joined).strip(" ,")
    if head:
        info.appendix["к"] = head
    elif not joined and "номер" not in info.appendix:
        info.appendix = {}  # a bare «Приложение» is no mark; «Приложение 2» on its own line is


_AFTER_DATE_NUMBER = re.compile(r"(?<![А-Яа-яЁё])от\s*«?\d[^№]*?(?:№|(?<![А-Яа-яЁёA-Za-z])N)\s*_*(?P<num>[0-9][0-9A-Za-zА-Яа-я/\-.]*[0-9A-Za-zА-Яа-я]|\d)")
_AFTER_ACT_NUMBER = re.compile(r"(?i)(?:приказ\w*|постановлени\w*|распоряжени\w*|решени\w*)\s+(?:№|N)\s*_*"
                               r"(?P<num>[0-9][0-9A-Za-zА-Яа-я/\-.]*[0-9A-Za-zА-Яа-я]|\d)")


def _act_number(text: str) -> str | None:
    """The act's number: the one after its date («от 15.02.2022 № 47-од»), else the one right
    after the act's name («к приказу № 15 от …»); «МБОУ СОШ № 1» is a school's, not the act's."""
    match = _AFTER_DATE_NUMBER.search(text) or _AFTER_ACT_NUMBER.search(text)
    return match.group("num").rstrip(".") if match else None


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
