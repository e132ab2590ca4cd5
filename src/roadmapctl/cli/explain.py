"""``roadmapctl explain``: how deadline texts are understood."""

from __future__ import annotations

from typing import Optional

import typer

from roadmapctl.cli.common import UsageError, complete_from, known_format
from roadmapctl.outputs import OutputFormat, table
from roadmapctl.textutil import ru_date


def register(app: typer.Typer) -> None:
    @app.command(help="Показать, как прочитан срок: вид, даты, предупреждения. Например: roadmapctl explain --period 2021-2022 \"ежеквартально\".")
    def explain(
        texts: list[str] = typer.Argument(..., metavar="ТЕКСТ", help="Тексты сроков, каждый в кавычках."),
        period: Optional[str] = typer.Option(
            None, "--period", "-p", metavar="ПЕРИОД",
            help="Период дорожной карты: 2021-2022, «2020-2021 учебный год» или 2021-01-01..2022-12-31 (по умолчанию текущий календарный год).",
            show_default=False,
        ),
        output_format: str = typer.Option("text", "--format", "-f", autocompletion=complete_from("roadmapctl.cli.explain", "FORMATS"), metavar="ФОРМАТ", help="Формат: text или json."),
        roadmap_file: Optional[str] = typer.Option(
            None, "--file", "-F", metavar="ФАЙЛ",
            help="Дорожная карта, из которой взять период и учебный календарь (сроки читаются так же, как в check и report).",
            show_default=False,
        ),
    ) -> None:
        from datetime import date

        from roadmapctl.deadlines import read_deadline
        from roadmapctl.document.schedule import period_or_reason

        known_format(output_format, FORMATS)
        calendar = None
        if roadmap_file is not None:
            from roadmapctl.cli.common import require
            from roadmapctl.document.schedule import school_calendar

            roadmap = require(roadmap_file).roadmap
            assert roadmap is not None
            calendar = school_calendar(roadmap)
            if period is None:
                period = roadmap.period_text
        span, reason = period_or_reason(period or str(date.today().year), calendar)
        if span is None:
            raise UsageError(f"период «{period}» не прочитан: {reason}")
        terms = [read_deadline(text, span) for text in texts]
        heading = f"Период: {ru_date(span.start)}–{ru_date(span.end)}"
        shown = span.text or period or ""
        heading += f" ({shown})" if shown else ""
        if calendar is not None:
            heading += f"\nУчебный календарь: из файла {roadmap_file} (где он не задан — типовой)"
        from roadmapctl.writing import write_output

        row = FORMATS[output_format]
        write_output(None, row.write(terms, heading), text=row.text)  # text: control characters shown


def _text(terms: list, heading: str) -> str:
    """The period (and where the school calendar comes from), then each term explained."""
    lines = [heading]
    for term in terms:
        lines += ["", f"«{term.text}»"] + [f"  {line}" for line in term.explanation()]
    return "\n".join(lines) + "\n"


def _json(terms: list, _heading: str) -> str:
    import json

    return json.dumps([t.to_json() for t in terms], ensure_ascii=False, indent=2) + "\n"


# The formats of ``explain`` (``roadmapctl.outputs``): on the screen only.
FORMATS = table(
    OutputFormat("text", (".txt",), _text, None, text=True),
    OutputFormat("json", (".json",), _json, None),
)
