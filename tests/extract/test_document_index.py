"""A document's units found once: the same boundaries the per-unit scans find, and the unit holding a position."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongfu.extract.document_index import DocumentIndex
from gongfu.extract.sentences import CLAUSE_END, LIST_CLAUSE_END, SEGMENT_END, SENTENCE_END, ends, unit_around, unit_at

TEXT = ("临江街道今年上半年实现产值12.5亿元，同比增长8%；其中工业产值1,200万元、服务业3:1。\n"
        "“我家种了40多亩白茶，”钟大姐说：“去年收入近20万元！”\n"
        "全区共有企业104家")


def span_of(text: str, piece: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(piece, start + 1)
    return start, start + len(piece)


@pytest.mark.parametrize(("unit", "number", "expected"), [
    ("paragraph", "12.5亿元", "临江街道今年上半年实现产值12.5亿元，同比增长8%；其中工业产值1,200万元、服务业3:1。\n"),
    ("paragraph", "104家", "全区共有企业104家"),
    ("sentence", "8%", "临江街道今年上半年实现产值12.5亿元，同比增长8%；其中工业产值1,200万元、服务业3:1。"),
    ("sentence", "40多亩", "“我家种了40多亩白茶，”钟大姐说：“去年收入近20万元！"),
    ("sentence", "20万元", "“我家种了40多亩白茶，”钟大姐说：“去年收入近20万元！"),
    ("segment", "8%", "临江街道今年上半年实现产值12.5亿元，同比增长8%；"),
    ("segment", "1,200万元", "其中工业产值1,200万元、服务业3:1。"),
    ("clause", "12.5亿元", "临江街道今年上半年实现产值12.5亿元，"),
    ("clause", "1,200万元", "其中工业产值1,200万元、服务业3:1。"),  # the thousands comma and the ratio colon
    ("clause", "20万元", "“去年收入近20万元！"),
    ("list_clause", "1,200万元", "其中工业产值1,200万元、"),
    ("list_clause", "3:1", "服务业3:1。"),
])
def test_the_unit_holding_a_number(unit: str, number: str, expected: str) -> None:
    index = DocumentIndex(TEXT)
    start, end = span_of(TEXT, number)
    bounds = index.list_clauses if unit == "list_clause" else getattr(index, unit + "s")
    begin, finish = index.at(bounds, start)
    assert TEXT[begin:finish] == expected
    assert index.around(bounds, start, end) == (begin, finish)


@pytest.mark.parametrize(("text", "unit", "expected"), [
    ("", "sentences", []),
    ("没有标点", "clauses", []),
    ("产值增长5%。", "sentences", [7]),
    ("甲，乙；丙：丁、戊。\n", "list_clauses", [2, 4, 6, 8, 10, 11]),
    ("甲，乙；丙：丁、戊。\n", "clauses", [2, 4, 6, 10, 11]),
    ("甲，乙；丙：丁、戊。\n", "segments", [4, 10, 11]),
    ("甲，乙；丙：丁、戊。\n", "sentences", [10, 11]),
    ("甲，乙；丙：丁、戊。\n", "paragraphs", [11]),
    ("1,000元,共3:1:2", "clauses", [7]),  # a comma or colon before a digit is not a break
])
def test_unit_ends(text: str, unit: str, expected: list[int]) -> None:
    assert getattr(DocumentIndex(text), unit) == expected


def test_a_unit_reaching_the_end_of_the_text_ends_there() -> None:
    index = DocumentIndex("第一句。第二句没有句号")
    assert index.sentence(6) == (4, 11)
    assert index.sentence(0) == (0, 4)


# Boundaries of each unit, as a scan for its characters around a position would find them
_MARKS = {"paragraphs": "\n", "sentences": "。！？!?\n", "segments": "。！？!?\n；;", "clauses": "，；;：。！？!?\n",
          "list_clauses": "，；;：。！？!?\n、"}


def _ends_unit(text: str, k: int, unit: str) -> bool:
    """Whether the character at k ends a unit: its marks, or a half-width comma or colon not before a digit."""
    ch = text[k]
    return ch in _MARKS[unit] or (unit in ("clauses", "list_clauses") and ch in ",:"
                                  and not text[k + 1:k + 2].isdigit())


def _scanned(text: str, pos: int, unit: str) -> tuple[int, int]:
    """The unit holding `pos`, scanning left and right from it character by character (the old way)."""
    begin = pos
    while begin > 0 and not _ends_unit(text, begin - 1, unit):
        begin -= 1
    end = pos
    while end < len(text) and not _ends_unit(text, end, unit):
        end += 1
    return begin, min(end + 1, len(text))


_PATTERNS = {"sentences": SENTENCE_END, "segments": SEGMENT_END, "clauses": CLAUSE_END,
             "list_clauses": LIST_CLAUSE_END}
_ALPHABET = "产值增长万元的村镇临江街道一二三0123456789.,:，、；;：。！？!?\n “”"  # Chinese, digits, punctuation
chinese_text = st.text(alphabet=st.sampled_from(list(_ALPHABET)), max_size=80)


@settings(max_examples=300, deadline=None)
@given(chinese_text)
def test_the_index_finds_what_each_units_own_scan_finds(text: str) -> None:
    index = DocumentIndex(text)
    for unit, pattern in _PATTERNS.items():
        assert getattr(index, unit) == ends(pattern, text)
    assert index.paragraphs == [i + 1 for i, ch in enumerate(text) if ch == "\n"]


@settings(max_examples=300, deadline=None)
@given(chinese_text, st.data())
def test_lookups_equal_scanning_around_the_position(text: str, data: st.DataObject) -> None:
    index = DocumentIndex(text)
    pos = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(pos, len(text)))
    for unit in _MARKS:
        bounds = getattr(index, unit)
        assert index.at(bounds, pos) == unit_at(bounds, len(text), pos)
        assert index.around(bounds, pos, end) == unit_around(bounds, len(text), pos, end)
        if pos < len(text):
            assert index.at(bounds, pos) == _scanned(text, pos, unit)
    assert index.begin(index.clauses, pos) == index.clause(pos)[0]
    assert (index.paragraph(pos), index.sentence(pos), index.segment(pos), index.clause(pos)) == tuple(
        index.at(getattr(index, unit), pos) for unit in ("paragraphs", "sentences", "segments", "clauses"))
    assert index.units(pos) == (index.paragraph(pos), index.sentence(pos), index.segment(pos), index.clause(pos))


@pytest.mark.parametrize(("char", "lo", "hi", "expected"), [
    ("“", 0, len(TEXT), TEXT.rindex("“")),  # the second quotation
    ("”", 0, len(TEXT), TEXT.rindex("”")),
    ("《", 0, len(TEXT), -1),  # no title in the text
    ("“", TEXT.index("“") + 1, TEXT.rindex("“"), -1),  # [lo, hi): hi itself is outside
])
def test_the_last_mark_before_a_position(char: str, lo: int, hi: int, expected: int) -> None:
    assert DocumentIndex(TEXT).rfind(char, lo, hi) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("“”《》临江，。\n1")), max_size=40), st.sampled_from(list("“”《》，")),
       st.data())
def test_mark_lookups_equal_str_find_and_rfind(text: str, char: str, data: st.DataObject) -> None:
    index = DocumentIndex(text)
    lo = data.draw(st.integers(0, len(text) + 2))
    hi = data.draw(st.integers(0, len(text) + 2))
    assert index.rfind(char, lo, hi) == text.rfind(char, lo, hi)
    assert index.find(char, lo, hi) == text.find(char, lo, hi)
    assert index.positions(char) == [i for i, ch in enumerate(text) if ch == char]
