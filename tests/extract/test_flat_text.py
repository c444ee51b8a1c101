"""The text without spaces inside lines, and where an offset of the text falls in it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongfu.extract.flat_text import FlatText


@pytest.mark.parametrize(("text", "flat", "identity"), [
    ("临江高 科园", "临江高科园", False),
    ("截 至目前，\n 产值", "截至目前，\n产值", False),
    ("没有空格。\n第二行", "没有空格。\n第二行", True),
    ("", "", True),
])
def test_spaces_inside_lines_are_dropped_line_ends_kept(text: str, flat: str, identity: bool) -> None:
    f = FlatText(text)
    assert (f.text, f.identity) == (flat, identity)


@pytest.mark.parametrize(("text", "piece"), [
    ("临江高 科园产值5亿元", "5亿元"),
    ("截 至目前 ，共有 12 家", "12"),
    ("产值5亿元", "亿元"),
])
def test_an_offset_maps_to_the_same_characters(text: str, piece: str) -> None:
    f = FlatText(text)
    assert f.text[f.to_flat(text.index(piece)):].startswith(piece.replace(" ", ""))


def _removed_before(text: str, pos: int) -> int:
    """How many in-line spaces stand before `pos` (the old way: count them)."""
    return sum(1 for ch in text[:pos] if ch.isspace() and ch != "\n")


@given(st.text(alphabet=st.sampled_from(list("临江产值5亿元，。 \n\t")), max_size=40), st.data())
def test_an_offset_before_a_non_space_moves_back_by_the_spaces_before_it(text: str, data: st.DataObject) -> None:
    f = FlatText(text)
    pos = data.draw(st.integers(0, len(text)))
    if pos == len(text) or not text[pos].isspace() or text[pos] == "\n":
        assert f.to_flat(pos) == pos - _removed_before(text, pos)
    assert f.identity == (f.text == text)
