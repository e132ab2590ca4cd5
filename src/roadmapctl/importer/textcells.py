"""A table read from text by its cells, whatever separates them: a stream of cells.

Text copied from a legal database, a document-mirror site or a school site keeps a table's cells
but not its rows: ГАРАНТ ends every cell with `` |`` (one or several cells on a line, an empty
cell as a bare ``|``, merged cells as ``|||``), mirror sites run a whole table onto a line or two
with `` | `` between the cells, docs.cntd.ru and school sites give one cell per paragraph. All
of them are read here the same way, in passes:

1. :func:`pieces_by_bars` / :func:`pieces_by_paragraphs` — the text → a stream of cell texts,
   each with its source line (wrapped lines of a cell joined with a space);
2. :func:`find_header` — the header, recognised by what its cells say (the vocabulary of
   :mod:`columns`), with a second header level (start/end, quarters under «Срок») and the
   column-number row «1 2 3 …» when there is one;
3. :func:`split_rows` — row boundaries from the number column or, without one, from numbered
   activity texts or the column count;
4. :func:`fit_cells` — each row's pieces put in its columns by what they say (a deadline in the
   deadline column), so that an empty cell never shifts the following ones;
and several date columns (start/end, quarters) are fitted as deadline columns; the tables pass
joins them into one deadline for every input form (:mod:`datecols`).

The result has the form of :mod:`plaintext`'s readers (the text's lines with the rows put in
place), so the text reader builds its grid from it as from any other form. A text in which no
header is found gives None: the caller then reports what it found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from roadmapctl.document import fields
from roadmapctl.importer.cells import looks_like_deadline
from roadmapctl.importer.columns import NUMBER_HEADER, recognize, role_of
from roadmapctl.importer.datecols import MARKS, is_date_header
from roadmapctl.importer.plaintext import join_wrapped

MAX_PIECES = 4000  # more cells than any plan has: the text is not read as a stream of cells
MAX_ROW_PIECES = 40  # a row with more pieces is placed by position, not by content

_VERTICALS = str.maketrans({"│": "|", "┃": "|", "║": "|", "¦": "|"})
_ROW_NUMBER = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3}){0,3}\.?|[IVXLC]{1,6}\.)$")
_ROMAN = re.compile(r"^[IVXLC]{1,6}\.?$")
_NUMBERED_TEXT = re.compile(r"^(?P<num>(?:\d{1,3}(?:\.\d{1,3}){0,3}\.?|[IVXLC]{1,6}\.))\s+(?P<text>[А-ЯЁA-Z«\"].*)$", re.DOTALL)
_MERGED_MARK = {"^", "〃", "\""}  # a mirror site's mark of a cell merged with the one above


@dataclass
class Piece:
    text: str
    line: int  # 0-based index of its first line


@dataclass
class TableHead:
    cells: list[str]  # the leaf headers, one per column
    start: int  # index of the header's first piece
    end: int  # index of the first piece after the header (and after the column-number row)
    line: int
    numbers_line: int | None = None


@dataclass
class TextRow:
    number: str | None
    pieces: list[Piece]
    line: int
    section: bool = False
    cells: list[str] = field(default_factory=list)
    note: str | None = None  # how its cells were placed, when not one piece a column in order


# --------------------------------------------------------------------------- 1. pieces


def _squash(text: str) -> str:
    return " ".join(text.split())


def pieces_by_bars(lines: list[str]) -> list[Piece] | None:
    """The cells of a text whose cells end in ``|``, across line ends; None without bars.

    The text before the first bar is taken back over the short lines above it (a header cell
    «№» / «п/п» wrapped over lines); text after the last bar is not a cell."""
    marked = [i for i, line in enumerate(lines) if "|" in line.translate(_VERTICALS)]
    if len(marked) < 2 and not (marked and lines[marked[0]].count("|") >= 4):
        return None
    first, last = marked[0], marked[-1]
    start = first
    while start > 0 and first - start < 3 and len(lines[start - 1].strip()) <= 12:
        start -= 1
    pieces: list[Piece] = []
    text: list[str] = []
    line_of = start
    for i in range(start, last + 1):
        parts = lines[i].translate(_VERTICALS).replace("\\|", "/").split("|")
        for k, part in enumerate(parts):
            if part.strip() and not text:
                line_of = i
            text.append(part)
            if k < len(parts) - 1:  # a bar closes the cell
                pieces.append(Piece(_squash(" ".join(text)), line_of if _squash(" ".join(text)) else i))
                text = []
                line_of = i
        if len(pieces) > MAX_PIECES:
            return None
    return pieces


def pieces_by_paragraphs(lines: list[str]) -> list[Piece] | None:
    """One cell per paragraph (paragraphs separated by blank lines); None with fewer than six."""
    pieces: list[Piece] = []
    current: list[str] = []
    first = 0
    for i, line in enumerate(lines + [""]):
        if line.strip():
            if not current:
                first = i
            current.append(line.strip())
            continue
        if current:
            pieces.append(Piece(_squash(" ".join(current)), first))
            current = []
        if len(pieces) > MAX_PIECES:
            return None
    return pieces if len(pieces) >= 6 else None


def pieces_by_lines(lines: list[str]) -> list[Piece] | None:
    """One piece per non-empty line: a frame stripped from a table, each wrapped line of a cell
    on its own line; the cells are found by :func:`fit_cells` (``wrapped``)."""
    pieces = [Piece(_squash(line), i) for i, line in enumerate(lines) if line.strip()]
    if len(pieces) > MAX_PIECES:
        return None
    return pieces if len(pieces) >= 6 else None


def _join_wrapped_header(cells: list[str]) -> list[str]:
    """Header lines wrapped by a fixed width → cells: a line that starts with a small letter
    («п/п», «информации») goes on the cell above."""
    out: list[str] = []
    for cell in cells:
        if out and cell[:1].islower():
            out[-1] = f"{out[-1]} {cell}"
        else:
            out.append(cell)
    return out


# --------------------------------------------------------------------------- 2. header


def _numbers_row(pieces: list[Piece], start: int) -> int:
    """How many pieces from ``start`` are the column-number row «1 2 3 …» (0 when none)."""
    count = 0
    while start + count < len(pieces) and pieces[start + count].text.rstrip(".") == str(count + 1):
        count += 1
    return count if count >= 2 else 0


def _numbers_row_from(pieces: list[Piece], start: int, first: int) -> int:
    """How many pieces from ``start`` count on from ``first`` («2 3 4 5»)."""
    count = 0
    while start + count < len(pieces) and pieces[start + count].text.rstrip(".") == str(first + count):
        count += 1
    return count


def _leaf_headers(level1: list[str], level2: list[str], ncols: int) -> list[str] | None:
    """Two header levels → the leaf headers: the sub-headers (quarters, start/end) replace the
    date group they stand under («Срок», «Сроки выполнения …»)."""
    top = [t for t in level1 if t]
    subs = [t for t in level2 if t]
    if not subs:
        return top if len(top) == ncols else None
    if not all(is_date_header(t) for t in subs):
        return None
    groups = [k for k, t in enumerate(top) if role_of(t) == fields.DEADLINE.column]
    if len(groups) != 1 or len(top) - 1 + len(subs) != ncols:
        return None
    k = groups[0]
    return top[:k] + subs + top[k + 1:]


def _header_over_numbers(pieces: list[Piece], start: int, wrapped: bool) -> TableHead | None:
    """The header from ``start`` to a column-number row within the next few pieces: the row
    gives the number of columns, the pieces above it the header's one or two levels."""
    for end in range(start + 2, min(len(pieces), start + 20)):
        n = _numbers_row(pieces, end)
        cells = [p.text for p in pieces[start:end]]
        if n == 0 and pieces[end].text.rstrip(".") == "1":
            # a PDF gives the first column whole (its header and its number «1»), then the other
            # headers and «2 3 …»: the numbers «2 …» close the header
            later = next((k for k in range(end + 2, min(len(pieces), end + 14)) if pieces[k].text.rstrip(".") == "2"), None)
            if later is None or _numbers_row_from(pieces, later, 2) < 1:
                continue
            rest = [p.text for p in pieces[end + 1:later]]
            n = _numbers_row_from(pieces, later, 2) + 1
            for first in range(start, end):  # lines of a title may stand right above the header
                cells = [p.text for p in pieces[first:end]] + rest
                if wrapped:
                    cells = _join_wrapped_header(cells)
                if len(cells) == n and leaf_roles(cells) is not None:
                    return TableHead(cells, first, later + n - 1, pieces[first].line, pieces[later].line)
            return None
        if not n:
            continue
        if wrapped:
            cells = _join_wrapped_header(cells)
        for split in range(2, len(cells) + 1):  # the fewest top cells whose sub-headers are dates
            leaves = _leaf_headers(cells[:split], cells[split:], n)
            if leaves is not None:
                if leaf_roles(leaves) is not None:
                    return TableHead(leaves, start, end + n, pieces[start].line, pieces[end].line)
                return None
        return None
    return None


