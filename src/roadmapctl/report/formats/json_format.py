"""JSON for integrations: stable English keys, one item per activity and kind."""

from __future__ import annotations

import json

from roadmapctl.report.items import Report


def render(report: Report, by: str = "kind", **_options) -> bytes:
    return (json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
