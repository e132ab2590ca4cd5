"""Any text renders in all three formats without breaking the structure: quotes, pipes, angle
brackets, ampersands, Markdown punctuation, newlines and control characters in every field."""

from __future__ import annotations

import io
import os
import re
from datetime import date
from html.parser import HTMLParser

import docx
from docx.oxml.ns import qn
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from roadmapctl.document.model import (
    Activity, Appendix, Approval, Authority, Column, Order, OrderItem, Person, Preamble, Ref, Roadmap, Section,
    SubItem, Table,
)
from roadmapctl.render import render
from roadmapctl.render.marker import read_mark
from roadmapctl.render.options import Options

ALPHABET = st.sampled_from(list(
    "ab яж0 9\"'«»|<>&;#*_`[]~$\\-+=!.:()/{}@%^–\u00a0é\n\r\t\x00\x07\x0b\x0c\x1b\x7f\x85\u2028\u2029\ufffe"
) + ["<script>", "</td>", "<br>", "&amp;", "-->", "| --- |", "\n\n", "1. ", "# ", "]]>", "\ud800"])
TEXT = st.lists(ALPHABET, min_size=1, max_size=24).map("".join)
FIELDS = ["номер", "мероприятие", "ответственные", "срок", "ожидаемый_результат", "форма_результата", "примечание"]


def expected_lines(text: str) -> list[str]:
    """What a paragraph list of a text must read: lines without controls, stripped, non-empty."""
    text = re.sub("\r\n|[\r\u2028\u2029\x0b\x0c\x85]", "\n", text)
    text = re.sub("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]", "", text).replace("\t", " ")
    return [line.strip() for line in text.split("\n") if line.strip()]


@st.composite
def roadmaps(draw):
    def activity(number):
        return Activity(
            number=number,
            text=draw(TEXT),
            subitems=[SubItem(draw(TEXT), draw(st.none() | TEXT)) for _ in range(draw(st.integers(0, 2)))],
            responsible=[Ref(draw(TEXT), draw(st.none() | TEXT), draw(st.sampled_from(["скобки", "тире"])))
                         for _ in range(draw(st.integers(0, 2)))],
            deadline=draw(st.none() | TEXT),
            result=draw(st.none() | TEXT),
            result_form=draw(st.none() | TEXT),
            note=draw(st.none() | TEXT),
        )

    columns = [Column(f, draw(TEXT)) for f in FIELDS]
    top = [activity("1")]
    sections = [Section(draw(TEXT), draw(st.none() | TEXT), [activity("2")],
                        [Section(draw(TEXT), "2.1.", [activity("3")])])]
    return Roadmap(
        file="weird.yaml",
        authority=Authority(draw(TEXT), draw(st.none() | TEXT)),
        municipality=draw(TEXT),
        title=draw(TEXT),
        period_text="2021-2022",
        tables=[Table(columns, draw(st.none() | TEXT), draw(st.booleans()), top, sections)],
        order=Order("приказ", draw(TEXT), date(2021, 3, 24), draw(TEXT), draw(TEXT), draw(TEXT),
                    [OrderItem(draw(TEXT), "1.", [draw(TEXT)])], Person(draw(TEXT), draw(TEXT))),
        approval=Approval(draw(TEXT), draw(TEXT), draw(st.none() | TEXT), date(2021, 3, 18)),
        appendix=Appendix(draw(TEXT), draw(st.none() | TEXT)),
        preamble=Preamble(draw(TEXT), draw(TEXT), [draw(TEXT)]),
        working_group=[Person(draw(TEXT), draw(TEXT), draw(TEXT))],
    )


def rows_of(roadmap):
    """The document view and its (only) table."""
    from roadmapctl.render import build

    view = build(roadmap)
    return view, view.tables[0]


