"""Tables in plain text without tabs: cells separated by ``|`` (Markdown, legal databases' box
tables) and one cell per line (text copied from a PDF viewer).

Both functions return the text's lines with the table rows put in place: an item is either the
line as it was (a paragraph or a blank), ``None`` for a line taken into a row, or a tuple
``(first line number, cells)`` for a row, or ``(first line number, cells, guess)`` when placing its
lines in cells was a guess. Line numbers therefore stay those of the file, and the
text reader builds its grid from the result exactly as it does for tab-separated text.
"""

from __future__ import annotations

import re
from enum import Enum
from itertools import pairwise

from roadmapctl.document import fields
from roadmapctl.importer.cells import looks_like_deadline
from roadmapctl.importer.columns import NUMBER_HEADER, is_column_numbers, recognize, role_of
from roadmapctl.importer.datecols import is_date_header
from roadmapctl.importer.rows import NUMBER

_VERTICALS = str.maketrans({"│": "|", "┃": "|", "║": "|", "¦": "|"})
_BORDER = re.compile(r"^[\s|+:\-=/\\─━┄┈┼┬┴├┤┌┐└┘╔╗╚╝═╠╣╦╩╬╪╫╞╡╤╧╥╨]*$")
_BORDER_DASHES = re.compile(r"[-=─━═┄┈]{3,}|(?:^|\|)\s*:?-{2,}:?\s*(?:\||$)")
_ESCAPED_PIPE = "\x00"

Lines = list  # list[str | None | tuple[int, list[str]]]


class _Uneven(Exception):
    """The lines of one framed row have different numbers of cells."""


def _is_border(line: str) -> bool:
    return bool(line.strip()) and bool(_BORDER.match(line)) and bool(_BORDER_DASHES.search(line))


def _pipe_cells(line: str) -> list[str] | None:
    """A line's cells, or None when it has no separators."""
    text = line.replace("\\|", _ESCAPED_PIPE).translate(_VERTICALS).strip()
    if text.count("|") < 1:
        return None
    pieces = text.split("|")
    enclosed = text.startswith("|") and text.endswith("|") and len(text) > 1
    if text.startswith("|"):
        pieces = pieces[1:]
    if text.endswith("|") and pieces:
        pieces = pieces[:-1]
    if len(pieces) < 2 and not (enclosed and len(pieces) == 1):
        return None  # one cell is a row only between two bars: «│I. Организационные мероприятия│»
    return [p.replace(_ESCAPED_PIPE, "|").strip() for p in pieces]


def join_wrapped(pieces: list[str]) -> str:
    """Lines of one cell wrapped by the page → one text. A line starting with a dash or a bullet
    starts a new paragraph ("<br>", which the cell parser splits at); "учебно-" + "методических"
    keep the hyphen and no space; other lines are joined with a space."""
    out = ""
    for piece in (p.strip() for p in pieces):
        if not piece:
            continue
        if not out:
            out = piece
        elif piece[:1] in "-–—•·" and len(piece) > 1 and piece[1] not in "-–—":
            out += "<br>" + piece
        elif (out.endswith("-") and not out.endswith(" -") and piece[:1].islower()) or piece[:1] in ".,;:)»!?":
            out += piece  # "учебно-" + "методических"; a wrapped "10.10" + "."
        else:
            out += " " + piece
    return out


