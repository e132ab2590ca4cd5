"""Output formats of ``check``: text, concise, json, github, gitlab, sarif, and statistics.

``FORMATS`` is the table of formats (``roadmapctl.outputs``): a name, the function that writes the
report, how the command treats it and how an earlier report is recognised (``own_output``). To add
a format, write its function here and add one ``Format`` row."""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping, Protocol
from urllib.parse import quote

from roadmapctl.check.diagnostics import Diagnostic, Severity
from roadmapctl.colors import BOLD, CYAN, DIM, RED, YELLOW, paint
from roadmapctl.outputs import OutputFormat, table
from roadmapctl.own_output import check_report
from roadmapctl.repository import repository_root
from roadmapctl.writing import json_text

EXCERPT = 160  # characters of a source line quoted under a finding


class Lines(Protocol):
    """Where a format quotes a finding's source line from: a ``Source`` or what a check kept of it."""

    def line(self, number: int) -> str: ...


@dataclass(frozen=True)
class Findings:
    """What a report of ``check`` shows."""

    diagnostics: list[Diagnostic]  # sorted
    sources: Mapping[str, Lines]  # by file name, for the formats that quote source lines
    files: int  # how many files were checked
    fixed: int | None = None  # how many findings ``--fix`` fixed; None without ``--fix``
    quiet: bool = False  # ``--quiet``: the findings only, no summary line


def summary_line(diagnostics: list[Diagnostic], files: int) -> str:
    errors = sum(1 for d in diagnostics if d.severity is Severity.ERROR)
    warnings = len(diagnostics) - errors
    return (f"Проверено файлов: {files}. Ошибок: {errors}, предупреждений: {warnings}.")


def _same_cause(diagnostics: list[Diagnostic]) -> tuple[list[Diagnostic], dict[int, list[int]]]:
    """The findings to show in full (the first of each cause: one file, rule, message and hint)
    and, by the index of each shown one, the lines of its repeats."""
    first: dict[tuple, int] = {}
    shown: list[Diagnostic] = []
    more: dict[int, list[int]] = {}
    for d in diagnostics:
        key = (d.file, d.code, d.message, d.hint)
        if key in first:
            more.setdefault(first[key], []).append(d.line)
            continue
        first[key] = len(shown)
        shown.append(d)
    return shown, more


def _also_on(lines: list[int]) -> str:
    unique = sorted(set(lines))
    word = "в строке" if len(unique) == 1 else "в строках"
    return f"ещё {word} {', '.join(str(n) for n in unique)}"


