"""Reader for PDF documents with a text layer → the neutral grid of paragraphs and tables.

The characters with their boxes and the drawn lines come from PDFium (pypdfium2, the PDF engine
of Chromium, which pdfplumber itself depends on): it reads a page some forty times faster than
pdfminer.six, which is what makes a 30-page PDF import in a few seconds. Tables are found two
ways:

- by their ruling lines, with pdfplumber's table geometry (edges snapped and joined, their
  crossings, the cells between them, the tables those cells form): the usual case of a document
  printed from Word or LibreOffice; a cell covering several columns is one cell, the others of
  the row stay empty, as a Word cell with ``gridSpan``;
- by column alignment, when a page has no ruled table: the header line (or the two or three
  lines of a wrapped header) gives the columns, a line whose first column holds a number starts
  a row, and the lines below it add to the cells of that row.

Lines of a cell wrapped by the page are joined into one paragraph; a line starting with a dash
starts a new one. Text outside tables becomes paragraphs, a line continuing the one above (it
starts with a small letter, or the line above runs to the right margin) joined to it. A PDF
without any text (a scan) is refused with a message saying what to do.
"""

from __future__ import annotations

import re
import statistics

from roadmapctl.document import fields
from roadmapctl.importer.columns import recognize
from roadmapctl.importer.grid import Cell, Grid, ImportFailure, Para, Row, SourceDoc
from roadmapctl.importer.pdf_limits import PdfLimit, measure
from roadmapctl.importer.plaintext import join_wrapped
from roadmapctl.importer.rows import NUMBER, SECTION_HEAD

MAX_BYTES = 64 * 1024 * 1024
MAX_PAGES = 400
# the characters of one page (a page of a roadmap holds a few thousand; millions end in an
# internal error); what PDFium would decode and build before that is bounded by pdf_limits
MAX_PAGE_CHARS = 200_000
_PAGE_NUMBER = re.compile(r"^(?:[-–—]?\s*\d{1,3}\s*[-–—]?|(?:страница|стр\.)\s*\d{1,3}(?:\s*из\s*\d{1,3})?)$", re.IGNORECASE)


def _load():
    try:
        import pypdfium2  # imported only when a PDF is read
        from pdfplumber import table as geometry
    except ImportError:  # pragma: no cover - dependencies of the package
        raise ImportFailure("для чтения PDF нужны пакеты pdfplumber и pypdfium2; установите их: "
                            "pip install pdfplumber pypdfium2") from None
    return pypdfium2, geometry


