"""Stage 2: JSON Schema validation of the loaded data, with errors mapped back to YAML nodes.

A fast compiled validator (fastjsonschema, generated with the package) answers "valid?" for the
common case; only an invalid document pays for jsonschema's complete, path-carrying errors.
"""

from __future__ import annotations

import difflib
import json
from functools import cache
from typing import Any

from yaml.nodes import ScalarNode

from roadmapctl.document.problems import Problem
from roadmapctl.loading import Document
from roadmapctl.resources import schema_path
from roadmapctl.spans import Span


@cache
def schema() -> dict:
    with schema_path().open(encoding="utf-8") as handle:
        return json.load(handle)


@cache
def fast_validator():
    """A fastjsonschema validator: the module generated with the package (``_validator.py``,
    see ``validator_code``) when it was made from this schema by this fastjsonschema version,
    otherwise compiled in memory. No code is ever read from a cache folder."""
    from roadmapctl.document.validator_code import (
        digest,
        fastjsonschema_version,
        source,
    )

    wanted = digest(schema_path().read_bytes(), fastjsonschema_version())
    import importlib

    try:
        _validator = importlib.import_module("roadmapctl.document._validator")
    except ImportError:
        _validator = None
    if _validator is not None and getattr(_validator, "DIGEST", None) == wanted:
        return _validator.validate
    namespace: dict[str, Any] = {}
    exec(compile(source(schema()), "<roadmapctl validator>", "exec"), namespace)  # noqa: S102 - generated from our own schema
    return namespace["validate"]


@cache
def full_validator():
    import jsonschema

    return jsonschema.Draft202012Validator(schema(), format_checker=jsonschema.FormatChecker())


def is_valid(data: Any) -> bool:
    fast = fast_validator()
    try:
        fast(data)
    except Exception:  # noqa: BLE001 - fastjsonschema's JsonSchemaValueException
        return False
    return True


TYPE_NAMES = {
    "string": "строка",
    "integer": "целое число",
    "number": "число",
    "object": "словарь (ключ: значение)",
    "array": "список (строки с «- »)",
    "boolean": "да/нет (true/false)",
    "null": "пусто",
}


def _type_of(value: Any) -> str:
    if value is None:
        return "пустое значение"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "целое число"
    if isinstance(value, float):
        return "дробное число"
    if isinstance(value, str):
        return "строка"
    if isinstance(value, list):
        return "список"
    return "словарь"


def _best(error):
    """For oneOf/anyOf, descend to the most relevant sub-error (the deepest, most specific)."""
    from jsonschema.exceptions import best_match

    while error.context:
        deeper = best_match(error.context)
        if deeper is None or deeper is error:
            break
        error = deeper
    return error


def validate(doc: Document) -> list[Problem]:
    """All schema problems of ``doc``, each at the YAML node it concerns."""
    data = doc.data
    if data is None:
        return [Problem("RM102", "файл пуст: в нём нет ни одного ключа дорожной карты", Span.point(1, 1),
                              "начните с образца: roadmapctl new ФАЙЛ --municipality … --period …")]
    if not isinstance(data, dict):
        return [Problem("RM103", f"верхний уровень файла должен быть словарём ключей, а здесь {_type_of(data)}",
                              doc.span_at([]))]
    if is_valid(data):
        return []
    problems = []
    seen = set()
    for error in full_validator().iter_errors(data):
        for problem in _translate(doc, error):
            key = (problem.code, problem.span, problem.message)
            if key not in seen:
                seen.add(key)
                problems.append(problem)
    problems.sort(key=lambda p: (p.span.line, p.span.column, p.code))
    return problems


def _where(path: list) -> str:
    if path and isinstance(path[-1], str):
        return f"«{path[-1]}»"
    if len(path) >= 2 and isinstance(path[-1], int) and isinstance(path[-2], str):
        return f"«{path[-2]}», элемент {path[-1] + 1}"
    return "значение"