def render_text(diagnostics: list[Diagnostic], sources: Mapping[str, Lines], color: bool = False,
                group: bool = False) -> str:
    """Grouped per file, each finding with its source line and a caret under the column; with
    ``group``, a finding repeated in the file (the same rule, message and hint) is shown once,
    with the lines of its repeats («ещё в строках 40, 77»)."""
    out: list[str] = []
    current = None
    more: dict[int, list[int]] = {}
    if group:
        diagnostics, more = _same_cause(diagnostics)
    for index, d in enumerate(diagnostics):
        if d.file != current:
            if current is not None:
                out.append("")
            out.append(paint(d.file, BOLD, color))
            current = d.file
        severity = paint(d.severity.russian, RED if d.severity is Severity.ERROR else YELLOW, color)
        out.append(f"{d.file}:{d.line}:{d.column}: {paint(d.code, BOLD, color)} {severity}: {d.message}")
        source = sources.get(d.file)
        line = source.line(d.line) if source else ""
        if line.strip():
            shown = line.replace("\t", " ")
            column = d.column
            width = d.span.end_column - d.span.column if d.span.end_line == d.line else len(shown) - column + 1
            if len(shown) > EXCERPT:  # a long line is quoted around the finding only
                start = max(0, min(column - 1 - EXCERPT // 3, len(shown) - EXCERPT))
                shown = ("…" if start else "") + shown[start : start + EXCERPT] + ("…" if start + EXCERPT < len(line) else "")
                column = column - start + (1 if start else 0)
            width = max(1, min(width, max(1, len(shown) - column + 1), EXCERPT))
            gutter = f"{d.line:>5} | "
            out.append(paint(gutter, DIM, color) + shown)
            out.append(" " * (len(gutter) + column - 1) + paint("^" * width, RED if d.severity is Severity.ERROR else YELLOW, color))
        if index in more:
            out.append(paint(f"      {_also_on(more[index])}", DIM, color))
        if d.hint:
            out.append(paint(f"      подсказка: {d.hint}", CYAN, color))
    return "\n".join(out) + ("\n" if out else "")


def render_concise(diagnostics: list[Diagnostic]) -> str:
    lines = [f"{d.file}:{d.line}:{d.column}: {d.code} [{d.severity.russian}] {d.message}" + (f" ({d.hint})" if d.hint else "") for d in diagnostics]
    return "\n".join(lines) + ("\n" if lines else "")


def render_json(diagnostics: list[Diagnostic], files: int) -> str:
    by_code = Counter(d.code for d in diagnostics)
    payload = {
        "diagnostics": [d.to_json() for d in diagnostics],
        "summary": {
            "files": files,
            "errors": sum(1 for d in diagnostics if d.severity is Severity.ERROR),
            "warnings": sum(1 for d in diagnostics if d.severity is Severity.WARNING),
            "by_code": dict(sorted(by_code.items())),
        },
    }
    return json_text(payload) + "\n"


def _gh_escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def render_github(diagnostics: list[Diagnostic]) -> str:
    lines = []
    for d in diagnostics:
        level = "error" if d.severity is Severity.ERROR else "warning"
        message = d.message + (f" Подсказка: {d.hint}" if d.hint else "")
        lines.append(
            f"::{level} file={_gh_escape(d.file, True)},line={d.line},col={d.column},"
            f"endLine={d.span.end_line},endColumn={d.span.end_column},title={_gh_escape(d.code, True)}::{_gh_escape(message)}"
        )
    return "\n".join(lines) + ("\n" if lines else "")


def repository_path(file: str) -> str:
    """A finding's file as CI services want it: relative to the repository root (not to the
    current folder), with ``/`` separators; relative to the current folder outside a repository."""
    if file in ("-", "<stdin>") or not file:
        return file
    path = Path(os.path.abspath(file))
    root = repository_root(str(path.parent))
    base = root if root is not None else Path.cwd()
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return path.as_posix()


def _fingerprints(diagnostics: list[Diagnostic], sources: Mapping[str, Lines]) -> list[str]:
    """One fingerprint per finding, stable when lines move: the file, the rule, the text of the
    line and the message; the same finding repeated in one file is told apart by its occurrence."""
    seen: Counter[str] = Counter()
    out = []
    for d in diagnostics:
        source = sources.get(d.file)
        line = source.line(d.line).strip() if source else ""
        key = f"{repository_path(d.file)}\0{d.code}\0{line}\0{d.message}"
        seen[key] += 1
        out.append(hashlib.sha256(f"{key}\0{seen[key]}".encode("utf-8", "surrogateescape")).hexdigest())
    return out


def render_gitlab(diagnostics: list[Diagnostic], sources: Mapping[str, Lines]) -> str:
    """GitLab Code Quality report (a JSON array of issues)."""
    issues = [
        {
            "description": f"{d.code}: {d.message}",
            "check_name": d.code,
            "fingerprint": fingerprint,
            "severity": "major" if d.severity is Severity.ERROR else "minor",
            "location": {"path": repository_path(d.file), "lines": {"begin": d.line, "end": d.span.end_line}},
        }
        for d, fingerprint in zip(diagnostics, _fingerprints(diagnostics, sources))
    ]
    return json_text(issues) + "\n"


def _sarif_uri(file: str) -> str:
    """A relative URI reference (RFC 3986): the repository path, percent-encoded (UTF-8)."""
    return quote(repository_path(file), safe="/", errors="surrogateescape")  # a non-UTF-8 name: its bytes


def _rule_help(rule) -> dict:
    from roadmapctl.check.registry import rule_help

    text = rule_help(rule)
    return {"text": text, "markdown": text}


def render_sarif(diagnostics: list[Diagnostic], sources: Mapping[str, Lines]) -> str:
    from roadmapctl import __version__
    from roadmapctl.check.registry import all_rules

    rules = all_rules()
    index = {r.code: i for i, r in enumerate(rules)}
    payload = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "roadmapctl",
                        "version": __version__,
                        "rules": [
                            {
                                "id": r.code,
                                "name": r.name,
                                "shortDescription": {"text": r.summary},
                                "fullDescription": {"text": r.doc},
                                "help": _rule_help(r),
                                "defaultConfiguration": {"level": "error" if r.severity is Severity.ERROR else "warning"},
                            }
                            for r in rules
                        ],
                    }
                },
                "results": [
                    {
                        "ruleId": d.code,
                        "ruleIndex": index[d.code],
                        "level": "error" if d.severity is Severity.ERROR else "warning",
                        "message": {"text": d.message + (f" Подсказка: {d.hint}" if d.hint else "")},
                        "locations": [
                            {
                                "physicalLocation": {
                                    "artifactLocation": {"uri": _sarif_uri(d.file), "uriBaseId": "SRCROOT"},
                                    "region": {
                                        "startLine": d.line,
                                        "startColumn": d.column,
                                        "endLine": d.span.end_line,
                                        "endColumn": d.span.end_column,
                                    },
                                }
                            }
                        ],
                        "partialFingerprints": {"roadmapctl/v2": fingerprint},
                    }
                    for d, fingerprint in zip(diagnostics, _fingerprints(diagnostics, sources))
                ],
                "columnKind": "unicodeCodePoints",
            }
        ],
    }
    return json_text(payload) + "\n"