def pipe_rows(lines: list[str]) -> Lines | None:
    """Rows of a ``|`` table, or None when the text has none (fewer than two lines with cells)."""
    cells_of = [(_pipe_cells(line) if not _is_border(line) else None) for line in lines]
    table_lines = [i for i, cells in enumerate(cells_of) if cells]
    if sum(1 for i in table_lines if len(cells_of[i] or ()) >= 2) < 2:
        return None
    borders = [i for i, line in enumerate(lines) if _is_border(line)]
    inner = [b for b in borders if table_lines[0] < b < table_lines[-1]]
    out: Lines = list(lines)
    for b in borders:
        out[b] = None
    # a box table (borders drawn with ─┼ or +---+ between the rows, as legal databases export
    # them) wraps every cell over several lines; a Markdown table has one separator line only
    drawn = [b for b in inner if re.search(r"[─━═┼├┤╪╫+]", lines[b])]
    boxed = any(ch in line for line in lines for ch in "│┌└╔")
    if len(drawn) >= 2 or (drawn and boxed):
        # a box table: the lines between two border lines are one row, each cell wrapped over them
        group: list[int] = []

        def flush():
            if not group:
                return
            width = max(len(cells_of[i]) for i in group)
            if len({len(cells_of[i]) for i in group}) > 1:
                # a header split into sub-columns: joined by the frame's positions when drawn in
                # box-drawing characters (a fixed-width frame), else the cells cannot be joined
                leaves = box_cells([lines[i] for i in group]) if boxed else None
                if leaves is None:
                    raise _Uneven
                merged = leaves
            else:
                merged = [join_wrapped([cells_of[i][k] if k < len(cells_of[i]) else "" for i in group])
                          for k in range(width)]
            out[group[0]] = (group[0] + 1, merged)
            for i in group[1:]:
                out[i] = None
            group.clear()

        try:
            for i in range(len(lines)):
                if cells_of[i]:
                    group.append(i)
                else:
                    flush()
            flush()
        except _Uneven:
            return None
        _spanning_sections(out)
        return out
    for i in table_lines:
        out[i] = (i + 1, cells_of[i])
    return out


_BOX_BARS = frozenset("│┃║|¦├┤┼┬┴┌┐└┘╟╢╫╠╣╬╞╡╪")
_BOX_FILL = re.compile(r"^[\s─━═┄┈\-]*$")


def _bars(line: str) -> list[int]:
    return [k for k, ch in enumerate(line) if ch in _BOX_BARS]


def box_cells(lines: list[str]) -> list[str] | None:
    """The leaf cells of one framed row of a box-drawing table whose lines part a cell into
    sub-columns (a two-level header: «Сроки выполнения …» over four quarters), found by the
    frame's positions: the leaf columns are those of the line with the most bars; a cell that
    spans several leaves is a group header over them. Under a date group whose sub-headers are
    all dates (quarters, start/end) the leaves are the sub-headers; under any other group a leaf
    is «group sub-header». None when the lines' bars do not line up (a frame not drawn by width)."""
    positions = [_bars(line) for line in lines]
    widest = max(positions, key=len)
    if len(widest) < 3:
        return None
    edges = widest
    for bars in positions:
        if any(b not in edges for b in bars) or bars[0] != edges[0] or bars[-1] != edges[-1]:
            return None  # a bar that is no edge of the widest line: not a fixed-width frame
    count = len(edges) - 1
    leaf_texts: list[list[str]] = [[] for _ in range(count)]
    groups: dict[tuple[int, int], list[str]] = {}
    for line, bars in zip(lines, positions):
        for a, b in pairwise(bars):
            text = line[a + 1:b]
            if _BOX_FILL.match(text):
                continue  # a piece of an inner border («├────┬────┤»)
            first, last = edges.index(a), edges.index(b) - 1
            if first == last:
                leaf_texts[first].append(text)
            else:
                groups.setdefault((first, last), []).append(text)
    leaves = [join_wrapped(t) for t in leaf_texts]
    for (first, last), texts in groups.items():
        group = join_wrapped(texts)
        subs = leaves[first:last + 1]
        if not group:
            continue
        if role_of(group) == fields.DEADLINE.column and all(sub and is_date_header(sub) for sub in subs):
            continue  # «Сроки выполнения …» over its quarters: the quarters are the columns
        if not any(subs):
            leaves[first] = group  # a cell spanning the row (a section)
            continue
        for k in range(first, last + 1):
            leaves[k] = f"{group} {leaves[k]}".strip()
    return leaves


def _spanning_sections(out: Lines) -> None:
    """A framed row of a number and one cell spanning the rest of the table («| 1 | Приоритет:
    … |» under six columns) is a section, as a Word row merged across the table is."""
    width = max((len(item[1]) for item in out if isinstance(item, tuple)), default=0)
    if width < 4:
        return
    for k, item in enumerate(out):
        if isinstance(item, tuple) and len(item[1]) == 2 and NUMBER.match(item[1][0].strip()) and item[1][1].strip():
            out[k] = (item[0], [f"{item[1][0].strip()} {item[1][1].strip()}"] + [""] * (width - 1))


# --------------------------------------------------------------------------- one cell per line

_SECTION_LINE = re.compile(r"^(?:(?:раздел|блок|этап)\s+\S+|[IVXLC]{1,6}\.?)\s+\S", re.IGNORECASE)
_NUMBERED_LINE = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2})*)\.?\s+\S")


