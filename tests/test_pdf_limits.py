"""PDF parsing is bounded: a stream that inflates past the limit and a page with too many glyphs
are refused with a Russian message before PDFium is asked to build them."""

from __future__ import annotations

import zlib

import pytest

from roadmapctl.importer.grid import ImportFailure
from roadmapctl.importer.pdf_reader import (
    MAX_INFLATED,
    MAX_PAGE_CHARS,
    inflated_size,
    read_pdf,
)


def _pdf(content: bytes, flate: bool = False) -> bytes:
    stream = zlib.compress(content, 9) if flate else content
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R "
                b"/Resources << /Font << /F1 5 0 R >> >> >>"),
               b"<< /Length %d%s >>\nstream\n" % (len(stream), b" /Filter /FlateDecode" if flate else b"")
               + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_the_inflated_size_is_counted_by_hand():
    assert inflated_size(_pdf(b"x" * 1000, flate=True)) == 1000
    assert inflated_size(_pdf(b"BT ET")) == 0  # an uncompressed stream is not Flate


def test_a_decompression_bomb_is_refused_before_pdfium_reads_it():
    bomb = _pdf(b"\0" * (MAX_INFLATED + (1 << 20)), flate=True)
    assert len(bomb) < 1024 * 1024
    with pytest.raises(ImportFailure, match=r"^бомба\.pdf: сжатые данные PDF распаковываются больше чем в 512 МБ"):
        read_pdf(bomb, "бомба.pdf")


def test_a_page_with_too_many_glyphs_is_refused():
    pytest.importorskip("pypdfium2")
    runs = MAX_PAGE_CHARS // 1000 + 1  # PDFium keeps at most 32767 characters of one text object
    text = b"BT /F1 1 Tf 0 0 Td " + b"".join(b"(" + b"A" * 1000 + b") Tj " for _ in range(runs)) + b"ET"
    with pytest.raises(ImportFailure) as caught:
        read_pdf(_pdf(text, flate=True), "глифы.pdf")
    assert str(caught.value).startswith(
        f"глифы.pdf: на странице 1 PDF {runs * 1000} символов, а допустимо до {MAX_PAGE_CHARS}")
