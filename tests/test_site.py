"""``roadmapctl site``: the site's figures are the report's, a broken roadmap gets its own page,
the folder rules (a previous site is updated, anything else needs --force), the same input gives
the same bytes, and the site links only to its own files.

One site is built once (module fixture) from the five bundled roadmaps, copied into a folder
with Cyrillic letters and spaces in its name, and one broken roadmap; its folder is named with
Cyrillic letters and spaces too.
"""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import ROADMAP_HEAD, ROADMAPS, roadmap_files
from hypothesis import given
from hypothesis import strategies as st
from runcli import run_in_process

AS_OF = "2021-06-01"
BROKEN = ROADMAP_HEAD + "таблицы: нет\n"  # line 7, column 10: a string where a list is expected


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("site")
    sources = base / "Дорожные карты региона"
    sources.mkdir()
    for path in roadmap_files():
        shutil.copy(path, sources / path.name)
    (sources / "Сломанная карта.yaml").write_text(BROKEN, encoding="utf-8")
    out = base / "Сайт региона"
    code, _stdout, stderr = run_in_process("site", str(sources), "-o", str(out), "--as-of", AS_OF)
    return {"code": code, "err": stderr.decode("utf-8"), "out": out, "sources": sources, "base": base}


def index_json(site: Path) -> dict:
    page = (site / "index.html").read_text(encoding="utf-8")
    found = re.search(r'<script type="application/json" id="site-data">(.*?)</script>', page, re.DOTALL)
    assert found, "the index page carries its JSON index"
    return json.loads(found.group(1))


def test_a_broken_roadmap_gets_its_page_and_the_rest_is_built(built):
    assert built["code"] == 1
    page = (built["out"] / "roadmaps" / "Сломанная-карта" / "index.html").read_text(encoding="utf-8")
    assert "Сломанная карта.yaml:7:10</code>: RM103 «таблицы»: ожидается список" in page
    assert '<pre class="source"><code>7 | таблицы: нет</code></pre>' in page
    assert "Сломанная карта.yaml:7:10: «таблицы»: ожидается список" in built["err"]
    for path in roadmap_files():
        assert (built["out"] / "roadmaps" / path.stem / "index.html").is_file()
    data = index_json(built["out"])
    broken = [r for r in data["roadmaps"] if r["b"]]
    assert [r["h"] for r in broken] == ["roadmaps/%D0%A1%D0%BB%D0%BE%D0%BC%D0%B0%D0%BD%D0%BD%D0%B0%D1%8F-%D0%BA%D0%B0%D1%80%D1%82%D0%B0/index.html"]


def test_the_figures_are_those_of_report_json(built):
    code, out, _err = run_in_process("report", str(built["sources"] / "aban-2020-2023.yaml"), str(built["sources"] / "baunt-2021-2022.yaml"),
                                     str(built["sources"] / "mtsensk-2021-2022.yaml"), str(built["sources"] / "slavsk-2022-2023.yaml"),
                                     str(built["sources"] / "tula-2020-2021.yaml"), "--as-of", AS_OF, "--format", "json")
    assert code == 0
    report = {Path(s["file"]).name: s for s in json.loads(out)["summary"]}
    site = {r["h"]: r for r in index_json(built["out"])["roadmaps"] if not r["b"]}
    assert len(site) == len(report) == 5
    pages = {name: site[f"roadmaps/{Path(name).stem}/index.html"] for name in report}
    for name, summary in report.items():
        entry = pages[name]
        assert (entry["a"], entry["d"], entry["o"], entry["u"], entry["n"]) == (
            summary["activities"], summary["done"], summary["overdue"], summary["upcoming"], summary["unassigned"]
        ), name
        assert sum(entry["c"]) == summary["activities"]
    # and by hand (tests/test_report_truth.py lists the overdue activities of each roadmap as of 01.06.2021)
    assert pages["aban-2020-2023.yaml"]["o"] == 18
    assert pages["tula-2020-2021.yaml"]["o"] == 10 and pages["tula-2020-2021.yaml"]["n"] == 6
    assert pages["baunt-2021-2022.yaml"]["u"] == 5  # 6, 8, 15, 21, 28
    assert pages["slavsk-2022-2023.yaml"]["o"] == 0  # its period starts in 2022


