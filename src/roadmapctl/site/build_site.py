"""Building the site: the parts of the roadmaps (in worker processes for a big region), the
pages, the folder."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path, PurePath

from roadmapctl.site import layout
from roadmapctl.site.pages import roadmap_page
from roadmapctl.site.parts import DOWNLOADS, ProblemLine, RoadmapPart, broken_part, roadmap_part
from roadmapctl.site.request import SiteRequest, SiteResult

PARALLEL_FROM = 24  # roadmaps: below this, worker processes cost more than they save
CHUNK = 8
PARTY_BATCH = 200  # party pages a worker process renders at a time


def slugs(files: tuple[str, ...]) -> list[str]:
    # "index.html" is the list of roadmaps beside their folders
    return layout.unique_names([PurePath(f.replace("\\", "/")).stem for f in files], "roadmap", frozenset({"index.html"}))


def _workers(request: SiteRequest, count: int) -> int:
    workers = request.jobs if request.jobs is not None else (os.cpu_count() or 1)
    return 1 if count < PARALLEL_FROM else max(1, min(workers, 32))


def _map(function, jobs: list, workers: int, chunk: int = CHUNK) -> list:
    """``function`` over ``jobs`` in order: in ``workers`` processes, or here when one is enough."""
    if workers <= 1:
        return [function(job) for job in jobs]
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(function, jobs, chunksize=chunk))


def compute_parts(request: SiteRequest) -> list[RoadmapPart]:
    """Every roadmap's part, with its page, in the order given."""
    jobs = [(f, slug, request.as_of, request.within) for f, slug in zip(request.files, slugs(request.files))]
    return _map(part_of, jobs, _workers(request, len(jobs)))


def site_files(parts: list[RoadmapPart], request: SiteRequest) -> tuple[dict[str, bytes], int]:
    """Every file of the site (relative name → bytes) and the number of party pages."""
    from roadmapctl.resources import templates_dir
    from roadmapctl.site import pages

    parties = pages.gather_parties(parts)
    files: dict[str, bytes] = {layout.INDEX: pages.index_page(parts, parties, request.as_of)}
    for name in layout.ASSETS:
        files[layout.asset(name)] = (templates_dir() / "site" / name).read_bytes()
    for part in parts:
        files[layout.roadmap_page(part.slug)] = part.page
        for key, (name, _title) in DOWNLOADS.items():
            if key in part.files:
                files[layout.roadmap_file(part.slug, name)] = part.files[key]
    batches = [parties[i : i + PARTY_BATCH] for i in range(0, len(parties), PARTY_BATCH)]
    rendered = _map(pages.party_pages, [(batch, request.as_of) for batch in batches], _workers(request, len(parts)), 1)
    for batch, batch_pages in zip(batches, rendered):
        for party, page in zip(batch, batch_pages):
            files[layout.party_page(party.slug)] = page
    files[layout.PARTIES_SCRIPT] = pages.parties_script(parties)
    files[layout.PARTIES_INDEX] = pages.parties_page(parties, request.as_of)
    files[layout.ROADMAPS_INDEX] = pages.roadmaps_page(parts, request.as_of)
    return files, len(parties)


def build_site(request: SiteRequest) -> SiteResult:
    from roadmapctl.site.output import check_folder, write_site

    folder = Path(request.output)
    previous = check_folder(folder, request.force)
    parts = compute_parts(request)
    files, parties = site_files(parts, request)
    written, unchanged, removed = write_site(folder, files, previous, list(request.files), request.force)
    broken = []
    for part in parts:
        first = part.problems[0] if part.problems else None
        if first is not None:
            where = f"{part.file}:{first.line}:{first.column}" if first.line else part.file
            broken.append(f"{where}: {first.message}")
    return SiteResult(
        roadmaps=len(parts), parties=parties, broken=broken, written=written, unchanged=unchanged, removed=removed,
    )


def part_of(job: tuple[str, str, date, int]) -> RoadmapPart:
    """``roadmap_part`` of one job, with its page (the form a worker process is given). The
    appendix's text is dropped once the page holds it: it need not travel back."""
    path, slug, as_of, within = job
    try:
        part = roadmap_part(path, slug, as_of, within)
    except Exception as exc:  # noqa: BLE001 - one roadmap the program fails on does not stop the site
        message = (
            "внутренняя ошибка программы при обработке этого файла — это не ошибка в файле. Пожалуйста, "
            f"сообщите о ней разработчикам и приложите файл. Подробности: {type(exc).__name__}: {exc}"
        )
        part = broken_part(path, slug, [ProblemLine(0, 0, "", message)])
        part.internal = True
    part.page = roadmap_page(part, as_of, within)
    part.appendix = ""
    return part
