"""What the language server computes, without the protocol: positions, hover, completion,
the «подавить замечание» action."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from roadmapctl.lsp import analysis as an
from roadmapctl.lsp.positions import from_client, to_client

TEXT = """\
версия_формата: 1
орган:
  наименование: Управление образования
муниципалитет: город Примерск
название: Дорожная карта
период: 2020-2021 учебный год
участники:
  РУО:
    полное: Районное управление образования
    вид: орган
    синонимы: [Районное УО]
  ИМЦ:
    вид: организация
таблицы:
  - колонки:
      - {поле: номер, заголовок: № п/п}
      - {поле: мероприятие, заголовок: Мероприятие}
    мероприятия:
      - номер: "1."
        мероприятие: Создание команды
        срок: до 10 числа каждого месяца
        ответственные:
          - Районное УО
          - ИМЦ
      - номер: "2."
        мероприятие: |
          Анализ  результатов
        ответственные: [РУО]
        срок: Март 2021 года
"""


def _at(text: str, needle: str, offset: int = 0) -> tuple[int, int]:
    """1-based line and column of ``needle`` (plus ``offset`` characters)."""
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number, line.index(needle) + 1 + offset
    raise AssertionError(needle)


def test_hover_on_an_alias_shows_the_directory_entry_it_belongs_to():
    result = an.analyze(TEXT, "t.yaml")
    markdown, span = an.hover(result, *_at(TEXT, "- Районное УО", 3))
    assert markdown.splitlines()[0] == "**РУО** — справочник «участники»"
    assert "«Районное УО» — другое написание этого участника" in markdown
    assert "- Полное наименование: Районное управление образования" in markdown
    assert (span.line, span.column) == _at(TEXT, "- Районное УО", 2)


def test_hover_on_a_deadline_uses_the_period_of_the_roadmap():
    result = an.analyze(TEXT, "t.yaml")
    markdown, _span = an.hover(result, *_at(TEXT, "до 10 числа", 2))
    # the academic year 2020-2021: from September 2020 to August 2021, monthly by the 10th
    assert "Период: 01.09.2020–31.08.2021" in markdown
    assert "ежемесячно, до 10 числа: 10.09.2020, 10.10.2020, 10.11.2020, …, 10.08.2021 (всего 12 дат)" in markdown


def test_completion_in_a_block_list_of_parties():
    lines = TEXT.replace("          - ИМЦ\n", "          - И\n")
    result = an.analyze(lines, "t.yaml")
    line, column = _at(lines, "          - И", len("          - И"))
    items = an.complete(result, None, line, column)
    assert [item.label for item in items] == ["РУО", "Районное УО", "ИМЦ"]
    assert {item.start for item in items} == {column - 1}
    assert items[1].detail == "другое написание «РУО»"


def test_completion_of_activity_numbers_where_the_schema_marks_a_reference(monkeypatch):
    monkeypatch.setattr(an, "activity_ref_keys", lambda: frozenset({"после"}))
    text = TEXT.replace("        срок: Март 2021 года\n", "        срок: Март 2021 года\n        после: \n")
    result = an.analyze(text, "t.yaml")
    line, column = _at(text, "после: ", len("после: "))
    items = an.complete(result, None, line, column)
    assert [(item.label, item.insert, item.detail) for item in items] == [
        ("1.", '"1."', "Создание команды"), ("2.", '"2."', "Анализ результатов")]


def test_no_key_of_the_current_schema_refers_to_an_activity_yet():
    assert an.activity_ref_keys() == frozenset()


def test_suppression_is_not_offered_inside_a_block_scalar():
    result = an.analyze(TEXT, "t.yaml")
    [spacing] = [d for d in result.diagnostics if d.code == "RM605"]
    assert spacing.line == _at(TEXT, "Анализ  результатов")[0]
    assert an.suppression(result, spacing) is None  # a suppression comment there would become text


def test_suppression_extends_an_existing_noqa_comment():
    text = TEXT.replace("  наименование: Управление образования", "  наименование: Управление  образования  # noqa: RM601")
    result = an.analyze(text, "t.yaml")
    [spacing] = [d for d in result.diagnostics if d.code == "RM605" and d.line == 3]
    fix = an.suppression(result, spacing)
    from roadmapctl.check.fixes import apply_edits

    assert apply_edits(text, fix.edits).splitlines()[2] == "  наименование: Управление  образования  # noqa: RM601, RM605"


@given(st.text(alphabet=st.sampled_from("аб я😀\t\u00e9x"), max_size=30), st.integers(0, 40),
       st.sampled_from(["utf-16", "utf-8", "utf-32"]))
def test_client_positions_round_trip(line_text, column, encoding):
    lines = [line_text]
    column = min(column, len(line_text)) + 1
    line0, units = to_client(lines, 1, column, encoding)
    assert from_client(lines, line0, units, encoding) == (1, column)


def test_utf16_counts_astral_characters_twice():
    assert to_client(["😀а"], 1, 3, "utf-16") == (0, 3)
    assert to_client(["😀а"], 1, 3, "utf-8") == (0, 6)
    assert from_client(["😀а"], 0, 2, "utf-16") == (1, 2)


@pytest.mark.slow
@given(st.text(max_size=60), st.integers(0, 80))
def test_completion_context_never_fails(prefix, column):
    lines = ["ответственные:", prefix]
    context = an.completion_context(lines, 2, min(column, len(prefix)) + 1)
    assert context is None or (isinstance(context[0], str) and context[1] >= 1)


@given(st.text(max_size=40))
def test_a_completed_or_corrected_name_reads_back_as_itself(name):
    import yaml

    from roadmapctl.loading.scalars import scalar

    written = scalar(name, flow=True)
    for document in (f"ответственные: [{written}]\n", f"ответственные:\n  - {written}\n"):
        data = yaml.safe_load(document)
        assert data["ответственные"] == [name], (name, written)


# -- which texts are roadmaps: foreign() ---------------------------------------------------------

_HEAD = "версия_формата: 1\nпериод: 2021-2022\n"


@pytest.mark.parametrize("text, expected", [
    ("name: CI\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n", True),  # a GitHub workflow
    ('services:\n  web:\n    image: "nginx"\n    ports: ["80:80"]\n', True),  # docker-compose
    ("# yaml-language-server: $schema=https://json.schemastore.org/github-workflow.json\nname: CI\n", True),
    ("# yaml-language-server: $schema=../schema/roadmap.schema.json\n" + _HEAD, False),
    ("# yaml-language-server: $schema=../schema/roadmap.schema.json\nname: [", False),  # broken, but named
    (_HEAD, False),
    ("period: 2021\nтаблицы: []\n", False),  # one key of the format is enough
    ("муниципалитет_новый: город\n", False),  # a Russian key: a roadmap being typed
    ("- just\n- a list\n", False),  # not a mapping: checked, so the roadmap gets its RM103
    ("", False),
    ("name: [", None),  # unreadable: the earlier decision stands
])
def test_foreign_tells_other_yaml_files_from_roadmaps(text, expected):
    assert an.foreign(an.analyze(text, "C:\\Дорожные карты\\моя карта.yaml")) is expected
