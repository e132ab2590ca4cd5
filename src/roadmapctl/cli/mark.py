"""``roadmapctl mark``: record progress or move a deadline, editing the YAML file in place."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Optional

import typer

from roadmapctl.cli.common import UsageError, finish, read_option, say
from roadmapctl.document.fields import STATUSES, Status
from roadmapctl.outputs import spoken
from roadmapctl.textutil import read_date

if TYPE_CHECKING:
    from roadmapctl.mark.command import MarkOutcome


def register(app: typer.Typer) -> None:
    @app.command(
        help=(
            "Записать ход выполнения мероприятия прямо в файл дорожной карты: статус, дату выполнения, "
            "отметку о ходе со ссылкой на подтверждение или перенос срока с причиной. "
            "Остальной текст файла (комментарии, порядок ключей, кавычки) не меняется. "
            "Например: roadmapctl mark roadmaps/baunt-2021-2022.yaml 9 --status выполнено --date 2021-05-20 "
            "--note \"Программы утверждены\" --link https://example.ru/prikaz.pdf"
        )
    )
    def mark(
        file: str = typer.Argument(..., metavar="ФАЙЛ", help="Файл дорожной карты (.yaml)."),
        number: str = typer.Argument(..., metavar="НОМЕР", help="Номер мероприятия, как в таблице: 9, 1.1. или 4.6.1 (точку в конце можно не писать)."),
        status: Optional[str] = typer.Option(
            None, "--status", "-s", metavar="СТАТУС",
            help=f"Статус: {spoken(f'«{s}»' for s in STATUSES)}. Для «{Status.DONE}» записывается и дата выполнения.",
            show_default=False,
        ),
        on: Optional[str] = typer.Option(
            None, "--date", "-d", metavar="ДАТА",
            help="Дата выполнения, отметки или переноса: ГГГГ-ММ-ДД или ДД.ММ.ГГГГ (по умолчанию сегодня).", show_default=False,
        ),
        note: Optional[str] = typer.Option(None, "--note", "-n", metavar="ТЕКСТ", help="Отметка о ходе: что сделано, коротко.", show_default=False),
        link: Optional[str] = typer.Option(None, "--link", "-l", metavar="ССЫЛКА", help="Ссылка на подтверждение к отметке (документ, страница сайта).", show_default=False),
        covers: Optional[str] = typer.Option(
            None, "--covers", metavar="ДАТА",
            help="Какой из сроков закрывает отметка (для повторяющихся сроков и нескольких дат), например 2021-03-31.",
            show_default=False,
        ),
        postpone: Optional[str] = typer.Option(
            None, "--postpone", metavar="НОВЫЙ_СРОК",
            help="Перенести срок: новый срок словами, как в документе («Декабрь 2021 года»). Прежний срок сохраняется в «переносы».",
            show_default=False,
        ),
        reason: Optional[str] = typer.Option(None, "--reason", metavar="ПРИЧИНА", help="Причина переноса срока (обязательна при --postpone).", show_default=False),
        basis: Optional[str] = typer.Option(None, "--basis", metavar="ОСНОВАНИЕ", help="Документ, которым срок перенесён (приказ, протокол).", show_default=False),
        table: Optional[int] = typer.Option(None, "--table", metavar="N", help="Номер таблицы, если номер мероприятия повторяется в разных таблицах.", show_default=False),
        dry_run: bool = typer.Option(False, "--dry-run", help="Показать изменения, но не записывать файл."),
    ) -> None:
        from roadmapctl.mark import MarkRequest
        from roadmapctl.mark.command import MarkFileRequest, run

        if file == "-":
            raise UsageError("укажите файл дорожной карты: команда mark изменяет файл и не работает со стандартным вводом")
        day = read_option("--date", read_date, on) if on else date.today()
        request = MarkRequest(
            number=number, on=day, explicit_date=on is not None, table=table, status=status, note=note, link=link,
            covers=read_option("--covers", read_date, covers) if covers else None, postpone=postpone, reason=reason, basis=basis,
        )
        _show(run(MarkFileRequest(file, request, dry_run)), file)


def _show(outcome: MarkOutcome, file: str) -> None:
    """The change on the standard output (or the dry run's diff), warnings and problems on the
    standard error."""
    from roadmapctl.writing import visible, write_output

    result = outcome.result
    if outcome.problems:
        usage = [p for p in outcome.problems if p.usage]
        if usage:  # an edit the file does not allow, a file that cannot be written: exit 2 as before
            raise UsageError(usage[0].message)
        finish(outcome.problems, outcome.exit_code)
    assert result is not None
    if not result.changed:
        typer.echo(visible(f"{file}: мероприятие {result.number}: {result.changes[0]}"))
    elif outcome.diff is not None:
        write_output(None, outcome.diff, text=True)
    else:
        typer.echo(visible(f"{file}: мероприятие {result.number}: " + "; ".join(result.changes)))
        for warning in outcome.warnings:
            say(f"внимание: {warning}")
