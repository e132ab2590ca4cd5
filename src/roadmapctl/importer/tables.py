"""The document's blocks → the activity tables and the text around them.

A grid becomes an activity table when one of its rows is a recognisable header. A grid with two
header rows (extracted text of two tables with a title line between them) is split there. A grid
without a header right after an activity table with the same number of columns is the rest of
that table (a table split across pages); any other grid without a header is layout (an approval
stamp set in a borderless table) and its text joins the paragraphs around it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from roadmapctl.document import fields
from roadmapctl.importer.columns import Header, is_column_numbers, recognize
from roadmapctl.importer.datecols import combine_dates, joined_header, originals
from roadmapctl.importer.grid import Cell, Grid, ImportFailure, Para, Row, SourceDoc
from roadmapctl.importer.guesses import GuessLog, shorten


@dataclass
class Segment:
    header: Header
    header_row: Row
    rows: list[Row] = field(default_factory=list)
    title: str | None = None
    title_where: str | None = None
    before: list[Para] = field(default_factory=list)  # paragraphs between the previous table and this one


@dataclass
class Layout:
    before: list[Para]  # paragraphs before the first activity table
    segments: list[Segment]
    after: list[Para]


def _row_paras(row: Row) -> list[Para]:
    return [p for cell in row.cells for p in cell.paras if not p.empty]


def _header_of(row: Row) -> Header | None:
    if row.loose:
        return None
    return recognize([cell.text for cell in row.cells])


def _same_header(a: Header, b: Header) -> bool:
    return [(c.field, c.header.lower()) for c in a.columns] == [(c.field, c.header.lower()) for c in b.columns]


def find_tables(doc: SourceDoc, log: GuessLog) -> Layout:
    before: list[Para] = []
    segments: list[Segment] = []
    pending: list[Para] = []  # paragraphs since the last table
    unrecognized_grids = 0

    def start(header: Header, row: Row, title_row: Row | None = None) -> Segment:
        nonlocal pending
        segment = Segment(header=header, header_row=row, before=pending)
        if title_row is not None:
            segment.title = " ".join(p.text for p in _row_paras(title_row)).strip() or None
            segment.title_where = title_row.where
        pending = []
        segments.append(segment)
        return segment

    for block in doc.blocks:
        if isinstance(block, Para):
            if segments:
                pending.append(block)
            else:
                before.append(block)
            continue
        grid: Grid = block
        headers = [(i, h) for i, row in enumerate(grid.rows) if (h := _header_of(row)) is not None]
        if not headers:
            previous = segments[-1] if segments else None
            numbered = sum(1 for row in grid.rows if row.cells and row.cells[0].text.strip()[:1].isdigit())
            if previous is not None and not [p for p in pending if not p.empty] and numbered and \
                    abs(grid.ncols - len(previous.header.columns)) <= (0 if grid.rows and grid.rows[0].exact else 1):
                previous.rows.extend(grid.rows)
                log.add(grid.where, "таблица без строки заголовка сразу после таблицы мероприятий считается её "
                                    "продолжением (таблица разорвана на части)")
                continue
            unrecognized_grids += 1
            flat = [p for row in grid.rows for p in _row_paras(row)]
            (pending if segments else before).extend(flat)
            continue
        first_index = headers[0][0]
        for row in grid.rows[:first_index]:
            (pending if segments else before).extend(_row_paras(row))
        for k, (index, header) in enumerate(headers):
            end = headers[k + 1][0] if k + 1 < len(headers) else len(grid.rows)
            title_row = None
            if index > 0 and grid.rows[index - 1].loose and k > 0:
                title_row = grid.rows[index - 1]
            previous = segments[-1] if segments else None
            if previous is not None and k == 0 and _same_header(previous.header, header) and \
                    not [p for p in pending if not p.empty]:
                previous.rows.extend(grid.rows[index + 1:end])
                log.add(grid.where, "таблица с тем же заголовком сразу после таблицы мероприятий объединена с ней "
                                    "(таблица разорвана на части)")
                continue
            segment = start(header, grid.rows[index], title_row)
            body = grid.rows[index + 1:end]
            if k + 1 < len(headers) and body and body[-1].loose:
                body = body[:-1]
            segment.rows = body
    if not segments:
        if unrecognized_grids:
            raise ImportFailure(
                f"{doc.name}: в документе есть таблицы, но ни у одной нет узнаваемой строки заголовка. Импорт ищет "
                "колонки «Мероприятие» (или «Содержание действия», «Наименование мероприятия», «Основные "
                "направления деятельности») и хотя бы одну из «Сроки», «Ответственный», «Ожидаемые результаты»"
            )
        raise ImportFailure(f"{doc.name}: в документе не найдена таблица мероприятий")
    _titles(segments, log)
    for segment in segments:
        if segment.header.dates:
            join_date_columns(segment)
    return Layout(before=before, segments=segments, after=pending)


def _titles(segments: list[Segment], log: GuessLog) -> None:
    """A title for every table after the first: the last short paragraph standing before it."""
    for segment in segments[1:]:
        if segment.title is None:
            texts = [p for p in segment.before if not p.empty]
            if texts and len(texts[-1].text) <= 200:
                segment.title = texts[-1].text.strip()
                segment.title_where = f"строка {texts[-1].line}" if texts[-1].line else "абзац перед таблицей"
                texts = texts[:-1]
            skipped = " ".join(p.text for p in texts)
            if skipped.strip():
                log.add(segment.title_where or "текст между таблицами",
                        f"текст между таблицами не перенесён: «{shorten(skipped, 60)}»")


def join_date_columns(segment: Segment) -> None:
    """Several date columns of a table (start/end, quarters, «Дата» …) → one deadline column:
    each row's date cells become one deadline text, the cells as written kept in the row's
    comment (see :mod:`datecols`)."""
    header = segment.header
    dates = header.dates
    names = [header.columns[k].header for k in dates]
    first = dates[0]
    kept = [c for c in header.columns if c.index not in dates[1:]]
    for position, column in enumerate(kept):
        column.index = position
    kept[first].field = fields.DEADLINE.column
    kept[first].header = joined_header(names)
    segment.header = Header(kept)
    for row in [segment.header_row, *segment.rows]:
        if row.loose or len(row.cells) <= dates[-1]:
            continue
        values = [row.cells[k].text for k in dates]
        if all(not v.strip() for v in values) or is_column_numbers([c.text for c in row.cells]):
            row.cells = [c for k, c in enumerate(row.cells) if k not in dates[1:]]
            continue
        if row is segment.header_row:
            combined = Cell.of(kept[first].header)
        else:
            combined = Cell.of(combine_dates(names, values))
            note = originals(names, values)
            row.reader_note = f"{row.reader_note}; {note}" if row.reader_note else note
        row.cells = [combined if k == first else c for k, c in enumerate(row.cells) if k not in dates[1:]]