def render_statistics(diagnostics: Iterable[Diagnostic]) -> str:
    from roadmapctl.check.registry import RULES

    counts = Counter(d.code for d in diagnostics)
    lines = []
    for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        rule = RULES.get(code)
        lines.append(f"{count:>6}  {code}  {rule.summary if rule else ''}")
    return "\n".join(lines) + ("\n" if lines else "")


def overview(diagnostics: list[Diagnostic]) -> list[str]:
    """What kinds of things were found, by group of rules, and what warnings and errors mean."""
    from roadmapctl.check.registry import GROUPS

    if not diagnostics:
        return []
    kinds: Counter[str] = Counter(GROUPS.get(d.code[:3], d.code) for d in diagnostics)
    order = {name: i for i, name in enumerate(GROUPS.values())}
    listed = "; ".join(f"{name.lower()} — {count}" for name, count in
                       sorted(kinds.items(), key=lambda item: (-item[1], order.get(item[0], 99))))
    lines = [f"Что найдено: {listed}."]
    errors = any(d.severity is Severity.ERROR for d in diagnostics)
    if any(d.severity is Severity.WARNING for d in diagnostics):
        lines.append("Предупреждения — это советы: они не мешают принять дорожную карту; если так написано "
                     "в утверждённом документе, их можно оставить.")
    if errors:
        lines.append("Ошибки нужно исправить: без этого отчёты и документы по дорожной карте не строятся.")
    return lines


def _text(findings: Findings, color: bool) -> str:
    """A summary first (how many, of what kinds, what warnings mean), then the findings quoted
    under their source lines, repeats of one cause together, then what ``--fix`` can do."""
    diagnostics = findings.diagnostics
    body = render_text(diagnostics, findings.sources, color, group=True)
    if findings.quiet:
        return body.rstrip("\n") + "\n" if body else ""
    head = "\n".join([summary_line(diagnostics, findings.files), *overview(diagnostics)]) + "\n"
    tail = ""
    fixable = sum(1 for d in diagnostics if d.fix is not None and d.fix.safe)
    if findings.fixed is not None:
        tail = f"Исправлено: {findings.fixed}."
    elif fixable:
        tail = f"Исправляется автоматически: {fixable} (roadmapctl check --fix)."
    return head + ("\n" + body if body else "") + ("\n" + tail + "\n" if tail else "")


@dataclass(frozen=True)
class Format(OutputFormat):
    """One output format of ``check``: its writer is ``(findings, colour) -> the report`` (only
    text paints)."""

    statistics: bool = False  # ``--statistics`` shows the counts per rule instead of the report
    github_actions: bool = False  # the default in a GitHub Actions job (when not written to a file)

    def render(self, findings: Findings, color: bool) -> str:
        return self.write(findings, color).decode("utf-8", errors="surrogateescape")


FORMATS: dict[str, Format] = table(
    Format("text", (".txt",), _text, check_report, text=True, color=True, statistics=True),
    Format("concise", (".txt",), lambda f, _color: render_concise(f.diagnostics), check_report, text=True,
           statistics=True),
    Format("json", (".json",), lambda f, _color: render_json(f.diagnostics, f.files), check_report),
    Format("github", (".txt",), lambda f, _color: render_github(f.diagnostics), check_report, text=True,
           github_actions=True),
    Format("gitlab", (".json",), lambda f, _color: render_gitlab(f.diagnostics, f.sources), check_report),
    Format("sarif", (".sarif",), lambda f, _color: render_sarif(f.diagnostics, f.sources), check_report),
)
DEFAULT = "text"


def default_format(github_log: bool) -> str:
    """The format when none is asked for: text, or GitHub's annotations when the report goes to
    the log of a GitHub Actions job."""
    if github_log:
        return next(f.name for f in FORMATS.values() if f.github_actions)
    return DEFAULT
