"""A roadmap's own school calendar (учебный_календарь): the format and schema, its check rules
(RM407-RM409), and that it wins over the typical calendar in check, report, export and explain."""

from __future__ import annotations

import json
from datetime import date

from roadmapctl.document.build import build_roadmap
from roadmapctl.check.runner import check_source
from roadmapctl.loading import Source, load_text
from roadmapctl.document.schema import validate
from roadmapctl.document.schedule import roadmap_period, school_calendar

CALENDAR = """\
учебный_календарь:
  "2025-2026":
    четверти:
      - {с: 2025-09-01, по: 2025-10-24}
      - {с: 2025-11-05, по: 2025-12-26}
      - {с: 2026-01-12, по: 2026-03-20}
      - {с: 2026-03-30, по: 2026-05-22}
    каникулы:
      осенние: {с: 2025-10-25, по: 2025-11-04}
      летние: {с: 2026-05-23, по: 2026-08-31}
"""

DOC = """\
версия_формата: 1
орган:
  наименование: Управление образования
муниципалитет: город Примерск
название: Дорожная карта
период: 2025-2026 учебный год
{calendar}участники:
  УО:
таблицы:
  - колонки:
      - {{поле: номер, заголовок: № п/п}}
      - {{поле: мероприятие, заголовок: Мероприятие}}
      - {{поле: ответственные, заголовок: Ответственный}}
      - {{поле: срок, заголовок: Срок}}
      - {{поле: ожидаемый_результат, заголовок: Результат}}
    мероприятия:
      - номер: "1."
        мероприятие: Анализ результатов
        ответственные: [УО]
        срок: II полугодие
        ожидаемый_результат: Справка
      - номер: "2."
        мероприятие: Мониторинг
        ответственные: [УО]
        срок: по итогам каждой четверти
        ожидаемый_результат: Справка
      - номер: "3."
        мероприятие: Профильная смена
        ответственные: [УО]
        срок: в период осенних каникул
        ожидаемый_результат: Справка
"""


def doc(calendar: str = CALENDAR) -> str:
    return DOC.format(calendar=calendar)


def findings(text: str):
    return [(d.code, d.span.line, d.span.column, d.message) for d in check_source(Source("t.yaml", text))]


# ---- format and schema ---------------------------------------------------------------------------

def test_a_declared_calendar_is_valid_and_built_into_the_model():
    document = load_text(doc())
    assert validate(document) == []
    roadmap = build_roadmap(document)
    [year] = roadmap.school_calendar
    assert (year.key, year.year) == ("2025-2026", 2025)
    assert [(q.start, q.end) for q in year.quarters][1] == (date(2025, 11, 5), date(2025, 12, 26))
    assert sorted(year.holidays) == ["летние", "осенние"]
    assert year.holidays["осенние"].span.line == 15
    period = roadmap_period(roadmap)
    assert period.calendar == school_calendar(roadmap)
    assert period.calendar.quarters(2025)[3] == (date(2026, 3, 30), date(2026, 5, 22))
    # the undeclared winter holidays are the typical ones
    assert period.calendar.holiday(2025, "winter") == (date(2025, 12, 30), date(2026, 1, 8))


def test_a_roadmap_without_a_calendar_has_none():
    roadmap = build_roadmap(load_text(doc("")))
    assert roadmap.school_calendar == []
    assert roadmap_period(roadmap).calendar is None


def schema_problems(text):
    return [(p.code, p.span.line, p.message) for p in validate(load_text(text))]


def test_schema_says_what_is_wrong_in_russian():
    three = doc(CALENDAR.replace("      - {с: 2026-03-30, по: 2026-05-22}\n", ""))
    assert schema_problems(three) == [
        ("RM105", 10, "«четверти»: нужно ровно 4 элемента, а указано 3")]
    bad_key = doc(CALENDAR.replace('"2025-2026"', '"2025 год"'))
    [(code, line, message)] = schema_problems(bad_key)
    assert code == "RM105" and line == 8
    assert "«2025 год» — Ключ учебного календаря — учебный год вида 2025-2026." in message
    unknown = doc(CALENDAR.replace("      осенние:", "      осение:"))
    [(code, line, message)] = schema_problems(unknown)
    assert (code, line, message) == ("RM101", 15, "неизвестный ключ «осение»")
    not_date = doc(CALENDAR.replace("по: 2025-10-24", "по: 24.10.2025"))
    [(code, line, message)] = schema_problems(not_date)
    assert code == "RM105" and "не дата" in message


def test_every_new_schema_constraint_has_a_russian_error_message():
    from roadmapctl.document.schema import schema

    root = schema()
    nodes = [root["properties"]["учебный_календарь"], root["$defs"]["school_year"]]
    seen = 0
    while nodes:
        node = nodes.pop()
        if not isinstance(node, dict):
            continue
        if "type" in node or "pattern" in node:
            assert any("а" <= ch <= "я" for ch in node.get("errorMessage", "").lower()), node
            seen += 1
        for key in ("properties", "$defs"):
            nodes.extend((node.get(key) or {}).values())
        for key in ("items", "propertyNames"):
            if isinstance(node.get(key), dict):
                nodes.append(node[key])
    assert seen >= 12


# ---- check rules ------------------------------------------------------------------------------------

def test_a_consistent_calendar_has_no_findings():
    assert findings(doc()) == []


