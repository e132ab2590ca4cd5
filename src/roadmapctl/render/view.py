"""The ONE view of the document, built once from the model; every format renders this view.

Plain dataclasses: the requisite blocks as their lines, the title, the preamble, the tables as
rows (section rows with their level; activity rows with one cell per column, each a list of
paragraphs), the working group and the order's own text. All text here is final: cleaned of
characters no document format can hold, with non-breaking spaces where ГОСТ wants them and dates
formatted; the formats only escape it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from roadmapctl.document.fields import Kind as FieldKind, MARK_COLUMN, NUMBER, TEXT, column_field
from roadmapctl.document.model import Activity, Roadmap, Section, Table
from roadmapctl.render.metrics import BOLD, REGULAR, UNITS_PER_EM
from roadmapctl.render.style import Style
from roadmapctl.textutil import ru_date

NBSP = "\u00a0"
DASH = "–"
BLANK_DATE = "____________"
BLANK_NUMBER = "________"
SIGN_LINE = "____________"

MONTHS_GEN = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
              "октября", "ноября", "декабря")

# --- text cleaning ----------------------------------------------------------------------------

_NEWLINES = re.compile("\r\n|[\r\u2028\u2029\x0b\x0c\x85]")
# C0 and C1 controls (except tab and newline), surrogates, non-characters: no XML or HTML holds them.
_FORBIDDEN = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
_NUMERO = re.compile(r"(№+)[ \t]+(?=\S)")
# "2025 г.", "2020 – 2021 гг.", "г. Тулы": the abbreviation stays with the number or the name.
_YEAR_ABBR = re.compile(r"(\d)[ \t]+(?=(?:гг?|г\.г)\.)")
_TOWN_ABBR = re.compile(r"(?<![\w.])(г\.)[ \t]+(?=[А-ЯЁ])")
# "Г. И. Якушина": the initials stay together.
_DAY_MONTH = re.compile(r"(?<![\d.])(\d{1,2})[ \t]+(?=(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|"
                        r"октября|ноября|декабря)\b)")
_SPLIT_INITIALS = re.compile(r"(?<![\w.])([А-ЯЁ]\.)[ \t]+(?=[А-ЯЁ]\.)")
_INITIALS = r"[А-ЯЁ]\.[ \t\u00a0]?[А-ЯЁ]\."
_SURNAME = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
_SURNAME_INITIALS = re.compile(rf"\b({_SURNAME})[ \t]+({_INITIALS})")
_INITIALS_SURNAME = re.compile(rf"(?<![\w.])({_INITIALS})[ \t]+({_SURNAME})\b")


def clean(text: str | None) -> str:
    """Text as written, minus what breaks documents; line breaks normalized to "\\n"."""
    if not text:
        return ""
    text = _NEWLINES.sub("\n", str(text))
    text = _FORBIDDEN.sub("", text).replace("\t", " ")
    text = _NUMERO.sub(lambda m: m.group(1) + NBSP, text)
    text = _YEAR_ABBR.sub(lambda m: m.group(1) + NBSP, text)
    text = _DAY_MONTH.sub(lambda m: m.group(1) + NBSP, text)
    text = _TOWN_ABBR.sub(lambda m: m.group(1) + NBSP, text)
    text = _SPLIT_INITIALS.sub(lambda m: m.group(1) + NBSP, text)
    text = _SURNAME_INITIALS.sub(lambda m: f"{m.group(1)}{NBSP}{m.group(2)}", text)
    text = _INITIALS_SURNAME.sub(lambda m: f"{m.group(1)}{NBSP}{m.group(2)}", text)
    return text


def lines_of(text: str | None) -> list[str]:
    """The non-empty lines of a text, each stripped: one paragraph per line."""
    return [line.strip() for line in clean(text).split("\n") if line.strip()]


def one_line(text: str | None) -> str:
    return " ".join(lines_of(text))


def format_date(value: date | None, style: Style) -> str:
    if value is None:
        return ""
    if style.dates_in_words:
        return f"{value.day}{NBSP}{MONTHS_GEN[value.month - 1]}{NBSP}{value.year}{NBSP}г."
    return ru_date(value)


_NAME_SURNAME_FIRST = re.compile(rf"^({_SURNAME})\s+([А-ЯЁ]\.)\s*([А-ЯЁ]\.)?$")
_NAME_INITIALS_FIRST = re.compile(rf"^([А-ЯЁ]\.)\s*([А-ЯЁ]\.)?\s*({_SURNAME})$")


def signature_name(name: str) -> str:
    """"Гомбоева В.М." or "И. Г. Мясищева" → "В.М. Гомбоева" (ГОСТ: initials before the surname,
    joined by a non-breaking space); any other form stays as written."""
    text = one_line(name).replace(NBSP, " ")
    match = _NAME_SURNAME_FIRST.match(text)
    if match:
        surname, first, second = match.groups()
        return f"{first}{second or ''}{NBSP}{surname}"
    match = _NAME_INITIALS_FIRST.match(text)
    if match:
        first, second, surname = match.groups()
        return f"{first}{second or ''}{NBSP}{surname}"
    return one_line(name)


_ABBREVIATIONS = {"г", "гг", "т.д", "т.п", "др", "пр", "руб", "тыс", "млн", "млрд", "уч", "ч"}


def title_text(title: str) -> str:
    """The title on one line and without a final full stop (ГОСТ), abbreviations kept."""
    text = one_line(title)
    if text.endswith(".") and not text.endswith(".."):
        last = text[:-1].rsplit(" ", 1)[-1].lower()
        if last not in _ABBREVIATIONS and not re.search(r"\b(?:г|гг|т\.д|т\.п)$", last):
            text = text[:-1].rstrip()
    return text


# --- the view ---------------------------------------------------------------------------------

@dataclass
class Para:
    """One paragraph: plain text, a bullet sub-item ("– …"), or text after a bold label."""

    text: str
    bullet: bool = False
    label: str | None = None
    # One of several parties in a cell: its wrapped lines are indented (DOCX, HTML), so that the
    # start of each party shows; the separator the document puts between them ends the text.
    hanging: bool = False
    # The rest of a paragraph cut at a page break (DOCX only, see paging.py): no dash or label
    # again, its lines indented as the wrapped lines before the break.
    continued: bool = False

    @property
    def line(self) -> str:
        """The paragraph as one line of text, with its dash or label."""
        if self.continued:
            return self.text
        if self.bullet:
            return f"{DASH} {self.text}"
        if self.label:
            return f"{self.label} {self.text}".rstrip()
        return self.text


@dataclass
class Block:
    """A requisite in the top-right corner: the appendix mark or the approval stamp."""

    kind: str  # "appendix" | "approval"
    lines: list[str]


@dataclass
class Cell:
    field: str
    paragraphs: list[Para]

    @property
    def text(self) -> str:
        return "\n".join(p.line for p in self.paragraphs)


@dataclass
class Row:
    kind: str  # "section" | "activity"
    level: int = 0               # section nesting (1 = top) or activity depth (0 = top, 1 = child …)
    heading: str = ""            # section rows: "1. Управление …"
    number: str = ""             # activity rows: the number as written
    cells: list[Cell] = field(default_factory=list)
    # Kept on one page: section rows and short activity rows (see ``SHORT_ROW_LINES``); a taller
    # row may break across pages, so that a page is not left a third empty before it.
    whole: bool = True

    @property
    def is_section(self) -> bool:
        return self.kind == "section"


@dataclass
class Part:
    """A run of activity rows under one section heading (for formats without merged cells)."""

    section: Row | None
    rows: list[Row]


@dataclass
class TableView:
    title: str | None
    headers: list[str]
    fields: list[str]
    column_numbers: bool
    rows: list[Row]
    widths: list[float]  # fractions of the table width, summing to 1

    @property
    def activity_count(self) -> int:
        return sum(1 for r in self.rows if not r.is_section)

    @property
    def section_count(self) -> int:
        return sum(1 for r in self.rows if r.is_section)

    def parts(self) -> list[Part]:
        parts: list[Part] = []
        current = Part(None, [])
        for row in self.rows:
            if row.is_section:
                if current.section is not None or current.rows:
                    parts.append(current)
                current = Part(row, [])
            else:
                current.rows.append(row)
        if current.section is not None or current.rows:
            parts.append(current)
        return parts


@dataclass
class OrderView:
    """The order (приказ) the roadmap is an appendix to, as a document of its own."""

    letterhead: list[str]
    kind: str                  # "ПРИКАЗ"
    date: str                  # formatted, or a blank line to fill in
    number: str                # "№ 93/1" or a blank
    place: str
    title: str
    preamble: list[Para]
    command: str               # "ПРИКАЗЫВАЮ:" or ""
    items: list[Para]
    signature_position: str
    signature_name: str


@dataclass
class GanttTask:
    section: str
    title: str
    start: date
    end: date | None  # None: a milestone


@dataclass
class DocumentView:
    source: str
    identity: str
    title: str
    author: str
    date: date
    period: str
    appendix: Block | None
    approval: Block | None
    preamble: list[Para]
    tables: list[TableView]
    working_group: list[str]
    order: OrderView | None
    gantt: list[GanttTask] | None = None
    gantt_note: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def blocks(self) -> list[Block]:
        return [b for b in (self.appendix, self.approval) if b is not None]


# --- building ---------------------------------------------------------------------------------

def document_date(roadmap: Roadmap) -> date:
    """The fixed date of the document properties: the order's date, else the approval's, else the
    first of January of the period's first year."""
    if roadmap.order and roadmap.order.date:
        return roadmap.order.date
    if roadmap.approval and roadmap.approval.date:
        return roadmap.approval.date
    years = re.findall(r"(?<!\d)(20\d\d|19\d\d)(?!\d)", roadmap.period_text or "")
    return date(int(years[0]), 1, 1) if years else date(2020, 1, 1)


