"""What a user asks of a report, read from the words they type: the kinds of items (English or
Russian names), the grouping and the party whose activities to show."""

from __future__ import annotations

from typing import Callable, Iterable

from roadmapctl.document.model import Placed, Roadmap
from roadmapctl.report.items import KINDS

# Russian names a user may type for the kinds, besides the English ones.
KIND_WORDS = {
    "просрочено": "overdue", "просроченные": "overdue",
    "без_ответственного": "unassigned", "без-ответственного": "unassigned",
    "без_срока": "undated", "без-срока": "undated",
    "скоро": "upcoming", "приближается": "upcoming",
    "без_отметок": "stale", "без-отметок": "stale",
    "выполнено": "done", "выполненные": "done",
}
GROUPINGS = {"party": "party", "roadmap": "roadmap", "section": "section", "kind": "kind", "status": "status",
             "municipality": "municipality",
             "участник": "party", "участникам": "party", "карта": "roadmap", "картам": "roadmap", "раздел": "section", "разделам": "section",
             "состояние": "status", "состоянию": "status", "муниципалитет": "municipality", "муниципалитетам": "municipality"}


class RequestError(ValueError):
    """A word of the request that names nothing the report knows (the message is Russian)."""


def read_kinds(values: Iterable[str]) -> list[str]:
    """The kinds named in ``values`` (each may list several, comma-separated), once each, in the
    order given; an empty list when none is named."""
    out = []
    for value in values:
        for word in value.split(","):
            word = word.strip().lower()
            if not word:
                continue
            kind = word if word in KINDS else KIND_WORDS.get(word)
            if kind is None:
                raise RequestError(f"неизвестный вид «{word}»; допустимы: {', '.join(KINDS)}")
            if kind not in out:
                out.append(kind)
    return out


def read_grouping(text: str | None) -> str:
    """The grouping named by ``text``: party, roadmap, section, or kind when none is named."""
    grouping = GROUPINGS.get((text or "kind").strip().lower())
    if grouping is None:
        raise RequestError(f"неизвестная группировка «{text}»; допустимы: party, section, status, municipality, roadmap, kind")
    return grouping


def party_selection(roadmaps: list[Roadmap], query: str) -> tuple[list[Roadmap], Callable[[Roadmap], Callable[[Placed], bool]]]:
    """The roadmaps that know the party ``query`` and, for ``build_report``, the filter of each
    one's activities; RequestError, with similar names as a hint, when no roadmap knows it."""
    import difflib

    from roadmapctl.report.parties import known_names, resolve

    views = {id(r): resolve(r, query) for r in roadmaps}
    if not any(v.found for v in views.values()):
        close = difflib.get_close_matches(query, known_names(roadmaps), n=5, cutoff=0.5)
        hint = f"; похожие: {', '.join(close)}" if close else ""
        raise RequestError(f"участник «{query}» не найден ни в одной дорожной карте{hint}")
    return [r for r in roadmaps if views[id(r)].found], lambda roadmap: views[id(roadmap)].select(roadmap)


def format_request(fmt: str, by: str | None, trend: bool, signature: bool = False) -> str:
    """``fmt`` when it can show what is asked of it; RequestError naming what it cannot. Every
    format groups the full list as asked (``--by``); a CSV file holds one table, so the trend
    (``--since``), a table of its own, and the signature block are refused there rather than
    left out."""
    if trend and fmt == "csv":
        raise RequestError("в CSV помещается одна таблица, и изменения за период (--since) в нём не показать; "
                           "выберите xlsx, docx, html, md, json или таблицу в терминале")
    if signature and fmt == "csv":
        raise RequestError("в CSV помещается одна таблица, и подписи (--signature) в нём не место; выберите xlsx, docx, html или md")
    return fmt
