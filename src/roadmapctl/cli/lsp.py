"""``roadmapctl lsp``: the language server for editors."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    @app.command(help="Запустить языковой сервер (LSP) для редакторов: замечания проверки при наборе, подсказки, исправления. Обменивается с редактором через стандартные ввод и вывод.")
    def lsp(
        stdio: bool = typer.Option(True, "--stdio", show_default=False, help="Связь с редактором через стандартные ввод и вывод (единственный способ; ключ принимается для совместимости с редакторами)."),
    ) -> None:
        try:
            from roadmapctl.lsp.server import serve
        except ModuleNotFoundError as exc:
            if exc.name not in ("pygls", "lsprotocol") and not str(exc.name).startswith(("pygls.", "lsprotocol.")):
                raise
            from roadmapctl.cli.common import UsageError

            raise UsageError("для языкового сервера нужна библиотека pygls: pip install 'pygls>=2.0'") from None
        serve()
