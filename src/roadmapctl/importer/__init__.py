"""Import of roadmaps from the documents municipalities have: Word (.docx, and a table typed with
tabs), PDF with a text layer, saved web pages, text (tab-separated, with «|», ГАРАНТ copies with cells
ending in «|», one cell per paragraph or per line, wrapped cell lines),
and .odt/.doc/.rtf converted by LibreOffice.

Stages: a reader (``docx_reader``/``docx_tabs``, ``pdf_reader``, ``html_reader``, ``text`` with
``plaintext`` and ``textcells`` — a table read from text as a stream of cells, whatever separates
them; ``convert`` for LibreOffice) gives a neutral grid of paragraphs and tables;
``tables`` finds the activity tables and ``columns`` the role of each column (``datecols``:
several date columns joined into one deadline); ``rows`` builds
sections and activities; ``header`` reads the text above the table; ``parties`` splits the
responsible cells and builds the directory; ``emit`` writes the YAML with the importer's
guesses as comments. ``skeleton`` writes a new roadmap from scratch.
"""

from roadmapctl.importer.grid import ImportFailure
from roadmapctl.importer.pipeline import ImportResult, Options, import_bytes, import_document, import_path

__all__ = ["ImportFailure", "ImportResult", "Options", "import_bytes", "import_document", "import_path"]
