"""Reader for tab-separated text as extracted from Word documents (the form of tests/fixtures/seeds).

A line with tabs is a table row (one cell per tab-separated piece); a line without tabs is a
paragraph. Consecutive rows form one table; a paragraph standing between rows of a table (a
table title, or a piece of a cell that lost its tabs) is kept in the table as a "loose" row, and
the row assembler decides what it is. HTML remnants of the extraction (``<p>``, ``<ul>``,
``<b>``, entities) are cleaned here: block tags become paragraph breaks inside a cell.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from enum import Enum
from typing import NoReturn

from roadmapctl.importer.grid import Cell, Grid, ImportFailure, Para, Row, SourceDoc

MAX_BYTES = 16 * 1024 * 1024

_LINES = re.compile(r"\r\n|[\r\n\f\x85\u2029]")
_SOFT_BREAK = re.compile(r"[\v\u2028]")  # a line break inside a Word paragraph or cell
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
_BLOCK_TAG = re.compile(
    r"<\s*(/?)\s*(p|div|ul|ol|li|br|tr|table|tbody|thead|tfoot|h[1-6]|blockquote)\b[^<>]*>", re.IGNORECASE
)
_INLINE_TAG = re.compile(
    r"<\s*/?\s*(?:b|strong|i|em|u|span|font|sup|sub|s|strike|a|td|th|small|big|mark|o:p)\b[^<>]*>", re.IGNORECASE
)
_BOLD_OPEN = re.compile(r"^\s*<\s*(?:b|strong)\b[^<>]*>", re.IGNORECASE)
_BOLD_CLOSE = re.compile(r"<\s*/\s*(?:b|strong)\s*>\s*$", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z]{2,8});")
_STARS = re.compile(r"^\*{1,3}|\*{1,3}$")


def sniff(data: bytes) -> str | None:
    """What a file that is not plain text looks like, for a helpful message; None for text."""
    head = data[:8]
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "doc"
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    return None


def decode(data: bytes, name: str) -> tuple[str, list[str]]:
    """Bytes → text. UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1251 as a fallback."""
    notes: list[str] = []
    if len(data) > MAX_BYTES:
        raise ImportFailure(
            f"{name}: файл слишком велик ({len(data) / 1024 / 1024:.1f} МБ); текст дорожной карты обычно "
            "занимает меньше 1 МБ — проверьте, тот ли это файл"
        )
    kind = sniff(data)
    if kind == "doc":
        raise ImportFailure(
            f"{name}: это документ в старом формате Word (.doc); откройте его в Word или LibreOffice и "
            "сохраните как «Документ Word (.docx)», затем импортируйте .docx"
        )
    if kind == "pdf":
        raise ImportFailure(
            f"{name}: это PDF; импорт читает документы Word (.docx) и текст с табуляциями. Если есть исходный "
            "документ Word, импортируйте его"
        )
    if kind == "rtf":
        raise ImportFailure(f"{name}: это документ RTF; сохраните его в Word как .docx и импортируйте .docx")
    if kind == "zip":
        raise ImportFailure(f"{name}: это архив ZIP, а не документ Word (.docx) и не текст")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        text = data.decode("utf-8", errors="replace")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            if b"\x00" in data:
                raise ImportFailure(f"{name}: файл содержит двоичные данные и не похож на текст или документ Word") from None
            text = data.decode("cp1251", errors="replace")
            notes.append("файл прочитан в кодировке Windows-1251 (не UTF-8); проверьте, что русские буквы прочитаны верно")
    if "\x00" in text:
        raise ImportFailure(f"{name}: файл содержит двоичные данные и не похож на текст или документ Word")
    return text, notes


def _clean_inline(text: str) -> str:
    text = _INLINE_TAG.sub("", text)
    if "&" in text:
        text = _ENTITY.sub(lambda m: html.unescape(m.group()), text)
    return _CONTROL.sub(" ", text).replace("\xa0", " ").replace("\u202f", " ").replace("\xad", "")


def parse_cell(raw: str, line: int | None = None) -> list[Para]:
    """One cell (or paragraph line) of extracted text → its paragraphs, HTML remnants cleaned."""
    bold = bool(_BOLD_OPEN.search(raw) and _BOLD_CLOSE.search(raw))
    raw = _SOFT_BREAK.sub("<br>", raw)
    paras: list[Para] = []
    bullet_next = False
    position = 0
    pieces: list[tuple[str, bool]] = []
    for match in _BLOCK_TAG.finditer(raw):
        pieces.append((raw[position:match.start()], bullet_next))
        closing, tag = match.group(1), match.group(2).lower()
        bullet_next = tag == "li" and not closing
        position = match.end()
    pieces.append((raw[position:], bullet_next))
    for piece, bullet in pieces:
        text = _clean_inline(piece).strip()
        stars = _STARS.findall(text)
        if stars:
            text = _STARS.sub("", text).strip()
        if text:
            paras.append(Para(text, bold=bold or bool(stars), bullet=bullet, line=line))
    return paras


class ItemKind(Enum):
    """What a line of the text is, once the table readers have put the rows in place."""

    ROW = "row"
    PARA = "para"
    BLANK = "blank"


@dataclass
class _Item:
    kind: ItemKind
    line: int
    row: Row | None = None
    paras: list[Para] = field(default_factory=list)


def read_text(data: bytes | str, name: str = "<текст>") -> SourceDoc:
    """Read text into paragraphs and tables, in passes: decode, find the table's form and put
    its rows in place, classify the lines, gather them into blocks. Raises only ImportFailure."""
    text, notes = _decoded(data, name)
    lines, form = _table_rows(_page_marks(_stray_tabs(_LINES.split(text))))
    if form is not None:
        notes.append(_FORM_NOTES[form])
    doc = SourceDoc(name=name, kind="text", notes=notes)
    doc.blocks = _blocks(_items(lines))
    if not any(isinstance(b, Grid) for b in doc.blocks):
        _refuse(name, text)
    return doc


_PAGE_MARK = re.compile(r"(?i)^\s*(?:(?:страница|стр\.|лист)\s*\d{1,4}(?:\s*(?:из|/)\s*\d{1,4})?|[-–—]\s*\d{1,4}\s*[-–—]|"
                        r"\d{1,4}\s+из\s+\d{1,4})\s*$")


def _page_marks(lines: list[str]) -> list[str]:
    """A PDF page's number set between the rows («Страница 2 из 5», «- 3 -», «стр. 4», «2 из 5»)
    is no text of the document: its line is left empty (the lines keep their numbers). A bare
    number is not taken for one: in a text with a cell on each line it is a row's number."""
    return ["" if _PAGE_MARK.match(line) else line for line in lines]


