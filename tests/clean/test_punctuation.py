"""Punctuation: full-width marks in Chinese text, half-width digits and letters, Chinese quotes."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongfu.clean.punctuation import normalise_punctuation


def norm(text: str) -> str:
    return normalise_punctuation(text)[0]


def test_half_width_marks_in_chinese_text_become_full_width():
    assert norm("临江街道:展新城面貌,真好吃!看来;是吗?") == "临江街道：展新城面貌，真好吃！看来；是吗？"


def test_the_space_after_a_converted_comma_goes_with_it():
    assert norm("日出钱塘, 潮起临江。") == "日出钱塘，潮起临江。"


def test_numbers_times_ratios_and_urls_keep_their_half_width_marks():
    text = "2021年09月20日 10:37 收入比1.5:1 销售额1,200万元 见http://www.ce.cn/a?b=1,2 或a@ce.cn"

    assert norm(text) == text


def test_a_mark_between_a_number_and_chinese_is_converted():
    assert norm("同比增长7.7%,增速位居第二") == "同比增长7.7%，增速位居第二"


def test_english_text_is_left_alone():
    assert norm("Hello, world! It's fine: yes; no?") == "Hello, world! It's fine: yes; no?"


def test_full_width_digits_letters_and_percent_become_half_width():
    assert norm("２０２１年ＧＤＰ增长７．７％") == "2021年GDP增长7.7%"


def test_straight_quotes_alternate_into_chinese_quotes():
    text = "\"环境美\"\"生活美\"和\"治理美\"注入。\"今后,聚焦'一老一小'等群体。\""

    assert norm(text) == "“环境美”“生活美”和“治理美”注入。“今后，聚焦‘一老一小’等群体。”"


def test_an_unpaired_quote_is_read_from_its_neighbours():
    assert norm("负责人介绍:\"足球场向居民开放") == "负责人介绍：“足球场向居民开放"
    assert norm("让足球场真正服务于百姓。\"临江街道党工委") == "让足球场真正服务于百姓。”临江街道党工委"


def test_corner_brackets_become_curly_quotes_and_curly_quotes_stay():
    assert norm("「共富」『路上』“开”") == "“共富”‘路上’“开”"


def test_a_space_after_a_full_width_mark_before_chinese_goes():
    assert norm("他说， “好”。 下一句") == "他说，“好”。下一句"


def test_every_change_says_what_it_did():
    _, changes = normalise_punctuation("临江:展新城")

    assert changes[0].reason.startswith("punctuation:") and changes[0].after == "："


_PIECES = ["临江", "街道", "2021", "10:37", "1.5:1", "1,200", ",", ":", ";", "?", "!", " ", "\"", "'", "。",
           "www.ce.cn", "EPC", "“", "”", "７", "％", "Ａ"]


@given(st.lists(st.sampled_from(_PIECES), max_size=25).map("".join))
def test_normalising_twice_changes_nothing_more(text):
    once = norm(text)

    assert norm(once) == once


@given(st.lists(st.sampled_from(_PIECES), max_size=25).map("".join))
def test_chinese_characters_and_digits_are_never_lost(text):
    out = norm(text)

    assert re.findall(r"[\u4e00-\u9fff]", out) == re.findall(r"[\u4e00-\u9fff]", text)
    assert re.sub(r"\D", "", out) == re.sub(r"\D", "", text.translate({0xFF17: "7"}))


@given(st.lists(st.sampled_from(["中", "，", "。", "”", "“", '"', "'", " ", "\u3000", "1", "１", "．", ".", "Ａ", "％",
                                  "@", "a", "www.", "http://", "-", "\n"]), max_size=40).map("".join))
def test_the_rewritten_patterns_match_as_the_plain_ones(text):
    from gongfu.clean import punctuation as p
    from gongfu.clean.chars import CJK_RANGES

    space_after_mark = re.compile(rf"(?<=[，。、；：？！…{p.CLOSING}{p.OPENING}\"'])[{p.SPACE}]+"
                                  rf"(?=[{CJK_RANGES}{p.OPENING}{p.CLOSING}\"'])")
    full_width = re.compile(r"[０-９Ａ-Ｚａ-ｚ％]+|(?<=[0-9０-９])．(?=[0-9０-９])")

    assert [m.span() for m in p._SPACE_AFTER_MARK.finditer(text)] == [m.span() for m in space_after_mark.finditer(text)]
    assert [m.span() for m in p._FULL_WIDTH.finditer(text)] == [m.span() for m in full_width.finditer(text)]
    assert p._FULL_WIDTH_START.search(text) or not full_width.search(text)
    assert p._urls(text) == [m.span() for m in p._URL.finditer(text)]


@pytest.mark.parametrize("text, expected", [
    ("共有3 833户。", "共有3833户。"),
    ("总额3 361.5亿元。", "总额3361.5亿元。"),  # the group before a decimal point
    ("人口12 345 678人。", "人口12345678人。"),  # several groups
    ("共有3\u2009833户。", "共有3833户。"),  # a thin space
    ("共有3\u00a0833户。", "共有3833户。"),  # a no-break space
    ("编号1234 567号。", "编号1234 567号。"),  # four digits before the space: not a group
    ("共有3 83户。", "共有3 83户。"),  # a group of two digits
    ("共有3 8333户。", "共有3 8333户。"),  # a group of four digits
    ("比例0.5 833。", "比例0.5 833。"),  # after a decimal point: two numbers
    ("第3 页", "第3 页"),  # a space before a character
])
def test_digit_groups_split_by_a_space_are_re_joined(text, expected):
    assert normalise_punctuation(text)[0] == expected


def test_a_re_joined_digit_group_says_which_number():
    _, changes = normalise_punctuation("共有12 345 678人。")

    assert [c.reason for c in changes] == ["digit group split by a space re-joined (12 345 678 → 12345678)"] * 2


_CLEAN_LINES = "临江街道已拥有规上工业企业104家。\n“共同富裕”示范区建设稳步推进，成效明显。\n"


@pytest.mark.parametrize("line, expected", [
    ("今年1,200户居民,增长明显。", "今年1,200户居民，增长明显。"),  # the only half-width mark of the text
    ('他说"好"。', "他说“好”。"),  # the only straight quotes
    ("增长明显。 今年继续推进。", "增长明显。今年继续推进。"),  # the only space, after a full-width mark
    ("「共同富裕」示范区", "“共同富裕”示范区"),  # the only corner brackets
])
def test_a_single_mark_in_an_otherwise_clean_text_is_still_found(line, expected):
    text = _CLEAN_LINES * 5 + line + "\n" + _CLEAN_LINES

    assert normalise_punctuation(text)[0] == _CLEAN_LINES * 5 + expected + "\n" + _CLEAN_LINES
    assert normalise_punctuation(_CLEAN_LINES * 3)[1] == []


_SCAN_PIECES = ["中", "，", "。", ",", ":", ";", "?", "!", '"', "'", "「", "』", " ", "\u3000", "\t", "\u00a0",
                "\u2009", "\u202f", "1", "23", "456", "\n", "\n\n"]


@given(st.lists(st.sampled_from(_SCAN_PIECES), max_size=40).map("".join),
       st.sampled_from([",:;?!", "「」『』\"'", " \t\u3000\u00a0", ",:;?!「」『』\"' \t\u3000\u00a0", ""]))
def test_the_finds_tell_what_the_character_classes_tell(text, chars):
    from gongfu.clean import punctuation as p

    in_class = re.compile(f"[{re.escape(chars)}]") if chars else None
    assert p._holds(text, chars) is bool(in_class and in_class.search(text))
    assert p._lines_holding(text, chars) == [m.span() for m in p._LINE.finditer(text)
                                             if in_class and in_class.search(m.group())]
    assert p._split_digits(text) is bool(re.search(f"[0-9][{p._GROUP_SPACE}][0-9]", text))
    assert p._split_digits(text) or not p._DIGIT_GROUPS.search(text)
