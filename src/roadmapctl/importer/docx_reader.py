"""Reader for Word documents (.docx) → the same neutral grid as the text reader.

The body is read in document order (paragraphs and tables). Table rows are read from the XML,
cell by cell, so a merged cell is read once: a cell spanning columns (``w:gridSpan``) sits in its
first grid column, a row that is one cell across the whole table is a merged row (a section
title), and a cell merged down from the row above (``w:vMerge``) repeats that cell's text (the
number column excepted: see rows.py). Several paragraphs and list items in a cell stay separate
paragraphs; Word's automatic list numbering in the number column is computed, since it is not
part of the text.
"""

from __future__ import annotations

import copy
import io
import re
import zipfile
import zlib

from roadmapctl.importer.docx_text import W, paragraph_text
from roadmapctl.importer.grid import Cell, Grid, ImportFailure, Para, Row, SourceDoc
from roadmapctl.own_output import CONTINUED_STYLE

MAX_BYTES = 64 * 1024 * 1024
# What a document may claim, checked before anything is allocated for it. Word itself allows 63
# columns in a table; the row and cell limits are far above any roadmap (the benchmark imports
# 50,000 activities) and only stop a document that would fill the memory.
MAX_UNPACKED = 256 * 1024 * 1024  # all parts together, as the package declares them
MAX_PART = 128 * 1024 * 1024
MAX_COLUMNS = 63
MAX_ROWS = 200_000
MAX_CELLS = 5_000_000


def is_docx(data: bytes) -> bool:
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def _check_package(data: bytes, name: str) -> None:
    """Refuse a package whose parts would unpack to more than a Word document ever holds: first
    by the sizes the zip directory declares, then by unpacking each part in pieces without
    keeping it. The directory may lie: Python's zipfile cuts a part at its declared size only
    after inflating the whole of it in one piece (a part declared as 1,000 bytes took 650 MB)."""
    too_big = ImportFailure(f"{name}: части документа Word занимают в распакованном виде больше "
                            f"{MAX_UNPACKED // 1024 // 1024} МБ — это не обычный документ; импорт остановлен")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        total = 0
        for info in archive.infolist():
            total += info.file_size
            if info.file_size > MAX_PART or total > MAX_UNPACKED:
                raise too_big
        total = 0
        for info in archive.infolist():
            probe = copy.copy(info)
            probe.file_size = MAX_PART + 1  # read as far as the data goes, not as the directory says
            try:
                with archive.open(probe) as part:
                    size = 0
                    while chunk := part.read(1 << 20):
                        size += len(chunk)
                        if size > info.file_size:
                            if size > MAX_PART or total + size > MAX_UNPACKED:
                                raise too_big
                            raise ImportFailure(f"{name}: часть {info.filename} документа Word больше, чем записано "
                                                "в оглавлении архива; документ повреждён — откройте его в Word и "
                                                "сохраните заново как .docx")
                    total += size
            except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError, RuntimeError):
                continue  # damage (or encryption) python-docx reports in its own way


def _span(value, name: str, where: str) -> int:
    count = _int(value, 1)
    if count > MAX_COLUMNS:
        raise ImportFailure(f"{name}: {where}: ячейка объединяет {count} колонок, а в таблице Word их не больше "
                            f"{MAX_COLUMNS}; документ повреждён")
    return max(1, count)


