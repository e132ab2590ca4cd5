"""The loader: encodings, positions, and hostile input — always a LoadError, never a crash."""

from __future__ import annotations

import time
import tracemalloc

import pytest
from hypothesis import given, settings, strategies as st

from roadmapctl.loading import LoadError, load_text
from roadmapctl.loading.source import SourceError, decode


def test_positions_of_nested_values_are_one_based():
    doc = load_text("a:\n  b:\n    - x\n    - срок: Март 2021 года\n")
    assert doc.span_at(["a", "b", 1, "срок"]).line == 4
    assert doc.span_at(["a", "b", 1, "срок"]).column == 13
    assert doc.data == {"a": {"b": ["x", {"срок": "Март 2021 года"}]}}


def test_dates_become_iso_strings_and_numbers_keep_source_text_in_nodes():
    doc = load_text("дата: 2021-03-24\nномер: 4.10\n")
    assert doc.data["дата"] == "2021-03-24"
    assert doc.data["номер"] == 4.1  # what YAML reads ...
    assert doc.node_at(["номер"]).value == "4.10"  # ... and what the user wrote


def test_utf8_bom_and_crlf_are_normal_input():
    doc = decode("f.yaml", "\ufeffмуниципалитет: Мценск\r\nпериод: 2021-2022\r\n".encode("utf-8"))
    loaded = __import__("roadmapctl.loading", fromlist=["load_document"]).load_document(doc)
    assert loaded.data == {"муниципалитет": "Мценск", "период": "2021-2022"}
    assert loaded.span_at(["период"]).line == 2


def test_cp1251_is_explained_with_how_to_resave():
    with pytest.raises(SourceError) as info:
        decode("f.yaml", "мероприятие: Создание команды\n".encode("cp1251"))
    assert "Windows-1251" in info.value.message and "UTF-8" in info.value.message
    assert info.value.span.line == 1


def test_utf16_and_binary_are_refused():
    with pytest.raises(SourceError, match="UTF-16"):
        decode("f.yaml", "a: b".encode("utf-16"))
    with pytest.raises(SourceError, match="двоичные"):
        decode("f.yaml", b"a: b\x00\x01\x02")


def test_huge_file_is_refused_quickly():
    data = b"a: " + b"x" * (17 * 1024 * 1024)
    start = time.perf_counter()
    with pytest.raises(SourceError, match="слишком велик"):
        decode("big.yaml", data)
    assert time.perf_counter() - start < 1


@pytest.mark.parametrize(
    "text, line, column, words",
    [
        ("a:\n\tb: 1\n", 2, 1, "табуляция"),
        ('a: "abc\nb: 2\n', 1, 4, "кавычка открыта"),
        ("a: b: c\n", 1, 5, "двоеточие"),
        ("a: b\x07c\n", 1, 5, "U+0007"),
        ("a: *x\n", 1, 4, "якорь"),
        ("a: 1\n---\nb: 2\n", 2, 1, "один документ"),
        ("a: [1, 2\nb: 3\n", 2, 2, "не закрыт"),
    ],
)
def test_syntax_errors_are_russian_with_position(text, line, column, words):
    with pytest.raises(LoadError) as info:
        load_text(text)
    assert (info.value.span.line, info.value.span.column) == (line, column)
    assert words in info.value.message


def test_python_tags_are_never_constructed(tmp_path):
    marker = tmp_path / "pwned"
    doc = load_text(f'- !!python/object/apply:os.system ["touch {marker}"]\n')
    assert not marker.exists()
    assert doc.data == [[f"touch {marker}"]]  # kept as plain data; the RM003 rule reports the tag


def test_billion_laughs_is_refused_fast_with_flat_memory():
    levels = "".join(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 10) + "]\n" for i in range(1, 10))
    text = "l0: &l0 [lol]\n" + levels
    tracemalloc.start()
    start = time.perf_counter()
    with pytest.raises(LoadError, match="ссылки"):
        load_text(text)
    elapsed = time.perf_counter() - start
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert elapsed < 1
    assert peak < 20 * 1024 * 1024


@pytest.mark.parametrize("depth", [150, 5000, 200_000])
def test_deep_nesting_is_refused(depth):
    with pytest.raises(LoadError, match="вложенность"):
        load_text("[" * depth + "]" * depth)


def test_deep_block_nesting_is_refused():
    text = "".join("  " * i + f"k{i}:\n" for i in range(300)) + "  " * 300 + "v\n"
    with pytest.raises(LoadError, match="вложенность"):
        load_text(text)


def test_empty_file_has_no_data():
    assert load_text("").data is None
    assert load_text("# только комментарий\n").data is None


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_no_text_crashes_the_loader(text):
    try:
        load_text(text)
    except LoadError as exc:
        assert exc.message and exc.span.line >= 1 and exc.span.column >= 1


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_no_bytes_crash_the_decoder(data):
    try:
        decode("f.yaml", data)
    except SourceError as exc:
        assert exc.message


def test_an_unexplained_syntax_error_has_no_english_words():
    """Whatever libyaml says in English stays out of the message (the place says where)."""
    import re

    from roadmapctl.loading import Source, load_document

    for text in ("a: b: c\n", "a:\n  - b\n c: d\n", "? [a\n", "a: *\n", "a: !<>\n", "{a: 1, b\n"):
        try:
            load_document(Source(name="t.yaml", text=text))
        except LoadError as exc:
            assert not re.search(r"[A-Za-z]{4,}", exc.message.replace("YAML", "")), exc.message