def _header_before(lines: list[str], row: int) -> tuple[int, list[str]] | None:
    """The header standing right above the first row (line index ``row``): (its first line,
    its cells). Header cells are consecutive short lines (a wrapped cell joined back); the
    longest run that reads as a header and starts with a known column name is taken."""
    run: list[int] = []
    k = row - 1
    while k >= 0 and len(run) < 16:
        text = lines[k].strip()
        if not text or len(text) > 60 or NUMBER.match(text):
            break
        run.insert(0, k)
        k -= 1
    best = None
    for first in range(len(run)):
        cells: list[str] = []
        for i in run[first:]:
            text = lines[i].strip()
            if cells and (text[:1].islower() or re.fullmatch(r"(?i)п\s*/\s*п\.?", text)):
                cells[-1] = cells[-1] + " " + text
            else:
                cells.append(text)
        if len(cells) < 3 or role_of(cells[0]) is None or lines[run[first]].strip()[:1].islower():
            continue
        if role_of(cells[0]) != fields.NUMBER.column and any(NUMBER_HEADER.match(c) for c in cells[1:]):
            continue  # «План мероприятий …» right above «№ / Мероприятие / …»: the title, the header from «№»
        header = recognize(cells)
        if header is not None and all(c.field or len(c.header) <= 40 for c in header.columns):
            best = (run[first], cells)
            break  # the longest run
    return best


def _split_row(lines: list[str], count: int, deadline: int | None, activity: int | None) -> tuple[list[str], str | None]:
    """The lines of one row (after its number) → ``count`` cells, and what was guessed (or None)."""
    lines = [line for line in lines if line]
    if len(lines) == count:
        return lines, None
    if len(lines) < count:
        # an empty cell left no line: the deadline, when one line reads as a deadline, is put in
        # its column, the lines before it from the first column on, the lines after it after it
        if deadline is not None:
            for k, line in enumerate(lines):
                if 0 < k and looks_like_deadline(line) and len(line) <= 80 and k <= deadline and \
                        len(lines) - k <= count - deadline:
                    before = lines[:k] + [""] * (deadline - k)
                    after = lines[k + 1:]
                    return (before + [line] + after + [""] * (count - deadline - 1 - len(after)),
                            f"в строке меньше строк текста ({len(lines)}), чем колонок ({count}): строка «{line}» "
                            "поставлена в колонку сроков, пустыми считаются ячейки рядом с ней")
        return lines, None
    # first, lines that continue a sentence (a small letter) join the line above, while there are
    # more lines than cells
    merged: list[str] = []
    for k, line in enumerate(lines):
        if merged and len(merged) + len(lines) - k > count and (line[:1].islower() or line[:1] in ",;)»«("):
            merged[-1] = join_wrapped([merged[-1], line])
        else:
            merged.append(line)
    note = "строки текста, начинающиеся со строчной буквы, присоединены к строке выше как продолжение ячейки"
    lines = merged
    if len(lines) <= count:
        return lines, note
    # then the deadline anchors the row: the cells before it take the first lines, the extra
    # lines before it join the activity cell; the extra lines after it join the last cell
    note = (f"в строке больше строк текста ({len(lines)}), чем колонок ({count}): лишние строки до срока "
            "присоединены к тексту мероприятия, после срока — к последней колонке")
    anchor = None
    if deadline is not None:
        for k, line in enumerate(lines):
            if k >= deadline and looks_like_deadline(line) and len(line) <= 80:
                anchor = k
                break
    if anchor is None:
        return lines[:count - 1] + [join_wrapped(lines[count - 1:])], (
            f"в строке больше строк текста ({len(lines)}), чем колонок ({count}); лишние строки присоединены к "
            "последней колонке")
    assert deadline is not None  # an anchor is looked for only with a deadline
    before, after = lines[:anchor], lines[anchor:]
    if len(before) > deadline:
        extra = len(before) - deadline
        a = activity if activity is not None and activity < deadline else 0
        before = before[:a] + [join_wrapped(before[a:a + extra + 1])] + before[a + extra + 1:]
    tail = count - deadline
    if len(after) > tail:
        after = after[:tail - 1] + [join_wrapped(after[tail - 1:])]
    return before + after, note