def _order_line(roadmap: Roadmap, style: Style, blanks: bool) -> str:
    order = roadmap.order
    if order is None:
        return ""
    when = format_date(order.date, style)
    number = one_line(order.number)
    if not when and not number and not blanks:
        return ""
    return f"от {when or BLANK_DATE} №{NBSP}{number or BLANK_NUMBER}"


SHORT_TAIL = 5  # a last word of up to this many letters does not stand alone on a line


def bind_tail(line: str) -> str:
    """A requisite line whose last word is short keeps it with the word before it («города
    Тулы»): in the narrow corner block a lone short word on a line of its own reads as a stray."""
    head, space, last = line.rpartition(" ")
    if not space or not head.strip() or len(last) > SHORT_TAIL or set(last) <= set("_"):
        return line
    return f"{head}{NBSP}{last}"


def appendix_block(roadmap: Roadmap, style: Style) -> Block | None:
    if roadmap.appendix is None:
        return None
    lines = ["Приложение" + (f" №{NBSP}{one_line(roadmap.appendix.number)}" if roadmap.appendix.number else "")]
    lines += [bind_tail(line) for line in lines_of(roadmap.appendix.to)]
    order_line = _order_line(roadmap, style, blanks=True)
    if order_line:
        lines.append(order_line)
    return Block("appendix", lines)