def _translate(doc: Document, error) -> list[Problem]:
    if error.validator in ("oneOf", "anyOf"):
        inner = _best(error)
        if inner is not error:
            return _translate(doc, inner)
    path = list(error.absolute_path)
    kind = error.validator
    value = error.instance
    span = doc.span_at(path)
    where = _where(path)
    if kind == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extras = [k for k in value if k not in error.schema.get("properties", {})] if isinstance(value, dict) else []
        out = []
        for extra in extras:
            key_node = doc.key_node_at(path + [extra])
            kspan = Span.of_node(key_node) if key_node is not None else span
            close = difflib.get_close_matches(extra, allowed, n=2, cutoff=0.6)
            hint = f"возможно, имелось в виду «{close[0]}»?" if close else None
            # a misspelling with exactly one close key, not already present, can be corrected
            replacement = ((kspan, close[0]) if len(close) == 1 and key_node is not None and close[0] not in value
                           and isinstance(key_node, ScalarNode) and kspan.line == kspan.end_line else None)
            if not allowed:
                message = f"неизвестный ключ «{extra}»: здесь ключи не допускаются"
            elif close:
                message = f"неизвестный ключ «{extra}»"
            else:
                message = f"неизвестный ключ «{extra}»; допустимые ключи здесь: {', '.join(allowed)}"
            out.append(Problem("RM101", message, kspan, hint, replacement))
        return out
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else str(error.validator_value)
        node = doc.node_at(path)
        parent_key = doc.key_node_at(path)
        mspan = Span.of_node(parent_key) if parent_key is not None else (Span.of_node(node) if node else span)
        if not path:
            mspan = Span.point(1, 1)
        title = error.schema.get("properties", {}).get(missing, {}).get("title", "")
        what = f" ({title.lower()})" if title and title.lower() != missing.replace("_", " ") else ""
        return [Problem("RM102", f"нет обязательного ключа «{missing}»{what}", mspan)]
    if kind == "type":
        expected = error.validator_value
        expected = expected if isinstance(expected, list) else [expected]
        node = doc.node_at(path)
        if "string" in expected and isinstance(value, (int, float)) and not isinstance(value, bool) and isinstance(node, ScalarNode):
            text = node.value
            shown = repr(value) if isinstance(value, float) else str(value)
            replacement = (span, f'"{text}"') if not node.style and span.line == span.end_line else None
            if shown != text:
                message = (f"{where}: {text} без кавычек YAML читает как число {shown}, и запись «{text}» теряется; "
                           f"заключите значение в кавычки: \"{text}\"")
            else:
                message = f"{where}: {text} без кавычек YAML читает как число; здесь нужен текст — заключите его в кавычки: \"{text}\""
            return [Problem("RM104", message, span, replacement=replacement)]
        names = " или ".join(TYPE_NAMES.get(str(t), str(t)) for t in expected)
        return [Problem("RM103", f"{where}: ожидается {names}, а записано: {_type_of(value)}", span)]
    if kind == "enum":
        options = [str(o) for o in error.validator_value]
        close = difflib.get_close_matches(str(value), options, n=1, cutoff=0.5)
        hint = f"возможно, имелось в виду «{close[0]}»?" if close else None
        return [Problem("RM105", f"{where}: недопустимое значение «{value}»; допустимо: {', '.join(options)}", span, hint)]
    if kind == "const":
        return [Problem("RM105", f"{where}: допустимо только значение {error.validator_value}", span)]
    if kind == "minLength":
        return [Problem("RM105", f"{where}: пустое значение; заполните его или удалите ключ", span)]
    if kind in ("minItems", "maxItems") and error.schema.get("minItems") == error.schema.get("maxItems"):
        count = error.schema["minItems"]
        found = len(value) if isinstance(value, list) else 0
        from roadmapctl.textutil import plural_word

        items = plural_word(count, "элемент", "элемента", "элементов")
        return [Problem("RM105", f"{where}: нужно ровно {count} {items}, а указано {found}", span,
                              error.schema.get("errorMessage"))]
    if kind == "minItems":
        return [Problem("RM105", f"{where}: список пуст; добавьте элементы или удалите ключ", span)]
    if kind == "minProperties":
        return [Problem("RM105", f"{where}: словарь пуст; заполните его или удалите ключ", span)]
    if kind in ("format", "pattern") and error.schema.get("format") == "date":
        return [Problem("RM105", f"{where}: «{value}» — не дата; пишите дату как ГГГГ-ММ-ДД, например 2021-03-24", span,
                        replacement=_iso_date(doc.node_at(path), span, value))]
    if kind == "format" and error.validator_value == "uri":
        return [Problem("RM105", f"{where}: «{value}» — не ссылка; укажите полный адрес, начиная с https://", span)]
    if kind in ("minimum", "maximum"):
        return [Problem("RM105", f"{where}: значение {value} вне допустимых пределов", span)]
    if kind == "propertyNames":
        return [Problem("RM105", "пустое имя ключа", span)]
    if kind == "pattern" and isinstance(error.schema.get("errorMessage"), str):
        # a key of a map that must have a form (the school years of «учебный_календарь»)
        return [Problem("RM105", f"{where}: «{value}» — {error.schema['errorMessage']}", span)]
    return [Problem("RM105", f"{where}: значение не соответствует формату ({kind})", span)]


def _iso_date(node, span: Span, value) -> tuple[Span, str] | None:
    """The ISO form of a date typed as ``mark`` reads it (28.08.2025), to write in its place;
    None for anything else, or a value written over several lines."""
    from roadmapctl.textutil import DateError, read_date

    if not isinstance(value, str) or not isinstance(node, ScalarNode) or span.line != span.end_line:
        return None
    try:
        return span, read_date(value).isoformat()
    except DateError:
        return None