def _stray_tabs(lines: list[str]) -> list[str]:
    """Tabs that part no cells (an indent, a tab in one line of a copy) are spaces: a text is a
    table of tab-separated cells only when two lines or more have a tab between their words."""
    if sum(1 for line in lines if "\t" in line.strip()) >= 2:
        return lines
    return [line.replace("\t", " ") if "\t" in line else line for line in lines]


def _decoded(data: bytes | str, name: str) -> tuple[str, list[str]]:
    notes: list[str] = []
    if isinstance(data, bytes):
        text, notes = decode(data, name)
    else:
        text = data
        if len(text) > MAX_BYTES:
            raise ImportFailure(f"{name}: текст слишком велик для дорожной карты")
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise ImportFailure(f"{name}: файл пуст — в нём нет ни текста, ни таблицы")
    return text, notes


def _table_rows(lines: list) -> tuple[list, str | None]:
    """The lines with a table's rows put in place, and the form it was read in (None: lines
    with tabs, each a row, or no table). The readers are tried from the most certain form on."""
    if any("\t" in raw for raw in lines):
        return lines, None
    from roadmapctl.importer.flatpage import flat_page_rows
    from roadmapctl.importer.plaintext import pipe_rows, single_cell_rows
    from roadmapctl.importer.textcells import (
        anchored_rows,
        lead_section,
        numbered_interleaved_rows,
        run_on_rows,
    )

    def pipes(lines: list) -> list | None:
        rows = pipe_rows(lines)
        if rows is not None and (not _has_header(rows) or _grouped(rows)):
            return None  # a merged first column of directions: placed by content (bars)
        return rows

    readers = [
        ("bars", lambda ls: _stream(ls, "bars") if _cells_end_in_bars(ls) else None),
        ("pipes", pipes),
        ("bars", lambda ls: _stream(ls, "bars")),
        ("runon", run_on_rows),
        ("paragraphs", lambda ls: _stream(ls, "paragraphs") if _paragraph_cells(ls) else None),
        ("lines", single_cell_rows),
        ("paragraphs", lambda ls: _stream(ls, "paragraphs")),
        ("wrapped", lambda ls: _stream(ls, "lines")),
        ("anchored", anchored_rows),
        ("numbered", numbered_interleaved_rows),
        ("flat", flat_page_rows),
    ]
    for form, reader in readers:
        rows = reader(lines)
        if rows is not None:
            return lead_section(rows), form
    return lines, None


