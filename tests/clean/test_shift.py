"""Shifted bytes: a '?' that overwrote a lead byte is rebuilt where the bytes allow, flagged where not."""

from __future__ import annotations

import codecs

from hypothesis import given, settings
from hypothesis import strategies as st

from gongfu.clean.chars import LOST
from gongfu.clean.shift import rebuild_shifted


def _swallow(err: UnicodeDecodeError) -> tuple[str, int]:
    """The 003 decoder: a user-defined pair becomes a private-use character (as code page 936 does); an
    invalid pair becomes '?' and takes the (ASCII) byte after the lead with it."""
    pair = err.object[err.start:err.start + 2]
    if len(pair) == 2 and pair[1] >= 0x80:
        try:
            return pair.decode("gb18030"), err.start + 2
        except UnicodeDecodeError:
            pass
    return "?", min(err.start + 2, len(err.object))


codecs.register_error("test_swallow", _swallow)
_NARROW = str.maketrans("！？，：；", "!?,:;")


def shift(text: str, at: str) -> str:
    """`text` with the lead byte of the first `at` overwritten by '?', decoded as 003 was, then narrowed."""
    data = text.encode("gbk")
    i = data.index(at.encode("gbk"))
    garbled = (data[:i] + b"?" + data[i + 1:]).decode("gbk", errors="test_swallow")
    return garbled.translate(_NARROW)


def test_the_003_sentence_end_and_closing_quote_are_rebuilt_exactly():
    text = "“不給自己增負擔,不給兒女添麻煩?!弊∵M福壽康居家養老服務中心"

    fixed, changes = rebuild_shifted(text)

    assert fixed == "“不給自己增負擔,不給兒女添麻煩。”住進福壽康居家養老服務中心"
    assert len(changes) == 1 and not changes[0].lost


def test_a_swallowed_month_digit_is_a_flagged_loss_and_the_quote_is_inferred():
    text = "“我們根據居民的需求定制清單,重點進行調研?!?月27日,聞堰街道"

    fixed, changes = rebuild_shifted(text)

    assert fixed == f"“我們根據居民的需求定制清單,重點進行調研。”{LOST}月27日,聞堰街道"
    assert changes[0].lost and "inferred" in changes[0].reason


def test_without_an_open_quotation_the_surviving_lead_byte_is_a_loss():
    text = "不給兒女添麻煩?!?月27日"

    fixed, _ = rebuild_shifted(text)

    assert fixed == f"不給兒女添麻煩。{LOST}{LOST}月27日"


def test_an_orphaned_pinyin_annotation_marks_a_destroyed_character():
    text = "探索村級留用地“以地?fù)Q房”開發"

    fixed, changes = rebuild_shifted(text)

    assert fixed == f"探索村級留用地“以地{LOST}房”開發"
    assert "fù" in changes[0].reason and changes[0].lost


def test_ordinary_question_marks_are_left_alone():
    for text in ("真的吗?他说是的。", "真的吗??", "你去吗?!", "这是为什么?\n下一段", "What? 共富"):
        assert rebuild_shifted(text) == (text, [])


def test_the_simulated_shift_of_a_real_sentence_is_rebuilt():
    original = "號角。總工程採用EPC模式"

    garbled = shift(original, "。")

    assert garbled != original
    assert rebuild_shifted(garbled)[0] == original


_PHRASES = ["聞堰街道", "全域環境整治", "總投資達", "居民", "現代社區", "建設", "服務中心", "黨工委", "6月", "”住進"]


@settings(max_examples=200)
@given(st.lists(st.sampled_from(_PHRASES), min_size=1, max_size=4).map("".join),
       st.lists(st.sampled_from(_PHRASES), min_size=1, max_size=3).map("".join),
       st.sampled_from(["EPC", "M", "Q"]))
def test_a_shifted_sentence_end_is_rebuilt_or_flagged_never_invented(head, tail, ascii_tail):
    original = f"{head}。{tail}{ascii_tail}"
    garbled = shift(original, "。")

    fixed, changes = rebuild_shifted(garbled)

    assert fixed.startswith(head)
    if changes and not changes[0].lost:  # a rebuild that claims to be complete is exact
        assert fixed == original
    elif changes:  # otherwise every character it could not read is marked, and nothing else changed
        assert LOST in changes[0].after or changes[0].after == garbled[changes[0].start:changes[0].end]


@given(st.lists(st.sampled_from(["?", "?!", "弊", "，", "a", ")", "j", "A", " ", "\n"]), max_size=30).map("".join))
def test_the_start_pattern_matches_as_with_a_leading_look_behind(text):
    import re

    from gongfu.clean.chars import CJK_PUNCT, CJK_RANGES
    from gongfu.clean.shift import _PINYIN_LETTERS, _START

    leading = re.compile(rf"(?<=[{CJK_RANGES}{CJK_PUNCT}{_PINYIN_LETTERS})])\?")

    assert [m.span() for m in _START.finditer(text)] == [m.span() for m in leading.finditer(text)]
