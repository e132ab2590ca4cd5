"""A whole PDF page flattened onto one line: letterhead, approval mark, title, header and every
cell run together, separated by single spaces (a school site's PDF text, ``file/card``).

Such a line keeps the words of the page in the order the PDF gives them, which is not always the
table's order: the first column's cells of several rows may come as one block before the other
columns' cells. It is read only when the table has the form that lets every row be found by
what its cells look like, and refused otherwise (the text reader then says what it found):

1. the header is a run of words, each header cell starting with a capital letter, that names the
   columns (the vocabulary of :mod:`columns`); the words of the cells' second lines, which the PDF
   puts after all first lines, stay with the last cell. The header must have the activity first,
   then one short-code column or more («Класс»: «9», «10(11)», «5-9»), then at most one more text
   column («Предмет»), and the deadline last;
2. every row ends with its deadline, a full date (day or days, month, year; or ``ДД.ММ.ГГГГ``);
   the row's codes and its text cell stand just before the date;
3. the words before a row's codes are pieces, cut before each word with a capital letter (not
   inside brackets or quotes, not after a preposition or an abbreviation of an organisation's
   form). The first piece after a date that begins with a preposition or a word of time («По
   решению ОО», «В соответствии с графиком») is that date cell's second line; every other piece
   is an activity, and such a beginning anywhere else stops the reading. The activities are
   given to the rows in order (a block of names the PDF put before the rows' cells included); the
   reading is kept only when there are exactly as many activities as rows and no row takes an
   activity that comes after its own cells.

A table «№ — мероприятие — срок — ответственные» flattened so is read by its numbers instead: the
rows start with «1.», «2.», «2.1.» in order (not after «№», «п.»), and each row parts at its
deadline, the one run of date words followed by a capital letter (as :func:`textcells.run_on_rows`
parts a row run onto its own line).

The words before the header are cut into lines at the blank's address (a postal index), at the
approval mark («Приложение …», «УТВЕРЖДЕН …») and at the title («План-график …», «Дорожная карта
…»), so that the header reader finds the letterhead, the mark and the title as it does on any
page. The next lines, each a further page, go on with the table when they hold only its rows
(after a page number and the header repeated, or without them). No row is ever invented: a text
that does not read so gives None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from roadmapctl.document import fields
from roadmapctl.importer.textcells import deadline_span, follows, leaf_roles

MIN_WORDS = 25  # a line shorter than this is not a whole page
MAX_ROWS = 400  # more date cells than a page holds: not read
MAX_HEAD_START = 400  # the header stands under the letterhead, the mark and the title: within these words

_MONTH = r"(?:январ|феврал|март|апрел|ма|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-яё]*"
_YEAR = r"(?:19|20)\d\d(?:\s*г\.?|\s+года?)?"
_DAYS = r"\d{1,2}(?:\s*[-–—]\s*\d{1,2})?"
_NUMERIC = r"\d{1,2}\.\d{1,2}\.(?:19|20)\d\d(?:\s*г\.?)?"
DATE = re.compile(
    rf"(?<![\w.])(?:{_DAYS}\s+{_MONTH}(?:\s*[-–—]\s*{_DAYS}\s+{_MONTH})?\s+{_YEAR}|"
    rf"{_NUMERIC}(?:\s*[-–—]\s*{_NUMERIC})?)(?![\w])",
    re.IGNORECASE,
)
# a class or a count: «9», «10(11)», «5-9», «5а», «7,8», «9-е», «II-III»
CODE = re.compile(r"^(?:\d{1,2}[а-яё]?(?:[-–,]\d{1,2}[а-яё]?)*(?:\(\d{1,2}\))?(?:-[ея])?|[IVX]{1,4}(?:[-–][IVX]{1,4})?)$")
_CODE_HEADER = re.compile(r"(?i)^(?:класс|параллел|кол-?во|количеств|возраст)")
_APPROVAL_WORD = re.compile(r"^(?:Приложение|ПРИЛОЖЕНИЕ|УТВЕРЖДЕН[АОЫ]?|Утвержден[аоы]?|УТВЕРЖДАЮ|Утверждаю|"
                            r"СОГЛАСОВАН[АОЫ]?|Согласован[аоы]?)$")
_TITLE = re.compile(r"(?i)^(?:план(?:-график)?|дорожн\w+|график\w*|календарн\w+|перечень|сетевой|комплекс|"
                    r"программ\w*|мероприятия)$")
_NO_CUT_AFTER = re.compile(r"(?i)^(?:с|со|в|во|до|к|ко|по|на|от|не|и|или|а|для|при|о|об|из|за|у|после|перед|над|под|"
                           r"им\.|г\.|ул\.|с\.|п\.|д\.|№)$|^[МГЧ][БАК]?Д?О?У$|[-,:]$")
# a date cell's second line («По решению ОО», «В соответствии с графиком», «Согласно графику»)
# begins with a preposition or a word of time; an activity («Итоговое собеседование») does not
TAIL_START = re.compile(r"(?i)^(?:\(|(?:по|в|во|с|со|до|после|согласно|ориентировочно|уточня\w*|перенос\w*|при|"
                        r"дополнительн\w*|резерв\w*)(?:\s|$))")
_INITIALS = re.compile(r"^[А-ЯЁ]\.(?:[А-ЯЁ]\.)?,?$")


@dataclass
class FlatTable:
    """A flattened page, read: the lines before the table, the header and the rows."""

    before: list[str]  # the letterhead, the approval mark and the title, a line each
    header: list[str]
    rows: list[list[str]]
    after: list[str]  # the words after the last row that are not its date cell's
    notes: list[str | None]  # for each row: the guess to keep on it (an activity that stood ahead of its row)
    codes: int = 0  # the code columns (0: a numbered table, read by its row numbers)
    text_column: bool = False


def flat_page_rows(lines: list[str]) -> list | None:
    """The text's lines with a flattened page's table put in place (the one line replaced by a
    list of its parts: the lines before the table, the header row, the rows), or None."""
    for i, line in enumerate(lines):
        words = line.split()
        if len(words) < MIN_WORDS:
            continue
        table = read_flat(words)
        if table is None:
            continue
        parts: list = list(table.before)
        parts.append((i + 1, table.header))
        out: list = list(lines)
        out[i] = parts
        # the next pages, each a line of its own: their rows (after the header repeated, or not)
        j = i
        while True:
            _rows_in_place(parts, j, table)
            j = next((k for k in range(j + 1, len(lines)) if lines[k].strip()), len(lines))
            following = _next_page(lines[j].split(), table) if j < len(lines) and not table.after else None
            if following is None:
                break
            table = following
            parts = out[j] = []
        return out
    return None


def _rows_in_place(parts: list, i: int, table: FlatTable) -> None:
    for cells, note in zip(table.rows, table.notes):
        parts.append((i + 1, cells, note) if note else (i + 1, cells))
    if table.after:
        parts.append(" ".join(table.after))


def _next_page(words: list[str], first: FlatTable) -> FlatTable | None:
    """The next page of a flattened table, on a line of its own: its rows, after the same header
    repeated (a page number, alone, may stand before it) or without one; None when the line does
    not read so."""
    body = words
    for start in range(min(len(words), 4)):
        head = _numbered_header_at(words, start) if first.codes == 0 else _header_at(words, start)
        if head is not None and head[0] == first.header:
            if not all(re.fullmatch(r"[-–—\d.]+", w) for w in words[:start]):
                return None  # a page that opens with other text: not read as a continuation
            body = words[head[1]:]
            break
    if first.codes == 0:
        found = _numbered_body(body, first.rows[-1][0])
        if isinstance(found, str):
            return None
        rows, after = found
        return FlatTable([], first.header, rows, after, [_parted(row) for row in rows])
    read = _body(body, first.codes, first.text_column)
    if isinstance(read, str):
        return None
    rows, after, lifted = read
    return FlatTable([], first.header, rows, after, [LIFTED if up else None for up in lifted], first.codes,
                     first.text_column)


def _parted(row: list[str]) -> str:
    return f"ячейки строки разделены по сроку «{row[2]}» — сверьте с документом"


LIFTED = ("название мероприятия стоит в тексте PDF не в своей строке, а блоком с другими названиями перед ячейками "
          "строк; оно отдано строке по порядку — сверьте с документом")


def read_flat(words: list[str]) -> FlatTable | None:
    """One flattened page's words → its table, or None when it does not read reliably."""
    found = _read(words)
    return found if isinstance(found, FlatTable) else None


