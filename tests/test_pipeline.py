"""The one pipeline entry (roadmapctl.document.pipeline): a text becomes a roadmap or the located
problems that stop it, as a value; only a file that cannot be read at all raises."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import MINIMAL_ROADMAP, ROADMAP_HEAD, ROADMAPS
from roadmapctl.document.pipeline import load_bytes, load_path
from roadmapctl.loading.source import SourceError

VALID = MINIMAL_ROADMAP + "        срок: Март 2021 года\n"


def test_a_valid_roadmap_gives_its_model_and_no_problem():
    loaded = load_bytes("r.yaml", VALID.encode("utf-8"))
    assert loaded.problems == ()
    assert loaded.roadmap is not None
    assert loaded.roadmap.municipality == "город Примерск"
    assert [a.number for a in loaded.roadmap.activities()] == ["1."]
    assert loaded.readable and loaded.source.name == "r.yaml"


def test_a_bundled_roadmap_read_from_its_file():
    loaded = load_path(ROADMAPS / "tula-2020-2021.yaml")
    assert loaded.problems == ()
    assert loaded.roadmap.municipality == "город Тула"
    assert loaded.roadmap.period_text == "2020-2021 учебный год"


def test_text_in_windows_1251_is_a_located_problem_not_an_exception():
    loaded = load_bytes("r.yaml", "муниципалитет: город Тула\n".encode("cp1251"))
    assert loaded.source is None and loaded.document is None and loaded.roadmap is None
    (problem,) = loaded.problems
    assert problem.code == "RM001"
    assert "Windows-1251" in problem.message
    assert (problem.span.line, problem.span.column) == (1, 1)


def test_a_yaml_syntax_error_keeps_the_source_and_says_where():
    text = ROADMAP_HEAD + "таблицы: [\n"
    loaded = load_bytes("r.yaml", text.encode("utf-8"))
    assert loaded.source is not None and loaded.document is None
    (problem,) = loaded.problems
    assert problem.code == "RM001"
    assert problem.span.line >= 7  # the file has 7 lines; the bracket is never closed


def test_a_schema_problem_keeps_the_document_for_the_rules():
    text = VALID.replace("мероприятие: Создание команды", "мероприятя: Создание команды")
    loaded = load_bytes("r.yaml", text.encode("utf-8"))
    assert loaded.document is not None and loaded.roadmap is None
    codes = {p.code for p in loaded.problems}
    assert codes == {"RM101", "RM102"}  # «мероприятя» is unknown, «мероприятие» is missing
    unknown = next(p for p in loaded.problems if p.code == "RM101")
    assert (unknown.span.line, unknown.span.column) == (13, 9)
    assert loaded.describe().startswith("r.yaml:")


def test_describe_names_at_most_five_problems_and_how_many_more():
    items = "".join(f"      - номер: \"{i}.\"\n        лишнее: x\n" for i in range(1, 8))
    text = VALID + items
    loaded = load_bytes("r.yaml", text.encode("utf-8"))
    described = loaded.describe().splitlines()
    assert len(described) == 6 and described[-1] == f"… и ещё {len(loaded.problems) - 5}"


def test_a_missing_file_is_an_input_output_error(tmp_path):
    with pytest.raises(SourceError) as caught:
        load_path(tmp_path / "нет.yaml")
    assert caught.value.io and caught.value.message == "файл не найден"


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.binary(max_size=300), st.text(max_size=300).map(lambda t: (ROADMAP_HEAD + t).encode("utf-8", "surrogatepass"))))
def test_any_bytes_give_a_roadmap_or_problems_never_both_never_an_exception(data):
    loaded = load_bytes("r.yaml", data)
    assert (loaded.roadmap is None) == bool(loaded.problems)
    for problem in loaded.problems:
        assert problem.code.startswith("RM") and problem.message and problem.span.line >= 1
    if loaded.document is None:
        assert len(loaded.problems) == 1 and loaded.problems[0].code == "RM001"


def test_a_consumer_reports_a_file_that_is_not_yaml_as_check_does(tmp_path):
    # in a fresh process no rule is loaded yet: the report must still name the rule's severity
    import subprocess
    import sys

    broken = tmp_path / "r.yaml"
    broken.write_text("a: [\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "roadmapctl", "export", str(broken)],
                            capture_output=True, text=True, encoding="utf-8")
    assert result.returncode == 1, result.stderr
    assert f"{broken}:2:1: RM001 ошибка:" in result.stderr
    assert "внутренняя ошибка" not in result.stderr
