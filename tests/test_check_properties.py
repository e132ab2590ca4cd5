"""No document, however odd, makes a rule crash: check always answers with diagnostics."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from roadmapctl.check.runner import check_source
from roadmapctl.loading import Source

texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40)
numbers = st.one_of(texts.filter(bool), st.from_regex(r"\A\d{1,3}(\.\d{1,3}){0,3}\.?\Z"))


@st.composite
def documents(draw):
    names = draw(st.lists(texts.filter(bool), min_size=1, max_size=4, unique=True))

    def activity(depth):
        item = {"номер": draw(numbers), "мероприятие": draw(texts.filter(bool))}
        if draw(st.booleans()):
            item["ответственные"] = draw(st.lists(st.sampled_from(names) | texts.filter(bool), max_size=3))
        if draw(st.booleans()):
            item["срок"] = draw(texts)
        if draw(st.booleans()):
            item["подпункты"] = draw(st.lists(st.fixed_dictionaries({"текст": texts.filter(bool)}, optional={"срок": texts}), max_size=2))
        if depth < 2 and draw(st.booleans()):
            item["мероприятия"] = [activity(depth + 1) for _ in range(draw(st.integers(0, 2)))]
        return item

    sections = [{"название": draw(texts.filter(bool)), "номер": draw(numbers),
                 "мероприятия": [activity(0) for _ in range(draw(st.integers(0, 3)))]} for _ in range(draw(st.integers(0, 3)))]
    return {
        "версия_формата": 1,
        "орган": {"наименование": draw(texts.filter(bool))},
        "муниципалитет": draw(texts.filter(bool)),
        "название": draw(texts.filter(bool)),
        "период": draw(st.sampled_from(["2021-2022", "2020-2021 учебный год", "2022-2021", "когда-то", "2021-01-01..2022-12-31"]) | texts.filter(bool)),
        "участники": {name: None for name in names},
        "таблицы": [{"колонки": [{"поле": "номер", "заголовок": "№"}, {"поле": "ожидаемый_результат", "заголовок": "Р"}],
                     "разделы": sections, "мероприятия": [activity(0) for _ in range(draw(st.integers(0, 2)))]}],
    }


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_rules_never_crash_on_odd_but_well_formed_documents(data):
    text = json.dumps(data, ensure_ascii=False)  # JSON is YAML: every value arrives as written
    diagnostics = check_source(Source("odd.yaml", text))
    for d in diagnostics:
        assert d.span.line >= 1 and d.span.column >= 1 and d.message
