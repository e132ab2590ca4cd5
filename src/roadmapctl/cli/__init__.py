"""The command line. Each command lives in its own module with a ``register(app)`` function;
modules import their heavy libraries inside the command body so that ``check`` starts fast."""

from __future__ import annotations

import importlib

from roadmapctl.cli import click_compat  # noqa: F401 - before typer, which imports two names Click 9 drops

import typer
import typer.main

app = typer.Typer(
    name="roadmapctl",
    help="Дорожные карты поддержки школ с низкими образовательными результатами: проверка, документы, отчёты.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    options_metavar="[ПАРАМЕТРЫ]",
    subcommand_metavar="КОМАНДА [АРГУМЕНТЫ]...",
    context_settings={"help_option_names": ["-h", "--help"]},
)

COMMAND_MODULES = ["check", "rules", "explain", "export", "render", "report", "site", "mark", "diff", "fmt", "importer", "schema_cmd", "lsp"]


def _register() -> None:
    if app.registered_commands:  # already done (main() run again in one process, as the tests do)
        return
    for name in COMMAND_MODULES:
        importlib.import_module(f"roadmapctl.cli.{name}").register(app)
    for command in app.registered_commands:
        command.options_metavar = "[ПАРАМЕТРЫ]"


def _print_version(value: bool) -> None:
    """An eager option: ``roadmapctl --version`` alone answers before a command is required."""
    if value:
        from roadmapctl import __version__

        typer.echo(f"roadmapctl {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", help="Показать версию и выйти.", is_eager=True, callback=_print_version,
    ),
) -> None:
    """Options of the whole program; the commands are registered by their modules."""


COMPLETION_HELP = {
    "install_completion": "Установить автодополнение для оболочки (bash, zsh, fish, powershell; "
                          "по умолчанию — для текущей).",
    "show_completion": "Показать сценарий автодополнения для оболочки, чтобы настроить его вручную.",
}


COMPLETION_SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")


def _completion_shell(value: object) -> str:
    """The shell named after the option, or the one this program runs in ("" if unknown)."""
    import os

    if isinstance(value, str):
        return value
    if os.environ.get("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION"):
        return ""
    try:
        import shellingham  # type: ignore[import-untyped]  # comes with typer

        return str(shellingham.detect_shell()[0])
    except Exception:  # noqa: BLE001 - not installed, or the shell cannot be told
        return ""


def _completion(ctx, param, value) -> None:
    """``--install-completion`` and ``--show-completion`` with messages in Russian (typer's own
    callbacks print English)."""
    import click

    if not value or ctx.resilient_parsing:
        return
    shell = _completion_shell(value)
    if shell not in COMPLETION_SHELLS:
        named = f"оболочка «{shell}» не поддерживается" if shell else "не удалось определить оболочку"
        click.echo(f"roadmapctl: {named}; назовите одну из: bash, zsh, fish, powershell — например, "
                   f"roadmapctl {param.opts[0]} bash", err=True)
        ctx.exit(2)
    from typer._completion_shared import get_completion_script, install

    if param.name == "show_completion":
        click.echo(get_completion_script(prog_name="roadmapctl", complete_var="_ROADMAPCTL_COMPLETE", shell=shell))
        ctx.exit(0)
    shell, path = install(shell=shell, prog_name="roadmapctl")
    click.echo(f"Автодополнение для {shell} установлено: {path}")
    click.echo("Оно заработает в новом окне терминала (или после перезапуска оболочки).")
    ctx.exit(0)


def build_command():
    """The click command of the whole program, with every command registered and the completion
    options described and answering in Russian."""
    _register()
    command = typer.main.get_command(app)
    for param in command.params:
        if param.name in COMPLETION_HELP:
            param.help = COMPLETION_HELP[param.name]
            param.metavar = "ОБОЛОЧКА" if param.name == "install_completion" else None
            param.callback = _completion
    return command


def main() -> None:
    """Entry point: any unexpected exception becomes a short Russian message and exit code 2."""
    from roadmapctl.cli.common import guard
    from roadmapctl.cli.i18n import install

    install()
    command = build_command()
    guard(lambda: command(prog_name="roadmapctl"))


if __name__ == "__main__":  # pragma: no cover
    main()