def find_header(pieces: list[Piece], wrapped: bool = False) -> TableHead | None:
    """The first run of pieces that reads as a table header.

    With a column-number row under it, the row tells the number of columns and the pieces
    between the header's start and the row are its cells (two levels when there are more);
    without one, the header runs until a piece that starts a row (a number, a numbered text, a
    long text)."""
    for start in range(len(pieces)):
        text = pieces[start].text
        if not text or len(text) > 160 or role_of(text) is None:
            continue
        numbered = _header_over_numbers(pieces, start, wrapped)
        if numbered is not None:
            return numbered
        cells: list[str] = []
        k = start
        while k < len(pieces) and len(cells) < 12:
            piece = pieces[k].text
            if piece and (len(piece) > 90 or _ROW_NUMBER.match(piece) or _NUMBERED_TEXT.match(piece)):
                break
            if wrapped and cells and role_of(piece) is None and not piece[:1].islower():
                break  # wrapped lines: the header ends at the first line that names no column
            if len(cells) >= 2 and role_of(piece) is None and (len(piece) > 30 or _reads_as_deadline(piece)):
                break  # a long text or a deadline naming no column: the first row's
            if piece:
                cells.append(piece)
            k += 1
        if wrapped:
            cells = _join_wrapped_header(cells)
        if cells and role_of(cells[0]) != fields.NUMBER.column and any(NUMBER_HEADER.match(c) for c in cells[1:]):
            continue  # «План мероприятий …» right above «№ / Мероприятие / …»: the title, the header from «№»
        if leaf_roles(cells) is not None and len(cells) >= 2:
            return TableHead(cells, start, k, pieces[start].line)
    return None


def interleaved(pieces: list[Piece], head: TableHead) -> str | None:
    """What shows that a PDF's columns were read line by line across the page (their lines
    interleaved), or None: the words of one header cell parted by other headers («№» … «п/п»),
    or the column numbers mixed in among the header's words."""
    texts = [p.text for p in pieces[head.start:head.end]]
    for k, text in enumerate(texts):
        if re.fullmatch(r"(?i)п\s*/\s*п\.?", text) and k > 0 and not re.fullmatch(r"(?i)№|n", texts[k - 1]):
            return f"слова заголовка «{texts[k - 1]}» и «{text}» одной ячейки разделены другими"
    after = pieces[head.end:head.end + 12]
    numbers = [p.text for p in after if re.fullmatch(r"\d", p.text)]
    headerish = [p.text for p in after if role_of(p.text) is not None and len(p.text) <= 60]
    if numbers and headerish:
        return f"номера колонок перемешаны со словами заголовка («{headerish[0]}»)"
    return None


def leaf_roles(headers: list[str]) -> list[str | None] | None:
    """The role of every column (each of several date columns a deadline, see :mod:`datecols`),
    or None when the header does not read as a table header."""
    header = recognize(headers)
    if header is None:
        return None
    roles = [c.field for c in header.columns]
    for k in header.dates:
        roles[k] = fields.DEADLINE.column
    return roles


# --------------------------------------------------------------------------- 3. rows


def _is_row_number(text: str) -> bool:
    return bool(_ROW_NUMBER.match(text))


def _parts(number: str) -> tuple[int, ...] | None:
    digits = number.strip().rstrip(".")
    if not re.fullmatch(r"\d{1,3}(?:\.\d{1,3})*", digits):
        return None
    return tuple(int(p) for p in digits.split("."))


def follows(previous: str | None, number: str) -> bool:
    """Whether ``number`` can be the next row's number after ``previous``: the next at some level
    («1.2» → «1.3», «2», «2.1»; a gap of up to three allowed), a first child («1.» → «1.1»), or a
    Roman section number. A date «01.09» or «15.05» in the middle of a plan numbered 1, 2, 3 is
    not a row number."""
    if _ROMAN.match(number.strip()) or previous is None:
        return True
    before, after = _parts(previous), _parts(number)
    if after is None:
        return False
    if before is None:  # after a Roman section: a number of its own sequence starts
        return after[-1] <= 3 or len(after) == 1
    if after[:len(before)] == before and len(after) == len(before) + 1:
        return after[-1] <= 3  # the first child
    for level in range(min(len(before), len(after))):
        if after[:level] == before[:level] and 0 < after[level] - before[level] <= 3 and len(after) <= level + 2:
            return all(p <= 3 for p in after[level + 1:])
    return False


