"""The import as a whole: bytes → document → tables and header → roadmap data → YAML text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from roadmapctl.document import fields
from roadmapctl.importer.grid import ImportFailure, SourceDoc
from roadmapctl.importer.guesses import COMMENT_PREFIX, GuessLog
from roadmapctl.importer.header import HeaderInfo, decide_municipality, parse_header
from roadmapctl.importer.parties import Directory, RefDraft, kind_of, split_cell
from roadmapctl.importer.rows import ActivityDraft, SectionDraft, TableDraft, assemble, finalize
from roadmapctl.importer.tables import Layout, find_tables

PLACEHOLDER_AUTHORITY = "Орган не указан в документе"
PLACEHOLDER_MUNICIPALITY = "Муниципалитет не указан в документе"
PLACEHOLDER_TITLE = "Дорожная карта"


@dataclass
class Options:
    municipality: str | None = None
    period: str | None = None
    authority: str | None = None
    region: str | None = None


@dataclass
class ImportResult:
    text: str  # the YAML
    data: dict
    guesses: GuessLog
    source: SourceDoc
    comments: dict[tuple, list[str]] = field(default_factory=dict)


def read_document(data: bytes, name: str) -> SourceDoc:
    """Pick the reader by content: a Word package, an OpenDocument or old Word or RTF document
    (through LibreOffice), a PDF, a web page, or text. The reader's own structures (an XML tree,
    a PDF's pages) are gone when it returns; the memory they took is given back at once."""
    try:
        return _read_document(data, name)
    finally:
        _give_back_memory()


def _give_back_memory() -> None:
    """Return the C library's freed memory to the system (glibc ``malloc_trim``).

    The readers parse with C libraries (lxml for Word, pdfminer's buffers for PDF) whose freed
    memory glibc keeps for itself, and Python's own objects live in separate mappings that cannot
    reuse it: without this, the tree of a Word document's XML (about 120 MB for 10,000 rows) stays
    resident for the rest of the import. The reader's objects refer to each other (python-docx's
    parts and package), so they are collected first. Where the C library is not glibc, only that."""
    import gc
    import sys

    gc.collect()

    if not sys.platform.startswith("linux"):
        return
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim = libc.malloc_trim
    except (OSError, AttributeError):  # musl and others: no malloc_trim
        return
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    trim(0)


def _read_document(data: bytes, name: str) -> SourceDoc:
    if not data or not data.strip():
        raise ImportFailure(f"{name}: файл пуст")
    if data.startswith(b"PK\x03\x04"):
        from roadmapctl.importer.docx_reader import is_docx, read_docx

        if is_docx(data):
            return read_docx(data, name)
        if b"application/vnd.oasis.opendocument.text" in data[:200]:
            return _converted(data, "odt", name)
        raise ImportFailure(f"{name}: это архив ZIP, но не документ Word (.docx) и не документ OpenDocument (.odt)")
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return _converted(data, "doc", name)
    if data.lstrip()[:5] == b"{\\rtf":
        return _converted(data, "rtf", name)
    if data[:1024].lstrip().startswith(b"%PDF") or data.startswith(b"%PDF"):
        from roadmapctl.importer.pdf_reader import read_pdf

        return read_pdf(data, name)
    from roadmapctl.importer.html_reader import looks_like_html

    if looks_like_html(data) or (Path(name).suffix.lower() in (".html", ".htm", ".xhtml") and b"<table" in data.lower()):
        from roadmapctl.importer.html_reader import read_html

        return read_html(data, name)
    from roadmapctl.importer.text import read_text

    return read_text(data, name)


def _converted(data: bytes, kind: str, name: str) -> SourceDoc:
    from roadmapctl.importer.convert import KINDS, convert_to
    from roadmapctl.importer.docx_reader import read_docx

    try:
        doc = read_docx(convert_to(data, kind, name), name)
    except ImportFailure as exc:
        message = str(exc)
        if KINDS[kind][0] in message:
            raise
        raise ImportFailure(f"{message} (файл — {KINDS[kind][0]}; LibreOffice преобразовал его в .docx)") from None
    doc.notes.insert(0, f"{KINDS[kind][0]} преобразован в .docx программой LibreOffice и прочитан как документ Word")
    return doc


def import_bytes(data: bytes, name: str = "<ввод>", options: Options | None = None) -> ImportResult:
    return import_document(read_document(data, name), options)