def test_a_party_page_has_the_figures_of_report_party(built):
    name = "Управление образования администрации города Тулы"
    code, out, _err = run_in_process("report", str(built["sources"]), "--as-of", AS_OF, "--format", "json", "--party", name)
    assert code == 1  # the broken roadmap among the sources: report stops at it
    code, out, _err = run_in_process("report", *[str(built["sources"] / p.name) for p in roadmap_files()],
                                     "--as-of", AS_OF, "--format", "json", "--party", name)
    assert code == 0
    totals = json.loads(out)["totals"]
    script = (built["out"] / "assets" / "parties.js").read_text(encoding="utf-8")
    parties = json.loads(script.removeprefix("window.roadmapctlParties = ").removesuffix(";\n"))
    # the directory of Тула names it without a full name (полное): a party of its municipality
    href = next(h for n, h in parties if n == f"{name} (город Тула)")
    page = (built["out"] / unquote(href)).read_text(encoding="utf-8")
    figures = dict(re.findall(r"<dt>(.*?)</dt><dd>(\d+)", page))
    assert int(figures["Мероприятий"]) == totals["activities"] > 0
    assert int(figures["Просрочено"]) == totals["overdue"]
    assert int(figures["Срок скоро"]) == totals["upcoming"]
    assert int(figures["Без ответственного"]) == totals["unassigned"]


def test_a_roadmap_page_holds_the_appendix_and_its_files(built):
    from conftest import load_roadmap
    from roadmapctl.export import export_roadmaps
    from roadmapctl.render import render

    source = built["sources"] / "mtsensk-2021-2022.yaml"
    folder = built["out"] / "roadmaps" / "mtsensk-2021-2022"
    roadmap = load_roadmap(str(source))
    appendix = render(roadmap, "html")
    assert (folder / "приложение.html").read_bytes() == appendix
    main = re.search(r"<main>\n(.*)</main>", appendix.decode("utf-8"), re.DOTALL).group(1)
    assert main in (folder / "index.html").read_text(encoding="utf-8")
    assert (folder / "приложение.docx").read_bytes() == render(roadmap, "docx")
    with zipfile.ZipFile(folder / "приложение.docx") as docx:
        assert "word/document.xml" in docx.namelist()
    assert (folder / "сроки.ics").read_bytes() == export_roadmaps([roadmap], "ics")
    report = (folder / "отчёт.html").read_text(encoding="utf-8")
    assert "по состоянию на 01.06.2021" in report and "Мценска на 2021-2022" in report
    page = (folder / "index.html").read_text(encoding="utf-8")
    for name in ("приложение.docx", "%D0%BE%D1%82%D1%87%D1%91%D1%82.html", "%D1%81%D1%80%D0%BE%D0%BA%D0%B8.ics"):
        assert f'href="{name}"' in page or f'href="{name.replace("приложение", "%D0%BF%D1%80%D0%B8%D0%BB%D0%BE%D0%B6%D0%B5%D0%BD%D0%B8%D0%B5")}"' in page


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for key, value in attrs:
            if key in ("href", "src") and value is not None:
                self.links.append(value)
            if key == "id" and value:
                self.ids.add(value)


def test_every_link_is_inside_the_site_and_leads_to_a_file(built):
    out = built["out"]
    pages = sorted(out.rglob("*.html"))
    assert len(pages) > 60
    checked = 0
    for page in pages:
        parser = Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for link in parser.links:
            parts = urlsplit(link)
            assert not parts.scheme and not parts.netloc, f"{page.relative_to(out)}: external link {link}"
            if parts.path:
                target = (page.parent / unquote(parts.path)).resolve()
                assert target.is_file(), f"{page.relative_to(out)}: broken link {link}"
                assert out.resolve() in target.parents
            elif parts.fragment:
                assert parts.fragment in parser.ids, f"{page.relative_to(out)}: no #{parts.fragment}"
            checked += 1
    assert checked > 300