def _int(value, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


class _Numbering:
    """Word list numbering: the label each numbered paragraph shows ("1.", "1.2.")."""

    def __init__(self, document):
        self.formats: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.counters: dict[str, list[int]] = {}
        try:
            self._read(document.part.numbering_part.element)
        except Exception:  # noqa: BLE001 - no numbering part, or a damaged one: numbers stay as typed
            self.formats = {}

    def _read(self, root) -> None:
        abstract = {}
        for node in root.findall(f"{W}abstractNum"):
            levels = {}
            for lvl in node.findall(f"{W}lvl"):
                ilvl = _int(lvl.get(f"{W}ilvl"), 0)
                if not 0 <= ilvl <= 8:
                    continue
                fmt = lvl.find(f"{W}numFmt")
                text = lvl.find(f"{W}lvlText")
                start = lvl.find(f"{W}start")
                levels[ilvl] = (
                    fmt.get(f"{W}val") if fmt is not None else "decimal",
                    text.get(f"{W}val") if text is not None else f"%{ilvl + 1}.",
                    _int(start.get(f"{W}val"), 1) if start is not None else 1,
                )
            abstract[node.get(f"{W}abstractNumId")] = levels
        for num in root.findall(f"{W}num"):
            ref = num.find(f"{W}abstractNumId")
            if ref is None:
                continue
            for ilvl, spec in abstract.get(ref.get(f"{W}val"), {}).items():
                self.formats[(num.get(f"{W}numId"), ilvl)] = spec

    def label(self, num_id: str, ilvl: int) -> str | None:
        if not 0 <= ilvl <= 8:
            return None
        spec = self.formats.get((num_id, ilvl))
        if spec is None:
            return None
        counters = self.counters.setdefault(num_id, [0] * 9)
        for level in range(9):
            if counters[level] == 0 and level < ilvl:
                counters[level] = self.formats.get((num_id, level), ("decimal", "", 1))[2]
        counters[ilvl] = counters[ilvl] + 1 if counters[ilvl] else spec[2]
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = 0
        fmt, text, _start = spec
        if fmt not in ("decimal", "decimalZero"):
            return None  # bullets and letters: not a number
        return re.sub(r"%(\d)", lambda m: str(counters[int(m.group(1)) - 1]), text)


class _Reader:
    def __init__(self, document, name: str):
        self.document = document
        self.name = name
        self.numbering = _Numbering(document)
        self.ordinal = 0
        self.tables = 0
        self.cells = 0

    # -------------------------------------------------------------- paragraphs
    def paragraph(self, element) -> tuple[list[Para], str | None]:
        """A w:p → its paragraphs (split at manual line breaks) and its list label, if numbered."""
        from docx.text.paragraph import Paragraph

        self.ordinal += 1
        paragraph = Paragraph(element, self.document._body)
        text = paragraph_text(element)
        # tabs and non-breaking spaces become plain spaces (the renderer puts non-breaking spaces
        # back where ГОСТ wants them); soft hyphens are dropped
        text = text.replace("\t", " ").replace("\xa0", " ").replace("\u202f", " ").replace("\xad", "")
        ppr = element.find(f"{W}pPr")
        bullet = False
        label = None
        style = ""
        style_element = None
        style_ref = ppr.find(f"{W}pStyle") if ppr is not None else None
        if style_ref is not None:
            style_element = self._styles.get(style_ref.get(f"{W}val"))
        if style_element is not None:
            name = style_element.find(f"{W}name")
            style = name.get(f"{W}val", "") if name is not None else ""
        numpr = ppr.find(f"{W}numPr") if ppr is not None else None
        if numpr is None:
            numpr = self._style_numbering(style_element)
        if numpr is not None:
            num_id = numpr.find(f"{W}numId")
            ilvl = numpr.find(f"{W}ilvl")
            if num_id is not None and num_id.get(f"{W}val") not in (None, "0"):
                level = int(ilvl.get(f"{W}val", "0")) if ilvl is not None and ilvl.get(f"{W}val", "0").isdigit() else 0
                label = self.numbering.label(num_id.get(f"{W}val"), level)
                bullet = label is None
        if "List Bullet" in style or "Маркированный" in style:
            bullet = True
        bold = self._bold(paragraph)
        page_break = bool(element.findall(f".//{W}br[@{W}type='page']")) or (
            ppr is not None and ppr.find(f"{W}pageBreakBefore") is not None
        )
        lines = text.split("\n")
        paras = []
        for k, line in enumerate(lines):
            paras.append(Para(line.strip(), bold=bold, bullet=bullet and k == 0, line=self.ordinal, page_break=page_break and k == 0,
                              continued=k == 0 and style == CONTINUED_STYLE))
            if k:
                self.ordinal += 1
        return paras, label

    def _style_numbering(self, style_element):
        """The list numbering a paragraph style carries ("List Number", "List Bullet"), if any."""
        seen = 0
        while style_element is not None and seen < 10:
            ppr = style_element.find(f"{W}pPr")
            if ppr is not None and ppr.find(f"{W}numPr") is not None:
                return ppr.find(f"{W}numPr")
            based = style_element.find(f"{W}basedOn")
            if based is None:
                return None
            style_element = self._styles.get(based.get(f"{W}val"))
            seen += 1
        return None

    @property
    def _styles(self) -> dict:
        if not hasattr(self, "_style_map"):
            self._style_map = {}
            try:
                for node in self.document.styles.element.findall(f"{W}style"):
                    self._style_map[node.get(f"{W}styleId")] = node
            except Exception:  # noqa: BLE001 - no styles part
                pass
        return self._style_map

    def _bold(self, paragraph) -> bool:
        runs = [r for r in paragraph.runs if r.text.strip()]
        if not runs:
            return False
        style_bold = self._style_bold(paragraph)
        return all(r.bold or (r.bold is None and style_bold) for r in runs)

    def _style_bold(self, paragraph) -> bool:
        """Whether the paragraph's style (its own run properties, as python-docx's
        ``style.font.bold``) is bold, from the style map read once: python-docx looks a style up
        by scanning every style, 2 ms a paragraph with Word's 165 (300,000 paragraphs: 10 min)."""
        try:
            style_id = paragraph._p.style
        except Exception:  # noqa: BLE001
            return False
        cache: dict = self.__dict__.setdefault("_bold_styles", {})
        if style_id not in cache:
            styles = self._styles
            node = styles.get(style_id)
            if node is None or node.get(f"{W}type") not in (None, "paragraph"):
                defaults = [n for n in styles.values() if n.get(f"{W}type") == "paragraph"
                            and n.get(f"{W}default") in ("1", "true", "on")]
                node = defaults[-1] if defaults else None
            bold = node.find(f"{W}rPr/{W}b") if node is not None else None
            cache[style_id] = bold is not None and bold.get(f"{W}val") not in ("0", "false", "off")
        return bool(cache[style_id])

    # -------------------------------------------------------------- tables
    def table(self, element) -> Grid:
        self.tables += 1
        number = self.tables
        grid_cols = element.find(f"{W}tblGrid")
        ncols = len(grid_cols.findall(f"{W}gridCol")) if grid_cols is not None else 0
        rows: list[Row] = []
        above: dict[int, Cell] = {}
        found_rows = element.findall(f"{W}tr")
        if len(found_rows) > MAX_ROWS:
            raise ImportFailure(f"{self.name}: таблица {number}: строк {len(found_rows)}, больше {MAX_ROWS} — "
                                "это не таблица дорожной карты; импорт остановлен")
        for r, tr in enumerate(found_rows, 1):
            cells: list[Cell] = []
            position = 0
            spans = []
            before = tr.find(f"{W}trPr")
            skipped = 0
            if before is not None:
                grid_before = before.find(f"{W}gridBefore")
                if grid_before is not None and grid_before.get(f"{W}val", "0").isdigit():
                    skipped = _span(grid_before.get(f"{W}val"), self.name, f"таблица {number}, строка {r}")
            for _ in range(skipped):
                cells.append(Cell())
                position += 1
            for tc in tr.findall(f"{W}tc"):
                tcpr = tc.find(f"{W}tcPr")
                span = 1
                vmerge = None
                if tcpr is not None:
                    grid_span = tcpr.find(f"{W}gridSpan")
                    if grid_span is not None and grid_span.get(f"{W}val", "1").isdigit():
                        span = _span(grid_span.get(f"{W}val"), self.name, f"таблица {number}, строка {r}")
                    merge = tcpr.find(f"{W}vMerge")
                    if merge is not None:
                        vmerge = merge.get(f"{W}val", "continue")
                cell = self.cell(tc)
                if vmerge == "continue" and position in above:
                    cell = Cell([Para(p.text, bold=p.bold, bullet=p.bullet, line=p.line) for p in above[position].paras],
                                vmerged=True)
                elif vmerge == "restart" or vmerge is None:
                    above[position] = cell
                cells.append(cell)
                spans.append(span)
                for _ in range(span - 1):
                    cells.append(Cell())
                position += span
            self.cells += position
            if position > MAX_COLUMNS or self.cells > MAX_CELLS:
                raise ImportFailure(f"{self.name}: таблица {number}, строка {r}: слишком много ячеек для документа "
                                    "с дорожной картой; документ повреждён")
            width = max(ncols, position)
            merged = len(spans) == 1 and spans[0] >= max(2, width) and width > 1
            rows.append(Row(cells, where=f"таблица {number}, строка {r}", merged=merged, exact=True))
        width = max([ncols] + [len(row.cells) for row in rows]) if rows else ncols
        for row in rows:
            row.cells += [Cell() for _ in range(width - len(row.cells))]
        return Grid(rows, where=f"таблица {number}", ncols=width)

    def cell(self, tc) -> Cell:
        paras: list[Para] = []
        label = None
        for child in tc:
            if child.tag == f"{W}p":
                found, own = self.paragraph(child)
                if own and label is None and not any(not p.empty for p in paras):
                    label = own
                paras.extend(found)
            elif child.tag == f"{W}tbl":
                inner = self.table(child)
                for row in inner.rows:
                    text = " | ".join(c.text for c in row.cells if not c.empty)
                    if text:
                        paras.append(Para(text))
            elif child.tag == f"{W}sdt":
                content = child.find(f"{W}sdtContent")
                if content is not None:
                    for p in content.iter(f"{W}p"):
                        found, _own = self.paragraph(p)
                        paras.extend(found)
        cell = Cell(paras)
        if label:
            cell.auto_number = label
        return cell

    # -------------------------------------------------------------- body
    def body(self, root) -> list:
        blocks: list = []
        for child in root:
            if child.tag == f"{W}p":
                paras, label = self.paragraph(child)
                for para in paras:
                    if label and not para.empty and para is paras[0]:
                        para.text = f"{label} {para.text}"
                    if not para.empty:
                        blocks.append(para)
            elif child.tag == f"{W}tbl":
                blocks.append(self.table(child))
            elif child.tag == f"{W}sdt":
                content = child.find(f"{W}sdtContent")
                if content is not None:
                    blocks.extend(self.body(content))
        return blocks


def _invalid_xml_char(exc: Exception) -> bool:
    """Whether lxml refused a part for a character XML does not allow (a control character)."""
    text = str(getattr(exc, "msg", "") or exc)
    return "Char" in text and ("invalid" in text.lower() or "PCDATA" in text)


def _where(exc: Exception) -> str:
    position = getattr(exc, "position", None)
    if isinstance(position, tuple) and len(position) == 2:
        return f" в строке {position[0]}, колонке {position[1]} части word/document.xml"
    return ""


def read_docx(data: bytes, name: str = "<docx>") -> SourceDoc:
    """Read a .docx into paragraphs and grids. Raises only ImportFailure."""
    if len(data) > MAX_BYTES:
        raise ImportFailure(f"{name}: файл слишком велик ({len(data) / 1024 / 1024:.1f} МБ) для документа с дорожной картой")
    if not is_docx(data):
        raise ImportFailure(f"{name}: файл не является документом Word (.docx)")
    try:
        import docx  # python-docx; imported only when a Word file is read
    except ImportError:  # pragma: no cover - a dependency of the package
        raise ImportFailure("для чтения документов Word нужен пакет python-docx; установите его: pip install python-docx") from None
    _check_package(data, name)
    try:
        document = docx.Document(io.BytesIO(data))
        body = document.element.body
    except Exception as exc:  # noqa: BLE001 - any damage inside the package, a main part that is not a document
        if _invalid_xml_char(exc):
            raise ImportFailure(f"{name}: в документе Word есть символ, недопустимый в XML (управляющий символ"
                                f"{_where(exc)}); документ повреждён — откройте его в Word и сохраните заново как .docx") from None
        raise ImportFailure(f"{name}: документ Word повреждён или сохранён в неподдерживаемом виде; "
                            "откройте его в Word и сохраните заново как .docx") from None
    if body is None:
        raise ImportFailure(f"{name}: в документе Word нет основного текста (он повреждён); откройте его в Word и сохраните заново")
    try:
        reader = _Reader(document, name)
        blocks = reader.body(document.element.body)
    except ImportFailure:
        raise
    except Exception:  # noqa: BLE001
        raise ImportFailure(f"{name}: не удалось прочитать содержимое документа Word (документ повреждён или "
                            "устроен необычно); откройте его в Word и сохраните заново как .docx") from None
    doc = SourceDoc(name=name, kind="docx", blocks=blocks)
    try:
        core = document.core_properties
        if core.title:
            doc.properties["title"] = core.title
        if core.author:
            doc.properties["author"] = core.author
    except Exception:  # noqa: BLE001 - properties are optional
        pass
    if not any(isinstance(b, Grid) for b in blocks):
        from roadmapctl.importer.docx_tabs import tabbed_paragraphs  # a table typed as paragraphs with tabs

        return tabbed_paragraphs(document, doc)
    return doc