class _Page:
    """What the reader needs of a page: its words (text, box, bold) and its drawn lines as edges."""

    def __init__(self, page, pdfium, name: str = "<pdf>", number: int = 1):
        self.width, self.height = page.get_size()
        textpage = page.get_textpage()
        count = textpage.count_chars()
        if count > MAX_PAGE_CHARS:
            textpage.close()
            raise ImportFailure(f"{name}: на странице {number} PDF {count} символов, а допустимо до {MAX_PAGE_CHARS}; "
                                "это не похоже на дорожную карту — проверьте, тот ли это файл")
        text = textpage.get_text_range() if count else ""
        weight = pdfium.raw.FPDFText_GetFontWeight
        self.chars = count
        self.words: list[dict] = []
        current: dict | None = None
        for i in range(min(count, len(text))):
            ch = text[i]
            if ch == "\x02":  # PDFium's mark of a hyphen at the end of a line
                if current is not None:
                    current["text"] += "-"
                current = None
                continue
            if ch.isspace() or ch in "\x00\ufffe":
                current = None
                continue
            left, bottom, right, top = textpage.get_charbox(i)
            if right <= left and top <= bottom:
                current = None
                continue
            top, bottom = self.height - top, self.height - bottom
            bold = weight(textpage.raw, i) >= 600
            # PDFium gives the characters in reading order with spaces between words: a word ends at
            # a space, or where the text jumps back to the left or to another line
            if current is not None and left > current["x0"] - 1 and left - current["x1"] < 3 * max(1.0, right - left) \
                    and top < current["bottom"] and bottom > current["top"]:
                current["text"] += ch
                current["x1"] = max(current["x1"], right)
                current["bottom"] = max(current["bottom"], bottom)
                current["top"] = min(current["top"], top)
                current["bold"] = current["bold"] and bold
                continue
            current = {"text": ch, "x0": left, "x1": right, "top": top, "bottom": bottom, "bold": bold}
            self.words.append(current)
        textpage.close()
        self.edges: list[dict] = []
        for obj in page.get_objects(filter=[pdfium.raw.FPDF_PAGEOBJ_PATH], max_depth=3):
            # get_bounds() since pypdfium2 4.22, get_pos() before
            left, bottom, right, top = obj.get_bounds() if hasattr(obj, "get_bounds") else obj.get_pos()
            top, bottom = self.height - top, self.height - bottom
            if right - left < 3 and bottom - top > 3:
                self._edge("v", (left + right) / 2, top, (left + right) / 2, bottom)
            elif bottom - top < 3 and right - left > 3:
                self._edge("h", left, (top + bottom) / 2, right, (top + bottom) / 2)
            elif right - left > 3 and bottom - top > 3:  # a rectangle: its four sides
                self._edge("h", left, top, right, top)
                self._edge("h", left, bottom, right, bottom)
                self._edge("v", left, top, left, bottom)
                self._edge("v", right, top, right, bottom)

    def _edge(self, orientation: str, x0: float, top: float, x1: float, bottom: float) -> None:
        self.edges.append({"orientation": orientation, "x0": x0, "x1": x1, "top": top, "bottom": bottom,
                           "doctop": top, "width": x1 - x0, "height": bottom - top, "object_type": "line"})


def _paragraphs(lines: list[str], counter: list[int]) -> list[Para]:
    """Lines of one cell → paragraphs (a dash or a bullet at the start of a line starts one)."""
    text = join_wrapped([line for line in lines if line.strip()])
    out = []
    for piece in text.split("<br>"):
        piece = " ".join(piece.split())
        if piece:
            counter[0] += 1
            out.append(Para(piece, line=counter[0]))
    return out


def _text_lines(words: list[dict]) -> list[list[dict]]:
    """Words → lines: a word joins a line when their heights overlap by half (glyph boxes of one line
    differ: capitals, descenders, punctuation); each line sorted left to right."""
    lines: list[list[dict]] = []
    spans: list[list[float]] = []
    for word in sorted(words, key=lambda w: ((w["top"] + w["bottom"]) / 2, w["x0"])):
        height = max(0.5, word["bottom"] - word["top"])
        if lines:
            top, bottom = spans[-1]
            overlap = min(bottom, word["bottom"]) - max(top, word["top"])
            if overlap >= 0.5 * min(height, bottom - top):
                lines[-1].append(word)
                spans[-1] = [min(top, word["top"]), max(bottom, word["bottom"])]
                continue
        lines.append([word])
        spans.append([word["top"], word["bottom"]])
    for line in lines:
        line.sort(key=lambda w: w["x0"])
    return lines


def _chunks(line: list[dict], gap: float) -> list[dict]:
    """A line's words grouped into pieces separated by a gap wider than ``gap`` points."""
    out: list[dict] = []
    for word in line:
        if out and word["x0"] - out[-1]["x1"] <= gap:
            out[-1]["text"] += " " + word["text"]
            out[-1]["x1"] = word["x1"]
            out[-1]["bold"] = out[-1]["bold"] and word.get("bold", False)
        else:
            out.append({"text": word["text"], "x0": word["x0"], "x1": word["x1"], "top": word["top"],
                        "bottom": word["bottom"], "bold": word.get("bold", False)})
    return out


