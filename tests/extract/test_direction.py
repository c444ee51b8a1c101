"""Which way a change goes: the word before the number, the number's own sign, levels and gaps that are not."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongfu.extract.direction import change


@pytest.mark.parametrize(("lead", "mention", "growth", "direction", "sign"), [
    ("外贸进出口额同比增长", "12.4%", True, "up", 1),
    ("规上工业利润同比下降", "4.6%", True, "down", -1),
    ("游客人数较上年减少", "3200人次", True, "down", -1),
    ("城乡收入比缩小", "0.05", True, "down", -1),
    ("用电量增速比上月回落", "1.1个百分点", True, "down", -1),
    ("降幅比一季度收窄", "0.4个百分点", True, "down", -1),
    ("企业利润增长", "-2.5%", True, "down", -1),
    ("带动每户养殖户增收", "6200元", True, "up", 1),
    ("全年减少碳排放", "8.1万吨", True, "down", -1),
    ("客运量分别增长4.2%和", "5.1%", True, "up", 1),
    ("每斤收购价比去年高出", "3元", True, "up", 1),
    ("规上工业企业比上年同期净增", "27家", True, "up", 1),
    ("农业经营主体比去年净减", "12家", True, "down", -1),
    ("全年净增企业", "30家", False, "none", 1),  # 净增 without 比: a count of additions
    ("产业规模", "翻一番", True, "up", 1),
    ("出口额增加到", "8.5亿元", False, "none", 1),
    ("失业率降至", "3.1%", False, "none", 1),
    ("城乡收入比缩小至", "1.71", False, "none", 1),
    ("全镇新增市场主体", "420户", False, "none", 1),
    ("全年节约标准煤", "2.3万吨", False, "none", 1),
    ("增速高于全省平均", "2.4个百分点", False, "none", 1),
    ("高于全省平均增速", "2.4个百分点", False, "none", 1),
    ("亩均比全县平均高出", "300元", False, "none", 1),
    ("规上工业增加值", "56.1亿元", False, "none", 1),
    ("完成“五水共治”整治提升项目", "45个", False, "none", 1),
    ("新增产值", "12亿元", False, "none", 1),
    ("人均收入是全省平均的", "1.3倍", False, "none", 1),
])
def test_change_word_and_own_sign(lead: str, mention: str, growth: bool, direction: str, sign: int) -> None:
    moved = change(lead, mention, -2.5 if mention.startswith("-") else 1.0)
    assert (moved.growth, moved.direction, moved.sign) == (growth, direction, sign)


@given(st.text(alphabet="增长下降减少回落同比较去年到至为了的，比", max_size=12),
       st.floats(min_value=-1e6, max_value=1e6, allow_nan=False))
def test_a_change_has_a_direction_and_a_level_has_none(lead: str, value: float) -> None:
    moved = change(lead, "5%", value)
    assert (moved.direction != "none") == moved.growth
    assert moved.sign in (-1, 1)
    if moved.growth:
        assert (moved.direction == "down") == (moved.sign < 0)
