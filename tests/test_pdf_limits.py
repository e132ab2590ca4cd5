"""PDF parsing is bounded: a stream that decodes past the limit through any filter chain, a file
with too many objects and a page with too many glyphs are refused with a Russian message before
PDFium is asked to build them."""

from __future__ import annotations

import base64
import binascii
import time
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from roadmapctl.importer.grid import ImportFailure
from roadmapctl.importer.pdf_limits import MAX_DECODED, MAX_OBJECTS, MAX_SLOW_INPUT, PdfLimit, measure
from roadmapctl.importer.pdf_reader import MAX_PAGE_CHARS, read_pdf


def _pdf(content: bytes, flate: bool = False, filters: bytes | None = None, stream: bytes | None = None,
         extra: list[bytes] | None = None) -> bytes:
    """A one-page PDF whose content stream is ``content`` (or the raw ``stream`` with ``filters``)."""
    if stream is None:
        stream = zlib.compress(content, 9) if flate else content
    if filters is None:
        filters = b" /Filter /FlateDecode" if flate else b""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R "
                b"/Resources << /Font << /F1 5 0 R >> >> >>"),
               b"<< /Length %d%s >>\nstream\n" % (len(stream), filters) + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", *(extra or [])]
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
    assert measure(_pdf(b"x" * 1000, flate=True)).decoded == 1000
    assert measure(_pdf(b"BT ET")).decoded == 0  # an uncompressed stream is not decoded


def test_a_decompression_bomb_is_refused_before_pdfium_reads_it():
    bomb = _pdf(b"x" * (MAX_DECODED + (1 << 20)), flate=True)
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


# --- filter chains: each stage's output is counted (PDFium keeps each stage whole) -----------------

def _stage_sizes(data: bytes) -> int:
    return measure(data).decoded


def test_each_filter_alone_is_decoded_and_counted_by_hand():
    # ASCIIHex «48 65 6C 6C 6F» is 5 bytes, white space and the end mark «>» as the spec has them
    assert _stage_sizes(_pdf(b"", stream=b"48 65 6C\n6C 6F>", filters=b" /Filter /ASCIIHexDecode")) == 5
    # an odd digit at the end stands for a trailing 0: «7» is one byte more
    assert _stage_sizes(_pdf(b"", stream=b"41427>", filters=b" /Filter /AHx")) == 3
    # ASCII85: «z» is four zero bytes; «87cUR» is «Hell»; «~>» ends the data
    assert _stage_sizes(_pdf(b"", stream=b"z87cUR~>", filters=b" /Filter /ASCII85Decode")) == 8
    # RunLength: 2 = three literal bytes, 254 = «x» three times, 128 ends
    assert _stage_sizes(_pdf(b"", stream=bytes([2]) + b"abc" + bytes([254]) + b"x" + bytes([128]),
                             filters=b" /Filter /RunLengthDecode")) == 6
    # LZW: the PDF reference's own example (7.4.4.2) decodes to «-----A---B»
    assert _stage_sizes(_pdf(b"", stream=bytes.fromhex("800B6050220C0C8501"), filters=b" /Filter /LZWDecode")) == 10


def test_a_bomb_behind_ascii85_is_counted_through_the_chain():
    """A Flate bomb wrapped in ASCII85 was invisible to a scan that tried Flate on raw streams."""
    inner = zlib.compress(b"x" * (MAX_DECODED + (1 << 20)), 9)
    stream = base64.a85encode(inner) + b"~>"
    bomb = _pdf(b"", stream=stream, filters=b" /Filter [/ASCII85Decode /FlateDecode]")
    with pytest.raises(ImportFailure, match=r"^бомба\.pdf: сжатые данные PDF распаковываются больше чем в 512 МБ"):
        read_pdf(bomb, "бомба.pdf")