def why_not(words: list[str]) -> str | None:
    """Why a flattened page whose header reads is not read, in Russian (what was found and what
    stopped the reading), or None when no header of the form is found."""
    found = _read(words)
    return found if isinstance(found, str) else None


def _read(words: list[str]) -> FlatTable | str | None:
    reason: str | None = None
    for start in range(min(len(words), MAX_HEAD_START)):
        numbered = _numbered_header_at(words, start) if _NUMBER_HEADER.match(words[start]) else None
        if numbered is not None:
            cells, body_start = numbered
            found = _numbered_body(words[body_start:])
            if isinstance(found, str):
                names = ", ".join(f"«{c}»" for c in cells)
                reason = reason or f"найден заголовок таблицы (колонки {names}), но {found}"
                continue
            rows, after = found
            return FlatTable(_before(words[:start]), cells, rows, after, [_parted(row) for row in rows])
        if not _capital(words[start]):
            continue
        head = _header_at(words, start)
        if head is None:
            continue
        cells, body_start, codes, text_column = head
        table = _body(words[body_start:], codes, text_column)
        if isinstance(table, str):
            names = ", ".join(f"«{c}»" for c in cells)
            reason = reason or f"найден заголовок таблицы (колонки {names}), но {table}"
            continue
        rows, after, lifted = table
        return FlatTable(_before(words[:start]), cells, rows, after, [LIFTED if up else None for up in lifted], codes,
                         text_column)
    return reason


