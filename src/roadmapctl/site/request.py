"""What a site is asked for, and what building it did."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path


class SiteError(Exception):
    """The site cannot be built or written (a Russian message): a usage or output problem, exit 2."""


@dataclass(frozen=True)
class SiteRequest:
    files: tuple[str, ...]  # the roadmap files, in the order given
    output: Path
    as_of: date
    within: int = 30  # days ahead that count as "due soon", as ``report --within``
    force: bool = False
    jobs: int | None = None  # worker processes; None: as many as the machine has, for a big region


@dataclass
class SiteResult:
    roadmaps: int = 0
    parties: int = 0
    broken: list[str] = field(default_factory=list)  # "file:line:column: message", one per broken roadmap
    written: int = 0
    unchanged: int = 0
    removed: int = 0
