"""Progress reports over roadmaps: items as of a day (``items``), a party's view (``parties``)
and the writers (``formats``)."""

from roadmapctl.report.items import DEFAULT_WITHIN, KIND_TITLES, KINDS, Item, Report, Summary, build_report

__all__ = ["DEFAULT_WITHIN", "KIND_TITLES", "KINDS", "Item", "Report", "Summary", "build_report"]
