"""A Word document whose table is typed as paragraphs with tabs (no Word table at all).

The paragraphs are read with their tabs kept, one paragraph a line, and the text reader reads
them as it reads tab-separated text; the document's properties and the reader's remarks stay.
"""

from __future__ import annotations

from roadmapctl.importer.docx_text import W, paragraph_text
from roadmapctl.importer.grid import ImportFailure, SourceDoc


def _paragraphs(root):
    for child in root:
        if child.tag == f"{W}p":
            yield child
        elif child.tag == f"{W}sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                yield from _paragraphs(content)


def tabbed_paragraphs(document, doc: SourceDoc) -> SourceDoc:
    from roadmapctl.importer.text import read_text

    lines = [paragraph_text(p, tab="\t").replace("\n", "<br>") for p in _paragraphs(document.element.body)]
    if not any("\t" in line for line in lines):
        raise ImportFailure(f"{doc.name}: в документе Word нет ни одной таблицы и нет абзацев с табуляциями; импорт "
                            "ожидает таблицу мероприятий. Если таблица набрана пробелами, вставьте её в Word как "
                            "таблицу («Вставка → Таблица → Преобразовать в таблицу») или сохраните документ как PDF и "
                            "импортируйте PDF")
    try:
        found = read_text("\n".join(lines), doc.name)
    except ImportFailure as exc:
        raise ImportFailure(f"{exc}. В документе Word нет таблицы Word; его абзацы с табуляциями прочитаны как "
                            "строки таблицы, но таблицы мероприятий среди них не нашлось") from None
    found.properties = doc.properties
    found.notes.insert(0, "в документе Word нет таблицы Word: таблица мероприятий прочитана из абзацев, где ячейки "
                          "разделены табуляцией (строки — это номера абзацев документа)")
    return found
