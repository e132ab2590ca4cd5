"""Values never escape their field: control characters, formulas, Markdown/HTML and calendar
line breaks in every string of a roadmap, through every writer. Expected forms are written out
by hand from RFC 5545, the OWASP CSV-injection advice and CommonMark."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
import yaml

from conftest import ROADMAPS

TULA = ROADMAPS / "tula-2020-2021.yaml"
PAYLOAD = "=1+2\x01\x1b]0;T\x07\x1b[2J\r\nX-INJ:1 <img src=x onerror=alert(1)> [l](http://e) ![p](http://e/p.png)"
FIELDS = ("муниципалитет", "текст", "название", "наименование", "имя", "мероприятие")


def hostile(tmp_path: Path) -> Path:
    """The Tula roadmap with PAYLOAD in front of every text field (written by PyYAML, which
    escapes the control characters in double quotes)."""
    data = yaml.safe_load(TULA.read_text(encoding="utf-8"))

    def walk(value, key=None):
        if isinstance(value, dict):
            return {k: walk(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v) for v in value]
        return PAYLOAD + value if isinstance(value, str) and key in FIELDS else value

    path = tmp_path / "h.yaml"
    path.write_text(yaml.safe_dump(walk(data), allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_check_reports_control_characters(tmp_path, cli):
    code, out, _err = cli("check", hostile(tmp_path), binary=True)
    assert code == 1
    assert b"RM004" in out and "U+0001 (␁)".encode() in out


@pytest.mark.parametrize("args", [
    ["check", "--no-color"], ["report", "--as-of", "2021-06-01"], ["report", "-f", "md", "--as-of", "2021-06-01"],
    ["render", "--to", "md"], ["diff", TULA],
])
def test_no_raw_escape_reaches_the_terminal(tmp_path, args, cli):
    path = hostile(tmp_path)
    command = [args[0], path, *args[1:]] if args[0] != "diff" else ["diff", args[1], path]
    code, out, err = cli(*command, binary=True)
    assert code in (0, 1), err
    assert b"\x1b" not in out and "\x1b" not in err and b"\x07" not in out
    if args[0] in ("report", "diff"):  # these quote the values themselves
        assert b"\xe2\x90\x9b" in out  # ␛, shown instead


def test_calendar_values_are_escaped(tmp_path, cli):
    target = tmp_path / "c.ics"
    code, _out, err = cli("export", hostile(tmp_path), "-f", "ics", "-o", target, binary=True)
    assert code == 0, err
    raw = target.read_bytes()
    unfolded = raw.replace(b"\r\n ", b"")
    lines = unfolded.split(b"\r\n")
    assert not any(line.startswith(b"X-INJ") for line in lines)
    assert b"\r" not in raw.replace(b"\r\n", b"")  # no bare CR
    assert b"\x01" not in raw and b"\x1b" not in raw
    [name] = [line for line in lines if line.startswith(b"X-WR-CALNAME:")]
    assert name.startswith("X-WR-CALNAME:Сроки дорожной карты: =1+2␁␛]0\\;T␇␛[2J\\nX-INJ:1".encode())


def test_csv_cells_cannot_be_formulas(tmp_path, cli):
    target = tmp_path / "r.csv"
    code, _out, err = cli("report", hostile(tmp_path), "--as-of", "2021-06-01", "-f", "csv", "-o", target, binary=True)
    assert code == 0, err
    text = target.read_text(encoding="utf-8-sig")
    assert "\"'=1+2␁␛]0;T␇␛[2J\nX-INJ:1" in text
    assert ";=1+2" not in text and "\n=1+2" not in text


def test_xlsx_values_are_data_and_the_file_opens(tmp_path, cli):
    from openpyxl import load_workbook

    target = tmp_path / "r.xlsx"
    code, _out, err = cli("report", hostile(tmp_path), "--as-of", "2021-06-01", "-f", "xlsx", "-o", target, binary=True)
    assert code == 0, err
    sheet = load_workbook(target)["Отчёт"]
    values = [c for row in sheet.iter_rows(min_row=2) for c in row if isinstance(c.value, str) and "=1+2" in c.value]
    assert values and all(c.data_type == "s" for c in values)
    assert any(c.value.startswith("=1+2␁␛]0;T␇␛[2J\nX-INJ:1") for c in values)
    with zipfile.ZipFile(target) as package:
        assert b"<f>" not in package.read("xl/worksheets/sheet1.xml")


@pytest.mark.parametrize("args", [["report", "-f", "docx", "--as-of", "2021-06-01"], ["render", "--to", "docx"]])
def test_word_documents_are_written(tmp_path, args, cli):
    import docx

    target = tmp_path / "out.docx"
    code, _out, err = cli(args[0], hostile(tmp_path), *args[1:], "-o", target, binary=True)
    assert code == 0, err
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    tables = "\n".join(c.text for t in docx.Document(str(target)).tables for r in t.rows for c in r.cells)
    assert "\x01" not in text + tables and "\x1b" not in text + tables and "X-INJ:1" in text + tables


def test_markdown_report_escapes_markup(tmp_path, cli):
    code, out, err = cli("report", hostile(tmp_path), "--as-of", "2021-06-01", "-f", "md", "--by", "party", binary=True)
    assert code == 0, err
    text = out.decode("utf-8")
    import re

    assert not re.search(r"(?<!\\)<img|(?<!\\)\]\(http|(?<!\\)!\[", text)
    assert "\\<img src=x onerror=alert(1)\\> \\[l\\](http://e) \\!\\[p\\](http://e/p.png)" in text


def test_a_stray_letter_repeated_on_one_line_is_one_finding_with_a_count(tmp_path):
    from roadmapctl.check.output import render_text
    from roadmapctl.check.runner import check_source
    from roadmapctl.loading import Source

    text = TULA.read_text(encoding="utf-8").replace("муниципалитет: город Тула", "муниципалитет: город Тула" + " х" * 4000, 1)
    source = Source(name="t.yaml", text=text)
    found = [d for d in check_source(source) if d.code == "RM606"]
    on_line = [d for d in found if d.line == 8]
    assert len(on_line) == 1 and "таких мест на этой строке: 4000" in on_line[0].message
    shown = render_text(on_line, {"t.yaml": source})
    assert len(shown) < 1000  # the quoted source is a window around the finding, not the 8 KB line
