"""Import of hand-made Word documents (tests/fixtures/import, made by make_fixtures.py)."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

import pytest
import yaml

from roadmapctl.check.diagnostics import Severity
from roadmapctl.check.runner import check_source
from roadmapctl.importer import ImportFailure, import_bytes, import_path
from roadmapctl.loading import Source

from conftest import activities_by_number

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "import"


def _import(name: str):
    result = import_path(FIXTURES / name)
    return result, yaml.safe_load(result.text)


def _no_errors(result) -> None:
    errors = [d for d in check_source(Source(name="r.yaml", text=result.text)) if d.severity is Severity.ERROR]
    assert not errors, errors


@pytest.mark.parametrize("name", ["merged_sections.docx", "landscape.docx", "split_table.docx", "two_tables.docx",
                                  "auto_numbers.docx"])
def test_fixture_imports_without_errors_and_canonically(name):
    result, _doc = _import(name)
    _no_errors(result)
    fmt = pytest.importorskip("roadmapctl.format")
    assert fmt.format_text(result.text) == result.text


def test_merged_section_rows_nested_sections_and_multi_paragraph_cells():
    result, doc = _import("merged_sections.docx")
    table = doc["таблицы"][0]
    assert [(s["номер"], s["название"]) for s in table["разделы"]] == [
        ("1.", "Управление реализацией «Дорожной карты»"), ("2.", "Мониторинг")]
    assert [(s["номер"], s["название"]) for s in table["разделы"][0]["разделы"]] == [
        ("1.1.", "Нормативная база"), ("1.2.", "Кадры")]
    acts = activities_by_number(doc)
    assert list(acts) == ["1", "2", "3", "4", "5", "6", "6.1", "6.2"]
    assert acts["1"]["мероприятие"] == "Разработка муниципальной «Дорожной карты»\nСогласование с руководителями школ"
    assert acts["1"]["ответственные"] == ["РУО", "ОО"]


def test_bullet_list_in_a_cell_with_its_own_deadlines():
    result, doc = _import("merged_sections.docx")
    item = activities_by_number(doc)["3"]
    assert item["мероприятие"] == "Проведение семинаров для учителей:"
    assert item["подпункты"] == [
        {"текст": "семинар «Формирующее оценивание»;", "срок": "Сентябрь 2021 года"},
        {"текст": "семинар «Работа со слабоуспевающими»", "срок": "Октябрь 2021 года"},
    ]
    assert "срок" not in item
    assert item["ответственные"] == ["ИМЦ", "МБОУ «СОШ № 1»"]  # one party per paragraph
    assert any("отдан подпункту" in g.message for g in result.guesses)


def test_cell_merged_down_is_read_for_both_rows_and_reported():
    result, doc = _import("merged_sections.docx")
    acts = activities_by_number(doc)
    assert acts["4"]["ответственные"] == acts["5"]["ответственные"] == ["управление образования"]
    assert any("по вертикали" in g.message and "5" in g.message for g in result.guesses)


def test_children_and_spelling_variants():
    result, doc = _import("merged_sections.docx")
    parent = activities_by_number(doc)["6"]
    assert [c["номер"] for c in parent["мероприятия"]] == ["6.1", "6.2"]
    directory = doc["участники"]
    assert "МКУ «ЦНППМ»" in directory and "МКУ «ЦНППИМ»" in directory
    assert directory["управление образования"]["синонимы"] == ["Управление образования"]
    assert any("ЦНППИМ" in g.message and "синонимах" in g.message for g in result.guesses)


def test_landscape_section_approval_in_a_borderless_table_and_appendix():
    result, doc = _import("landscape.docx")
    assert doc["утверждение"] == {
        "гриф": "УТВЕРЖДАЮ",
        "должность": "Начальник управления образования администрации города Примерска",
        "фио": "И.И. Иванова",
        "дата": date(2021, 3, 24),
    }
    assert doc["приложение"] == {"номер": "1", "к": "к приказу управления образования администрации города Примерска"}
    assert doc["приказ"] == {"вид": "приказ", "номер": "93/1", "дата": date(2021, 3, 24)}
    assert doc["орган"]["наименование"] == "Управление образования администрации города Примерска"
    assert doc["муниципалитет"] == "город Примерск"
    assert doc["период"] == "2021-2022"
    assert doc["название"] == "Дорожная карта по реализации проекта сопровождения школ на 2021-2022 годы"


def test_columns_in_any_order_column_numbers_and_an_unplaced_column():
    result, doc = _import("landscape.docx")
    table = doc["таблицы"][0]
    assert [c["поле"] for c in table["колонки"]] == ["срок", "номер", "мероприятие", "ответственные",
                                                     "ожидаемый_результат", "примечание"]
    assert table["номера_колонок"] is True
    assert table["разделы"][0]["название"] == "Организационно-управленческие мероприятия"
    assert "номер" not in table["разделы"][0]
    acts = activities_by_number(doc)
    assert acts["1."]["срок"] == "Февраль 2021 года"
    assert acts["1."]["примечание"] == "Без финансирования"
    assert any("Источник финансирования" in g.message for g in result.guesses)


def test_parties_people_school_lists_and_pairs():
    _result, doc = _import("landscape.docx")
    acts = activities_by_number(doc)
    assert acts["1."]["ответственные"] == ["Коршунова Н.В., муниципальный координатор", "УО"]
    assert acts["2."]["ответственные"] == ["МБОУ ЦО №№ 17, 24, 29", "УО"]
    assert doc["участники"]["МБОУ ЦО №№ 17, 24, 29"]["состав"] == ["МБОУ ЦО № 17", "МБОУ ЦО № 24", "МБОУ ЦО № 29"]
    assert doc["участники"]["Коршунова Н.В., муниципальный координатор"]["вид"] == "человек"
    assert acts["3."]["ответственные"] == ["МБОУ «СОШ № 2»", "МБОУ «СОШ № 9»"]
    assert doc["пары"] == [{"школа": "МБОУ «СОШ № 2»", "партнёр": "МБОУ «СОШ № 9»"}]


def test_table_split_across_pages():
    result, doc = _import("split_table.docx")
    assert len(doc["таблицы"]) == 1
    acts = activities_by_number(doc)
    assert list(acts) == ["1.1.", "1.2.", "1.3.", "2.1.", "2.2."]
    assert acts["1.2."]["мероприятие"] == "Анализ результатов оценочных процедур в школах с низкими образовательными результатами"
    assert acts["1.2."]["ожидаемый_результат"] == "Подготовлена аналитическая справка"
    assert doc["период"] == "2020-2021 учебный год"
    messages = " ".join(g.message for g in result.guesses)
    assert "продолжение мероприятия 1.2." in messages
    assert "тем же заголовком" in messages and "без строки заголовка" in messages


def test_two_tables_with_a_title_between():
    _result, doc = _import("two_tables.docx")
    first, second = doc["таблицы"]
    assert "название" not in first
    assert second["название"] == "Реализация дорожной карты"
    assert second["колонки"][-1] == {"поле": "форма_результата", "заголовок": "Форма предоставления результатов"}
    assert [a["номер"] for a in second["мероприятия"]] == ["1", "2"]
    assert second["мероприятия"][1]["форма_результата"] == "Доклад на совещании"
    assert doc["орган"]["наименование"] == "Отдел образования"


def test_word_list_numbering_in_the_number_column():
    result, doc = _import("auto_numbers.docx")
    assert list(activities_by_number(doc)) == ["1.", "2.", "3."]
    assert any("автоматической нумерацией" in g.message for g in result.guesses)
    assert doc["период"] == "2021"


def test_table_without_a_recognisable_header_is_refused_in_russian():
    with pytest.raises(ImportFailure, match="нет узнаваемой строки заголовка"):
        import_path(FIXTURES / "no_header.docx")


def test_damaged_and_foreign_files_are_refused_in_russian():
    with pytest.raises(ImportFailure, match="файл пуст"):
        import_bytes(b"", "x.docx")
    with pytest.raises(ImportFailure, match="старом формате Word"):
        import_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "x.doc")
    with pytest.raises(ImportFailure, match="PDF"):
        import_bytes(b"%PDF-1.7 ...", "x.pdf")
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("content.xml", "<x/>")
    with pytest.raises(ImportFailure, match="не документ Word"):
        import_bytes(archive.getvalue(), "x.odt")
    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w") as z:
        z.writestr("word/document.xml", "<не xml")
    with pytest.raises(ImportFailure, match="повреждён|не удалось прочитать"):
        import_bytes(broken.getvalue(), "x.docx")


def test_fixtures_script_builds_every_fixture(tmp_path):
    """The committed .docx files are what make_fixtures.py makes (same tables and texts)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_fixtures", FIXTURES / "make_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for name, build in module.FIXTURES.items():
        path = tmp_path / name
        build().save(path)
        if name == "no_header.docx":
            continue
        fresh = import_path(path).data
        committed = import_path(FIXTURES / name).data
        assert fresh == committed, name


