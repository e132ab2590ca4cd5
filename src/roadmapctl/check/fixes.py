"""Applying the fixes that findings carry: text edits on their own spans, nothing else.

A fix changes only the characters of its span; every other byte of the file (comments, blank
lines, quotes, the BOM, CRLF line ends) stays as it was. The result is read again before it is
accepted: a fix whose result is not a readable roadmap is dropped. Fixing runs until nothing is
left to fix, so fixing a fixed file changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from roadmapctl.check.config import Config
from roadmapctl.check.diagnostics import Diagnostic, Edit, Fix
from roadmapctl.check.runner import check_source
from roadmapctl.loading import LoadError, Source, load_document
from roadmapctl.loading.source import LINE_BREAK, SourceError

MAX_PASSES = 10
BOM = "\ufeff"


class EditError(ValueError):
    """An edit points outside the text or overlaps another edit."""


def line_starts(text: str) -> list[int]:
    """The offset in ``text`` where each line starts (the same line breaks PyYAML counts)."""
    return [0] + [m.end() for m in LINE_BREAK.finditer(text)]


def offset(text: str, starts: list[int], line: int, column: int) -> int:
    """The offset of 1-based ``line``/``column`` in ``text``."""
    if not 1 <= line <= len(starts):
        raise EditError(f"line {line} outside the text")
    start = starts[line - 1]
    end = starts[line] if line < len(starts) else len(text)
    line_text = LINE_BREAK.sub("", text[start:end])
    if not 1 <= column <= len(line_text) + 1:
        raise EditError(f"column {column} outside line {line}")
    return start + column - 1


def apply_edits(text: str, edits) -> str:
    """``text`` with every edit applied; overlapping edits are an error."""
    starts = line_starts(text)
    ranges = []
    for edit in edits:
        begin = offset(text, starts, edit.span.line, edit.span.column)
        end = offset(text, starts, edit.span.end_line, edit.span.end_column)
        if end < begin:
            raise EditError("an edit ends before it starts")
        ranges.append((begin, end, edit.text))
    ranges.sort(key=lambda r: (r[0], r[1]))
    for (_b1, e1, _t1), (b2, _e2, _t2) in zip(ranges, ranges[1:]):
        if b2 < e1:
            raise EditError("edits overlap")
    out = []
    cursor = 0
    for begin, end, replacement in ranges:
        out.append(text[cursor:begin])
        out.append(replacement)
        cursor = end
    out.append(text[cursor:])
    return "".join(out)


def _reads(name: str, text: str) -> bool:
    """The text is still a readable YAML document (the re-read before anything is accepted)."""
    try:
        load_document(Source(name=name, text=text))
    except (LoadError, SourceError):
        return False
    return True


def _apply_fix(name: str, text: str, fix: Fix) -> str | None:
    try:
        result = apply_edits(text, fix.edits)
    except EditError:
        return None
    return result if result != text and _reads(name, result) else None


@dataclass
class FixResult:
    name: str
    before: str
    after: str
    applied: list[Diagnostic] = field(default_factory=list)
    remaining: list[Diagnostic] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.before != self.after


def wanted(diagnostic: Diagnostic, unsafe: bool) -> bool:
    return diagnostic.fix is not None and (diagnostic.fix.safe or unsafe)


def fix_text(text: str, name: str = "<text>", config: Config | None = None, *, unsafe: bool = False,
             path=None) -> FixResult:
    """Apply every (safe, or also unsafe) fix to ``text`` until none is left; a BOM is kept."""
    bom = text.startswith(BOM)
    body = text[1:] if bom else text
    applied: list[Diagnostic] = []
    diagnostics = check_source(Source(name=name, text=body, path=path), config)
    for _ in range(MAX_PASSES):
        fixable = [d for d in diagnostics if wanted(d, unsafe)]
        if not fixable:
            break
        taken, new_body = _all_at_once(name, body, fixable)
        if new_body is None:  # together they do not read: one by one, each step read again
            taken, new_body = _one_by_one(name, body, fixable)
        if new_body == body:
            break
        body = new_body
        applied.extend(taken)
        diagnostics = check_source(Source(name=name, text=body, path=path), config)
    return FixResult(name, text, (BOM if bom else "") + body, applied, diagnostics)


def _disjoint(fixable: list[Diagnostic]) -> tuple[list[Diagnostic], list[Edit]]:
    """The fixes whose edits overlap none taken before them (the rest wait for the next pass);
    the taken spans are kept sorted, so each new edit is compared with its two neighbours only."""
    import bisect

    taken: list[Diagnostic] = []
    used: list[Edit] = []
    spans: list[tuple[tuple[int, int], tuple[int, int], int]] = []  # (start, end, index in used)
    for diagnostic in fixable:
        assert diagnostic.fix is not None
        edits = diagnostic.fix.edits
        clash = False
        for edit in edits:
            start = (edit.span.line, edit.span.column)
            at = bisect.bisect_left(spans, (start,))
            neighbours = [spans[k][2] for k in (at - 1, at) if 0 <= k < len(spans)]
            if any(_overlaps(edit, used[k]) for k in neighbours):
                clash = True
                break
        if clash or _self_overlap(edits):
            continue
        for edit in edits:
            bisect.insort(spans, ((edit.span.line, edit.span.column), (edit.span.end_line, edit.span.end_column), len(used)))
            used.append(edit)
        taken.append(diagnostic)
    return taken, used


def _self_overlap(edits) -> bool:
    return any(_overlaps(a, b) for i, a in enumerate(edits) for b in edits[i + 1:])


def _all_at_once(name: str, body: str, fixable: list[Diagnostic]) -> tuple[list[Diagnostic], str | None]:
    """Every non-overlapping fix applied in one go and the result read once (3,600 fixes: one
    parse, not 3,600); None when the result does not read."""
    taken, used = _disjoint(fixable)
    try:
        candidate = apply_edits(body, used)
    except EditError:
        return [], None
    return (taken, candidate) if _reads(name, candidate) else ([], None)


def _one_by_one(name: str, body: str, fixable: list[Diagnostic]) -> tuple[list[Diagnostic], str]:
    taken: list[Diagnostic] = []
    used: list[Edit] = []
    new_body = body  # the text with the fixes taken so far, each step read again
    for diagnostic in fixable:
        fix = diagnostic.fix
        assert fix is not None
        if any(_overlaps(e, u) for e in fix.edits for u in used):
            continue  # the next pass takes it, against the text this pass leaves
        if used:
            candidate = apply_edits(body, used + list(fix.edits))
            if not _reads(name, candidate):
                continue
        else:
            applied = _apply_fix(name, body, fix)
            if applied is None:
                continue
            candidate = applied
        used.extend(fix.edits)
        taken.append(diagnostic)
        new_body = candidate
    return taken, new_body


def _overlaps(a: Edit, b: Edit) -> bool:
    a0, a1 = (a.span.line, a.span.column), (a.span.end_line, a.span.end_column)
    b0, b1 = (b.span.line, b.span.column), (b.span.end_line, b.span.end_column)
    return a0 < b1 and b0 < a1 or a0 == b0


def unified_diff(name: str, before: str, after: str) -> str:
    """A unified diff of one file (the name on both header lines, as ruff shows it)."""
    import difflib

    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                 fromfile=name, tofile=name)
    out = []
    for line in lines:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)