class _Reader:
    def __init__(self, name: str):
        self.name = name
        self.blocks: list = []
        self.counter = [0]
        self.tables = 0
        self.aligned: dict | None = None  # an open table found by alignment (continues on the next page)
        self.pending: list[tuple[str, float, float, bool]] = []  # text lines waiting to become paragraphs
        self.notes: list[str] = []  # what the reader guessed, for the list at the end
        self._right = 0.0  # the right edge of the page whose lines are pending
        # the right-hand column of lines set in two columns (a letterhead or «Рассмотрено …» on the
        # left, an approval or appendix mark on the right): read after the left one, not across it
        self.right_column: list[tuple[str, float, float, bool]] = []

    # ---------------------------------------------------------------- paragraphs
    def line(self, text: str, x0: float, x1: float, right: float, bold: bool = False) -> None:
        self._end_columns()
        self.pending.append((text, x0, x1, bold))
        self._right = right

    def two_columns(self, chunks: list[dict], right: float, char: float) -> bool:
        """A line of two pieces far apart, the second in the right half of the text (or a lone
        piece there while such lines go on): its pieces go to the two columns."""
        left = chunks[0]["x0"]
        middle = (min(left, self.pending[0][1] if self.pending else left) + right) / 2
        if len(chunks) == 2 and chunks[1]["x0"] - chunks[0]["x1"] > 6 * char and chunks[1]["x0"] >= middle:
            self._right = right
            self.pending.append((chunks[0]["text"], chunks[0]["x0"], chunks[0]["x1"], chunks[0]["bold"]))
            self.right_column.append((chunks[1]["text"], chunks[1]["x0"], chunks[1]["x1"], chunks[1]["bold"]))
            return True
        if len(chunks) == 1 and self.right_column and chunks[0]["x0"] >= middle:
            self.right_column.append((chunks[0]["text"], chunks[0]["x0"], chunks[0]["x1"], chunks[0]["bold"]))
            return True
        return False

    def _end_columns(self) -> None:
        if self.right_column:
            self.flush_lines()
            self.pending, self.right_column = self.right_column, []
            self.flush_lines()

    def flush(self) -> None:
        self._end_columns()
        self.flush_lines()

    def flush_lines(self) -> None:
        paras: list[list] = []
        right = self._right
        left = min((x0 for _t, x0, _x1, _b in self.pending), default=0)
        for text, _x0, x1, bold in self.pending:
            if paras:
                previous = paras[-1]
                # a line of a paragraph wrapped by the page: the line above is long and runs to the
                # right margin, and this one starts at the left edge (a stamp set flush right does not)
                wrapped = previous[2] >= right - 20 and previous[2] - previous[4] >= 0.6 * (right - left) and \
                    _x0 <= previous[4] + 2 and not previous[0].rstrip().endswith((".", ":", ";"))
                if text[:1].islower() or wrapped:
                    previous[0] = join_wrapped([previous[0], text])
                    previous[2] = x1
                    previous[3] = previous[3] and bold
                    previous[4] = _x0
                    continue
            paras.append([text, _x0, x1, bold, _x0])
        for text, _x0, _x1, bold, _left in paras:
            self.counter[0] += 1
            self.blocks.append(Para(" ".join(text.split()), bold=bold, line=self.counter[0]))
        self.pending = []

    # ---------------------------------------------------------------- ruled tables
    def ruled(self, page: _Page, number: int, geometry) -> list:
        """Tables drawn with lines: pdfplumber's geometry finds the cells, the page's words fill them."""
        if len(page.edges) < 4:
            return []
        edges = geometry.merge_edges(page.edges, 3, 3, 3, 3)
        edges = [e for e in edges if (e["width"] if e["orientation"] == "h" else e["height"]) >= 3]
        cells = geometry.intersections_to_cells(geometry.edges_to_intersections(edges, 3, 3))
        out = []
        for boxes in geometry.cells_to_tables(cells):
            columns = _cluster(sorted(b[0] for b in boxes))
            tops = _cluster(sorted(b[1] for b in boxes))
            if len(columns) < 2 or len(tops) < 2:
                continue
            bbox = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
            texts: dict[int, list[dict]] = {k: [] for k in range(len(boxes))}
            for word in page.words:
                middle_x, middle_y = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
                for k, (x0, top, x1, bottom) in enumerate(boxes):
                    if x0 <= middle_x <= x1 and top <= middle_y <= bottom:
                        texts[k].append(word)
                        word["in_table"] = True
                        break
            self.tables += 1
            grid_rows: list[list[Cell | None]] = [[None] * len(columns) for _ in tops]
            spans_down: dict[tuple[int, int], list[int]] = {}
            for k, (x0, top, x1, _bottom) in enumerate(boxes):
                r, c = _index(tops, top), _index(columns, x0)
                if grid_rows[r][c] is not None:
                    continue
                lines = _cell_lines(texts[k], x0, x1)
                cell = Cell(_paragraphs(lines, self.counter))
                cell.broken_end = bool(lines) and lines[-1] == _BROKEN
                if cell.broken_end:
                    cell.paras = _paragraphs(lines[:-1], self.counter)
                if texts[k] and all(w["bold"] for w in texts[k]):
                    for para in cell.paras:
                        para.bold = True
                grid_rows[r][c] = cell
                spans_down[(r, c)] = [k2 for k2, t2 in enumerate(tops) if top + 2 < t2 < _bottom - 2]
            # a cell spanning rows is repeated in the rows below and marked as merged down, as a
            # Word cell with vMerge (the row assembler reports it)
            for (r, c), below in spans_down.items():
                for r2 in below:
                    if grid_rows[r2][c] is None:
                        above = grid_rows[r][c]
                        assert above is not None  # the cell a merge starts in
                        grid_rows[r2][c] = Cell([Para(p.text, bold=p.bold, line=p.line) for p in above.paras], vmerged=True)
            rows: list[Row] = []
            for r, raw in enumerate(grid_rows, 1):
                present = [c for c in raw if c is not None and not c.vmerged]
                merged = len(present) == 1 and len(raw) > 1 and raw[0] is not None and not raw[0].vmerged and \
                    all(c is None for c in raw[1:])
                rows.append(Row([c if c is not None else Cell() for c in raw],
                                where=f"страница {number}, таблица {self.tables}, строка {r}", merged=merged, exact=True))
            out.append((bbox, Grid(rows, where=f"страница {number}, таблица {self.tables}")))
        return out

    # ---------------------------------------------------------------- tables by alignment
    def aligned_line(self, chunks: list[dict], number: int) -> bool:
        """Put a line into the open aligned table; False when it is not a line of that table."""
        table = self.aligned
        assert table is not None  # called with an open table
        bounds = table["bounds"]

        def column(chunk):
            middle = chunk["x0"] + 1
            for k, (left, right) in enumerate(bounds):
                if left <= middle < right:
                    return k
            return 0 if middle < bounds[0][0] else len(bounds) - 1

        spans = [sum(1 for left, right in bounds if chunk["x0"] < right - 2 and chunk["x1"] > left + 2) for chunk in chunks]
        whole = " ".join(c["text"] for c in chunks)
        title_like = len(chunks) == 1 and (chunks[0]["bold"] or bool(SECTION_HEAD.match(whole)))
        if len(chunks) == 1 and spans[0] >= 3 and not title_like:
            return False  # a paragraph running across the columns: the table has ended
        texts = [""] * len(bounds)
        for chunk in chunks:
            k = column(chunk)
            texts[k] = (texts[k] + " " + chunk["text"]).strip()
        if recognize(texts) is not None:
            # the header repeated on a new page, or the header of another table
            return [t.split()[0].lower() if t else "" for t in texts] == \
                [t.split()[0].lower() if t else "" for t in table["header"]]
        number_col = table["number"]
        first = texts[number_col].strip() if number_col is not None else ""
        lone = [k for k, t in enumerate(texts) if t]
        starts_row = bool(first) and bool(NUMBER.match(first.split()[0]))
        if number_col is None:
            # no number column: cells are set from the top of the row, so a row's first line has text
            # in several columns, its activity starting with a capital letter (a guess, reported)
            activity = table["activity"]
            starts_row = activity is not None and texts[activity][:1].isupper() and len(lone) >= 2

        section = len(lone) == 1 and title_like and not starts_row
        if len(lone) == 1 and lone[0] == number_col and not starts_row and not section:
            return False  # a short paragraph (a title of the next table) after the table
        if section and spans[0] < 2 and not SECTION_HEAD.match(whole) and lone[0] != number_col and table["rows"] \
                and not table["rows"][-1]["section"]:
            section = False  # a bold word inside one column continues that cell
        if starts_row or section or not table["rows"]:
            table["rows"].append({"lines": [[t] if t else [] for t in texts], "page": number, "section": section})
        else:
            row = table["rows"][-1]
            if row["section"] and len(lone) >= 2:
                table["rows"].append({"lines": [[t] if t else [] for t in texts], "page": number, "section": False})
            else:
                for k, text in enumerate(texts):
                    if text:
                        row["lines"][k].append(text)
        return True

    def close_aligned(self) -> None:
        table = self.aligned
        if table is None:
            return
        self.aligned = None
        self.tables += 1
        note = (f"таблица {self.tables} (страница {table['page']}) нарисована без линий: её колонки найдены по "
                "выравниванию текста под строкой заголовка")
        if table["number"] is None:
            note += ("; колонки номеров нет, поэтому строки разделены по первой строке каждой (текст в нескольких "
                     "колонках, мероприятие с заглавной буквы) — сверьте границы строк с документом")
        self.notes.append(note)
        rows = [Row([Cell(_paragraphs(table["header"][k:k + 1], self.counter)) for k in range(len(table["bounds"]))],
                    where=f"страница {table['page']}, таблица {self.tables}, заголовок", exact=True)]
        for r, row in enumerate(table["rows"], 1):
            cells = [Cell(_paragraphs(lines, self.counter)) for lines in row["lines"]]
            if row["section"]:
                text = " ".join(c.text for c in cells if not c.empty)
                cells = [Cell(_paragraphs([text], self.counter))] + [Cell() for _ in cells[1:]]
            rows.append(Row(cells, where=f"страница {row['page']}, таблица {self.tables}, строка {r}",
                            merged=row["section"], exact=True))
        self.blocks.append(Grid(rows, where=f"таблица {self.tables}", ncols=len(table["bounds"])))

    def open_aligned(self, lines: list[list[dict]], index: int, number: int, width: float) -> int | None:
        """A header at ``lines[index]`` (possibly wrapped over up to three lines): open a table and
        return the index of the line after the header."""
        best = None
        for depth in (1, 2, 3):
            group = lines[index:index + depth]
            if len(group) < depth:
                break
            above: dict = group[-2][0] if depth > 1 else {}  # read only when depth > 1
            if depth > 1 and (group[-1][0]["top"] - max(c["bottom"] for c in group[-2]) >
                              max(8.0, 1.3 * (above["bottom"] - above["top"]))
                              or any(NUMBER.match(c["text"].split()[0]) for c in group[-1])):
                break
            base = max(group, key=len)
            if len(base) < 3:
                continue
            bounds_x = [(c["x0"], c["x1"]) for c in base]
            texts = [""] * len(base)
            for line in group:
                for chunk in line:
                    middle = (chunk["x0"] + chunk["x1"]) / 2
                    k = min(range(len(base)), key=lambda j: abs((bounds_x[j][0] + bounds_x[j][1]) / 2 - middle))
                    texts[k] = join_wrapped([texts[k], chunk["text"]]) if texts[k] else chunk["text"]
            header = recognize(texts)
            if header is None:
                continue
            edges = [0.0] + [(bounds_x[k][1] + bounds_x[k + 1][0]) / 2 for k in range(len(base) - 1)] + [width + 1]
            best = ({"bounds": list(zip(edges[:-1], edges[1:])), "header": texts, "rows": [],
                     "number": header.index(fields.NUMBER.column), "activity": header.index(fields.TEXT.column), "page": number},
                    index + depth)
        if best is None:
            return None
        self.aligned = best[0]
        return best[1]

    # ---------------------------------------------------------------- a page
    def page(self, page: _Page, number: int, geometry) -> None:
        ruled = self.ruled(page, number, geometry)
        words = [w for w in page.words if not w.get("in_table")]
        lines = _text_lines(words)
        char = statistics.median([(w["x1"] - w["x0"]) / max(1, len(w["text"])) for w in words]) if words else 5
        gap = max(4.0, 1.1 * char)  # wider than a space (about a third of an em), narrower than a column gap
        right = max((w["x1"] for w in words), default=page.width)
        items: list[tuple[float, Grid | list[dict]]] = [(bbox[1], grid) for bbox, grid in ruled]
        line_items: list[tuple[float, Grid | list[dict]]] = [(line[0]["top"], line) for line in lines]
        merged = sorted(items + line_items, key=lambda item: item[0])
        position = 0
        while position < len(merged):
            _top, item = merged[position]
            if isinstance(item, Grid):
                self.close_aligned()
                self.flush()
                self.blocks.append(item)
                position += 1
                continue
            chunks = _chunks(item, gap)
            if self.aligned is not None and self.aligned_line(chunks, number):
                position += 1
                continue
            if self.aligned is not None:
                self.close_aligned()
            if not ruled and len(chunks) >= 3:
                plain_lines = [entry[1] for entry in merged[position:] if not isinstance(entry[1], Grid)]
                chunked = [_chunks(line, gap) for line in plain_lines[:3]]
                after = self.open_aligned(chunked, 0, number, page.width)
                if after is not None:
                    self.flush()
                    position += after
                    continue
            text = " ".join(c["text"] for c in chunks)
            margin = item[0]["top"] < 0.08 * page.height or item[0]["bottom"] > 0.92 * page.height
            if margin and _PAGE_NUMBER.match(text):
                position += 1  # a page number in the margin
                continue
            if not self.two_columns(chunks, right, char):
                self.line(text, item[0]["x0"], item[-1]["x1"], right, all(c["bold"] for c in chunks))
            position += 1
        self.flush()

    def _split_row(self, previous: Grid, block: Grid) -> None:
        """A row cut by the page break: the first row of the continuation has no number; where a
        cell of the row above ends in a word broken by the page, the piece on the new page is glued
        back to it (the rest is joined by the row assembler, which reports it)."""
        header = next((h for row in previous.rows[:3] if (h := recognize(row.texts())) is not None), None)
        number = header.index(fields.NUMBER.column) if header is not None else None
        first, last = block.rows[0], previous.rows[-1]
        if number is None or not first.cells[number].empty or first.merged:
            return
        for above, below in zip(last.cells, first.cells):
            if above.broken_end and above.paras and below.paras and below.paras[0].text[:1].islower():
                above.paras[-1].text += below.paras[0].text.split(" ", 1)[0]
                rest = below.paras[0].text.split(" ", 1)
                if len(rest) > 1:
                    below.paras[0].text = rest[1]
                else:
                    below.paras.pop(0)

    def join_pages(self) -> None:
        """A ruled table that goes on over the next page is one grid: a grid right after another with
        the same number of columns, nothing between them, continues it (its repeated header row is
        dropped later by the row assembler)."""
        joined: list = []
        for block in self.blocks:
            previous = joined[-1] if joined else None
            if isinstance(block, Grid) and isinstance(previous, Grid) and block.ncols == previous.ncols and \
                    block.rows and recognize(block.rows[0].texts()) is None:
                self._split_row(previous, block)
                previous.rows.extend(block.rows)
                continue
            if isinstance(block, Grid) and isinstance(previous, Grid) and block.ncols == previous.ncols and \
                    block.rows and [t.lower() for t in block.rows[0].texts()] == [t.lower() for t in previous.rows[0].texts()]:
                previous.rows.extend(block.rows[1:])  # the header repeated on the new page
                continue
            joined.append(block)
        self.blocks = joined


