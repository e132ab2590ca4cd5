"""Properties of the report's small readers and writers: the CSV cell guard, the shares and
the grouping words."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from roadmapctl.report.formats.csv_format import FORMULA_START, WORD_JOINER, neutral
from roadmapctl.report.glance import percent
from roadmapctl.report.request import GROUPINGS, RequestError, read_grouping

# what a Russian spreadsheet may read as a number or a date: digits with dots, commas, slashes,
# colons and spaces ("1.1.", "4.10", "1,5", "01/02", "12:30")
NUMBER_OR_DATE = re.compile(r"[\d\s.,:/]*\d[\d\s.,:/]*")


@given(st.text(alphabet=st.sampled_from("0123456789.,:/ -=+@абв\t"), max_size=12))
def test_a_csv_cell_is_never_a_number_date_or_formula(text):
    cell = neutral(text)
    assert not NUMBER_OR_DATE.fullmatch(cell) and not cell.startswith(FORMULA_START)
    # and it is the same text to the eye: at most an apostrophe or an invisible joiner in front
    assert cell in (text, "'" + text, WORD_JOINER + text)


@given(st.integers(0, 10_000), st.integers(1, 10_000))
def test_percent_is_the_nearest_whole(part, whole):
    part = min(part, whole)
    share = percent(part, whole)
    assert 0 <= share <= 100
    assert abs(share - 100 * part / whole) <= 0.5


@given(st.text(max_size=20))
def test_read_grouping_knows_its_words_and_refuses_in_russian(text):
    try:
        grouping = read_grouping(text)
    except RequestError as exc:
        assert str(exc).startswith("неизвестная группировка «")
    else:
        assert grouping in set(GROUPINGS.values())