def document_bytes(path: str | Path) -> bytes:
    """The bytes of a document to import (``-``: the standard input), under the documents' size
    limit; ImportFailure with the reason when they cannot be read."""
    from roadmapctl.loading.source import MAX_DOCUMENT_BYTES, SourceError, read_bytes

    try:
        return read_bytes(path, MAX_DOCUMENT_BYTES)
    except SourceError as exc:
        raise ImportFailure(exc.shown) from None


def import_path(path: str | Path, options: Options | None = None) -> ImportResult:
    return import_bytes(document_bytes(path), str(path), options)


# --------------------------------------------------------------------------- the roadmap


def _parties(tables: list[TableDraft], directory: Directory, log: GuessLog) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for table in tables:
        for activity in table.walk():
            if not activity.responsible_paras:
                continue
            found = split_cell(activity.responsible_paras)
            refs: list[RefDraft] = found.refs
            activity.responsible = [ref.as_yaml() for ref in refs]
            for ref in refs:
                directory.use(ref)
            for pair in found.pairs:
                if pair not in pairs:
                    pairs.append(pair)
            for note in found.notes:
                log.add(activity.label, note, activity)
            last = activity.responsible_paras[-1].rstrip()
            if last.endswith(";"):
                log.add(activity.label, "ячейка ответственных оканчивается точкой с запятой: возможно, её продолжение "
                        "попало в ячейку следующей строки — сверьте с документом", activity)
    return pairs


def _authority_fallback(info: HeaderInfo, directory: Directory, doc: SourceDoc, log: GuessLog) -> None:
    if not info.authority:
        organs = [n for n in directory.order if kind_of(n) == "орган" and len(n.split()) >= 2]
        author = doc.properties.get("author", "")
        if organs:
            best = max(organs, key=lambda n: (len(n.split()) >= 3, n[:1].isupper(), directory.usage[n], -directory.order[n]))
            info.authority = best[:1].upper() + best[1:]
            info.note("орган", f"в тексте над таблицей орган не назван; взят из колонки ответственных: «{best}»", log)
        elif author and kind_of(author) == "орган" and len(author.split()) >= 2:
            info.authority = author
            info.note("орган", "орган взят из свойства «Автор» документа Word", log)
    if not info.authority_short and info.authority:
        lowered = info.authority.lower()
        shorts = [n for n in directory.usage
                  if n != info.authority and (
                      (kind_of(n) == "орган" and re.fullmatch(r"[А-ЯЁ]{2,6}", n))
                      or (len(n.split()) <= 3 and lowered.startswith(n.lower()) and len(n) >= 8))]
        if shorts:
            info.authority_short = max(shorts, key=lambda n: (directory.usage[n], -directory.order[n]))


def _period_fallback(info: HeaderInfo, tables: list[TableDraft], log: GuessLog) -> None:
    if info.period:
        return
    years: list[int] = []
    for table in tables:
        for activity in table.walk():
            texts = [activity.deadline or ""] + [i.get(fields.DEADLINE.key, "") for i in activity.subitems if isinstance(i, dict)]
            for text in texts:
                years.extend(int(y) for y in re.findall(r"(?<!\d)(20\d\d)(?!\d)", text))
    if years:
        first, last = min(years), max(years)
        info.period = f"{first}-{last}" if last > first else str(first)
        info.note("период", f"период в документе не найден; выведен из годов в сроках мероприятий: {info.period}", log)
        return
    when = info.order.get("дата") or info.approval.get("дата")
    year = when.year if isinstance(when, date) else date.today().year
    info.period = str(year)
    info.note("период", f"период в документе не найден; поставлен {year} год — укажите настоящий период", log)


def _activity_data(activity: ActivityDraft, path: tuple, comments: dict) -> dict:
    """The activity in the schema's keys: every field of document/fields.py the draft holds, a
    required one even when empty, the others only when they have a value."""
    if activity.comments:
        comments[path] = [f"{COMMENT_PREFIX} {c}" for c in activity.comments]
    data: dict = {}
    for f in fields.ACTIVITY_FIELDS:
        value = activity.value(f)
        if f is fields.CHILDREN and isinstance(value, list) and value:
            value = [_activity_data(child, path + (f.key, i), comments) for i, child in enumerate(value)]
        if value or f.required:
            data[f.key] = value
    return data


def _section_data(section: SectionDraft, path: tuple, comments: dict) -> dict:
    if section.comments:
        comments[path] = [f"{COMMENT_PREFIX} {c}" for c in section.comments]
    data: dict = {}
    if section.number:
        data["номер"] = section.number
    data["название"] = section.title or "(без названия)"
    _add_rows(data, section, path, comments)
    return data


