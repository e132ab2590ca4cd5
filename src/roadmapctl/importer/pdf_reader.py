"""Reader for PDF documents with a text layer → the neutral grid of paragraphs and tables.

The PDF is read with pdfplumber (a well-kept library built on pdfminer.six that knows where each
character and each ruling line stands). Tables are found two ways:

- by their ruling lines (pdfplumber's table finder): the usual case of a document printed from
  Word or LibreOffice; a cell covering several columns is one cell, the others of the row stay
  empty, as a Word cell with ``gridSpan``;
- by column alignment, when a page has no ruled table: the header line (or the two or three
  lines of a wrapped header) gives the columns, a line whose first column holds a number starts
  a row, and the lines below it add to the cells of that row.

Lines of a cell wrapped by the page are joined into one paragraph; a line starting with a dash
starts a new one. Text outside tables becomes paragraphs, a line continuing the one above (it
starts with a small letter, or the line above runs to the right margin) joined to it. A PDF
without any text (a scan) is refused with a message saying what to do.
"""

from __future__ import annotations

import io
import re
import statistics

from roadmapctl.importer.columns import recognize
from roadmapctl.importer.grid import Cell, Grid, ImportFailure, Para, Row, SourceDoc
from roadmapctl.importer.plaintext import join_wrapped
from roadmapctl.importer.rows import NUMBER, SECTION_HEAD

MAX_BYTES = 64 * 1024 * 1024
MAX_PAGES = 400


def _load():
    try:
        import pdfplumber  # imported only when a PDF is read
    except ImportError:  # pragma: no cover - a dependency of the package
        raise ImportFailure("для чтения PDF нужен пакет pdfplumber; установите его: pip install pdfplumber") from None
    return pdfplumber


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
    """Words → lines (words whose tops are within 3 points), each line sorted left to right."""
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - word["top"]) <= 3:
            lines[-1].append(word)
        else:
            lines.append([word])
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

    # ---------------------------------------------------------------- paragraphs
    def line(self, text: str, x0: float, x1: float, right: float, bold: bool = False) -> None:
        self.pending.append((text, x0, x1, bold))
        self._right = right

    def flush(self) -> None:
        paras: list[list] = []
        right = getattr(self, "_right", 0)
        for text, _x0, x1, bold in self.pending:
            if paras:
                previous = paras[-1]
                wrapped = previous[2] >= right - 20 and not previous[0].rstrip().endswith((".", ":", ";"))
                if text[:1].islower() or wrapped:
                    previous[0] = join_wrapped([previous[0], text])
                    previous[2] = x1
                    previous[3] = previous[3] and bold
                    continue
            paras.append([text, _x0, x1, bold])
        for text, _x0, _x1, bold in paras:
            self.counter[0] += 1
            self.blocks.append(Para(" ".join(text.split()), bold=bold, line=self.counter[0]))
        self.pending = []

    # ---------------------------------------------------------------- ruled tables
    def ruled(self, page, number: int) -> list:
        found = page.find_tables()
        out = []
        for table in found:
            rows_text = table.extract()
            rows: list[Row] = []
            self.tables += 1
            for r, raw in enumerate(rows_text, 1):
                cells = []
                for value in raw:
                    cells.append(Cell(_paragraphs((value or "").split("\n"), self.counter)))
                filled = [c for c in raw if c is not None]
                merged = len(filled) == 1 and len(raw) > 1 and raw[0] is not None
                rows.append(Row(cells, where=f"страница {number}, таблица {self.tables}, строка {r}",
                                merged=merged, exact=True))
            if rows and len(rows[0].cells) >= 2:
                out.append((table.bbox, Grid(rows, where=f"страница {number}, таблица {self.tables}")))
        return out

    # ---------------------------------------------------------------- tables by alignment
    def aligned_line(self, chunks: list[dict], number: int) -> bool:
        """Put a line into the open aligned table; False when it is not a line of that table."""
        table = self.aligned
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
            if depth > 1 and (group[-1][0]["top"] - group[-2][0]["bottom"] > 8
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
                     "number": header.index("номер"), "page": number}, index + depth)
        if best is None:
            return None
        self.aligned = best[0]
        return best[1]

    # ---------------------------------------------------------------- a page
    def page(self, page, number: int) -> None:
        ruled = self.ruled(page, number)
        boxes = [bbox for bbox, _grid in ruled]

        def outside(obj):
            if obj.get("object_type") != "char":
                return True
            middle_x = (obj["x0"] + obj["x1"]) / 2
            middle_y = (obj["top"] + obj["bottom"]) / 2
            return not any(x0 <= middle_x <= x1 and top <= middle_y <= bottom for x0, top, x1, bottom in boxes)

        rest = page.filter(outside) if boxes else page
        words = rest.extract_words(extra_attrs=["fontname"], keep_blank_chars=False)
        for word in words:
            word["bold"] = bool(re.search(r"bold|black|heavy|semibold|,b\b", str(word.get("fontname", "")), re.IGNORECASE))
        lines = _text_lines(words)
        sizes = [w["x1"] - w["x0"] for w in words if len(w["text"]) > 2]
        char = statistics.median([(w["x1"] - w["x0"]) / max(1, len(w["text"])) for w in words]) if words else 5
        gap = max(4.0, 1.1 * char)  # wider than a space (about a third of an em), narrower than a column gap
        right = max((w["x1"] for w in words), default=page.width)
        items: list[tuple[float, object]] = [(bbox[1], grid) for bbox, grid in ruled]
        k = 0
        line_items: list[tuple[float, list[dict]]] = [(line[0]["top"], line) for line in lines]
        del sizes
        merged = sorted(items + line_items, key=lambda item: item[0])
        position = 0
        while position < len(merged):
            top, item = merged[position]
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
            self.line(text, item[0]["x0"], item[-1]["x1"], right, all(c["bold"] for c in chunks))
            position += 1
        k += 1
        self.flush()


