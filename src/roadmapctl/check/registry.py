"""The rule registry: every rule is a small function with a code, a severity and Russian docs.

A rule is a generator ``def rule(ctx) -> Iterable[Finding]``; ``stage`` says what it needs:
``"document"`` rules run on any file that parsed as YAML, ``"roadmap"`` rules only on files
that passed the schema and were built into the model.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, NamedTuple

from roadmapctl.check.diagnostics import Fix, Severity
from roadmapctl.spans import Span


class Finding(NamedTuple):
    span: Span
    message: str
    hint: str | None = None
    fix: Fix | None = None


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str
    doc: str
    stage: str
    func: Callable[..., Iterable[Finding]] | None

    @property
    def group(self) -> str:
        return GROUPS.get(self.code[:3], "")


GROUPS = {
    "RM0": "Файл и синтаксис YAML",
    "RM1": "Схема",
    "RM2": "Нумерация и структура",
    "RM3": "Ответственные",
    "RM4": "Сроки",
    "RM5": "Содержание",
    "RM6": "Оформление текста",
    "RM7": "Орфография",
    "RM9": "Подавления",
}

RULES: dict[str, Rule] = {}


def rule(code: str, name: str, severity: Severity, summary: str, doc: str, stage: str = "roadmap"):
    """Register a rule function under ``code``."""

    def register(func):
        if code in RULES:
            raise ValueError(f"duplicate rule code {code}")
        RULES[code] = Rule(code, name, severity, summary, doc.strip(), stage, func)
        return func

    return register


def declare(code: str, name: str, severity: Severity, summary: str, doc: str, stage: str = "file") -> None:
    """Register a code whose findings the runner itself produces (syntax, suppressions)."""
    if code in RULES:
        raise ValueError(f"duplicate rule code {code}")
    RULES[code] = Rule(code, name, severity, summary, doc.strip(), stage, None)


def rule_help(rule: Rule) -> str:
    """A rule's whole documentation as ``roadmapctl rules CODE`` shows it (and SARIF's ``help``)."""
    return (f"{rule.code} ({rule.name}) — {rule.summary}\n"
            f"Группа: {rule.group}. Важность по умолчанию: {rule.severity.russian}.\n\n{rule.doc}")


def all_rules() -> list[Rule]:
    from roadmapctl.check import rules  # noqa: F401 - importing registers every rule

    return sorted(RULES.values(), key=lambda r: r.code)
