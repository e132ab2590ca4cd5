"""Truth on the five real roadmaps, with no progress recorded.

Every expected set below is written out by hand from the seed texts and the rules of
docs/deadlines.md (the reading of each deadline is noted next to it), not computed by the code under
test. "Undated" is the schedule / unknown / missing deadlines; "overdue" as of 2021-06-01 is the
once / range deadlines before that day plus the missed occurrences of milestones and recurring ones.
"""

from __future__ import annotations

from datetime import date

import pytest

from conftest import ROADMAPS
from conftest import load_roadmap
from roadmapctl.report.items import build_report

AS_OF = date(2021, 6, 1)
FILES = {
    "baunt": "baunt-2021-2022.yaml",
    "mtsensk": "mtsensk-2021-2022.yaml",
    "tula": "tula-2020-2021.yaml",
    "slavsk": "slavsk-2022-2023.yaml",
    "aban": "aban-2020-2023.yaml",
}


def d(text: str) -> date:
    return date.fromisoformat(text)


@pytest.fixture(scope="module")
def roadmaps():
    return {key: load_roadmap(str(ROADMAPS / name)) for key, name in FILES.items()}


def items(roadmap, kind, as_of=AS_OF):
    report = build_report([roadmap], as_of, [kind])
    return {item.number: item for item in report.items}


# --- unassigned: the rows whose document names no one -----------------------------------------
# 000 rows 9 and 61 have an empty "Ответственный исполнитель" cell; 002 rows 2.2-2.7 an empty
# "Ответственные" cell. 001 4.6 and 4.7 are heading rows whose children name the parties: not listed.
UNASSIGNED = {
    "baunt": {"9", "61"},
    "mtsensk": set(),
    "tula": {"2.2.", "2.3.", "2.4.", "2.5.", "2.6.", "2.7."},
    "slavsk": set(),
    "aban": set(),
}


@pytest.mark.parametrize("key", FILES)
def test_unassigned(roadmaps, key):
    assert set(items(roadmaps[key], "unassigned")) == UNASSIGNED[key]


# --- undated: schedule, unknown, missing ----------------------------------------------------------
UNDATED = {
    # 5 "По отделному графику", 7 "В соответствии с планом мероприятий МО и НРБ", 12 "В соответствии со
    # сроками реализации национального проекта…", 22 "В соответствии с отдельным планом": schedule;
    # 13: empty. (8 "В соответствии с планом работы 1 раз в 2 месяца" has dates every 2 months.)
    "baunt": {"5", "7", "12", "13", "22"},
    # 1.4-1.6: empty; 4.10 "По графику ИРО и ОРЦОКО"
    "mtsensk": {"1.4.", "1.5.", "1.6.", "4.10."},
    "tula": set(),
    # 4.2 "По графику"; "Постоянно (по графику ОО)" is continuous (the parenthesis is a note)
    "slavsk": {"4.2"},
    # 11 "Ноябрь 2020, май 2021, по графику" is compound with dates, not undated
    "aban": set(),
}


@pytest.mark.parametrize("key", FILES)
def test_undated(roadmaps, key):
    assert set(items(roadmaps[key], "undated")) == UNDATED[key]


# --- overdue as of 2021-06-01: number → missed dates ------------------------------------------------
OVERDUE = {
    "baunt": {  # period 2021-01-01 … 2022-12-31
        "1": ["2021-03-31"],  # Март 2021 года
        "3": ["2021-03-31"],
        "4": ["2021-03-31"],
        "6": ["2021-01-10", "2021-02-10", "2021-03-10", "2021-04-10", "2021-05-10"],  # до 10 числа каждого месяца
        "8": ["2021-02-28", "2021-04-30"],  # 1 раз в 2 месяца from January: ends of Feb, Apr, …
        "9": ["2021-05-31"],  # Май 2021 года
        "11": ["2021-04-30"],  # Апрель 2021 года
        "14": ["2021-04-30"],
        "15": ["2021-03-31"],  # ежеквартально
        "21": ["2021-03-31", "2021-05-31"],  # Фронтальный – май 2021; Выборочный – ежеквартально
        "27": ["2021-05-31"],
        "34": ["2021-05-31"],
        "44": ["2021-05-31"],  # Май 2021 года, январь 2022 года
    },
    "mtsensk": {  # period 2021-2022
        "1.1.": ["2021-02-28"],  # февраль, 2021г, реализация до 2022 года → 28.02.2021, 31.12.2022
        "1.2.": ["2021-01-31"],  # Январь, 2021 г., реализация до 2022 года
        "1.3.": ["2021-03-31"],  # Март, 2021 г.
        "2.2.": ["2021-02-28"],  # февраль, 2021г. Сентябрь, 2021 г.
        "2.3.": ["2021-04-30"],  # Апрель, 2021 Май, 2022
        "4.7.1.": ["2021-04-30"],  # Апрель, 2021 год
        # not: 3.1 "Апрель – Июнь-июль" runs to 31.07.2021; 2.4 continuous + October 2021
    },
    "tula": {  # period 2020-09-01 … 2021-08-31
        "1.1.": ["2020-12-31"],
        "2.1.": ["2021-02-28"],
        "2.2.": ["2020-12-31"],  # Декабрь 2020, июнь 2021
        "2.3.": ["2020-12-31"],
        "2.4.": ["2021-04-30"],
        "2.7.": ["2020-11-30"],
        "4.1.": ["2020-10-31"],
        "4.8.": ["2021-05-31"],
        # sub-items: Сентябрь-октябрь 2020, Октябрь 2020, Ноябрь 2020, Декабрь 2020, Февраль 2021, Март 2021
        "4.10.": ["2020-10-31", "2020-11-30", "2020-12-31", "2021-02-28", "2021-03-31"],
        # sub-items: Сентябрь 2020, Ноябрь 2020, Январь 2021, Апрель 2021
        "4.11.": ["2020-09-30", "2020-11-30", "2021-01-31", "2021-04-30"],
    },
    "slavsk": {},  # the period starts in 2022
    "aban": {  # period 2020-01-01 … 2023-12-31
        "1.": ["2020-06-30"], "2.": ["2020-06-30"], "3.": ["2020-06-30"], "4.": ["2020-06-30"],  # Июнь 2020
        "6.": ["2020-09-30"],  # 3 квартал 2020
        "8.": ["2020-09-30", "2021-02-28", "2021-05-31"],  # Сентябрь 2020г февраль, май 2021г
        "10.": ["2020-06-30", "2020-12-31"],  # Не реже 2 раз в год
        "11.": ["2020-11-30", "2021-05-31"],  # Ноябрь 2020, май 2021, по графику
        "12.": ["2020-09-30"],
        "14.": ["2020-07-31"],  # Июль 2020г
        "15.": ["2021-05-31"],  # Октябрь – май → 01.10.2020 … 31.05.2021
        "17.": ["2020-06-30"],  # 2 квартал 2020 + в течение года
        "21.": ["2020-12-31", "2021-05-31"],  # Ноябрь-декабрь 2020, апрель – май 2021
        "26.": ["2021-05-31"],
        "27": ["2020-09-30", "2021-05-31"],
        "29": ["2020-12-31"],  # Декабрь, ежегодно
        "30": ["2020-01-31", "2021-01-31"],  # Январь, ежегодно
        "31": ["2020-02-29", "2021-02-28"],  # Февраль, ежегодно (2020 is a leap year)
    },
}