def read_pdf(data: bytes, name: str = "<pdf>") -> SourceDoc:
    """Read a PDF with a text layer into paragraphs and grids. Raises only ImportFailure."""
    if len(data) > MAX_BYTES:
        raise ImportFailure(f"{name}: файл слишком велик ({len(data) / 1024 / 1024:.1f} МБ) для документа с дорожной картой")
    pdfplumber = _load()
    reader = _Reader(name)
    characters = 0
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = pdf.pages
            if len(pages) > MAX_PAGES:
                raise ImportFailure(f"{name}: в PDF {len(pages)} страниц; дорожная карта обычно занимает меньше "
                                    f"{MAX_PAGES} — проверьте, тот ли это файл")
            for number, page in enumerate(pages, 1):
                characters += len(page.chars)
                if page.chars:
                    reader.page(page, number)
                page.flush_cache()
            reader.close_aligned()
    except ImportFailure:
        raise
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many kinds of errors on damaged files
        kind = type(exc).__name__
        if "password" in str(exc).lower() or "Encrypt" in kind or "Password" in kind:
            raise ImportFailure(f"{name}: PDF защищён паролем; снимите защиту (сохраните копию без пароля) и "
                                "импортируйте её") from None
        raise ImportFailure(f"{name}: PDF повреждён или не читается ({kind}); если есть исходный документ Word, "
                            "импортируйте его") from None
    if characters == 0:
        raise ImportFailure(f"{name}: в PDF нет текста — это, по-видимому, скан (изображения страниц). Импорт читает "
                            "только PDF с текстовым слоем. Распознайте текст (например, программой ocrmypdf с "
                            "параметром -l rus или в ABBYY FineReader) и импортируйте результат, либо импортируйте "
                            "исходный документ Word")
    doc = SourceDoc(name=name, kind="pdf", blocks=reader.blocks)
    if not any(isinstance(b, Grid) for b in doc.blocks):
        raise ImportFailure(f"{name}: в PDF не найдена таблица: ни таблицы с линиями, ни колонок, выровненных под "
                            "строкой заголовка («№», «Мероприятие», «Срок», «Ответственный»)")
    return doc
