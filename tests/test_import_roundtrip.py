"""Round trip: a roadmap rendered to DOCX and imported back gives the same activities, numbers,
texts, sub-items, parties and deadlines — for every bundled roadmap and for generated roadmaps
with awkward text (quotes, pipes, colons, line breaks, long cells).

The DOCX comes from the product's renderer (``roadmapctl.render``) and, independently, from a
small python-docx writer below, so that the importer is not only tested against one writer.
"""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import roadmap_files

from conftest import load_roadmap
from roadmapctl.importer import import_bytes
from roadmapctl.importer.emit import dump

# --------------------------------------------------------------------------- two DOCX writers


def _render_with_product(model) -> bytes:
    render = pytest.importorskip("roadmapctl.render")
    return render.render(model, "docx")


def _render_with_python_docx(model) -> bytes:
    """A plain Word table per roadmap table: header, optional column-number row, merged section
    rows, one paragraph per line, sub-items as "– …" paragraphs, one party per paragraph."""
    import docx

    document = docx.Document()
    document.add_paragraph(model.title)
    for index, table in enumerate(model.tables):
        if index and table.title:
            document.add_paragraph(table.title)
        fields = [c.field for c in table.columns]
        grid = document.add_table(rows=1, cols=len(fields))
        for cell, column in zip(grid.rows[0].cells, table.columns):
            cell.paragraphs[0].add_run(column.header)
        if table.column_numbers:
            for cell, number in zip(grid.add_row().cells, range(1, len(fields) + 1)):
                cell.paragraphs[0].add_run(str(number))

        def fill(cell, lines):
            for k, line in enumerate(lines):
                paragraph = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
                paragraph.add_run(line)

        def activity_rows(activities):
            for activity in activities:
                cells = grid.add_row().cells  # noqa: B023 (called within this iteration)
                for cell, name in zip(cells, fields):  # noqa: B023
                    fill(cell, _cell_lines(activity, name))
                activity_rows(activity.children)

        def section_rows(sections):
            for section in sections:
                cells = grid.add_row().cells  # noqa: B023 (called within this iteration)
                merged = cells[0].merge(cells[-1])
                merged.paragraphs[0].add_run(f"{section.number} {section.title}" if section.number else section.title)
                activity_rows(section.activities)
                section_rows(section.sections)

        activity_rows(table.activities)
        section_rows(table.sections)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _cell_lines(activity, name: str) -> list[str]:
    if name == "номер":
        return [activity.number]
    if name == "мероприятие":
        lines = activity.text.split("\n")
        for item in activity.subitems:
            first, *rest = item.text.split("\n")
            lines += [f"– {first}"] + rest
        return lines
    if name == "ответственные":
        seen = []
        for ref in activity.responsible:
            if ref.display not in seen:
                seen.append(ref.display)
        return seen
    if name == "срок":
        lines = activity.deadline.split("\n") if activity.deadline else []
        return lines + [item.deadline for item in activity.subitems if item.deadline]
    value = {"ожидаемый_результат": activity.result, "форма_результата": activity.result_form,
             "примечание": activity.note}.get(name)
    return value.split("\n") if value else []


WRITERS = {"renderer": _render_with_product, "python-docx": _render_with_python_docx}

# --------------------------------------------------------------------------- comparison


def _ref(ref):
    if isinstance(ref, dict):
        return (ref["кто"], ref.get("уточнение"), ref.get("связка") or "скобки")
    return (ref, None, "скобки")


def _item(item):
    if isinstance(item, dict):
        return (item["текст"], item.get("срок"))
    return (item, None)


def table_facts(doc: dict) -> list:
    """Per table: its columns, the column-number flag, and every section and activity in order."""
    facts = []
    for index, table in enumerate(doc["таблицы"]):
        rows = []

        def activity(item, depth):
            refs = []
            for ref in item.get("ответственные", []):
                if _ref(ref) not in refs:  # a document lists a party once per cell
                    refs.append(_ref(ref))
            rows.append(("мероприятие", depth, item["номер"], item["мероприятие"],  # noqa: B023 (called within this iteration)
                         [_item(i) for i in item.get("подпункты", [])], refs, item.get("срок"),
                         item.get("ожидаемый_результат"), item.get("форма_результата"), item.get("примечание")))
            for child in item.get("мероприятия", []):
                activity(child, depth + 1)

        def section(item, level):
            rows.append(("раздел", level, item.get("номер"), item["название"]))  # noqa: B023
            for child in item.get("мероприятия", []):
                activity(child, 0)
            for child in item.get("разделы", []):
                section(child, level + 1)

        for item in table.get("мероприятия", []):
            activity(item, 0)
        for item in table.get("разделы", []):
            section(item, 1)
        facts.append(([(c["поле"], c["заголовок"]) for c in table["колонки"]], table.get("номера_колонок", False),
                      table.get("название") if index else None, rows))
    return facts


