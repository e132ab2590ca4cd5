"""Every text for people shows control, bidirectional and zero-width characters visibly, with one
function (``writing.visible``); a file name whose bytes are not UTF-8 is shown with escapes in
every format and command, never an internal error."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from roadmapctl.writing import visible

from conftest import ROADMAPS
from test_check_rules import HEAD, activity


def test_visible_by_hand():
    assert visible("а\u200bб") == "а<U+200B>б"
    assert visible("\u202eтекст\u2066") == "<U+202E>текст<U+2066>"
    assert visible("\ufeffа\u2060б\u200c\u200d") == "<U+FEFF>а<U+2060>б<U+200C><U+200D>"
    assert visible("\x1b]0;x\x07") == "␛]0;x␇"
    assert visible("папка/\udcff\udcfe имя") == "папка/\\xFF\\xFE имя"
    assert visible("обычный текст\tс табуляцией\n") == "обычный текст\tс табуляцией\n"
    assert visible("\x1b[1mжирный\x1b[0m", keep_color=True) == "\x1b[1mжирный\x1b[0m"


def _non_utf8_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "карты"
    folder.mkdir()
    name = os.fsdecode(b"\xff\xfe \xd0\xba\xd0\xb0\xd1\x80\xd1\x82\xd0\xb0.yaml")  # «\xFF\xFE карта.yaml»
    target = folder / name
    try:
        target.write_bytes((ROADMAPS / "aban-2020-2023.yaml").read_bytes())
    except (OSError, UnicodeError):
        pytest.skip("this file system does not take a name that is not UTF-8")
    return folder


needs_bytes_names = pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="names are Unicode there")


@needs_bytes_names
@pytest.mark.parametrize("fmt", ["text", "concise", "json", "github", "gitlab", "sarif"])
def test_check_in_every_format_on_a_name_that_is_not_utf8(tmp_path, cli, fmt):
    folder = _non_utf8_copy(tmp_path)
    code, out, err = cli("check", "-f", fmt, folder)
    assert code == 0 and "внутренняя ошибка" not in err, err  # warnings only
    if fmt in ("text", "concise", "github"):
        assert "\\xFF\\xFE карта.yaml" in out
    elif fmt == "sarif":
        assert "%FF%FE%20%D0%BA%D0%B0%D1%80%D1%82%D0%B0.yaml" in out
    else:
        assert "\\udcff\\udcfe карта.yaml" in out  # JSON escapes the byte


@needs_bytes_names
@pytest.mark.parametrize("args", [("render", "--to", "md"), ("render", "--to", "html"), ("render", "--to", "docx"),
                                  ("export", "-f", "ics"), ("export", "-f", "json"), ("report", "-f", "md")])
def test_other_commands_on_a_name_that_is_not_utf8(tmp_path, cli, args):
    folder = _non_utf8_copy(tmp_path)
    out_dir = tmp_path / "вывод"
    out_dir.mkdir()
    extra = {"report": (), "export": ("-o", str(out_dir / f"выгрузка.{args[-1]}"))}.get(args[0], ("-o", str(out_dir) + os.sep))
    code, _out, err = cli(*args, folder, *extra)
    assert code in (0, 1) and "внутренняя ошибка" not in err, err


def test_explain_shows_escape_bell_and_bidi(cli):
    code, out, _err = cli("explain", "март \x1b]0;x\x07 \u202e 2021")
    assert code == 0 and "«март ␛]0;x␇ <U+202E> 2021»" in out
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out


def test_fix_diff_shows_a_bidi_override(tmp_path, cli):
    path = tmp_path / "карта.yaml"
    path.write_text(HEAD + activity(text="Создание  команды \u202eзеркало"), encoding="utf-8")
    _code, out, _err = cli("check", "--fix", "--diff", path)
    assert "\u202e" not in out and "<U+202E>зеркало" in out, out


def test_a_name_differing_by_a_zero_width_space_is_shown(tmp_path, cli):
    path = tmp_path / "карта.yaml"
    path.write_text(HEAD + activity(responsible='["УО\u200b"]'), encoding="utf-8")
    code, out, _err = cli("check", "-f", "concise", path)
    assert code == 0
    assert "участник «УО» похож на «УО<U+200B>»: написания отличаются только невидимым символом (U+200B)" in out
    assert "\u200b" not in out


@pytest.mark.parametrize(("to", "expected"), [("md", "Создание <U+202E>команды<U+200B> и"),
                                              ("html", "Создание &lt;U+202E&gt;команды&lt;U+200B&gt; и")])
def test_rendered_documents_show_bidi_and_zero_width_characters(tmp_path, cli, to, expected):
    path = tmp_path / "карта.yaml"
    path.write_text(HEAD + activity(text="Создание \u202eкоманды\u200b и"), encoding="utf-8")
    code, _out, err = cli("render", path, "--to", to, "-o", tmp_path / f"документ.{to}")
    assert code == 0, err
    text = (tmp_path / f"документ.{to}").read_text(encoding="utf-8")
    assert expected in text and "\u202e" not in text and "\u200b" not in text


def test_json_for_a_terminal_escapes_what_would_act_or_hide_and_reads_back_the_same():
    import json

    from roadmapctl.writing import json_text

    data = {"файл": "x\u202eevil\u200b.yaml", "текст": "Ремонт\x7f школы\u2066", "ESC": "\x1b[2J"}
    text = json_text(data, indent=None)
    assert text == ('{"файл": "x\\u202eevil\\u200b.yaml", "текст": "Ремонт\\u007f школы\\u2066", '
                    '"ESC": "\\u001b[2J"}')
    assert json.loads(text) == data