def test_the_same_input_gives_the_same_bytes_and_a_previous_site_is_updated(built, tmp_path):
    out = tmp_path / "копия сайта"
    shutil.copytree(built["out"], out)
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    code, _out, err = run_in_process("site", str(built["sources"]), "-o", str(out), "--as-of", AS_OF)
    assert code == 1  # the broken roadmap again
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    assert "файлов записано: 0" in err.decode("utf-8")
    # a roadmap removed from the sources: its pages go, a file the user added stays
    (out / "README.txt").write_text("мой файл", encoding="utf-8")
    sources = tmp_path / "две карты"
    sources.mkdir()
    for name in ("tula-2020-2021.yaml", "slavsk-2022-2023.yaml"):
        shutil.copy(ROADMAPS / name, sources / name)
    code, _out, err = run_in_process("site", str(sources), "-o", str(out), "--as-of", AS_OF)
    assert code == 0, err
    assert not (out / "roadmaps" / "aban-2020-2023").exists()
    assert (out / "roadmaps" / "tula-2020-2021" / "index.html").is_file()
    assert (out / "README.txt").read_text(encoding="utf-8") == "мой файл"
    assert len(index_json(out)["roadmaps"]) == 2


def test_a_folder_that_holds_something_else_is_not_written_without_force(tmp_path):
    out = tmp_path / "Мои документы"
    out.mkdir()
    (out / "index.html").write_text("<p>моя страница</p>", encoding="utf-8")
    source = str(ROADMAPS / "tula-2020-2021.yaml")
    code, _out, err = run_in_process("site", source, "-o", str(out), "--as-of", AS_OF)
    assert code == 2
    assert "папка не пуста, и в ней нет сайта, собранного roadmapctl site" in err.decode("utf-8")
    assert "--force" in err.decode("utf-8")
    assert (out / "index.html").read_text(encoding="utf-8") == "<p>моя страница</p>"
    assert sorted(p.name for p in out.iterdir()) == ["index.html"]
    code, _out, err = run_in_process("site", source, "-o", str(out), "--as-of", AS_OF, "--force")
    assert code == 0, err
    assert "Дорожные карты: состояние на 01.06.2021" in (out / "index.html").read_text(encoding="utf-8")


def test_a_file_as_the_folder_and_a_bad_date_are_usage_errors(tmp_path):
    target = tmp_path / "сайт.txt"
    target.write_text("x", encoding="utf-8")
    source = str(ROADMAPS / "tula-2020-2021.yaml")
    code, _out, err = run_in_process("site", source, "-o", str(target))
    assert code == 2 and "это файл, а сайту нужна папка" in err.decode("utf-8")
    code, _out, err = run_in_process("site", source, "-o", str(tmp_path / "s"), "--as-of", "31.02.2021")
    assert code == 2 and "--as-of" in err.decode("utf-8")
    assert not (tmp_path / "s").exists()


def test_worker_processes_give_the_same_site(tmp_path):
    from roadmapctl.site import SiteRequest
    from roadmapctl.site.build_site import compute_parts, site_files

    files = tuple(str(ROADMAPS / n) for n in ("tula-2020-2021.yaml", "slavsk-2022-2023.yaml")) * 12  # enough for the workers
    one = SiteRequest(files, tmp_path / "a", date(2021, 6, 1), jobs=1)
    two = SiteRequest(files, tmp_path / "b", date(2021, 6, 1), jobs=2)
    assert site_files(compute_parts(one), one) == site_files(compute_parts(two), two)


@given(st.lists(st.text(max_size=80), max_size=12))
def test_unique_names_are_safe_and_distinct(texts):
    from roadmapctl.site.layout import MAX_NAME, unique_names

    names = unique_names(texts, "roadmap")
    assert len(names) == len(texts)
    assert len({n.casefold() for n in names}) == len(names)
    for name in names:
        assert name and re.fullmatch(r"[\w.\-]+", name)
        assert not name.startswith((".", "-"))
        assert len(name) <= MAX_NAME + 4