_BROKEN = "\x00broken"


def _cell_lines(words: list[dict], left: float, right: float) -> list[str]:
    """The lines of a cell's text. A word too long for the column is broken by the page without a
    hyphen ("общеобразовате" / "льных"): a line that is one word filling the text's width to within
    half a letter, followed by a line starting with a small letter, is glued to it without a space."""
    lines = _text_lines(words)
    if not lines:
        return []
    out: list[str] = []
    glue = False
    for line in lines:
        text = " ".join(w["text"] for w in line)
        if glue and out and text[:1].islower():
            out[-1] += text
        else:
            out.append(text)
        word = line[0]
        letter = (word["x1"] - word["x0"]) / max(1, len(word["text"]))
        # the cell's padding is a few points (Word 5.4, LibreOffice 2.8): a broken word runs from
        # the left padding to the right one
        glue = len(line) == 1 and word["text"][-1:].isalpha() and word["x0"] - left <= 7 and \
            right - word["x1"] <= 7 + 0.5 * letter
    if glue:
        out.append(_BROKEN)  # the cell ends in a broken word: it goes on in the row on the next page
    return out


def _cluster(values: list[float], tolerance: float = 2.0) -> list[float]:
    out: list[float] = []
    for value in values:
        if not out or value - out[-1] > tolerance:
            out.append(value)
    return out


