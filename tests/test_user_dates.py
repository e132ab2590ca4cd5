"""The date a user types on the command line (mark --date/--covers, report --as-of): read by
textutil.read_date, the reading side of ru_date. Expected values are written by hand."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from roadmapctl.textutil import DateError, read_date, ru_date


@pytest.mark.parametrize("text, expected", [
    ("2021-05-20", date(2021, 5, 20)),
    ("20.05.2021", date(2021, 5, 20)),
    ("5.3.2021", date(2021, 3, 5)),
    ("05.03.2021", date(2021, 3, 5)),
    ("  2021-03-05\n", date(2021, 3, 5)),
    ("29.02.2024", date(2024, 2, 29)),
])
def test_both_formats_are_read(text, expected):
    assert read_date(text) == expected


@pytest.mark.parametrize("text", ["2021-13-01", "31.04.2021", "29.02.2021", "00.01.2021"])
def test_a_day_that_does_not_exist_is_said_so_in_russian(text):
    with pytest.raises(DateError) as caught:
        read_date(text)
    assert str(caught.value) == f"такой даты нет: «{text}»"


@pytest.mark.parametrize("text", ["20/05/2021", "2021-5-20", "20.05.21", "20 мая 2021", "", "завтра"])
def test_another_way_of_writing_is_not_guessed(text):
    with pytest.raises(DateError) as caught:
        read_date(text)
    assert str(caught.value) == (
        f"дата «{text}» не распознана; пишите ГГГГ-ММ-ДД или ДД.ММ.ГГГГ, например 2021-05-20"
    )


def test_the_error_is_a_value_error():
    assert issubclass(DateError, ValueError)


@given(st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))
def test_a_date_written_either_way_reads_back_to_itself(day):
    assert read_date(day.isoformat()) == day
    assert read_date(ru_date(day)) == day
