"""`roadmapctl diff`: the changes between two versions of a roadmap, read from two models.

The tests build real git repositories in a temporary directory, commit two versions and assert
the exact changes found: a renumbering (one change, not deletions and additions, and not a
move unless an activity changed its place), a
postponement with and without a recorded reason, a party swap, a status and a progress mark, a
renamed section and a changed order number. Every expected value is written out by hand.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROADMAPS
from roadmapctl.diff import ReviewError, diff_roadmaps, model_from_bytes, word_diff
from roadmapctl.diff.match import match_activities, similarity
from roadmapctl.diff.output import render_md, render_text, summary
from roadmapctl.diff.changes import RoadmapDiff

V1 = """\
# yaml-language-server: $schema=../schema/roadmap.schema.json
версия_формата: 1
орган:
  наименование: Управление образования города N
муниципалитет: город N
приказ:
  номер: "12"
  дата: 2021-02-01
  подпись:
    фио: И. И. Иванов
    должность: Начальник управления образования
название: Дорожная карта поддержки школ с низкими результатами
период: 2021-2022
таблицы:
  - колонки:
      - {поле: номер, заголовок: №}
      - {поле: мероприятие, заголовок: Мероприятие}
      - {поле: ответственные, заголовок: Ответственные}
      - {поле: срок, заголовок: Срок}
    разделы:
      - номер: "1."
        название: Организационные меры
        мероприятия:
          - номер: "1.1."
            мероприятие: Утверждение перечня школ с низкими образовательными результатами
            ответственные:
              - Управление образования
            срок: Март 2021 года
          - номер: "1.2."
            мероприятие: Создание муниципальной рабочей группы по повышению качества образования
            ответственные:
              - Управление образования
            срок: Апрель 2021 года
          - номер: "1.3."
            мероприятие: Заключение договоров о партнёрстве школ с низкими и высокими результатами
            ответственные:
              - МБОУ «Средняя школа №2»
              - МБОУ «Средняя школа №9»
            срок: Май 2021 года
      - номер: "2."
        название: Методическая работа
        мероприятия:
          - номер: "2.1."
            мероприятие: Анализ входных контрольных работ по математике и русскому языку
            ответственные:
              - МБОУ «Средняя школа №2»
            срок: Сентябрь 2021 года
          - номер: "2.2."
            мероприятие: Семинар для учителей по работе с обучающимися с рисками учебной неуспешности
            ответственные:
              - ИМЦ
            срок: Октябрь 2021 года
            статус: не начато
          - номер: "2.3."
            мероприятие: Методический день в школах с низкими результатами
            ответственные:
              - ИМЦ
            срок: Ноябрь 2021 года
