"""``roadmapctl explain``: how deadline texts are understood."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional

import typer

from roadmapctl.cli.common import UsageError, complete_from, known_format
from roadmapctl.outputs import OutputFormat, table
from roadmapctl.textutil import ru_date

if TYPE_CHECKING:
    from roadmapctl.check.registry import Rule
    from roadmapctl.deadlines import Term


def register(app: typer.Typer) -> None:
    @app.command(help="Показать, как прочитан срок: вид, даты, предупреждения. Например: roadmapctl explain --period 2021-2022 \"ежеквартально\". Код правила (RM302) показывает описание правила.")
    def explain(
        texts: list[str] = typer.Argument(..., metavar="ТЕКСТ", help="Тексты сроков, каждый в кавычках, или коды правил (RM302)."),
        period: Optional[str] = typer.Option(
            None, "--period", "-p", metavar="ПЕРИОД",
            help="Период дорожной карты: 2021-2022, «2020-2021 учебный год» или 2021-01-01..2022-12-31 (по умолчанию текущий календарный год).",
            show_default=False,
        ),
        output_format: str = typer.Option("text", "--format", "-f", autocompletion=complete_from("roadmapctl.cli.explain", "FORMATS"), metavar="ФОРМАТ", help="Формат: text или json."),
        roadmap_file: Optional[str] = typer.Option(
            None, "--file", "-F", metavar="ФАЙЛ",
            help="Дорожная карта, из которой взять период и учебный календарь (сроки читаются так же, как в check и report).",
            show_default=False,
        ),
    ) -> None:
        from datetime import date

        from roadmapctl.deadlines import read_deadline
        from roadmapctl.document.schedule import period_or_reason

        known_format(output_format, FORMATS)
        rules = _rules_named(texts)
        calendar = None
        if roadmap_file is not None:
            from roadmapctl.cli.common import require
            from roadmapctl.document.schedule import school_calendar

            roadmap = require(roadmap_file).roadmap
            assert roadmap is not None
            calendar = school_calendar(roadmap)
            if period is None:
                period = roadmap.period_text
        span, reason = period_or_reason(period or str(date.today().year), calendar)
        if span is None:
            raise UsageError(f"период «{period}» не прочитан: {reason}")
        terms = [rules[k] if k in rules else read_deadline(text, span)
                 for k, text in enumerate(texts)]
        heading = f"Период: {ru_date(span.start)}–{ru_date(span.end)}"
        shown = span.text or period or ""
        heading += f" ({shown})" if shown else ""
        if calendar is not None:
            heading += f"\nУчебный календарь: из файла {roadmap_file} (где он не задан — типовой)"
        from roadmapctl.writing import write_output

        row = FORMATS[output_format]
        write_output(None, row.write(terms, heading), text=row.text)  # text: control characters shown


# A rule code as people type it: "RM302", "rm302", "RM 302", or with the Cyrillic "РМ".
_RULE_CODE = re.compile(r"\s*(?:rm|рм)[\s-]?(\d{3})\s*", re.IGNORECASE)


def _rules_named(texts: list[str]) -> dict[int, Rule]:
    """The texts that are rule codes ("explain RM302"), by position: a rule code is never a
    deadline, so its documentation is shown (as ``rules RM302`` does); an unknown code is a
    usage error rather than an unreadable deadline."""
    found: dict[int, Rule] = {}
    for k, text in enumerate(texts):
        m = _RULE_CODE.fullmatch(text)
        if m is None:
            continue
        from roadmapctl.check.registry import all_rules

        code = f"RM{m.group(1)}"
        rule = next((r for r in all_rules() if r.code == code), None)
        if rule is None:
            raise UsageError(f"«{text.strip()}» похоже на код правила, но правила {code} нет; "
                             "список правил: roadmapctl rules")
        found[k] = rule
    return found


def _text(items: list[Term | Rule], heading: str) -> str:
    """The period (and where the school calendar comes from), then each term explained; a rule
    code named instead of a deadline gets the rule's documentation."""
    from roadmapctl.check.registry import Rule, rule_help

    lines = [] if all(isinstance(item, Rule) for item in items) else [heading]
    for item in items:
        if isinstance(item, Rule):
            lines += ["", *rule_help(item).splitlines()] if lines else rule_help(item).splitlines()
        else:
            lines += ["", f"«{item.text}»"] + [f"  {line}" for line in item.explanation()]
    return "\n".join(lines) + "\n"


def _json(items: list[Term | Rule], _heading: str) -> str:
    import json

    from roadmapctl.check.registry import Rule

    payload = [{"rule": {"code": item.code, "name": item.name, "severity": item.severity.value,
                         "summary": item.summary, "group": item.group, "doc": item.doc}}
               if isinstance(item, Rule) else item.to_json() for item in items]
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


# The formats of ``explain`` (``roadmapctl.outputs``): on the screen only.
FORMATS = table(
    OutputFormat("text", (".txt",), _text, None, text=True),
    OutputFormat("json", (".json",), _json, None),
)
