"""The neutral form both readers produce: a document as paragraphs and tables of rows and cells.

A cell is a list of paragraphs (a Word cell may hold several, and bullet lists); a row keeps
where it came from (a line of the text file or a row of a Word table) so that every guess can
point at the place in the source.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class ImportFailure(Exception):
    """The input cannot be imported at all. The message is Russian and meant for the user."""


@dataclass
class Para:
    """One paragraph of text. ``bullet`` marks an item of a Word list (numbering or list style)."""

    text: str
    bold: bool = False
    bullet: bool = False
    line: int | None = None  # text reader: 1-based line of the source file
    page_break: bool = False  # a page or section break stands right before this paragraph
    # roadmapctl's own DOCX: the rest of a paragraph that its renderer cut at a page break
    continued: bool = False

    @property
    def empty(self) -> bool:
        return not self.text.strip()


@dataclass
class Cell:
    paras: list[Para] = field(default_factory=list)
    auto_number: str | None = None  # Word list numbering shown in the cell but absent from its text
    vmerged: bool = False  # Word: merged down from the cell above (its text repeated here)
    # PDF: the cell's last word is broken by the page and goes on in the row on the next page
    broken_end: bool = field(default=False, compare=False)

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paras if not p.empty)

    @property
    def empty(self) -> bool:
        return all(p.empty for p in self.paras)

    @property
    def bold(self) -> bool:
        filled = [p for p in self.paras if not p.empty]
        return bool(filled) and all(p.bold for p in filled)

    @classmethod
    def of(cls, text: str, **kwargs) -> "Cell":
        return cls([Para(text, **kwargs)] if text else [])


@dataclass
class Row:
    cells: list[Cell]
    where: str  # human-readable place in the source ("строка 17", "таблица 1, строка 5")
    merged: bool = False  # one cell spans the whole width of the table (a Word gridSpan)
    loose: bool = False  # text reader: a line without tabs standing among the table's rows
    exact: bool = False  # cells sit in their grid columns (Word); text rows may have cells too many or too few
    # guesses about the row, each kept as a comment on its activity: how the reader put the row's
    # lines in cells (one cell per line), and a text moved out of the deadline column (fit_row)
    reader_note: str | None = field(default=None, compare=False)
    shift_note: str | None = field(default=None, compare=False)

    @property
    def filled(self) -> list[int]:
        return [i for i, cell in enumerate(self.cells) if not cell.empty]

    def texts(self) -> list[str]:
        return [cell.text for cell in self.cells]


@dataclass
class Grid:
    """A table as read: its rows and the number of its grid columns."""

    rows: list[Row]
    where: str
    ncols: int = 0

    def __post_init__(self):
        if not self.ncols:
            self.ncols = max((len(r.cells) for r in self.rows), default=0)


@dataclass
class SourceDoc:
    """A whole input document: paragraphs and grids in document order."""

    name: str
    kind: str  # "docx" or "text"
    blocks: list[Para | Grid] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # reader-level remarks (encoding, …)
    properties: dict[str, str] = field(default_factory=dict)  # docx core properties (title, author)