"""


def v2_text() -> str:
    """The second version: a new 1.1 renumbers section 1; 1.3 (now 1.4) swaps a party; 2.1 is
    postponed without a reason, 2.2 with one and is started; 2.3 is removed; section 2 renamed;
    the order number changes."""
    text = V1.replace('номер: "12"', 'номер: "12/1"')
    text = text.replace(
        '''          - номер: "1.1."
            мероприятие: Утверждение''',
        '''          - номер: "1.1."
            мероприятие: Издание приказа о реализации проекта поддержки школ
            ответственные:
              - Управление образования
            срок: Февраль 2021 года
          - номер: "1.1.x"
            мероприятие: Утверждение''',
    )
    text = text.replace('номер: "1.3."', 'номер: "1.4."').replace('номер: "1.2."', 'номер: "1.3."')
    text = text.replace('номер: "1.1.x"', 'номер: "1.2."')
    text = text.replace("              - МБОУ «Средняя школа №9»\n", "              - МБОУ «Средняя школа №1»\n")
    text = text.replace("название: Методическая работа", "название: Методическая поддержка")
    text = text.replace("срок: Сентябрь 2021 года", "срок: Декабрь 2021 года")
    text = text.replace(
        "            срок: Октябрь 2021 года\n            статус: не начато\n",
        "            срок: Ноябрь 2021 года\n"
        "            статус: в работе\n"
        "            отметки:\n"
        "              - дата: 2021-10-15\n"
        "                текст: Семинар подготовлен, программа согласована\n"
        "            переносы:\n"
        "              - прежний_срок: Октябрь 2021 года\n"
        "                дата: 2021-10-01\n"
        "                причина: Карантин в школах района\n",
    )
    start = text.index('          - номер: "2.3."')
    return text[:start]


def model(text: str, name: str = "roadmaps/n-2021-2022.yaml"):
    return model_from_bytes(name, text.encode("utf-8"))


def brief(changes) -> list[tuple]:
    return [(c.kind, c.number, c.old, c.new, c.field) for c in changes]


EXPECTED = [
    ("header", None, "12", "12/1", "приказ.номер"),
    ("section", "2.", "Методическая работа", "Методическая поддержка", "разделы"),
    ("added", "1.1.", None, "Издание приказа о реализации проекта поддержки школ", None),
    ("renumbered", "1.2.", ["1.1.", "1.2.", "1.3."], ["1.2.", "1.3.", "1.4."], "номер"),
    ("responsible", "1.4.",
     ["МБОУ «Средняя школа №2»", "МБОУ «Средняя школа №9»"],
     ["МБОУ «Средняя школа №2»", "МБОУ «Средняя школа №1»"], "ответственные"),
    ("deadline", "2.1.", "Сентябрь 2021 года", "Декабрь 2021 года", "срок"),
    ("deadline", "2.2.", "Октябрь 2021 года", "Ноябрь 2021 года", "срок"),
    ("status", "2.2.", "не начато", "в работе", "статус"),
    ("status", "2.2.", None, {"date": "2021-10-15", "text": "Семинар подготовлен, программа согласована"}, "отметки"),
    ("removed", "2.3.", "Методический день в школах с низкими результатами", None, None),
]


# -- the models --------------------------------------------------------------------------------

def test_changes_between_two_models():
    changes = diff_roadmaps(model(V1), model(v2_text()))
    assert brief(changes) == EXPECTED
    by = {(c.kind, c.number, c.field): c for c in changes}
    swap = by[("responsible", "1.4.", "ответственные")]
    assert swap.extra["removed"] == ["МБОУ «Средняя школа №9»"]
    assert swap.extra["added"] == ["МБОУ «Средняя школа №1»"]
    unrecorded = by[("deadline", "2.1.", "срок")].extra
    assert unrecorded["old_reading"] == "30.09.2021" and unrecorded["new_reading"] == "31.12.2021"
    assert unrecorded["old_due"] == "2021-09-30" and unrecorded["new_due"] == "2021-12-31"
    assert unrecorded["postponed"] is True and unrecorded["unrecorded"] is True
    recorded = by[("deadline", "2.2.", "срок")].extra
    assert recorded["postponed"] is True and "unrecorded" not in recorded
    assert recorded["reason"] == "Карантин в школах района"
    assert recorded["postponement"] == {"previous": "Октябрь 2021 года", "reason": "Карантин в школах района", "date": "2021-10-01"}
    added = by[("added", "1.1.", None)].extra
    assert added == {"section": "1. Организационные меры", "responsible": ["Управление образования"], "deadline": "Февраль 2021 года"}
    assert by[("section", "2.", "разделы")].extra["change"] == "renamed"


def test_no_changes_for_the_same_roadmap():
    assert diff_roadmaps(model(V1), model(V1)) == []


def test_renumbering_after_a_deletion_is_one_renumbering():
    text = V1.replace(V1[V1.index('          - номер: "1.1."'):V1.index('          - номер: "1.2."')], "")
    text = text.replace('номер: "1.2."', 'номер: "1.1."').replace('номер: "1.3."', 'номер: "1.2."')
    assert brief(diff_roadmaps(model(V1), model(text))) == [
        ("removed", "1.1.", "Утверждение перечня школ с низкими образовательными результатами", None, None),
        ("renumbered", "1.1.", ["1.2.", "1.3."], ["1.1.", "1.2."], "номер"),
    ]


def test_renumbered_and_reworded_activity_is_still_a_move_with_a_word_diff():
    text = V1.replace('номер: "2.1."', 'номер: "1.4."').replace(
        "Анализ входных контрольных работ по математике и русскому языку",
        "Анализ входных и итоговых контрольных работ по математике и русскому языку",
    )
    # move 2.1 to the end of section 1 (after 1.3)
    block_start = text.index('          - номер: "1.4."')
    block_end = text.index('          - номер: "2.2."')
    block = text[block_start:block_end]
    text = text[:block_start] + text[block_end:]
    anchor = text.index("      - номер: \"2.\"")
    text = text[:anchor] + block + text[anchor:]
    changes = diff_roadmaps(model(V1), model(text))
    assert brief(changes)[:2] == [
        ("moved", "1.4.", "2.1.", "1.4.", "номер"),
        ("text", "1.4.", "Анализ входных контрольных работ по математике и русскому языку",
         "Анализ входных и итоговых контрольных работ по математике и русскому языку", "мероприятие"),
    ]
    assert changes[0].extra["old_section"] == "2. Методическая работа"
    assert changes[0].extra["new_section"] == "1. Организационные меры"
    assert changes[1].extra["words"] == [
        ("=", "Анализ входных"), ("+", " и итоговых"), ("=", " контрольных работ по математике и русскому языку"),
    ]
    assert len(changes) == 2


def test_a_new_activity_under_an_old_number_does_not_steal_its_identity():
    # a new 1.2 is inserted; the old 1.2 becomes 1.3 with a small edit; the old 1.3 becomes 1.4
    text = V1.replace('номер: "1.3."', 'номер: "1.4."').replace('номер: "1.2."', 'номер: "1.3."')
    text = text.replace("Создание муниципальной рабочей группы по повышению", "Создание муниципальной рабочей группы по вопросам повышения")
    anchor = text.index('          - номер: "1.3."')
    new = ('          - номер: "1.2."\n            мероприятие: Совещание руководителей школ\n'
           "            срок: Март 2021 года\n")
    text = text[:anchor] + new + text[anchor:]
    assert [c[:2] for c in brief(diff_roadmaps(model(V1), model(text)))] == [
        ("added", "1.2."), ("renumbered", "1.3."), ("text", "1.3."),
    ]


def test_deadline_changes_read_in_words():
    earlier = V1.replace("срок: Май 2021 года", "срок: Апрель 2021 года")
    (change,) = diff_roadmaps(model(V1), model(earlier))
    assert change.extra["postponed"] is False and "unrecorded" not in change.extra
    assert (change.extra["old_reading"], change.extra["new_reading"]) == ("31.05.2021", "30.04.2021")
    same = V1.replace("срок: Май 2021 года", "срок: май 2021 г.")
    (change,) = diff_roadmaps(model(V1), model(same))
    assert change.extra["old_due"] == change.extra["new_due"] == "2021-05-31"
    assert change.extra["postponed"] is False


def test_a_postponement_record_without_a_new_deadline_is_reported():
    text = V1.replace(
        "            срок: Май 2021 года\n",
        "            срок: Май 2021 года\n            переносы:\n              - прежний_срок: Апрель 2021 года\n"
        "                причина: Решение рабочей группы\n",
    )
    assert brief(diff_roadmaps(model(V1), model(text))) == [
        ("deadline", "1.3.", None, {"previous": "Апрель 2021 года", "reason": "Решение рабочей группы"}, "переносы"),
    ]


def test_added_and_deleted_files():
    added = diff_roadmaps(None, model(V1))
    assert [c.kind for c in added] == ["added"] * 6
    removed = diff_roadmaps(model(V1), None)
    assert [(c.kind, c.number) for c in removed][:2] == [("removed", "1.1."), ("removed", "1.2.")]


def test_matching_by_similarity():
    assert similarity("Анализ результатов ВПР", "Анализ результатов ВПР") == 1.0
    assert similarity("Анализ результатов ВПР по математике", "Анализ результатов ВПР по русскому языку") > 0.6
    assert similarity("Анализ результатов ВПР", "Семинар для учителей") < 0.2
    old = list(model(V1).placed_activities())
    pairs = match_activities(old, old)
    assert all(p.old is p.new or p.old.activity == p.new.activity for p in pairs)


def test_word_diff_joins_back_to_both_texts():
    ops = word_diff("Сентябрь 2021 года, по графику", "Декабрь 2021 года по графику ОО")
    assert "".join(t for op, t in ops if op != "+") == "Сентябрь 2021 года, по графику"
    assert "".join(t for op, t in ops if op != "-") == "Декабрь 2021 года по графику ОО"


def test_a_long_text_with_scattered_changes_gets_exactly_those_changes():
    """5,000 different words, every 50th changed: 100 replacements and nothing else (difflib over
    every token took 30 s here; the patience diff anchors on the words each side has once)."""
    old_words = [f"слово{n}" for n in range(5000)]
    new_words = [w + "я" if n % 50 == 0 else w for n, w in enumerate(old_words)]
    ops = word_diff(" ".join(old_words), " ".join(new_words))
    assert [t for op, t in ops if op == "-"] == [f"слово{n}" for n in range(0, 5000, 50)]
    assert [t for op, t in ops if op == "+"] == [f"слово{n}я" for n in range(0, 5000, 50)]


def test_a_repeated_word_is_diffed_by_position():
    # no word occurs once on either side: the small stretch is compared token by token
    ops = word_diff("да да да нет да", "да да нет да да")
    assert "".join(t for op, t in ops if op != "+") == "да да да нет да"
    assert "".join(t for op, t in ops if op != "-") == "да да нет да да"
    assert sum(len(t) for op, t in ops if op == "=") >= len("да да нет да")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["а", "б", "в", " ", ",", "школа", "1"]), max_size=60),
       st.lists(st.sampled_from(["а", "б", "г", " ", ".", "школа", "2"]), max_size=60))
def test_a_word_diff_always_joins_back_to_both_texts(old, new):
    a, b = "".join(old), "".join(new)
    ops = word_diff(a, b)
    assert "".join(t for op, t in ops if op != "+") == a
    assert "".join(t for op, t in ops if op != "-") == b
    assert all(t for _op, t in ops)
    assert word_diff(a, a) == ([("=", a)] if a else [])


def test_broken_version_is_a_russian_error_with_a_position():
    with pytest.raises(ReviewError) as caught:
        model_from_bytes("r.yaml", "версия_формата: 1\nназвание: [x\n".encode("utf-8"))
    assert str(caught.value).startswith("r.yaml:")
    with pytest.raises(ReviewError) as caught:
        model_from_bytes("r.yaml", "версия_формата: 1\nназвание: x\n".encode("utf-8"))
    assert "не соответствует формату" in str(caught.value)


# -- outputs -----------------------------------------------------------------------------------

def test_text_output():
    diffs = [RoadmapDiff("roadmaps/n-2021-2022.yaml", diff_roadmaps(model(V1), model(v2_text())))]
    text = render_text(diffs)
    assert "  ~ номер приказа: «12» → «12/1»\n" in text
    assert "  + 1.1. добавлено мероприятие в разделе «1. Организационные меры»\n" in text
    assert "  ~ 1.2. перенумеровано: 1.1.–1.3. стали 1.2.–1.4. (3 мероприятия)\n" in text
    assert "  ~ 1.4. ответственные — добавлен: МБОУ «Средняя школа №1»; больше не отвечает: МБОУ «Средняя школа №9»\n" in text
    assert "  ~ 2.1. срок перенесён: 30.09.2021 → 31.12.2021\n" in text
    assert "      ⚠ перенос без записи о причине: добавьте в «переносы» прежний срок и причину\n" in text
    assert "      причина переноса: Карантин в школах района\n" in text
    assert "  − 2.3. удалено мероприятие\n" in text
    assert text.endswith(
        "Изменена 1 дорожная карта, 10 изменений: добавлено мероприятий — 1, удалено мероприятий — 1, "
        "перенумеровано — 1, сроки — 2, ответственные — 1, статусы и отметки — 2, разделы — 1, реквизиты — 1; "
        "переносов срока без записи о причине — 1.\n"
    )
    assert "\x1b[" not in text
    assert "\x1b[" in render_text(diffs, color=True)
    assert "  ~ 1.4. ответственные — добавлен: МБОУ «Средняя школа №1»; больше не отвечает: МБОУ «Средняя школа №9»\n" \
           "      мероприятие «Заключение договоров о партнёрстве школ с низкими и высокими результатами»\n" in text


def test_colour_keeps_a_space_between_deleted_and_added_words():
    diffs = [RoadmapDiff("roadmaps/n-2021-2022.yaml", diff_roadmaps(model(V1), model(v2_text())))]
    coloured = render_text(diffs, color=True)
    # «Методическая работа» → «Методическая поддержка»: struck red «работа», a space, green «поддержка»
    assert "Методическая \x1b[31m\x1b[9mработа\x1b[0m \x1b[32mподдержка\x1b[0m" in coloured
    assert "Методическая [-работа-]{+поддержка+}" in render_text(diffs)


def test_a_deadline_moved_outside_the_period_is_flagged_and_statuses_agree():
    new = V1.replace("срок: Сентябрь 2021 года", "срок: Сентябрь 2023 года").replace(
        "            статус: не начато\n", "            статус: выполнено\n            дата_выполнения: 2021-10-20\n")
    diffs = [RoadmapDiff("roadmaps/n-2021-2022.yaml", diff_roadmaps(model(V1), model(new)))]
    text = render_text(diffs)
    # the period is 2021-2022 (V1); check reports such a deadline as RM405
    assert ("  ~ 2.1. срок перенесён: 30.09.2021 → 30.09.2023; новый срок вне периода дорожной карты "
            "(01.01.2021–31.12.2022)\n") in text
    assert "⚠️ **новый срок вне периода дорожной карты (01.01.2021–31.12.2022)**" in render_md(diffs)
    # «дата выполнения» is feminine: «не указана»
    assert "  ~ 2.2. дата выполнения: не указана → 20.10.2021\n" in text
    assert "  ~ 2.2. статус: не начато → выполнено\n" in text


def test_markdown_output():
    diffs = [RoadmapDiff("roadmaps/n-2021-2022.yaml", diff_roadmaps(model(V1), model(v2_text())))]
    md = render_md(diffs)
    lines = md.splitlines()
    assert lines[0] == "### Дорожные карты: изменения"
    assert lines[2] == f"**{summary(diffs)}**"
    assert "#### roadmaps/n-2021-2022.yaml" in lines
    assert "| № | Изменение | Было | Стало |" in lines
    # every change names its activity (in italics under the change)
    assert ("| 2.1. | срок перенесён: 30.09.2021 → 31.12.2021<br><i>Анализ входных контрольных работ по математике и "
            "русскому языку</i> | «Сентябрь 2021 года»<br>30.09.2021 | "
            "«Декабрь 2021 года»<br>31.12.2021<br>⚠️ **перенос без записи о причине: добавьте в «переносы» "
            "прежний срок и причину** |") in lines
    assert ("| 1.4. | ответственные — добавлен: МБОУ «Средняя школа №1»; больше не отвечает: МБОУ «Средняя школа №9»"
            "<br><i>Заключение договоров о партнёрстве школ с низкими и высокими результатами</i> | "
            "МБОУ «Средняя школа №2»<br><del>МБОУ «Средняя школа №9»</del> | "
            "МБОУ «Средняя школа №2»<br><ins>МБОУ «Средняя школа №1»</ins> |") in lines
    # an added activity with all its fields
    assert ("| 1.1. | добавлено мероприятие в разделе «1. Организационные меры» | — | Издание приказа о реализации "
            "проекта поддержки школ<br>срок: Февраль 2021 года<br>ответственные: Управление образования |") in lines
    # every table row has four cells
    for line in lines:
        if line.startswith("| "):
            assert line.count(" | ") == 3, line


def test_markdown_folds_long_texts():
    long_old = "Организация " + " ".join(["сетевого взаимодействия школ"] * 20)
    long_new = long_old + " района"
    old = V1.replace("Методический день в школах с низкими результатами", long_old)
    new = V1.replace("Методический день в школах с низкими результатами", long_new)
    md = render_md([RoadmapDiff("r.yaml", diff_roadmaps(model(old), model(new)))])
    row = next(line for line in md.splitlines() if line.startswith("| 2.3."))
    assert "<details><summary>полностью</summary>" in row
    assert "<ins> района</ins>" in row and " … " in row


# -- git repositories --------------------------------------------------------------------------

ENV = {
    **os.environ,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_AUTHOR_NAME": "Тест", "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Тест", "GIT_COMMITTER_EMAIL": "test@example.org",
}


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, env=ENV, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path) -> Path:
    root = tmp_path / "repo"
    (root / "roadmaps").mkdir(parents=True)
    git(root, "init", "-q", "-b", "main")
    (root / "roadmaps" / "n-2021-2022.yaml").write_text(V1, encoding="utf-8")
    (root / ".gitlab-ci.yml").write_text("stages: [test]\n", encoding="utf-8")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "first version")
    return root


def test_git_two_commits_json(repo, cli):
    (repo / "roadmaps" / "n-2021-2022.yaml").write_text(v2_text(), encoding="utf-8")
    (repo / ".gitlab-ci.yml").write_text("stages: [test, deploy]\n", encoding="utf-8")  # not a roadmap
    git(repo, "commit", "-q", "-am", "second version")
    code, out, err = cli("diff", "--git", "HEAD~1", "HEAD", "--format", "json", cwd=repo)
    assert code == 0, err
    payload = json.loads(out)
    assert [r["file"] for r in payload["roadmaps"]] == ["roadmaps/n-2021-2022.yaml"]
    changes = payload["roadmaps"][0]["changes"]
    assert [(c["kind"], c["number"], c["old"], c["new"]) for c in changes] == [
        (kind, number, old, new) for kind, number, old, new, _ in EXPECTED
    ]
    postponed = changes[5]
    assert postponed == {
        "kind": "deadline", "number": "2.1.", "old": "Сентябрь 2021 года", "new": "Декабрь 2021 года", "field": "срок",
        "old_reading": "30.09.2021", "new_reading": "31.12.2021", "old_due": "2021-09-30", "new_due": "2021-12-31",
        "postponed": True, "unrecorded": True,
        "activity": "Анализ входных контрольных работ по математике и русскому языку",
    }
    assert payload["summary"]["changes"] == 10
    assert payload["summary"]["unrecorded_postponements"] == 1


def test_git_working_tree_added_deleted_and_renamed_files(repo, cli):
    roadmaps = repo / "roadmaps"
    (roadmaps / "m-2021-2022.yaml").write_text(V1.replace("город N", "город M"), encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "second roadmap")
    base = git(repo, "rev-parse", "HEAD").strip()
    git(repo, "mv", "roadmaps/m-2021-2022.yaml", "roadmaps/m-2021-2023.yaml")
    (roadmaps / "n-2021-2022.yaml").unlink()
    (roadmaps / "k-2022-2023.yaml").write_text(V1, encoding="utf-8")  # untracked: still a new file
    code, out, err = cli("diff", "--git", base, "--format", "json", cwd=repo)
    assert code == 0, err
    payload = json.loads(out)
    assert [(r["file"], r["status"], r.get("old_file")) for r in payload["roadmaps"]] == [
        ("roadmaps/k-2022-2023.yaml", "added", None),
        ("roadmaps/m-2021-2023.yaml", "renamed", "roadmaps/m-2021-2022.yaml"),
        ("roadmaps/n-2021-2022.yaml", "deleted", None),
    ]
    assert payload["roadmaps"][1]["changes"] == []
    assert [c["kind"] for c in payload["roadmaps"][0]["changes"]] == ["added"] * 6
    assert [c["kind"] for c in payload["roadmaps"][2]["changes"]] == ["removed"] * 6
    # a path limits the comparison
    code, out, err = cli("diff", "--git", base, "roadmaps/k-2022-2023.yaml", "--format", "json", cwd=repo)
    assert [r["file"] for r in json.loads(out)["roadmaps"]] == ["roadmaps/k-2022-2023.yaml"]


def test_git_markdown_comment(repo, cli):
    (repo / "roadmaps" / "n-2021-2022.yaml").write_text(v2_text(), encoding="utf-8")
    code, out, err = cli("diff", "--git", "main", "--format", "md", cwd=repo)
    assert code == 0, err
    assert out.startswith("### Дорожные карты: изменения\n\n**Изменена 1 дорожная карта, 10 изменений: ")
    assert "#### roadmaps/n-2021-2022.yaml" in out


def test_git_text_and_exit_code(repo, cli):
    code, out, err = cli("diff", "--git", "HEAD", "--exit-code", cwd=repo)
    assert (code, out) == (0, "Изменений в дорожных картах нет.\n")
    (repo / "roadmaps" / "n-2021-2022.yaml").write_text(v2_text(), encoding="utf-8")
    code, out, err = cli("diff", "--git", "HEAD", "--exit-code", cwd=repo)
    assert code == 1
    assert out.startswith("roadmaps/n-2021-2022.yaml\n")


def test_git_errors_in_russian(repo, tmp_path, cli):
    code, out, err = cli("diff", "--git", "no-such-branch", cwd=repo)
    assert code == 2
    assert "ревизия «no-such-branch» не найдена" in err and "Traceback" not in err
    elsewhere = tmp_path / "plain"
    elsewhere.mkdir()
    env_ceiling = {**ENV, "GIT_CEILING_DIRECTORIES": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-m", "roadmapctl", "diff", "--git", "HEAD"], cwd=elsewhere, env=env_ceiling,
                          capture_output=True)
    assert proc.returncode == 2
    assert "не находится в репозитории git" in proc.stderr.decode("utf-8")


def test_git_broken_version_is_reported_and_the_rest_still_shown(repo, cli):
    (repo / "roadmaps" / "n-2021-2022.yaml").write_text(V1 + "  сломано: [\n", encoding="utf-8")
    (repo / "roadmaps" / "k-2022-2023.yaml").write_text(V1, encoding="utf-8")
    code, out, err = cli("diff", "--git", "HEAD", cwd=repo)
    assert code == 1  # an invalid roadmap, as in check
    assert "roadmaps/k-2022-2023.yaml (новый файл)" in out
    assert "roadmaps/n-2021-2022.yaml:" in err and "Traceback" not in err


def test_two_files(tmp_path, cli):
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(V1, encoding="utf-8")
    new.write_text(v2_text(), encoding="utf-8")
    code, out, err = cli("diff", old, new, "--format", "json")
    assert code == 0, err
    payload = json.loads(out)
    assert payload["roadmaps"][0]["file"] == str(new)
    assert payload["roadmaps"][0]["old_file"] == str(old)
    assert len(payload["roadmaps"][0]["changes"]) == 10
    code, out, err = cli("diff", old)
    assert code == 2 and "укажите два файла" in err
    code, out, err = cli("diff", old, tmp_path / "missing.yaml")
    assert code == 2 and "файл не найден" in err


def test_bundled_roadmaps_compare_equal_to_themselves_and_after_fmt(tmp_path):
    from roadmapctl.format import format_bytes

    for path in sorted(ROADMAPS.glob("*.yaml")):
        data = path.read_bytes()
        before = model_from_bytes(path.name, data)
        assert diff_roadmaps(before, before) == []
        after = model_from_bytes(path.name, format_bytes(data, path.name))
        assert diff_roadmaps(before, after) == [], path.name


def test_check_changed_since(repo, cli):
    (repo / "roadmaps" / "m-2021-2022.yaml").write_text(V1.replace("город N", "город M"), encoding="utf-8")
    code, out, err = cli("check", "--changed-since", "HEAD", "--format", "json", cwd=repo)
    assert code in (0, 1), err
    files = {d["file"] for d in json.loads(out)["diagnostics"]}
    assert json.loads(out)["summary"]["files"] == 1
    assert files <= {"roadmaps/m-2021-2022.yaml"}


# -- the CI examples ---------------------------------------------------------------------------

CI = Path(__file__).resolve().parents[1] / "examples" / "ci"


def _ci_commands() -> list[tuple[str, str]]:
    import shlex

    import yaml

    found = []
    github = yaml.safe_load((CI / "github-roadmaps.yml").read_text(encoding="utf-8"))
    scripts = [step.get("run", "") for step in github["jobs"]["review"]["steps"]]
    gitlab = yaml.safe_load((CI / "gitlab-ci.yml").read_text(encoding="utf-8"))
    scripts += gitlab["roadmaps"]["script"]
    for script in scripts:
        for line in script.splitlines():
            line = line.strip().split(" || ")[0]
            if line.startswith("roadmapctl "):
                found.append((line, shlex.split(line)[1]))
    return found


def test_ci_examples_run_the_review_commands():
    commands = " ".join(line for line, _ in _ci_commands())
    for needed in ("diff --git", "--format md", "fmt --check", "--changed-since", "--format github", "--format sarif",
                   "--format gitlab"):
        assert needed in commands, needed
    assert "fetch-depth: 0" in (CI / "github-roadmaps.yml").read_text(encoding="utf-8")
    assert 'GIT_DEPTH: "0"' in (CI / "gitlab-ci.yml").read_text(encoding="utf-8")


@pytest.mark.slow
def test_ci_example_commands_work_in_a_repository(repo, cli):
    import shlex

    (repo / "roadmaps" / "n-2021-2022.yaml").write_text(v2_text(), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "second version")
    for line, _command in _ci_commands():
        args = [arg.replace("$BASE", "HEAD~1") for arg in shlex.split(line)[1:]]
        code, out, err = cli(*args, cwd=repo)
        assert code in (0, 1), (line, err)
        assert "Traceback" not in err and "нет такого параметра" not in err, (line, err)
    assert (repo / "roadmap-diff.md").read_text(encoding="utf-8").startswith("### Дорожные карты: изменения")
    assert json.loads((repo / "roadmapctl.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    json.loads((repo / "gl-code-quality-report.json").read_text(encoding="utf-8"))


# -- renumbering and moves ---------------------------------------------------------------------

MTSENSK = (ROADMAPS / "mtsensk-2021-2022.yaml").read_text(encoding="utf-8")


def renumber_section(text: str, old: str, new: str) -> str:
    """Section «old.» and every number under it ("old.1.", "old.6.1.") renumbered to «new.»."""
    start = text.index(f'\n      - номер: "{old}."')
    end = text.index("\n      - номер:", start + 10)
    return text[:start] + text[start:end].replace(f'номер: "{old}.', f'номер: "{new}.') + text[end:]


def test_renumbering_a_section_is_one_change():
    # Мценск has sections 1-4, 6, 7: section 4 (4.1.-4.13., with 4.6.1. and 4.7.1.-4.7.3.) becomes 5.
    changes = diff_roadmaps(model(MTSENSK), model(renumber_section(MTSENSK, "4", "5")))
    assert [(c.kind, c.number, c.extra.get("old_number")) for c in changes] == [("section", "5.", "4.")]
    pairs = changes[0].extra["activities"]
    assert len(pairs) == 17 and pairs[0] == ["4.1.", "5.1."] and pairs[-1] == ["4.13.", "5.13."]
    assert ["4.6.1.", "5.6.1."] in pairs
    text = render_text([RoadmapDiff("m.yaml", changes)])
    assert "  ~ 5. раздел 4. → 5.: 4.1.–4.13. стали 5.1.–5.13. (17 мероприятий)\n" in text
    # the long section title is shown once, and nothing is called moved
    assert text.count("Совершенствование работы по развитию кадрового потенциала") == 1
    assert "перемещено" not in text
    md = render_md([RoadmapDiff("m.yaml", changes)])
    assert md.count("Совершенствование работы по развитию кадрового потенциала") == 1


def test_renumbering_two_sections_in_a_cascade():
    new = renumber_section(renumber_section(MTSENSK, "4", "5"), "3", "4")
    changes = diff_roadmaps(model(MTSENSK), model(new))
    assert [(c.kind, c.number, c.extra.get("old_number"), len(c.extra["activities"])) for c in changes] == [
        ("section", "4.", "3.", 9), ("section", "5.", "4.", 17),
    ]
    assert "раздел 3. → 4.: 3.1.–3.9. стали 4.1.–4.9. (9 мероприятий)" in render_text([RoadmapDiff("m.yaml", changes)])


def test_an_activity_is_moved_only_when_its_place_among_the_others_changed():
    # 3.3 now stands before 3.2 (the numbers as written stay with the texts)
    start, middle, end = (MTSENSK.index(f'          - номер: "3.{n}."') for n in (2, 3, 4))
    swapped = MTSENSK[:start] + MTSENSK[middle:end] + MTSENSK[start:middle] + MTSENSK[end:]
    assert brief(diff_roadmaps(model(MTSENSK), model(swapped))) == [("moved", "3.3.", "3.3.", "3.3.", "номер")]
    # the same with the numbers following the new order: 3.3 moved up, 3.2 renumbered as a result
    renumbered = (swapped.replace('номер: "3.2."', 'номер: "3.x."').replace('номер: "3.3."', 'номер: "3.2."')
                  .replace('номер: "3.x."', 'номер: "3.3."'))
    assert brief(diff_roadmaps(model(MTSENSK), model(renumbered))) == [
        ("moved", "3.2.", "3.3.", "3.2.", "номер"),
        ("renumbered", "3.3.", ["3.2."], ["3.3."], "номер"),
    ]
    text = render_text([RoadmapDiff("m.yaml", diff_roadmaps(model(MTSENSK), model(renumbered)))])
    assert "  ~ 3.2. перемещено: было 3.3.\n" in text and "  ~ 3.3. перенумеровано: 3.2. → 3.3.\n" in text


def test_a_change_of_the_letterhead_is_shown():
    text = (ROADMAPS / "mtsensk-2021-2022.yaml").read_text(encoding="utf-8")
    new = text.replace("    - Орловской области\n", "    - Орловской области\n    - ул. Тургенева, 20\n")
    diffs = [RoadmapDiff("roadmaps/mtsensk-2021-2022.yaml", diff_roadmaps(model(text), model(new)))]
    assert "  ~ бланк приказа: добавлено 1\n      + ул. Тургенева, 20\n" in render_text(diffs)


def test_a_file_name_in_markdown_is_a_value_not_markup(tmp_path, cli):
    """A file name that looks like a heading and a link, with a backtick and a bidirectional
    override, stays plain text in the Markdown report (escaped, the override shown)."""
    old = (ROADMAPS / "aban-2020-2023.yaml").read_text(encoding="utf-8")
    first = tmp_path / "старая.yaml"
    first.write_text(old, encoding="utf-8")
    second = tmp_path / "# Заголовок [ссылка](x.ru) `код` \u202e.yaml"
    second.write_text(old.replace("создан", "сформирован", 1), encoding="utf-8")
    _code, out, _err = cli("diff", "-f", "md", first.name, second.name, cwd=tmp_path)
    headings = [line for line in out.splitlines() if line.startswith("####")]
    assert headings == ["#### # Заголовок \\[ссылка\\](x.ru) \\`код\\` <U+202E>.yaml"], headings


def test_a_similar_pair_and_a_rewritten_row_under_its_number_in_one_comparison():
    # A pair found by similarity (step 3) followed by a row paired only by its key (step 4): this
    # used to end in "TypeError: 'float' object is not callable".
    from roadmapctl.diff.match import pair_up

    old = [("1.", "Анализ результатов ВПР по математике"), ("2.", "Совещание руководителей ОО")]
    new = [("1.", "Анализ результатов ВПР по математике и русскому языку"), ("2.", "Вебинар для учителей")]
    found = pair_up(old, new)
    assert [(i, j) for i, j, _ in found] == [(0, 0), (1, 1)]
    assert found[0][2] == pytest.approx(10 / 13 + 0.1)  # 5 words of 5 and 8 in common, 0.1 for the shared key
    assert found[1][2] == 0.0  # no word in common


def test_similar_texts_are_paired_across_many_unrelated_ones():
    # The rewritten texts are found through their rarer words, among hundreds that share the
    # common ones ("план", "работы"); the pairs are by similarity, not by position.
    from roadmapctl.diff.match import pair_up

    old = [(None, f"План работы школы № {k} на год") for k in range(300)]
    old += [(None, "Семинар для учителей математики о подготовке к ОГЭ"), (None, "Родительское собрание о питании")]
    new = [(None, "Родительское собрание по вопросам питания школьников"),
           (None, "Семинар для учителей математики по подготовке к ОГЭ и ЕГЭ")]
    found = {j: i for i, j, _ in pair_up(old, new) if i is not None and j is not None}
    assert found == {1: 300}  # the other is below the bar (2 words of 4 and 6 in common: 0.4)


def test_longest_increasing_subsequence():
    from roadmapctl.diff.changes import _longest_increasing

    assert _longest_increasing([]) == []
    assert _longest_increasing([5]) == [0]
    assert _longest_increasing([3, 1, 2, 5, 4]) == [1, 2, 4]  # 1 2 4 (the smallest tails)
    assert _longest_increasing([0, 8, 4, 12, 2, 10, 6, 14, 1, 9]) == [0, 4, 6, 9]  # 0 2 6 9
    assert _longest_increasing([2, 2, 2]) == [2]  # strictly increasing
