from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ROADMAPS = ROOT / "roadmaps"
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture
def roadmaps_dir() -> Path:
    return ROADMAPS


def roadmap_files() -> list[Path]:
    return sorted(ROADMAPS.glob("*.yaml"))
