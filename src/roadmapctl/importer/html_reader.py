"""Reader for saved web pages (.html) → the neutral grid of paragraphs and tables.

The page is parsed by the standard library's ``html.parser`` (a tolerant parser that is part of
Python: no new dependency, and it copes with the unclosed ``<p>``/``<td>`` of pages saved by Word
and of legal databases). Block elements outside tables are paragraphs; every ``<table>`` is a
grid. A cell spanning columns (``colspan``) sits in its first grid column with empty cells after
it, as a Word cell with ``gridSpan``; a cell spanning rows (``rowspan``) is repeated in the rows
below and marked as merged down, as a Word cell with ``vMerge``. A table inside a cell is read as
lines of text of that cell.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from roadmapctl.importer.grid import Cell, Grid, ImportFailure, Para, Row, SourceDoc

MAX_BYTES = 32 * 1024 * 1024
MAX_SPAN = 64  # a colspan/rowspan larger than any real table is clamped

_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "center", "dt", "dd",
           "section", "article", "header", "footer", "address", "caption", "ul", "ol", "dl", "form", "main"}
_SKIP = {"script", "style", "head", "title", "noscript", "template", "svg", "object", "iframe"}
_BOLD = {"b", "strong", "th"}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)


def looks_like_html(data: bytes) -> bool:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if not head.startswith(b"<"):
        return False
    return head.startswith((b"<!doctype html", b"<html", b"<?xml")) and b"<html" in head or b"<table" in head[:2048]


def decode_html(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    match = _CHARSET.search(data[:4096])
    if match:
        try:
            return data.decode(match.group(1).decode("ascii").lower(), errors="replace")
        except LookupError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1251", errors="replace")


def _span(value: str | None) -> int:
    try:
        return max(1, min(MAX_SPAN, int((value or "1").strip().rstrip(";"))))
    except ValueError:
        return 1


class _Table:
    def __init__(self):
        self.rows: list[list[tuple[Cell, int, int]]] = []  # (cell, colspan, rowspan)


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list = []
        self.tables: list[_Table] = []  # the open tables, innermost last
        self.cell: list[Para] | None = None  # paragraphs of the open cell
        self.cell_spans = (1, 1)
        self.cell_stack: list[tuple[list[Para] | None, tuple[int, int], str, bool, int]] = []
        self.text = ""  # the paragraph being collected
        self.bold_depth = 0
        self.bold_chars = 0
        self.plain_chars = 0
        self.bullet = False
        self.skip = 0
        self.count = 0
        self.line = 0

    # ---------------------------------------------------------------- paragraphs
    def flush(self) -> None:
        text = " ".join(self.text.replace("\xa0", " ").replace("\xad", "").split())
        if text:
            bold = self.bold_chars > 0 and self.plain_chars == 0
            self.line += 1
            para = Para(text, bold=bold, bullet=self.bullet, line=self.line)
            if self.cell is not None:
                self.cell.append(para)
            elif not self.tables:
                self.blocks.append(para)
        self.text = ""
        self.bold_chars = self.plain_chars = 0
        self.bullet = False

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.tables and self.cell is None:
            return  # text between cells (whitespace of the markup)
        self.text += data
        visible = len(data.strip())
        if self.bold_depth:
            self.bold_chars += visible
        else:
            self.plain_chars += visible

    # ---------------------------------------------------------------- tags
    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _SKIP:
            self.skip += 1
            return
        if self.skip:
            return
        attributes = dict(attrs)
        if tag in _BOLD:
            self.bold_depth += 1
        if tag == "table":
            self.flush()
            if self.tables and self.cell is not None:
                # a table inside a cell: its rows become lines of the cell
                self.cell_stack.append((self.cell, self.cell_spans, "nested", False, 0))
            self.tables.append(_Table())
            self.cell = None
        elif tag == "tr" and self.tables:
            self._close_cell()
            self.tables[-1].rows.append([])
        elif tag in ("td", "th") and self.tables:
            self._close_cell()
            if not self.tables[-1].rows:
                self.tables[-1].rows.append([])
            self.cell = []
            self.cell_spans = (_span(attributes.get("colspan")), _span(attributes.get("rowspan")))
        elif tag == "br":
            self.flush()
        elif tag in _BLOCKS:
            self.flush()
            if tag == "li":
                self.bullet = True

    def handle_startendtag(self, tag, attrs):
        if tag == "br":
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if self.skip:
            return
        if tag in _BOLD:
            self.bold_depth = max(0, self.bold_depth - 1)
        if tag in ("td", "th") and self.tables:
            self._close_cell()
        elif tag == "table" and self.tables:
            self._close_cell()
            table = self.tables.pop()
            grid = self._grid(table)
            if self.cell_stack and self.tables:
                paras, spans, _kind, _b, _c = self.cell_stack.pop()
                self.cell, self.cell_spans = paras, spans
                for row in grid.rows:
                    text = " | ".join(c.text.replace("\n", " ") for c in row.cells if not c.empty)
                    if text and self.cell is not None:
                        self.line += 1
                        self.cell.append(Para(text, line=self.line))
            elif not self.tables:
                if grid.rows:
                    self.blocks.append(grid)
        elif tag in _BLOCKS or tag == "tr":
            self.flush()

    def _close_cell(self) -> None:
        if self.cell is None or not self.tables:
            return
        self.flush()
        table = self.tables[-1]
        if not table.rows:
            table.rows.append([])
        colspan, rowspan = self.cell_spans
        table.rows[-1].append((Cell(self.cell), colspan, rowspan))
        self.cell = None

    def _grid(self, table: _Table) -> Grid:
        self.count += 1
        number = self.count
        rows: list[Row] = []
        pending: dict[int, tuple[Cell, int]] = {}  # grid column → (cell spanning down, rows left)
        for r, raw in enumerate(table.rows, 1):
            cells: list[Cell] = []
            spans = []
            queue = list(raw)
            column = 0
            while queue or any(c >= column for c in pending):
                if column in pending:
                    above, left = pending[column]
                    cells.append(Cell([Para(p.text, bold=p.bold, bullet=p.bullet, line=p.line) for p in above.paras],
                                      vmerged=True))
                    pending[column] = (above, left - 1)
                    if left - 1 <= 0:
                        del pending[column]
                    column += 1
                    continue
                if not queue:
                    cells.append(Cell())
                    column += 1
                    continue
                cell, colspan, rowspan = queue.pop(0)
                cells.append(cell)
                spans.append(colspan)
                if rowspan > 1:
                    pending[column] = (cell, rowspan - 1)
                for _ in range(colspan - 1):
                    cells.append(Cell())
                column += colspan
            if not cells:
                continue
            merged = len(spans) == 1 and spans[0] >= 2 and spans[0] >= len(cells)
            rows.append(Row(cells, where=f"таблица {number}, строка {r}", merged=merged, exact=True))
        width = max((len(row.cells) for row in rows), default=0)
        for row in rows:
            row.cells += [Cell() for _ in range(width - len(row.cells))]
            if len(row.filled) == 1 and not row.merged and sum(1 for c in row.cells if not c.empty) == 1:
                pass
        return Grid(rows, where=f"таблица {number}", ncols=width)


def read_html(data: bytes, name: str = "<html>") -> SourceDoc:
    """Read a saved web page into paragraphs and grids. Raises only ImportFailure."""
    if len(data) > MAX_BYTES:
        raise ImportFailure(f"{name}: файл слишком велик ({len(data) / 1024 / 1024:.1f} МБ) для страницы с дорожной картой")
    text = decode_html(data)
    parser = _Parser()
    try:
        parser.feed(text)
        parser.close()
        parser.flush()
        while parser.tables:  # tables left open at the end of the page
            parser.handle_endtag("table")
    except Exception:  # noqa: BLE001 - html.parser is tolerant; anything left is damage
        raise ImportFailure(f"{name}: страницу не удалось разобрать; сохраните её заново") from None
    doc = SourceDoc(name=name, kind="html", blocks=parser.blocks)
    if not any(isinstance(b, Grid) for b in doc.blocks):
        raise ImportFailure(f"{name}: на веб-странице нет таблицы (<table>); импорт ищет таблицу мероприятий. Если "
                            "таблица на странице есть, но нарисована иначе, сохраните страницу как PDF и импортируйте PDF")
    return doc