_INSTRUMENTAL = {"приказ": "приказом", "распоряжение": "распоряжением", "постановление": "постановлением",
                 "решение": "решением", "письмо": "письмом"}
_MASCULINE_HEADS = ("комплекс", "план", "муниципальный", "проект", "перечень")


def approval_block(roadmap: Roadmap, style: Style) -> Block | None:
    approval, order = roadmap.approval, roadmap.order
    order_ref = ""
    if order is not None and roadmap.appendix is None and (order.number or order.date):
        kind = one_line(order.kind) or "приказ"
        short = one_line(roadmap.authority.short)
        who = f" {short}" if short and short.isupper() else ""
        order_ref = f"{kind[:1].upper()}{kind[1:]}{who} {_order_line(roadmap, style, blanks=False)}"
    if approval is not None:
        lines = [(one_line(approval.word) or "Утверждаю").upper()]
        lines += [bind_tail(line) for line in lines_of(approval.position)]
        lines.append(f"{SIGN_LINE} {signature_name(approval.name)}")
        stamp_date = format_date(approval.date, style)
        if stamp_date and not (order_ref and order is not None and order.date == approval.date):
            lines.append(stamp_date)
        if order_ref:
            lines.append(order_ref)
        return Block("approval", lines)
    if order_ref:
        assert order is not None  # a reference is made only to an order
        head = title_text(roadmap.title).lstrip("«\"").split(" ", 1)[0].lower()
        word = "УТВЕРЖДЕН" if head.startswith(_MASCULINE_HEADS) else "УТВЕРЖДЕНА"
        kind = one_line(order.kind).lower() or "приказ"
        short = one_line(roadmap.authority.short)
        by = _INSTRUMENTAL.get(kind, "документом") + (f" {short}" if short and short.isupper() else "")
        return Block("approval", [word, by, _order_line(roadmap, style, blanks=False)])
    return None


