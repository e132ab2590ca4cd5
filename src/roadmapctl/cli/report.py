"""``roadmapctl report``: progress of the roadmaps as of a day."""

from __future__ import annotations

import sys
from typing import Optional

import typer

from roadmapctl.cli.common import (
    UsageError,
    as_of_day,
    collect_paths,
    colored,
    complete_from,
    known_format,
    read_option,
    say,
    show_problems,
    within_days,
)
from roadmapctl.outputs import find
from roadmapctl.textutil import read_date


def register(app: typer.Typer) -> None:
    @app.command(
        help=(
            "Отчёт о ходе реализации: просроченные мероприятия (с пропущенными сроками и днями просрочки), "
            "мероприятия без ответственного, без определённого срока, с приближающимся сроком, без отметок "
            "больше квартала и выполненные — на указанную дату. Например: roadmapctl report roadmaps/ --as-of 2021-06-01 "
            "--kind overdue --format xlsx -o отчёт.xlsx"
        )
    )
    def report(
        paths: list[str] = typer.Argument(None, metavar="ПУТЬ", help="Файлы или папки (по умолчанию roadmaps/).", show_default=False),
        as_of: Optional[str] = typer.Option(
            None, "--as-of", metavar="ДАТА", help="На какую дату считать: ГГГГ-ММ-ДД или ДД.ММ.ГГГГ (по умолчанию сегодня).", show_default=False,
        ),
        kind: list[str] = typer.Option(
            [], "--kind", "-k", metavar="ВИД",
            help="Что показать (можно через запятую): overdue — просрочено, unassigned — без ответственного, "
            "undated — срок не определён, upcoming — срок скоро, stale — нет отметок больше квартала, done — выполнено. По умолчанию всё.",
            show_default=False,
        ),
        within: int = typer.Option(30, "--within", metavar="ДНЕЙ", help="Сколько дней вперёд считать срок приближающимся."),
        party: Optional[str] = typer.Option(
            None, "--party", "-p", metavar="УЧАСТНИК",
            help="Только мероприятия этого участника: имя, краткое имя или синоним. Для школы из списка «школы» "
            "учитываются и общие группы («ОО», «руководители ОО»).",
            show_default=False,
        ),
        by: Optional[str] = typer.Option(
            None, "--by", metavar="ГРУППИРОВКА", help="Группировать полный список по ответственному (party), разделу (section), состоянию (status), муниципалитету (municipality) или дорожной карте (roadmap); по умолчанию — по виду замечания, а в docx и html — по разделам, как в приложении.",
            show_default=False,
        ),
        output_format: str = typer.Option("table", "--format", "-f", autocompletion=complete_from("roadmapctl.report.formats", "FORMATS"), metavar="ФОРМАТ", help="Формат: table, md, json, csv, xlsx, docx или html."),
        output: Optional[str] = typer.Option(None, "--output", "-o", metavar="ФАЙЛ", help="Записать отчёт в файл (по умолчанию — на экран).", show_default=False),
        fail_on: list[str] = typer.Option(
            [], "--fail-on", metavar="ВИДЫ", help="Завершиться с кодом 1, если есть замечания этих видов (например: overdue,unassigned) — для CI.",
            show_default=False,
        ),
        since: Optional[str] = typer.Option(
            None, "--since", metavar="ДАТА", help="Показать, что изменилось с этой даты по --as-of: выполнено, стало просроченным, срок перенесён.",
            show_default=False,
        ),
        signature: Optional[str] = typer.Option(
            None, "--signature", metavar="ИСПОЛНИТЕЛЬ", help="Добавить в конец документа подпись: «Исполнитель», дата и место для подписи.",
            show_default=False,
        ),
        color: Optional[bool] = typer.Option(None, "--color/--no-color", help="Цвет в таблице (по умолчанию — только в терминале).", show_default=False),
        force: bool = typer.Option(False, "--force", help="Заменить файл из -o, даже если это не отчёт roadmapctl report."),
    ) -> None:
        from dataclasses import replace

        from roadmapctl.report.command import ReportRequest
        from roadmapctl.report.formats import FORMATS
        from roadmapctl.report.request import format_request, read_grouping, read_kinds

        known_format(output_format, FORMATS)
        grouping = read_option("--by", read_grouping, by) if by else None  # None: the format's own (the documents: by section)
        kinds, failing = _kinds(kind), tuple(read_option("--fail-on", read_kinds, fail_on))
        within, day = within_days(within), as_of_day(as_of)
        since_day = read_option("--since", read_date, since) if since else None
        if since_day is not None and since_day >= day:
            raise UsageError(f"--since: дата {since} должна быть раньше даты отчёта ({day:%d.%m.%Y})")
        read_option("--format", lambda f: format_request(f, grouping, since_day is not None, bool(signature)), output_format)
        request = ReportRequest(
            files=(), day=day, kinds=kinds, within=within, party=party, grouping=grouping,
            format=_format(output_format, output), output=output, force=force, color=colored(color, output),
            width=_width(output), fail_on=failing, since=since_day, signature=signature,
        )
        request = replace(request, files=tuple(collect_paths(paths or [])))
        _show(run_request(request), request)


def _kinds(kind: list[str]) -> tuple[str, ...]:
    from roadmapctl.report.items import KINDS
    from roadmapctl.report.request import read_kinds

    return tuple(read_option("--kind", read_kinds, kind) or KINDS)


def _format(name: str, output: str | None) -> str:
    from roadmapctl.report.formats import FORMATS

    fmt = find(FORMATS, name)
    if fmt.binary and not output and sys.stdout.isatty():
        raise UsageError(f"формат {fmt.name} — это файл, а не текст: укажите, куда записать, например -o отчёт{fmt.suffix}")
    return fmt.name


def _width(output: str | None) -> int:
    import shutil

    return shutil.get_terminal_size((120, 24)).columns if output is None and sys.stdout.isatty() else 120


def run_request(request):
    """``report.command.run``, its request errors as usage errors."""
    from roadmapctl.report.command import run
    from roadmapctl.report.request import RequestError

    try:
        return run(request)
    except RequestError as exc:
        raise UsageError(str(exc)) from None


def _show(outcome, request) -> None:
    from roadmapctl.report.formats import FORMATS
    from roadmapctl.writing import write_output

    if outcome.data is not None and request.output is None:
        write_output(None, outcome.data, text=FORMATS[request.format].text, color=request.color)
    show_problems(outcome.problems)
    if outcome.hit:
        say(f"есть замечания видов: {', '.join(outcome.hit)}")
    raise typer.Exit(outcome.exit_code)