_NUMBER_HEADER = re.compile(r"^(?:№|N)$")
_ROW_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,3}){0,3}\.$")
_NOT_A_ROW_AFTER = re.compile(r"(?i)^(?:№|n|п\.|пп\.|ст\.|ч\.|стр\.|гл\.|разд\.|прил\.)$")
NUMBERED_ROLES = [fields.NUMBER.column, fields.TEXT.column, fields.DEADLINE.column, fields.RESPONSIBLE.column]


def _numbered_header_at(words: list[str], start: int) -> tuple[list[str], int] | None:
    """A header «№ п/п Наименование мероприятия Срок исполнения Ответственные» from ``start``:
    its four cells (number, activity, deadline, responsible, in this order) and the index of the
    body's first word (after the column-number run «1 2 3 4», when there is one)."""
    cuts = [start] + [k for k in range(start + 1, min(len(words), start + 30)) if _capital(words[k])][:3]
    if len(cuts) != 4:
        return None
    end = next((k for k in range(cuts[-1] + 1, min(len(words), cuts[-1] + 6)) if _ROW_NUMBER.match(words[k])
                or words[k] == "1"), None)
    if end is None:
        return None
    cells = [" ".join(words[a:b]) for a, b in zip(cuts, [*cuts[1:], end])]
    if leaf_roles(cells) != NUMBERED_ROLES:
        return None
    if words[end:end + 4] == ["1", "2", "3", "4"]:
        end += 4  # the column numbers
    return cells, end


