"""``roadmapctl lsp``: the language server for editors."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    @app.command(help="Запустить языковой сервер (LSP) для редакторов: замечания проверки при наборе, подсказки, исправления. Обменивается с редактором через стандартные ввод и вывод.")
    def lsp(
        stdio: bool = typer.Option(True, "--stdio", help="Связь с редактором через стандартные ввод и вывод (единственный способ; ключ принимается для совместимости с редакторами)."),
    ) -> None:
        from roadmapctl.lsp.server import serve

        serve()
