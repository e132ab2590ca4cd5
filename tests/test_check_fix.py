"""`roadmapctl check --fix`: each fix edits only its own span; comments and other bytes stay;
fixing twice changes nothing; `--diff` shows and writes nothing."""

from __future__ import annotations

from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROADMAPS, roadmap_files
from roadmapctl.check.diagnostics import Edit
from roadmapctl.check.fixes import apply_edits, fix_text
from roadmapctl.spans import Span

BEFORE = """\
# yaml-language-server: $schema=../schema/roadmap.schema.json
версия_формата: 1
орган:
  наименование: Управление  образования   # a comment after a value
муниципалитет: город Примерск
название: Дорожная карта
период: 2021-2022
участники:
  РУО:
    вид: орган
  МКУ «ЦНППМ г.Тулы»:
    вид: организация
таблицы:
  - колонки:
      - {поле: номер, заголовок: № п/п}
      - {поле: мероприятие, заголовок: Мероприятие}
    мероприятия:
      # a comment between activities
      - номер: 1.10
        мероприятие: "Создание команды МБОУ МБОУ «Школа» "
        ответсвенные: [РУО]
        срок: Март 2021 года
      - номер: "1.11"
        мероприятие: Создание команды
        ответственные: [МКУ «ЦНППМ г.Тулы»]
        срок: Март 2021 года
      - номер: "1.12"
        мероприятие: Создание команды
        ответственные: [МКУ «ЦНППМ г.Тулы»]
        срок: Март 2021 года
      - номер: "1.13"
        мероприятие: Создание команды
        ответственные: [МКУ «ЦНППИМ г.Тулы»]
        срок: Март 2021 года
"""

# written out by hand: every listed fix, nothing else touched
AFTER = BEFORE.replace(
    "  наименование: Управление  образования   # a comment after a value",
    "  наименование: Управление образования   # a comment after a value",
).replace("      - номер: 1.10\n", '      - номер: "1.10"\n').replace(
    'мероприятие: "Создание команды МБОУ МБОУ «Школа» "', 'мероприятие: "Создание команды МБОУ «Школа»"'
).replace("        ответсвенные: [РУО]", "        ответственные: [РУО]").replace(
    "ответственные: [МКУ «ЦНППИМ г.Тулы»]", "ответственные: [МКУ «ЦНППМ г.Тулы»]")


def test_fix_applies_every_listed_fix_and_keeps_everything_else(tmp_path, cli):
    path = tmp_path / "roadmap.yaml"
    path.write_bytes(BEFORE.encode("utf-8"))
    code, out, err = cli("check", "--fix", path)
    assert path.read_text(encoding="utf-8") == AFTER, err
    assert "Исправлено: 6." in out
    # fixing twice changes nothing
    code2, out2, _ = cli("check", "--fix", path)
    assert path.read_text(encoding="utf-8") == AFTER
    assert "Исправлено: 0." in out2
    assert code == code2


def test_fix_diff_shows_and_writes_nothing(tmp_path, cli):
    path = tmp_path / "roadmap.yaml"
    path.write_bytes(BEFORE.encode("utf-8"))
    code, out, err = cli("check", "--fix", "--diff", path)
    assert code == 1
    assert path.read_bytes() == BEFORE.encode("utf-8")
    assert f"--- {path}\n+++ {path}\n" in out
    assert "-      - номер: 1.10\n" in out and '+      - номер: "1.10"\n' in out
    assert "-        ответсвенные: [РУО]\n" in out and "+        ответственные: [РУО]\n" in out
    assert "Можно исправить замечаний: 6." in err
    # a file with nothing to fix
    path.write_bytes(AFTER.encode("utf-8"))
    code, out, err = cli("check", "--fix", "--diff", path)
    assert (code, out) == (0, "")


def test_diff_and_unsafe_fixes_need_fix(cli):
    code, _out, err = cli("check", "--diff", "roadmaps")
    assert code == 2 and "только вместе с --fix" in err


def test_fix_keeps_bom_and_crlf_and_works_on_stdin(tmp_path, cli):
    path = tmp_path / "roadmap.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + BEFORE.replace("\n", "\r\n").encode("utf-8"))
    cli("check", "--fix", path)
    assert path.read_bytes() == b"\xef\xbb\xbf" + AFTER.replace("\n", "\r\n").encode("utf-8")
    _code, out, _ = cli("check", "--fix", "-", stdin=BEFORE.encode("utf-8"))
    assert out == AFTER


