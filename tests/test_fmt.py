"""`roadmapctl fmt`: one canonical layout, comments kept, content unchanged, idempotent.

The bundled roadmaps are copied to a temporary directory; they are never formatted in place.
"""

from __future__ import annotations

import re
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import roadmap_files
from roadmapctl.document.build import build_roadmap
from roadmapctl.format import FormatError, format_bytes, format_text
from roadmapctl.format.emitter import WIDTH, fold
from roadmapctl.loading import Source, load_document

ROADMAPS = roadmap_files()


def model(text: str, name: str = "roadmap.yaml"):
    return build_roadmap(load_document(Source(name, text)))


def data(text: str):
    return load_document(Source("t.yaml", text)).data


def comment_lines(text: str) -> list[str]:
    return sorted(line.strip() for line in text.splitlines() if line.strip().startswith("#"))


# -- the bundled roadmaps ----------------------------------------------------------------------

@pytest.mark.parametrize("path", ROADMAPS, ids=lambda p: p.stem)
def test_bundled_roadmap_twice_through_fmt(tmp_path, path, cli):
    copy = tmp_path / path.name
    original = path.read_text(encoding="utf-8")
    # the bundled files are canonical already: give fmt another style of the same file —
    # numbers in single quotes, flow columns spaced differently
    restyled = re.sub(r'номер: "([^"\'\n]*)"', r"номер: '\1'", original)
    restyled = restyled.replace("- {поле: ", "- {  поле:   ")
    copy.write_text(restyled, encoding="utf-8")
    assert copy.read_text(encoding="utf-8") != original
    assert data(copy.read_text(encoding="utf-8")) == data(original)

    code, out, err = cli("fmt", copy)
    assert code == 0, err
    first = copy.read_text(encoding="utf-8")
    assert f"Отформатирован: {copy}" in out
    assert first == original, "fmt brings the other layout back to the bundled, canonical one"

    code, out, err = cli("fmt", copy)
    assert code == 0, err
    assert copy.read_text(encoding="utf-8") == first, "the second run must change nothing"
    assert "уже в едином виде" in out

    # the same model, the same data, the same comments
    assert model(first) == model(original)
    assert data(first) == data(original)
    assert comment_lines(first) == comment_lines(original)
    assert first.splitlines()[0] == original.splitlines()[0] == "# yaml-language-server: $schema=../schema/roadmap.schema.json"
    # the layout itself
    literal_above = None  # the indentation of a literal block's key while inside it
    for number, line in enumerate(first.splitlines(), 1):
        indent = len(line) - len(line.lstrip(" "))
        if literal_above is not None and (not line or indent > literal_above):
            continue  # literal blocks are kept line by line, as written
        literal_above = indent if re.search(r": \|[-+]?$", line) else None
        if not line.lstrip().startswith("#"):
            assert indent % 2 == 0, (number, line)
            # only a comment, a key or a single word longer than the line may overflow it
            assert len(line) <= WIDTH or " " not in line.strip() or line.endswith(":"), (number, line)
    assert re.findall(r"^\s*(?:- )?номер: (\S)", first, re.M) and all(
        q == '"' for q in re.findall(r"^\s*(?:- )?номер: (\S)", first, re.M)
    )
    # the original is untouched
    assert path.read_text(encoding="utf-8") == original


@pytest.mark.parametrize("path", ROADMAPS, ids=lambda p: p.stem)
def test_check_mode_reports_and_leaves_file_alone(tmp_path, path, cli):
    copy = tmp_path / path.name
    shutil.copyfile(path, copy)
    before = copy.read_bytes()
    code, out, err = cli("fmt", "--check", copy)
    assert copy.read_bytes() == before
    if format_bytes(before, str(copy)) != before:
        assert code == 1
        assert f"Нужно отформатировать: {copy}" in out
        assert "Нужно отформатировать файлов: 1 из 1" in out
    else:
        assert code == 0


def test_diff_mode_prints_unified_diff(tmp_path, cli):
    path = tmp_path / "r.yaml"
    path.write_text("версия_формата: 1\nмуниципалитет: город N\nорган:\n  наименование: УО\n", encoding="utf-8")
    before = path.read_bytes()
    code, out, err = cli("fmt", "--diff", path)
    assert code == 1
    assert path.read_bytes() == before
    assert f"--- a/{path}" in out and f"+++ b/{path}" in out
    assert "-муниципалитет: город N" in out and "+муниципалитет: город N" in out
    assert "Нужно отформатировать файлов: 1 из 1" in err


# -- key order, comments -----------------------------------------------------------------------

