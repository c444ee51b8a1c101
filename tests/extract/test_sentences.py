"""Sentence, segment and clause boundaries, defined once for every context rule."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongfu.extract.sentences import (
    CLAUSE_END,
    LIST_CLAUSE_END,
    SEGMENT_END,
    SENTENCE_END,
    ends,
    split_sentences,
    unit_around,
    unit_at,
)

TEXT = "全区产值增长5%，税收增加；企业达104家。\n上半年、去年：持平！"


@pytest.mark.parametrize(("pattern", "marks"), [
    (SENTENCE_END, "。\n！"),
    (SEGMENT_END, "；。\n！"),
    (CLAUSE_END, "，；。\n：！"),
    (LIST_CLAUSE_END, "，；。\n、：！"),
])
def test_each_unit_ends_after_its_marks(pattern, marks: str) -> None:
    found = "".join(TEXT[i - 1] for i in ends(pattern, TEXT))
    assert found == "".join(ch for ch in TEXT if ch in marks)


@pytest.mark.parametrize(("pos", "sentence"), [
    (0, "全区产值增长5%，税收增加；企业达104家。"),
    (15, "全区产值增长5%，税收增加；企业达104家。"),
    (len("全区产值增长5%，税收增加；企业达104家。\n"), "上半年、去年：持平！"),
])
def test_unit_at_gives_the_sentence_holding_a_position(pos: int, sentence: str) -> None:
    begin, end = unit_at(ends(SENTENCE_END, TEXT), len(TEXT), pos)
    assert TEXT[begin:end].strip() == sentence


def test_unit_around_spans_every_clause_a_mention_touches() -> None:
    bounds = ends(CLAUSE_END, TEXT)
    start = TEXT.index("5%")
    begin, end = unit_around(bounds, len(TEXT), start, TEXT.index("税收") + 1)
    assert TEXT[begin:end] == "全区产值增长5%，税收增加；"


@pytest.mark.parametrize(("text", "parts"), [
    ("产值增长5%；税收增加。\n下一段", ["产值增长5%；", "税收增加。", "下一段"]),
    ("没有句末标点", ["没有句末标点"]),
    ("。。", ["。", "。"]),
    ("", []),
    ("\n\n", []),
])
def test_split_sentences(text: str, parts: list[str]) -> None:
    assert split_sentences(text) == parts


@given(st.text(alphabet="产值增5%，。；！？\n 、", max_size=60))
def test_split_sentences_loses_only_blank_pieces(text: str) -> None:
    parts = split_sentences(text)
    assert "".join(parts).replace(" ", "").replace("\n", "") == text.replace(" ", "").replace("\n", "")
