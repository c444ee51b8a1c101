"""Needles: the literal text a pattern cannot match without, so a line lacking it need not be searched."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongfu.clean.boilerplate import load_rules
from gongfu.clean.prefilter import (
    Firsts,
    NeedleIndex,
    branches,
    firsts,
    firsts_of,
    may_match,
    may_start,
    needles,
    scanner,
)


@pytest.mark.parametrize("pattern, expected", [
    ("版权所有", ("版权所有",)),
    ("版权所有|免责声明", ("版权所有", "免责声明")),  # one of each branch
    ("^(分享到|分享)\\s*[:：]?", ("分享",)),  # the common start the parser factors out
    ("(图片|照片).{0,12}(提供|摄)", ("图片", "照片")),  # of two alternations, the one whose needles are longer
    ("(图片|照片|本版图).{0,12}(提供|摄)", ("提供", "摄")),  # of two alternations, the one with fewer needles
    ("[(（]\\d+[)）]", ("(", "（")),  # a class of a few plain characters
    ("C(?i:opyright)", ("C",)),  # case-insensitive parts need nothing
    ("(?i)copyright", None),
    ("\\d{4}年", ("年",)),
    ("(第)?版", ("版",)),  # an optional group needs nothing, the rest still does
    ("^\\W*完\\W*$", ("完",)),
    ("[\u4e00-\u9fff]{2,4}", None),  # a wide class
    ("(?<=。)记者", ("记者",)),  # a lookbehind needs nothing
    ("a|\\d", None),  # a branch that needs nothing: the pattern needs nothing
    ("(报道){2}", ("报道",)),
])
def test_needles(pattern, expected):
    assert needles(pattern) == expected


_RULES = [r.pattern for r in load_rules()]
# pieces of the rules' own words, so generated lines often come close to matching
_WORDS = sorted({n for p in _RULES for n in (needles(p.pattern) or ())} | {"：", ":", " ", "2021年9月20日", "记者",
                 "张伟", "摄", "。", "（", "）", "(", ")", "[1]", "第3版", "共5页", "END", "a", "C", "opyright", "©"})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=8).map("".join), st.sampled_from(_RULES))
def test_a_line_a_rule_matches_always_holds_one_of_its_needles(line, pattern):
    if pattern.search(line):
        assert may_match(pattern, line)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_WORDS), max_size=6).map("".join), max_size=8))
def test_the_index_names_every_rule_that_matches_a_line(lines):
    index = NeedleIndex(_RULES)

    for line, candidates in zip(lines, index.candidates(lines), strict=True):
        assert {i for i, p in enumerate(_RULES) if p.search(line)} <= candidates


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_WORDS), max_size=6).map("".join), max_size=8))
def test_the_index_from_one_scan_is_the_index_from_each_needle(lines):
    index = NeedleIndex(_RULES)

    assert index.candidates(lines) == index.candidates(lines, quick=False)


@pytest.mark.parametrize("lines", [
    ["查看余下全文", "余下全文"],  # a needle inside another: both found
    ["版权所有 © 2024", "", "本网版权所有"],
    ["临江街道展新城面貌", "点击查看全文"],
    [],
])
def test_needles_inside_or_overlapping_others_are_all_found(lines):
    index = NeedleIndex(_RULES)

    assert index.candidates(lines) == index.candidates(lines, quick=False)


@pytest.mark.parametrize(("lines", "want"), [
    (["ABCD"], [{0, 1, 2}]),  # BCD begins inside the match ABC and runs past it; AB lies inside it
    (["ABCE"], [{0, 2}]),  # ... BCD only when the text goes on as it does
    (["ABD", "BCDAB"], [{0}, {0, 1}]),
    (["XABCY", "BCD", "Q"], [{0, 2}, {1}, set()]),
    (["ZZ"], [set()]),
])
def test_a_needle_that_begins_inside_a_match_is_found_where_the_text_continues_it(lines, want):
    index = NeedleIndex([re.compile("AB"), re.compile("BCD"), re.compile("ABC")])

    assert index.candidates(lines) == want == index.candidates(lines, quick=False)


def _firsts(chars: str, ranges=(), space=False, digit=False) -> Firsts:
    return Firsts(frozenset(chars), tuple(ranges), space, digit)


@pytest.mark.parametrize(("pattern", "expected"), [
    ("^(当前位置|您的位置)\\s*[:：]?", _firsts("当您")),
    ("^[【\\[]?\\s*(详情|更多)", _firsts("【[详更", space=True)),  # optional parts let the next begin
    ("^(发布时间)?\\s*[:：]?\\s*(?P<published>\\d{4})", _firsts("发:：", space=True, digit=True)),
    ("^[\u4e00-\u9fff]{2,4}[\\d*]", _firsts("", [(0x4E00, 0x9FFF)])),
    ("\\A查看", _firsts("查")),
    ("版权所有", None),  # not anchored: a match may begin anywhere
    ("^\\W*完\\W*$", None),  # a category other than a space or a digit
    ("^[^>]{1,12}>", None),  # a negated class
    ("^(?i:tags?)", None), ("(?i)^tags", None),  # case-insensitive
    ("(?m)^查看", None),  # multiline: ^ after every line break
    ("^a*", None), ("^(a|)", None),  # may match an empty text, so begin with anything
    ("^.{0,16}客户端", None),  # any character
    ("^(?=a)a", None),  # a lookahead
])
def test_firsts(pattern, expected):
    assert firsts(pattern) == expected


@pytest.mark.parametrize(("pattern", "line"), [
    ("^[【\\[]?\\s*(详情|更多)", "\u3000更多"),  # an ideographic space
    ("^(发布时间)?\\s*[:：]?\\s*(?P<published>\\d{4})", "２０２１年"),  # full-width digits are digits
    ("^(发布时间)?\\s*[:：]?\\s*(?P<published>\\d{4})", "\t2021"),
    ("^[\u4e00-\u9fff]{2,4}[\\d*]", "张伟1"),
])
def test_a_line_an_anchored_rule_matches_begins_as_its_firsts_admit(pattern, line):
    assert re.search(pattern, line) and firsts(pattern).admits(line[0])
    assert not firsts(pattern).admits("") and not firsts(pattern).admits("a")


@settings(max_examples=200, deadline=None)
@given(st.characters())
def test_a_space_and_a_digit_are_what_the_regex_engine_takes_them_for(ch):
    assert bool(re.match(r"\s", ch)) is ch.isspace() and bool(re.match(r"\d", ch)) is ch.isdecimal()


_FIRST_PIECES = [*_WORDS, "\u3000", "\t", "１", "٣", "【", "[", "（", "发布时间", "来源", "本报记者", "由", "上一页",
                 "临江"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_FIRST_PIECES), max_size=6).map("".join), st.sampled_from(_RULES))
def test_an_anchored_rule_matches_only_a_line_beginning_as_its_firsts_admit(line, pattern):
    found = firsts_of(pattern)
    if found is not None and pattern.search(line):
        assert found.admits(line[:1])


_LETTERS = st.text(alphabet="ABCD临江街道", max_size=4)


@settings(max_examples=300, deadline=None)
@given(st.lists(_LETTERS.filter(bool), min_size=1, max_size=8), st.text(alphabet="ABCDE临江街道\n", max_size=40))
def test_the_trie_scanner_finds_what_the_alternation_longest_first_finds(words, text):
    alternation = re.compile("|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)))

    got = [(m.span(), m.group()) for m in scanner(tuple(words)).finditer(text)]
    assert got == [(m.span(), m.group()) for m in alternation.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=8).map("".join), st.sampled_from(_RULES))
def test_may_match_is_whether_the_line_holds_one_of_the_needles(line, pattern):
    found = needles(pattern.pattern, int(pattern.flags) & ~int(re.UNICODE))
    assert may_match(pattern, line) is (not found or any(n in line for n in found))


def test_a_line_without_the_needles_is_not_searched():
    pattern = re.compile("版权所有|免责声明")

    assert not may_match(pattern, "临江街道展新城面貌")
    assert may_match(pattern, "本网版权所有")


@pytest.mark.parametrize(("pattern", "parts"), [
    ("版权所有|免责声明", ["版权所有", "免责声明"]),
    ("(关注我们|^\\W*完\\W*$)", ["关注我们", "^\\W*完\\W*$"]),  # one group round it all
    ("(?:a|b[|]c)", ["a", "b[|]c"]),  # a bar inside a class is no branch
    ("[]|]x|y", ["[]|]x", "y"]),  # nor one after a ] first in its class
    ("[^]|]x|y", ["[^]|]x", "y"]),
    ("a\\|b|c", ["a\\|b", "c"]),  # nor an escaped one
    ("(a|b)c", ["(a|b)c"]),  # an alternation inside a sequence is not split
    ("版权所有", ["版权所有"]),
])
def test_branches_are_the_top_level_alternatives(pattern, parts):
    assert [b.pattern for b in branches(re.compile(pattern))] == parts


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=8).map("".join), st.sampled_from(_RULES))
def test_a_rule_matches_exactly_when_one_of_its_branches_does(line, pattern):
    assert (pattern.search(line) is not None) == any(b.search(line) for b in branches(pattern))


@settings(max_examples=500, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_FIRST_PIECES), max_size=6).map("".join), min_size=1, max_size=6),
       st.sampled_from(_RULES))
def test_may_start_is_false_only_when_no_line_matches(lines, pattern):
    text = "\n".join(lines)
    if not may_start(pattern, "".join(x[:1] for x in lines), text):
        assert not any(pattern.search(x) for x in lines)
