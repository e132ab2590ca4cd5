"""`roadmapctl mark`: in-place edits of the real roadmaps and of small hand-made files.

The expected insertions are written out by hand; the tests check that every byte outside them
is unchanged (comments, key order, quoting, line ends, BOM) and that failures leave the file alone.
"""

from __future__ import annotations


import os
from datetime import date
from pathlib import Path

import pytest

from conftest import ROADMAPS, activities_by_number
from roadmapctl.mark import EditError, MarkRequest, mark_activity
from roadmapctl.loading import Source, load_document, read_source
from roadmapctl.loading.source import decode

BAUNT = ROADMAPS / "baunt-2021-2022.yaml"
MTSENSK = ROADMAPS / "mtsensk-2021-2022.yaml"
ABAN = ROADMAPS / "aban-2020-2023.yaml"
DAY = date(2021, 5, 20)


def inserted_before_row(old: str, marker: str, block: str) -> str:
    """``old`` with ``block`` added at the end of the last line of content (not a comment, not
    blank) before the line holding ``marker`` — the end of the activity that precedes it."""
    lines = old.splitlines(keepends=True)
    [index] = [i for i, line in enumerate(lines) if marker in line]
    last = index - 1
    while not lines[last].strip() or lines[last].lstrip().startswith("#"):
        last -= 1
    content = lines[last].rstrip("\r\n")
    return "".join(lines[:last]) + content + block + lines[last][len(content):] + "".join(lines[last + 1:])


def activity_data(text: str, number: str):
    doc = load_document(Source("t.yaml", text))
    found = []

    def walk(acts):
        for act in acts or []:
            if act["номер"] == number:
                found.append(act)
            walk(act.get("мероприятия"))

    def sections(secs):
        for sec in secs or []:
            walk(sec.get("мероприятия"))
            sections(sec.get("разделы"))

    for table in doc.data["таблицы"]:
        walk(table.get("мероприятия"))
        sections(table.get("разделы"))
    assert len(found) == 1
    return found[0]


# --- real roadmaps: what is inserted, and where ------------------------------------------------


def test_done_with_note_and_link_inserts_exactly_these_lines_after_row_9():
    source = read_source(BAUNT)
    result = mark_activity(source, MarkRequest(
        "9", DAY, explicit_date=True, status="выполнено", note="Программы развития: утверждены", link="https://example.ru/a.pdf",
    ))
    # right after row 9's last line, before row 10 (and the comments above row 10)
    assert result.text == inserted_before_row(
        source.text,
        '- номер: "10"',
        "\n            статус: выполнено"
        "\n            дата_выполнения: 2021-05-20"
        "\n            отметки:"
        "\n              - дата: 2021-05-20"
        '\n                текст: "Программы развития: утверждены"'
        "\n                ссылка: https://example.ru/a.pdf",
    )
    assert result.data == result.text.encode("utf-8")
    assert result.changes == ["статус: «выполнено»", "дата выполнения: 20.05.2021", "добавлена отметка от 20.05.2021"]


def test_status_goes_before_the_children_of_a_parent_row():
    source = read_source(MTSENSK)
    result = mark_activity(source, MarkRequest("4.6", DAY, status="в работе"))
    lines = source.text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if '- номер: "4.6."' in line)
    children = next(i for i in range(start, len(lines)) if lines[i].strip() == "мероприятия:")
    assert lines[children].startswith("            мероприятия:")
    expected = "".join(lines[:children]) + "            статус: в работе\n" + "".join(lines[children:])
    assert result.text == expected


def test_last_activity_of_a_file_gets_its_lines_at_the_end():
    source = read_source(ABAN)
    result = mark_activity(source, MarkRequest("31", DAY, note="Фестиваль проведён"))
    assert source.text.endswith("\n") and source.text.rsplit("- номер: ", 1)[1].startswith('"31"')  # the last row
    assert result.text == source.text[:-1] + (
        "\n            отметки:\n              - дата: 2021-05-20\n                текст: Фестиваль проведён\n"
    )


