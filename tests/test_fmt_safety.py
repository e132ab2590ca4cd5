"""The safety net of ``fmt``: the formatted text must say what the file said, in the same words,
with the same comments, or nothing is written. The net compares digests of the two node trees
(so that it never holds both trees at once); these tests make the emitter lie and expect a refusal."""

from __future__ import annotations

import pytest

from roadmapctl.format import FormatError, format_text, spelling
from roadmapctl.format.emitter import Layout
from roadmapctl.loading import Source, load_document

TEXT = (
    "# yaml-language-server: $schema=../schema/roadmap.schema.json\n"
    "муниципалитет: Баунтовский эвенкийский район  # район\n"
    "период:\n"
    "  начало: 2021-01-01\n"
    "  окончание: 2022-12-31\n"
)


def root(text: str):
    return load_document(Source("C:\\Дорожные карты\\карта 1.yaml", text)).root


def test_spelling_ignores_key_order_and_quoting():
    assert spelling(root("a: 1\nb: '2'\n")) == spelling(root('b: "2"\na: 1\n'))


def test_spelling_sees_a_changed_word_a_typed_form_and_a_moved_value():
    base = spelling(root("a: [x, y]\nb: 2\n"))
    assert base != spelling(root("a: [x, z]\nb: 2\n"))
    assert base != spelling(root("a: [x, y]\nb: 02\n"))  # the same number, typed otherwise
    assert base != spelling(root("a: [y, x]\nb: 2\n"))  # list order counts
    assert base != spelling(root("a: [x]\nb: [y, 2]\n"))


def test_spelling_reads_an_aliased_node_like_its_copy():
    assert spelling(root("a: &k {x: 1}\nb: *k\n")) == spelling(root("a: {x: 1}\nb: {x: 1}\n"))


def lying(monkeypatch, change):
    real = Layout.document

    def document(self, node):
        return change(real(self, node))

    monkeypatch.setattr(Layout, "document", document)


@pytest.mark.parametrize("change", [
    lambda text: text.replace("Баунтовский", "Баунтовскiй"),  # one letter swapped for a Latin-like one
    lambda text: text.replace("  # район", ""),  # a comment lost
    lambda text: text.replace("2022-12-31", "2022-12-30"),  # a date moved
    lambda text: text + "лишнее: да\n",  # a key added
], ids=["word", "comment", "date", "key"])
def test_format_refuses_a_result_that_says_otherwise(monkeypatch, change):
    assert format_text(TEXT, "карта.yaml") != ""  # the honest emitter passes
    lying(monkeypatch, change)
    with pytest.raises(FormatError, match="без изменения содержания"):
        format_text(TEXT, "карта.yaml")
