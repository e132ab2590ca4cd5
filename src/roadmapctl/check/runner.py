"""Run the registered rules over one source: load → schema → model → rules → suppressions."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from roadmapctl.check.config import Config
from roadmapctl.check.context import Context
from roadmapctl.check.diagnostics import Diagnostic
from roadmapctl.check.registry import RULES, all_rules
from roadmapctl.check.suppress import Suppressions
from roadmapctl.document.pipeline import Loaded, load_path, load_source
from roadmapctl.loading import Source


def check_source(source: Source, config: Config | None = None) -> list[Diagnostic]:
    """All diagnostics for ``source``, suppressions and selection applied, sorted by position."""
    return check_loaded(load_source(source), config)


def check_loaded(loaded: Loaded, config: Config | None = None) -> list[Diagnostic]:
    """All diagnostics for what the pipeline made of a text: the problem that stopped it being
    read, or every rule's findings on its document (suppressions and selection applied), sorted
    by position."""
    config = config or Config()
    all_rules()  # fills RULES
    if loaded.document is None:
        return [Diagnostic(loaded.name, p.span, p.code, RULES[p.code].severity, p.message) for p in loaded.problems]
    raw, skipped = run_rules(Context(loaded, config), config)
    return finish(loaded, raw, skipped, config)


def run_rules(ctx: Context, config: Config, scope: str | None = None,
              skip: frozenset[str] = frozenset()) -> tuple[list[Diagnostic], set[str]]:
    """The findings of the selected rules (of ``scope`` only, when given: ``Rule.scope``; none
    of ``skip``) on a readable document, before suppressions, in the order of the rules; and the
    codes of the rules the configuration does not select (they are not run at all: their
    libraries, such as the dictionary, stay unloaded)."""
    name = ctx.source.name
    raw: list[Diagnostic] = []
    skipped: set[str] = set()
    for rule in all_rules():
        if rule.func is None:
            continue
        if not config.selects(rule.code, name):
            skipped.add(rule.code)
            continue
        if (scope is not None and rule.scope != scope) or rule.code in skip or \
                (rule.stage == "roadmap" and ctx.roadmap is None):
            continue
        raw.extend(_collapsed(name, rule, rule.func(ctx)))
    return raw, skipped


def finish(loaded: Loaded, raw: list[Diagnostic], skipped: set[str], config: Config) -> list[Diagnostic]:
    """The diagnostics of a readable document from its rules' findings: suppressions, one
    finding per cause, the unused suppressions, the selection, sorted by position."""
    source = loaded.source
    assert source is not None  # a document has its source
    suppressions = Suppressions.parse(source)
    diagnostics = one_per_cause([d for d in raw if not suppressions.suppresses(d)])
    diagnostics.extend(suppressions.unused(source.name, {d.code for d in raw}, skipped))
    selected = [d for d in diagnostics if config.selects(d.code, source.name)]
    return sorted(selected, key=Diagnostic.sort_key)


REPEAT_LIMIT = 10

# One cause, one finding: a party name spelt unlike its other spellings (RM302) is not also
# reported as a name the directory lacks (RM301) or, for a word inside it, as a misspelling
# (RM701–RM703). The more specific rule speaks; the others' findings inside its span go.
SAME_CAUSE = {"RM302": ("RM301", "RM701", "RM702", "RM703")}


def _inside(inner, outer) -> bool:
    return (outer.line, outer.column) <= (inner.line, inner.column) and \
        (inner.end_line, inner.end_column) <= (outer.end_line, outer.end_column)


def one_per_cause(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """The findings without those another rule already reports at the same place."""
    covering = [(d.span, SAME_CAUSE[d.code]) for d in diagnostics if d.code in SAME_CAUSE]
    if not covering:
        return diagnostics
    return [d for d in diagnostics
            if not any(d.code in codes and _inside(d.span, span) for span, codes in covering)]


def _collapsed(name: str, rule, findings) -> list[Diagnostic]:
    """The findings of one rule; where it fires more than REPEAT_LIMIT times on one line, that
    line gets one finding (the first) that says how many places there are."""
    kept_on: dict[int, list] = {}  # by line, in the order the lines first come
    count: Counter[int] = Counter()
    for finding in findings:
        line = finding.span.line
        count[line] += 1
        if count[line] <= REPEAT_LIMIT:
            kept_on.setdefault(line, []).append(finding)
    out: list[Diagnostic] = []
    for line, kept in kept_on.items():
        if count[line] > REPEAT_LIMIT:
            first = kept[0]
            message = f"{first.message} (таких мест на этой строке: {count[line]}; показано первое)"
            kept = [first._replace(message=message)]
        out.extend(Diagnostic(name, f.span, rule.code, rule.severity, f.message, f.hint, f.fix) for f in kept)
    return out


def check_path(path: str | Path, config: Config | None = None) -> list[Diagnostic]:
    """All diagnostics for a file; raises SourceError (``io`` set) when it cannot be read."""
    return check_loaded(load_path(path), config)
