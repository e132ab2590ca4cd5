"""`roadmapctl report` from the command line: options, exit codes, Russian errors."""

from __future__ import annotations

import json
from datetime import date

import pytest

from conftest import ROADMAPS

SLAVSK = ROADMAPS / "slavsk-2022-2023.yaml"
TULA = ROADMAPS / "tula-2020-2021.yaml"


def test_json_for_a_party_of_one_kind(cli):
    code, out, err = cli("report", ROADMAPS, "--as-of", "01.06.2021", "--kind", "overdue", "--party", "МБОУ «Средняя школа №9»", "-f", "json")
    assert code == 0, err
    data = json.loads(out)
    # 9's rows (1.3, 4.6.1, 4.8, 4.13): only 1.3 "Март, 2021 г." is overdue on 01.06.2021
    assert [(i["number"], i["kind"], i["missed"]) for i in data["items"]] == [("1.3.", "overdue", ["2021-03-31"])]
    assert [s["municipality"] for s in data["summary"]] == ["город Мценск"]


def test_fail_on_gives_exit_1_only_when_such_items_exist(cli):
    code, _out, err = cli("report", TULA, "--as-of", "2021-06-01", "--fail-on", "overdue,unassigned", "-f", "json")
    assert code == 1 and "overdue, unassigned" in err
    code, _out, _err = cli("report", SLAVSK, "--as-of", "2021-06-01", "--fail-on", "overdue,unassigned", "-f", "json")
    assert code == 0
    # --kind narrows what is shown, not what --fail-on looks at
    code, _out, _err = cli("report", TULA, "--as-of", "2021-06-01", "--kind", "done", "--fail-on", "unassigned", "-f", "json")
    assert code == 1


def test_as_of_defaults_to_today(cli):
    code, out, _err = cli("report", SLAVSK, "-f", "json")
    assert code == 0 and json.loads(out)["as_of"] == date.today().isoformat()


def test_within_widens_upcoming(cli):
    code, out, _err = cli("report", TULA, "--as-of", "2021-06-01", "--kind", "upcoming", "--within", "61", "-f", "json")
    # 2.2 and 2.5 (30.06), 2.6 "Июль 2021" (31.07); the continuous rows end on 31.08.2021, 91 days ahead
    assert code == 0 and [i["number"] for i in json.loads(out)["items"]] == ["2.2.", "2.5.", "2.6."]


def test_files_are_written(tmp_path, cli):
    for fmt in ("xlsx", "docx", "html", "csv", "md"):
        target = tmp_path / f"отчёт.{fmt}"
        code, out, err = cli("report", ROADMAPS, "--as-of", "2021-06-01", "-f", fmt, "-o", target)
        assert code == 0 and out == "", err
        assert target.stat().st_size > 1000


@pytest.mark.parametrize("args, message", [
    (["--as-of", "2021-13-01"], "--as-of: такой даты нет"),
    (["--as-of", "завтра"], "--as-of: дата «завтра» не распознана"),
    (["--kind", "late"], "--kind: неизвестный вид «late»"),
    (["--fail-on", "всё"], "--fail-on: неизвестный вид «всё»"),
    (["--by", "месяц"], "--by: неизвестная группировка «месяц»"),
    (["-f", "pdf"], "неизвестный формат «pdf»"),
    (["--party", "Министерство просвещения"], "участник «Министерство просвещения» не найден ни в одной дорожной карте"),
    (["--within", "-5"], "--within: число дней не может быть отрицательным"),
    (["-o", TULA], "отчёт нельзя записать в файл дорожной карты"),
    (["нет-такой-папки"], "нет-такой-папки: файл или папка не найдены"),
])
def test_bad_input_is_a_russian_usage_error(args, message, cli):
    before = TULA.read_bytes()
    paths = [] if args[0] == "нет-такой-папки" else [TULA]
    code, _out, err = cli("report", *paths, *args)
    assert code == 2 and message in err and "Traceback" not in err
    assert TULA.read_bytes() == before


def test_russian_kind_names_are_accepted(cli):
    code, out, _err = cli("report", TULA, "--as-of", "2021-06-01", "-k", "без_ответственного", "-f", "json")
    assert code == 0 and {i["kind"] for i in json.loads(out)["items"]} == {"unassigned"}
