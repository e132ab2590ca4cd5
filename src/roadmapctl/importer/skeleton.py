"""``roadmapctl new``: a roadmap started from scratch, for a methodologist without a Word file.

The skeleton is a complete, valid roadmap (it passes ``roadmapctl check``): the schema line, the
header, one table with the usual five columns, one section and one activity — each with a short
Russian comment saying what to write there. The order, the approval stamp and the appendix mark
are there too, commented out (their number and date are rarely known when a roadmap is begun):
removing the «# » before their lines fills the header of the appendix.
"""

from __future__ import annotations

from roadmapctl.document import fields
from roadmapctl.importer.emit import dump
from roadmapctl.importer.grid import ImportFailure
from roadmapctl.textutil import ru_date

DEFAULT_AUTHORITY = "Управление образования"
DEFAULT_SHORT = "УО"


def _period(text: str) -> tuple[str, str, int]:
    """(period as written in the file, the words for the title, the first year)."""
    from roadmapctl.document.schedule import period_or_reason

    cleaned = " ".join(text.split())
    period, reason = period_or_reason(cleaned)
    if period is None:
        raise ImportFailure(reason)
    first = period.start.year
    if period.academic:
        return cleaned, f"на {period.start.year}-{period.end.year} учебный год", first
    if period.start.month == 1 and period.start.day == 1 and period.end.month == 12 and period.end.day == 31:
        if period.start.year == period.end.year:
            return cleaned, f"на {first} год", first
        return cleaned, f"на {period.start.year}-{period.end.year} годы", first
    return cleaned, f"на период {ru_date(period.start)}–{ru_date(period.end)}", first


def skeleton(municipality: str, period: str, authority: str | None = None, short: str | None = None,
             title: str | None = None) -> str:
    municipality = " ".join(municipality.split())
    if not municipality:
        raise ImportFailure("укажите муниципалитет, например: --municipality «город Мценск»")
    written, words, first_year = _period(period)
    academic = "учебн" in words
    authority = " ".join((authority or DEFAULT_AUTHORITY).split())
    short = " ".join((short or (DEFAULT_SHORT if authority == DEFAULT_AUTHORITY else "")).split()) or None
    responsible = short or authority
    title = title or f"Дорожная карта по поддержке школ с низкими образовательными результатами ({municipality}) {words}"
    deadline = f"Сентябрь {first_year} года" if academic else f"Март {first_year} года"
    data = {
        "версия_формата": 1,
        "орган": {"наименование": authority, **({"краткое": short} if short and short != authority else {})},
        "муниципалитет": municipality,
        "название": title,
        "период": written,
        "участники": {
            responsible: {"полное": authority, "вид": "орган"} if responsible != authority else {"вид": "орган"},
            "ОО": {"полное": "общеобразовательные организации", "вид": "группа"},
        },
        "таблицы": [{
            "колонки": [
                {"поле": fields.NUMBER.column, "заголовок": "№ п/п"},
                {"поле": fields.TEXT.column, "заголовок": "Мероприятие"},
                {"поле": fields.RESPONSIBLE.column, "заголовок": "Ответственный"},
                {"поле": fields.DEADLINE.column, "заголовок": "Срок реализации"},
                {"поле": fields.RESULT.column, "заголовок": "Ожидаемые результаты"},
            ],
            "номера_колонок": False,
            "разделы": [{
                "номер": "1.",
                "название": "Организационно-управленческие мероприятия",
                "мероприятия": [{
                    fields.NUMBER.key: "1.1.",
                    fields.TEXT.key: "Разработка и утверждение муниципальной дорожной карты",
                    fields.RESPONSIBLE.key: [responsible, "ОО"],
                    fields.DEADLINE.key: deadline,
                    fields.RESULT.key: "Дорожная карта утверждена приказом",
                }],
            }],
        }],
    }
    comments = {
        ("орган",): ["Орган, который утверждает дорожную карту. «краткое» — как он назван в колонке «Ответственный»."],
        ("муниципалитет",): ["Муниципальное образование, например «город Мценск» или «Абанский район»."],
        ("название",): ["Заголовок над таблицей — так, как он будет напечатан (без точки в конце)."],
        ("период",): ["Период: «2025-2026» — календарные годы, «2025-2026 учебный год» — с 1 сентября по 31 августа. "
                      "Все сроки читаются относительно него."],
        ("участники",): ["Справочник участников: каждое имя из колонки «Ответственный» должно быть здесь. "
                         "Виды: орган, организация, школа, группа, человек."],
        ("таблицы",): ["Таблица мероприятий. Колонки можно переставить, переименовать или убрать; у каждой колонки "
                       "«поле» — что в ней, «заголовок» — как она подписана в документе."],
        ("таблицы", 0, "разделы", 0): ["Раздел таблицы: строка с названием на всю ширину. Добавляйте разделы так же, "
                                       "с номерами «2.», «3.» …"],
        ("таблицы", 0, "разделы", 0, "мероприятия", 0): [
            "Мероприятие: номер всегда в кавычках; срок — словами, как в документе («Март 2025 года», "
            "«ежеквартально», «В течение учебного года»). Проверить файл: roadmapctl check ФАЙЛ"],
    }
    preface = [
        "Новая дорожная карта, созданная командой «roadmapctl new». Замените примеры своими данными; строки, "
        "которые начинаются с «#», — комментарии, программа их не читает, их можно удалить.",
    ]
    text = dump(data, comments, preface)
    start = _comment_start(text, text.index("\nназвание:"))
    return text[:start] + "\n" + _requisites(first_year, academic) + text[start + 1:]


def _comment_start(text: str, key: int) -> int:
    """Where the comment lines right above the line at ``key`` (an index of its "\n") begin."""
    start = key
    while True:
        previous = text.rindex("\n", 0, start)
        if text[previous + 1:start].startswith("#"):
            start = previous
        else:
            return start


def _requisites(first_year: int, academic: bool) -> str:
    """The order, the approval stamp and the appendix mark, commented out, with Russian notes."""
    day = f"{first_year}-08-25" if academic else f"{first_year}-01-15"
    lines = [
        "# Реквизиты для шапки приложения. Когда станут известны номер и дата приказа, уберите «# » в",
        "# начале строк нужных блоков и впишите свои данные; пустые поля лучше удалить.",
        "#",
        "# Приказ, приложением к которому будет дорожная карта (номер — в кавычках, дата — ГГГГ-ММ-ДД):",
        "# приказ:",
        "#   вид: приказ",
        '#   номер: "1"',
        f"#   дата: {day}",
        "# Гриф утверждения, если дорожную карту утверждает должностное лицо («УТВЕРЖДАЮ»):",
        "# утверждение:",
        "#   гриф: Утверждаю",
        "#   должность: Начальник управления образования",
        "#   фио: И.И. Иванова",
        f"#   дата: {day}",
        "# Отметка «Приложение № … к приказу …» в правом верхнем углу; орган — в родительном падеже:",
        "# приложение:",
        '#   номер: "1"',
        "#   к: к приказу управления образования",
    ]
    return "\n".join(lines) + "\n"