def split_rows(pieces: list[Piece], head: TableHead) -> list[TextRow]:
    """The pieces after the header → rows: each starts at a number when the table has a number
    column, else at a numbered activity text, else every ``len(columns)`` pieces."""
    roles = leaf_roles(head.cells)
    assert roles is not None
    ncols = len(head.cells)
    body = pieces[head.end:]
    number_col = roles.index(fields.NUMBER.column) if fields.NUMBER.column in roles else None
    rows: list[TextRow] = []
    if number_col is not None:
        for piece in body:
            last = rows[-1].number if rows else None
            if _is_row_number(piece.text) and follows(last, piece.text):
                rows.append(TextRow(piece.text, [], piece.line))
            elif (match := _NUMBERED_TEXT.match(piece.text)) and (not rows or _ROMAN.match(match.group("num"))):
                rows.append(TextRow(match.group("num"), [Piece(match.group("text"), piece.line)], piece.line))
            elif (second := _second_line_number(rows, piece)) is not None:
                # a PDF sets the number on the cell's second line (centred in a two-line row):
                # «Утверждение состава …» / «1.1 целевой модели …»; the line above starts the row
                above = rows[-1].pieces.pop()
                rows.append(TextRow(second.group("num"), [above, Piece(second.group("text"), piece.line)], above.line))
            elif rows:
                rows[-1].pieces.append(piece)
        return rows
    numbered = [p for p in body if _NUMBERED_TEXT.match(p.text)]
    if numbered and body and _NUMBERED_TEXT.match(body[0].text):
        # the number stands inside the activity's text: «1. Проведение …»
        for piece in body:
            match = _NUMBERED_TEXT.match(piece.text)
            if match and rows and not follows(rows[-1].number, match.group("num")):
                match = None  # «2021. …», «01.09 …»: not the next number of the plan
            if match:
                rows.append(TextRow(match.group("num"), [Piece(match.group("text"), piece.line)], piece.line))
            else:
                rows[-1].pieces.append(piece)
        return rows
    filled = [p for p in body if p.text]
    for k in range(0, len(filled), ncols):
        chunk = filled[k:k + ncols]
        rows.append(TextRow(None, chunk, chunk[0].line))
    return rows


_NUMBER_THEN_SMALL = re.compile(r"^(?P<num>\d{1,3}(?:\.\d{1,3}){1,3}\.?)\s+(?P<text>[а-яё].*)$", re.DOTALL)


def _second_line_number(rows: list[TextRow], piece: Piece) -> re.Match[str] | None:
    """«1.1 целевой модели …»: a sub-item number (with a dot inside) that follows the last row's
    and a text that goes on a sentence (a small letter), under a line that starts one (a
    capital) and is not the last row's first piece — the cell's first line."""
    match = _NUMBER_THEN_SMALL.match(piece.text)
    if not match or not rows or len(rows[-1].pieces) < 2 or not follows(rows[-1].number, match.group("num")):
        return None
    above = rows[-1].pieces[-1].text
    if not above[:1].isupper() or _ROW_NUMBER.match(above) or _NUMBERED_TEXT.match(above):
        return None
    return match


# --------------------------------------------------------------------------- 4. cells


_DEADLINE_START = re.compile(
    r"(?i)^(?:\d|[IVX]{1,4}\b|до\b|в\b|во\b|с\b|со\b|к\b|не\b|по\b|на\b|от\b|после\b|перед\b|ежe?\w*|"
    r"постоянно|регулярно|систематически|периодически|весь\b|течени|каждый|каждую|каждое|первое|второе|"
    r"январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр|сроки?\b|"
    r"конец|начало|середин|кварт|полугод|учебн|ежегодн|1-|ориентировочно)")


def _reads_as_deadline(piece: str) -> bool:
    """A short text that reads as a deadline and begins as one («до …», «Март …», «в течение
    …», a date); a sentence that mentions a year or a schedule («Разработка плана-графика …»)
    is not one."""
    text = piece.strip()
    if text.lower() in MARKS or text in ("-", "–", "—"):
        return True  # a quarter marked «х» or left «-»
    if re.fullmatch(r"\d{1,2}\.\d{1,2}\.?(?:\s*[-–—]\s*\d{1,2}\.\d{1,2}\.?)?", text):
        return True  # a day and month of the plan's year: «01.09», «10.10-15.10»
    return (looks_like_deadline(text) and len(text) <= 80 and bool(_DEADLINE_START.match(text))
            and not (text.endswith(".") and len(text.split()) > 5 and not re.search(r"(?<![а-яё])гг?\.$", text)))


