"""One awkward roadmap written out by hand, and the same document in every form the importer
reads: a Word document (ruled table, or a table without borders), a saved web page, text with
«|», a Markdown table and text with one cell per line. A PDF is made from the Word document by
LibreOffice inside the test that needs it.

Awkward on purpose: «N» for «№», numbering that restarts in each section, an approval line
«УТВЕРЖДЕНА распоряжением … от … N …», a title over two paragraphs, a period «на 2024 год»,
merged section rows, a wrapped cell, people without commas, a participial phrase after a
comma, a second table with its own columns.
"""

from __future__ import annotations

import io

APPROVAL = ["УТВЕРЖДЕНА", "распоряжением администрации Энского района", "от 15.01.2024 N 1295"]
TITLE = ["План мероприятий («дорожная карта»)", "по поддержке школ с низкими образовательными результатами на 2024 год"]
HEADER = ["N п/п", "Мероприятие", "Срок", "Ответственный", "Ожидаемый результат"]
BODY = "органы местного самоуправления, осуществляющие управление в сфере образования"
# (section title, [(number, activity, deadline, responsible, result)])
SECTIONS = [
    ("I. Организационные мероприятия", [
        ("1", "Создание муниципальной рабочей группы по сопровождению школ с низкими образовательными "
              "результатами и утверждение её состава", "Январь 2024 г.", "Управление образования",
         "Приказ о создании рабочей группы"),
        ("2", "Разработка программ перехода школ в эффективный режим работы", "Февраль 2024 г.",
         "Иванов И.И. Петров П.П.", "Программы разработаны"),
    ]),
    ("II. Методическая поддержка", [
        ("1", "Проведение семинаров для заместителей директоров", "Ежеквартально", BODY,
         "Семинары проведены"),
        ("2", "Посещение уроков методистами", "В течение года", "МБОУ «СОШ N 3»", "Справки по итогам посещений"),
    ]),
]
MONITORING_TITLE = "План мониторинга"
MONITORING_HEADER = ["N", "Показатель", "Периодичность", "Ответственный", "Форма представления результатов"]
MONITORING = [
    ("1", "Доля обучающихся, не достигших базового уровня", "Ежегодно", "Управление образования", "Аналитическая справка"),
    ("2", "Результаты всероссийских проверочных работ", "Два раза в год", "Петров П.П.", "Отчёт"),
]

# what the import must give, written out from the text above
EXPECTED_ACTIVITIES = [
    # (table, section, number, text, responsible, deadline, result)
    (0, "Организационные мероприятия", "1", SECTIONS[0][1][0][1], ["Управление образования"], "Январь 2024 г.",
     "Приказ о создании рабочей группы"),
    (0, "Организационные мероприятия", "2", SECTIONS[0][1][1][1], ["Иванов И.И.", "Петров П.П."], "Февраль 2024 г.",
     "Программы разработаны"),
    (0, "Методическая поддержка", "1", SECTIONS[1][1][0][1], [BODY], "Ежеквартально", "Семинары проведены"),
    (0, "Методическая поддержка", "2", SECTIONS[1][1][1][1], ["МБОУ «СОШ N 3»"], "В течение года",
     "Справки по итогам посещений"),
    (1, None, "1", MONITORING[0][1], ["Управление образования"], "Ежегодно", None),
    (1, None, "2", MONITORING[1][1], ["Петров П.П."], "Два раза в год", None),
]


WIDTHS_CM = {5: [1.5, 9.0, 4.0, 6.0, 5.0]}


def _widths(table) -> None:
    from docx.shared import Cm

    widths = WIDTHS_CM[len(table.columns)]
    table.autofit = False
    for column, width in zip(table.columns, widths):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = Cm(width)