def test_number_without_final_dot_and_with_it():
    source = read_source(MTSENSK)
    assert mark_activity(source, MarkRequest("4.7.1", DAY, status="выполнено")).number == "4.7.1."
    assert mark_activity(source, MarkRequest("4.7.1.", DAY, status="выполнено")).number == "4.7.1."


def test_postpone_keeps_the_old_deadline_with_its_reason():
    source = read_source(BAUNT)
    result = mark_activity(source, MarkRequest(
        "1", DAY, postpone="Декабрь 2021 года", reason="Состав команды не утверждён", basis="Приказ РУО от 20.05.2021 № 40",
    ))
    old_line = "            срок: Март 2021 года\n"
    new_line = "            срок: Декабрь 2021 года\n"
    assert source.text.count(old_line) == 3  # rows 1, 3, 4: only the first one moves
    assert result.text.count(old_line) == 2 and result.text.count(new_line) == 1
    assert result.text.index(new_line) == source.text.index(old_line)
    act = activity_data(result.text, "1")
    assert act["срок"] == "Декабрь 2021 года"
    assert act["переносы"] == [{
        "прежний_срок": "Март 2021 года", "дата": "2021-05-20", "причина": "Состав команды не утверждён",
        "основание": "Приказ РУО от 20.05.2021 № 40",
    }]
    assert result.changes == ["срок перенесён: «Март 2021 года» → «Декабрь 2021 года» (причина: Состав команды не утверждён)"]


@pytest.mark.parametrize("request_kwargs, message", [
    ({"postpone": "Декабрь 2021 года"}, "причины"),
    ({"postpone": "Март 2021 года", "reason": "так"}, "совпадает"),
    ({"status": "готово"}, "неизвестный статус"),
    ({"link": "https://x.ru"}, "--note"),
    ({"note": "x", "link": "не адрес"}, "не похожа на адрес"),
    ({"note": "   "}, "пуст"),
    ({}, "укажите, что записать"),
])
def test_bad_requests_are_refused_in_russian(request_kwargs, message):
    with pytest.raises(EditError, match=message):
        mark_activity(read_source(BAUNT), MarkRequest("1", DAY, **request_kwargs))


def test_unknown_number_names_close_ones():
    with pytest.raises(EditError, match=r"мероприятия с номером «4\.66» в файле нет; похожие номера: .*4\.6\."):
        mark_activity(read_source(MTSENSK), MarkRequest("4.66", DAY, status="выполнено"))


def test_postponing_an_activity_without_a_deadline_is_refused():
    with pytest.raises(EditError, match="нет срока"):
        mark_activity(read_source(BAUNT), MarkRequest("13", DAY, postpone="Декабрь 2021 года", reason="x"))


# --- small files: existing keys, other list styles, line ends, BOM ------------------------------

HEAD = """\
версия_формата: 1
орган: {наименование: Отдел образования}
муниципалитет: Тест
название: Дорожная карта
период: 2021-2022
участники:
  РУО: {вид: орган}
таблицы:
  - колонки:
      - {поле: номер, заголовок: №}
      - {поле: мероприятие, заголовок: Мероприятие}
    мероприятия:
"""


def small(body: str) -> str:
    return HEAD + body