def test_a_bomb_behind_hex_an_escaped_name_and_an_indirect_filter_is_counted():
    inner = zlib.compress(b"x" * (MAX_DECODED + (1 << 20)), 9)
    hexed = binascii.hexlify(inner) + b">"
    escaped = _pdf(b"", stream=hexed, filters=b" /Filter [/ASCIIHexDecode /Fl#61teDecode]")
    with pytest.raises(PdfLimit, match="распаковываются"):
        measure(escaped)
    indirect = _pdf(b"", stream=hexed, filters=b" /Filter 6 0 R", extra=[b"[/AHx /Fl]"])
    with pytest.raises(PdfLimit, match="распаковываются"):
        measure(indirect)


def test_a_chain_stops_at_an_image_filter():
    # Flate's output (the JPEG bytes) is counted; PDFium does not decode a JPEG to read text
    data = _pdf(b"", stream=zlib.compress(b"\xff\xd8" + b"j" * 998), filters=b" /Filter [/FlateDecode /DCTDecode]")
    assert measure(data).decoded == 1000


def test_slow_decoders_have_their_own_budget():
    stream = (bytes([129]) + b"x") * (MAX_SLOW_INPUT // 2 + 1024)  # RunLength: 128 «x» from every 2 bytes
    with pytest.raises(PdfLimit, match="LZW или RunLength"):
        measure(_pdf(b"", stream=stream, filters=b" /Filter /RunLengthDecode"))


# --- objects: what PDFium builds one by one --------------------------------------------------------

def test_a_huge_array_in_a_small_file_is_refused_as_too_many_objects():
    """20 million zeros in one TJ array: 40 KB of Flate, 1.1 GB inside PDFium (measured)."""
    content = b"BT /F1 12 Tf 10 10 Td [" + b"0 " * (MAX_OBJECTS + 1000) + b"] TJ ET"
    bomb = _pdf(content, flate=True)
    assert len(bomb) < 64 * 1024
    with pytest.raises(ImportFailure) as caught:
        read_pdf(bomb, "объекты.pdf")
    assert str(caught.value).startswith("объекты.pdf: в PDF больше 6\u00a0000\u00a0000 объектов (чисел, имён, элементов массивов)")


def test_many_indirect_objects_outside_streams_are_counted():
    many = _pdf(b"BT ET", extra=[b"<< /A 1 >>"] * (MAX_OBJECTS // 8))
    with pytest.raises(PdfLimit, match="объектов"):
        measure(many)


def test_objects_of_an_image_or_a_font_program_are_not_counted():
    pixels = b"0 " * 100_000
    image = _pdf(b"BT ET", extra=[b"<< /Type /XObject /Subtype /Image /Width 10 /Height 10 /Length %d >>\nstream\n"
                                  % len(pixels) + pixels + b"\nendstream"])
    font = _pdf(b"BT ET", extra=[b"<< /Length1 %d /Length %d >>\nstream\n" % (len(pixels), len(pixels)) + pixels
                                 + b"\nendstream"])
    plain = _pdf(b"BT ET")
    assert measure(font).objects - measure(plain).objects < 100
    assert measure(image).objects - measure(plain).objects < 100


def test_stream_keywords_nested_in_one_stream_cost_linear_work():
    """«stream» repeated inside one stream's data: each starts a decode; the work is bounded."""
    data = _pdf(b"", stream=b"stream\n" * 2_000_000, filters=b"")
    started = time.process_time()
    with pytest.raises(PdfLimit):
        measure(data)
    assert time.process_time() - started < 20  # a guard against a quadratic scan, not a timing


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000), st.sampled_from([b"", b" /Filter /FlateDecode", b" /Filter /AHx",
                                                   b" /Filter /A85", b" /Filter /RL", b" /Filter /LZW",
                                                   b" /Filter [/A85 /Fl /LZW /RL]"]))
def test_any_stream_is_measured_without_an_error_and_within_its_bytes(raw, filters):
    result = measure(_pdf(b"", stream=raw, filters=filters))
    assert result.decoded <= 128 * 5 * (len(raw) + 10) * 4
    assert result.work >= len(raw)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=3000))
