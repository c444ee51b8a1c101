"""Pinyin: annotations after characters go, legitimate brackets stay."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongfu.clean.pinyin import strip_pinyin


def test_toned_annotations_after_characters_are_removed():
    text = "聞堰搶抓“蕭濱一體化”機(jī)遇 打造現(xiàn)代社區(qū)建設(shè)"

    cleaned, changes = strip_pinyin(text)

    assert cleaned == "聞堰搶抓“蕭濱一體化”機遇 打造現代社區建設"
    assert [c.reason.split(": ")[1] for c in changes] == ["jī", "xiàn", "qū", "shè"]


def test_full_width_brackets_and_u_umlaut_count_too():
    assert strip_pinyin("綠（lǜ）化 女(nǚ)性")[0] == "綠化 女性"


def test_legitimate_brackets_stay():
    text = "村(社区)干部 (屈凌燕) 许可证(10120170008) 中国经济网(www.ce.cn) 采用(EPC)模式 高新區(濱江) 应用(app)"

    assert strip_pinyin(text) == (text, [])


def test_a_neutral_tone_syllable_goes_only_in_an_annotated_text():
    annotated = "我們(men)的(de)機(jī)遇 區(qū)域 現(xiàn)代"
    plain = "代码里的变量(de)不是注音"

    assert strip_pinyin(annotated)[0] == "我們的機遇 區域 現代"
    assert strip_pinyin(plain)[0] == plain


def test_an_annotation_not_after_a_chinese_character_stays():
    text = "see (jī) and 2(qū)"

    assert strip_pinyin(text)[0] == text


@given(st.lists(st.sampled_from(["社區", "建設", "(社区)", "(屈凌燕)", "(2021)", "，", " ", "EPC", "(EPC)"]),
                max_size=20).map("".join))
def test_text_without_pinyin_is_never_changed(text):
    assert strip_pinyin(text)[0] == text


_PIECES = ["機", "區", "a", "(", "（", ")", "）", "jī", "qū", "men", " "]


@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_the_patterns_match_as_with_a_leading_look_behind(text):
    import re

    from gongfu.clean.chars import CJK_RANGES
    from gongfu.clean.pinyin import _SYLLABLE, NEUTRAL, NEUTRAL_RE, PINYIN_RE

    pinyin = re.compile(rf"(?<=[{CJK_RANGES}])[(（]\s?({_SYLLABLE})\s?[)）]")
    neutral = re.compile(rf"(?<=[{CJK_RANGES}])[(（]({'|'.join(NEUTRAL)})[)）]")

    assert [m.span() for m in PINYIN_RE.finditer(text)] == [m.span() for m in pinyin.finditer(text)]
    assert [m.span() for m in NEUTRAL_RE.finditer(text)] == [m.span() for m in neutral.finditer(text)]


@pytest.mark.parametrize("text, expected", [
    ("台州(tāi zhōu)的海", "台州的海"),  # two toned syllables
    ("台州(tāi zhou)的海", "台州的海"),  # a bare syllable next to a toned one
    ("西安(xī'ān)古城", "西安古城"),  # an apostrophe between syllables
    ("陈埭(chen dai)镇", "陈埭镇"),  # toneless, spelling both characters before the bracket
    ("晋江(Jinjiang)市", "晋江市"),  # toneless, capitalised and run together
    ("去晋江(jin jiang)", "去晋江"),  # toneless, the reading of the last two of three characters
    ("银行(yin hang)卡", "银行卡"),  # 行 read as in the word (hang, not xing)
    ("工厂(Smart Factory)", "工厂(Smart Factory)"),  # English words spell no reading
    ("陈埭(chen)镇", "陈埭(chen)镇"),  # one toneless syllable: not the reading of 埭
    ("智造(zhi zao yuan)园", "智造(zhi zao yuan)园"),  # more syllables than the characters before it
])
def test_multi_syllable_and_toneless_annotations(text, expected):
    assert strip_pinyin(text)[0] == expected


_PIECES = ["临", "江", "(", "（", ")", "）", " ", "lín", "jiāng", "lin", "jiang", "de", "le", "a", "1", "。", "\n"]


@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_the_rules_tried_at_brackets_after_chinese_find_what_finditer_finds(text):
    from gongfu.clean import pinyin

    brackets = pinyin._brackets_after_cjk(text)
    for rule in (pinyin.PINYIN_RE, pinyin.TONELESS_RE, pinyin.NEUTRAL_RE):
        assert [m.span() for m in pinyin._matches(rule, text, brackets)] == [m.span() for m in rule.finditer(text)]