def docx(borders: bool = True) -> bytes:
    from docx import Document

    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2)
    document.styles["Normal"].font.size = Pt(11)
    for line in APPROVAL:
        document.add_paragraph(line)
    for line in TITLE:
        document.add_paragraph().add_run(line).bold = True
    table = document.add_table(rows=1, cols=len(HEADER))
    if borders:
        table.style = "Table Grid"
    for k, text in enumerate(HEADER):
        table.rows[0].cells[k].text = text
    for title, rows in SECTIONS:
        cells = table.add_row().cells
        merged = cells[0].merge(cells[-1])
        merged.text = ""
        merged.paragraphs[0].add_run(title).bold = True
        for row in rows:
            cells = table.add_row().cells
            for k, text in enumerate(row):
                cells[k].text = text
    _widths(table)
    document.add_paragraph(MONITORING_TITLE)
    second = document.add_table(rows=1, cols=len(MONITORING_HEADER))
    if borders:
        second.style = "Table Grid"
    for k, text in enumerate(MONITORING_HEADER):
        second.rows[0].cells[k].text = text
    for row in MONITORING:
        cells = second.add_row().cells
        for k, text in enumerate(row):
            cells[k].text = text
    _widths(second)
    document.add_paragraph("")  # Word always ends a document with a paragraph after the last table
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def html() -> bytes:
    def esc(text):
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    parts = ["<!DOCTYPE html><html><head><meta charset=\"windows-1251\"><title>x</title></head><body>"]
    parts += [f"<p>{esc(line)}</p>" for line in APPROVAL]
    parts += [f"<p><b>{esc(line)}</b></p>" for line in TITLE]
    parts.append("<table border=\"1\"><thead><tr>" + "".join(f"<th>{esc(h)}</th>" for h in HEADER) + "</tr></thead><tbody>")
    for title, rows in SECTIONS:
        parts.append(f"<tr><td colspan=\"{len(HEADER)}\"><strong>{esc(title)}</strong></td></tr>")
        for row in rows:
            parts.append("<tr>" + "".join(f"<td><p>{esc(c)}</p></td>" for c in row) + "</tr>")
    parts.append("</tbody></table>")
    parts.append(f"<p>{MONITORING_TITLE}</p><table><tr>" + "".join(f"<td>{esc(h)}</td>" for h in MONITORING_HEADER) + "</tr>")
    for row in MONITORING:
        parts.append("<tr>" + "".join(f"<td>{esc(c)}" for c in row))  # cells and rows left unclosed
    parts.append("</table></body></html>")
    return "\n".join(parts).encode("cp1251")


def pipes(markdown: bool = False) -> bytes:
    lines = APPROVAL + [""] + TITLE + [""]

    def row(cells):
        return "| " + " | ".join(cells) + " |"

    lines.append(row(HEADER))
    if markdown:
        lines.append("|" + "|".join("---" for _ in HEADER) + "|")
    for title, rows in SECTIONS:
        lines.append(row([title] + [""] * (len(HEADER) - 1)))
        for r in rows:
            lines.append(row(list(r)))
    lines += ["", MONITORING_TITLE, row(MONITORING_HEADER)]
    if markdown:
        lines.append("|" + "|".join(":--" for _ in MONITORING_HEADER) + "|")
    lines += [row(list(r)) for r in MONITORING]
    return ("\n".join(lines) + "\n").encode("utf-8")


def one_cell_per_line() -> bytes:
    """As a PDF viewer copies a table: every cell on its own line, long cells wrapped."""
    lines = APPROVAL + TITLE + HEADER
    for title, rows in SECTIONS:
        lines.append(title)
        for r in rows:
            number, text, *rest = r
            # a long activity text wraps over two lines at a space
            cut = text.find(" ", 40) if len(text) > 60 else -1
            lines.append(number)
            if cut > 0:
                lines += [text[:cut], text[cut + 1:]]
            else:
                lines.append(text)
            lines += rest
    lines.append(MONITORING_TITLE)
    lines += MONITORING_HEADER
    for r in MONITORING:
        lines += list(r)
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


LONG_TEXT = ("Организация методического сопровождения педагогов общеобразовательных организаций с низкими "
             "образовательными результатами по вопросам подготовки обучающихся к оценочным процедурам")


def long_docx(sections: int = 6, per_section: int = 8) -> bytes:
    """A table over several pages: numbered sections «1.», activities «1.1.» … with long texts."""
    from docx import Document

    document = Document()
    document.add_paragraph("Дорожная карта по поддержке школ на 2025 год")
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for k, text in enumerate(["№ п/п", "Мероприятие", "Срок", "Ответственный"]):
        table.rows[0].cells[k].text = text
    for s in range(1, sections + 1):
        cells = table.add_row().cells
        cells[0].merge(cells[-1]).text = f"{s}. Направление работы {s}"
        for a in range(1, per_section + 1):
            cells = table.add_row().cells
            for cell, text in zip(cells, [f"{s}.{a}.", f"{LONG_TEXT} (пункт {s}.{a})", "Март 2025 г.", "УО, ОО"]):
                cell.text = text
    document.add_paragraph("")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
