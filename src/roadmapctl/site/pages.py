"""The site's pages from the roadmaps' parts: the index (with its JSON index for the filters),
a page per roadmap, per broken file and per responsible party. Templates are
``templates/site/*.html.j2`` (autoescaped); the style and the script are ``templates/site/site.css``
and ``site.js``, copied into the site as they are."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePath

from roadmapctl.site import layout
from roadmapctl.report.items import CHART_STATES, STATE_TITLES
from roadmapctl.site.parts import DOWNLOADS, PartyShare, RoadmapPart
from roadmapctl.textutil import ru_date

TIMELINE_TEXT = 140  # characters of an activity's text shown on the timeline
INDEX_TITLE = 150  # characters of a roadmap's title in the index (the whole title is on its page)
MANY_ROADMAPS = 20  # a party in more roadmaps than this gets a table of counts, not every activity


@dataclass(frozen=True)
class RoadmapName:
    """What a party's page shows of a roadmap: its page and its name."""

    slug: str
    municipality: str
    title: str


@dataclass
class Party:
    """A responsible party across the roadmaps: one identity, its activities in each roadmap."""

    identity: str
    name: str
    slug: str = ""
    shares: list[tuple[RoadmapName, PartyShare]] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        total: dict[str, int] = {}
        for _part, share in self.shares:
            for key, value in share.counts.items():
                total[key] = total.get(key, 0) + value
        return total

    @property
    def chart(self) -> dict[str, int]:
        out = dict.fromkeys(CHART_STATES, 0)
        for _part, share in self.shares:
            for row in share.rows:
                out[row.state] += 1
        return out


def gather_parties(parts: list[RoadmapPart]) -> list[Party]:
    """The parties of all roadmaps, one per identity (its name as the first roadmap writes it),
    sorted by name; each with its share of every roadmap where it has activities."""
    found: dict[str, Party] = {}
    for part in parts:
        name = RoadmapName(part.slug, part.municipality, part.title)
        for share in part.parties:
            party = found.setdefault(share.identity, Party(share.identity, share.name, layout.party_slug(share.identity, share.name)))
            party.shares.append((name, share))
    return sorted(found.values(), key=lambda p: (p.name.casefold(), p.identity))


def share_done(counts: dict[str, int]) -> int | None:
    """The share of activities done, in whole per cent, of those not cancelled (None: none)."""
    base = counts.get("activities", 0) - counts.get("cancelled", 0)
    return round(100 * counts.get("done", 0) / base) if base > 0 else None


def bar(chart: dict[str, int]) -> list[dict]:
    """The segments of a 100% stacked bar: state, title, count, width in per cent."""
    total = sum(chart.values())
    if not total:
        return []
    return [
        {"state": state, "title": STATE_TITLES[state], "count": chart[state], "width": f"{100 * chart[state] / total:.3f}"}
        for state in CHART_STATES if chart.get(state)
    ]


def timeline(part: RoadmapPart, as_of: date) -> dict | None:
    """The rows placed on the roadmap's period: left and width in per cent of the period."""
    start, end = part.period_start, part.period_end
    if start is None or end is None or end <= start:
        return None
    span = (end - start).days

    def at(day: date) -> float:
        return min(100.0, max(0.0, 100 * (day - start).days / span))

    rows = []
    for row in part.rows:
        if row.due is None and row.start is None:
            continue
        first = row.start or row.due
        last = row.due or row.start
        assert first is not None and last is not None
        if last < first:
            first, last = last, first
        left = at(first)
        text = " ".join(row.text.split())
        if len(text) > TIMELINE_TEXT:
            text = text[: TIMELINE_TEXT - 1].rstrip() + "…"
        rows.append({
            "number": row.number, "text": text, "state": row.state, "state_title": STATE_TITLES[row.state],
            "left": f"{left:.3f}", "width": f"{max(at(last) - left, 0.0):.3f}",
            "when": ru_date(first) if first == last else f"{ru_date(first)} — {ru_date(last)}",
        })
    today = at(as_of) if start <= as_of <= end else None
    return {"rows": rows, "start": ru_date(start), "end": ru_date(end), "today": f"{today:.3f}" if today is not None else None}


def _render(name: str, **context) -> bytes:
    from roadmapctl.render.templating import render_template

    common = {"ru_date": ru_date, "href": layout.href, "share_done": share_done, "bar": bar, "STATE_TITLES": STATE_TITLES, "STATES": CHART_STATES}
    return utf8(render_template(f"site/{name}", None, True, {}, **common, **context))


