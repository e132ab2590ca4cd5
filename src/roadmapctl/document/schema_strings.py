"""The parts of ``schema/roadmap.schema.json`` that repeat what is said elsewhere, generated from
that one source instead of typed by hand:

- the values of «статус» (``fields.Status``) and of a column's «поле» (``fields.COLUMNS``);
- every ``errorMessage`` that lists a mapping's keys («… ожидается словарь «ключ: значение» с
  ключами …; обязательны: …») from the node's own ``properties`` and ``required``;
- every ``errorMessage`` that lists allowed values («… допустимые значения — …») from the node's
  own ``enum``.

The label in «» at the start of a message stays as written. After changing the schema or the
field table, run ``python -m roadmapctl.document.schema_strings`` (it rewrites the schema file);
``tests/test_schema.py`` fails while the file is not up to date.
"""

from __future__ import annotations

import copy
import json
import re
import sys
from pathlib import Path
from typing import Any

from roadmapctl.document import fields

KEYS = "ожидается словарь «ключ: значение» с ключами"
VALUES = "допустимые значения —"
_LABEL = re.compile(r"«([^»]*)»: ")
# Where the enums generated from the field table are, as paths of keys from the root.
STATUS_PATH = ("$defs", "activity", "properties", fields.STATUS.key)
COLUMN_PATH = ("properties", "таблицы", "items", "properties", "колонки", "items", "properties", "поле")


def _node(schema: dict[str, Any], path: tuple[str, ...]) -> dict[str, Any]:
    node = schema
    for key in path:
        node = node[key]
    return node


def _message(node: dict[str, Any], message: str) -> str:
    """``message`` with its list regenerated from ``node``, or as it is when it lists nothing."""
    label = _LABEL.match(message)
    if label is None:
        return message
    head = label.group(0)
    if message.startswith(head + KEYS) and isinstance(node.get("properties"), dict):
        out = f"{head}{KEYS} {', '.join(node['properties'])}"
        if node.get("required"):
            out += f"; обязательны: {', '.join(node['required'])}"
        return out + ". Проверьте написание ключа: другие ключи здесь не допускаются"
    if message.startswith(head + VALUES) and isinstance(node.get("enum"), list):
        return f"{head}{VALUES} {', '.join(str(value) for value in node['enum'])}"
    return message


def _walk(node: Any) -> None:
    if isinstance(node, dict):
        if isinstance(node.get("errorMessage"), str):
            node["errorMessage"] = _message(node, node["errorMessage"])
        for value in node.values():
            _walk(value)
    elif isinstance(node, list):
        for value in node:
            _walk(value)


def derive(schema: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``schema`` with its derived strings generated."""
    out = copy.deepcopy(schema)
    _node(out, STATUS_PATH)["enum"] = list(fields.STATUSES)
    _node(out, COLUMN_PATH)["enum"] = list(fields.COLUMNS)
    _walk(out)
    return out


def dumps(schema: dict[str, Any]) -> str:
    """The schema file's text (the layout the file is kept in)."""
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def generated(path: Path) -> str:
    """The text ``path`` (the schema file) should have."""
    return dumps(derive(json.loads(path.read_text(encoding="utf-8"))))


def main(argv: list[str] | None = None) -> int:
    """Rewrite the schema file of the source tree (or the file given) with its derived strings."""
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0]) if args else Path(__file__).resolve().parents[3] / "schema" / "roadmap.schema.json"
    text = generated(path)
    if text != path.read_text(encoding="utf-8"):
        path.write_text(text, encoding="utf-8", newline="\n")
        print(f"{path}: обновлено")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