class _Kind(Enum):
    """What a run of lines after the header is."""

    ROW = "row"
    SECTION = "section"


_Run = tuple[int, list[str], _Kind]  # (first index into texts, lines, kind)


def single_cell_rows(lines: list[str], offset: int = 0) -> Lines | None:
    """Rows of a table copied one cell per line: the header lines give the columns; a line that
    is only a number starts a row; a line «I. …», «Раздел 2 …» is a section. In passes: the
    header and the first row, the column-number line, the runs of lines, the section lines
    standing alone, the rows in place."""
    texts = [(i, line.strip()) for i, line in enumerate(lines) if line.strip()]
    start = _header_and_first_row(lines, texts)
    if start is None:
        return None
    (first_line, cells), row = start
    header_start = next(k for k, (i, _t) in enumerate(texts) if i == first_line)
    after = next(k for k, (i, _t) in enumerate(texts) if i >= row)
    header = recognize(cells)
    assert header is not None
    number_col = header.index(fields.NUMBER.column)
    if number_col is None:
        return None
    ncols = len(cells)
    others = [c for c in header.columns if c.index != number_col]
    deadline = next((k for k, c in enumerate(others) if c.field == fields.DEADLINE.column), None)
    activity = next((k for k, c in enumerate(others) if c.field == fields.TEXT.column), None)
    out: Lines = list(lines)
    out[first_line] = (first_line + 1 + offset, cells)
    for i, _text in texts[header_start + 1:after]:
        out[i] = None
    k = _column_numbers(out, texts, after, ncols, offset)
    runs, next_table = _runs(lines, texts, k, ncols)
    if runs is None or not any(kind is _Kind.ROW for _k, _l, kind in runs):
        return None
    _lone_sections(runs, ncols)
    for first, pieces, kind in runs:
        index = texts[first][0]
        if kind is _Kind.SECTION:
            out[index] = (index + 1 + offset, [join_wrapped(pieces)] + [""] * (ncols - 1))
        else:
            body, note = _split_row(pieces[1:], ncols - 1, deadline, activity)
            cells_of_row = body[:number_col] + [pieces[0]] + body[number_col:]
            out[index] = (index + 1 + offset, cells_of_row, note) if note else (index + 1 + offset, cells_of_row)
        for j in range(first + 1, first + len(pieces)):
            out[texts[j][0]] = None
    if next_table is not None:
        tail = single_cell_rows(lines[next_table:], offset + next_table)
        if tail is not None:
            out[next_table:] = tail
    return out


def _is_row_start(text: str) -> bool:
    return bool(NUMBER.match(text)) and not re.fullmatch(r"[IVXLC]{1,6}\.?", text)


def _header_and_first_row(lines: list[str], texts: list[tuple[int, str]]) -> tuple[tuple[int, list[str]], int] | None:
    """The header standing above the first number line, and that row's line."""
    for position, (i, text) in enumerate(texts):
        if not _is_row_start(text):
            continue
        row = i
        # a section line (and the column-number lines) may stand between the header and the row
        back = position - 1
        while back >= 0 and re.fullmatch(r"\d{1,2}", texts[back][1]):
            back -= 1  # the column numbers "1 2 3 4 5", one per line
        # up to two section titles may stand between the header and the first row: the reading
        # with the most known columns, then the fewest unknown ones, wins (a title is not taken
        # for a header cell, nor a header cell for a title)
        found = None
        for skip in range(3):
            if back - skip < 0 or (skip and not _title_line(texts[back - skip + 1][1])):
                break
            start_line = texts[back - skip + 1][0] if back - skip + 1 < position else i
            candidate = _header_before(lines, start_line)
            if candidate and (found is None or _score(candidate[1]) > _score(found[1])):
                found, row = candidate, start_line
        if found:
            return found, row
    return None


def _column_numbers(out: Lines, texts: list[tuple[int, str]], k: int, ncols: int, offset: int) -> int:
    """The column-number line "1 2 3 4 5" (one per line) under the header: put in place; the
    index of the first text after it."""
    if k + ncols <= len(texts) and is_column_numbers([t for _i, t in texts[k:k + ncols]]):
        out[texts[k][0]] = (texts[k][0] + 1 + offset, [t for _i, t in texts[k:k + ncols]])
        for i, _t in texts[k + 1:k + ncols]:
            out[i] = None
        k += ncols
    return k


