"""Where people are introduced: the patterns that find a surname after a word for people, a term of address,
or at a clause start."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongfu.extract.cue_patterns import STOP, person_end_chars
from gongfu.extract.people import (
    _CLAUSE_PERSON,
    _CLAUSE_PERSON_NEAR,
    _clause_person,
    _honorific_pattern,
    _person_at,
    _person_noun_pattern,
    name_chars,
    occurrences,
)
from gongfu.lexicon import load_cues, load_surnames

PATTERNS = {"noun": _person_noun_pattern, "honorific": _honorific_pattern, "clause": _clause_person}


@pytest.mark.parametrize(("pattern", "text", "found"), [
    ("noun", "种植户汪建华说", ["汪", "汪"]),  # 种植户, then the empty match after its ending 户: both end at the name
    ("noun", "群众演员小周今年23岁", ["小"]),
    ("noun", "菇农小王说", ["小", "小"]),  # the word 菇农, then its person ending 农: both end at the name
    ("noun", "梨农小王说", ["小"]),  # no word, but a person ending (农) before 小 + surname
    ("noun", "梅农王大伯", ["王"]),  # any word ending in a person ending
    ("noun", "全村农户", []),
    ("honorific", "钟大姐说，今年", ["钟大姐"]),
    ("honorific", "23岁的小周", ["小周"]),
    ("honorific", "老师傅", []),
    ("clause", "。戴素连今年58岁", ["戴"]),
    ("clause", "戴素连今年58岁", ["戴"]),
    ("clause", "今年戴素连", []),
])
def test_where_a_person_is_introduced(pattern: str, text: str, found: list[str]) -> None:
    matches = PATTERNS[pattern]().finditer(text)
    if pattern == "noun":
        assert [text[m.end():m.end() + 1] for m in matches] == found
    elif pattern == "clause":
        assert [m.group(1) for m in matches] == found
    else:
        assert [m.group() for m in matches] == found


def _unguarded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern without its first-character lookahead (the alternation as it was written)."""
    guard, body = pattern.pattern.split(")(?:", 1)
    assert guard.startswith("(?=[") and body.endswith(")")
    return re.compile(body[:-1], pattern.flags)


# text made of the pieces the patterns look for, in any order (so that 户小王, 。”戴 and the like come up often)
_PIECES = ["王", "钟", "戴", "汪", "小", "老", "大姐", "师傅", "农", "户", "员", "种植户", "群众演员",
           "说", "今年", "是", "岁的", "叫", "，", "。", "！", "”", "…", "\n", "1", "村"]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(PATTERNS)), st.lists(st.sampled_from(_PIECES), max_size=20).map("".join))
def test_the_first_character_guard_changes_no_match(name: str, text: str) -> None:
    pattern = PATTERNS[name]()
    assert [(m.span(), m.groups()) for m in pattern.finditer(text)] == [
        (m.span(), m.groups()) for m in _unguarded(pattern).finditer(text)]


def _noun_then_surname() -> re.Pattern[str]:
    """The word-for-people pattern as first written: every word tried wherever the guard lets a position by."""
    first = re.escape("".join(sorted({n[0] for n in load_surnames()})))
    nouns = "|".join(map(re.escape, load_cues().person_nouns))
    return re.compile(f"(?:{nouns}|(?<=[{person_end_chars()}]))(?=[{first}]|[小老][{first}])")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*_PIECES, "村民", "华侨", "果农", "居民"]), max_size=20).map("".join))
def test_words_for_people_are_tried_only_where_one_starts(text: str) -> None:
    assert [m.span() for m in _person_noun_pattern().finditer(text)] == [
        m.span() for m in _noun_then_surname().finditer(text)]


@pytest.mark.parametrize(("chars", "expected"), [
    ("朱水源", True), ("", True), ("朱水的", False), ("朱3源", False), ("朱，", False), ("㐀朱", False)])
def test_name_characters(chars: str, expected: bool) -> None:
    assert name_chars(chars) is expected


@given(st.text(alphabet=st.sampled_from(list("朱水源的了是a3，\u4e00\u9fff\u3400\ua000")), max_size=4))
def test_name_characters_are_ideographs_outside_the_stop_set(chars: str) -> None:
    assert name_chars(chars) == all("\u4e00" <= ch <= "\u9fff" and ch not in STOP for ch in chars)


@pytest.mark.parametrize(("text", "words", "spans"), [
    ("王乐义带头，王乐义说", {"王乐义"}, [(0, 3), (6, 9)]),
    ("小周说小周今年", {"小周", "周"}, [(0, 2), (3, 5)]),  # the longer word at a start wins
    ("钟大姐钟大", {"钟大", "钟大姐"}, [(0, 3), (3, 5)]),
    ("王王王", {"王王"}, [(0, 2)]),  # no overlap: the third 王 starts inside the first match
    ("村民", {"王"}, []),
])
def test_occurrences_of_names(text: str, words: set[str], spans: list[tuple[int, int]]) -> None:
    assert occurrences(text, words) == spans


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["王", "小", "周", "大", "，", "说"]), max_size=30).map("".join),
       st.sets(st.lists(st.sampled_from(["王", "小", "周", "大"]), min_size=1, max_size=3).map("".join),
               min_size=1, max_size=5))
def test_occurrences_are_what_the_alternation_finds(text: str, words: set[str]) -> None:
    pattern = re.compile("|".join(sorted(map(re.escape, words), key=len, reverse=True)))
    assert occurrences(text, words) == [m.span() for m in pattern.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["王", "欧阳", "戴", "素", "连", "小", "今年", "5", "是", "做", "来自", "，", "\n",
                                 "说"]), max_size=16).map("".join))
def test_the_near_test_keeps_every_clause_person(text: str) -> None:
    """The cheap look ahead rejects no clause-opening name that 今年/来自/是/做 follows."""
    for m in _clause_person().finditer(text):
        name = _person_at(text, m.start(1), load_surnames())
        if name and _CLAUSE_PERSON.match(text, m.start(1) + len(name)):
            assert _CLAUSE_PERSON_NEAR.match(text, m.start(1) + 1)


@pytest.mark.parametrize(("text", "name"), [
    # a two-character given name never ends in a speech verb's first character: 王强说 is 王强, then 说
    ("王强说，", "王强"), ("李明介绍，", "李明"), ("陈立表示，", "陈立"), ("周伟告诉记者", "周伟"),
    ("王建华说，", "王建华"), ("钱慧芳介绍", "钱慧芳"),
])
def test_a_name_stops_before_the_speech_verb(text: str, name: str) -> None:
    assert _person_at(text, 0, load_surnames()) == name


def persons_in(text: str) -> list[str]:
    from gongfu.extract.context import DocumentContext

    return sorted(DocumentContext(text, {"doc_id": "t"}).person_names)


@pytest.mark.parametrize(("text", "names"), [
    # a name opening a clause before a speech verb, most often after the quotation it speaks
    ("“我家今年种了12亩。”王丽华说。", ["王丽华"]),
    ("“一个月能挣四千多块。”叶秀兰笑着说。", ["叶秀兰"]),
    ("陈国平介绍，合作社今年卖出猕猴桃80万斤。", ["陈国平"]),
    ("“今年订单排到了明年。”吴春燕告诉记者。", ["吴春燕"]),
    # a place opening a clause before 表示 is no person, nor a word that starts with a surname
    ("金华表示，今年新增就业3万人。", []),
    ("高兴地说，今年多收了两万斤。", []),
])
def test_a_speaker_opening_a_clause_is_a_person(text: str, names: list[str]) -> None:
    assert persons_in(text) == names