def test_rm407_dates_outside_their_school_year():
    text = doc(CALENDAR.replace("осенние: {с: 2025-10-25", "осенние: {с: 2024-10-25")
               .replace('"2025-2026"', '"2025-2026"'))
    assert ("RM407", 15, 20, "учебный год 2025-2026: дата 25.10.2024 (осенние каникулы) вне "
            "учебного года (01.09.2025–31.08.2026)") in findings(text)
    backwards = doc(CALENDAR.replace("{с: 2025-11-05, по: 2025-12-26}", "{с: 2025-12-26, по: 2025-11-05}"))
    assert ("RM407", 11, 29, "учебный год 2025-2026: II четверть заканчивается (05.11.2025) раньше, "
            "чем начинается (26.12.2025)") in findings(backwards)
    not_neighbours = doc(CALENDAR.replace('"2025-2026"', '"2025-2027"'))
    assert ("RM407", 8, 3, "«2025-2027» — не учебный год: учебный год охватывает два соседних года, "
            "например 2025-2026") in findings(not_neighbours)


def test_rm408_quarters_in_order_without_overlaps():
    text = doc(CALENDAR.replace("{с: 2025-11-05, по: 2025-12-26}", "{с: 2025-10-20, по: 2025-12-26}"))
    assert ("RM408", 11, 13, "учебный год 2025-2026: II четверть начинается (20.10.2025) до окончания "
            "I четверти (24.10.2025)") in findings(text)
    trimesters = doc(CALENDAR.replace("    каникулы:\n", "    триместры:\n"
                                      "      - {с: 2025-09-01, по: 2025-11-30}\n"
                                      "      - {с: 2025-11-30, по: 2026-02-27}\n"
                                      "      - {с: 2026-03-01, по: 2026-05-22}\n    каникулы:\n"))
    codes = [f[0] for f in findings(trimesters)]
    assert codes == ["RM408"]


def test_rm409_holidays_between_quarters():
    text = doc(CALENDAR.replace("осенние: {с: 2025-10-25, по: 2025-11-04}",
                                "осенние: {с: 2025-10-20, по: 2025-11-06}"))
    got = [f for f in findings(text) if f[0] == "RM409"]
    assert got == [
        ("RM409", 15, 20, "учебный год 2025-2026: начало осенних каникул (20.10.2025) не позже конца "
         "I четверти (24.10.2025)"),
        ("RM409", 15, 36, "учебный год 2025-2026: конец осенних каникул (06.11.2025) не раньше начала "
         "II четверти (05.11.2025)"),
    ]
    summer = doc(CALENDAR.replace("летние: {с: 2026-05-23", "летние: {с: 2026-05-20"))
    assert [f[0] for f in findings(summer)] == ["RM409"]


# ---- the declared calendar wins everywhere -----------------------------------------------------------

def test_report_export_and_explain_follow_the_declared_calendar(tmp_path, cli):
    path = tmp_path / "map.yaml"
    path.write_text(doc(), encoding="utf-8")
    typical = tmp_path / "typical.yaml"
    typical.write_text(doc(""), encoding="utf-8")

    # report: on 25 May 2026 "II полугодие" is overdue by the roadmap's calendar (22 May),
    # not by the typical one (31 May)
    code, out, _ = cli("report", str(path), "--as-of", "2026-05-25", "-f", "json")
    assert code == 0
    first = next(item for item in json.loads(out)["items"] if item["number"] == "1.")
    assert (first["kind"], first["due"], first["days_late"]) == ("overdue", "2026-05-22", 3)
    code, out, _ = cli("report", str(typical), "--as-of", "2026-05-25", "-f", "json")
    assert all(item["number"] != "1." or item["kind"] != "overdue"
               for item in json.loads(out)["items"])

    # export --format ics: the occurrences of "по итогам каждой четверти" are the declared ends
    code, out, _ = cli("export", str(path), "--format", "ics")
    assert code == 0
    starts = [line for line in out.splitlines() if line.startswith("DTSTART")]
    for day in ("20251024", "20251226", "20260320", "20260522"):
        assert f"DTSTART;VALUE=DATE:{day}" in starts
    assert "DTSTART;VALUE=DATE:20251031" not in starts

    # explain --file: the period and the calendar of the file, and which calendar was used
    code, out, _ = cli("explain", "--file", str(path), "II полугодие", "зимние каникулы")
    assert code == 0
    assert "Период: 01.09.2025–31.08.2026 (2025-2026 учебный год)" in out
    assert "однократно: 22.05.2026" in out
    assert "примечание: сроки учебного года — по учебному календарю дорожной карты" in out
    code, out, _ = cli("explain", "-p", "2025-2026 учебный год", "II полугодие")
    assert "однократно: 31.05.2026" in out
    assert "примечание: сроки учебного года — по типовому календарю" in out


def test_explain_with_a_broken_file_is_a_clean_error(tmp_path, cli):
    code, _out, err = cli("explain", "--file", str(tmp_path / "нет.yaml"), "май")
    assert code == 2 and "Traceback" not in err and "не найден" in err


def test_editor_hover_reads_a_deadline_with_the_declared_calendar():
    """The editor's hover reads a deadline as ``check`` does (``document.schedule``): «I четверть»
    ends on 24.10.2025 by the roadmap's calendar, on 31.10.2025 by the typical one."""
    from roadmapctl.lsp import analysis as an

    for calendar, due, source in [(CALENDAR, "24.10.2025", "по учебному календарю дорожной карты"),
                                  ("", "31.10.2025", "по типовому календарю")]:
        text = doc(calendar).replace("срок: II полугодие", "срок: I четверть")
        line = next(n for n, written in enumerate(text.splitlines(), 1) if written.endswith("срок: I четверть"))
        markdown, span = an.hover(an.analyze(text, "карта.yaml"), line, 18)
        assert markdown.splitlines()[2:4] == [f"- однократно: {due}", f"- примечание: сроки учебного года — {source}"]
        assert (span.line, span.column) == (line, 15)
