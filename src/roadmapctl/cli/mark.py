"""``roadmapctl mark``: record progress or move a deadline, editing the YAML file in place."""

from __future__ import annotations

import re
from datetime import date
from typing import Optional

import typer

from roadmapctl.cli.common import UsageError
from roadmapctl.textutil import ru_date

_DMY = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


def parse_day(text: str, option: str) -> date:
    """A date the user typed: 2021-05-20 or 20.05.2021."""
    value = text.strip()
    try:
        match = _DMY.match(value)
        if match:
            return date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{option}: такой даты нет: «{text}»") from None
    raise UsageError(f"{option}: дата «{text}» не распознана; пишите ГГГГ-ММ-ДД или ДД.ММ.ГГГГ, например 2021-05-20")


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
            help="Статус: «не начато», «в работе», «выполнено» или «отменено». Для «выполнено» записывается и дата выполнения.",
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
        import difflib

        from roadmapctl.cli.common import load_roadmap
        from roadmapctl.mark import EditError, MarkRequest, mark_activity
        from roadmapctl.loading import read_source
        from roadmapctl.loading.source import SourceError

        if file == "-":
            raise UsageError("укажите файл дорожной карты: команда mark изменяет файл и не работает со стандартным вводом")
        day = parse_day(on, "--date") if on else date.today()
        request = MarkRequest(
            number=number, on=day, explicit_date=on is not None, table=table, status=status, note=note, link=link,
            covers=parse_day(covers, "--covers") if covers else None, postpone=postpone, reason=reason, basis=basis,
        )
        from contextlib import nullcontext

        from roadmapctl.writing import OutputError, locked, visible, write_output

        # A broken file is reported in full by load_roadmap, and left alone. The read, the edit and the write under one OS lock: a second mark on the same file
        # waits for this one and then edits the result, so that no update is lost.
        with nullcontext() if dry_run else locked(file):
            roadmap = load_roadmap(file)
            try:
                source = read_source(file)
                result = mark_activity(source, request)
            except SourceError as exc:
                raise UsageError(f"{exc.name}: {exc.message}") from None
            except EditError as exc:
                raise UsageError(f"{file}: {exc}") from None
            if not result.changed:
                typer.echo(visible(f"{file}: мероприятие {result.number}: {result.changes[0]}"))
                return
            if dry_run:
                diff = difflib.unified_diff(
                    source.text.splitlines(keepends=True), result.text.splitlines(keepends=True), fromfile=file, tofile=file,
                )
                write_output(None, "".join(diff), text=True)
                return
            try:
                write_output(file, result.data, editing=True)
            except OutputError as exc:
                raise UsageError(f"{exc}; файл не изменён") from None
        typer.echo(visible(f"{file}: мероприятие {result.number}: " + "; ".join(result.changes)))
        for warning in _warnings(roadmap, request, result.number):
            typer.echo(visible(f"roadmapctl: внимание: {warning}"), err=True)


def _warnings(roadmap, request, number: str) -> list[str]:
    """Hints about what was written: a new deadline that is not understood, a covered date that
    is not one of the deadline's dates."""
    from roadmapctl.deadlines import Kind, read_deadline
    from roadmapctl.document.schedule import activity_term, roadmap_period_or_reason

    period, _ = roadmap_period_or_reason(roadmap)
    if period is None:
        return []
    out = []
    if request.postpone:
        term = read_deadline(request.postpone, period)
        if term.kind in (Kind.UNKNOWN, Kind.MISSING):
            out.append(f"новый срок «{request.postpone}» не распознан; проверьте его: roadmapctl explain --period \"{roadmap.period_text}\" \"{request.postpone}\"")
    if request.covers and not request.postpone:
        for placed in roadmap.placed_activities():
            activity = placed.activity
            if activity.number == number and request.table in (None, placed.table_index + 1):
                term = activity_term(activity, period)
                if term.dates and request.covers not in term.dates:
                    shown = ", ".join(ru_date(d) for d in term.dates[:12])
                    out.append(f"дата {ru_date(request.covers)} не совпадает ни с одним сроком мероприятия ({shown})")
                break
    return out
