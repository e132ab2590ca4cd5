"""`export --format ics`: the dated deadlines and recurring occurrences as all-day events.

The expected event counts are counted by hand from the deadline texts (see the comments)."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from conftest import ROADMAPS
from conftest import load_roadmap
from roadmapctl.export.ics import export_ics


def events(data: bytes):
    return [c for c in Calendar.from_ical(data).walk("VEVENT")]


def number_of(event) -> str:
    return str(event.get("summary")).split()[1]


@pytest.fixture(scope="module")
def tula():
    return load_roadmap(str(ROADMAPS / "tula-2020-2021.yaml"))


@pytest.fixture(scope="module")
def baunt():
    return load_roadmap(str(ROADMAPS / "baunt-2021-2022.yaml"))


def test_tula_events_by_hand(tula):
    found = events(export_ics([tula]))
    per_activity = Counter(number_of(e) for e in found)
    assert per_activity == {
        # once: Декабрь 2020, Февраль 2021, Декабрь 2020, Апрель 2021, Июнь 2021, Июль 2021, Ноябрь 2020,
        # Октябрь 2020, Май 2021
        "1.1.": 1, "2.1.": 1, "2.3.": 1, "2.4.": 1, "2.5.": 1, "2.6.": 1, "2.7.": 1, "4.1.": 1, "4.8.": 1,
        "2.2.": 2,  # Декабрь 2020, июнь 2021
        "4.10.": 5,  # six sub-items; "Сентябрь-октябрь 2020" and "Октябрь 2020" both end on 31.10.2020
        "4.11.": 4,
    }  # the "В течение учебного года" rows are continuous: no day to show
    days = sorted(e.decoded("dtstart") for e in found if number_of(e) == "4.11.")
    assert days == [date(2020, 9, 30), date(2020, 11, 30), date(2021, 1, 31), date(2021, 4, 30)]


def test_baunt_recurring_occurrences(baunt):
    found = events(export_ics([baunt]))
    per_activity = Counter(number_of(e) for e in found)
    assert per_activity["6"] == 24  # the 10th of each month, January 2021 to December 2022
    assert per_activity["8"] == 12  # every 2 months: ends of Feb, Apr, Jun, Aug, Oct, Dec, two years
    assert per_activity["15"] == 8  # quarter ends
    assert per_activity["21"] == 9  # 31.05.2021 and the 8 quarter ends
    assert per_activity["44"] == 2
    for absent in ("2", "5", "7", "12", "13", "22", "16"):  # continuous, schedule, missing
        assert absent not in per_activity
    assert sum(per_activity.values()) == 14 + 2 + 24 + 12 + 8 + 9  # 14 once-deadlines
    sixth = sorted(e.decoded("dtstart") for e in found if number_of(e) == "6")
    assert sixth[0] == date(2021, 1, 10) and sixth[-1] == date(2022, 12, 10)


def test_events_are_all_day_with_stable_unique_uids(baunt, tula):
    first, second = export_ics([baunt, tula]), export_ics([baunt, tula])
    assert first == second
    found = events(first)
    uids = [str(e.get("uid")) for e in found]
    assert len(set(uids)) == len(uids)
    for event in found:
        start, end = event.decoded("dtstart"), event.decoded("dtend")
        assert type(start) is date and end == start + timedelta(days=1)
    # the UID does not depend on which other roadmaps are exported, nor on the folder
    alone = {str(e.get("uid")) for e in events(export_ics([tula]))}
    assert alone <= set(uids)


def test_description_is_russian_and_names_the_responsible(tula):
    event = next(e for e in events(export_ics([tula])) if number_of(e) == "2.3.")
    text = str(event.get("description"))
    assert "Срок: Декабрь 2020" in text and "Ответственные: не указаны" in text
    calendar = Calendar.from_ical(export_ics([tula]))
    assert str(calendar.get("x-wr-calname")) == "Сроки дорожной карты: город Тула"


def test_cli_export_ics_to_a_file(tmp_path):
    out = tmp_path / "сроки.ics"
    proc = subprocess.run([sys.executable, "-m", "roadmapctl", "export", str(ROADMAPS), "--format", "ics", "-o", str(out)], capture_output=True)
    assert proc.returncode == 0, proc.stderr.decode()
    data = out.read_bytes()
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and data.rstrip().endswith(b"END:VCALENDAR")
    assert len(events(data)) > 100


def test_the_export_package_chooses_the_format(tula):
    from roadmapctl.export import FORMATS, export_roadmaps
    from roadmapctl.export.json_export import export_json

    assert list(FORMATS) == ["json", "ics"]
    assert export_roadmaps([tula], "ics") == export_ics([tula])
    assert export_roadmaps([tula], "json") == export_json([tula]).encode("utf-8")


# --- the writer itself: RFC 5545 text, checked against the icalendar library -------------------

GOLDEN = Path(__file__).parent / "golden"


def test_golden_tula(tula):
    """The whole calendar of one roadmap, byte for byte. The golden file was written by the
    previous writer (built on the icalendar library's objects) and read by eye: the direct writer
    gives the same bytes."""
    assert export_ics([tula]) == (GOLDEN / "export-tula-2020-2021.ics").read_bytes()


def test_every_physical_line_is_short_and_ends_with_crlf(tula, baunt):
    data = export_ics([tula, baunt])
    assert data.endswith(b"END:VCALENDAR\r\n")
    lines = data.split(b"\r\n")[:-1]
    assert all(b"\n" not in line and len(line) <= 75 for line in lines)
    for line in lines:
        line.decode("utf-8")  # never folded inside a character


def _reference_line(name: str, text: str) -> bytes:
    """The same property written by the icalendar library (its escaping and folding)."""
    from icalendar import vText
    from icalendar.parser import Contentline, Parameters

    return Contentline.from_parts(name, Parameters(), vText(text)).to_ical()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("аб ЖЯё;,\\^:\"\nxyz1€😀\t")), max_size=400))
def test_text_lines_as_the_icalendar_library_writes_them(text):
    """Escaping and folding of any text agree with the icalendar library, and the library reads
    the value back as written. (The library also turns a written ``\\N`` into a line break; a
    backslash before "N" in an activity is kept here, so such texts are left out.)"""
    from roadmapctl.export.ics import fold, text_value
    from roadmapctl.writing import visible_lines

    shown = visible_lines(text)
    ours = fold(("DESCRIPTION:" + text_value(text)).encode("utf-8"))
    assert ours == _reference_line("DESCRIPTION", shown)
    event = Calendar.from_ical(b"BEGIN:VEVENT\r\n" + ours + b"\r\nEND:VEVENT\r\n")
    assert str(event.get("description")) == shown


def test_backslashes_and_separators_survive_a_real_parser(tmp_path):
    """A Windows path (with "\\New"), a semicolon and a comma in an activity come back from the
    icalendar parser as written, in a file with a Cyrillic name and a space."""
    source = (ROADMAPS / "tula-2020-2021.yaml").read_text(encoding="utf-8")
    marker = "Корректировка муниципальной программы"
    assert marker in source
    odd = r"Отчёт в D:\Отчёты\New\итог; копия, затем"
    path = tmp_path / "карта с путём.yaml"
    path.write_text(source.replace(marker, odd + " " + marker, 1), encoding="utf-8")
    found = events(export_ics([load_roadmap(str(path))]))
    first = next(e for e in found if number_of(e) == "1.1.")
    expected = "Отчёт в D:\\Отчёты\\New\\итог; копия, затем " + marker
    assert str(first.get("description")).startswith(expected)
    assert str(first.get("summary")).startswith("№ 1.1. " + expected[:30])
