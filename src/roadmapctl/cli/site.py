"""``roadmapctl site``: every roadmap as a static site (the region's view)."""

from __future__ import annotations

import typer

from roadmapctl.cli.common import EXIT_FINDINGS, UsageError, as_of_day, say, within_days


def register(app: typer.Typer) -> None:
    @app.command(
        help=(
            "Собрать статический сайт по дорожным картам: сводная страница с отбором по муниципалитету, "
            "состоянию и ответственному, страница каждой дорожной карты (состояние на дату, сроки, приложение, "
            "файлы DOCX, отчёт и календарь) и страница каждого ответственного. Сайт открывается с диска и с "
            "любого хостинга статических страниц. Например: roadmapctl site roadmaps/ -o сайт --as-of 2021-06-01"
        )
    )
    def site(
        paths: list[str] = typer.Argument(None, metavar="ПУТЬ", help="Файлы или папки с дорожными картами (по умолчанию roadmaps/).", show_default=False),
        output: str = typer.Option(..., "--output", "-o", metavar="ПАПКА", help="Папка сайта: новая, пустая или с сайтом, собранным этой командой раньше.", show_default=False),
        as_of: str | None = typer.Option(
            None, "--as-of", metavar="ДАТА", help="На какую дату показать состояние: ГГГГ-ММ-ДД или ДД.ММ.ГГГГ (по умолчанию сегодня).", show_default=False,
        ),
        within: int = typer.Option(30, "--within", metavar="ДНЕЙ", help="Сколько дней вперёд считать срок приближающимся (как в report)."),
        jobs: int | None = typer.Option(None, "--jobs", "-j", metavar="ЧИСЛО", help="Сколько процессов использовать (по умолчанию — по числу ядер).", show_default=False),
        force: bool = typer.Option(False, "--force", help="Записать сайт в папку, где уже есть другие файлы, заменяя совпадающие по имени."),
    ) -> None:
        from pathlib import Path

        from roadmapctl.cli.common import collect_paths
        from roadmapctl.site import SiteRequest, build
        from roadmapctl.site.request import SiteError
        from roadmapctl.textutil import plural_word

        day, within = as_of_day(as_of), within_days(within)
        if jobs is not None and jobs < 1:
            raise UsageError("--jobs: число процессов должно быть не меньше 1")
        files = collect_paths(paths or [])
        if "-" in files:
            raise UsageError("сайт строится по файлам; стандартный ввод («-») здесь не поддерживается")
        request = SiteRequest(tuple(files), Path(output), day, within=within, force=force, jobs=jobs)
        try:
            result = build(request)
        except SiteError as exc:
            raise UsageError(str(exc)) from None
        for line in result.broken:
            say(line)
        count = result.roadmaps
        parts = [f"дорожных карт: {count}", f"ответственных: {result.parties}", f"файлов записано: {result.written}"]
        if result.unchanged:
            parts.append(f"без изменений: {result.unchanged}")
        if result.removed:
            parts.append(f"удалено устаревших: {result.removed}")
        say(f"сайт собран в {output} ({', '.join(parts)}); откройте {Path(output) / 'index.html'}")
        if result.broken:
            n = len(result.broken)
            say(f"{n} {plural_word(n, 'файл', 'файла', 'файлов')} с ошибками: у каждого на сайте своя страница с описанием ошибки")
            raise typer.Exit(EXIT_FINDINGS)