def preamble_paras(roadmap: Roadmap) -> list[Para]:
    preamble = roadmap.preamble
    if preamble is None:
        return []
    out: list[Para] = []
    for label, text in (("Проблема:", preamble.problem), ("Цель:", preamble.goal)):
        lines = lines_of(text)
        if lines:
            out.append(Para(lines[0], label=label))
            out.extend(Para(line) for line in lines[1:])
    tasks = [one_line(t) for t in preamble.tasks if one_line(t)]
    if tasks:
        out.append(Para("", label="Задачи:"))
        out.extend(Para(f"{i}. {task}") for i, task in enumerate(tasks, 1))
    return out


def _marks(activity: Activity, style: Style) -> list[Para]:
    out: list[Para] = []
    if activity.status:
        status = one_line(activity.status)
        if activity.done_date:
            status += f" {format_date(activity.done_date, style)}"
        out.append(Para(status))
    for mark in activity.marks:
        text = one_line(mark.text)
        out.append(Para(f"{format_date(mark.date, style)}: {text}" if mark.date else text))
    return out


def _paired(names: list[str], pairs: list[tuple[str, str]]) -> list[str] | None:
    """The parties of a cell that consists of partner pairs only, each pair as one entry
    «A – B» (Мценск 1.3: «№2 - №9, №3 - №1»); None when the cell is anything else."""
    if len(names) < 2 or len(names) % 2:
        return None
    joined = []
    for first, second in zip(names[::2], names[1::2]):
        if (first, second) not in pairs:
            return None
        joined.append(f"{first} {DASH} {second}")
    return joined


def party_paragraphs(owners: list, attr: str, pairs: list[tuple[str, str]] | None = None) -> list[Para]:
    """The responsible parties of a cell as the document wrote them: every entry in its order,
    repeats kept (the activity's own, then a sub-item's that the activity does not name), pairs
    of partner schools as pairs, and a separator after every party but the last — a semicolon
    when a party's own name has a comma («Коршунова Н.В., муниципальный координатор»), else a
    comma — so that a reader sees where one party ends when a long name wraps."""
    own = [one_line(ref.display) for ref in getattr(owners[0], attr)]
    names = [text for text in own if text]
    for owner in owners[1:]:
        for ref in getattr(owner, attr):
            text = one_line(ref.display)
            if text and text not in names:
                names.append(text)
    names = _paired(names, pairs or []) or names
    if len(names) < 2:
        return [Para(text) for text in names]
    separator = ";" if any("," in text for text in names) else ","
    return [Para(text + (separator if i < len(names) - 1 else ""), hanging=True) for i, text in enumerate(names)]


def cell_paragraphs(activity: Activity, name: str, style: Style,
                    pairs: list[tuple[str, str]] | None = None) -> list[Para]:
    """The paragraphs of the column ``name`` (a table's «поле», document/fields.py) of an activity."""
    if name == NUMBER.column:
        return [Para(one_line(activity.number))] if one_line(activity.number) else []
    if name == TEXT.column:
        paras = [Para(line) for line in lines_of(activity.text)]
        for item in activity.subitems:
            lines = lines_of(item.text)
            if lines:
                paras.append(Para(lines[0], bullet=True))
                paras.extend(Para(line) for line in lines[1:])
        return paras
    if name == MARK_COLUMN:
        return _marks(activity, style)
    shown = column_field(name)
    if shown is None:
        return []
    # a field a sub-item shares: the activity's own value, then the sub-items'
    owners = [activity] + (activity.subitems if shown.subitem else [])
    if shown.kind == FieldKind.REFS:
        return party_paragraphs(owners, shown.attr, pairs)
    return [Para(line) for owner in owners for line in lines_of(getattr(owner, shown.attr))]