SETTINGS = settings(max_examples=int(os.environ.get("RENDER_EXAMPLES", "40")), deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(roadmaps())
def test_markdown_structure_survives_any_text(roadmap):
    view, table = rows_of(roadmap)
    text = render(roadmap, "md", Options(with_order=True)).decode("utf-8")
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    tokens = md.parse(text)
    blocks = [t for t in tokens if t.type == "html_block"]
    assert len(blocks) == 1 and blocks[0] is tokens[-1] and blocks[0].content.startswith("<!-- roadmapctl ")
    assert not [t for t in tokens if t.type in ("code_block", "fence", "blockquote_open")]
    cells_per_row = []
    for token in tokens:
        if token.type == "tr_open":
            cells_per_row.append(0)
        elif token.type in ("td_open", "th_open"):
            cells_per_row[-1] += 1
        elif token.type == "inline":
            for child in token.children or []:
                assert child.type not in ("link_open", "image", "code_inline", "s_open", "em_open"), child
                if child.type == "html_inline":
                    assert child.content == "<br>"
    parts = [p for p in table.parts() if p.rows]
    assert len(cells_per_row) == sum(1 + len(p.rows) for p in parts)
    assert set(cells_per_row) == {len(FIELDS)}


@SETTINGS
@given(roadmaps())
def test_markdown_cells_read_back_as_written(roadmap):
    view, table = rows_of(roadmap)
    text = render(roadmap, "md").decode("utf-8")
    tokens = MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(text)
    got, row, inside = [], None, False
    for token in tokens:
        if token.type == "tr_open":
            row = []
        elif token.type == "tr_close":
            got.append(row)
        elif token.type in ("td_open", "th_open"):
            inside = True
            row.append("")
        elif token.type in ("td_close", "th_close"):
            inside = False
        elif token.type == "inline" and inside:
            row[-1] = "".join(
                "\n" if c.type == "html_inline" else c.content for c in token.children or [] if c.type in ("text", "html_inline")
            )
    expected = []
    for part in table.parts():
        if part.rows:
            expected.append(table.headers)
            expected += [[c.text for c in r.cells] for r in part.rows]
    assert got == expected
    # And the texts are the source's texts, lines kept, controls gone.
    first = roadmap.tables[0].activities[0]
    activity_cell = table.rows[0].cells[1]
    own = []
    for para in activity_cell.paragraphs:
        if para.bullet:
            break
        own.append(para.text)
    assert own == expected_lines(first.text)


class _Html(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.cells, self.buffer, self.title = [], [], None, None

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag in ("td", "th"):
            self.buffer = []
        elif tag == "p" and self.buffer is not None and self.buffer:
            self.buffer.append("\n")

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self.cells.append("".join(self.buffer))
            self.buffer = None

    def handle_data(self, data):
        if self.buffer is not None:
            self.buffer.append(data)


@SETTINGS
@given(roadmaps())
def test_html_structure_survives_any_text(roadmap):
    view, table = rows_of(roadmap)
    text = render(roadmap, "html", Options(with_order=True)).decode("utf-8")
    parser = _Html()
    parser.feed(text)
    parser.close()
    assert "script" not in parser.tags
    assert parser.tags.count("table") == 1 and parser.tags.count("tr") == 1 + table.column_numbers + len(table.rows)
    expected = list(table.headers)
    if table.column_numbers:
        expected += [str(i) for i in range(1, len(FIELDS) + 1)]
    for row in table.rows:
        expected += [row.heading] if row.is_section else [c.text for c in row.cells]
    assert parser.cells == expected
    # The mark stays a comment at the very end, whatever the texts hold.
    mark, untouched = read_mark(text.encode("utf-8"))
    assert mark is not None and untouched


@pytest.mark.slow
@SETTINGS
@given(roadmaps())
def test_docx_structure_survives_any_text(roadmap):
    view, table = rows_of(roadmap)
    data = render(roadmap, "docx", Options(with_order=True))
    document = docx.Document(io.BytesIO(data))
    [doc_table] = document.tables
    start = 1 + table.column_numbers
    trs = doc_table._tbl.findall(qn("w:tr"))[start:]

    def texts(tc) -> list[str]:
        return ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in tc.findall(qn("w:p"))]

    # A row cut at a page break goes on in the next table row, whose "№" cell reads the number
    # and «(продолжение)»: put the parts together again.
    merged: list[list[list[str]]] = []
    for tr in trs:
        cells = [texts(tc) for tc in tr.findall(qn("w:tc"))]
        if merged and len(cells) > 1 and cells[0][1:] in (["(продолжение)"], ["(продол-", "жение)"]):
            merged[-1] = [before if i == 0 else before + after for i, (before, after) in enumerate(zip(merged[-1], cells))]
            continue
        if merged and len(cells) > 1 and cells[1][:1] == ["(продолжение)"]:  # a number column too narrow for it
            merged[-1] = [before if i == 0 else before + (after[1:] if i == 1 else after)
                          for i, (before, after) in enumerate(zip(merged[-1], cells))]
            continue
        merged.append(cells)
    assert len(merged) == len(table.rows)
    for cells, row in zip(merged, table.rows):
        if row.is_section:
            assert len(cells) == 1
            assert "".join(cells[0]) == row.heading
        else:
            assert len(cells) == len(FIELDS)
            for paragraphs, cell in zip(cells, row.cells):
                expected = [p.line for p in cell.paragraphs] or [""]
                if paragraphs != expected:  # cut: the same text, but where the cut was
                    assert "".join("".join(paragraphs).split()) == "".join("".join(expected).split())
    mark, untouched = read_mark(data)
    assert mark is not None and untouched
