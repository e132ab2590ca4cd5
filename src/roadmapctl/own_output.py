"""Which existing files are roadmapctl's own output of a given kind, and may be replaced by the
same command without ``--force`` (rule of ``roadmapctl.writing``).

Each recogniser looks at the structure a command writes (JSON keys, the summary line, the title
in the document properties), never at the file name. A file that merely resembles a report but
fails to parse is not ours: a user's file is kept unless ``--force`` is given. ``render`` has its
own, stricter mark (``roadmapctl.render.marker``).
"""

from __future__ import annotations

import json
import re

REPORT_TITLE = "Информация о ходе реализации"
# The DOCX paragraph style of the rest of a cell the appendix cut at a page break (render/paging.py
# writes it, import of roadmapctl's own DOCX joins the row back on it).
CONTINUED_STYLE = "ДК: таблица, продолжение абзаца"
_CHECK_SUMMARY = re.compile(r"^Проверено файлов: \d+\. Ошибок: \d+, предупреждений: \d+\.(?: .*)?$", re.M)
_CHECK_LINE = re.compile(r"^(.+:\d+:\d+: RM\d+ |::(error|warning|notice) |RM\d+ )")
_STATISTICS = re.compile(r"^\s*\d+\s+RM\d+\b")
_DIFF_SUMMARY = re.compile(r"^(Изменений в дорожных картах нет\.|Измен\w+ \d+ дорожн\w+ карт\w*, .*)$", re.M)
_DIFF_MD_TITLE = "### Дорожные карты: изменения\n"


def _text(old: bytes) -> str | None:
    try:
        return old.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def _json(old: bytes):
    text = _text(old)
    if text is None:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return None


def _zip_core(old: bytes) -> str:
    import io
    import zipfile  # only a report may be a package: check, diff and export write text

    try:
        with zipfile.ZipFile(io.BytesIO(old)) as package:
            info = package.getinfo("docProps/core.xml")
            if info.file_size > 1_000_000:
                return ""
            return package.read(info).decode("utf-8", errors="replace")
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, RuntimeError):
        return ""


def check_report(old: bytes) -> bool:
    """Any format of ``roadmapctl check``."""
    data = _json(old)
    if isinstance(data, dict):
        if set(data) == {"diagnostics", "summary"}:
            return True
        runs = data.get("runs")
        if isinstance(runs, list) and runs and isinstance(runs[0], dict):
            driver = runs[0].get("tool", {}).get("driver", {}) if isinstance(runs[0].get("tool"), dict) else {}
            return isinstance(driver, dict) and driver.get("name") == "roadmapctl"
        return False
    if isinstance(data, list):
        return all(isinstance(e, dict) and "check_name" in e and "fingerprint" in e for e in data)
    text = _text(old)
    if text is None:
        return False
    if _CHECK_SUMMARY.search(text):
        return True
    lines = [line for line in text.splitlines() if line.strip()]
    return bool(lines) and all(_CHECK_LINE.match(line) or _STATISTICS.match(line) for line in lines)


def diff_report(old: bytes) -> bool:
    """Any format of ``roadmapctl diff``."""
    data = _json(old)
    if isinstance(data, dict):
        return set(data) == {"roadmaps", "summary"} and isinstance(data["summary"], dict) and "changes" in data["summary"]
    text = _text(old)
    return text is not None and (bool(_DIFF_SUMMARY.search(text)) or text.startswith(_DIFF_MD_TITLE))


def progress_report(old: bytes) -> bool:
    """Any format of ``roadmapctl report``."""
    if old.startswith(b"PK"):
        return REPORT_TITLE in _zip_core(old)
    data = _json(old)
    if isinstance(data, dict):
        return {"as_of", "items", "summary"} <= set(data) <= {
            "as_of", "totals", "items", "summary", "postponements", "roadmaps", "first_page", "by", "groups", "trend", "signature",
        }
    text = _text(old)
    if text is None:
        return False
    first = text.lstrip("\ufeff \n").splitlines()[0] if text.strip() else ""
    return REPORT_TITLE in text[:4000] or first.startswith(
        ("Муниципалитет;Файл;№;", "Мероприятий;Выполнено;", "По состоянию на;Дорожная карта;", "Группа (по ")
    )


def schema_file(old: bytes) -> bool:
    """``roadmapctl schema``: a version of our JSON Schema (the same ``$id``)."""
    from roadmapctl.resources import schema_path

    data = _json(old)
    if not isinstance(data, dict) or "$id" not in data:
        return False
    return data["$id"] == json.loads(schema_path().read_bytes()).get("$id")


def export_file(old: bytes) -> bool:
    """``roadmapctl export``: the JSON of roadmaps or our calendar."""
    if old.startswith(b"BEGIN:VCALENDAR"):
        return b"PRODID:-//roadmapctl//" in old[:4000]
    data = _json(old)
    return isinstance(data, dict) and set(data) == {"roadmaps"} and isinstance(data["roadmaps"], list)