def short_title(part: RoadmapPart) -> str:
    """The title the index shows: at most INDEX_TITLE characters; a broken file's name."""
    title = part.title or PurePath(part.file.replace("\\", "/")).name
    return title if len(title) <= INDEX_TITLE else title[: INDEX_TITLE - 1].rstrip() + "…"


def index_data(parts: list[RoadmapPart], parties: list[Party]) -> str:
    """The JSON index the index page's script filters and sorts: short keys, one entry a roadmap."""
    number = {party.identity: i for i, party in enumerate(parties)}
    entries = []
    for part in parts:
        counts = part.counts
        entry = {
            "h": layout.href(layout.roadmap_page(part.slug)),
            "m": part.municipality,
            "t": short_title(part),
            "p": part.period_text,
            "b": 1 if part.broken else 0,
            "a": counts.get("activities", 0),
            "d": counts.get("done", 0),
            "s": share_done(counts),
            "o": counts.get("overdue", 0),
            "u": counts.get("upcoming", 0),
            "n": counts.get("unassigned", 0),
            "c": [part.chart.get(state, 0) for state in CHART_STATES],
            "r": sorted(number[share.identity] for share in part.parties),
        }
        entries.append(entry)
    data = {"states": [STATE_TITLES[s] for s in CHART_STATES], "keys": list(CHART_STATES), "roadmaps": entries}
    return _script_json(data)


def utf8(text: str) -> bytes:
    """A page or script as UTF-8, with every control, bidirectional and zero-width character shown
    visibly and the bytes of a file name that is not UTF-8 as ``\\xNN`` (``writing.visible``, as
    every writer): a file name reaches the pages as it is (a name with ESC or U+202E, or with
    bytes that are not UTF-8, ended the build with an internal error)."""
    from roadmapctl.writing import visible

    return visible(text).encode("utf-8")


def _script_json(data) -> str:
    """``data`` as JSON that can stand inside a <script> element: no "</" that could end it, no
    HTML comment opener."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return text.replace("</", "<\\/").replace("<!--", "<\\!--")


def parties_script(parties: list[Party]) -> bytes:
    """``assets/parties.js``: every party's name and page, in the order of the JSON index's
    numbers; the index loads it when the party filter is first used (a script, not a fetch,
    so that it works opened from disk)."""
    names = [[party.name, layout.href(layout.party_page(party.slug))] for party in parties]
    return utf8(f"window.roadmapctlParties = {_script_json(names)};\n")


def roadmaps_page(parts: list[RoadmapPart], as_of: date) -> bytes:
    return _render("roadmaps.html.j2", depth=1, parts=parts, as_of=as_of, layout=layout, short_title=short_title)


def parties_page(parties: list[Party], as_of: date) -> bytes:
    return _render("parties.html.j2", depth=1, parties=parties, as_of=as_of, layout=layout)


def index_page(parts: list[RoadmapPart], parties: list[Party], as_of: date) -> bytes:
    municipalities = sorted({p.municipality for p in parts if p.municipality}, key=str.casefold)
    totals: dict[str, int] = {}
    for part in parts:
        for key, value in part.counts.items():
            totals[key] = totals.get(key, 0) + value
    return _render(
        "index.html.j2", depth=0, as_of=as_of, parts=parts, parties=parties, municipalities=municipalities,
        totals=totals, broken=sum(p.broken for p in parts), data=index_data(parts, parties), layout=layout,
        short_title=short_title,
    )


def roadmap_page(part: RoadmapPart, as_of: date, within: int) -> bytes:
    if part.broken:
        return _render("broken.html.j2", depth=2, part=part, as_of=as_of, layout=layout)
    downloads = [
        {"href": layout.href(name), "name": name, "title": title, "size": len(part.files[key])}
        for key, (name, title) in DOWNLOADS.items()
    ]
    return _render(
        "roadmap.html.j2", depth=2, part=part, as_of=as_of, within=within, downloads=downloads,
        timeline=timeline(part, as_of), parties=[(layout.party_slug(s.identity, s.name), s) for s in part.parties], layout=layout,
    )


def party_pages(job: tuple[list[Party], date]) -> list[bytes]:
    """The pages of some parties (the form a worker process is given)."""
    parties, as_of = job
    return [party_page(party, as_of) for party in parties]


def party_page(party: Party, as_of: date) -> bytes:
    return _render("party.html.j2", depth=1, party=party, as_of=as_of, layout=layout, many=MANY_ROADMAPS)
