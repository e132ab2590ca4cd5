"""Hostile Word files: what a document claims (spans, part sizes, rows) is bounded before
anything is allocated, and every refusal is a Russian message with exit code 2."""

from __future__ import annotations

import io
import re
import time
import zipfile
from pathlib import Path


from runcli import run_in_process

FIXTURES = Path(__file__).parent / "fixtures" / "import"


def _rewrite(name: str, part: str, change) -> bytes:
    source = zipfile.ZipFile(FIXTURES / name)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info.filename)
            if info.filename == part:
                body = change(body)
            target.writestr(info, body)
    return out.getvalue()


def run_import(tmp_path, data: bytes):
    path = tmp_path / "hostile.docx"
    path.write_bytes(data)
    started = time.monotonic()
    code, out, err = run_in_process("import", path)
    return code, err.decode("utf-8"), time.monotonic() - started


def test_a_huge_grid_span_is_refused_at_once(tmp_path):
    data = _rewrite("two_tables.docx", "word/document.xml",
                    lambda body: re.sub(rb"<w:tcPr>", b'<w:tcPr><w:gridSpan w:val="2147483647"/>', body, count=1))
    assert b"2147483647" in zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    code, err, seconds = run_import(tmp_path, data)
    assert code == 2 and "2147483647 колонок" in err and "Traceback" not in err, err
    assert seconds < 10


def test_a_zip_bomb_is_refused_before_unpacking(tmp_path):
    out = io.BytesIO()
    with zipfile.ZipFile(FIXTURES / "two_tables.docx") as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, source.read(info.filename))
        target.writestr("word/media/padding.bin", b"\0" * (300 * 1024 * 1024))
    code, err, seconds = run_import(tmp_path, out.getvalue())
    assert code == 2 and "распакованном виде" in err, err
    assert seconds < 10


def test_a_main_part_that_is_not_a_word_document(tmp_path):
    data = _rewrite("two_tables.docx", "word/document.xml",
                    lambda _body: b'<?xml version="1.0"?><root xmlns="urn:x"><child/></root>')
    code, err, _seconds = run_import(tmp_path, data)
    assert code == 2 and "Traceback" not in err and "внутренняя ошибка" not in err, err
    assert "hostile.docx" in err


def test_a_character_xml_does_not_allow_is_reported_as_what_it_is(tmp_path):
    """A control character (U+0001) inside the text of word/document.xml, raw or as a reference."""
    for body_change in (lambda body: body.replace(b"<w:t>", b"<w:t>\x01", 1),
                        lambda body: body.replace(b"<w:t>", b"<w:t>&#1;", 1)):
        data = _rewrite("two_tables.docx", "word/document.xml", body_change)
        code, err, _seconds = run_import(tmp_path, data)
        assert code == 2 and "есть символ, недопустимый в XML (управляющий символ в строке" in err, err
        assert "кавыч" not in err and "Error" not in err and "Traceback" not in err


def test_a_style_is_bold_as_python_docx_says_read_once_per_style():
    """The bold test of a paragraph's style reads the style map once (python-docx scanned every
    style for every paragraph: 300,000 paragraphs took ten minutes); it agrees with python-docx."""
    import docx
    from docx.shared import Pt

    from roadmapctl.importer.docx_reader import _Reader

    made = docx.Document()
    heading = made.styles.add_style("Заголовок раздела", 1)  # 1: a paragraph style
    heading.font.bold = True
    plain = made.styles.add_style("Обычный текст", 1)
    plain.font.size = Pt(11)
    unbold = made.styles.add_style("Не жирный", 1)
    unbold.font.bold = False
    for style in ("Заголовок раздела", "Обычный текст", "Не жирный", None):
        made.add_paragraph("1. Раздел", style=style)
    buffer = io.BytesIO()
    made.save(buffer)
    document = docx.Document(io.BytesIO(buffer.getvalue()))
    reader = _Reader(document, "стили.docx")
    paragraphs = document.paragraphs
    assert [reader._style_bold(p) for p in paragraphs] == [True, False, False, False]
    assert [bool(p.style.font.bold) for p in paragraphs] == [True, False, False, False]


def _declare(data: bytes, part: str, size: int) -> bytes:
    """``data`` with the size of ``part`` written as ``size`` in the zip directory and in the
    part's local header (the data itself unchanged)."""
    import struct

    out = bytearray(data)
    at = out.find(b"PK\x01\x02")
    while at >= 0:
        length = struct.unpack_from("<H", out, at + 28)[0]
        if out[at + 46:at + 46 + length] == part.encode():
            struct.pack_into("<I", out, at + 24, size)
            local = struct.unpack_from("<I", out, at + 42)[0]
            struct.pack_into("<I", out, local + 22, size)
        at = out.find(b"PK\x01\x02", at + 4)
    return bytes(out)


def test_a_part_larger_than_its_directory_says_is_refused_before_it_is_unpacked_whole(tmp_path):
    """Python's zipfile inflates a part whole and only then cuts it at the declared size: 300 MB of
    «a» declared as 1,000 bytes took 650 MB of memory before «повреждён»."""
    big = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>' \
          + b"<w:r><w:t>" + b"a" * (300 * 1024 * 1024) + b"</w:t></w:r></w:p></w:body></w:document>"
    lying = _declare(_rewrite("two_tables.docx", "word/document.xml", lambda _body: big), "word/document.xml", 1000)
    assert len(lying) < 2 * 1024 * 1024
    code, err, _seconds = run_import(tmp_path, lying)
    assert code == 2
    assert "часть word/document.xml документа Word больше, чем записано в оглавлении архива; документ повреждён" in err


def test_a_source_name_that_is_not_utf8_and_an_output_name_with_esc_import_cleanly(tmp_path):
    """A source named with bytes that are not UTF-8 ended import with «не удалось записать результат
    импорта в YAML» (its name went raw into the header comment); an output name with ESC was
    printed raw in «Дорожная карта записана в …»."""
    import os

    source = tmp_path / os.fsdecode(b"\xd0\xba\xd0\xb0\xd1\x80\xd1\x82\xd0\xb0 \xff.txt")
    source.write_text("№\tМероприятие\tСрок\tОтветственный\n1\tСовещание\tмарт 2021\tРУО\n"
                      "2\tСеминар\tапрель 2021\tРУО\n", encoding="utf-8")
    target = tmp_path / "итог\x1b[2J.yaml"
    code, out, err = run_in_process("import", source, "-o", target)
    assert code == 0, err.decode("utf-8", "replace")
    assert b"\x1b" not in out + err
    assert "Дорожная карта записана в " in err.decode("utf-8") and "итог␛[2J.yaml" in err.decode("utf-8")
    assert "из файла «карта \\xFF.txt»" in target.read_text(encoding="utf-8")
