"""Russian for what the command-line framework prints by itself.

typer carries its own copy of click whose messages are English literals. We change the two
texts it writes on every help page (the usage prefix and the help option) and print usage
errors ourselves, in Russian, from the structured exception (see ``run``).
"""

from __future__ import annotations

import re
import sys

import typer

USAGE_PREFIX = "Использование: "
HELP_TEXT = "Показать эту справку и выйти."

_PATTERNS = [
    (re.compile(r"^Got unexpected extra arguments? \((?P<x>.*)\)$"), "лишние аргументы: {x}"),
    (re.compile(r"^No such command '(?P<x>.*)'\.?$"), "нет такой команды: «{x}»"),
    (re.compile(r"^Value (?P<x>.*) is not a valid (?P<t>.*)\.$"), "значение {x} — не {t}"),
    (re.compile(r"^(?P<x>.*) is not one of (?P<t>.*)\.$"), "значение {x} не из списка: {t}"),
    (re.compile(r"^Option '(?P<x>.*)' requires an argument\.$"), "параметру «{x}» нужно значение"),
    (re.compile(r"^Option '(?P<x>.*)' requires (?P<n>\d+) arguments\.$"), "параметру «{x}» нужно {n} значения"),
    (re.compile(r"^Option '(?P<x>.*)' does not take a value\.$"), "параметр «{x}» не принимает значения"),
    (re.compile(r"^Missing command\.$"), "не указана команда"),
    (re.compile(r"^No such option: (?P<x>.*)$"), "нет такого параметра: {x}"),
    (re.compile(r"^Input should be a valid (?P<t>\w+).*$"), "ожидается {t}"),
]
_TYPES = {"date": "дата", "integer": "целое число", "int": "целое число", "float": "число", "boolean": "да/нет", "bool": "да/нет"}


def _russian(message: str) -> str:
    for pattern, template in _PATTERNS:
        match = pattern.match(message.strip())
        if match:
            values = {k: _TYPES.get(v, v) for k, v in match.groupdict().items()}
            return template.format(**values)
    return message


_TYPER_WORDS = {
    "default: {default}": "по умолчанию: {default}",
    "[required]": "[обязательно]",
    "required": "обязательно",
    "Arguments": "Аргументы",
    "Options": "Параметры",
    "Commands": "Команды",
    "Missing command.": "Не указана команда.",
}
_HELP_WORDS = [
    ("[OPTIONS]", "[ПАРАМЕТРЫ]"),
    ("COMMAND [ARGS]...", "КОМАНДА [АРГУМЕНТЫ]..."),
    ("[default: ", "[по умолчанию: "),
    ("[required]", "[обязательно]"),
]
_METAVAR = re.compile(r" ?<(list\[[a-z]+\]|str|int|float|bool|Path|date|datetime)>")
_METAVAR_NAMES = {"str": " ТЕКСТ", "int": " ЧИСЛО", "float": " ЧИСЛО", "Path": " ПУТЬ", "date": " ДАТА", "datetime": " ДАТА"}


def russian_help(text: str) -> str:
    for english, russian in _HELP_WORDS:
        text = text.replace(english, russian)
    return _METAVAR.sub(lambda m: _METAVAR_NAMES.get(m.group(1), "").ljust(len(m.group(0))), text)


def install() -> None:
    from typer._click import formatting

    original = formatting.HelpFormatter.write_usage

    def write_usage(self, prog, args="", prefix=None):
        return original(self, prog, args, USAGE_PREFIX if prefix is None else prefix)

    formatting.HelpFormatter.write_usage = write_usage
    from typer._click import core

    get_help_option = core.Command.get_help_option

    def russian_help_option(self, ctx):
        option = get_help_option(self, ctx)
        if option is not None:
            option.help = HELP_TEXT
        return option

    core.Command.get_help_option = russian_help_option
    get_help = core.Context.get_help
    core.Context.get_help = lambda self: russian_help(get_help(self))
    get_usage = core.Context.get_usage
    core.Context.get_usage = lambda self: russian_help(get_usage(self))
    import typer.core as typer_core

    if hasattr(typer_core, "_"):
        typer_core._ = lambda message: _TYPER_WORDS.get(message, message)


def describe(exc) -> str:
    """A Russian sentence for a usage error raised by the framework."""
    from typer._click import exceptions as ex

    if isinstance(exc, ex.NoSuchOption):
        text = f"нет такого параметра: {exc.option_name}"
        if exc.possibilities:
            text += f" (возможно, имелось в виду: {', '.join(sorted(exc.possibilities))})"
        return text
    if isinstance(exc, ex.MissingParameter):
        param = exc.param
        name = None
        if param is not None:
            name = (param.opts[0] if getattr(param, "param_type_name", "") == "option" and param.opts else (param.human_readable_name if hasattr(param, "human_readable_name") else param.name))
        return f"не указано обязательное значение {name or ''}".rstrip()
    if isinstance(exc, ex.BadParameter):
        hint = exc.param_hint or (exc.param.opts[0] if exc.param is not None and getattr(exc.param, "opts", None) else None)
        if isinstance(hint, (list, tuple)):
            hint = " / ".join(hint)
        prefix = f"недопустимое значение {hint}" if hint else "недопустимое значение"
        return f"{prefix}: {_russian(exc.message)}"
    return _russian(exc.format_message())


def run(app: typer.Typer) -> None:
    from typer._click import exceptions as ex

    try:
        result = app(prog_name="roadmapctl", standalone_mode=False)
    except ex.NoArgsIsHelpError as exc:
        typer.echo(exc.ctx.get_help())
        sys.exit(0)
    except ex.UsageError as exc:
        command = exc.ctx.command_path if exc.ctx is not None else "roadmapctl"
        typer.echo(f"roadmapctl: {describe(exc)}", err=True)
        typer.echo(f"Справка: {command} --help", err=True)
        sys.exit(2)
    except (typer.Abort, getattr(ex, "Abort", typer.Abort)):
        typer.echo("roadmapctl: прервано", err=True)
        sys.exit(130)
    if isinstance(result, int):
        sys.exit(result)
