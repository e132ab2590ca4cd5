"""Registering a rule: the decorator and the table it fills, below the rules that use it.

The rules import this module, and ``check.registry`` (which loads every rule for ``all_rules``)
imports the rules: with the table here, no import goes round in a circle.
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
    # whether its findings carry a fix: "" none, "safe" (``check --fix``), "unsafe" (only with
    # ``--unsafe-fixes``; an editor offers it), "varies" (safe or not, finding by finding)
    fix: str = ""
    # what its findings depend on (check/incremental.py): "document" — anything in the file;
    # "activity" — a finding inside an activity depends only on that activity and on what lies
    # outside every activity list (the head, the directory, the period, the tables' columns and
    # the sections' own keys), and a finding outside the activities never on an activity; such a
    # rule is re-run only on the activity an editor's change touched
    scope: str = "document"
    # for a "document" rule: the keys whose values it reads in an activity (and in its sub-items
    # and nested activities), when that is all it reads of activities; a change inside one
    # activity that keeps the values, the positions and the quoting of those keys and adds or
    # removes no line leaves its findings as they were. None: it may read anything.
    reads: tuple[str, ...] | None = None
    # its messages name lines («строка 12»): when an editor's change adds or removes lines, its
    # findings are made again (an "activity" rule's on the whole document), never moved
    names_lines: bool = False

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


FIX_KINDS = ("", "safe", "unsafe", "varies")
SCOPES = ("document", "activity")


def rule(code: str, name: str, severity: Severity, summary: str, doc: str, stage: str = "roadmap", fix: str = "",
         scope: str = "document", reads: tuple[str, ...] | None = None, names_lines: bool = False):
    """Register a rule function under ``code``; ``fix`` says whether its findings carry a fix,
    ``scope``, ``reads`` and ``names_lines`` what they depend on (``Rule.scope`` and the rest)."""

    def register(func):
        if code in RULES:
            raise ValueError(f"duplicate rule code {code}")
        if fix not in FIX_KINDS:
            raise ValueError(f"rule {code}: fix must be one of {FIX_KINDS}")
        if scope not in SCOPES:
            raise ValueError(f"rule {code}: scope must be one of {SCOPES}")
        if reads is not None and scope != "document":
            raise ValueError(f"rule {code}: reads is for rules of the whole document")
        RULES[code] = Rule(code, name, severity, summary, doc.strip(), stage, func, fix, scope, reads, names_lines)
        return func

    return register


def declare(code: str, name: str, severity: Severity, summary: str, doc: str, stage: str = "file") -> None:
    """Register a code whose findings the runner itself produces (syntax, suppressions)."""
    if code in RULES:
        raise ValueError(f"duplicate rule code {code}")
    RULES[code] = Rule(code, name, severity, summary, doc.strip(), stage, None)
