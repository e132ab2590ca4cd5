"""The two edit-distance helpers of roadmapctl.textutil agree: the one-edit test is the bounded
optimal-string-alignment distance asked "at most one?"."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from roadmapctl.textutil import distance, within_one_edit

letters = st.text(alphabet="абвеёab", max_size=7)


@settings(max_examples=500, deadline=None)
@given(a=letters, b=letters)
def test_within_one_edit_is_distance_at_most_one(a, b):
    assert within_one_edit(a, b) == (distance(a, b, 1) <= 1)


@settings(max_examples=300, deadline=None)
@given(a=letters, data=st.data())
def test_one_edit_away_is_within_one_edit(a, data):
    i = data.draw(st.integers(0, len(a)))
    edits = [a[:i] + "ж" + a[i:], a[:i] + a[i + 1:], a[:i] + "ж" + a[i + 1:]]
    if i + 1 < len(a):
        edits.append(a[:i] + a[i + 1] + a[i] + a[i + 2:])
    for edited in edits:
        assert within_one_edit(a, edited) and within_one_edit(edited, a)
