"""`roadmapctl render` as a user runs it: outputs, replacing files safely, errors in Russian."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys

import pytest

from conftest import ROADMAPS

TULA = ROADMAPS / "tula-2020-2021.yaml"
MTSENSK = ROADMAPS / "mtsensk-2021-2022.yaml"


def test_markdown_and_html_of_one_roadmap_go_to_stdout(cli):
    code, out, _err = cli("render", TULA, "--to", "md", binary=True)
    assert code == 0 and out.decode("utf-8").startswith("Приложение №\u00a02\\\n")
    code, out, _err = cli("render", TULA, "-t", "html", binary=True)
    assert code == 0 and out.startswith(b"<!DOCTYPE html>")


def test_docx_asks_for_a_file_and_many_roadmaps_ask_for_a_folder(cli):
    code, out, err = cli("render", TULA, "--to", "docx", binary=True)
    assert code == 2 and not out and "-o" in err and "DOCX" in err
    code, out, err = cli("render", ROADMAPS, "--to", "md", binary=True)
    assert code == 2 and not out and "укажите папку" in err


def test_format_from_the_file_name_and_mismatch(tmp_path, cli):
    code, _out, _err = cli("render", TULA, "-o", tmp_path / "a.docx", binary=True)
    assert code == 0 and (tmp_path / "a.docx").read_bytes().startswith(b"PK")
    code, _out, err = cli("render", TULA, "--to", "html", "-o", tmp_path / "a.md", binary=True)
    assert code == 2 and "не подходит" in err
    code, _out, err = cli("render", TULA, "-o", tmp_path / "a.txt", binary=True)
    assert code == 2 and "укажите формат" in err
    code, _out, err = cli("render", TULA, "--to", "pdf", binary=True)
    assert code == 2 and "неизвестный формат «pdf»" in err


@pytest.mark.slow
def test_a_folder_gets_one_file_per_roadmap_and_reruns_change_nothing(tmp_path, cli):
    out = tmp_path / "out"
    code, _out, err = cli("render", ROADMAPS, "--to", "docx", "-o", out, binary=True)
    assert code == 0, err
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(p.stem + ".docx" for p in ROADMAPS.glob("*.yaml"))
    assert "записано 5 файлов" in err
    before = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    code, _out, err = cli("render", ROADMAPS, "--to", "docx", "-o", out, binary=True)
    assert code == 0 and "без изменений 5" in err
    assert before == {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    # One roadmap into an existing folder: named after the roadmap.
    code, _out, _err = cli("render", TULA, "--to", "md", "-o", out, binary=True)
    assert code == 0 and (out / "tula-2020-2021.md").exists()


def test_a_users_file_is_never_replaced_without_force(tmp_path, cli):
    target = tmp_path / "notes.md"
    target.write_text("мои заметки\n", encoding="utf-8")
    code, _out, err = cli("render", TULA, "-o", target, binary=True)
    assert code == 2 and "создан не командой render" in err and "--force" in err
    assert target.read_text(encoding="utf-8") == "мои заметки\n"
    code, _out, _err = cli("render", TULA, "-o", target, "--force", binary=True)
    assert code == 0 and target.read_text(encoding="utf-8").startswith("Приложение")


@pytest.mark.parametrize("suffix", [".md", ".html", ".docx"])
def test_rendering_of_another_roadmap_or_an_edited_one_is_kept(tmp_path, suffix, cli):
    target = tmp_path / f"r{suffix}"
    assert cli("render", TULA, "-o", target, binary=True)[0] == 0
    code, _out, err = cli("render", MTSENSK, "-o", target, binary=True)
    assert code == 2 and "другая дорожная карта (tula-2020-2021.yaml)" in err
    data = target.read_bytes()
    if suffix == ".docx":
        import io
        import zipfile

        edited = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(edited, "w") as dst:
            for info in src.infolist():
                blob = src.read(info)
                if info.filename == "word/document.xml":
                    blob = blob.replace("Тулы".encode(), "Тулы!".encode(), 1)
                dst.writestr(info, blob)
        target.write_bytes(edited.getvalue())
    else:
        target.write_bytes(data.replace("Тулы".encode(), "Тулы!".encode(), 1))
    code, _out, err = cli("render", TULA, "-o", target, binary=True)
    assert code == 2 and "изменён после создания" in err


def test_a_newer_rendering_of_the_same_roadmap_replaces_the_old(tmp_path, cli):
    source = tmp_path / "tula-2020-2021.yaml"
    source.write_bytes(TULA.read_bytes())
    target = tmp_path / "tula.md"
    assert cli("render", source, "-o", target, binary=True)[0] == 0
    source.write_text(TULA.read_text(encoding="utf-8").replace("Декабрь 2020", "Январь 2021", 1), encoding="utf-8")
    code, _out, err = cli("render", source, "-o", target, binary=True)
    assert code == 0 and "записано 1 файл" in err
    assert "Январь 2021" in target.read_text(encoding="utf-8")


def test_a_rendering_by_a_newer_roadmapctl_is_kept(tmp_path, cli):
    target = tmp_path / "tula.md"
    assert cli("render", TULA, "-o", target, binary=True)[0] == 0
    text = target.read_text(encoding="utf-8")
    body, mark = text.rstrip("\n").rsplit("\n", 1)
    body = body.replace("Декабрь 2020", "Январь 2021", 1) + "\n"
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
    mark = mark.replace("roadmapctl 0.", "roadmapctl 99.", 1)
    mark = mark[: mark.index("sha256=") + 7] + digest + " -->"
    target.write_text(body + mark + "\n", encoding="utf-8")
    code, _out, err = cli("render", TULA, "-o", target, binary=True)
    assert code == 2 and "более новой версией" in err


def test_a_broken_roadmap_fails_alone(tmp_path, cli):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.yaml").write_bytes(TULA.read_bytes())
    (folder / "bad.yaml").write_text("версия_формата: 1\nназвание: [\n", encoding="utf-8")
    code, _out, err = cli("render", folder, "--to", "html", "-o", tmp_path / "out", binary=True)
    assert code == 1  # a file that is not YAML at all: an invalid roadmap, as in check
    assert (tmp_path / "out" / "good.html").exists() and not (tmp_path / "out" / "bad.html").exists()
    assert "bad.yaml:3:1: RM001 ошибка: ошибка синтаксиса YAML" in err
    (folder / "bad.yaml").write_text("версия_формата: 1\nназвание: Дорожная карта\n", encoding="utf-8")
    code, _out, err = cli("render", folder, "--to", "html", "-o", tmp_path / "out", binary=True)
    assert code == 1  # YAML that breaks the schema: the findings of check
    assert "roadmapctl check" in err and not (tmp_path / "out" / "bad.html").exists()


def test_standard_input(cli):
    code, out, _err = cli("render", "-", "--to", "md", stdin=TULA.read_bytes(), binary=True)
    assert code == 0 and "Приложение" in out.decode("utf-8")


def test_options_are_checked(tmp_path, cli):
    code, _out, err = cli("render", TULA, "--to", "html", "--gantt", binary=True)
    assert code == 2 and "--gantt" in err
    code, _out, err = cli("render", TULA, "--to", "md", "--template", tmp_path / "нет", binary=True)
    assert code == 2 and "папка шаблонов не найдена" in err
    code, _out, err = cli("render", TULA, "--to", "md", "--gost", "2000", binary=True)
    assert code == 2 and "2016, 2025" in err
    code, out, _err = cli("render", TULA, "--to", "md", "--gost", "2016", "--gantt", binary=True)
    assert code == 0 and b"```mermaid" in out


def test_with_order_notes_a_roadmap_without_the_order_text(cli):
    code, out, err = cli("render", TULA, "--to", "md", "--with-order", binary=True)
    assert code == 0 and "нет текста приказа" in err and out.startswith("Приложение".encode())


def test_own_templates_and_their_errors(tmp_path, cli):
    (tmp_path / "roadmap.md.j2").write_text("{{ doc.title|md }} — {{ doc.tables|length }}\n", encoding="utf-8")
    code, out, _err = cli("render", TULA, "--to", "md", "--template", tmp_path, binary=True)
    assert code == 0 and out.decode("utf-8").startswith("«Дорожная карта» мероприятий")
    code, out, _err = cli("render", TULA, "--to", "html", "--template", tmp_path, binary=True)  # not overridden: ours
    assert code == 0 and out.startswith(b"<!DOCTYPE html>")
    (tmp_path / "roadmap.md.j2").write_text("{% for x in %}\n", encoding="utf-8")
    code, _out, err = cli("render", TULA, "--to", "md", "--template", tmp_path, binary=True)
    assert code == 2 and "ошибка в шаблоне" in err and "строка 1" in err
    (tmp_path / "roadmap.md.j2").write_text("{{ doc.nothing }}\n", encoding="utf-8")
    code, _out, err = cli("render", TULA, "--to", "md", "--template", tmp_path, binary=True)
    assert code == 2 and "ошибка в шаблоне" in err
    (tmp_path / "style.yaml").write_text("размер_текста: 20\n", encoding="utf-8")
    code, _out, err = cli("render", TULA, "--to", "docx", "-o", tmp_path / "x.docx", "--template", tmp_path, binary=True)
    assert code == 2 and "12–14" in err and not (tmp_path / "x.docx").exists()


def test_help_is_russian():
    proc = subprocess.run([sys.executable, "-m", "roadmapctl", "render", "--help"], capture_output=True)
    text = proc.stdout.decode("utf-8")
    assert proc.returncode == 0 and "Оформить дорожную карту" in text and "--with-order" in text


def test_importing_render_does_not_import_python_docx_or_jinja():
    code = ("import sys, roadmapctl.render, roadmapctl.render.view, roadmapctl.cli.render;"
            "print('docx' in sys.modules, 'jinja2' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


@pytest.mark.skipif(not __import__("shutil").which("script"), reason="нет программы script (util-linux) для терминала")
def test_progress_bar_on_a_terminal(tmp_path):
    command = f"{sys.executable} -m roadmapctl render {ROADMAPS} --to md -o {tmp_path}"
    proc = subprocess.run(["script", "-qec", command, "/dev/null"], capture_output=True)
    text = proc.stdout.decode("utf-8", "replace")
    assert proc.returncode == 0 and "Оформление" in text and "5/5" in text


def test_a_failing_own_template_is_a_message_not_a_traceback(tmp_path, cli):
    (tmp_path / "roadmap.html.j2").write_text("{{ 1 / 0 }}\n", encoding="utf-8")
    code, _out, err = cli("render", TULA, "--to", "html", "--template", tmp_path, binary=True)
    assert code == 2 and "ошибка при заполнении шаблона" in err and "ZeroDivisionError" in err


@pytest.mark.parametrize("fmt", ["docx", "html", "md"])
def test_the_bundled_appendices_render_byte_identically_run_to_run(tmp_path, fmt):
    """Two separate runs (other hash seeds, other folders) give the same bytes for all five."""
    outputs = []
    for seed in ("1", "2"):
        folder = tmp_path / f"run{seed}"
        env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "NO_COLOR")}
        env["PYTHONHASHSEED"] = seed
        proc = subprocess.run([sys.executable, "-m", "roadmapctl", "render", str(ROADMAPS), "--to", fmt, "-o", str(folder)],
                              capture_output=True, env=env)
        assert proc.returncode == 0, proc.stderr.decode("utf-8")
        outputs.append({p.name: p.read_bytes() for p in sorted(folder.iterdir())})
    assert len(outputs[0]) == 5
    assert outputs[0] == outputs[1]


def test_format_choices_are_the_table_of_formats(cli):
    from roadmapctl.cli import build_command
    from roadmapctl.render.formats import FORMATS, choose_format

    names = list(FORMATS)
    spoken = f"{', '.join(names[:-1])} или {names[-1]}"
    [to] = [p for p in build_command().commands["render"].params if "--to" in p.opts]
    assert f"Формат: {spoken} " in to.help
    for fmt in FORMATS.values():  # a format is known by its name, its aliases and its suffixes
        for name in (fmt.name, *fmt.aliases, *fmt.suffixes):
            assert choose_format(name, None) is fmt
        for suffix in fmt.suffixes:
            assert choose_format(None, f"a{suffix.upper()}") is fmt
    code, out, err = cli("render", TULA, "--to", "xml", binary=True)
    assert code == 2 and not out and f"неизвестный формат «xml»; допустимы: {spoken}" in err


def test_blank_approval_stamp_where_the_roadmap_has_none(tmp_path, cli):
    import docx

    aban = ROADMAPS / "aban-2020-2023.yaml"
    target = tmp_path / "Приложение Абан.docx"
    code, _out, err = cli("render", aban, "--blank-approval", "-o", target, binary=True)
    assert code == 0, err
    paragraphs = [p.text for p in docx.Document(str(target)).paragraphs]
    # Абан's source has no stamp: one to fill in by hand comes before the title
    assert paragraphs[:5] == [
        "УТВЕРЖДАЮ",
        "______________________________",
        "______________________________",
        "____________ ________________",
        "«____»\u00a0____________\u00a020___\u00a0г.",
    ]
    assert paragraphs[5].startswith("Комплекс мер")
    # a roadmap with its own stamp keeps it: Баунт's «УТВЕРЖДАЮ … В.М. Гомбоева»
    code, out, _err = cli("render", ROADMAPS / "baunt-2021-2022.yaml", "--blank-approval", "--to", "md", binary=True)
    assert code == 0 and "Гомбоева" in out.decode("utf-8") and "«\\_\\_\\_\\_»" not in out.decode("utf-8")