def test_paragraph_text_keeps_insertions_and_field_results_and_drops_deletions():
    from lxml import etree

    from roadmapctl.importer.docx_reader import W, paragraph_text

    ns = W[1:-1]
    xml = (f'<w:p xmlns:w="{ns}"><w:pPr><w:tabs><w:tab w:val="left" w:pos="1"/></w:tabs></w:pPr>'
           '<w:r><w:t>Срок</w:t><w:tab/></w:r>'
           '<w:ins><w:r><w:t>март</w:t></w:r></w:ins>'
           '<w:del><w:r><w:delText>апрель</w:delText></w:r></w:del>'
           '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>'
           '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t> 2021</w:t></w:r>'
           '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
           '<w:hyperlink><w:r><w:br/><w:t>года</w:t></w:r></w:hyperlink></w:p>')
    assert paragraph_text(etree.fromstring(xml)) == "Срок март 2021\nгода"


def test_a_second_header_row_under_merged_header_cells_is_skipped(tmp_path):
    import docx

    document = docx.Document()
    table = document.add_table(rows=3, cols=5)
    for cell, text in zip(table.rows[0].cells, ["№", "Мероприятие", "Сроки", "", "Ответственный"]):
        cell.paragraphs[0].add_run(text)
    table.rows[0].cells[2].merge(table.rows[0].cells[3])
    for cell, text in zip(table.rows[1].cells, ["", "", "начало", "окончание", ""]):
        cell.paragraphs[0].add_run(text)
    for cell, text in zip(table.rows[2].cells, ["1.", "Семинар", "Март 2021", "Апрель 2021", "РУО"]):
        cell.paragraphs[0].add_run(text)
    path = tmp_path / "two_header_rows.docx"
    document.save(path)
    result = import_path(path)
    doc = yaml.safe_load(result.text)
    assert list(activities_by_number(doc)) == ["1."]
    assert any("вторая строка заголовка" in g.message for g in result.guesses)