def _items(lines: list) -> list[_Item]:
    items: list[_Item] = []
    for number, whole in enumerate(lines, 1):
        # a line that holds several (a whole page flattened onto one line): its parts in order
        for raw in whole if isinstance(whole, list) else [whole]:
            _item(items, number, raw)
    return items


def _item(items: list[_Item], number: int, raw: object) -> None:
    if isinstance(raw, tuple):  # a row found by a reader: (line number, cells[, guess])
        first, pieces = raw[0], raw[1]
        cells = [Cell(parse_cell(piece, first)) for piece in pieces]
        note = raw[2] if len(raw) > 2 else None
        # a row of one cell is a cell spanning the table (a section title), as a merged Word row
        items.append(_Item(ItemKind.ROW, first, Row(cells, where=f"строка {first}", reader_note=note,
                                                    merged=len(cells) == 1)))
    elif isinstance(raw, str) and "\t" in raw:
        cells = [Cell(parse_cell(piece, number)) for piece in raw.split("\t")]
        items.append(_Item(ItemKind.ROW, number, Row(cells, where=f"строка {number}")))
    else:
        paras = parse_cell(raw, number) if isinstance(raw, str) and raw.strip() else []
        items.append(_Item(ItemKind.PARA, number, paras=paras) if paras else _Item(ItemKind.BLANK, number))


def _blocks(items: list[_Item]) -> list[Para | Grid]:
    """Consecutive rows form one table; a paragraph between rows of a table (a title, a piece
    of a cell that lost its tabs) stays in the table as a loose row."""
    blocks: list[Para | Grid] = []
    grid: Grid | None = None
    blanks_since_row = 0
    for index, item in enumerate(items):
        if item.kind is ItemKind.BLANK:
            blanks_since_row += 1
            continue
        if item.row is not None:
            if grid is None:
                grid = Grid([], where=f"таблица со строки {item.line}")
                blocks.append(grid)
            grid.rows.append(item.row)
            blanks_since_row = 0
            continue
        if grid is not None:
            following = next((i.kind for i in items[index + 1:] if i.kind is not ItemKind.BLANK), None)
            joined = " ".join(p.text for p in item.paras)
            if following is ItemKind.ROW or (_continues(joined) and blanks_since_row <= 3):
                grid.rows.append(Row([Cell(item.paras)], where=f"строка {item.line}", loose=True))
                continue
            grid = None
        blocks.extend(item.paras)
    for block in blocks:
        if isinstance(block, Grid):
            block.ncols = max((len(r.cells) for r in block.rows if not r.loose), default=1)
    return blocks


def _refuse(name: str, text: str) -> NoReturn:
    from roadmapctl.importer.flatpage import MIN_WORDS, why_not
    from roadmapctl.importer.textcells import diagnose

    lines = _LINES.split(text)
    for number, line in enumerate(lines, 1):
        words = line.split()
        reason = why_not(words) if len(words) >= MIN_WORDS else None
        if reason:
            raise ImportFailure(
                f"{name}: таблица мероприятий не прочитана — в строке {number} вся страница вытянута в одну строку "
                f"(так бывает в тексте PDF с сайта школы): {reason}. Такая строка читается, когда в ней есть заголовок "
                "«мероприятие — колонка кодов (например, «Класс») — предмет — дата» и каждая строка таблицы "
                "оканчивается датой, или заголовок «№ — мероприятие — срок — ответственные» и строки начинаются "
                "с номеров «1.», «2.» по порядку. Импортируйте сам файл PDF или исходный документ Word (.docx)")
    found = diagnose(lines)
    if found:
        raise ImportFailure(f"{name}: таблица мероприятий не прочитана — {found}. {READ_FORMS} Импортируйте "
                            "исходный документ Word (.docx) или скопируйте таблицу из него")
    raise ImportFailure(f"{name}: в тексте нет таблицы мероприятий. {READ_FORMS} Проверьте, что заголовок "
                        "таблицы скопирован вместе с ней")


READ_FORMS = (
    "Импорт читает таблицу, в которой ячейки разделены табуляцией (так копируется таблица из Word) или знаком "
    "«|» (таблица Markdown, копия из ГАРАНТ, где каждая ячейка оканчивается «|», таблица в рамке), а также текст, "
    "где каждая ячейка — отдельный абзац или стоит на своей строке под строками заголовка («№», «Мероприятие», "
    "«Срок», «Ответственный»)."
)