def _add_rows(data: dict, owner: SectionDraft | TableDraft, path: tuple, comments: dict) -> None:
    """The activities and sections of a table or a section, in the schema's keys."""
    if owner.activities:
        data["мероприятия"] = [_activity_data(a, path + ("мероприятия", i), comments) for i, a in enumerate(owner.activities)]
    if owner.sections:
        data["разделы"] = [_section_data(s, path + ("разделы", i), comments) for i, s in enumerate(owner.sections)]


def _table_data(table: TableDraft, path: tuple, comments: dict) -> dict:
    if table.comments:
        comments[path] = [f"{COMMENT_PREFIX} {c}" for c in table.comments]
    data: dict = {}
    if table.title:
        data["название"] = table.title
    data["колонки"] = [{"поле": f, "заголовок": h} for f, h in table.columns]
    data["номера_колонок"] = table.column_numbers
    _add_rows(data, table, path, comments)
    return data


def _columns(segment_header, table_where: str, log: GuessLog, table: TableDraft) -> list[tuple[str, str]]:
    columns: list[tuple[str, str]] = []
    have_note = False
    for column in segment_header.columns:
        if column.field:
            columns.append((column.field, column.header or column.field))
            continue
        if not column.header:
            continue
        if not have_note and fields.NOTE.column not in {c.field for c in segment_header.columns}:
            column_field = fields.NOTE.column
            have_note = True
            columns.append((column_field, column.header))
            message = (f"колонку «{column.header}» не удалось сопоставить ни с одним полем мероприятия; она записана "
                       "как «примечание» — проверьте")
        else:
            message = (f"колонку «{column.header}» не удалось сопоставить ни с одним полем мероприятия; её текст "
                       "добавлен в примечание каждого мероприятия с названием колонки")
        log.add(table_where, message, table)
    return columns


def import_document(doc: SourceDoc, options: Options | None = None) -> ImportResult:
    """The import in named passes: the tables, the parties, the header with its fallbacks, the
    roadmap's data with its comments, the YAML."""
    options = options or Options()
    log = GuessLog()
    for note in doc.notes:
        log.add(doc.name, note)
    layout = find_tables(doc, log)
    tables = _tables(layout, doc, log)
    directory = Directory()
    pairs = _parties(tables, directory, log)
    info = _header(layout, tables, directory, doc, options, log)
    schools: list[str] = []
    for school, partner in pairs:
        directory.mention(school, "школа")
        directory.mention(partner, "школа")
        if school not in schools:
            schools.append(school)
    entries = directory.build(log, info.authority, info.authority_short)
    comments: dict[tuple, list[str]] = {}
    data = _roadmap_data(info, comments)
    if pairs:
        data["школы"] = schools
        data["пары"] = [{"школа": a, "партнёр": b} for a, b in pairs]
        comments[("школы",)] = [f"{COMMENT_PREFIX} целевые школы определены по парам «школа — партнёр» из колонки "
                                "ответственных (первая школа каждой пары); проверьте список"]
        log.add("школы", "целевые школы определены по парам «школа — партнёр» из колонки ответственных")
    directory_data = _directory_data(entries, comments)
    if directory_data:
        data["участники"] = directory_data
        comments.setdefault(("участники",), []).append(
            f"{COMMENT_PREFIX} вид каждого участника (орган, организация, школа, группа, человек) определён по написанию "
            "имени — проверьте справочник")
    data["таблицы"] = [_table_data(t, ("таблицы", i), comments) for i, t in enumerate(tables)]

    from roadmapctl.importer.emit import dump

    preface = [
        f"Импортировано командой «roadmapctl import» из файла «{Path(doc.name).name}».",
    ]
    if len(log):
        preface.append(f"Места, где импорт действовал по догадке ({len(log)}), отмечены комментариями «# {COMMENT_PREFIX}»; "
                       "проверьте их и удалите комментарии.")
    # what the reader itself guessed (the form of the table, a conversion) stays in the file too
    preface.extend(f"{COMMENT_PREFIX} {note}" for note in doc.notes)
    text = dump(data, comments, preface)
    return ImportResult(text=text, data=data, guesses=log, source=doc, comments=comments)