Pairs = list[tuple[str, str]]


def _activity_rows(activities: list[Activity], fields: list[str], depth: int, style: Style, pairs: Pairs) -> list[Row]:
    rows: list[Row] = []
    for activity in activities:
        cells = [Cell(name, cell_paragraphs(activity, name, style, pairs)) for name in fields]
        rows.append(Row("activity", level=depth, number=one_line(activity.number), cells=cells))
        rows.extend(_activity_rows(activity.children, fields, depth + 1, style, pairs))
    return rows


def _section_rows(section: Section, fields: list[str], level: int, style: Style, pairs: Pairs) -> list[Row]:
    heading = " ".join(x for x in (one_line(section.number), one_line(section.title)) if x)
    rows = [Row("section", level=level, heading=heading)]
    rows += _activity_rows(section.activities, fields, 0, style, pairs)
    for child in section.sections:
        rows += _section_rows(child, fields, level + 1, style, pairs)
    return rows


# --- column widths and row heights -----------------------------------------------------------
#
# Measured in "characters": a Cyrillic letter of a serif face, capitals and punctuation counted
# in, is on average a little over half an em (0.55 em, measured on the bundled appendices in
# LibreOffice). At 12 pt the landscape table (267 mm) holds about 115 of them on a line; at
# another size proportionally more or fewer.

TABLE_CHARS_AT_12PT = 115.0
CELL_PADDING_CHARS = 1.0   # the cell's inner margins, left and right together
SHORT_ROW_LINES = 5        # a row of up to this many lines is kept on one page (docs/rendering.md)
CONTINUED_PART = "(продол-"  # the wider half of the continuation mark (paging.CONTINUED_SPLIT)
MIN_NUMBER_CHARS = 5.0     # the "№" column: at least the width of "№ п/п" in bold
MIN_TEXT_CHARS = 10.0      # any other column (about 2 cm)
LONGEST_UNBROKEN = 18      # a longer word may break rather than widen its column
HANGING_CHARS = 0.4 / 26.7 * 115  # the 0.4 cm hanging indent of a sub-item or a party, in characters


def table_chars(table_size: float) -> float:
    """How many characters of the table's text fit across the table."""
    return TABLE_CHARS_AT_12PT * 12.0 / table_size


# Advance widths of Times New Roman (those of Liberation Serif, its metric twin, which
# LibreOffice uses in its place), in em: the same table paging.py wraps the DOCX text with.
_ADVANCE = {char: units / UNITS_PER_EM for char, units in REGULAR.items()}
_ADVANCE_BOLD = {char: units / UNITS_PER_EM for char, units in BOLD.items()}
CHAR_EM = 0.55  # one "character" of the widths below: the average Cyrillic letter, in em


def text_chars(text: str) -> float:
    """The width of a text in "characters" (``CHAR_EM`` each): its letters as Times New Roman
    sets them, so that «МБОУ» counts wider than «ииии»; any other character as an average one."""
    return sum(_ADVANCE.get(char, CHAR_EM) for char in text) / CHAR_EM


@lru_cache(maxsize=65536)
def paragraph_lines(text: str, width: float, indent: float = 0.0) -> int:
    """Lines a paragraph takes in a column ``width`` characters wide (at least one): its words
    wrapped as a word processor does, a word longer than a line broken inside; ``indent``
    characters less on every line but the first (a hanging indent)."""
    room = max(1.0, width - CELL_PADDING_CHARS)
    space = text_chars(" ")
    lines, used, per_line = 1, 0.0, room
    for word in text.split():
        size = text_chars(word)
        if used and used + space + size <= per_line + 1e-9:
            used += space + size
            continue
        if used:
            lines += 1
            per_line = max(1.0, room - indent)
        while size > per_line:  # a word longer than a line
            lines += 1
            size -= per_line
            per_line = max(1.0, room - indent)
        used = size
    return lines


