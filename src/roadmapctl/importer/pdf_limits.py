"""What PDFium would build from a PDF, measured before PDFium is given it.

PDFium decodes every stream it parses whole into memory and builds every object of a content
stream or a dictionary at once; it has no limits of its own that a caller can set. So the bytes
are scanned first, with bounded memory:

* the **decoded size**: each stream is decoded through its whole filter chain (FlateDecode,
  LZWDecode, ASCIIHexDecode, ASCII85Decode, RunLengthDecode, in any order and nesting; the
  short names of inline images too) without keeping the output, and every stage's output is
  counted, because PDFium keeps each stage whole. An inline image (``BI … ID data EI`` inside a
  content stream) is decoded by PDFium too: its data is decoded through its own filters (``/F``)
  and counted the same way. A chain stops at an image filter (DCTDecode,
  JPXDecode, CCITTFaxDecode, JBIG2Decode): PDFium does not decode images to read text;
* the **objects**: the separators of PDF syntax (white space, ``/``, ``[``, ``(``, ``<``) in the
  file outside streams and in every decoded stream that is not an image or a font program. Each object PDFium
  builds (a number, a name, an array element) costs it about 56 bytes, so 20 million zeros in
  one array of a 40 KB file take 1.1 GB;
* the **work**: the raw bytes given to decoders (a stream keyword hidden inside another stream's
  data starts a decode of its own) and the bytes of the slow, pure-Python decoders (LZW and
  RunLength, which roadmaps do not use).

Each bound exceeded is a ``PdfLimit`` with a Russian message. The numbers are conservative:
a 30-page roadmap printed to PDF by Word or LibreOffice uses a few per cent of each.
"""

from __future__ import annotations

import base64
import binascii
import bisect
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

MAX_DECODED = 512 * 1024 * 1024
MAX_OBJECTS = 6_000_000
MAX_SLOW_INPUT = 4 * 1024 * 1024  # raw bytes for the LZW and RunLength decoders together
_WINDOW = 64 * 1024  # how far back from ``stream`` its dictionary is looked for
_PIECE = 1 << 16
_OUT = 1 << 20

_STREAM = re.compile(rb"(?<!end)stream\r?\n")
_ENDSTREAM = re.compile(rb"endstream")
_OBJ = re.compile(rb"(?<![0-9])([0-9]{1,10})\s+([0-9]{1,5})\s+obj(?![A-Za-z])")
_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_NAME = re.compile(rb"/([^\s/\[\]()<>{}%]*)")
_FILTER = re.compile(rb"/Filter(?![^\s/\[\]()<>{}%])\s*(\[[^\]]*\]|/[^\s/\[\]()<>{}%]*|[0-9]+\s+[0-9]+\s+R)")
_LENGTH = re.compile(rb"/Length\s+([0-9]{1,12})(?!\s+[0-9]+\s+R)")
# streams PDFium does not parse as syntax: images and font programs
_NOT_SYNTAX = re.compile(rb"/Subtype\s*/(?:Image|Type1C|CIDFontType0C|OpenType)(?![^\s/\[\]()<>{}%])|/Length[123]\s")
_EARLY_ZERO = re.compile(rb"/EarlyChange\s+0(?![0-9])")
_SEPARATORS = bytes.maketrans(b"\0\t\n\x0c\r/[(<", b"         ")

_IMAGE_FILTERS = {b"DCTDecode", b"DCT", b"JPXDecode", b"CCITTFaxDecode", b"CCF", b"JBIG2Decode", b"Crypt"}
_SHORT = {b"Fl": b"FlateDecode", b"LZW": b"LZWDecode", b"AHx": b"ASCIIHexDecode",
          b"A85": b"ASCII85Decode", b"RL": b"RunLengthDecode"}