def _round_trip(path: Path, writer) -> tuple[list, list]:
    model = load_roadmap(str(path))
    data = writer(model)
    result = import_bytes(data, path.stem + ".docx")
    original = yaml.safe_load(path.read_text(encoding="utf-8"))
    return table_facts(original), table_facts(yaml.safe_load(result.text))


@pytest.mark.parametrize("writer", sorted(WRITERS))
@pytest.mark.parametrize("path", roadmap_files(), ids=lambda p: p.stem)
def test_bundled_roadmap_survives_docx_and_back(path, writer):
    want, got = _round_trip(path, WRITERS[writer])
    assert got == want


# --------------------------------------------------------------------------- generated roadmaps

_LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
_AWKWARD = list(_LETTERS + "abcXYZ0123456789") + [" ", " ", " ", "«", "»", '"', "'", "„", "“", "|", ":", ": ", "#", " #",
                                                    "&", "%", "@", "`", "*", "!", "?", "{", "}", "[", "]", "\\", "/",
                                                    "(", ")", ",", ";", ".", "…", "№", "-", "–", "—", "+", "=", "<", ">",
                                                    "😀", "yes", "null", "4.10", "2021-03-24", "~", "0x1F"]


def _line(min_size: int = 1, max_size: int = 40):
    return (st.lists(st.sampled_from(_AWKWARD), min_size=min_size, max_size=max_size)
            .map(lambda parts: " ".join("".join(parts).split()))  # single spaces, none at the ends
            .filter(lambda s: s and s[0] not in "-–—•·" and any(ch.isalpha() for ch in s)))


def _text(max_lines: int = 3):
    return st.lists(_line(), min_size=1, max_size=max_lines).map("\n".join)


_long_line = st.lists(_line(5, 40), min_size=5, max_size=12).map(" ".join)  # a long cell of several hundred characters

_NAMES = ["РУО", "ОО", "ИМЦ РУО", "Управление образования", "МКУ «ИМС»", "руководители ОО", "МБОУ «СОШ № 1»",
          "Иванова И.И.", "ГМО учителей-предметников", "МКУ «ЦНППМ г. Тулы»", "Отдел образования | район"]
_QUALIFIED = [{"кто": "МКУ «ЦНППМ г. Тулы»", "уточнение": "рабочая группа", "связка": "скобки"},
              {"кто": "ОО", "уточнение": "сетевые партнёры", "связка": "тире"}]
_DEADLINES = ["Март 2021 года", "ежеквартально", "В течение учебного года", "По графику ИРО и ОРЦОКО",
              "Сентябрь-октябрь 2020", "до 10 числа каждого месяца", "2022 год", "постоянно"]
_deadline = st.one_of(st.sampled_from(_DEADLINES), _line())
_HEADERS = {
    "номер": ["№ п/п", "№", "№п/п"],
    "мероприятие": ["Мероприятие", "Содержание действия", "Наименование мероприятия", "Основные направления деятельности"],
    "ответственные": ["Ответственный", "Ответственные", "Исполнители", "Ответственный исполнитель"],
    "срок": ["Сроки", "Срок исполнения", "Сроки реализации"],
    "ожидаемый_результат": ["Ожидаемые результаты", "Ожидаемый результат"],
    "форма_результата": ["Форма предоставления результатов"],
}


@st.composite
def _activity(draw, number: str, depth: int):
    activity = {"номер": number, "мероприятие": draw(st.one_of(_text(), _long_line))}
    items = draw(st.lists(st.one_of(_line(), _long_line), max_size=3))
    dated = len(items) >= 2 and draw(st.booleans())
    if items:
        activity["подпункты"] = [{"текст": i, "срок": draw(_deadline)} for i in items] if dated else items
    refs = draw(st.lists(st.one_of(st.sampled_from(_NAMES), st.sampled_from(_QUALIFIED)), max_size=4))
    if refs:
        activity["ответственные"] = refs
    if not dated and draw(st.booleans()):
        activity["срок"] = draw(_deadline) if items else draw(st.lists(_deadline, min_size=1, max_size=2).map("\n".join))
    if draw(st.booleans()):
        activity["ожидаемый_результат"] = draw(st.one_of(_text(), _long_line))
    if depth == 0 and draw(st.integers(0, 4)) == 0:
        activity["мероприятия"] = [draw(_activity(f"{number}{k}.", 1)) for k in range(1, draw(st.integers(1, 2)) + 1)]
    return activity


