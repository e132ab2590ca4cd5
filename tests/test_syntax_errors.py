"""Two YAML slips reported where they are, saying what they are: a key without a space after
its colon (the parser only fails on the next line) and a quote left open (the value runs on to
the next quote, lines below, where the parser fails)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from roadmapctl.loading import LoadError, Source
from roadmapctl.loading.document import load_document
from conftest import ROADMAP_HEAD

DOC = ROADMAP_HEAD + """\
таблицы:
  - колонки:
      - {поле: номер, заголовок: №}
      - {поле: мероприятие, заголовок: Мероприятие}
      - {поле: срок, заголовок: Срок}
    мероприятия:
      - номер: "1."
        мероприятие: Анализ результатов
        срок: Май 2021 года
      - номер: "2."
        мероприятие: Семинар для учителей
        срок: Июнь 2021 года
"""


def error_of(text: str) -> LoadError:
    with pytest.raises(LoadError) as caught:
        load_document(Source("t.yaml", text))
    return caught.value


def test_the_document_itself_loads():
    load_document(Source("t.yaml", DOC))


def test_a_missing_space_after_a_colon_is_reported_on_its_line_and_named():
    error = error_of(DOC.replace("мероприятие: Анализ результатов", "мероприятие:Анализ результатов"))
    # line 14, the colon after «мероприятие» (8 spaces + 11 letters → column 20)
    assert (error.span.line, error.span.column) == (14, 20)
    assert error.message == ("после двоеточия нет пробела: «мероприятие:Анализ результатов» — без пробела YAML не "
                             "видит здесь ключа и значения; напишите «мероприятие: Анализ результатов»")


def test_a_missing_space_in_the_last_key_of_an_item():
    error = error_of(DOC.replace("срок: Май 2021 года", "срок:Май 2021 года"))
    assert (error.span.line, error.span.column) == (15, 13)
    assert error.message.startswith("после двоеточия нет пробела: «срок:Май 2021 года»")


def test_an_unclosed_quote_is_reported_where_it_opens():
    error = error_of(DOC.replace('номер: "1."', 'номер: "1.'))
    # the quote opens on line 13 (column 16); the parser gives up on line 16, at «"2."»
    assert (error.span.line, error.span.column) == (13, 16)
    assert error.message == ("кавычка «\"» открыта в строке 13, но не закрыта в ней: значение продолжается до "
                             "строки 16; добавьте закрывающую кавычку в конце значения")


def test_an_unclosed_quote_at_the_end_of_the_file():
    error = error_of(DOC.replace("срок: Июнь 2021 года", 'срок: "Июнь 2021 года'))
    assert (error.span.line, error.span.column) == (18, 15)
    assert "кавычка открыта, но не закрыта" in error.message


KEY_LINES = [14, 15, 17, 18]  # «мероприятие: …» and «срок: …» of both activities


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(KEY_LINES), st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщыэюя АБВ0123456789.,()«»-",
                                           min_size=1, max_size=30).filter(lambda t: t.strip() and t[0] not in " -"))
def test_any_value_glued_to_its_key_is_found_on_its_line(line, value):
    lines = DOC.splitlines()
    key, _ = lines[line - 1].split(": ", 1)
    lines[line - 1] = f"{key}:{value.rstrip()}"
    error = error_of("\n".join(lines) + "\n")
    assert error.span.line == line
    assert error.span.column == len(key) + 1
    assert error.message.startswith("после двоеточия нет пробела")


@settings(max_examples=40, deadline=None)
@given(st.sampled_from([13, 16]), st.sampled_from(['"', "'"]))
def test_any_opened_quote_is_found_on_its_line(line, quote):
    lines = DOC.splitlines()
    key, value = lines[line - 1].split(": ", 1)
    lines[line - 1] = f"{key}: {quote}{value.strip(chr(34))}"
    error = error_of("\n".join(lines) + "\n")
    assert error.span.line == line
    assert error.span.column == len(key) + 3
    assert "кавычка" in error.message and "не закрыта" in error.message