class PdfLimit(Exception):
    """A bound is exceeded; ``message`` says which, in Russian."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class Measure:
    """What was counted: decoded bytes (every filter stage), syntax separators, raw bytes decoded."""

    decoded: int = 0
    objects: int = 0
    work: int = 0
    slow: int = 0


def _mb(size: int) -> int:
    return size // 1024 // 1024


class _Counter:
    def __init__(self, decoded: int, objects: int, work: int):
        self.measure = Measure()
        self.max_decoded, self.max_objects, self.max_work = decoded, objects, work

    @classmethod
    def for_file(cls, data: bytes, decoded: int, objects: int) -> _Counter:
        """The bounds for a file of ``data``: the work grows with its size."""
        return cls(decoded, objects, 4 * len(data) + 64 * 1024 * 1024)

    def decoded(self, size: int) -> None:
        self.measure.decoded += size
        if self.measure.decoded > self.max_decoded:
            raise PdfLimit(f"сжатые данные PDF распаковываются больше чем в {_mb(self.max_decoded)} МБ")

    def objects(self, chunk: bytes) -> None:
        self.measure.objects += chunk.translate(_SEPARATORS).count(b" ")
        if self.measure.objects > self.max_objects:
            raise PdfLimit(f"в PDF больше {self.max_objects:,} объектов".replace(",", "\u00a0")
                           + " (чисел, имён, элементов массивов)")

    def work(self, size: int) -> None:
        self.measure.work += size
        if self.measure.work > self.max_work:
            raise PdfLimit("потоки данных PDF вложены друг в друга необычным образом")

    def slow(self, size: int) -> None:
        self.measure.slow += size
        if self.measure.slow > MAX_SLOW_INPUT:
            raise PdfLimit(f"в PDF больше {_mb(MAX_SLOW_INPUT)} МБ данных, сжатых устаревшими способами "
                           "LZW или RunLength")


def measure(data: bytes, max_decoded: int = MAX_DECODED, max_objects: int = MAX_OBJECTS) -> Measure:
    """Count what PDFium would build from ``data``; PdfLimit as soon as a bound is exceeded."""
    ends = [found.start() for found in _ENDSTREAM.finditer(data)]
    # the object streams read for the pages' contents count apart: they are decoded again below
    contents = _page_contents(data, ends, _Counter.for_file(data, max_decoded, max_objects))
    counter = _Counter.for_file(data, max_decoded, max_objects)
    covered = 0
    view = memoryview(data)
    for found in _STREAM.finditer(data):
        start = found.end()
        keyword = found.start()
        if keyword > covered:
            _count_objects(counter, view[covered:keyword])
        dictionary = _dictionary(data, keyword)
        end = _stream_end(data, dictionary, start, ends)
        covered = max(covered, end)
        chain, image_filter = _decoded(data, dictionary, view[start:end], counter)
        # a page's content stream is read as syntax whatever its dictionary says
        image = image_filter or (_NOT_SYNTAX.search(dictionary) is not None
                                 and _object_number(data, keyword) not in contents)
        if image:
            for _piece in chain:
                pass
        else:
            _content(chain, counter)
    if covered < len(data):
        _count_objects(counter, view[covered:])
    return counter.measure


def _decoded(data: bytes, dictionary: bytes, raw: memoryview, counter: _Counter) -> tuple[Iterable[bytes], bool]:
    """A stream's data through its filters, every stage counted, and whether an image filter ended the chain."""
    chain: Iterable[bytes] = _pieces(raw, counter)
    for name in _filters(data, dictionary):
        if name in _IMAGE_FILTERS:
            return chain, True
        decoder = _DECODERS.get(name)
        if decoder is None:
            break  # unknown or damaged: PDFium stops there too
        chain = _counted(decoder(chain, counter, dictionary), counter)
    return chain, False


_CONTENTS = re.compile(rb"/Contents\s*(\[[^\]]*\]|[0-9]+\s+[0-9]+\s+R)")
_REFERENCE = re.compile(rb"(?<![0-9])([0-9]{1,10})\s+[0-9]{1,5}\s+R")
_OBJECT_STREAM = re.compile(rb"/Type\s*/ObjStm(?![^\s/\[\]()<>{}%])")
_NUMBER = re.compile(rb"(?<![0-9])([0-9]{1,10})\s+[0-9]{1,5}\s+$")


def _page_contents(data: bytes, ends: list[int], counter: _Counter) -> set[int]:
    """The object numbers the pages name as their content (``/Contents``), in the file's text and
    in its object streams (which are decoded for it first, within the same bounds)."""
    numbers: set[int] = set()

    def add(text: bytes) -> None:
        for found in _CONTENTS.finditer(text):
            numbers.update(int(number) for number in _REFERENCE.findall(found.group(1)))

    add(data)
    view = memoryview(data)
    keywords = [(found.start(), found.end()) for found in _STREAM.finditer(data)]
    done = -1
    for mark in _OBJECT_STREAM.finditer(data):
        index = bisect.bisect_left(keywords, (mark.end(), 0))  # the first stream after the mark
        if index == len(keywords) or index <= done:
            continue  # no stream after it, or that stream's dictionary was looked at already
        done = index
        keyword, start = keywords[index]
        dictionary = _dictionary(data, keyword)
        if _OBJECT_STREAM.search(dictionary) is None:
            continue
        chain, _image = _decoded(data, dictionary, view[start:_stream_end(data, dictionary, start, ends)], counter)
        carry = b""
        for piece in chain:
            text = carry + piece
            add(text)
            carry = text[-256:]
    return numbers


