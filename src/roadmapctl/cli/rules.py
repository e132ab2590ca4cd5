"""``roadmapctl rules``: the rule registry with its Russian documentation."""

from __future__ import annotations

from typing import Optional

import typer

from roadmapctl.cli.common import UsageError, complete_from, known_format
from roadmapctl.outputs import OutputFormat, table


def register(app: typer.Typer) -> None:
    @app.command(help="Показать правила проверки или описание одного правила (например, roadmapctl rules RM301).")
    def rules(
        code: Optional[str] = typer.Argument(None, metavar="[КОД]", help="Код правила, например RM301.", show_default=False),
        output_format: str = typer.Option("text", "--format", "-f", autocompletion=complete_from("roadmapctl.cli.rules", "FORMATS"), help="Формат: text, json или markdown (справочник правил для docs/check.md)."),
    ) -> None:
        from roadmapctl.check.registry import all_rules

        registry = all_rules()
        known_format(output_format, FORMATS)
        if code:
            wanted = code.strip().upper()
            found = [r for r in registry if r.code == wanted]
            if not found:
                raise UsageError(f"правило «{code}» не найдено; список правил: roadmapctl rules")
            registry = found
        from roadmapctl.writing import write_output

        row = FORMATS[output_format]
        write_output(None, row.write(registry, bool(code)), text=row.text)


def _text(registry: list, one: bool) -> str:
    """One rule's documentation, or the list of rules by group."""
    from roadmapctl.check.registry import rule_help

    if one:
        return rule_help(registry[0]) + "\n"
    lines = []
    group = None
    for r in registry:
        if r.group != group:
            group = r.group
            lines += ["", group]
        lines.append(f"  {r.code}  {r.severity.russian:<14}  {r.summary}")
    lines += ["", "Подробно о правиле: roadmapctl rules КОД"]
    return "\n".join(lines) + "\n"


def _json(registry: list, _one: bool) -> str:
    import json

    payload = [
        {"code": r.code, "name": r.name, "severity": r.severity.value, "summary": r.summary, "group": r.group, "doc": r.doc}
        for r in registry
    ]
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _markdown(registry: list, _one: bool) -> str:
    """The rule reference of docs/check.md (``.ci/rule_reference.py`` keeps it up to date)."""
    from roadmapctl.check.registry import reference_markdown

    return reference_markdown(registry)


# The formats of ``rules`` (``roadmapctl.outputs``): on the screen only.
FORMATS = table(
    OutputFormat("text", (".txt",), _text, None, text=True),
    OutputFormat("json", (".json",), _json, None),
    OutputFormat("markdown", (".md",), _markdown, None, text=True),
)