def test_existing_status_and_date_are_replaced_in_place_and_comments_stay():
    text = small(
        '      - номер: "1"   # first row\n'
        "        мероприятие: Первое\n"
        "        статус: 'в работе'  # was quoted\n"
        "        отметки:\n"
        "          -   дата: 2021-02-01\n"
        "              текст: начато\n"
        "        # a comment that belongs to row 2\n"
        '      - номер: "2"\n'
        "        мероприятие: Второе\n"
    )
    result = mark_activity(Source("t.yaml", text), MarkRequest("1", DAY, status="выполнено", note="Готово"))
    assert result.text == small(
        '      - номер: "1"   # first row\n'
        "        мероприятие: Первое\n"
        "        статус: выполнено  # was quoted\n"
        "        дата_выполнения: 2021-05-20\n"
        "        отметки:\n"
        "          -   дата: 2021-02-01\n"
        "              текст: начато\n"
        "          -   дата: 2021-05-20\n"
        "              текст: Готово\n"
        "        # a comment that belongs to row 2\n"
        '      - номер: "2"\n'
        "        мероприятие: Второе\n"
    )


def test_reopening_removes_the_done_date_line():
    text = small(
        '      - номер: "1"\n'
        "        мероприятие: Первое\n"
        "        статус: выполнено\n"
        "        дата_выполнения: 2021-04-01  # по протоколу\n"
        '      - номер: "2"\n'
        "        мероприятие: Второе\n"
    )
    result = mark_activity(Source("t.yaml", text), MarkRequest("1", DAY, status="в работе"))
    assert result.text == small(
        '      - номер: "1"\n'
        "        мероприятие: Первое\n"
        "        статус: в работе\n"
        '      - номер: "2"\n'
        "        мероприятие: Второе\n"
    )


def test_done_again_without_a_date_keeps_the_recorded_date():
    text = small('      - номер: "1"\n        мероприятие: Первое\n        статус: выполнено\n        дата_выполнения: 2021-04-01\n')
    result = mark_activity(Source("t.yaml", text), MarkRequest("1", DAY, status="выполнено"))
    assert not result.changed and result.text == text
    result = mark_activity(Source("t.yaml", text), MarkRequest("1", DAY, explicit_date=True, status="выполнено"))
    assert result.text == text.replace("2021-04-01", "2021-05-20")


@pytest.mark.parametrize("marks, expected", [
    ("        отметки: []\n", '        отметки: [{дата: 2021-05-20, текст: "Готово"}]\n'),
    ("        отметки: [{дата: 2021-02-01, текст: a}]\n",
     '        отметки: [{дата: 2021-02-01, текст: a}, {дата: 2021-05-20, текст: "Готово"}]\n'),
])
def test_flow_and_empty_lists_of_marks(marks, expected):
    text = small('      - номер: "1"\n        мероприятие: Первое\n' + marks)
    result = mark_activity(Source("t.yaml", text), MarkRequest("1", DAY, note="Готово"))
    assert result.text == small('      - номер: "1"\n        мероприятие: Первое\n' + expected)


def test_an_empty_list_key_is_a_schema_error_and_refused():
    text = small('      - номер: "1"\n        мероприятие: Первое\n        отметки:\n')
    with pytest.raises(EditError, match="в файле есть ошибки"):
        mark_activity(Source("t.yaml", text), MarkRequest("1", DAY, note="Готово"))


def test_block_scalar_deadline_is_postponed_and_the_next_key_untouched():
    text = small(
        '      - номер: "1"\n'
        "        мероприятие: Первое\n"
        "        срок: |-\n"
        "          Май 2021 года\n"
        "\n"
        "        примечание: x\n"
    )
    result = mark_activity(Source("t.yaml", text), MarkRequest("1", DAY, postpone="Июнь 2021 года", reason="Карантин"))
    assert result.text == small(
        '      - номер: "1"\n'
        "        мероприятие: Первое\n"
        "        срок: Июнь 2021 года\n"
        "\n"
        "        примечание: x\n"
        "        переносы:\n"
        "          - прежний_срок: Май 2021 года\n"
        "            дата: 2021-05-20\n"
        "            причина: Карантин\n"
    )