def test_rm302_to_a_spelling_that_is_itself_in_the_directory_is_unsafe():
    both = BEFORE.replace("  МКУ «ЦНППМ г.Тулы»:\n    вид: организация\n",
                          "  МКУ «ЦНППМ г.Тулы»:\n    вид: организация\n  МКУ «ЦНППИМ г.Тулы»:\n    вид: организация\n")
    safe = fix_text(both, "t.yaml")
    assert "ответственные: [МКУ «ЦНППИМ г.Тулы»]" in safe.after
    [variant] = [d for d in safe.remaining if d.code == "RM302" and d.fix is not None]
    assert not variant.fix.safe and variant.fix.title == "Записать как в справочнике: «МКУ «ЦНППМ г.Тулы»»"
    unsafe = fix_text(both, "t.yaml", unsafe=True)
    assert "ответственные: [МКУ «ЦНППИМ г.Тулы»]" not in unsafe.after


def test_only_a_key_with_one_close_match_is_corrected():
    close = AFTER.replace('        срок: Март 2021 года\n      - номер: "1.11"', '        сро: Март 2021 года\n      - номер: "1.11"')
    assert '        срок: Март 2021 года\n      - номер: "1.11"' in fix_text(close, "t.yaml").after
    far = AFTER.replace("ответственные: [РУО]", "кто-то: [РУО]")
    assert "кто-то: [РУО]" in fix_text(far, "t.yaml").after  # no close key: left for a person


def test_on_the_bundled_roadmaps_fixes_touch_only_the_lines_of_their_findings():
    import difflib

    for path in roadmap_files():
        text = path.read_text(encoding="utf-8")
        result = fix_text(text, path.name)
        before, after = text.splitlines(), result.after.splitlines()
        assert len(before) == len(after), path.name
        changed = {i + 1 for i, (a, b) in enumerate(zip(before, after)) if a != b}
        assert changed <= {d.line for d in result.applied}, path.name
        assert fix_text(result.after, path.name).after == result.after  # and twice is once
        assert not difflib.SequenceMatcher(None, before, after).get_opcodes()[0][0] == "delete"


def test_the_doubled_words_of_the_baunt_document_are_fixed_and_nothing_else():
    # both on continuation lines of multi-line values: the indentation is not touched
    [path] = [p for p in roadmap_files() if p.name.startswith("baunt")]
    text = path.read_text(encoding="utf-8")
    result = fix_text(text, path.name)
    assert text.count("г. - МБОУ МБОУ «Витимская СОШ»") == 2
    assert result.after == text.replace("г. - МБОУ МБОУ «Витимская СОШ»", "г. - МБОУ «Витимская СОШ»")
    assert [d.code for d in result.applied] == ["RM602", "RM602"]


def test_edits_change_only_their_span():
    assert apply_edits("аб\nвг\n", [Edit(Span(2, 1, 2, 2), "Г")]) == "аб\nГг\n"
    assert apply_edits("a\r\nb\r\n", [Edit(Span(2, 2, 2, 2), "!")]) == "a\r\nb!\r\n"


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(spaces=st.lists(st.sampled_from([" ", "  ", "   ", "    "]), min_size=3, max_size=3),
       comment=st.sampled_from(["", "  # примечание составителя"]))
def test_fixing_is_idempotent_keeps_comments_and_leaves_single_spaces(spaces, comment):
    words = ["Создание", "муниципальной", "команды", "поддержки"]
    value = words[0] + "".join(sp + w for sp, w in zip(spaces, words[1:]))
    source = AFTER.replace("        мероприятие: Создание команды\n        ответственные: [МКУ «ЦНППИМ",
                           "        мероприятие: Создание команды\n        ответственные: [МКУ «ЦНППИМ")
    source = source.replace('      - номер: "1.12"\n        мероприятие: Создание команды\n',
                            f'      - номер: "1.12"\n        мероприятие: {value}{comment}\n')
    once = fix_text(source, "t.yaml")
    twice = fix_text(once.after, "t.yaml")
    assert twice.after == once.after and not twice.applied
    expected = "Создание" + "".join(sp[0] + w for sp, w in zip(spaces, words[1:]))
    assert f'      - номер: "1.12"\n        мероприятие: {expected}{comment}\n' in once.after
    assert once.after.replace(f"мероприятие: {expected}", f"мероприятие: {value}", 1) == source


