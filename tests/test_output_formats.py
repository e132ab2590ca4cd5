"""Every output format of every command is a row of one type (``roadmapctl.outputs``), and what the
command does with a format follows from its row: ``--format`` accepts exactly the table's names and
``--help`` lists them; a report written to a file is replaced by the same command without
``--force`` (its own output, in any of its formats), a user's file is not."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import ROADMAPS

from roadmapctl.check.output import FORMATS as CHECK
from roadmapctl.cli.explain import FORMATS as EXPLAIN
from roadmapctl.cli.rules import FORMATS as RULES
from roadmapctl.diff.output import FORMATS as DIFF
from roadmapctl.export import FORMATS as EXPORT
from roadmapctl.outputs import OutputFormat, find, replaceable, spoken
from roadmapctl.render.formats import FORMATS as RENDER
from roadmapctl.report.formats import FORMATS as REPORT

TULA = ROADMAPS / "tula-2020-2021.yaml"
BAUNT = ROADMAPS / "baunt-2021-2022.yaml"

# The commands that write reports, the option that names the format, and their arguments: for the
# first run, and for a second run whose report differs (so that the file is really replaced).
WRITERS = {
    "check": (CHECK, "--format", lambda one, other, again: ["check", one, *([other] if again else [])]),
    "report": (REPORT, "--format", lambda one, other, again: ["report", one, *([other] if again else []),
                                                              "--as-of", "2021-06-01"]),
    "render": (RENDER, "--to", lambda one, other, again: ["render", one]),  # the roadmap's text changes
    "export": (EXPORT, "--format", lambda one, other, again: ["export", one, *([other] if again else [])]),
    "diff": (DIFF, "--format", lambda one, other, again: ["diff", *((other, one) if again else (one, other))]),
}
SCREEN_ONLY = {"rules": RULES, "explain": EXPLAIN}
ALL = {**{name: table for name, (table, _option, _args) in WRITERS.items()}, **SCREEN_ONLY}
CASES = [(command, row.name) for command, (table, _o, _a) in WRITERS.items() for row in table.values()]


@pytest.fixture
def inputs(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "Мои дорожные карты"
    folder.mkdir()
    shutil.copy(TULA, folder / "Тула 2020.yaml")
    shutil.copy(BAUNT, folder / "Баунт 2021.yaml")
    return folder / "Тула 2020.yaml", folder / "Баунт 2021.yaml"


def test_every_table_is_made_of_rows_with_unique_names_and_suffixes():
    for command, table in ALL.items():
        assert table, command
        for name, row in table.items():
            assert isinstance(row, OutputFormat) and row.name == name, (command, name)
            assert row.suffixes and all(s.startswith(".") for s in row.suffixes), (command, name)
            assert not (row.binary and row.text), (command, name)
        for command_name, (writers, _o, _a) in WRITERS.items():
            assert all(row.ours is not None for row in writers.values()), command_name
    assert all(row.ours is None for table in SCREEN_ONLY.values() for row in table.values())


@pytest.mark.parametrize("command", sorted(ALL))
def test_help_and_choices_come_from_the_table(command, cli):
    table = ALL[command]
    option = WRITERS[command][1] if command in WRITERS else "--format"
    from roadmapctl.cli import build_command

    [param] = [p for p in build_command().commands[command].params if option in getattr(p, "opts", ())]
    described = param.help.split(".")[0]
    assert [name for name in re.findall(r"\b[a-z]+\b", described) if name in table] == list(table), described
    code, _out, err = cli(command, *(["x"] if command == "explain" else []), option, "нет-такого")
    assert code == 2 and "неизвестный формат «нет-такого»" in err
    with pytest.raises(ValueError, match="допустимы: " + ", ".join(table)):
        find(table, "нет-такого")


@pytest.mark.parametrize("command, name", CASES)
def test_a_command_replaces_its_own_report_and_keeps_a_users_file(command, name, inputs, tmp_path, cli):
    table, option, arguments = WRITERS[command]
    row = table[name]
    target = tmp_path / "Отчёты за год" / f"Отчёт {command}{row.suffix}"
    target.parent.mkdir()
    first, _out, err = cli(*arguments(*inputs, False), option, name, "-o", target)
    assert first in (0, 1) and target.exists(), err
    written = target.read_bytes()
    assert row.ours is not None and row.ours(written), f"{command} --format {name}: its own report is not recognised"
    # the command again, with a different report, without --force: it replaces its own report
    one = inputs[0]
    one.write_text(one.read_text(encoding="utf-8").replace("Корректировка", "Уточнение", 1), encoding="utf-8")
    args = [*arguments(*inputs, True), option, name, "-o", target]
    again, _out, err = cli(*args)
    assert again in (0, 1), err
    assert target.read_bytes() != written and row.ours(target.read_bytes())
    users = "Мои заметки о ходе реализации\n".encode()
    target.write_bytes(users)
    refused, _out, err = cli(*args)
    assert refused == 2 and "--force" in err
    assert target.read_bytes() == users


def test_the_test_above_catches_a_format_that_does_not_know_its_own_report(inputs, tmp_path, cli, monkeypatch):
    """The bug it is for: a new ``check`` format whose report the overwrite rule does not recognise
    refuses, on the second run, to replace the report it wrote on the first."""
    from roadmapctl.check.output import Format
    from roadmapctl.own_output import check_report

    row = Format("xml", (".xml",), lambda findings, _color: f"<checked files='{findings.files}'/>\n", check_report)
    monkeypatch.setitem(CHECK, "xml", row)
    target = tmp_path / "отчёт.xml"
    assert cli("check", inputs[0], "--format", "xml", "-o", target)[0] in (0, 1)
    assert not row.ours(target.read_bytes())
    code, _out, err = cli("check", *inputs, "--format", "xml", "-o", target)
    assert code == 2 and "--force" in err


def test_the_overwrite_rule_is_any_row_of_the_same_command():
    report_json = b'{"as_of": "2021-06-01", "items": [], "summary": []}'
    assert replaceable(REPORT)(report_json) and not replaceable(CHECK)(report_json)
    assert spoken(["docx", "html", "md"]) == "docx, html или md" and spoken(["json"]) == "json"