def test_key_order_follows_the_schema_and_comments_travel_with_their_key():
    text = (
        "# yaml-language-server: $schema=../schema/roadmap.schema.json\n"
        "# the title as in the order\n"
        "название: Дорожная карта\n"
        "версия_формата: 1\n"
        "таблицы:\n"
        "- колонки:\n"
        "  - {заголовок: №, поле: номер}\n"
        "  - поле: мероприятие\n"
        "    заголовок: Мероприятие\n"
        "  мероприятия:\n"
        "  - срок: Май 2021   # as written\n"
        "    # who does it\n"
        "    ответственные: [РУО, ОО]\n"
        "    мероприятие: Анализ\n"
        "    номер: '1'\n"
        "муниципалитет: город N\n"
        "орган: {наименование: УО}\n"
        "# the end\n"
    )
    assert format_text(text) == (
        "# yaml-language-server: $schema=../schema/roadmap.schema.json\n"
        "версия_формата: 1\n"
        "орган:\n"
        "  наименование: УО\n"
        "муниципалитет: город N\n"
        "# the title as in the order\n"
        "название: Дорожная карта\n"
        "таблицы:\n"
        "  - колонки:\n"
        "      - {поле: номер, заголовок: №}\n"
        "      - {поле: мероприятие, заголовок: Мероприятие}\n"
        "    мероприятия:\n"
        '      - номер: "1"\n'
        "        мероприятие: Анализ\n"
        "        # who does it\n"
        "        ответственные:\n"
        "          - РУО\n"
        "          - ОО\n"
        "        срок: Май 2021  # as written\n"
        "# the end\n"
    )


def test_comment_above_a_sequence_item_and_inside_a_literal_block():
    text = (
        "школы:\n"
        "  # first\n"
        "  - Школа №1\n"
        "  # second\n"
        "  - Школа №2\n"
        "примечания:\n"
        "  - |-\n"
        "    Строка один\n"
        "    # не комментарий, а текст\n"
        "    Строка три\n"
    )
    assert format_text(text) == text


# -- scalars -----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("Анализ результатов ВПР", "Анализ результатов ВПР"),
        ("Утвердить состав группы:", '"Утвердить состав группы:"'),
        ("Задачи: первая", '"Задачи: первая"'),
        ("yes", '"yes"'),
        ("2021", '"2021"'),
        ("4.10", '"4.10"'),
        ("- пункт", '"- пункт"'),
        ("", '""'),
        ('Конкурс "Учитель года"', "Конкурс \"Учитель года\""),
        ('"Учитель года" — конкурс', "'\"Учитель года\" — конкурс'"),
        ("Текст с # решёткой", '"Текст с # решёткой"'),
        ("табуляция\tвнутри", '"табуляция\\tвнутри"'),
        ("2021-2022", "2021-2022"),
        ("2021-03-24", '"2021-03-24"'),
    ],
)
def test_quoting_only_where_needed(value, written):
    text = format_text(f"примечание: {_dq(value)}\n")
    assert text == f"примечание: {written}\n"
    assert data(text) == {"примечание": value}