def test_notes_that_plain_yaml_would_misread_are_quoted():
    cases = {
        "да": "да", "yes": '"yes"', "123": '"123"', "Итог: 5 школ": '"Итог: 5 школ"', "см. # 3": '"см. # 3"',
        "«Кавычки» и 'апостроф'": "«Кавычки» и 'апостроф'", 'He said "hi"': 'He said "hi"',
        "- пункт": '"- пункт"', "две\nстроки": '"две\\nстроки"', "2021-05-20": '"2021-05-20"',
    }
    for note, rendered in cases.items():
        text = small('      - номер: "1"\n        мероприятие: Первое\n')
        result = mark_activity(Source("t.yaml", text), MarkRequest("1", DAY, note=note))
        assert f"текст: {rendered}\n" in result.text, note
        assert activity_data(result.text, "1")["отметки"][0]["текст"] == note


def test_crlf_file_stays_crlf_and_bom_stays():
    raw = b"\xef\xbb\xbf" + BAUNT.read_bytes().replace(b"\n", b"\r\n")
    source = decode("b.yaml", raw)
    result = mark_activity(source, MarkRequest("61", DAY, status="в работе", note="Проведены 2 мастер-класса"))
    assert result.data.startswith(b"\xef\xbb\xbf")
    body = result.data[3:]
    assert b"\n" not in body.replace(b"\r\n", b"")
    assert body.decode("utf-8") == inserted_before_row(
        raw[3:].decode("utf-8"),
        '- номер: "3.5"',
        "\r\n                статус: в работе\r\n                отметки:\r\n                  - дата: 2021-05-20"
        "\r\n                    текст: Проведены 2 мастер-класса",
    )


def test_flow_style_activity_is_refused():
    text = small('      - {номер: "1", мероприятие: Первое}\n')
    with pytest.raises(EditError, match="фигурных скобках"):
        mark_activity(Source("t.yaml", text), MarkRequest("1", DAY, status="выполнено"))


def test_duplicate_numbers_need_a_table():
    text = HEAD + '      - номер: "1"\n        мероприятие: Первое\n' + (
        "  - колонки:\n      - {поле: номер, заголовок: №}\n      - {поле: мероприятие, заголовок: Мероприятие}\n"
        '    мероприятия:\n      - номер: "1"\n        мероприятие: Другое\n'
    )
    with pytest.raises(EditError, match="--table"):
        mark_activity(Source("t.yaml", text), MarkRequest("1", DAY, status="выполнено"))
    result = mark_activity(Source("t.yaml", text), MarkRequest("1", DAY, table=2, status="выполнено"))
    assert result.text.endswith("мероприятие: Другое\n        статус: выполнено\n        дата_выполнения: 2021-05-20\n")


# --- the command line -----------------------------------------------------------------------------


@pytest.fixture
def baunt_copy(tmp_path) -> Path:
    path = tmp_path / "baunt.yaml"
    path.write_bytes(BAUNT.read_bytes())
    return path


def test_cli_marks_the_file_and_it_still_checks(baunt_copy, cli):
    code, out, err = cli("mark", baunt_copy, "9", "--status", "выполнено", "--date", "20.05.2021", "--note", "Готово")
    assert code == 0, err
    assert "мероприятие 9: статус: «выполнено»; дата выполнения: 20.05.2021; добавлена отметка от 20.05.2021" in out
    act = activity_data(baunt_copy.read_text(encoding="utf-8"), "9")
    assert (act["статус"], act["дата_выполнения"], act["отметки"]) == ("выполнено", "2021-05-20", [{"дата": "2021-05-20", "текст": "Готово"}])
    assert cli("check", baunt_copy)[0] == 0
    assert [p.name for p in baunt_copy.parent.iterdir()] == ["baunt.yaml"]  # no temporary file left behind