@pytest.mark.parametrize("name", ["github-pages-site.yml", "gitlab-pages-site.yml"])
def test_the_ci_examples_build_the_site_on_the_main_branch_as_of_the_build_day(name):
    import yaml
    from conftest import ROOT

    text = (ROOT / "examples" / "ci" / name).read_text(encoding="utf-8")
    workflow = yaml.safe_load(text)
    command = re.search(r"roadmapctl site roadmaps/ -o (\w+) --as-of \"\$\((?:TZ=Europe/Moscow )?date \+%F\)\" \|\| test \$\? -eq 1", text)
    assert command, "the site is built as of the day of the build; a broken file does not stop it"
    folder = command.group(1)
    if name.startswith("github"):
        assert workflow[True]["push"]["branches"] == ["main"]  # YAML 1.1 reads the key "on" as True
        steps = workflow["jobs"]["build"]["steps"]
        uses = [s["uses"] for s in steps if "uses" in s] + [s["uses"] for s in workflow["jobs"]["deploy"]["steps"]]
        assert uses == ["actions/checkout@v5", "actions/setup-python@v6", "actions/upload-pages-artifact@v4", "actions/deploy-pages@v4"]
        assert next(s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact"))["with"]["path"] == folder
    else:
        assert folder == "public" and workflow["pages"]["artifacts"]["paths"] == ["public"]
        assert {"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"} in workflow["pages"]["rules"]


def test_the_site_is_never_written_onto_a_roadmap_even_with_force(tmp_path):
    import os

    source = tmp_path / "карта.yaml"
    shutil.copy(ROADMAPS / "tula-2020-2021.yaml", source)
    out = tmp_path / "сайт"
    out.mkdir()
    os.link(source, out / "index.html")  # the same file under the site's name
    code, _out, err = run_in_process("site", str(source), "-o", str(out), "--as-of", AS_OF, "--force")
    assert code == 2
    assert "это входной файл команды" in err.decode("utf-8")
    assert source.read_bytes() == (ROADMAPS / "tula-2020-2021.yaml").read_bytes()
    assert sorted(p.name for p in out.iterdir()) == ["index.html"]


def test_a_roadmap_the_program_fails_on_gets_a_page_that_does_not_blame_the_file(tmp_path, monkeypatch):
    import roadmapctl.export

    def failing(roadmaps, fmt):
        if roadmaps[0].municipality == "город Тула":
            raise ValueError("сбой для проверки")
        return b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"

    monkeypatch.setattr(roadmapctl.export, "export_roadmaps", failing)
    out = tmp_path / "сайт"
    sources = [str(ROADMAPS / "tula-2020-2021.yaml"), str(ROADMAPS / "slavsk-2022-2023.yaml")]
    code, _out, _err = run_in_process("site", *sources, "-o", str(out), "--as-of", AS_OF, "--jobs", "1")
    assert code == 1
    page = (out / "roadmaps" / "tula-2020-2021" / "index.html").read_text(encoding="utf-8")
    assert "<h1>Не удалось обработать файл" in page and "Файл здесь ни при чём" in page
    assert "ValueError: сбой для проверки" in page and "Ошибка в файле" not in page
    assert (out / "roadmaps" / "slavsk-2022-2023" / "приложение.docx").is_file()


def test_the_bar_has_the_reports_states_and_the_report_rows_dates(tmp_path):
    """One set of states (report.items): the site's bar is the report's chart plus the cancelled
    activities, each row in the state of its report row; the timeline takes the report row's
    dates. Баунт on 01.06.2021 with activity 9 cancelled; activity 1 is due on 31.03.2021."""
    from roadmapctl.loading import read_source
    from roadmapctl.mark import MarkRequest, mark_activity
    from roadmapctl.report.glance import glance
    from roadmapctl.report.items import build_report
    from roadmapctl.site.parts import roadmap_part
    from conftest import load_roadmap

    path = tmp_path / "Баунт с отменённым.yaml"
    request = MarkRequest("9", date(2021, 5, 1), status="отменено")
    path.write_bytes(mark_activity(read_source(ROADMAPS / "baunt-2021-2022.yaml"), request).data)
    part = roadmap_part(str(path), "baunt", date(2021, 6, 1), 30)
    assert list(part.chart) == ["done", "overdue", "upcoming", "undated", "pending", "cancelled"]
    assert part.chart["cancelled"] == 1 and sum(part.chart.values()) == part.counts["activities"]
    by_number = {row.number.rstrip("."): row for row in part.rows}
    assert by_number["9"].state == "cancelled"
    assert (by_number["1"].start, by_number["1"].due) == (None, date(2021, 3, 31))
    report = build_report([load_roadmap(str(path))], date(2021, 6, 1))
    states = glance(report).total.states
    assert {k: v for k, v in part.chart.items() if k != "cancelled"} == states
    page = roadmap_page_text(part)
    assert "Срок не наступил" in page or "Срок не определён" in page
    assert "Отменено" in page and "Остальные" not in page


def roadmap_page_text(part) -> str:
    from roadmapctl.site.pages import roadmap_page

    return roadmap_page(part, date(2021, 6, 1), 30).decode("utf-8")
