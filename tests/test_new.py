"""`roadmapctl new`: the skeleton is a complete roadmap that passes check, in the canonical layout."""

from __future__ import annotations

import pytest
import yaml

from roadmapctl.check.runner import check_source
from roadmapctl.importer import ImportFailure
from roadmapctl.importer.skeleton import skeleton
from roadmapctl.loading import Source


@pytest.mark.parametrize("period, words, deadline", [
    ("2025-2026", "на 2025-2026 годы", "Март 2025 года"),
    ("2025", "на 2025 год", "Март 2025 года"),
    ("2025-2026 учебный год", "на 2025-2026 учебный год", "Сентябрь 2025 года"),
])
def test_skeleton_passes_check_without_findings(period, words, deadline):
    text = skeleton("город Примерск", period)
    assert text.startswith("# yaml-language-server: $schema=../schema/roadmap.schema.json\n")
    assert check_source(Source(name="new.yaml", text=text)) == []
    doc = yaml.safe_load(text)
    assert doc["период"] == period
    assert doc["название"].endswith(words)
    table = doc["таблицы"][0]
    assert [c["поле"] for c in table["колонки"]] == ["номер", "мероприятие", "ответственные", "срок", "ожидаемый_результат"]
    assert len(table["разделы"]) == 1 and len(table["разделы"][0]["мероприятия"]) == 1
    assert table["разделы"][0]["мероприятия"][0]["срок"] == deadline


def test_skeleton_is_commented_in_russian_and_canonical():
    text = skeleton("город Примерск", "2025-2026", authority="Отдел образования администрации города Примерска")
    comments = [line for line in text.splitlines() if line.lstrip().startswith("#")]
    assert len(comments) >= 8
    assert any("Справочник участников" in line for line in comments)
    doc = yaml.safe_load(text)
    assert doc["орган"] == {"наименование": "Отдел образования администрации города Примерска"}
    assert doc["участники"]["Отдел образования администрации города Примерска"]["вид"] == "орган"
    fmt = pytest.importorskip("roadmapctl.format")
    assert fmt.format_text(text) == text


@pytest.mark.parametrize("municipality, period", [("", "2025"), ("город Примерск", "когда-нибудь"),
                                                  ("город Примерск", "2026-2025")])
def test_skeleton_refuses_bad_arguments(municipality, period):
    with pytest.raises(ImportFailure):
        skeleton(municipality, period)


def test_skeleton_has_the_order_approval_and_appendix_keys_commented_out():
    text = skeleton("город Примерск", "2025-2026")
    for key in ("приказ", "утверждение", "приложение"):
        assert f"\n# {key}:\n" in text
        assert key not in yaml.safe_load(text)
    # the notes next to them are Russian
    notes = [line for line in text.splitlines() if line.startswith("# ") and ":" not in line[:20]]
    assert any("Реквизиты для шапки приложения" in line for line in notes)
    # taking the «# » away gives a valid roadmap whose appendix has its header filled in
    import re

    opened = "\n".join(line[2:] if re.match(r"# (приказ:|утверждение:|приложение:|  \S)", line) else line
                       for line in text.splitlines()) + "\n"
    doc = yaml.safe_load(opened)
    assert doc["приказ"] == {"вид": "приказ", "номер": "1", "дата": yaml.safe_load("2025-01-15")}
    assert doc["утверждение"]["фио"] == "И.И. Иванова" and doc["приложение"]["номер"] == "1"
    assert check_source(Source(name="new.yaml", text=opened)) == []
    from roadmapctl.render import build
    from roadmapctl.diff import model_from_bytes

    view = build(model_from_bytes("new.yaml", opened.encode("utf-8")))
    assert view.appendix.lines == ["Приложение №\u00a01", "к приказу управления образования", "от 15.01.2025 №\u00a01"]
    assert view.approval.lines[0] == "УТВЕРЖДАЮ"
