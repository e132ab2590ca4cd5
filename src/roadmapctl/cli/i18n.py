"""Russian for what click and typer print by themselves: help headings and usage errors.

click marks its messages for gettext (``_`` and ``ngettext`` imported into each module); we
put our own functions in those modules' namespaces, without touching gettext's global state.
"""

from __future__ import annotations

RUSSIAN = {
    "Usage:": "Использование:",
    "Options": "Параметры",
    "Arguments": "Аргументы",
    "Positional arguments": "Аргументы",
    "Commands": "Команды",
    "Show this message and exit.": "Показать эту справку и выйти.",
    "Show the version and exit.": "Показать версию и выйти.",
    "Error: {message}": "Ошибка: {message}",
    "Try '{command} {option}' for help.": "Справка: {command} {option}",
    "Missing argument": "Не указан аргумент",
    "Missing command.": "Не указана команда.",
    "Missing option": "Не указан параметр",
    "Missing parameter": "Не указано значение",
    "Missing parameter: {param_name}": "Не указано значение: {param_name}",
    "Missing {param_type}": "Не указан {param_type}",
    "No such command {name!r}.": "Нет такой команды: {name!r}.",
    "No such option {name!r}.": "Нет такого параметра: {name!r}.",
    "No such option: {name}": "Нет такого параметра: {name}",
    "Did you mean {possibility}?": "Возможно, имелось в виду {possibility}?",
    "(Possible options: {possibilities})": "(возможно, имелось в виду: {possibilities})",
    "Option {name!r} does not take a value.": "Параметр {name!r} не принимает значения.",
    "Option {name!r} requires an argument.": "Параметру {name!r} нужно значение.",
    "Option {name!r} requires {nargs} arguments.": "Параметру {name!r} нужно значений: {nargs}.",
    "Argument {name!r} takes {nargs} values.": "Аргументу {name!r} нужно значений: {nargs}.",
    "Invalid value for {param_hint}: {message}": "Недопустимое значение {param_hint}: {message}",
    "Invalid value: {message}": "Недопустимое значение: {message}",
    "{value!r} is not a valid {number_type}.": "{value!r} — не {number_type}.",
    "{value} is not in the range {range}.": "{value} вне диапазона {range}.",
    "{value!r} is not one of {choices}.": "{value!r} — не из списка: {choices}.",
    "{value!r} is not a valid boolean.": "{value!r} — не да/нет.",
    "Got unexpected extra argument ({args})": "Лишний аргумент: {args}",
    "Got unexpected extra arguments ({args})": "Лишние аргументы: {args}",
    "Aborted!": "Прервано.",
    "default: {default}": "по умолчанию: {default}",
    "env var: {var}": "переменная окружения: {var}",
    "required": "обязательно",
    "(dynamic)": "(вычисляется)",
    "integer": "целое число",
    "float": "число",
    "file": "файл",
    "directory": "папка",
    "path": "путь",
    "{name} {filename!r} does not exist.": "{name} {filename!r} не существует.",
    "{name} {filename!r} is a file.": "{name} {filename!r} — файл.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} — папка.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} недоступен для чтения.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} недоступен для записи.",
    "Could not open file {filename!r}: {message}": "Не удалось открыть файл {filename!r}: {message}",
    "unknown error": "неизвестная ошибка",
    "Value must be an iterable.": "Нужен список значений.",
}


def _(message: str) -> str:
    return RUSSIAN.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _(singular if n == 1 else plural)


def install() -> None:
    import click.core
    import click.decorators
    import click.exceptions
    import click.formatting
    import click.parser
    import click.types
    import typer.core

    # metavars and type names in help and errors: ТЕКСТ, ЧИСЛО instead of TEXT, INTEGER
    click.types.STRING.name = "текст"
    click.types.INT.name = "целое число"
    click.types.FLOAT.name = "число"
    click.types.BOOL.name = "да/нет"
    for module in (click.core, click.decorators, click.exceptions, click.formatting, click.parser, click.types, typer.core):
        if hasattr(module, "_"):
            setattr(module, "_", _)  # noqa: B010 (mypy does not know the module has it)
        if hasattr(module, "ngettext"):
            setattr(module, "ngettext", ngettext)  # noqa: B010