@pytest.mark.slow
def test_damaged_word_documents_never_raise_anything_but_import_failure():
    """The fixtures with random elements removed, attributes spoiled or nodes duplicated."""
    import random

    from lxml import etree

    rng = random.Random(20210324)
    for _ in range(80):
        name = rng.choice(["merged_sections.docx", "landscape.docx", "split_table.docx", "auto_numbers.docx"])
        source = zipfile.ZipFile(FIXTURES / name)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as target:
            for item in source.infolist():
                blob = source.read(item.filename)
                if item.filename in ("word/document.xml", "word/numbering.xml", "word/styles.xml"):
                    root = etree.fromstring(blob)
                    for _ in range(rng.randint(1, 6)):
                        nodes = list(root.iter())
                        node = rng.choice(nodes)
                        parent = node.getparent()
                        if parent is not None and rng.random() < 0.5:
                            parent.remove(node)
                        elif node.attrib:
                            key = rng.choice(list(node.attrib))
                            node.attrib[key] = rng.choice(["", "x", "-1", "999999", "continue"])
                        elif parent is not None:
                            parent.append(etree.fromstring(etree.tostring(rng.choice(nodes))))
                    blob = etree.tostring(root)
                target.writestr(item, blob)
        try:
            import_bytes(out.getvalue(), "damaged.docx")
        except ImportFailure:
            pass