def test_the_decoders_agree_with_the_encoders(payload):
    assert measure(_pdf(b"", stream=binascii.hexlify(payload) + b">", filters=b" /Filter /AHx")).decoded == len(payload)
    assert measure(_pdf(b"", stream=base64.a85encode(payload) + b"~>", filters=b" /Filter /A85")).decoded == len(payload)
    both = base64.a85encode(zlib.compress(payload)) + b"~>"
    assert measure(_pdf(b"", stream=both, filters=b" /Filter [/A85 /Fl]")).decoded == len(zlib.compress(payload)) + len(payload)


def _inline(data: bytes, filters: bytes) -> bytes:
    return b"q 10 0 0 10 0 0 cm BI /W 10 /H 10 /BPC 8 /CS /G /F " + filters + b" ID " + data + b"\nEI Q\n"


def test_an_inline_image_is_decoded_and_counted_by_hand():
    """PDFium decodes an inline image's data (BI … ID … EI) while it reads a page's text: its
    filters are counted like a stream's, also behind another filter of the content stream, and
    two images in one piece of the stream are both counted."""
    one = _inline(zlib.compress(b"\0" * 1000), b"/Fl")
    assert measure(_pdf(b"BT ET\n" + one)).decoded == 1000
    two = _inline(zlib.compress(b"\0" * 700), b"[/Fl]") + _inline(binascii.hexlify(zlib.compress(b"\0" * 300)) + b">",
                                                                 b"[/AHx /Fl]")
    # the content stream itself inflated (its own length), then 700, then the hex stage and 300
    content = b"BT ET\n" + two
    hex_stage = len(zlib.compress(b"\0" * 300))
    assert measure(_pdf(content, flate=True)).decoded == len(content) + 700 + hex_stage + 300
    assert measure(_pdf(_inline(b"\xff" * 100, b"/DCT"))).decoded == 0  # an image filter: not decoded


def test_an_inline_image_bomb_is_refused():
    """An 800 KB file whose one inline image inflates to 800 MB held 1.7 GB in PDFium; several
    smaller bombs in one piece of the stream add up."""
    bomb = zlib.compress(b"\0" * (40 << 20), 9)
    with pytest.raises(PdfLimit, match="распаковываются больше чем в 100 МБ"):
        measure(_pdf(b"BT ET\n" + _inline(bomb, b"/Fl") * 3), max_decoded=100 << 20)
    assert measure(_pdf(b"BT ET\n" + _inline(bomb, b"/Fl") * 2), max_decoded=100 << 20).decoded == 80 << 20


def test_a_page_content_stream_marked_as_an_image_is_counted():
    """PDFium reads a page's /Contents as syntax whatever its dictionary says: a content stream
    marked /Subtype /Image (to pass as pixels) has its objects counted, whether the page names it
    in the file's text or inside a compressed object stream; a real image's bytes still are not."""
    zeros = b"0 " * 100_000
    marked = b"<< /Subtype /Image /Width 10 /Height 10 /Length %d >>\nstream\n" % len(zeros) + zeros + b"\nendstream"
    plain = measure(_pdf(b"BT ET")).objects
    direct = _pdf(b"BT ET", extra=[marked, b"<< /Type /Page /Parent 2 0 R /Contents 6 0 R >>"])
    assert measure(direct).objects - plain >= 100_000
    listed = _pdf(b"BT ET", extra=[marked, b"<< /Type /Page /Parent 2 0 R /Contents [4 0 R 6 0 R] >>"])
    assert measure(listed).objects - plain >= 100_000
    packed = zlib.compress(b"7 0 << /Type /Page /Parent 2 0 R /Contents 6 0 R >>")
    hidden = _pdf(b"BT ET", extra=[marked, b"<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length %d >>\nstream\n"
                                   % len(packed) + packed + b"\nendstream"])
    assert measure(hidden).objects - plain >= 100_000
    alone = _pdf(b"BT ET", extra=[marked])  # nothing names it as a page's content: an image
    assert measure(alone).objects - plain < 100