_FORM_NOTES = {
    "pipes": "таблица прочитана из текста, где ячейки разделены знаком «|»",
    "bars": "таблица прочитана из текста, где каждая ячейка оканчивается знаком «|» (так копирует ГАРАНТ и сайты-зеркала "
            "документов); строки таблицы найдены по колонке номеров или по числу колонок, ячейки расставлены по "
            "содержанию",
    "lines": "таблица прочитана из текста, где каждая ячейка стоит на своей строке; строки "
             "таблицы найдены по номерам мероприятий, число колонок — по заголовку",
    "wrapped": "таблица прочитана из текста, где строки ячеек перенесены по ширине и стоят каждая на своей строке "
               "(рамка таблицы убрана); строки таблицы найдены по колонке номеров, ячейки расставлены по содержанию — "
               "сверьте границы ячеек с документом",
    "runon": "таблица прочитана из текста, где каждая строка таблицы вытянута в одну строку без разделителей: "
             "заголовок разделён по словам с прописной буквы, число колонок взято из строки номеров колонок, ячейки "
             "строки разделены по сроку — сверьте с документом",
    "anchored": "таблица прочитана из текста PDF, где колонки идут построчно вперемешку: строки таблицы найдены по "
                "колонке коротких значений (классы), продолжения строк отнесены к мероприятию или к сроку по смыслу — "
                "сверьте с документом",
    "flat": "таблица прочитана из текста PDF, где вся страница (бланк, гриф, название, заголовок и ячейки) вытянута "
            "в одну строку: строки найдены по номерам мероприятий или по дате в последней колонке и колонке кодов "
            "перед ней — сверьте с документом",
    "numbered": "таблица прочитана из текста PDF, где колонки идут построчно вперемешку: строки таблицы найдены по "
                "номерам мероприятий, срок и ответственные отнесены к строкам по порядку строк — сверьте с документом",
    "paragraphs": "таблица прочитана из текста, где каждая ячейка — отдельный абзац (абзацы разделены пустыми "
                  "строками); строки таблицы найдены по колонке номеров или по числу колонок, ячейки расставлены по "
                  "содержанию",
}


def _cells_end_in_bars(lines: list[str]) -> bool:
    """A ГАРАНТ copy: a line that is only «|», or a line whose only bar ends it («N п/п |»)."""
    for line in lines:
        text = line.strip()
        if text == "|" or (len(text) > 2 and text.endswith(" |") and text.count("|") == 1):
            return True
    return False


def _paragraph_cells(lines: list[str]) -> bool:
    """Text set one cell per paragraph: most of its non-empty lines stand between blank lines."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    if len(filled) < 8:
        return False
    alone = sum(1 for i in filled if (i == 0 or not lines[i - 1].strip()) and (i + 1 >= len(lines) or not lines[i + 1].strip()))
    return 2 * alone >= len(filled)


def _grouped(rows: list) -> bool:
    """Whether the table's first column groups its rows («Направление мероприятий», «Раздел»):
    such a cell is merged over rows and present on the first of them only, so the other rows
    have a cell too few on the left and are placed by content."""
    from roadmapctl.importer.columns import recognize

    for item in rows:
        if isinstance(item, tuple):
            header = recognize(list(item[1]))
            if header is not None:
                first = header.columns[0]
                return first.field is None and bool(re.match(r"(?i)\s*(?:направлени|раздел|этап|блок)", first.header))
    return False


def _has_header(rows: list) -> bool:
    """Whether a reading of the text has a row that reads as a table header."""
    from roadmapctl.importer.columns import recognize

    return any(isinstance(item, tuple) and recognize(list(item[1])) is not None for item in rows)


def _stream(lines: list, form: str) -> list | None:
    from roadmapctl.importer.textcells import (
        pieces_by_bars,
        pieces_by_lines,
        pieces_by_paragraphs,
        read_stream,
    )

    pieces = {"bars": pieces_by_bars, "paragraphs": pieces_by_paragraphs, "lines": pieces_by_lines}[form](lines)
    if pieces is None:
        return None
    shown = {"bars": "ячейки оканчиваются знаком «|»", "paragraphs": "ячейка — абзац",
             "lines": "строки ячеек перенесены по ширине"}[form]
    return read_stream(lines, pieces, shown, wrapped=form == "lines")


def _continues(text: str) -> bool:
    """A line that reads as the continuation of a sentence: starts with a small letter or a bracket."""
    first = text.lstrip()[:1]
    return bool(first) and (first.islower() or first in "(,;")