def row_lines(row: Row, widths: list[float]) -> int:
    """The height of an activity row in lines: its tallest cell. ``widths`` in characters."""
    return max(
        [sum(paragraph_lines(p.line, width, HANGING_CHARS if p.hanging or p.bullet else 0.0) for p in cell.paragraphs)
         for cell, width in zip(row.cells, widths)] + [1]
    )


# Where a line may break: at a space, and after a hyphen or a dash between letters or digits (as
# LibreOffice does: «Сентябрь-|октябрь», «2020-|2021»; paging.py breaks the same way).
_UNBROKEN = re.compile(r"[ \t\n]+|(?<=[^\W_][-–])(?=[^\W_])")


def _longest_word(texts: list[str]) -> float:
    """The longest run of characters a line cannot break (a non-breaking space binds)."""
    return max((text_chars(word) for text in texts for word in _UNBROKEN.split(text)), default=1.0)


def _share(minimum: list[float], weight: list[float], total: float) -> list[float]:
    """``total`` shared in proportion to ``weight``; a column whose share falls below its
    minimum gets the minimum and the others share what is left."""
    fixed = [w <= 0 for w in weight]
    while True:
        free = total - sum(m for m, f in zip(minimum, fixed) if f)
        weights = sum(w for w, f in zip(weight, fixed) if not f) or 1.0
        widths = [m if f else free * w / weights for m, w, f in zip(minimum, weight, fixed)]
        short = [i for i, (x, m, f) in enumerate(zip(widths, minimum, fixed)) if not f and x < m]
        if not short:
            return widths
        for i in short:
            fixed[i] = True


def _table_lines(rows: list[Row], widths: list[float]) -> int:
    return sum(row_lines(row, widths) for row in rows)


def header_lines(headers: list[str], widths: list[float]) -> int:
    """The height of the (bold) header row in lines; ``widths`` in characters."""
    def bold_lines(text: str, width: float) -> int:
        room = max(1.0, width - CELL_PADDING_CHARS)
        lines, used = 1, 0.0
        for word in text.split():
            size = sum(_ADVANCE_BOLD.get(char, CHAR_EM) for char in word) / CHAR_EM
            if used and used + text_chars(" ") + size <= room + 1e-9:
                used += text_chars(" ") + size
            elif used:
                lines, used = lines + 1, size
            else:
                used = size
        return lines

    return max(bold_lines(text, width) for text, width in zip(headers, widths))


LINES_PER_PAGE = 33  # table lines of 12 pt on a landscape page under the header


