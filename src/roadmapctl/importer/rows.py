"""Grid rows → sections and activities.

Handles what real tables do: section rows (one filled cell, a merged row, a bold title), nested
section numbers (1. → 1.1.), child activities (4.6 → 4.6.1), bullet sub-items with their own
deadlines, rows split by a page break (a row without a number continues the previous activity),
the column-number row "1 2 3 4 5", repeated headers, extraction artifacts ("-- -- --"), and rows
of extracted text with a cell too many or too few.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from roadmapctl.document import fields
from roadmapctl.importer.cells import (
    distribute_deadlines,
    looks_like_deadline,
    split_activity_cell,
    split_paragraphs,
    starts_item,
)
from roadmapctl.importer.columns import Header, is_column_numbers
from roadmapctl.importer.grid import Cell, Para, Row
from roadmapctl.importer.guesses import GuessLog, shorten

NUMBER = re.compile(r"^(?:\d{1,3}(?:\s?\.\s?\d{1,3})*\.?|[IVXLC]{1,6}\.?)$")
# roadmapctl's own DOCX: the rest of an activity cut at a page break («2.1. (продолжение)»,
# «(продол-» «жение)» in a narrow column; render/paging.py)
CONTINUED_ROW = re.compile(r"^(?P<num>\S+)\s+\((?:продолжение|продол-\s*жение)\)$")
SECTION_HEAD = re.compile(r"^(?P<num>(?:[IVXLC]{1,6}|\d{1,2}(?:\.\d{1,3}){0,3})\.?)\s+(?P<title>\S.*)$", re.S)
LOOSE_SECTION = re.compile(r"^(?:(?:[Рр]аздел|РАЗДЕЛ|[Бб]лок|[Ээ]тап|[Нн]аправление)\s+[\dIVXLC]+\.?|[IVXLC]{1,6}\.)\s+[А-ЯЁA-Z«\"]")
ARTIFACT = re.compile(r"^[-–—_=.*\s]*$")


def parts(number: str | None) -> tuple[int, ...]:
    return tuple(int(x) for x in re.findall(r"\d+", number or ""))


@dataclass
class ActivityDraft:
    number: str
    where: str
    cells: dict[str, list[Para]] = field(default_factory=dict)
    comments: list[str] = field(default_factory=list)
    children: list["ActivityDraft"] = field(default_factory=list)
    # filled by finalize()
    text: str = ""
    subitems: list = field(default_factory=list)  # str or {"текст": …, "срок": …}
    responsible_paras: list[str] = field(default_factory=list)
    responsible: list = field(default_factory=list)  # str or {"кто", "уточнение", "связка"}
    deadline: str | None = None
    note: str | None = None
    texts: dict[str, str] = field(default_factory=dict)  # the plain text fields (PLAIN_TEXT_FIELDS) by key

    @property
    def label(self) -> str:
        return f"мероприятие {self.number} ({self.where})"

    def value(self, f: fields.Field) -> object:
        """What the draft holds for the field ``f`` of document/fields.py (None: nothing)."""
        if f.key in self.texts:
            return self.texts[f.key]
        return getattr(self, f.attr, None)


# The fields finalize() reads with code of its own: the number, the activity text with its sub-items,
# the deadline, the note (which also collects the mark column and the columns not recognised).
OWN_CODE = frozenset({fields.NUMBER.key, fields.TEXT.key, fields.DEADLINE.key, fields.NOTE.key})


def plain_text_fields() -> tuple[fields.Field, ...]:
    """Every other text field of document/fields.py that has a column of its own: its value is the
    text of its cells, so a new field needs only its header words in importer/columns.py."""
    return tuple(f for f in fields.ACTIVITY_FIELDS
                 if f.kind is fields.Kind.TEXT and f.column == f.key and f.key not in OWN_CODE)


@dataclass
class SectionDraft:
    title: str
    number: str | None
    where: str
    activities: list[ActivityDraft] = field(default_factory=list)
    sections: list["SectionDraft"] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)


@dataclass
class TableDraft:
    columns: list[tuple[str, str]]  # (field, header as written)
    where: str
    title: str | None = None
    column_numbers: bool = False
    activities: list[ActivityDraft] = field(default_factory=list)
    sections: list[SectionDraft] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    title_comments: list[str] = field(default_factory=list)

    def walk(self):
        """Every activity with its children, in document order."""
        def rec(items):
            for item in items:
                yield item
                yield from rec(item.children)

        def sections(secs):
            for sec in secs:
                yield from rec(sec.activities)
                yield from sections(sec.sections)

        yield from rec(self.activities)
        yield from sections(self.sections)


# --------------------------------------------------------------------------- cells of a row


def _merge_cells(cells: list[Cell]) -> Cell:
    paras = [p for cell in cells for p in cell.paras if not p.empty]
    return Cell(paras)


def fit_row(row: Row, header: Header, log: GuessLog) -> list[Cell]:
    """The row's cells, one per column of the header.

    Word rows are exact. Extracted text may carry an empty cell too many (a merged-cell artifact:
    the empty cell is dropped) or a cell too few (the cell of a missing deadline: when the text
    standing in the deadline column is not a deadline, the cells from there on move right).
    """
    n = len(header.columns)
    cells = list(row.cells)
    if row.exact:
        return (cells + [Cell() for _ in range(n - len(cells))])[:n]
    if len(cells) == n:
        return cells
    if len(cells) > n:
        while len(cells) > n:
            if cells[-1].empty:
                cells.pop()
                continue
            empty = [i for i in range(1, len(cells) - 1) if cells[i].empty]
            if not empty:
                extra = cells[n - 1:]
                cells = cells[: n - 1] + [_merge_cells(extra)]
                log.add(row.where, f"в строке больше ячеек ({len(row.cells)}), чем колонок ({n}); лишние ячейки "
                                   f"присоединены к колонке «{header.columns[-1].header}»")
                break
            del cells[empty[-1]]
        return cells
    given = len(cells)
    cells = cells + [Cell() for _ in range(n - given)]
    deadline = header.index(fields.DEADLINE.column)
    if deadline is not None and deadline < given and deadline < n - 1:
        piece = cells[deadline]
        if not piece.empty and not looks_like_deadline(piece.text):
            shift = n - given
            cells = cells[:deadline] + [Cell() for _ in range(shift)] + cells[deadline:given]
            target = header.columns[min(deadline + shift, n - 1)].header
            row.shift_note = (f"в строке не хватает ячейки: текст «{shorten(piece.text, 40)}» стоял в колонке сроков, "
                              f"но на срок не похож и перенесён в колонку «{target}»")
    return cells


# --------------------------------------------------------------------------- classification


class EntryKind(Enum):
    """What a row of a table is, decided once by :func:`classify`."""

    SECTION = "section"  # a section title
    ACTIVITY = "activity"  # an activity (with its number, or none)
    CONT = "cont"  # the continuation of the activity above (a row without a number)
    LOOSE = "loose"  # a line standing among the rows, not in cells
    SKIP = "skip"  # empty, an extraction artifact, the header repeated
    COLNUMS = "colnums"  # the column numbers «1 2 3 …»


@dataclass
class _Entry:
    kind: EntryKind
    row: Row
    cells: list[Cell] = field(default_factory=list)
    number: str | None = None
    title: str | None = None


def _is_number(text: str) -> bool:
    return bool(NUMBER.match(text.strip()))


def classify(rows: list[Row], header: Header, log: GuessLog) -> list[_Entry]:
    entries: list[_Entry] = []
    header_texts = [re.sub(r"\s+", " ", c.header).strip().lower() for c in header.columns]
    number_col = header.index(fields.NUMBER.column)
    activity_col = header.index(fields.TEXT.column)
    auto_numbered: list[tuple[str, str]] = []
    for row in rows:
        if row.loose:
            text = " ".join(c.text for c in row.cells if not c.empty)
            if LOOSE_SECTION.match(text) or (all(c.bold for c in row.cells if not c.empty) and text[:1].isupper()
                                             and len(text) <= 200):
                # a section title typed as a line of its own among the rows («I. …», «Раздел 2. …»)
                entries.append(_section_entry(row, text))
            else:
                entries.append(_Entry(EntryKind.LOOSE, row, row.cells))
            continue
        if all(ARTIFACT.match(cell.text) for cell in row.cells):
            entries.append(_Entry(EntryKind.SKIP, row))  # empty, or an extraction artifact such as "-- -- --"
            continue
        cells = fit_row(row, header, log)
        texts = [c.text.strip() for c in cells]
        filled = [i for i, t in enumerate(texts) if t]
        if is_column_numbers(texts):
            entries.append(_Entry(EntryKind.COLNUMS, row))
            continue
        if [re.sub(r"\s+", " ", t).lower() for t in texts] == header_texts:
            entries.append(_Entry(EntryKind.SKIP, row))  # the header repeated on a new page
            continue
        if number_col is not None and cells[number_col].vmerged:
            cells = list(cells)
            cells[number_col] = Cell()
            texts[number_col] = ""
            filled = [i for i, t in enumerate(texts) if t]
        if not any(e.kind in (EntryKind.SECTION, EntryKind.ACTIVITY) for e in entries) and number_col is not None and \
                not texts[number_col] and all(len(texts[i]) <= 40 for i in filled) and \
                any(not header.columns[i].header for i in filled if i < len(header.columns)):
            entries.append(_Entry(EntryKind.SKIP, row))
            log.add(row.where, "вторая строка заголовка таблицы («" + "», «".join(texts[i] for i in filled)
                    + "») пропущена: колонки, объединённые в заголовке, импорт не разделяет")
            continue
        number_text = texts[number_col] if number_col is not None else ""
        if number_col is not None and not number_text and cells[number_col].auto_number and \
                any(texts[i] for i in range(len(texts)) if i != number_col):
            number_text = cells[number_col].auto_number or ""
            auto_numbered.append((row.where, number_text))
        continued = CONTINUED_ROW.match(" ".join(number_text.split()))
        previous = next((e for e in reversed(entries) if e.kind in (EntryKind.SECTION, EntryKind.ACTIVITY)), None)
        if continued and number_col is not None and previous is not None and previous.kind is EntryKind.ACTIVITY \
                and previous.number == continued.group("num"):
            cells = list(cells)
            cells[number_col] = Cell()
            entries.append(_Entry(EntryKind.CONT, row, cells, number=continued.group("num")))
            continue
        opening = next((i for i in range(len(cells)) if i != number_col), None)
        if opening is not None and cells[opening].paras and cells[opening].paras[0].text == "(продолжение)" \
                and previous is not None and previous.kind is EntryKind.ACTIVITY and previous.number == (number_text.strip() or None):
            # the same, where the number column was too narrow for the word: it opens the first text cell
            cells = list(cells)
            cells[opening] = Cell(cells[opening].paras[1:])
            if number_col is not None:
                cells[number_col] = Cell()
            entries.append(_Entry(EntryKind.CONT, row, cells, number=previous.number or ""))
            continue
        only = filled[0] if len(filled) == 1 else None
        if row.merged or (only is not None and only in (0, number_col) and only != activity_col
                          and not _is_number(texts[only])):
            title = texts[only] if only is not None else " ".join(t for t in texts if t)
            entries.append(_section_entry(row, title))
            continue
        if only is not None and only == activity_col and not number_text:
            text = texts[only]
            if SECTION_HEAD.match(text) or cells[only].bold:
                entries.append(_section_entry(row, text))
                continue
        if number_text:
            if not _is_number(number_text):
                head = SECTION_HEAD.match(number_text)
                if head and activity_col is not None and not texts[activity_col]:
                    # the number and the text share the first cell
                    number_text = head.group("num")
                    cells = list(cells)
                    cells[activity_col] = Cell([Para(head.group("title"))])
                    log.add(row.where, f"номер и текст мероприятия стояли в одной ячейке; разделены: «{number_text}»")
                else:
                    log.add(row.where, f"в колонке номеров стоит не номер: «{shorten(number_text, 30)}»; оставлено как написано")
            entries.append(_Entry(EntryKind.ACTIVITY, row, cells, number=number_text.strip()))
            continue
        if number_col is None:
            entries.append(_Entry(EntryKind.ACTIVITY, row, cells, number=None))
            continue
        entries.append(_Entry(EntryKind.CONT, row, cells))
    if auto_numbered:
        first, last = auto_numbered[0], auto_numbered[-1]
        span = f"«{first[1]}»" if len(auto_numbered) == 1 else f"«{first[1]}» … «{last[1]}» ({len(auto_numbered)})"
        log.add(first[0], f"номера мероприятий {span} проставлены автоматической нумерацией Word (в тексте ячеек их нет); "
                          "импорт вычислил их по порядку — сверьте с документом")
    return entries


def _section_entry(row: Row, title: str) -> _Entry:
    title = " ".join(title.split("\n")).strip()
    head = SECTION_HEAD.match(title)
    if head:
        return _Entry(EntryKind.SECTION, row, number=head.group("num"), title=head.group("title").strip())
    return _Entry(EntryKind.SECTION, row, number=None, title=title)


# --------------------------------------------------------------------------- joining pieces



def join_paras(existing: list[Para], piece: list[Para]) -> list[Para]:
    """Append a continuation piece to a cell: its first paragraph continues the last one (with a
    space) unless it starts a list item; the rest are paragraphs of their own."""
    piece = [p for p in piece if not p.empty]
    if not piece:
        return existing
    if not existing:
        return list(piece)
    first, rest = piece[0], piece[1:]
    if starts_item(first):
        return existing + piece
    last = existing[-1]
    joined = Para(last.text.rstrip() + " " + first.text.lstrip(), bold=last.bold, bullet=last.bullet, line=last.line)
    return existing[:-1] + [joined] + rest


# --------------------------------------------------------------------------- the tree


def _gap(previous: tuple[int, ...], following: tuple[int, ...]) -> bool:
    """Whether ``following`` skips a number after ``previous`` at its own level."""
    if not previous or not following:
        return False
    level = len(following)
    if level > len(previous):
        return following[:len(previous)] == previous and following[-1] > 1
    return following[:-1] == previous[:level - 1] and following[-1] > previous[level - 1] + 1


class _Builder:
    def __init__(self, table: TableDraft, header: Header, log: GuessLog):
        self.table = table
        self.header = header
        self.log = log
        self.sections: list[SectionDraft] = []
        self.activities: list[ActivityDraft] = []  # the chain of open parents in the current container
        self.last: ActivityDraft | None = None
        self.pending: list[str] = []  # comments waiting for the next item
        self.counter = 0

    @property
    def section(self) -> SectionDraft | None:
        return self.sections[-1] if self.sections else None

    def _take_pending(self, target) -> None:
        if self.pending:
            target.comments.extend(self.pending)
            self.pending = []

    def add_section(self, number: str | None, title: str, row: Row) -> SectionDraft:
        section = SectionDraft(title=title, number=number, where=row.where)
        mine = parts(number)
        if mine:
            while self.sections and not (parts(self.sections[-1].number) and mine[:len(parts(self.sections[-1].number))] == parts(self.sections[-1].number) and len(mine) > len(parts(self.sections[-1].number))):
                self.sections.pop()
        else:
            self.sections = []
        container = self.sections[-1].sections if self.sections else self.table.sections
        container.append(section)
        self.sections.append(section)
        self.activities = []
        self.last = None
        self._take_pending(section)
        return section

    def add_activity(self, number: str | None, cells: list[Cell], row: Row) -> ActivityDraft:
        if number is None:
            self.counter += 1
            number = str(self.counter)
            if self.counter == 1:
                self.log.add(row.where, "в таблице нет колонки номеров; мероприятия пронумерованы по порядку", self.table)
        activity = ActivityDraft(number=number, where=row.where)
        for column, cell in zip(self.header.columns, cells):
            if column.field == fields.NUMBER.column:
                continue
            key = column.field or "?" + column.header
            if not cell.empty:
                activity.cells[key] = [p for p in cell.paras if not p.empty]
                if cell.vmerged:
                    activity.comments.append(f"ячейка колонки «{column.header}» объединена с ячейкой строки выше; "
                                             "её текст отнесён и к этому мероприятию")
                    self.log.add(row.where, f"ячейка колонки «{column.header}» объединена по вертикали с ячейкой "
                                            f"строки выше; её текст отнесён и к мероприятию {number}")
        if row.reader_note:
            activity.comments.append(row.reader_note)
            self.log.add(row.where, f"{row.reader_note} (мероприятие {number})")
        if row.shift_note:
            activity.comments.append(row.shift_note + "; срока у мероприятия нет")
            self.log.add(row.where, row.shift_note + f"; у мероприятия {number} срока нет")
        mine = parts(number)
        while self.activities and not (mine and len(mine) == len(parts(self.activities[-1].number)) + 1
                                       and mine[:-1] == parts(self.activities[-1].number)):
            self.activities.pop()
        if self.activities:
            self.activities[-1].children.append(activity)
        elif self.section is not None:
            self.section.activities.append(activity)
        else:
            self.table.activities.append(activity)
        self.activities.append(activity)
        self.last = activity
        self._take_pending(activity)
        return activity

    def continue_cut(self, cells: list[Cell]) -> None:
        """The rest of the last activity after a page break, marked so by roadmapctl's renderer:
        a paragraph it cut goes on where it stopped (after a space, or right after a hyphen), the
        others stay paragraphs of their own. Nothing was guessed, so nothing is noted."""
        activity = self.last
        if activity is None:
            return
        for column, cell in zip(self.header.columns, cells):
            if column.field == fields.NUMBER.column or cell.empty:
                continue
            key = column.field or "?" + column.header
            have = activity.cells.get(key, [])
            piece = [p for p in cell.paras if not p.empty]
            if have and piece and piece[0].continued:
                last, first = have[-1], piece[0]
                glue = "" if re.search(r"\w-$", last.text) and first.text[:1].isalnum() else " "
                have = have[:-1] + [Para(last.text + glue + first.text, bold=last.bold, bullet=last.bullet, line=last.line)]
                piece = piece[1:]
            activity.cells[key] = have + piece

    def continue_activity(self, cells: list[Cell], row: Row, loose: bool = False) -> None:
        activity = self.last
        if activity is None:
            text = " ".join(c.text for c in cells if not c.empty)
            section = self.section
            if section is not None and not section.activities and not section.sections:
                section.title = (section.title + " " + " ".join(text.split())).strip()
                self.log.add(row.where, f"строка без номера сразу после заголовка раздела присоединена к его названию: "
                                        f"«{shorten(text, 40)}»", section)
                return
            self.add_activity(None if self.header.index(fields.NUMBER.column) is None else "б/н", cells if not loose else self._loose_cells(cells), row)
            self.log.add(row.where, "строка без номера перед первым мероприятием записана как мероприятие «б/н»; "
                                    "укажите номер", self.last)
            return
        if loose:
            field_name = fields.TEXT.column
            activity.cells[field_name] = join_paras(activity.cells.get(field_name, []), [p for c in cells for p in c.paras])
            fragment = shorten(cells[0].text if cells else "", 40)
            activity.comments.append(f"строка вне колонок таблицы («{fragment}», {row.where}) присоединена к тексту "
                                     "мероприятия через пробел")
            self.log.add(row.where, f"строка вне колонок таблицы («{fragment}») присоединена к тексту мероприятия "
                                    f"{activity.number}")
            return
        deadline_col = self.header.index(fields.DEADLINE.column)
        moved = None
        if deadline_col is not None and deadline_col + 1 < len(cells):
            piece = cells[deadline_col]
            after = cells[deadline_col + 1]
            have = activity.cells.get(fields.DEADLINE.column)
            if (not piece.empty and after.empty and not looks_like_deadline(piece.text)
                    and have and looks_like_deadline(" ".join(p.text for p in have))):
                cells = list(cells)
                cells[deadline_col + 1], cells[deadline_col] = piece, Cell()
                moved = self.header.columns[deadline_col + 1].header
        joined_fields = []
        for column, cell in zip(self.header.columns, cells):
            if column.field == fields.NUMBER.column or cell.empty or cell.vmerged:
                continue
            key = column.field or "?" + column.header
            activity.cells[key] = join_paras(activity.cells.get(key, []), cell.paras)
            joined_fields.append(column.header)
        if not joined_fields:
            return
        columns = ", ".join(f"«{name}»" for name in joined_fields)
        message = (f"строка без номера ({row.where}) — продолжение мероприятия {activity.number} после разрыва "
                   f"страницы; её текст присоединён через пробел (колонки {columns})")
        if moved:
            message += f"; текст из колонки сроков на срок не похож и перенесён в колонку «{moved}»"
        if row.shift_note:
            message += "; " + row.shift_note
        activity.comments.append(message)
        self.log.add(row.where, message.replace(f" ({row.where})", ""))

    def _loose_cells(self, cells: list[Cell]) -> list[Cell]:
        out = [Cell() for _ in self.header.columns]
        index = self.header.index(fields.TEXT.column) or 0
        out[index] = _merge_cells(cells)
        return out

    def orphan(self, cells: list[Cell], row: Row, following: str) -> None:
        text = " / ".join(c.text for c in cells if not c.empty)
        self.pending.append(f"фрагмент «{shorten(text, 80)}» ({row.where}) не присоединён ни к одному мероприятию: "
                            f"сразу за ним {following} — вероятно, часть текста потеряна при извлечении")
        self.log.add(row.where, f"фрагмент «{shorten(text, 50)}» не присоединён: за ним {following}; "
                                "вероятно, текст потерян при извлечении")


def _following_gap(entries: list[_Entry], index: int, builder: _Builder) -> str | None:
    """When the next numbered row after a continuation skips a number, describe the gap."""
    for entry in entries[index + 1:]:
        if entry.kind not in (EntryKind.SECTION, EntryKind.ACTIVITY):
            continue
        if entry.kind is EntryKind.SECTION:
            current = builder.section
            mine, theirs = parts(entry.number), parts(current.number) if current else ()
            if mine and theirs and len(mine) <= len(theirs) and _gap(theirs[:len(mine)], mine):
                missing = ".".join(str(x) for x in mine[:-1] + (mine[-1] - 1,))
                return f"пропуск в нумерации (нет раздела {missing})"
            last = builder.last
            if mine and last is not None and parts(last.number) and len(mine) <= len(parts(last.number)):
                if _gap(parts(last.number)[:len(mine)], mine):
                    missing = ".".join(str(x) for x in mine[:-1] + (mine[-1] - 1,))
                    return f"пропуск в нумерации (нет раздела {missing})"
            return None
        if entry.kind is EntryKind.ACTIVITY:
            last = builder.last
            mine = parts(entry.number)
            if last is not None and mine and parts(last.number):
                previous = parts(last.number)
                if len(mine) <= len(previous) and _gap(previous[:len(mine)], mine):
                    missing = ".".join(str(x) for x in mine[:-1] + (mine[-1] - 1,))
                    return f"пропуск в нумерации (нет мероприятия {missing})"
            return None
    return None


def assemble(rows: list[Row], header: Header, table: TableDraft, log: GuessLog) -> TableDraft:
    """Fill ``table`` with the sections and activities of ``rows`` (the rows after the header)."""
    entries = classify(rows, header, log)
    builder = _Builder(table, header, log)
    for index, entry in enumerate(entries):
        if entry.kind is EntryKind.SKIP:
            continue
        if entry.kind is EntryKind.COLNUMS:
            table.column_numbers = True
            continue
        if entry.kind is EntryKind.SECTION:
            builder.add_section(entry.number, entry.title or "", entry.row)
        elif entry.kind is EntryKind.ACTIVITY:
            builder.add_activity(entry.number, entry.cells, entry.row)
        elif entry.kind is EntryKind.CONT and entry.number is not None:
            builder.continue_cut(entry.cells)
        elif entry.kind in (EntryKind.CONT, EntryKind.LOOSE):
            gap = _following_gap(entries, index, builder) if builder.last is not None else None
            if gap:
                builder.orphan(entry.cells, entry.row, gap)
            else:
                builder.continue_activity(entry.cells, entry.row, loose=entry.kind is EntryKind.LOOSE)
    if builder.pending:
        table.comments.extend(builder.pending)
    return table


def finalize(activity: ActivityDraft, inline: bool, log: GuessLog) -> None:
    """Turn the collected cell paragraphs into the activity's fields."""
    cells = activity.cells
    text, items = split_activity_cell(cells.get(fields.TEXT.column, []), inline)
    activity.text = text
    if inline and "\n" in text and "\n" not in " ".join(p.text for p in cells.get(fields.TEXT.column, [])):
        log.add(activity.label, "в тексте мероприятия два предложения слиты без знака препинания (так бывает, когда при "
                "извлечении теряется граница абзаца); текст разделён на два абзаца перед словом «"
                + text.split("\n")[1].split()[0] + "»", activity)
    deadline_paras = [p.text.strip() for p in cells.get(fields.DEADLINE.column, []) if not p.empty]
    deadlines = distribute_deadlines(deadline_paras, len(items)) if items else None
    if deadlines:
        activity.subitems = [{fields.SUBITEM_TEXT.key: item, fields.DEADLINE.key: when} for item, when in zip(items, deadlines)]
        activity.deadline = None
        if len(deadlines) != len(deadline_paras):
            cut = "», «".join(split_paragraphs(deadline_paras, deadlines))
            log.add(activity.label, f"в колонке сроков абзацев меньше, чем подпунктов; абзац «{cut}» с двумя датами "
                    "разделён на два срока, и сроки отданы подпунктам по порядку", activity)
        else:
            log.add(activity.label, "каждый абзац колонки сроков отдан подпункту с тем же порядковым номером", activity)
    else:
        activity.subitems = list(items)
        activity.deadline = "\n".join(deadline_paras) or None
    activity.responsible_paras = [p.text for p in cells.get(fields.RESPONSIBLE.column, []) if not p.empty]
    for plain in plain_text_fields():
        value = _joined(cells.get(plain.key))
        if value:
            activity.texts[plain.key] = value
    notes = []
    own_note = _joined(cells.get(fields.NOTE.column))
    if own_note:
        notes.append(own_note)
    mark = _joined(cells.get(fields.MARK_COLUMN))
    if mark:
        notes.append(mark)
    for key, paras in cells.items():
        if key.startswith("?"):
            value = _joined(paras)
            if value:
                notes.append(f"{key[1:] or 'колонка без заголовка'}: {value}")
    activity.note = "\n".join(notes) or None
    if not activity.text:
        activity.text = "(текст мероприятия не указан)"
        log.add(activity.label, "в документе у мероприятия нет текста; записана пометка «(текст мероприятия не указан)»", activity)
    for child in activity.children:
        finalize(child, inline, log)


def _joined(paras: list[Para] | None) -> str | None:
    if not paras:
        return None
    text = "\n".join(p.text.strip() for p in paras if not p.empty)
    return text or None


__all__ = [
    "ActivityDraft", "SectionDraft", "TableDraft", "assemble", "finalize", "fit_row",
]