def _object_number(data: bytes, keyword: int) -> int | None:
    """The number of the object whose stream starts at ``keyword`` (``N G obj`` before it)."""
    begin = max(0, keyword - _WINDOW)
    at = data.rfind(b"obj", begin, keyword)
    if at < 0:
        return None
    found = _NUMBER.search(data, max(0, at - 32), at)
    return int(found.group(1)) if found is not None else None


# "BI" first, so that the search skips ahead to each "BI"; what precedes it is looked at behind it
_INLINE = re.compile(rb"BI(?<![^\s\])>]BI)(\s.{0,4096}?)\sID\s", re.S)
_INLINE_FILTER = re.compile(rb"/(?:F|Filter)(?![^\s/\[\]()<>{}%])\s*(\[[^\]]*\]|/[^\s/\[\]()<>{}%]*)")
_INLINE_CARRY = 4200  # bytes kept from a piece's end: an inline image's head may straddle pieces
_CHUNK = 4096


def _content(chain: Iterable[bytes], counter: _Counter) -> None:
    """Count a content stream's objects, and decode the data of its inline images as PDFium does.

    After an image is decoded, the search for the next goes on right after its ``ID`` (its data is
    searched too: nothing its decoder stopped short of is skipped), or, when its data ran into
    later pieces of the stream, from the start of the piece where its decoder stopped. The raw
    bytes every decoder takes count as work, so data with many ``BI`` in it costs bounded time."""
    pieces = iter(chain)
    piece = next(pieces, None)
    carry = b""
    while piece is not None:
        counter.objects(piece)
        text = carry + piece
        at = 0
        following = None
        while (found := _INLINE.search(text, at)) is not None:
            at = found.end()
            source = _Source(text[at:], pieces, counter)
            _decode_inline(found.group(1), source, counter)
            if source.pulled:
                following = source.data  # the piece where its decoder stopped, searched whole
                break
        if following is not None:
            carry, piece = b"", following
            continue
        carry = text[max(at, len(text) - _INLINE_CARRY):]
        piece = next(pieces, None)


def _decode_inline(dictionary: bytes, source: _Source, counter: _Counter) -> None:
    """Decode an inline image's data through its filters (``/F``), every stage counted."""
    found = _INLINE_FILTER.search(dictionary)
    names = [_name(name) for name in _NAME.findall(found.group(1))] if found is not None else []
    chain: Iterable[bytes] = source
    decoded = False
    for name in names:
        decoder = _DECODERS.get(name)
        if decoder is None:  # an image filter or an unknown one: PDFium stops there too
            break
        chain = _counted(decoder(chain, counter, dictionary), counter)
        decoded = True
    if decoded:
        for _piece in chain:
            pass


class _Source:
    """The bytes after an inline image's ``ID`` in small chunks, then the content stream's next
    pieces (``pulled``: whether its decoder read into them; ``data``: the last one it read)."""

    def __init__(self, head: bytes, pieces: Iterator[bytes], counter: _Counter):
        self.data, self.pieces, self.counter = head, pieces, counter
        self.pulled = False

    def __iter__(self) -> Iterator[bytes]:
        while True:
            for at in range(0, len(self.data), _CHUNK):
                chunk = self.data[at:at + _CHUNK]
                self.counter.work(len(chunk))
                yield chunk
            following = next(self.pieces, None)
            if following is None:
                return
            self.data, self.pulled = following, True


def _count_objects(counter: _Counter, view: memoryview) -> None:
    for at in range(0, len(view), _OUT):
        counter.objects(bytes(view[at:at + _OUT]))


def _dictionary(data: bytes, keyword: int) -> bytes:
    """The dictionary before the ``stream`` keyword at ``keyword``: from the nearest ``obj``."""
    begin = max(0, keyword - _WINDOW)
    at = data.rfind(b"obj", begin, keyword)
    return data[(at + 3 if at >= 0 else begin):keyword]


def _stream_end(data: bytes, dictionary: bytes, start: int, ends: list[int]) -> int:
    """Where the stream's data ends as PDFium finds it: at ``/Length`` when the keyword follows
    there, otherwise at the next ``endstream`` (whichever is later: both are decoded)."""
    index = bisect.bisect_left(ends, start)
    end = ends[index] if index < len(ends) else len(data)
    length = _LENGTH.search(dictionary)
    if length is not None:
        declared = start + int(length.group(1))
        if declared <= len(data):
            end = max(end, declared)
    return end


def _name(raw: bytes) -> bytes:
    name = _NAME_ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), raw)
    return _SHORT.get(name, name)


def _filters(data: bytes, dictionary: bytes) -> list[bytes]:
    found = _FILTER.search(dictionary)
    if found is None:
        return []
    value = found.group(1)
    if value.endswith(b"R"):  # an indirect object holds the name or the array
        number, generation = value.split()[:2]
        target = re.search(rb"(?<![0-9])" + number + rb"\s+" + generation + rb"\s+obj\s*(\[[^\]]*\]|/[^\s/\[\]()<>{}%]*)", data)
        if target is None:
            return []
        value = target.group(1)
    return [_name(name) for name in _NAME.findall(value)]


