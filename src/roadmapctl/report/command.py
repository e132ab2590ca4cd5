"""``report`` as one call: a request in, an outcome out (the CLI only reads options into the
request and prints the outcome)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from roadmapctl.document.pipeline import FileProblem, Policy, exit_status, load_roadmaps
from roadmapctl.loading.source import YAML_SUFFIXES
from roadmapctl.report.items import DEFAULT_WITHIN, KINDS
from roadmapctl.report.request import RequestError


@dataclass(frozen=True)
class ReportRequest:
    files: tuple[str, ...]
    day: date
    kinds: tuple[str, ...] = KINDS
    within: int = DEFAULT_WITHIN
    party: str | None = None
    grouping: str | None = None   # None: the format's own (by kind; the documents by section)
    format: str = "table"
    output: str | None = None     # a file; None: the outcome's data is for the screen
    force: bool = False
    color: bool = False           # colour in the table (only for the screen)
    width: int = 120              # the table's width
    fail_on: tuple[str, ...] = ()  # kinds whose presence is a finding (exit 1)
    since: date | None = None     # also show what changed since this day (newly done, overdue, postponed)
    signature: str | None = None  # the documents end with a signature block of this «Исполнитель»
    policy: Policy = Policy.CONTINUE


@dataclass
class ReportOutcome:
    data: bytes | None = None     # the report; None when no file was a roadmap
    written: bool = False         # the output file was written (False: it held these bytes already)
    problems: list[FileProblem] = field(default_factory=list)
    hit: list[str] = field(default_factory=list)  # the kinds of ``fail_on`` present in the report

    @property
    def exit_code(self) -> int:
        return exit_status(self.problems, findings=bool(self.hit))


def _refuse_targets(request: ReportRequest) -> None:
    if "-" in request.files:
        raise RequestError("отчёт строится по файлам; стандартный ввод («-») здесь не поддерживается")
    if request.output:
        target = Path(request.output).resolve()
        if target.suffix.lower() in YAML_SUFFIXES or any(Path(f).resolve() == target for f in request.files):
            raise RequestError(f"{request.output}: отчёт нельзя записать в файл дорожной карты; укажите другое имя")


def run(request: ReportRequest) -> ReportOutcome:
    """The report over the request's files: a file that is not a valid roadmap is a problem of the
    outcome and the report covers the others. RequestError (a Russian message) for a request that
    cannot be served; ``writing.OutputError`` when the output file cannot be written."""
    from roadmapctl.report.formats import FORMATS, render
    from roadmapctl.report.items import build_report
    from roadmapctl.report.request import party_selection

    _refuse_targets(request)
    batch = load_roadmaps(request.files, request.policy)
    outcome = ReportOutcome(problems=list(batch.problems))
    roadmaps = batch.roadmaps
    if not roadmaps:
        return outcome
    select = None
    if request.party:
        roadmaps, select = party_selection(roadmaps, request.party)
    result = build_report(roadmaps, request.day, request.kinds, request.within, request.party, select)
    if request.since is not None:
        from roadmapctl.report.trend import build_trend

        earlier = build_report(roadmaps, request.since, request.kinds, request.within, request.party, select)
        result.trend = build_trend(earlier, result)
    outcome.data = render(result, request.format, by=request.grouping, width=request.width, color=request.color,
                          signature=request.signature)
    outcome.hit = result.present(request.fail_on)
    if request.output is not None:
        from roadmapctl.outputs import replaceable
        from roadmapctl.writing import write_output

        outcome.written = write_output(request.output, outcome.data, inputs=request.files, force=request.force,
                                       replaceable=replaceable(FORMATS), text=FORMATS[request.format].text,
                                       color=request.color)
    return outcome
