"""Property: whatever the string, the scalar written for it (plain, single- or double-quoted, in
block or flow context) reads back as exactly that string — with PyYAML's safe loader, its base
loader and roadmapctl's own loader."""

from __future__ import annotations


import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from roadmapctl.loading import load_text
from roadmapctl.loading.scalars import scalar

tricky = st.sampled_from(['"', "'", ":", ": ", " #", "#", "\n", "\r\n", "\t", "\\", "«", "»", "- ", "---", "...", "{",
                          "}", "[", "]", ",", "&", "*", "!", "|", ">", "%", "@", "`", "?", "~", "\u2028", "\u2029",
                          "\x85", "\xa0", "\ufeff", "\x00", "\x07", "\x1b", "\x7f", "yes", "null", "1", "0x1",
                          "2021-05-20", "=", "<<", " ", "ё", "№", "\U0001f600"])
texts = st.one_of(st.text(), st.lists(st.one_of(st.text(max_size=6), tricky), max_size=10).map("".join))


def _read(written: str, flow: bool, loader) -> str:
    document = f"k: [{written}]\n" if flow else f"k: {written}\n"
    value = yaml.load(document, Loader=loader)["k"]
    return value[0] if flow else value


@settings(max_examples=400, deadline=None)
@given(text=texts, force=st.booleans(), flow=st.booleans())
def test_a_written_scalar_reads_back_as_the_same_string(text, force, flow):
    written = scalar(text, force=force, flow=flow)
    assert "\n" not in written
    for loader in (yaml.SafeLoader, yaml.BaseLoader):
        assert _read(written, flow, loader) == text
    assert load_text(f"k: {written}\n").data == {"k": text}


def test_examples():
    assert scalar("Проведены 2 мастер-класса") == "Проведены 2 мастер-класса"
    assert scalar("yes") == '"yes"'
    assert scalar('"Учитель года" — конкурс') == "'\"Учитель года\" — конкурс'"
    assert scalar('"Учитель года" — конкурс', flow=True) == '"\\"Учитель года\\" — конкурс"'
    assert scalar("2021-05-20") == '"2021-05-20"'
    assert scalar("звонок\x07\r\n") == '"звонок\\a\\r\\n"'
    assert scalar("a, b", flow=True) == '"a, b"' and scalar("a, b") == "a, b"


def test_a_check_fix_writes_a_value_by_the_same_rule():
    """``check``'s fixes write a replaced value through ``loading.scalars`` (there was a second copy
    of the rule in ``check/context.py`` that wrote ``0x1F`` and ``.inf`` plain, which YAML 1.1
    reads as numbers)."""
    from roadmapctl.check.context import Context
    from roadmapctl.document.pipeline import load_bytes
    from roadmapctl.spans import Span

    context = Context(load_bytes("карта.yaml", "кто: Лицей\n".encode()))
    old = Span(1, 6, 1, 11)  # «Лицей», written plain
    for new, written in [("0x1F", '"0x1F"'), (".inf", '".inf"'), ("yes", '"yes"'), ("~", '"~"'),
                         ("1_000", '"1_000"'), ("Школа № 5", "Школа № 5"), ("a: b", '"a: b"')]:
        edit = context.value_edit(old, "Лицей", new)
        assert edit is not None and edit.text == written, new
        assert yaml.safe_load(f"k: [{edit.text}]\n") == {"k": [new]}
    quoted = Context(load_bytes("карта.yaml", 'кто: "Лицей"\n'.encode()))
    edit = quoted.value_edit(Span(1, 6, 1, 13), "Лицей", "Школа")
    assert edit is not None and edit.text == '"Школа"'