def _pieces(view: memoryview, counter: _Counter) -> Iterator[bytes]:
    for at in range(0, len(view), _PIECE):
        piece = bytes(view[at:at + _PIECE])
        counter.work(len(piece))
        yield piece


def _counted(chain: Iterator[bytes], counter: _Counter) -> Iterator[bytes]:
    for piece in chain:
        counter.decoded(len(piece))
        yield piece


def _flate(chain: Iterable[bytes], counter: _Counter, dictionary: bytes) -> Iterator[bytes]:
    inflater = zlib.decompressobj()
    for piece in chain:
        pending = piece
        try:
            while pending and not inflater.eof:
                out = inflater.decompress(pending, _OUT)
                pending = inflater.unconsumed_tail
                if out:
                    yield out
                elif not pending:
                    break
        except zlib.error:
            return  # damaged: PDFium keeps what it decoded so far, as counted
        if inflater.eof:
            return


_HEX_KEEP = bytes(range(256)).translate(None, b"0123456789abcdefABCDEF>")


def _ascii_hex(chain: Iterable[bytes], counter: _Counter, dictionary: bytes) -> Iterator[bytes]:
    carry = b""
    for piece in chain:
        text = piece.translate(None, _HEX_KEEP)  # white space and anything else is dropped
        end = text.find(b">")
        text = carry + (text if end < 0 else text[:end])
        usable = len(text) - len(text) % 2
        carry = text[usable:]
        if usable:
            yield binascii.unhexlify(text[:usable])
        if end >= 0:
            break
    if carry:
        yield b"\0"


def _ascii_85(chain: Iterable[bytes], counter: _Counter, dictionary: bytes) -> Iterator[bytes]:
    carry = b""
    for piece in chain:
        text = piece.translate(None, b" \t\r\n\x0c\0")
        end = text.find(b"~")
        text = carry + (text if end < 0 else text[:end]).replace(b"z", b"!!!!!")
        usable = len(text) - len(text) % 5
        carry = text[usable:]
        if usable:
            try:
                yield base64.a85decode(text[:usable])
            except ValueError:
                return
        if end >= 0:
            break
    if len(carry) > 1:
        yield b"\0" * (len(carry) - 1)


def _run_length(chain: Iterable[bytes], counter: _Counter, dictionary: bytes) -> Iterator[bytes]:
    buffer = b""
    for piece in chain:
        counter.slow(len(piece))
        buffer += piece
        out = bytearray()
        at = 0
        while at < len(buffer):
            length = buffer[at]
            if length == 128:
                yield bytes(out)
                return
            if length < 128:
                if at + length + 2 > len(buffer):
                    break
                out += buffer[at + 1:at + length + 2]
                at += length + 2
            else:
                if at + 2 > len(buffer):
                    break
                out += buffer[at + 1:at + 2] * (257 - length)
                at += 2
            if len(out) >= _OUT:
                yield bytes(out)
                out = bytearray()
        buffer = buffer[at:]
        if out:
            yield bytes(out)


def _lzw(chain: Iterable[bytes], counter: _Counter, dictionary: bytes) -> Iterator[bytes]:
    early = 0 if _EARLY_ZERO.search(dictionary) else 1
    table: list[bytes] = [bytes([i]) for i in range(256)] + [b"", b""]
    width, previous = 9, b""
    bits = count = 0
    out = bytearray()
    for piece in chain:
        counter.slow(len(piece))
        for byte in piece:
            bits = (bits << 8) | byte
            count += 8
            while count >= width:
                count -= width
                code = bits >> count
                bits &= (1 << count) - 1
                if code == 256:
                    del table[258:]
                    width, previous = 9, b""
                    continue
                if code == 257:
                    yield bytes(out)
                    return
                if code < len(table):
                    entry = table[code]
                elif code == len(table) and previous:
                    entry = previous + previous[:1]
                else:
                    yield bytes(out)
                    return  # damaged
                out += entry
                if previous and len(table) < 4096:
                    table.append(previous + entry[:1])
                previous = entry
                if len(table) + early >= (1 << width) and width < 12:
                    width += 1
        if len(out) >= _OUT:
            yield bytes(out)
            out = bytearray()
    if out:
        yield bytes(out)


_DECODERS = {b"FlateDecode": _flate, b"ASCIIHexDecode": _ascii_hex, b"ASCII85Decode": _ascii_85,
             b"RunLengthDecode": _run_length, b"LZWDecode": _lzw}
