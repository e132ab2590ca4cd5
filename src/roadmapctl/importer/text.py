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


def read_text(data: bytes | str, name: str = "<текст>") -> SourceDoc:
    """Read tab-separated text into paragraphs and tables. Raises only ImportFailure."""
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
    lines = _LINES.split(text)
    form = "tabs"
    if not any("\t" in raw for raw in lines):
        from roadmapctl.importer.plaintext import pipe_rows, single_cell_rows

        rows = pipe_rows(lines)
        form = "pipes"
        if rows is None:
            rows = single_cell_rows(lines)
            form = "lines"
        if rows is not None:
            notes.append({"pipes": "таблица прочитана из текста, где ячейки разделены знаком «|»",
                          "lines": "таблица прочитана из текста, где каждая ячейка стоит на своей строке; строки "
                                   "таблицы найдены по номерам мероприятий, число колонок — по заголовку"}[form])
            lines = rows
    items: list[tuple[str, int, object]] = []  # (kind, line, payload)
    for number, raw in enumerate(lines, 1):
        if isinstance(raw, tuple):  # a row found by plaintext: (line number, cells[, guess])
            first, pieces = raw[0], raw[1]
            cells = [Cell(parse_cell(piece, first)) for piece in pieces]
            items.append(("row", first, Row(cells, where=f"строка {first}", reader_note=raw[2] if len(raw) > 2 else None)))
            continue
        if raw is None:
            items.append(("blank", number, None))
            continue
        if "\t" in raw:
            cells = [Cell(parse_cell(piece, number)) for piece in raw.split("\t")]
            items.append(("row", number, Row(cells, where=f"строка {number}")))
        elif raw.strip():
            paras = parse_cell(raw, number)
            if paras:
                items.append(("para", number, paras))
            else:
                items.append(("blank", number, None))
        else:
            items.append(("blank", number, None))

    doc = SourceDoc(name=name, kind="text", notes=notes)
    grid: Grid | None = None
    blanks_since_row = 0
    for index, (kind, number, payload) in enumerate(items):
        if kind == "blank":
            blanks_since_row += 1
            continue
        if kind == "row":
            if grid is None:
                grid = Grid([], where=f"таблица со строки {number}")
                doc.blocks.append(grid)
            grid.rows.append(payload)  # type: ignore[arg-type]
            blanks_since_row = 0
            continue
        paras = payload  # type: ignore[assignment]
        if grid is not None:
            following = next((k for k, _n, _p in items[index + 1:] if k != "blank"), None)
            joined = " ".join(p.text for p in paras)
            if following == "row" or (_continues(joined) and blanks_since_row <= 3):
                grid.rows.append(Row([Cell(paras)], where=f"строка {number}", loose=True))
                continue
            grid = None
        doc.blocks.extend(paras)
    for block in doc.blocks:
        if isinstance(block, Grid):
            block.ncols = max((len(r.cells) for r in block.rows if not r.loose), default=1)
    if not any(isinstance(b, Grid) for b in doc.blocks):
        raise ImportFailure(
            f"{name}: в тексте нет таблицы мероприятий. Импорт читает таблицу, в которой ячейки разделены "
            "табуляцией (так копируется таблица из Word) или знаком «|» (таблица Markdown, текст из правовой базы), "
            "а также текст, где каждая ячейка стоит на своей строке под строками заголовка («№», «Мероприятие», "
            "«Срок», «Ответственный»). Проверьте, что заголовок таблицы скопирован вместе с ней"
        )
    return doc


def _continues(text: str) -> bool:
    """A line that reads as the continuation of a sentence: starts with a small letter or a bracket."""
    first = text.lstrip()[:1]
    return bool(first) and (first.islower() or first in "(,;")
