"""The site in a real browser, as a person uses it: headless Chromium (the system's, driven by
playwright-core from npm; tests/site_browser.js) opens the index and every page from disk at
390 px: no console error, no failed or external request, no broken internal link, no horizontal
overflow; axe-core (from npm) finds no accessibility violation on the site's own pages; the
index's filters and sorting show the right roadmaps. Screenshots are saved (see SHOTS) and were
looked at when the site was made.

Skipped, saying why, without Chromium, node/npm or the npm registry.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROADMAP_HEAD, ROADMAPS
from npmtools import npm_packages
from runcli import run_in_process

CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)
pytestmark = pytest.mark.skipif(not CHROMIUM, reason="Chromium не установлен: apt-get install -y chromium")
SCRIPT = Path(__file__).with_name("site_browser.js")
ROADMAP_FILES = ("tula-2020-2021.yaml", "mtsensk-2021-2022.yaml", "slavsk-2022-2023.yaml")
# the site's own pages that axe-core checks: the index, a roadmap, a party, a broken file
AXE = ["index.html", "roadmaps/tula-2020-2021/index.html", "parties/МБОУ-ЦО-17-город-Тула-*.html", "roadmaps/Сломанная-карта/index.html",
       "roadmaps/mtsensk-2021-2022/приложение.html", "parties/index.html"]


@pytest.fixture(scope="module")
def browsed(tmp_path_factory):
    tools = npm_packages(["playwright-core", "axe-core"], "the site in a browser")
    base = tmp_path_factory.mktemp("site-browser")
    sources = base / "карты"
    sources.mkdir()
    for name in ROADMAP_FILES:
        shutil.copy(ROADMAPS / name, sources / name)
    (sources / "Сломанная карта.yaml").write_text(ROADMAP_HEAD + "таблицы: нет\n", encoding="utf-8")
    site = base / "Сайт региона"
    code, _out, err = run_in_process("site", str(sources), "-o", str(site), "--as-of", "2021-06-01")
    assert code == 1, err  # the broken roadmap
    shots = Path(os.environ.get("ROADMAPCTL_SITE_SHOTS") or base / "screenshots")
    shots.mkdir(parents=True, exist_ok=True)
    axe = [str(next(site.glob(name)).relative_to(site)) for name in AXE]
    done = subprocess.run(
        ["node", str(SCRIPT), str(site), str(shots), CHROMIUM, *axe],
        capture_output=True, text=True, check=False, timeout=600, env={**os.environ, "NODE_PATH": str(tools / "node_modules")},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return {**json.loads(done.stdout), "axe": axe}


def test_every_page_opens_cleanly_at_390_px(browsed):
    pages = browsed["pages"]
    assert "index.html" in pages and "roadmaps/Сломанная-карта/index.html" in pages
    assert len([p for p in pages if p.startswith("parties/")]) > 10
    for name, found in pages.items():
        assert found["console"] == [], name
        assert found["failed"] == [] and found["external"] == [], name
        assert found["links"] == [], name
        assert found["overflow"] <= 0, f"{name}: {found['overflow']} px wider than the screen"


def test_axe_finds_no_violation_on_the_site_pages(browsed):
    assert len(browsed["axe"]) == len(AXE)
    for name in browsed["axe"]:
        assert browsed["pages"][name]["axe"] == [], name


def test_the_filters_and_sorting_work(browsed):
    filters = browsed["filters"]
    municipalities = [row[0] for row in filters["all"]]
    assert sorted(municipalities[1:]) == ["Славский муниципальный округ", "город Мценск", "город Тула"]
    assert [row[0] for row in filters["municipality"]] == ["город Тула"]
    assert [row[1] for row in filters["broken"]] == ["Сломанная карта.yaml (ошибка в файле)"]
    # overdue as of 01.06.2021 (tests/test_report_truth.py): Тула 10, Мценск 6, Славский 0
    assert sorted(row[0] for row in filters["overdue"]) == ["город Мценск", "город Тула"]
    assert [row[0] for row in filters["party"]] == ["город Тула"]  # МБОУ ЦО № 17 is a school of Тула
    assert filters["partyLink"].startswith("parties/")
    assert filters["suggestions"] == ["МБОУ ЦО № 17 (город Тула)"]
    assert [row[0] for row in filters["byOverdue"]][:2] == ["город Тула", "город Мценск"]
    assert filters["status"].startswith("Показаны 1–4 из 4")
    assert browsed["pdf"] > 10_000  # the index prints


def test_screenshots_were_taken(browsed):
    for _name, shot in browsed["shots"]:
        data = Path(shot).read_bytes()
        assert data.startswith(b"\x89PNG") and len(data) > 5_000