def _dq(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t") + '"'


def test_number_values_are_always_double_quoted():
    text = format_text("приказ:\n  номер: 93/1\nтаблицы:\n- мероприятия:\n  - номер: 1.1.\n    мероприятие: А\n")
    assert text == 'приказ:\n  номер: "93/1"\nтаблицы:\n  - мероприятия:\n      - номер: "1.1."\n        мероприятие: А\n'


def test_numbers_dates_booleans_and_nulls_keep_their_meaning():
    text = "версия_формата: 1\nприказ:\n  дата: 2021-03-24\nучастники:\n  РУО:\n  ОО: ~\nномера_колонок: yes\n"
    out = format_text(text)
    assert out == text  # the spelling of every value is kept: ``~`` and ``yes`` as typed
    assert data(out) == data(text)


def test_long_text_is_folded_near_the_width_and_reads_back_the_same():
    words = " ".join(["образовательных"] * 30)
    out = format_text(f"таблицы:\n  - мероприятия:\n      - мероприятие: {words}\n")
    lines = out.splitlines()
    assert len(lines) > 3
    assert all(len(line) <= WIDTH for line in lines)
    assert lines[3].startswith(" " * 10 + "образовательных")  # continuation two columns under the key
    assert data(out) == data(f"таблицы:\n  - мероприятия:\n      - мероприятие: {words}\n")


def test_fold_keeps_double_spaces_and_long_words_whole():
    assert fold("a  b " + "c" * 200, 0, 2, 20) == ["a  b", "c" * 200]


def test_multiline_text_becomes_a_literal_block():
    out = format_text('проблема: "строка один\\nстрока два"\n')
    assert out == "проблема: |-\n  строка один\n  строка два\n"


def test_bom_and_crlf_are_kept(tmp_path):
    raw = "\ufeffверсия_формата: 1\r\nмуниципалитет: город N\r\nорган: {наименование: УО}\r\n".encode("utf-8")
    out = format_bytes(raw, "t.yaml")
    assert out.startswith(b"\xef\xbb\xbf")
    assert out == "\ufeffверсия_формата: 1\r\nорган:\r\n  наименование: УО\r\nмуниципалитет: город N\r\n".encode("utf-8")
    assert format_bytes(out, "t.yaml") == out


def test_broken_yaml_is_reported_with_its_position_and_left_alone(tmp_path, cli):
    path = tmp_path / "broken.yaml"
    path.write_text("версия_формата: 1\nназвание: \"не закрыта\nпериод: 2021\n", encoding="utf-8")
    before = path.read_bytes()
    code, out, err = cli("fmt", path)
    assert code == 1  # an invalid roadmap: 1 in every command; 2 is for usage and I/O
    assert path.read_bytes() == before
    assert f"{path}:2:" in err and "кавычка" in err
    assert "Traceback" not in err


def test_a_file_in_another_encoding_is_refused_in_russian(tmp_path, cli):
    path = tmp_path / "cp1251.yaml"
    path.write_bytes("название: Дорожная карта\n".encode("cp1251"))
    code, out, err = cli("fmt", path)
    assert code == 1
    assert "UTF-8" in err and "Traceback" not in err


def test_stdin_to_stdout(cli):
    code, out, err = cli("fmt", "-", stdin="муниципалитет: N\nверсия_формата: 1\n".encode("utf-8"))
    assert code == 0
    assert out == "версия_формата: 1\nмуниципалитет: N\n"


def test_format_error_names_the_file():
    with pytest.raises(FormatError) as caught:
        format_text("a: [1, 2\n", "x.yaml")
    assert str(caught.value).startswith("x.yaml:")


# -- property: any text value survives, and formatting is idempotent ---------------------------

_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\ufeff"),
    max_size=300,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=_TEXT, number=_TEXT, note=st.lists(_TEXT, max_size=3))
def test_any_values_survive_and_formatting_is_idempotent(value, number, note):
    import yaml

    original = yaml.safe_dump(
        {"таблицы": [{"мероприятия": [{"мероприятие": value, "номер": number}]}], "примечания": note},
        allow_unicode=True, width=80,
    )
    try:
        before = data(original)
    except Exception:  # noqa: BLE001 - PyYAML can write what it cannot read back (rare control chars)
        return
    out = format_text(original)
    assert data(out) == before
    assert format_text(out) == out


@pytest.mark.parametrize(
    ("text", "expected"),
    [("", ""), ("\n\n", ""), ("# только комментарий\n", "# только комментарий\n"), ("- a\n-   b\n", "- a\n- b\n")],
)
def test_documents_without_a_roadmap(text, expected):
    assert format_text(text) == expected


def test_no_summary_when_no_file_could_be_read(tmp_path, cli):
    path = tmp_path / "b.yaml"
    path.write_bytes(b"\x00\x01bin")
    code, out, err = cli("fmt", path)
    assert code == 1
    assert out == ""
    assert "двоичные данные" in err and "уже в едином виде" not in err


def test_a_mistyped_key_stays_where_it_was_typed():
    text = (
        "версия_формата: 1\n"
        "орган:\n  наименование: Управление образования\n"
        "муниципалитет: город Примерск\nназвание: Дорожная карта\nпериод: 2021-2022\n"
        "таблицы:\n  - колонки:\n      - {поле: номер, заголовок: №}\n      - {поле: мероприятие, заголовок: Мероприятие}\n"
        "    мероприятия:\n"
        "      - срок: Март 2021 года\n"
        "        номер: \"1.\"\n"
        "        мероприятие: Создание команды\n"
        "        ответсвенные: [РУО]  # опечатка в ключе\n"
        "        ожидаемый_результат: Команда создана\n"
    )
    out = format_text(text)
    # the known keys in the schema's order; «ответсвенные» right after «мероприятие», where it was
    # typed, not at the end of the mapping
    assert out.endswith(
        "      - номер: \"1.\"\n"
        "        мероприятие: Создание команды\n"
        "        ответсвенные:\n"
        "          - РУО  # опечатка в ключе\n"
        "        срок: Март 2021 года\n"
        "        ожидаемый_результат: Команда создана\n"
    ), out
