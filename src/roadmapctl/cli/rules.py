"""``roadmapctl rules``: the rule registry with its Russian documentation."""

from __future__ import annotations

from typing import Optional

import typer

from roadmapctl.cli.common import UsageError, complete_from, known_format

FORMATS = ("text", "json", "markdown")


def register(app: typer.Typer) -> None:
    @app.command(help="Показать правила проверки или описание одного правила (например, roadmapctl rules RM301).")
    def rules(
        code: Optional[str] = typer.Argument(None, metavar="[КОД]", help="Код правила, например RM301.", show_default=False),
        output_format: str = typer.Option("text", "--format", "-f", autocompletion=complete_from("roadmapctl.cli.rules", "FORMATS"), help="Формат: text, json или markdown (справочник правил для docs/check.md)."),
    ) -> None:
        import json

        from roadmapctl.check.registry import all_rules, reference_markdown, rule_help

        registry = all_rules()
        known_format(output_format, FORMATS)
        if code:
            wanted = code.strip().upper()
            found = [r for r in registry if r.code == wanted]
            if not found:
                raise UsageError(f"правило «{code}» не найдено; список правил: roadmapctl rules")
            registry = found
        if output_format == "json":
            payload = [
                {"code": r.code, "name": r.name, "severity": r.severity.value, "summary": r.summary, "group": r.group, "doc": r.doc}
                for r in registry
            ]
            typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
            return
        if output_format == "markdown":
            typer.echo(reference_markdown(registry), nl=False)
            return
        if code:
            typer.echo(rule_help(registry[0]))
            return
        group = None
        for r in registry:
            if r.group != group:
                group = r.group
                typer.echo(f"\n{group}")
            typer.echo(f"  {r.code}  {r.severity.russian:<14}  {r.summary}")
        typer.echo("\nПодробно о правиле: roadmapctl rules КОД")