def _numbered_body(words: list[str], previous: str | None = None) -> tuple[list[list[str]], list[str]] | str:
    """Rows that start with their numbers «1.», «2.», «2.1.» in order; each row's words part
    at its deadline (the one run of words that reads as a deadline and is followed by a capital
    letter) into the activity before it and the responsible after it. ``previous``: the last row's
    number on the page before."""
    starts: list[int] = []
    opening = previous is None
    for k, word in enumerate(words):
        if _ROW_NUMBER.match(word) and (k == 0 or not _NOT_A_ROW_AFTER.match(words[k - 1])) and \
                (follows(previous, word) if previous else opening and word == "1."):
            starts.append(k)
            previous = word
    if not starts or starts[0] != 0:
        return "строка таблицы не начинается с номера «1.»" if opening else "строка не начинается с номера следующей строки"
    rows: list[list[str]] = []
    for a, b in zip(starts, [*starts[1:], len(words)]):
        row = words[a:b]
        span = deadline_span(row, 2)
        if span is None:
            return (f"в строке «{row[0]}» срок не отделить от соседних ячеек (нет одной группы слов о сроке, за "
                    "которой следует слово с прописной буквы)")
        rows.append([row[0], " ".join(row[1:span[0]]), " ".join(row[span[0]:span[1]]), " ".join(row[span[1]:])])
    return rows, []


def _capital(word: str) -> bool:
    first = word.lstrip("«\"(")[:1]
    return first.isalpha() and first.isupper()


def _header_at(words: list[str], start: int) -> tuple[list[str], int, int, bool] | None:
    """The header starting at ``start``: its cells, the index of the body's first word, the
    number of code columns and whether a text column follows them; None unless the form above."""
    capitals = [start]
    for k in range(start + 1, min(len(words), start + 40)):
        if _capital(words[k]):
            capitals.append(k)
    for n in range(3, min(len(capitals), 8) + 1):
        # the last cell's first line and the second lines of all cells: lower-case words up to
        # the body's first word (a capital)
        end = capitals[n] if n < len(capitals) else None
        if end is None:
            return None
        cells = [" ".join(words[a:b]) for a, b in zip(capitals[:n], capitals[1:n + 1])]
        if any(len(c) > 120 for c in cells):
            return None
        roles = leaf_roles(cells)
        if roles is None or roles[0] != fields.TEXT.column or roles[-1] != fields.DEADLINE.column:
            continue
        middle = cells[1:-1]
        if any(r is not None for r in roles[1:-1]):
            continue
        codes = 0
        while codes < len(middle) and _CODE_HEADER.match(middle[codes]):
            codes += 1
        if codes == 0 or len(middle) - codes > 1:
            continue
        return cells, end, codes, len(middle) > codes
    return None


def _body(words: list[str], codes: int, text_column: bool) -> tuple[list[list[str]], list[str], list[bool]] | str:
    """The rows of the body, or why they cannot be told apart (in Russian)."""
    text = " ".join(words)
    dates = list(DATE.finditer(text))
    if not dates:
        return "после него нет ни одной даты в полной форме («7 декабря 2022», «15.10.2024»), по которой видна строка"
    if len(dates) > MAX_ROWS:
        return f"дат после него больше {MAX_ROWS}: это не одна страница"
    gaps: list[list[str]] = []
    position = 0
    for match in dates:
        gaps.append(text[position:match.start()].split())
        position = match.end()
    trailing = text[position:].split()
    # each gap: [pieces: tails and activities] codes [text cell]
    parsed: list[tuple[list[str], list[str], str]] = []
    for k, (gap, match) in enumerate(zip(gaps, dates)):
        found = _codes_in(gap, codes, text_column)
        if found is None:
            return (f"перед датой «{match.group()}» (строка {k + 1}) нет ячейки колонки кодов («9», «10(11)», «5-9»)"
                    + (" и следующей за ней ячейки с прописной буквы" if text_column else ""))
        p, middle, rest = found
        parsed.append((_pieces(gap[:p]), middle, rest))
    # a piece that begins as a date cell's second line is one: the first piece after a date
    tails = [k > 0 and bool(pieces) and bool(TAIL_START.match(pieces[0])) for k, (pieces, _m, _r) in enumerate(parsed)]
    stray = next((piece for k, (pieces, _m, _r) in enumerate(parsed) for piece in pieces[int(tails[k]):]
                  if TAIL_START.match(piece)), None)
    if stray is not None:
        return f"текст «{stray}» стоит среди названий мероприятий, но начинается как продолжение срока"
    if not _assign([len(pieces) for pieces, _m, _r in parsed], tails):
        names = sum(len(pieces) - tail for (pieces, _m, _r), tail in zip(parsed, tails))
        return (f"строк с датой {len(dates)}, а названий мероприятий перед их ячейками {names}: названия не "
                "удаётся однозначно отдать строкам")
    # the words after the last date: the last row's date cell goes on when they read so
    after_pieces = _pieces(trailing)
    last_tail: str | None = None
    if after_pieces and TAIL_START.match(after_pieces[0]):
        last_tail = after_pieces.pop(0)
    queue: list[tuple[int, str]] = []  # activities not yet given, with the gap they stood in
    rows: list[list[str]] = []
    lifted: list[bool] = []
    for k, ((pieces, middle, rest), match) in enumerate(zip(parsed, dates)):
        if tails[k]:
            rows[k - 1][-1] += "\n" + pieces[0]
            pieces = pieces[1:]
        queue.extend((k, piece) for piece in pieces)
        where, activity = queue.pop(0)  # _assign: no row is left without an activity
        lifted.append(where < k)
        rows.append([activity, *middle, *([rest] if text_column else []), " ".join(match.group().split())])
    if last_tail is not None:
        rows[-1][-1] += "\n" + last_tail
    after = " ".join(after_pieces).split()
    return rows, after, lifted