def column_widths(headers: list[str], fields: list[str], rows: list[Row], across: float = TABLE_CHARS_AT_12PT) -> list[float]:
    """Column widths from the text actually in each column, as fractions of the table width.

    Every column has a minimum: the "№" column fits its longest number and the words of its
    header; any other column fits its longest word (up to ``LONGEST_UNBROKEN`` characters) and
    the words of its header. The rest of the width is first shared in proportion to the amount
    of text each column holds; then width moves, a few characters at a time, from one column to
    another for as long as that makes the table shorter (fewer lines in all, each row as tall as
    its tallest cell), never below a minimum and never making the activity column narrower than
    another one. The result depends only on the text, so the same table gets the same widths.
    """
    n = len(fields)
    body = [r for r in rows if not r.is_section]
    texts = [[p.line for r in body for p in r.cells[i].paragraphs] for i in range(n)]
    minimum: list[float] = []
    weight: list[float] = []
    for i, name in enumerate(fields):
        header_word = _longest_word([headers[i]]) * 1.15  # the header is bold, so wider
        if name == NUMBER.column:
            longest = max([text_chars(t) for t in texts[i]] + [3.0, header_word])
            least = max(MIN_NUMBER_CHARS, longest + 2.5)
            if any(row_lines(r, [across / n] * n) > SHORT_ROW_LINES for r in body):
                # a tall row may be cut at a page break: its rest reads «(продол-» «жение)» here
                least = max(least, text_chars(CONTINUED_PART) + CELL_PADDING_CHARS + 0.2)
            minimum.append(math.ceil(least))
            weight.append(0.0)
            continue
        word = max(min(_longest_word(texts[i]), LONGEST_UNBROKEN), header_word)
        minimum.append(math.ceil(max(MIN_TEXT_CHARS, word + 2.5)))
        weight.append(float(sum(text_chars(t) for t in texts[i])) or 1.0)
    if NUMBER.column in fields:
        # The number column is the narrowest.
        number = minimum[fields.index(NUMBER.column)]
        minimum = [m if name == NUMBER.column else max(m, number + 1) for m, name in zip(minimum, fields)]
    activity = fields.index(TEXT.column) if TEXT.column in fields else None
    if activity is not None:
        minimum[activity] = max(minimum)
    if sum(minimum) >= across:
        return [m / sum(minimum) for m in minimum]
    widths = [float(round(x)) for x in _share(minimum, weight, across)]
    # Rounding may leave a character or two: the widest text column takes them.
    widths[max(range(n), key=lambda i: (weight[i], -i))] += across - sum(widths)

    def allowed(candidate: list[float]) -> bool:
        if any(x < m for x, m in zip(candidate, minimum)):
            return False
        # the activity column the widest (strictly: rounding to twips must not make another wider)
        return activity is None or all(candidate[activity] > x for i, x in enumerate(candidate) if i != activity)

    def height(candidate: list[float]) -> float:
        # the rows, and the header row repeated on every page the table takes
        body_lines = _table_lines(body, candidate)
        return body_lines + header_lines(headers, candidate) * math.ceil(body_lines / LINES_PER_PAGE)

    if body and allowed(widths):
        lines = height(widths)
        for step in (8.0, 4.0, 2.0, 1.0):
            while True:
                best = None
                for i in range(n):
                    for j in range(n):
                        if i == j or weight[i] <= 0:
                            continue
                        candidate = list(widths)
                        candidate[i] += step
                        candidate[j] -= step
                        if not allowed(candidate):
                            continue
                        value = height(candidate)
                        if value < lines and (best is None or value < best[0]):
                            best = (value, candidate)
                if best is None:
                    break
                lines, widths = best
    return [w / across for w in widths]


def table_view(table: Table, style: Style, pairs: Pairs | None = None) -> TableView:
    fields = [c.field for c in table.columns]
    headers = [one_line(c.header) for c in table.columns]
    pairs = pairs or []
    rows = _activity_rows(table.activities, fields, 0, style, pairs)
    for section in table.sections:
        rows += _section_rows(section, fields, 1, style, pairs)
    across = table_chars(style.table_size)
    widths = column_widths(headers, fields, rows, across)
    for row in rows:
        if not row.is_section:
            row.whole = row_lines(row, [w * across for w in widths]) <= SHORT_ROW_LINES
    # The last row of a table is never split: the last page then never holds only a tail.
    if rows and not rows[-1].is_section:
        rows[-1].whole = True
    return TableView(
        title=one_line(table.title) or None,
        headers=headers,
        fields=fields,
        column_numbers=table.column_numbers,
        rows=rows,
        widths=widths,
    )


def _surnames(names: list[str]) -> set[str]:
    out = set()
    for name in names:
        for word in re.findall(_SURNAME, name.replace(NBSP, " ")):
            out.add(word)
    return out


def working_group_lines(roadmap: Roadmap, order: OrderView | None) -> list[str]:
    lines = []
    for person in roadmap.working_group:
        parts = [one_line(person.name), one_line(person.position), one_line(person.role)]
        lines.append(", ".join(p for p in parts if p))
    if order is not None and lines:
        # The order often lists the group itself (001, item 2): then it is not repeated.
        listed = " ".join(p.text for p in order.items).replace(NBSP, " ")
        names = [one_line(p.name).replace(NBSP, " ") for p in roadmap.working_group]
        if all(any(word in listed for word in _surnames([name])) for name in names):
            return []
    return lines


