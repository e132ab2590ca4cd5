"""The rule registry: every rule is a small function with a code, a severity and Russian docs.

A rule is a generator ``def rule(ctx) -> Iterable[Finding]``; ``stage`` says what it needs:
``"document"`` rules run on any file that parsed as YAML, ``"roadmap"`` rules only on files
that passed the schema and were built into the model.
"""

from __future__ import annotations

from roadmapctl.check.registration import GROUPS, RULES, Finding, Rule, declare, rule

__all__ = ["GROUPS", "RULES", "Finding", "Rule", "declare", "rule", "rule_help", "all_rules"]


def rule_help(rule: Rule) -> str:
    """A rule's whole documentation as ``roadmapctl rules CODE`` shows it (and SARIF's ``help``)."""
    return (f"{rule.code} ({rule.name}) — {rule.summary}\n"
            f"Группа: {rule.group}. Важность по умолчанию: {rule.severity.russian}.\n\n{rule.doc}")


def all_rules() -> list[Rule]:
    from roadmapctl.check import rules  # noqa: F401 - importing registers every rule

    return sorted(RULES.values(), key=lambda r: r.code)


FIX_WORDS = {
    "": "",
    "safe": "`check --fix`",
    "unsafe": "только `--unsafe-fixes` и редактор",
    "varies": "`check --fix`, где правка безопасна; иначе `--unsafe-fixes` и редактор",
}


def _doc_markdown(doc: str) -> list[str]:
    """A rule's docs as Markdown: the indented examples become fenced YAML blocks."""
    out: list[str] = []
    lines = doc.splitlines()
    k = 0
    while k < len(lines):
        if lines[k].startswith("    "):
            block: list[str] = []
            while k < len(lines) and (lines[k].startswith("    ") or (not lines[k].strip() and k + 1 < len(lines)
                                                                          and lines[k + 1].startswith("    "))):
                block.append(lines[k][4:])
                k += 1
            out += ["```yaml", *block, "```"]
            continue
        out.append(lines[k].rstrip())
        k += 1
    return out


def reference_markdown(rules: list[Rule]) -> str:
    """The rule reference of docs/check.md, from the registry: a table of every rule, then each
    rule's documentation by group (``roadmapctl rules --format markdown``)."""
    lines = ["| Код | Имя | Важность | Исправление | Что проверяет |", "|---|---|---|---|---|"]
    for r in rules:
        summary = r.summary.replace("|", "\\|")
        lines.append(f"| {r.code} | `{r.name}` | {r.severity.russian} | {FIX_WORDS[r.fix] or '—'} | {summary} |")
    group = None
    for r in rules:
        if r.group != group:
            group = r.group
            lines += ["", f"### {group}"]
        lines += ["", f"#### {r.code} `{r.name}`: {r.summary}", "",
                  f"Важность по умолчанию: {r.severity.russian}."
                  + (f" Исправление: {FIX_WORDS[r.fix]}." if r.fix else " Исправления нет: правку делает человек."), ""]
        lines += _doc_markdown(r.doc)
    return "\n".join(lines) + "\n"