def _index(anchors: list[float], value: float) -> int:
    return min(range(len(anchors)), key=lambda k: abs(anchors[k] - value))


def _check_limits(data: bytes, name: str) -> None:
    try:
        measure(data)
    except PdfLimit as exc:
        raise ImportFailure(f"{name}: {exc.message}; это не похоже на документ с дорожной картой — "
                            "проверьте, тот ли это файл") from None


def read_pdf(data: bytes, name: str = "<pdf>") -> SourceDoc:
    """Read a PDF with a text layer into paragraphs and grids. Raises only ImportFailure."""
    if len(data) > MAX_BYTES:
        raise ImportFailure(f"{name}: файл слишком велик ({len(data) / 1024 / 1024:.1f} МБ) для документа с дорожной картой")
    _check_limits(data, name)
    pdfium, geometry = _load()
    reader = _Reader(name)
    characters = 0
    try:
        pdf = pdfium.PdfDocument(data)
    except Exception as exc:  # noqa: BLE001 - PDFium reports damage and passwords as PdfiumError
        text = str(exc).lower()
        if "password" in text or "security" in text:
            raise ImportFailure(f"{name}: PDF защищён паролем; снимите защиту (сохраните копию без пароля) и "
                                "импортируйте её") from None
        raise ImportFailure(f"{name}: PDF повреждён или не читается; если есть исходный "
                            "документ Word, импортируйте его") from None
    try:
        if len(pdf) > MAX_PAGES:
            raise ImportFailure(f"{name}: в PDF {len(pdf)} страниц; дорожная карта обычно занимает меньше "
                                f"{MAX_PAGES} — проверьте, тот ли это файл")
        for number in range(1, len(pdf) + 1):
            page = pdf[number - 1]
            read = _Page(page, pdfium, name, number)
            page.close()
            characters += len(read.words)
            if read.words:
                reader.page(read, number, geometry)
        reader.close_aligned()
        reader.join_pages()
    except ImportFailure:
        raise
    except Exception:  # noqa: BLE001 - a damaged page
        raise ImportFailure(f"{name}: PDF повреждён или не читается; если есть исходный "
                            "документ Word, импортируйте его") from None
    finally:
        pdf.close()
    if characters == 0:
        raise ImportFailure(f"{name}: в PDF нет текста — это, по-видимому, скан (изображения страниц). Импорт читает "
                            "только PDF с текстовым слоем. Распознайте текст (например, программой ocrmypdf с "
                            "параметром -l rus или в ABBYY FineReader) и импортируйте результат, либо импортируйте "
                            "исходный документ Word")
    doc = SourceDoc(name=name, kind="pdf", blocks=reader.blocks, notes=reader.notes)
    if not any(isinstance(b, Grid) for b in doc.blocks):
        raise ImportFailure(f"{name}: в PDF не найдена таблица: ни таблицы с линиями, ни колонок, выровненных под "
                            "строкой заголовка («№», «Мероприятие», «Срок», «Ответственный»)")
    return doc