# a cell that names who does the work: a position, a body, a group, a person with initials
_WHO = re.compile(
    r"^(?:(?i:директор|заместител|зам\.|руководител|учител|педагог|классн\w* руковод|методист|специалист|завуч|"
    r"психолог|социальн\w* педагог|библиотекар|отдел\b|управлени|комитет|администраци|министерств|департамент|"
    r"рабоч\w* групп|члены|ответственн)|(?:[МГ][БАК]?Д?О?У|МОУО|РУО|ОО|ОУ)\b|"
    r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s+[А-ЯЁ]\.\s?[А-ЯЁ]\.|[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+)")


def _score(piece: str, role: str | None, has_deadline_column: bool) -> float:
    deadline = _reads_as_deadline(piece)
    if role == fields.DEADLINE.column:
        return 2.0 if deadline else -2.0
    if deadline and has_deadline_column and len(piece) <= 40:
        return -1.0
    if role == fields.TEXT.column:
        return 1.0 if len(piece) > 25 else 0.6
    if role == fields.RESPONSIBLE.column and len(piece) <= 200 and _WHO.match(piece):
        return 0.8  # «Отдел образования» goes to the responsible, not to a result or a note beside it
    return 0.5


def fit_cells(texts: list[str], roles: list[str | None], wrapped: bool = False) -> list[str]:
    """The row's non-empty pieces, in order, → one text per column: each column takes a run of
    consecutive pieces (maybe none), chosen so that the pieces fit their columns best (a
    deadline in the deadline column, the activity's text in its column). A run of several
    pieces is one cell of several paragraphs ("<br>" between them) or, ``wrapped``, one text
    wrapped over lines (joined with a space; then a run costs nothing and a column the header
    does not name takes a piece only when nothing else fits)."""
    texts = [t for t in texts if t and t not in _MERGED_MARK]
    n = len(roles)
    if not texts:
        return [""] * n
    if len(texts) > MAX_ROW_PIECES:
        return texts[:n - 1] + ["<br>".join(texts[n - 1:])] if len(texts) > n else texts + [""] * (n - len(texts))
    has_deadline = fields.DEADLINE.column in roles
    single_deadline = roles.count(fields.DEADLINE.column) == 1  # several date columns: one date each
    m = len(texts)
    worst = float("-inf")
    # best[c][p]: the best score of the first c columns holding the first p pieces
    best = [[worst] * (m + 1) for _ in range(n + 1)]
    back = [[0] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for c in range(1, n + 1):
        role = roles[c - 1]
        for p in range(m + 1):
            for q in range(p + 1):  # column c-1 takes pieces q..p-1
                if best[c - 1][q] == worst:
                    continue
                run = texts[q:p]
                score = best[c - 1][q] + sum(_score(t, role, has_deadline) for t in run)
                if not run:
                    score -= 0.001 * (n - c)  # of equal fits, the one whose empty cells come last
                if wrapped:
                    score -= 0.4 * len(run) if role is None else 0.0
                elif len(run) > 1 and not (role == fields.DEADLINE.column and single_deadline and all(_reads_as_deadline(t) for t in run)):
                    score -= 1.0 * (len(run) - 1)
                if score > best[c][p] + 1e-9:
                    best[c][p], back[c][p] = score, q
    cells: list[str] = []
    p = m
    for c in range(n, 0, -1):
        q = back[c][p]
        cells.insert(0, join_wrapped(texts[q:p]) if wrapped else "<br>".join(texts[q:p]))
        p = q
    return cells


def _placed_note(texts: list[str], cells: list[str], headers: list[str], wrapped: bool) -> str | None:
    """The guess to keep on a row whose pieces were not simply one a column in order."""
    if wrapped:
        return None  # the whole text's note says that its cells were placed by content
    positional = (texts + [""] * len(cells))[:len(cells)]
    if [t.strip() for t in positional] == [c.replace("<br>", "\n").strip() for c in cells] and len(texts) <= len(cells):
        return None
    moved = [f"«{_short(c)}» — в колонку «{h}»" for c, h, p in zip(cells, headers, positional)
             if c.strip() and c.strip() != p.strip() and "<br>" not in c]
    joined = [h for c, h in zip(cells, headers) if "<br>" in c]
    parts = []
    if moved:
        parts.append("ячейки строки расставлены по содержанию (пустая ячейка в тексте стояла не на своём месте или "
                     "пропущена): " + "; ".join(moved[:3]))
    if joined:
        where = f"в колонке «{joined[0]}»" if len(joined) == 1 else "в колонках «" + "», «".join(joined) + "»"
        parts.append(f"{where} несколько абзацев текста собраны в одну ячейку")
    return "; ".join(parts) + " — сверьте с документом" if parts else None


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


# --------------------------------------------------------------------------- the whole


def _sections(rows: list[TextRow], roles: list[str | None]) -> None:
    """A row numbered with a Roman numeral, or one whose only text is its title and whose number
    is the parent of the next row's («1.» before «1.1.»), is a section."""
    text_col = roles.index(fields.TEXT.column) if fields.TEXT.column in roles else 0
    for k, row in enumerate(rows):
        others = [c for i, c in enumerate(row.cells) if i != text_col and roles[i] != fields.NUMBER.column]
        following = rows[k + 1].number if k + 1 < len(rows) else None
        if row.number and _ROMAN.match(row.number) or row.number and following and not any(o.strip() and o not in _MERGED_MARK for o in others) and \
                following.startswith(row.number.rstrip(".") + ".") and len(following.rstrip(".")) > len(row.number.rstrip(".")):
            row.section = True


def _plausible(rows: list[TextRow], roles: list[str | None]) -> bool:
    """Whether rows placed by content read as a table: every activity has a text that is not a
    bare number and, with a deadline column, most activities have a deadline."""
    text_col = roles.index(fields.TEXT.column) if fields.TEXT.column in roles else None
    deadline_col = roles.index(fields.DEADLINE.column) if fields.DEADLINE.column in roles else None
    activities = [row for row in rows if not row.section]
    if not activities or text_col is None:
        return False
    for row in activities:
        text = row.cells[text_col].strip()
        if not text or _ROW_NUMBER.match(text) or len(text) < 4:
            return False
    if deadline_col is not None:
        dated = sum(1 for row in activities if _reads_as_deadline(row.cells[deadline_col].replace("<br>", " ")))
        if 2 * dated < len(activities) and not _activity_column_only(rows, roles):
            return False
    return True


def _activity_column_only(rows: list[TextRow], roles: list[str | None]) -> bool:
    """A PDF text layer that gives the activity column only (the other columns cut off): every
    row numbered, one number after the other, and no cell but the number and the text filled.
    The rows are then those of the numbers, and no text is placed by content."""
    keep = {fields.NUMBER.column, fields.TEXT.column}
    previous: str | None = None
    for row in rows:
        if row.number is None or (previous is not None and not follows(previous, row.number)):
            return False
        if any(cell.strip() for cell, role in zip(row.cells, roles) if role not in keep):
            return False
        previous = row.number
    return True


def _fits(rows: list[TextRow], roles: list[str | None]) -> bool:
    """Rows cut every ``len(columns)`` pieces (no numbers to go by) read as a table only when
    every filled deadline cell reads as a deadline and no activity does: else a cell is missing
    somewhere and the rows would be invented."""
    text_col = roles.index(fields.TEXT.column) if fields.TEXT.column in roles else None
    dates = [k for k, role in enumerate(roles) if role == fields.DEADLINE.column]
    for row in rows:
        cells = [c.replace("<br>", " ") for c in row.cells]
        if text_col is not None and (not cells[text_col].strip() or _reads_as_deadline(cells[text_col])):
            return False
        if any(cells[k].strip() and not _reads_as_deadline(cells[k]) for k in dates):
            return False
    return True


def without_repeated_header(pieces: list[Piece], head: TableHead) -> list[Piece]:
    """The stream without the header repeated further on (a PDF or a print sets it again at the
    top of every page, with or without the column-number row): an exact repeat of the header's
    cells is no row."""
    whole = [p.text for p in pieces[head.start:head.end]]
    runs = [whole]
    numbers = next((k for k in range(len(whole)) if re.fullmatch(r"1\.?", whole[k])
                    and [t.rstrip(".") for t in whole[k:]] == [str(n) for n in range(1, len(whole) - k + 1)]), None)
    if numbers:
        runs.append(whole[:numbers])  # the header without its column-number row
    if len(runs[-1]) < 2:
        return pieces  # a header of one piece repeated is a cell's text as well
    out = pieces[:head.end]
    k = head.end
    while k < len(pieces):
        run = next((r for r in runs if [p.text for p in pieces[k:k + len(r)]] == r), None)
        if run is not None:
            k += len(run)
            continue
        out.append(pieces[k])
        k += 1
    return out


def read_stream(lines: list[str], pieces: list[Piece], form: str, wrapped: bool = False) -> list | None:
    """The text's lines with the table rows put in place (see :mod:`plaintext`), or None.

    ``wrapped``: every line is a piece and the lines of a cell are wrapped text; the rows are
    then kept only when they read as a table (:func:`_plausible`) — the text is refused rather
    than read into invented rows."""
    head = find_header(pieces, wrapped)
    if head is None:
        return None
    pieces = without_repeated_header(pieces, head)
    if wrapped and interleaved(pieces, head):
        return None
    leaf = leaf_roles(head.cells)
    if leaf is None:
        return None
    roles: list[str | None] = leaf
    # a row of a number only (the column numbers «1 2 3 …» of a frame, a lone number) is no
    # activity: never invent rows
    rows = [row for row in split_rows(pieces, head) if any(p.text and p.text not in _MERGED_MARK for p in row.pieces)]
    if not rows:
        return None
    number_col = roles.index(fields.NUMBER.column) if fields.NUMBER.column in roles else None
    headers = list(head.cells)
    if number_col is None and any(row.number for row in rows):
        # numbers written inside the activity texts get a number column of their own
        headers, roles, number_col = ["№", *headers], [fields.NUMBER.column, *roles], 0
    content_roles = [r for i, r in enumerate(roles) if i != number_col]
    content_headers = [h for i, h in enumerate(headers) if i != number_col]
    for row in rows:
        texts = [p.text for p in row.pieces]
        body = fit_cells(texts, content_roles, wrapped)
        row.note = _placed_note(texts, body, content_headers, wrapped)
        row.cells = body[:number_col] + [row.number or ""] + body[number_col:] if number_col is not None else body
    _sections(rows, roles)
    if wrapped and not _plausible(rows, roles):
        return None
    if all(row.number is None for row in rows) and not _fits(rows, roles):
        return None
    if wrapped and _activity_column_only(rows, roles):
        # said once, at the first activity: the draft's empty cells are the text's, not the plan's
        first = next((row for row in rows if not row.section), None)
        empty = [h for h, r in zip(headers, roles) if r not in (fields.NUMBER.column, fields.TEXT.column)]
        if first is not None and empty:
            first.note = ("в тексте таблицы есть только номера и мероприятия (так PDF отдаёт текст, когда колонки "
                          f"стоят рядом): колонки «{'», «'.join(empty)}» остались пустыми — впишите их по документу")
    items: list = [(head.line + 1, headers, f"таблица прочитана как поток ячеек ({form})")]
    before = list(lines[:head.line])
    for row in rows:
        if row.section:
            title = row.cells[roles.index(fields.TEXT.column)] if fields.TEXT.column in roles else row.cells[0]
            title = title.replace("<br>", " ")
            cells = [f"{row.number} {title}".strip() if row.number else title] + [""] * (len(headers) - 1)
            items.append((row.line + 1, cells))
        else:
            items.append((row.line + 1, row.cells, row.note) if row.note else (row.line + 1, row.cells))
    last = max(p.line for p in pieces[head.start:])
    region = last + 1 - head.line
    # the table's lines are replaced by its rows (several rows may share a line: the list grows)
    return before + items + [None] * (region - len(items)) + list(lines[last + 1:])


def lead_section(rows: list) -> list:
    """A numbered section title set right above a table's header («1. Создание нормативного
    обеспечения …» / «Мероприятия | Срок | …») is the table's first section: it is put under
    the header. ``rows`` is a reading of a text (see :mod:`plaintext`)."""
    for h, item in enumerate(rows):
        if isinstance(item, tuple) and recognize([str(c) for c in item[1]]) is not None:
            k = _section_above(rows[:h])
            if k is None:
                return rows
            out = list(rows)
            width = len(item[1])
            out[k], out[h] = item, (k + 1, [_squash(rows[k])] + [""] * (width - 1))
            return out
    return rows


def _section_above(before: list) -> int | None:
    """The line of a numbered section title right above a table's header (one blank line may
    stand between), or None."""
    k = len(before) - 1
    if k >= 0 and isinstance(before[k], str) and not before[k].strip():
        k -= 1
    if k < 0 or not isinstance(before[k], str):
        return None
    text = before[k].strip()
    match = _NUMBERED_TEXT.match(text)
    if match and len(text) <= 200 and "|" not in text and not text.rstrip().endswith((".", ";", ":")):
        return k
    return None


# --------------------------------------------------------------------------- refusal

_HEADER_WORDS = re.compile(r"(?i)(?<![а-яё])(?:мероприяти\w*|срок\w*|ответственн\w*|исполнител\w*|наименовани\w*|"
                           r"п\s*/\s*п|дата|результат\w*|класс\w*|предмет)(?![а-яё])")


def diagnose(lines: list[str]) -> str | None:
    """Why a text that holds a table's header is not read, in Russian, or None: the table is
    run onto single lines (its cells joined by spaces), or a PDF's columns are interleaved."""
    for i, line in enumerate(lines):
        found = _HEADER_WORDS.findall(line)
        if len({w.lower()[:6] for w in found}) >= 3 and "|" not in line and len(line.split()) >= 6:
            words = ", ".join(f"«{w}»" for w in dict.fromkeys(found))
            return (f"в строке {i + 1} стоят слова заголовка таблицы ({words}), но ячейки в ней ничем не разделены: "
                    "таблица вытянута в строку (так бывает при копировании с сайтов-зеркал документов и из PDF), и "
                    "границы ячеек по такому тексту не определить")
    pieces = pieces_by_lines(lines)
    if pieces:
        head = find_header(pieces, wrapped=True)
        if head is not None:
            reason = interleaved(pieces, head)
            if reason:
                return (f"заголовок таблицы найден в строке {head.line + 1}, но колонки перемешаны построчно ({reason}): "
                        "так PDF отдаёт текст таблицы, колонки которой стоят рядом, и по нему нельзя надёжно "
                        "восстановить ячейки")
    return _header_words(lines)


def _header_words(lines: list[str]) -> str | None:
    """Short cells close together (lines, or the cells of a framed line) that name two kinds of
    column or more: a header whose table could not be read."""
    pieces: list[Piece] = []
    for i, line in enumerate(lines[:2000]):
        framed = "|" in line.translate(_VERTICALS)
        for cell in line.translate(_VERTICALS).split("|"):
            text = _squash(re.sub(r"[─━═┌┐└┘├┤┬┴┼]{2,}", " ", cell))
            if pieces and not framed and text[:1].islower() and pieces[-1].line == i - 1:
                pieces[-1].text = f"{pieces[-1].text} {text}"  # a header cell wrapped onto the next line
            elif text and not re.fullmatch(r"[-─━═┌┐└┘├┤┬┴┼+/\\ ]+", text):
                pieces.append(Piece(text, i))
    for k in range(len(pieces)):
        window = [p for p in pieces[k:k + 6] if len(p.text) <= 60]
        named = [(p, role) for p in window if (role := role_of(p.text)) is not None]
        if named and named[0][0] is pieces[k] and len({role for _p, role in named}) >= 2:
            words = ", ".join(f"«{p.text}»" for p, _role in named)
            return (f"в строках {pieces[k].line + 1}–{named[-1][0].line + 1} стоят ячейки заголовка таблицы ({words}), но "
                    "строк таблицы, которые можно надёжно разобрать на ячейки, после него нет (колонки перемешаны, "
                    "в строке без номера пропущена ячейка, рамка таблицы разорвана или строки таблицы не "
                    "скопированы)")
    return None


# --------------------------------------------------------------------------- rows run onto lines

_CAPITAL = re.compile(r"^(?:[А-ЯЁA-Z№]|N$)")


def _split_header_line(text: str, count: int) -> list[str] | None:
    """A header run onto one line («N п/п Наименование мероприятия Срок исполнения
    Ответственные исполнители») → ``count`` cells, cut before each word with a capital letter;
    None unless there are exactly ``count`` such words and every cell but the number's names a
    column."""
    words = text.split()
    starts = [k for k, w in enumerate(words) if _CAPITAL.match(w)]
    if len(starts) != count or starts[0] != 0:
        return None
    cells = [" ".join(words[a:b]) for a, b in zip(starts, [*starts[1:], len(words)])]
    if leaf_roles(cells) is None:
        return None
    return cells


def deadline_span(words: list[str], first: int) -> tuple[int, int] | None:
    """The run of words from ``first`` on that reads as a deadline, has no capital letter after
    its first word and is followed by a word with a capital letter (the next cell's start): the
    longest of those ending at one place; None when there is none or they end at two places."""
    found: list[tuple[int, int]] = []
    for i in range(first, len(words) - 1):
        best = None
        for j in range(i + 1, min(len(words), i + 7)):
            if j > i + 1 and _CAPITAL.match(words[j - 1]):
                break
            if _CAPITAL.match(words[j]) and _reads_as_deadline(" ".join(words[i:j])) and _date_start(words[i:j]):
                best = (i, j)
        if best is not None:
            found.append(best)
    ends = {end for _start, end in found}
    if len(ends) != 1:
        return None
    # «… до 15 июня Отдел …»: «до 15 июня», «15 июня» and «июня» all end there; the longest is the cell
    return min(found)


_PREPOSITION = re.compile(r"(?i)^(?:с|со|в|во|до|к|по|на|от|не|после|перед)$")
_DATE_WORD_AFTER = re.compile(
    r"(?i)^(?:\d|[IVX]{1,4}\b|течени|конц|начал|середин|позднее|поздней|квартал|полугоди|раз\b|год|учебн|мере|"
    r"январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр|теч\.|срок|период|каникул)")


_SPAN_WORD = re.compile(
    r"(?i)^(?:[\d.,\-–—/()]+(?:г\.?|гг\.?)?|[IVX]{1,4}|с|со|в|во|до|к|по|на|от|не|и|или|позднее|позже|течение|"
    r"теч\.|конц[аеу]|начал[аоеу]|середин[аеуы]|квартал\w*|кв\.?|полугоди\w*|год\w*|гг?\.?|учебн\w*|"
    r"календарн\w*|месяц\w*|недел\w*|числ\w*|ежегодно|ежеквартально|ежемесячно|еженедельно|ежедневно|постоянно|"
    r"регулярно|систематически|периодически|кажд\w*|раз|мере|необходимости|графику|плану|весь|период\w*|"
    r"январ\w*|феврал\w*|март\w*|апрел\w*|ма[йяе]|июн\w*|июл\w*|август\w*|сентябр\w*|октябр\w*|ноябр\w*|"
    r"декабр\w*|перв\w*|втор\w*|трет\w*|четв[её]рт\w*)[.,;:]?$")


def _date_start(words: list[str]) -> bool:
    """A deadline run onto a row is made of date words only and begins as one: a preposition
    only before a date word («до 15 июня», «в течение года»; not «с директорами до …», not «в 9
    классах август»)."""
    if not all(_SPAN_WORD.match(w) for w in words):
        return False
    return not (_PREPOSITION.match(words[0]) and (len(words) < 2 or not _DATE_WORD_AFTER.match(words[1])))


def run_on_rows(lines: list[str]) -> list | None:
    """Rows run onto single lines with their cells joined by spaces (a legal mirror site): the
    header on one line and the column-number line «1 2 3 4» under it give the columns; each row
    starts with its number; the deadline, found as the one run of words that reads as a deadline
    and is followed by a capital letter, parts the activity from the responsible. Read only for a
    table of number, activity, deadline and responsible in this order, and only when every row
    parts so; else None (the text is refused, no rows invented)."""
    filled = [(i, line.strip()) for i, line in enumerate(lines) if line.strip()]
    for k in range(len(filled) - 1):
        numbers = filled[k + 1][1].split()
        if len(numbers) < 3 or numbers != [str(n) for n in range(1, len(numbers) + 1)]:
            continue
        cells = _split_header_line(filled[k][1], len(numbers))
        roles = leaf_roles(cells) if cells else None
        if cells is None or roles != [fields.NUMBER.column, fields.TEXT.column, fields.DEADLINE.column,
                                      fields.RESPONSIBLE.column]:
            continue
        return _run_on_body(lines, filled, k, cells)
    return None


def _run_on_body(lines: list[str], filled: list[tuple[int, str]], k: int, cells: list[str]) -> list | None:
    out: list = list(lines)
    header_line, numbers_line = filled[k][0], filled[k + 1][0]
    out[header_line] = (header_line + 1, cells)
    out[numbers_line] = (numbers_line + 1, [str(n) for n in range(1, len(cells) + 1)])
    rows = 0
    previous: str | None = None
    body = filled[k + 2:]
    for position, (i, text) in enumerate(body):
        words = text.split()
        number = words[0] if words else ""
        if not (_ROW_NUMBER.match(number) and follows(previous, number)):
            return None
        span = deadline_span(words, 2)
        following = body[position + 1][1].split()[0] if position + 1 < len(body) else ""
        if span is None and (_ROMAN.match(number) or following.startswith(number.rstrip(".") + ".")):
            # a section: «I. Организационные мероприятия», «1. …» before «1.1»
            out[i] = (i + 1, [text] + [""] * (len(cells) - 1))
            previous = number
            continue
        if span is None:
            return None
        activity, deadline, responsible = (" ".join(words[1:span[0]]), " ".join(words[span[0]:span[1]]),
                                           " ".join(words[span[1]:]))
        out[i] = (i + 1, [number, activity, deadline, responsible],
                  f"ячейки строки разделены по сроку «{deadline}» — сверьте с документом")
        previous = number
        rows += 1
    return out if rows else None


# --------------------------------------------------------------------------- anchored PDF rows

_CODE = re.compile(r"^(?:\d{1,2}(?:\s*[-–,]\s*\d{1,2})*(?:\s*\(\d{1,2}\))?|[IVX]{1,4}(?:\s*[-–]\s*[IVX]{1,4})?)(?:\s*кл\w*\.?)?$")
_SECTION_WORD = re.compile(r"^(?:Модуль|Раздел|Блок|Направление)\b|^[IVX]{1,5}\.\s+[А-ЯЁ]")
_OPEN_END = re.compile(r"(?i)(?:,|\b(?:с|со|в|во|до|к|по|на|от|не|после|перед|и))$")


def _fits_role(text: str, role: str | None) -> bool:
    if role == fields.TEXT.column:
        return text[:1].isupper() and not _reads_as_deadline(text) and not _CODE.match(text) \
            and not _SECTION_WORD.match(text)
    if role == fields.DEADLINE.column:
        return _reads_as_deadline(text)
    if role == fields.RESPONSIBLE.column:
        return text[:1].isupper() and not _reads_as_deadline(text) and not _CODE.match(text)
    return bool(_CODE.match(text))


def anchored_rows(lines: list[str]) -> list | None:
    """A PDF's table whose columns stand side by side, read line by line: each row gives the
    first line of every cell in column order («Оформление стендов …» / «5-9» / «сентябрь, в»),
    then the cells' further lines («агитация …)» / «течение года»). Read only when a column of
    short codes (classes «5-9», «10(11)») anchors every row and every row has a deadline: a
    further line goes on the deadline while the deadline is left open («…, в»), else on the
    activity; a line beginning «Модуль», «Раздел» … between rows is a section. Anything else
    gives None (the text is refused, no row invented)."""
    pieces = pieces_by_lines(lines)
    if pieces is None:
        return None
    head = _short_header(pieces)
    if head is None:
        return None
    pieces = without_repeated_header(pieces, head)
    roles = leaf_roles(head.cells)
    if roles is None or fields.NUMBER.column in roles or roles.count(fields.DEADLINE.column) != 1 \
            or roles.count(fields.TEXT.column) != 1 or roles[0] != fields.TEXT.column:
        return None
    others = [r for r in roles if r not in (fields.TEXT.column, fields.DEADLINE.column, fields.RESPONSIBLE.column)]
    if not others:
        return None  # no column of codes to anchor the rows on
    responsible_col = roles.index(fields.RESPONSIBLE.column) if fields.RESPONSIBLE.column in roles else None
    n = len(roles)
    text_col, deadline_col = roles.index(fields.TEXT.column), roles.index(fields.DEADLINE.column)
    body = pieces[head.end:]
    items: list = []  # (line, cells) of sections and rows, in order
    current: list[str] | None = None
    section: list[str] | None = None
    k = 0
    while k < len(body):
        run = [p.text for p in body[k:k + n]]
        if len(run) == n and all(_fits_role(t, r) for t, r in zip(run, roles)):
            current, section = list(run), None
            items.append((body[k].line + 1, current))
            k += n
            continue
        text = body[k].text
        if _SECTION_WORD.match(text):
            section, current = [text], None
            items.append((body[k].line + 1, section))
        elif section is not None and text[:1] in "(«" or section is not None and text[:1].islower():
            section[0] = f"{section[0]} {text}"
        elif current is not None:
            deadline = current[deadline_col]
            tail = f"{deadline.split()[-1]} {text}"  # «в» + «течение года»: the words that go on
            if _OPEN_END.search(deadline) and text[:1].islower() and looks_like_deadline(tail):
                current[deadline_col] = f"{deadline} {text}"
            elif responsible_col is not None and _OPEN_END.search(current[responsible_col]):
                # «Заместитель директора по» + «ВР, классные руководители»
                current[responsible_col] = f"{current[responsible_col]} {text}"
            elif (text[:1].islower() or text[:1] in "(«\"-–") and not _reads_as_deadline(text):
                current[text_col] = join_wrapped([current[text_col], text])
            else:
                return None  # a line that starts a sentence or a date but no row: a cell is missing somewhere
        else:
            return None  # a line before any row that is no section: the text is not this form
        k += 1
    rows = [item for item in items if len(item[1]) == n]
    if not rows:
        return None
    anchor = next(h for h, r in zip(head.cells, roles) if r in others)
    note = ("строки таблицы найдены по колонке «" + anchor + "» (PDF отдал колонки "
            "построчно вперемешку): первая строка каждой ячейки стоит в порядке колонок, продолжения строк отнесены к "
            "мероприятию или к сроку по смыслу — сверьте с документом")
    out: list = [(head.line + 1, list(head.cells))]
    for line, cells in items:
        if len(cells) == n:
            out.append((line, cells, note))
        else:
            out.append((line, [cells[0]]))  # a section: one cell spanning the table
    last = pieces[-1].line
    region = last + 1 - head.line
    return list(lines[:head.line]) + out + [None] * (region - len(out)) + list(lines[last + 1:])


def _short_header(pieces: list[Piece]) -> TableHead | None:
    """The first run of short lines (a cell's wrapped lines joined) that reads as a header of
    three columns or more, a column that names no field («Классы») included: the longest such
    run before a section line or a long line."""
    for start in range(min(len(pieces), 200)):
        if role_of(pieces[start].text) is None or len(pieces[start].text) > 40:
            continue
        for end in range(start + 2, min(len(pieces), start + 10) + 1):
            text = pieces[end - 1].text
            if len(text) > 40 or _SECTION_WORD.match(text) or _CODE.match(text) or \
                    (_reads_as_deadline(text) and role_of(text) is None):
                break
            cells = _join_wrapped_header([p.text for p in pieces[start:end]])
            roles = leaf_roles(cells) if len(cells) >= 3 else None
            if roles is not None and _row_follows(pieces, end, roles):
                return TableHead(cells, start, end, pieces[start].line)
    return None


def _row_follows(pieces: list[Piece], k: int, roles: list[str | None]) -> bool:
    """Whether the first row's first lines follow from ``k`` on (after section lines)."""
    while k < len(pieces) and (_SECTION_WORD.match(pieces[k].text) or pieces[k].text[:1] in "(«"):
        k += 1
    run = [p.text for p in pieces[k:k + len(roles)]]
    return len(run) == len(roles) and all(_fits_role(t, r) for t, r in zip(run, roles))


# --------------------------------------------------------------------------- numbered PDF rows

_MONTH_WORD = (r"(?:[Яя]нвар|[Фф]еврал|[Мм]арт|[Аа]прел|[Мм]а[йя]|[Ии]юн|[Ии]юл|[Аа]вгуст|[Сс]ентябр|[Оо]ктябр|"
               r"[Нн]оябр|[Дд]екабр)[а-яё]*")
_MONTHS_HEAD = re.compile(r"^(?P<when>[А-ЯЁ][а-яё]*(?:\s*[-–]\s*[а-яё]+)?(?:\s+(?:19|20)\d\d(?:\s*г\.|\s+года?)?)?)(?:\s+(?P<rest>.+))?$")
_MONTHS_TAIL = re.compile(r"^(?P<text>.+?)\s+(?P<when>" + _MONTH_WORD + r"(?:\s*[-–]\s*" + _MONTH_WORD + r")?\s+(?:19|20)\d\d"
                          r"(?:\s*г\.|\s+года?)?)$")
_YEAR_TAIL = re.compile(r"^(?:(?:19|20)\d\d(?:\s*г\.|\s+года?)?|г\.|года?)$")
_FULL_MONTHS = re.compile(r"^" + _MONTH_WORD + r"(?:\s*[-–]\s*" + _MONTH_WORD + r")?$")


def _month_head(text: str) -> tuple[str, str] | None:
    """«Март» → («Март», ""); «Март-август Директор» → («Март-август», «Директор»)."""
    match = _MONTHS_HEAD.match(text)
    if not match or not _FULL_MONTHS.match(re.sub(r"\s+(?:19|20)\d\d.*$", "", match.group("when"))):
        return None
    return match.group("when"), match.group("rest") or ""


def _interleaved_header(texts: list[str]) -> list[str] | None:
    """The header cells of interleaved PDF lines («№ / Ответственные / Мероприятия / Сроки / п/п /
    реализации») in the order number, activity, deadline, responsible; None unless all four."""
    cells: dict[str, str] = {}
    for text in texts:
        role = role_of(text)
        if role is not None and role not in cells and not text[:1].islower():
            cells[role] = text
        elif re.fullmatch(r"(?i)п\s*/\s*п\.?", text) and fields.NUMBER.column in cells:
            cells[fields.NUMBER.column] += " " + text
        elif re.fullmatch(r"(?i)реализации|исполнения|выполнения|проведения", text) and fields.DEADLINE.column in cells:
            cells[fields.DEADLINE.column] += " " + text
        else:
            return None
    order = [c for c in (fields.NUMBER.column, fields.TEXT.column, fields.DEADLINE.column, fields.RESPONSIBLE.column) if c]
    return [cells[r] for r in order] if set(cells) == set(order) else None


@dataclass
class _NumberedRow:
    number: str
    text: list[str]
    deadline: str
    responsible: str
    line: int


def numbered_interleaved_rows(lines: list[str]) -> list | None:
    """A PDF's table «№ — мероприятие — срок — ответственные» whose columns came line by line:
    the rows are the numbered lines («1. Организация …», numbers in order); a month line
    («Март», «Март-август Директор») is the deadline of the row that has none yet, else of the
    next row, as a short capitalised line is its responsible; a year line («2011», «г.») goes on
    an open deadline; a line with a small letter goes on the activity; one long line before the
    first row is a section. Every row must end with one deadline and one responsible, nothing
    left over: else None (the text is refused, no row invented)."""
    pieces = pieces_by_lines(lines)
    if pieces is None:
        return None
    head = find_header(pieces, wrapped=True)
    if head is None or not interleaved(pieces, head):
        return None
    headers = _interleaved_header([p.text for p in pieces[head.start:head.end]])
    if headers is None:
        return None
    pieces = without_repeated_header(pieces, head)
    rows: list[_NumberedRow] = []
    section: tuple[str, int] | None = None
    pending_when = pending_who = ""
    for piece in pieces[head.end:]:
        text = piece.text
        current = rows[-1] if rows else None
        numbered = _NUMBERED_TEXT.match(text)
        if numbered and follows(current.number if current else None, numbered.group("num")):
            activity, when = numbered.group("text"), ""
            tail = _MONTHS_TAIL.match(activity)
            if tail:
                activity, when = tail.group("text"), tail.group("when")
            if when and pending_when:
                return None
            rows.append(_NumberedRow(numbered.group("num"), [activity], when or pending_when, pending_who, piece.line))
            pending_when = pending_who = ""
            continue
        year_open = not re.search(r"(?:19|20)\d\d", current.deadline) if current else False
        unit_open = bool(current and re.search(r"(?:19|20)\d\d$", current.deadline) and re.fullmatch(r"г\.|года?", text))
        if current is not None and current.deadline and _YEAR_TAIL.match(text) and (year_open or unit_open) and \
                not pending_when:
            current.deadline = f"{current.deadline} {text}"
            continue
        if current is None and section is None and not pending_when and not pending_who and \
                len(text.split()) >= 3 and text[:1].isupper() and not _reads_as_deadline(text):
            section = (text, piece.line)
            continue
        if text[:1].islower() or text[:1] in "(«":
            if current is None:
                return None
            current.text.append(text)
            continue
        head_when = _month_head(text)
        when, who = head_when if head_when else ("", text)
        if when:
            if current is not None and not current.deadline:
                current.deadline = when
            elif not pending_when:
                pending_when = when
            else:
                return None
        if who:
            if len(who.split()) > 4 or _reads_as_deadline(who) or not who[:1].isupper():
                return None
            if current is not None and not current.responsible and not pending_when:
                current.responsible = who
            elif not pending_who:
                pending_who = who
            else:
                return None
    if not rows or pending_when or pending_who or any(not r.deadline or not r.responsible for r in rows):
        return None
    note = ("ячейки строки собраны из строк PDF, где колонки шли вперемешку: срок и ответственные отнесены к строке "
            "по порядку строк — сверьте с документом")
    out: list = [(head.line + 1, headers)]
    if section is not None:
        out.append((section[1] + 1, [section[0]]))
    for row in rows:
        out.append((row.line + 1, [row.number, join_wrapped(row.text), row.deadline, row.responsible], note))
    last = pieces[-1].line
    region = last + 1 - head.line
    return list(lines[:head.line]) + out + [None] * (region - len(out)) + list(lines[last + 1:])