@pytest.mark.parametrize("args, message", [
    (["99", "--status", "выполнено"], "мероприятия с номером «99» в файле нет"),
    (["9", "--status", "сделано"], "неизвестный статус «сделано»"),
    (["9", "--date", "31.02.2021", "--status", "выполнено"], "такой даты нет"),
    (["9", "--postpone", "Июнь 2021 года"], "перенос срока требует причины"),
])
def test_cli_errors_leave_the_file_untouched(baunt_copy, args, message, cli):
    before = baunt_copy.read_bytes()
    code, _out, err = cli("mark", baunt_copy, *args)
    assert code == 2 and message in err and "Traceback" not in err
    assert baunt_copy.read_bytes() == before


def test_cli_broken_yaml_is_reported_and_left_alone(tmp_path, cli):
    path = tmp_path / "bad.yaml"
    path.write_bytes(BAUNT.read_bytes().replace(b'  - \xd0\xbd\xd0\xbe\xd0\xbc\xd0\xb5\xd1\x80: "9"', b'  - "9'))
    before = path.read_bytes()
    code, _out, err = cli("mark", path, "9", "--status", "выполнено")
    assert code in (1, 2) and "Traceback" not in err and err
    assert path.read_bytes() == before
    code, _out, err = cli("mark", tmp_path / "none.yaml", "9", "--status", "выполнено")
    assert code == 2 and "не найден" in err


def test_cli_dry_run_prints_a_diff_and_writes_nothing(baunt_copy, cli):
    before = baunt_copy.read_bytes()
    code, out, _err = cli("mark", baunt_copy, "1", "--postpone", "Декабрь 2021 года", "--reason", "Нет кворума", "--date", "2021-03-25", "--dry-run")
    assert code == 0
    assert "-            срок: Март 2021 года\n+            срок: Декабрь 2021 года\n" in out
    assert "+              - прежний_срок: Март 2021 года\n+                дата: 2021-03-25\n+                причина: Нет кворума\n" in out
    assert baunt_copy.read_bytes() == before


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_cli_keeps_the_file_mode(baunt_copy, cli):
    baunt_copy.chmod(0o640)
    assert cli("mark", baunt_copy, "2", "--status", "в работе")[0] == 0
    assert baunt_copy.stat().st_mode & 0o777 == 0o640


def test_shared_marks_through_an_alias_are_not_edited_for_both():
    text = BAUNT.read_text(encoding="utf-8")
    text = text.replace(
        "            срок: Март 2021 года\n            ожидаемый_результат: Наличие муниципальной команды",
        "            срок: Март 2021 года\n            отметки: &shared\n              - {дата: 2021-03-01, текст: Начато}\n"
        "            ожидаемый_результат: Наличие муниципальной команды", 1)
    text = text.replace(
        '          - номер: "2"\n            мероприятие: Обеспечение сбора',
        '          - номер: "2"\n            отметки: *shared\n            мероприятие: Обеспечение сбора', 1)
    assert text.count("*shared") == 1 and text.count("&shared") == 1
    source = Source("baunt.yaml", text)
    with pytest.raises(EditError, match="ссылкой на якорь"):
        mark_activity(source, MarkRequest(number="2", on=DAY, note="Только второе"))
    # an activity that shares nothing is still edited
    result = mark_activity(source, MarkRequest(number="3", on=DAY, note="Третье"))
    assert "Третье" in result.text and result.text.count("Третье") == 1


@pytest.mark.parametrize("note", [
    "2021-05-20", "yes", "4.10", '"Точка роста" открыта', "Конкурс \"Учитель года\"", "...и так далее",
    "Текст с # решёткой", "Итоги: подведены", "- пункт", "звонок\x07",
])
def test_a_note_is_written_as_fmt_writes_it(note):
    # one rule writes a scalar for both commands: after mark, fmt finds nothing to change
    from roadmapctl.format import format_text

    result = mark_activity(read_source(BAUNT), MarkRequest("1", DAY, note=note))
    assert format_text(result.text, "baunt.yaml") == result.text
    written = load_document(Source("t.yaml", result.text)).data
    assert activities_by_number(written)[result.number]["отметки"][-1]["текст"] == note
