"""`roadmapctl import` and `roadmapctl new` as a user runs them: output, files, exit codes, messages."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import SEEDS

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "import"
TULA = next(SEEDS.glob("002_*.txt"))


def test_import_prints_yaml_and_lists_guesses_at_the_end(cli):
    code, out, err = cli("import", str(TULA))
    assert code == 0, err
    assert out.startswith("# yaml-language-server: $schema=")  # resolved from the current folder
    assert yaml.safe_load(out)["период"] == "2020-2021 учебный год"
    assert "пришлось действовать по догадке" in err
    assert "ЦНППМ" in err
    assert "Проверка результата: ошибок нет" in err
    assert "Traceback" not in err


def test_import_writes_a_file_and_never_overwrites_without_force(tmp_path, cli):
    target = tmp_path / "tula.yaml"
    code, out, err = cli("import", str(TULA), "-o", str(target))
    assert code == 0, err
    assert out == ""
    first = target.read_text(encoding="utf-8")
    target.write_text("# мои правки\n", encoding="utf-8")
    code, _out, err = cli("import", str(TULA), "-o", str(target))
    assert code == 2
    assert "уже существует" in err and "--force" in err
    assert target.read_text(encoding="utf-8") == "# мои правки\n"
    code, _out, err = cli("import", str(TULA), "-o", str(target), "--force")
    assert code == 0, err
    assert target.read_text(encoding="utf-8") == first
    code, _out, err = cli("check", str(target))
    assert code == 0, err


def test_import_into_a_folder_and_from_standard_input(tmp_path, cli):
    code, _out, err = cli("import", str(FIXTURES / "two_tables.docx"), "-o", str(tmp_path))
    assert code == 0, err
    assert (tmp_path / "two_tables.yaml").exists()
    code, out, err = cli("import", "-", stdin=TULA.read_bytes())
    assert code == 0, err
    assert "таблицы:" in out


def test_import_options_fill_what_the_document_lacks(cli):
    code, out, err = cli("import", str(FIXTURES / "split_table.docx"), "--municipality", "город Примерск",
                         "--authority", "Управление образования администрации города Примерска", "--region",
                         "Примерская область")
    assert code == 0, err
    doc = yaml.safe_load(out)
    assert doc["муниципалитет"] == "город Примерск"
    assert doc["регион"] == "Примерская область"
    assert doc["орган"]["наименование"] == "Управление образования администрации города Примерска"


@pytest.mark.parametrize("content, message", [
    (b"", "файл пуст"),
    (b"PK\x03\x04 broken zip", "не документ Word"),
    ("Только текст, таблицы нет".encode(), "нет таблицы"),
    ("a\tb\tc\n1\t2\t3\n".encode(), "нет узнаваемой строки заголовка"),
])
def test_bad_input_exits_2_with_a_russian_message(tmp_path, content, message, cli):
    path = tmp_path / "input.docx"
    path.write_bytes(content)
    code, out, err = cli("import", str(path))
    assert code == 2
    assert out == ""
    assert message in err
    assert "Traceback" not in err


def test_missing_file_and_folder_exit_2(tmp_path, cli):
    code, _out, err = cli("import", str(tmp_path / "нет.docx"))
    assert code == 2 and "не найден" in err
    code, _out, err = cli("import", str(tmp_path))
    assert code == 2 and "папка" in err


def test_import_with_errors_in_the_result_exits_1(tmp_path, cli):
    path = tmp_path / "dup.txt"
    path.write_text("Дорожная карта на 2021-2022 годы\n№\tМероприятие\tСрок\n1.\tПервое\tМарт 2021\n1.\tВторое\tМай 2021\n",
                    encoding="utf-8")
    target = tmp_path / "dup.yaml"
    code, _out, err = cli("import", str(path), "-o", str(target))
    assert code == 1
    assert "RM201" in err and "ошибки" in err
    assert target.exists()  # written, so that the user can fix it


def test_new_writes_a_skeleton_that_passes_check(tmp_path, cli):
    target = tmp_path / "новая.yaml"
    code, _out, err = cli("new", str(target), "--municipality", "город Примерск", "--period", "2025-2026")
    assert code == 0, err
    assert "Создана заготовка" in err
    code, out, err = cli("check", str(target))
    assert code == 0, err
    assert "Ошибок: 0, предупреждений: 0" in out
    code, _out, err = cli("new", str(target), "--municipality", "город Примерск", "--period", "2025-2026")
    assert code == 2 and "уже существует" in err


def test_new_refuses_a_bad_period_in_russian(tmp_path, cli):
    code, _out, err = cli("new", str(tmp_path / "x.yaml"), "--municipality", "город Примерск", "--period", "2026-2025")
    assert code == 2
    assert "период" in err or "конец" in err
    assert "Traceback" not in err


def test_new_to_standard_output_and_help_in_russian(cli):
    code, out, err = cli("new", "-", "--municipality", "Абанский район", "--period", "2025-2026 учебный год",
                         "--authority", "Управление образования администрации Абанского района", "--short", "УО")
    assert code == 0, err
    doc = yaml.safe_load(out)
    assert doc["орган"] == {"наименование": "Управление образования администрации Абанского района", "краткое": "УО"}
    assert doc["таблицы"][0]["разделы"][0]["мероприятия"][0]["срок"] == "Сентябрь 2025 года"
    code, out, _err = cli("new", "--help")
    assert code == 0 and "заготовка" in out
    code, out, _err = cli("import", "--help")
    assert code == 0 and "угадать" in out