def _runs(lines: list[str], texts: list[tuple[int, str]], k: int, ncols: int) -> tuple[list[_Run] | None, int | None]:
    """The lines after the header → runs (a row: its number line and the lines after it; a
    section), and the line where another table's header starts (or None)."""
    runs: list[_Run] = []
    next_table = None
    while k < len(texts):
        index, text = texts[k]
        if _is_row_start(text):
            if runs and runs[-1][2] is _Kind.ROW:
                # the header of another table (and its title) may stand before this number
                another = _header_before(lines, index)
                if another and another[0] > texts[runs[-1][0]][0]:
                    next_table = another[0]
                    _cut_before(runs[-1], texts, next_table, ncols)
                    break
            runs.append((k, [text], _Kind.ROW))
        elif _starts_section(runs, texts, k):
            runs.append((k, [text], _Kind.SECTION))
        elif runs and (runs[-1][2] is _Kind.ROW or (len(runs[-1][1]) == 1 and _continues_title(text))):
            runs[-1][1].append(text)  # a row's next cell line, or a section title's second line
        elif runs:
            break
        else:
            return None, None  # no number line right after the header: not a table of this form
        k += 1
    return runs, next_table


def _starts_section(runs: list[_Run], texts: list[tuple[int, str]], k: int) -> bool:
    """A section line («I. …», «Раздел 2 …»), or a title line before the first row or before a row."""
    text = texts[k][1]
    if _SECTION_LINE.match(_plain(text)) and len(text) <= 300 and \
            (not runs or runs[-1][2] is _Kind.SECTION or len(runs[-1][1]) > 1):
        return True
    return not runs or (runs[-1][2] is _Kind.SECTION and not _continues_title(text) and len(runs[-1][1]) >= 1
                        and k + 1 < len(texts) and bool(NUMBER.match(texts[k + 1][1])))


def _cut_before(run: _Run, texts: list[tuple[int, str]], next_table: int, ncols: int) -> None:
    """The last row ends where the next table's header (and its title) begins."""
    start, pieces, _kind = run
    keep = [j for j in range(start, start + len(pieces)) if texts[j][0] < next_table]
    del pieces[len(keep):]
    if len(pieces) > ncols:  # lines beyond a full row: a title between the tables
        del pieces[ncols:]


def _lone_sections(runs: list[_Run], ncols: int) -> None:
    """A section line standing alone before the next row: a numbered one "1. Организационные
    мероприятия" before rows "1.1", or any title line (a capital letter, no final period) after a
    row whose lines fill its cells exactly without it."""
    for r, (start, pieces, kind) in enumerate(runs):
        if kind is not _Kind.ROW or len(pieces) < 2:
            continue
        last = pieces[-1]
        match = _NUMBERED_LINE.match(_plain(last))
        following = runs[r + 1][1][0] if r + 1 < len(runs) else ""
        numbered = match is not None and following.startswith(match.group("num") + ".") and \
            len(following.rstrip(".")) > len(match.group("num"))
        wrapped = any(line[:1].islower() or line[:1] in ",;)»«(" for line in pieces[2:-1])
        titled = bool(following) and runs[r + 1][2] is _Kind.ROW and len(pieces) == ncols + 1 and not wrapped and \
            _plain(last)[:1].isupper() and not _plain(last).rstrip().endswith((".", ";", ",")) and len(last) <= 250
        if numbered or titled:
            pieces.pop()
            runs.insert(r + 1, (start + len(pieces), [last], _Kind.SECTION))


def _score(cells: list[str]) -> tuple[int, int]:
    header = recognize(cells)
    if header is None:
        return (0, 0)
    return (len(header.placed), -len(header.unplaced))


_TAG = re.compile(r"<[^<>]{1,40}>")


def _plain(text: str) -> str:
    """A line without the HTML remnants of an extraction ("<b>1. Раздел</b>" → "1. Раздел")."""
    return _TAG.sub("", text).strip()


def _title_line(text: str) -> bool:
    """A section title standing between the header and the first row."""
    plain = _plain(text)
    return bool(_SECTION_LINE.match(plain) or _NUMBERED_LINE.match(plain) or (len(plain) > 3 and not NUMBER.match(plain)))


def _continues_title(text: str) -> bool:
    return text[:1].islower()