def _tables(layout: Layout, doc: SourceDoc, log: GuessLog) -> list[TableDraft]:
    """Each activity table found → its draft: columns, sections and activities."""
    tables: list[TableDraft] = []
    for segment in layout.segments:
        table = TableDraft(columns=[], where=segment.header_row.where, title=segment.title)
        # an unplaced column: the first one becomes the note column, the others are folded into notes
        table.columns = _columns(segment.header, segment.header_row.where, log, table)
        for column in segment.header.columns:
            if not column.field and column.header and (fields.NOTE.column, column.header) in table.columns:
                column.field = fields.NOTE.column
        assemble(segment.rows, segment.header, table, log)
        for activity in _top_level(table):
            finalize(activity, doc.kind in ("text", "pdf"), log)  # both lose paragraph breaks in cells
        tables.append(table)
    if not any(list(t.walk()) for t in tables):
        # an excerpt that holds only the header, or the header and section rows, is still a draft
        # to review (its mark, title, period and columns), never a refusal; no row is invented
        what = "только разделы, ни одного мероприятия" if any(t.sections for t in tables) else "нет ни одной строки"
        for table in tables:
            log.add(table.where, f"в таблице {what}: проверьте, что строки таблицы скопированы целиком, и допишите "
                    "мероприятия", table)
    return tables


def _header(layout: Layout, tables: list[TableDraft], directory: Directory, doc: SourceDoc, options: Options,
            log: GuessLog) -> HeaderInfo:
    """The text above the table, the user's options over it, and a value (or a visible
    placeholder) for every required field."""
    info = parse_header(layout.before, log)
    if options.authority:
        info.authority = options.authority
    _authority_fallback(info, directory, doc, log)
    if options.municipality:
        info.municipality = options.municipality
    decide_municipality(info, log)
    if options.period:
        info.period = options.period
    _period_fallback(info, tables, log)
    if options.region:
        info.region = options.region
    if not info.title:
        title = doc.properties.get("title")
        if title:
            info.title = title
            info.note("название", "заголовок взят из свойства «Название» документа Word", log)
        else:
            info.title = PLACEHOLDER_TITLE
            info.note("название", "заголовок дорожной карты в документе не найден; поставлено «Дорожная карта» — "
                                  "впишите настоящий заголовок", log)
    if not info.authority:
        info.authority = PLACEHOLDER_AUTHORITY
        info.note("орган", "орган, издавший документ, не найден; впишите его наименование", log)
    if not info.municipality:
        info.municipality = PLACEHOLDER_MUNICIPALITY
        info.note("муниципалитет", "муниципалитет не найден; впишите его (например, «город Мценск»)", log)
    return info


def _roadmap_data(info: HeaderInfo, comments: dict[tuple, list[str]]) -> dict:
    """The roadmap's keys from the header, in the schema's order, with the header's comments."""
    for key, messages in info.comments.items():
        comments[(key,)] = [f"{COMMENT_PREFIX} {m}" for m in messages]
    data: dict = {"версия_формата": 1}
    authority: dict[str, str | list[str] | None] = {"наименование": info.authority}
    if info.authority_short and info.authority_short != info.authority:
        authority["краткое"] = info.authority_short
    if info.letterhead:
        authority["бланк"] = list(info.letterhead)
    data["орган"] = authority
    if info.region:
        data["регион"] = info.region
    data["муниципалитет"] = info.municipality
    for key, value in (("приказ", info.order), ("утверждение", info.approval), ("приложение", info.appendix)):
        if value:
            data[key] = value
    data["название"] = info.title
    data["период"] = info.period
    if info.preamble:
        data["преамбула"] = info.preamble
    if info.working_group:
        data["рабочая_группа"] = info.working_group
    return data


def _directory_data(entries: dict, comments: dict[tuple, list[str]]) -> dict:
    directory_data: dict = {}
    for name, entry in entries.items():
        value: dict = {}
        if entry.full:
            value["полное"] = entry.full
        if entry.kind:
            value["вид"] = entry.kind
        if entry.aliases:
            value["синонимы"] = entry.aliases
        if entry.members:
            value["состав"] = entry.members
        directory_data[name] = value or None
        if entry.comments:
            comments[("участники", name)] = [f"{COMMENT_PREFIX} {c}" for c in entry.comments]
    return directory_data


def _top_level(table: TableDraft) -> list[ActivityDraft]:
    out = list(table.activities)

    def walk(sections):
        for section in sections:
            out.extend(section.activities)
            walk(section.sections)

    walk(table.sections)
    return out