def order_view(roadmap: Roadmap, style: Style) -> OrderView | None:
    order = roadmap.order
    if order is None or not (order.title or order.preamble or order.items or order.signatory):
        return None
    kind = one_line(order.kind) or "приказ"
    items: list[Para] = []
    for item in order.items:
        lines = lines_of(item.text)
        number = one_line(item.number)
        if lines:
            items.append(Para(f"{number} {lines[0]}".strip()))
            items.extend(Para(line) for line in lines[1:])
        items.extend(Para(one_line(x), bullet=True) for x in item.list_items if one_line(x))
    signatory = order.signatory
    return OrderView(
        # the blank as the document writes it («бланк»), region included; else the authority's name
        letterhead=[one_line(line) for line in roadmap.authority.letterhead] or lines_of(roadmap.authority.name),
        kind=kind.upper(),
        date=format_date(order.date, style) or BLANK_DATE,
        number=f"№{NBSP}{one_line(order.number) or BLANK_NUMBER}",
        place=one_line(order.place),
        title=title_text(order.title or ""),
        preamble=[Para(line) for line in lines_of(order.preamble)],
        command="ПРИКАЗЫВАЮ:" if kind.lower() == "приказ" and items else "",
        items=items,
        signature_position=one_line(signatory.position) if signatory else "",
        signature_name=signature_name(signatory.name) if signatory else "",
    )


def identity_of(roadmap: Roadmap) -> str:
    """Which roadmap a rendering is of: its file name and municipality."""
    from pathlib import PurePath

    name = PurePath(roadmap.file.replace("\\", "/")).name if roadmap.file else "-"
    return f"{name}|{one_line(roadmap.municipality)}"


# An approval stamp to fill in by hand (ГОСТ Р 7.0.97, 5.17): the word, a line for the position,
# the signature with its transcript, the date. The date line does not wrap.
BLANK_APPROVAL = [
    "УТВЕРЖДАЮ",
    "______________________________",
    "______________________________",
    f"{SIGN_LINE} ________________",
    f"«____»{NBSP}____________{NBSP}20___{NBSP}г.",
]


def build_view(roadmap: Roadmap, style: Style, *, with_order: bool = False, gantt: bool = False,
               blank_approval: bool = False) -> DocumentView:
    order = order_view(roadmap, style) if with_order else None
    approval = approval_block(roadmap, style)
    if approval is None and blank_approval:
        approval = Block("approval", list(BLANK_APPROVAL))
    view = DocumentView(
        source=roadmap.file,
        identity=identity_of(roadmap),
        title=title_text(roadmap.title),
        author=one_line(roadmap.authority.name),
        date=document_date(roadmap),
        period=one_line(roadmap.period_text),
        appendix=appendix_block(roadmap, style),
        approval=approval,
        preamble=preamble_paras(roadmap),
        tables=[table_view(t, style, [(one_line(p.school), one_line(p.partner)) for p in roadmap.pairs])
                for t in roadmap.tables],
        working_group=working_group_lines(roadmap, order) if with_order else [],
        order=order,
    )
    if with_order and order is None:
        view.notes.append("в дорожной карте нет текста приказа; выводится только приложение")
    if gantt:
        view.gantt, view.gantt_note = gantt_tasks(roadmap)
    return view


# --- the deadline chart -----------------------------------------------------------------------

def gantt_tasks(roadmap: Roadmap) -> tuple[list[GanttTask] | None, str | None]:
    """Dated deadlines for a timeline: a bar from start to due, or milestones on each date;
    deadlines without dates are left out."""
    from roadmapctl.deadlines import Kind
    from roadmapctl.document.schedule import activity_term_or_none, roadmap_period_or_reason

    period, reason = roadmap_period_or_reason(roadmap)
    if period is None:
        return None, f"диаграмма сроков не построена: период «{roadmap.period_text}» не распознан ({reason})"
    tasks: list[GanttTask] = []
    for placed in roadmap.placed_activities():
        activity = placed.activity
        term = activity_term_or_none(activity, period)
        if term is None:
            continue  # a broken explicit deadline is the linter's business, not the chart's
        if term.kind in (Kind.MISSING, Kind.UNKNOWN, Kind.SCHEDULE):
            continue
        section = placed.section_titles[-1] if placed.section_titles else ""
        number = one_line(activity.number)
        text = one_line(activity.text)
        title = f"{number} {text}".strip()
        if term.start and term.due and term.start < term.due:
            tasks.append(GanttTask(one_line(section), title, term.start, term.due))
            continue
        dates = list(term.dates) or ([term.due] if term.due else [])
        for d in dates:
            tasks.append(GanttTask(one_line(section), title, d, None))
    return tasks, None