@pytest.mark.parametrize("key", FILES)
def test_overdue_as_of_2021_06_01(roadmaps, key):
    found = items(roadmaps[key], "overdue")
    assert {n: [x.isoformat() for x in i.missed] for n, i in found.items()} == OVERDUE[key]
    for number, item in found.items():
        assert item.days_late == (AS_OF - d(OVERDUE[key][number][0])).days


def test_days_late_by_hand(roadmaps):
    baunt = items(roadmaps["baunt"], "overdue")
    assert baunt["1"].days_late == 62  # 31.03 → 01.06: 30 (April) + 31 (May) + 1
    assert baunt["9"].days_late == 1
    assert baunt["6"].days_late == 142  # from the first missed, 10.01.2021
    assert items(roadmaps["aban"], "overdue")["31"].days_late == 458  # 29.02.2020 → 01.06.2021


def test_slavsk_overdue_as_of_2022_06_01(roadmaps):
    # table 2: 1 "Февраль 2022"; 4 "Ежегодно (май)"; 5 and 7 "1 раз в квартал"; 2-3 September, 6 July,
    # 8 and 4.1 December are still ahead; the rest is continuous
    found = items(roadmaps["slavsk"], "overdue", date(2022, 6, 1))
    assert {n: [x.isoformat() for x in i.missed] for n, i in found.items()} == {
        "1": ["2022-02-28"], "4": ["2022-05-31"], "5": ["2022-03-31"], "7": ["2022-03-31"],
    }


def test_nothing_is_overdue_the_day_it_is_due(roadmaps):
    # "Май 2021 года" (row 9) is due 31.05.2021: overdue from 01.06, not on 31.05
    assert "9" not in items(roadmaps["baunt"], "overdue", date(2021, 5, 31))
    assert "9" in items(roadmaps["baunt"], "overdue", date(2021, 6, 1))


def test_upcoming_within_30_days_of_2021_06_01(roadmaps):
    # due 02.06-01.07.2021: Июнь 2021 года (28), the 10th of June (6), end of June for every-2-months (8),
    # the quarter end 30.06 (15, 21)
    assert set(items(roadmaps["baunt"], "upcoming")) == {"6", "8", "15", "21", "28"}
    assert items(roadmaps["baunt"], "upcoming")["6"].due == date(2021, 6, 10)
    # 2.2 "Декабрь 2020, июнь 2021", 2.5 "Июнь 2021"
    assert set(items(roadmaps["tula"], "upcoming")) == {"2.2.", "2.5."}


def test_no_progress_recorded_means_nothing_done_or_stale(roadmaps):
    report = build_report(list(roadmaps.values()), AS_OF)
    assert not [i for i in report.items if i.kind in ("done", "stale")]


def test_summary_counts_by_hand(roadmaps):
    report = build_report(list(roadmaps.values()), AS_OF)
    rows = {s.municipality: (s.activities, s.done, s.overdue, s.unassigned, s.undated) for s in report.summary}
    assert rows == {
        "МО «Баунтовский эвенкийский район»": (63, 0, 13, 2, 5),
        "город Мценск": (38, 0, 6, 0, 4),  # 40 rows less the two heading rows 4.6 and 4.7
        "город Тула": (21, 0, 10, 6, 0),
        "Славский муниципальный округ": (24, 0, 0, 0, 1),
        "Абанский район": (30, 0, 18, 0, 0),
    }
