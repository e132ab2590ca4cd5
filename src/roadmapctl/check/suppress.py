"""Inline suppressions in YAML comments, ruff-style.

``# noqa: RM301`` (or ``# noqa: RM301, RM601``) silences those codes on its line; a bare
``# noqa`` silences every code on the line. ``# roadmapctl: noqa: RM601`` anywhere in the file
silences the codes in the whole file (``# roadmapctl: noqa`` alone: every code). A suppression
that silences nothing is reported as RM901, so stale ones do not pile up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from roadmapctl.check.diagnostics import Diagnostic, Severity
from roadmapctl.loading import Source
from roadmapctl.spans import Span

_COMMENT = re.compile(r"(?:^|\s)#\s*(?P<file>roadmapctl:\s*)?noqa(?P<colon>\s*:\s*(?P<codes>[A-Za-z]+\d+(?:[\s,]+[A-Za-z]+\d+)*))?", re.IGNORECASE)


@dataclass
class _Suppression:
    line: int
    column: int
    end_column: int
    codes: frozenset[str] | None  # None: every code
    whole_file: bool
    used: set[str] = field(default_factory=set)


def _outside_quotes(line: str, index: int) -> bool:
    """True when ``index`` is not inside a double- or single-quoted YAML scalar on this line."""
    double = single = False
    for char in line[:index]:
        if char == '"' and not single:
            double = not double
        elif char == "'" and not double:
            single = not single
    return not double and not single


@dataclass
class Suppressions:
    items: list[_Suppression]

    @classmethod
    def parse(cls, source: Source) -> "Suppressions":
        items: list[_Suppression] = []
        if "noqa" not in source.text.lower():
            return cls(items)
        for number, line in enumerate(source.lines, start=1):
            if "noqa" not in line.lower():
                continue
            for match in _COMMENT.finditer(line):
                hash_index = line.index("#", match.start())
                if not _outside_quotes(line, hash_index):
                    continue
                codes = match.group("codes")
                parsed = frozenset(c.upper() for c in re.split(r"[\s,]+", codes) if c) if codes else None
                items.append(_Suppression(number, hash_index + 1, match.end() + 1, parsed, bool(match.group("file"))))
        return cls(items)

    def suppresses(self, diagnostic: Diagnostic) -> bool:
        hit = False
        for item in self.items:
            if item.whole_file or item.line == diagnostic.span.line:
                if item.codes is None or diagnostic.code in item.codes:
                    item.used.add(diagnostic.code)
                    hit = True
        return hit

    def unused(self, name: str, seen_codes: set[str], not_run: set[str] | frozenset[str] = frozenset()) -> list[Diagnostic]:
        """RM901 for suppressions that silenced nothing (codes of rules that did not run aside)."""
        out = []
        for item in self.items:
            span = Span(item.line, item.column, item.line, item.end_column)
            if item.codes is None:
                if not item.used:
                    out.append(Diagnostic(name, span, "RM901", Severity.WARNING,
                                          "комментарий «noqa» здесь ничего не отключает: удалите его"))
                continue
            for code in sorted(item.codes - item.used - not_run):
                out.append(Diagnostic(name, span, "RM901", Severity.WARNING,
                                      f"подавление {code} ничего не подавляет: на этой строке нет такого замечания; удалите его"
                                      if not item.whole_file else
                                      f"подавление {code} для файла ничего не подавляет: в файле нет такого замечания; удалите его"))
        return out
