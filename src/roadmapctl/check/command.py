"""``check`` as one call: a request in, an outcome out — the words added to the project's word
list, the fixes, the report and the exit status. The per-file work is ``check/batch.py``."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from roadmapctl.check.batch import Selection
from roadmapctl.document.problems import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    FileProblem,
    Policy,
)


class CheckRequestError(ValueError):
    """The request cannot be served (a broken configuration or word list); ``words_added`` are the
    word lists written before it was found."""

    def __init__(self, message: str, words_added: list[tuple[str, int]], created: list[str] | None = None):
        super().__init__(message)
        self.words_added = words_added
        self.created = created or []


@dataclass(frozen=True)
class CheckRequest:
    files: tuple[str, ...]
    selection: Selection = field(default_factory=Selection)
    format: str = "text"
    output: str | None = None     # a file; None: the outcome's report is for the screen
    color: bool = False
    statistics: bool = False      # counts per rule instead of the report (formats that allow it)
    force: bool = False
    add_words: bool = False       # first write the unknown words to the project's word list
    fix: bool = False             # first apply the fixes (the report shows what is left)
    unsafe: bool = False          # with ``fix``: the fixes that change the meaning too
    diff: bool = False            # with ``fix``: change nothing, the outcome has the fixes as a diff
    jobs: int = 0                 # worker processes; 0: one a core
    policy: Policy = Policy.CONTINUE  # a file that cannot be read is reported, the others checked
    quiet: bool = False           # the findings only: no summary line
    cache: bool = False           # through the user's result cache (not with ``fix`` or ``add_words``)


@dataclass
class CheckOutcome:
    words_added: list[tuple[str, int]] = field(default_factory=list)  # (word list, words added)
    created: list[str] = field(default_factory=list)  # what --add-words created for it (Russian sentences)
    stdout: str | None = None     # the fixed standard input, or the fixes as a diff (``diff``)
    fixed: int | None = None      # findings fixed (fixable, with ``diff``); None without ``fix``
    report: str | None = None     # None when the fixes end the run (``diff``, the standard input)
    problems: list[FileProblem] = field(default_factory=list)
    exit_code: int = EXIT_OK


def _configurations(request: CheckRequest) -> None:
    """A broken configuration stops the run before anything is written or shown (no summary of
    zero files checked)."""
    from roadmapctl.check.config import ConfigError

    for path in request.files:
        try:
            request.selection.config(path)
        except ConfigError as exc:
            raise CheckRequestError(str(exc), []) from None


def _add_words(request: CheckRequest, outcome: CheckOutcome) -> None:
    from roadmapctl.check.batch import add_words
    from roadmapctl.check.config import ConfigError
    from roadmapctl.spelling.lexicon import WordListError

    try:
        for target, added in add_words(list(request.files), request.selection, outcome.created):
            outcome.words_added.append((target, added))
    except (ConfigError, WordListError) as exc:
        raise CheckRequestError(str(exc), outcome.words_added, outcome.created) from None


def _fix(request: CheckRequest, outcome: CheckOutcome) -> bool:
    """Apply (or collect) the fixes; True when that ends the run."""
    from roadmapctl.check.batch import fix_files

    fixing = fix_files(list(request.files), request.selection, request.unsafe, request.diff)
    outcome.stdout, outcome.fixed = fixing.stdout, fixing.fixed
    outcome.problems = [FileProblem("", problem, io=True) for problem in fixing.problems]
    if fixing.problems:
        outcome.exit_code = EXIT_USAGE
        return True
    if request.diff:
        outcome.stdout = "".join(fixing.diffs)
        outcome.exit_code = EXIT_FINDINGS if fixing.diffs else EXIT_OK
        return True
    if request.files == ("-",):  # the fixed text is the output; the findings left decide the status
        outcome.exit_code = EXIT_FINDINGS if fixing.failing else EXIT_OK
        return True
    return False


def _report(request: CheckRequest, outcome: CheckOutcome) -> None:
    from roadmapctl.check.batch import check_files
    from roadmapctl.check.diagnostics import Diagnostic
    from roadmapctl.check.output import FORMATS, Findings, render_statistics
    from roadmapctl.outputs import replaceable
    from roadmapctl.writing import write_output

    fmt = FORMATS[request.format]
    cache = request.cache and not request.fix and not request.add_words  # those change files or word lists
    results = check_files(list(request.files), request.selection, request.jobs or (os.cpu_count() or 1), cache)
    checked = [r for r in results if not r.problem]
    diagnostics = sorted((d for r in checked for d in r.diagnostics), key=Diagnostic.sort_key)
    findings = Findings(diagnostics, {r.name: r for r in checked}, len(checked), outcome.fixed, request.quiet)
    statistics = request.statistics and fmt.statistics
    outcome.report = render_statistics(diagnostics) if statistics else fmt.render(findings, request.color)
    outcome.problems = [FileProblem(r.name, r.problem, io=True) for r in results if r.problem]
    if request.output is not None:
        write_output(request.output, outcome.report, inputs=request.files, force=request.force,
                     replaceable=replaceable(FORMATS), text=fmt.text, color=request.color and fmt.color)
    if outcome.problems:
        outcome.exit_code = EXIT_USAGE
    else:
        outcome.exit_code = EXIT_FINDINGS if any(r.failing for r in checked) else EXIT_OK


def run(request: CheckRequest) -> CheckOutcome:
    """Add the words, apply the fixes, check and write the report. CheckRequestError for a broken
    configuration or word list; ``writing.OutputError`` when the report cannot be written."""
    outcome = CheckOutcome()
    _configurations(request)
    if request.add_words:
        _add_words(request, outcome)
    if request.fix and _fix(request, outcome):
        return outcome
    _report(request, outcome)
    return outcome