def test_json_output_carries_the_fix(tmp_path, cli):
    import json

    path = tmp_path / "roadmap.yaml"
    path.write_bytes(BEFORE.encode("utf-8"))
    _code, out, _err = cli("check", "--format", "json", path)
    [number] = [d for d in json.loads(out)["diagnostics"] if d["code"] == "RM104"]
    assert number["fix"] == {"title": 'Заключить значение в кавычки: "1.10"', "safe": True,
                             "edits": [{"line": 19, "column": 16, "end_line": 19, "end_column": 20, "text": '"1.10"'}]}


def _codes(diagnostics) -> Counter:
    return Counter(d.code for d in diagnostics)


def test_rm104_fix_writes_the_number_as_its_neighbours_are_written():
    # Мценск writes «"1.1."», «"1.2."»: a bare 1.3 is quoted with the dot, and the next check
    # has nothing to say about it (it used to become "1.3" and raise RM207).
    text = (ROADMAPS / "mtsensk-2021-2022.yaml").read_text(encoding="utf-8")
    bad = text.replace('          - номер: "1.3."\n', "          - номер: 1.3\n", 1)
    assert bad != text
    result = fix_text(bad, "Дорожная карта Мценска.yaml")
    assert '          - номер: "1.3."\n' in result.after
    assert "RM104" in _codes(result.applied)
    assert "RM207" not in _codes(result.remaining) and "RM104" not in _codes(result.remaining)
    # In a document whose numbers have no dot, the fix adds none (BEFORE above: "1.11", "1.12").
    assert '      - номер: "1.10"\n' in fix_text(BEFORE, "t.yaml").after


def test_a_hand_typed_date_in_the_form_mark_reads_gets_a_fix():
    text = (ROADMAPS / "tula-2020-2021.yaml").read_text(encoding="utf-8")
    where = text.index("            срок: Июнь 2021\n")
    bad = text[:where] + "            статус: выполнено\n            дата_выполнения: 28.08.2025  # вписано вручную\n" + text[where:]
    result = fix_text(bad, r"C:\Users\Методист\Дорожные карты\тула.yaml")
    assert "            дата_выполнения: 2025-08-28  # вписано вручную\n" in result.after
    assert [d.code for d in result.applied] == ["RM105"]
    assert not [d for d in result.remaining if d.code.startswith("RM1")]
    # a date that does not exist stays an error without a fix
    [error] = [d for d in fix_text(bad.replace("28.08.2025", "31.02.2025"), "t.yaml").remaining if d.code == "RM105"]
    assert error.fix is None


# Damage a methodologist does by hand, each of a kind ``--fix`` repairs (written out by hand):
# a number without quotes, a doubled space, a misspelt key, a hand-typed date.
DAMAGE = [
    ('          - номер: "2.3."\n', "          - номер: 2.3\n"),
    ('          - номер: "4.5."\n', "          - номер: 4.5\n"),
    ("            мероприятие: Проведение мониторинга качества образования в рамках федерального\n",
     "            мероприятие: Проведение  мониторинга качества образования в рамках федерального\n"),
    ("            ответственные:\n              - Управление образования администрации города Тулы\n",
     "            ответсвенные:\n              - Управление образования администрации города Тулы\n"),
    ("            срок: Июнь 2021\n",
     "            статус: выполнено\n            дата_выполнения: 28.08.2025\n            срок: Июнь 2021\n"),
]
TULA = (ROADMAPS / "tula-2020-2021.yaml").read_text(encoding="utf-8")


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(chosen=st.lists(st.sampled_from(range(len(DAMAGE))), min_size=1, max_size=len(DAMAGE), unique=True))
def test_fix_twice_changes_nothing_and_leaves_no_new_finding(chosen):
    damaged = TULA
    for index in chosen:
        old, new = DAMAGE[index]
        assert old in damaged
        damaged = damaged.replace(old, new, 1)
    before = _codes(fix_text(TULA, "t.yaml").remaining)
    once = fix_text(damaged, "t.yaml")
    twice = fix_text(once.after, "t.yaml")
    assert twice.after == once.after and not twice.applied
    # nothing the fixes wrote is flagged: the findings left are the document's own
    assert _codes(once.remaining) - before == Counter()