def _codes_in(gap: list[str], codes: int, text_column: bool) -> tuple[int, list[str], str] | None:
    """Where the row's code cells stand in a gap (the first run of ``codes`` code words followed by
    the text cell's capital, or ending the gap), the codes and the text cell."""
    for p in range(0, len(gap) - codes + 1):
        run = gap[p:p + codes]
        if not all(CODE.match(w) for w in run):
            continue
        rest = gap[p + codes:]
        if text_column and (not rest or not _capital(rest[0])):
            continue
        if not text_column and rest:
            continue
        if any(CODE.match(w) for w in rest[:1]):
            continue
        return p, run, " ".join(rest)
    return None


def _pieces(words: list[str]) -> list[str]:
    """Words → cell texts, cut before each word with a capital letter that can start a cell."""
    pieces: list[list[str]] = []
    depth = 0
    for word in words:
        cut = (_capital(word) and depth == 0 and not _INITIALS.match(word) and not (word.isupper() and len(word) > 1)
               and (not pieces or not _NO_CUT_AFTER.search(pieces[-1][-1])))
        if cut or not pieces:
            pieces.append([word])
        else:
            pieces[-1].append(word)
        depth = max(0, depth + word.count("(") + word.count("«") - word.count(")") - word.count("»"))
    return [" ".join(p) for p in pieces]


def _assign(counts: list[int], tails: list[bool]) -> bool:
    """Whether the pieces of the gaps give every row one activity, never after the row's own
    cells: ``counts`` the pieces in each gap, ``tails`` whether a gap's first piece is the previous
    row's date-cell line (not an activity)."""
    given = 0
    for k, (count, tail) in enumerate(zip(counts, tails)):
        given += count - tail
        if given < k + 1:
            return False  # row k has no activity at or before its cells
    return given == len(counts)


def _before(words: list[str]) -> list[str]:
    """The words before the table → lines: the letterhead (its address apart), the approval mark,
    the title."""
    cuts = [0]
    # a blank's address («663653, Красноярский край, …») is a line of its own
    address = next((k for k, w in enumerate(words) if re.fullmatch(r"\d{6},?", w)), None)
    if address:
        cuts.append(address)
    mark = next((k for k, w in enumerate(words) if _APPROVAL_WORD.match(w)), None)
    if mark is not None and mark > 0:
        cuts.append(mark)
    title = next((k for k in range(mark + 1 if mark is not None else cuts[-1], len(words))
                  if _TITLE.match(words[k]) and _capital(words[k])), None)
    if title is not None and title > cuts[-1]:
        cuts.append(title)
    return [" ".join(words[a:b]) for a, b in zip(cuts, [*cuts[1:], len(words)]) if a < b]