@st.composite
def _roadmap(draw):
    tables = []
    for index in range(draw(st.integers(1, 2))):
        fields = ["номер", "мероприятие"] + draw(st.lists(
            st.sampled_from(["ответственные", "срок", "ожидаемый_результат", "форма_результата"]), min_size=1,
            max_size=3, unique=True))
        order = draw(st.permutations(fields))
        columns = [{"поле": f, "заголовок": draw(st.sampled_from(_HEADERS[f]))} for f in order]
        sections = []
        for s in range(1, draw(st.integers(1, 3)) + 1):
            title = draw(_line().filter(lambda t: not t[0].isdigit() and t.split()[0].rstrip(".") not in ("I", "V", "X")))
            section = {"номер": f"{s}.", "название": title}
            activities = [draw(_activity(f"{s}.{k}.", 0)) for k in range(1, draw(st.integers(1, 3)) + 1)]
            for activity in activities:  # only the fields of the columns the table has
                _keep_columns(activity, fields)
            section["мероприятия"] = activities
            sections.append(section)
        table = {"колонки": columns, "номера_колонок": draw(st.booleans()), "разделы": sections}
        if index:
            table["название"] = draw(_line())
        tables.append(table)
    names = {}
    for table in tables:
        for row in table_facts({"таблицы": [table]})[0][3]:
            if row[0] == "мероприятие":
                for name, _q, _j in row[5]:
                    names[name] = {"вид": "организация"}
    return {
        "версия_формата": 1,
        "орган": {"наименование": "Управление образования администрации города Примерска", "краткое": "УО"},
        "муниципалитет": "город Примерск",
        "название": "Дорожная карта по поддержке школ на 2021-2022 годы",
        "период": "2021-2022",
        "участники": names or {"УО": {"вид": "орган"}},
        "таблицы": tables,
    }


_FIELD_KEYS = {"ответственные": ["ответственные"], "срок": ["срок"], "ожидаемый_результат": ["ожидаемый_результат"],
               "форма_результата": ["форма_результата"]}


def _keep_columns(activity: dict, fields: list[str]) -> None:
    for field, keys in _FIELD_KEYS.items():
        if field not in fields:
            for key in keys:
                activity.pop(key, None)
    if "срок" not in fields and activity.get("подпункты"):
        activity["подпункты"] = [i["текст"] if isinstance(i, dict) else i for i in activity["подпункты"]]
    for child in activity.get("мероприятия", []):
        _keep_columns(child, fields)


@pytest.mark.slow
@pytest.mark.parametrize("writer", sorted(WRITERS))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=_roadmap())
def test_generated_roadmap_survives_docx_and_back(writer, data):
    text = dump(data)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "roadmap.yaml"
        path.write_text(text, encoding="utf-8")
        want, got = _round_trip(path, WRITERS[writer])
    assert got == want


def test_dump_is_canonical_with_comments_above_their_entries():
    from roadmapctl.format import format_text

    data = {"таблицы": [{"колонки": [{"поле": "номер", "заголовок": "№"}],
                         "мероприятия": [{"мероприятие": "Текст\nв две строки\n", "номер": "1."}]}],
            "участники": {"ОО": None, "РУО": {"вид": "орган"}}, "версия_формата": 1, "название": "yes"}
    comments = {("участники", "ОО"): ["импорт: вид не определён"], ("таблицы", 0, "мероприятия", 0): ["импорт: x"]}
    text = dump(data, comments, ["Вступление."])
    assert format_text(text) == text
    lines = text.splitlines()
    assert lines[:3] == ["# yaml-language-server: $schema=../schema/roadmap.schema.json", "# Вступление.", "версия_формата: 1"]
    assert lines[lines.index("  # импорт: вид не определён") + 1] == "  ОО:"
    assert lines[lines.index("      # импорт: x") + 1] == '      - номер: "1."'
    assert yaml.safe_load(text)["таблицы"][0]["мероприятия"][0]["мероприятие"] == "Текст\nв две строки\n"
