"""``roadmapctl report``: progress of the roadmaps as of a day."""

from __future__ import annotations

from typing import Optional

import typer

from roadmapctl.cli.common import EXIT_FINDINGS, UsageError, colored, complete_from, known_format, read_option, say


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
        import shutil
        import sys
        from datetime import date
        from pathlib import Path

        from roadmapctl.cli.common import collect_paths, load_roadmap
        from roadmapctl.loading.source import YAML_SUFFIXES
        from roadmapctl.report.formats import BINARY, FORMATS, render
        from roadmapctl.report.items import KINDS, build_report
        from roadmapctl.report.request import RequestError, format_request, party_selection, read_grouping, read_kinds
        from roadmapctl.textutil import read_date

        known_format(output_format, FORMATS)
        grouping = read_option("--by", read_grouping, by) if by else None  # None: the format's own (the documents: by section)
        kinds = read_option("--kind", read_kinds, kind) or list(KINDS)
        failing_kinds = read_option("--fail-on", read_kinds, fail_on)
        if within < 0:
            raise UsageError("--within: число дней не может быть отрицательным")
        day = read_option("--as-of", read_date, as_of) if as_of else date.today()
        since_day = read_option("--since", read_date, since) if since else None
        if since_day is not None and since_day >= day:
            raise UsageError(f"--since: дата {since} должна быть раньше даты отчёта ({day:%d.%m.%Y})")
        read_option("--format", lambda f: format_request(f, grouping, since_day is not None, bool(signature)), output_format)
        if output_format in BINARY and not output and sys.stdout.isatty():
            raise UsageError(f"формат {output_format} — это файл, а не текст: укажите, куда записать, например -o отчёт.{output_format}")
        files = collect_paths(paths or [])
        if "-" in files:
            raise UsageError("отчёт строится по файлам; стандартный ввод («-») здесь не поддерживается")
        if output:
            target = Path(output).resolve()
            if target.suffix.lower() in YAML_SUFFIXES or any(Path(f).resolve() == target for f in files):
                raise UsageError(f"{output}: отчёт нельзя записать в файл дорожной карты; укажите другое имя")
        roadmaps = [load_roadmap(f) for f in files]
        select = None
        if party:
            try:
                roadmaps, select = party_selection(roadmaps, party)
            except RequestError as exc:
                raise UsageError(str(exc)) from None

        result = build_report(roadmaps, day, kinds, within, party, select)
        if since_day is not None:
            from roadmapctl.report.trend import build_trend

            result.trend = build_trend(build_report(roadmaps, since_day, kinds, within, party, select), result)
        use_color = colored(color, output)
        width = shutil.get_terminal_size((120, 24)).columns if output is None and sys.stdout.isatty() else 120
        data = render(result, output_format, by=grouping, width=width, color=use_color, signature=signature)
        from roadmapctl.own_output import progress_report
        from roadmapctl.writing import write_output

        write_output(
            output, data, inputs=files, force=force, replaceable=progress_report,
            text=output_format in ("table", "md"), color=use_color,
        )
        hit = result.present(failing_kinds)
        if hit:
            say(f"есть замечания видов: {', '.join(hit)}")
            raise typer.Exit(EXIT_FINDINGS)
