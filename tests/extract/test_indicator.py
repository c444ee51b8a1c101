"""What a number measures, in the text's words: the phrase leading to it, without time, scope and links."""

from __future__ import annotations

import pytest

from gongfu.extract.indicator import phrase, ratio_label


@pytest.mark.parametrize(("lead", "after", "expected"), [
    ("今年1-6月，全市规上工业增加值", "", "规上工业增加值"),
    ("其中跨境电商出口额达到", "", "跨境电商出口额"),
    ("截至目前，当地共有茶叶加工企业", "", "茶叶加工企业"),
    ("光伏发电量同比增长", "", "光伏发电量"),
    # who has the figure (该院, 该行, 这家企业, 该区) and 将 in front are not what is measured
    ("该院今年新增专科门诊", "", "新增专科门诊"), ("截至10月末，该行各项贷款余额", "", "各项贷款余额"),
    ("这家企业去年出口额", "", "出口额"), ("该区已累计重点群体协同认定", "", "重点群体协同认定"),
    ("将全县农村居民人均可支配收入提高到", "", "农村居民人均可支配收入"),
    ("该社区设置网格", "", "该社区设置网格"),  # 该社区 is a name's anaphor, kept whole (not 该社 + 区)
    ("客运量比去年同期减少", "", "客运量"),
    ("累计接待游客超过", "", "接待游客"),
    ("新引进", "人才项目，", "新引进人才项目"),
    ("", "名志愿者参与服务", "名志愿者参与服务"),
])
def test_phrase(lead: str, after: str, expected: str) -> None:
    assert phrase(lead, after) == expected


@pytest.mark.parametrize(("lead", "expected"), [
    ("地区生产总值按可比价计算增长", "地区生产总值"), ("工业增加值，按可比价格计算，同比增长", "工业增加值"),
    ("零售额按现价计算增长", "零售额"),
])
def test_a_statistical_convention_is_not_what_is_measured(lead: str, expected: str) -> None:
    assert phrase(lead) == expected


@pytest.mark.parametrize(("own", "previous", "expected"), [
    ("是全省平均水平", "农民人均收入", "农民人均收入与全省平均水平之比"),
    ("是十年前", "村集体收入", "村集体收入与十年前之比"),
    ("产值", "村集体收入", ""),
])
def test_ratio_label(own: str, previous: str, expected: str) -> None:
    assert ratio_label(own, previous) == expected


@pytest.mark.parametrize(("lead", "unit", "expected"), [
    ("旺季一个月能挣", "元", "月收入"),
    ("一个月能挣", "元", "月收入"),
    ("头茬茶就卖", "元", "头茬茶销售收入"),
    ("头茬笋就卖了", "元", "头茬笋销售收入"),
    ("一斤卖", "元", "售价"),
    ("我家的枇杷一斤卖", "元", "枇杷售价"),
    ("一只能卖", "元", "售价"),
    ("一年也就赚个", "元", "年收入"),
    ("我们一年差不多能赚", "元", "年收入"),
    ("差不多能挣", "元", "收入"),
    ("每年能挣", "元", "年收入"),
    ("每箱能卖到", "元", "售价"),
    ("他今年卖了", "元", "销售收入"),
    ("这批货卖了", "元", "这批货销售收入"),
    ("卖出杨梅", "", "卖出杨梅"),
    ("一个月能挣", "", "一个月能挣"),
    ("全年门票收入", "元", "门票收入"),
    ("一个月能拿", "元", "月收入"),
    ("我一年能拿到", "元", "年收入"),
])
def test_an_earning_or_selling_verb_names_an_income_price_or_sales(lead: str, unit: str, expected: str) -> None:
    assert phrase(lead, "", unit) == expected


@pytest.mark.parametrize(("lead", "expected"), [
    ("全市泵与电机产业实现产值", "泵与电机产业产值"),
    ("全县完成固定资产投资", "固定资产投资"),
    ("去年实现营业收入", "营业收入"),
    ("任务完成率达到", "任务完成率"),
    ("全市农村居民人均可支配收入从2020年的", "农村居民人均可支配收入"),
    ("村集体收入由2019年的", "村集体收入"),
    ("搬迁农户人均收入从搬迁前的不足", "搬迁农户人均收入"),
    ("他从事茶叶种植", "他从事茶叶种植"),
    ("由于天气原因，产量", "由于天气原因，产量"),
    ("而产值却", "产值"),
    ("全区农村居民人均可支配收入年均增长", "农村居民人均可支配收入"),
    ("但利润却", "利润"),
    ("接待游客和门票收入同比分别", "接待游客和门票收入"),
])
def test_verbs_comparisons_and_distributive_words_are_not_what_is_measured(lead: str, expected: str) -> None:
    assert phrase(lead).endswith(expected.split("，")[-1]) and "实现" not in phrase(lead)


@pytest.mark.parametrize("lead", [
    "降幅比一季度", "增速比7月份", "增速比上半年", "降幅比1-7月", "增幅较三季度", "同比分别",
])
def test_a_rate_and_its_comparison_base_leave_no_fragment(lead: str) -> None:
    assert phrase(lead) == ""


@pytest.mark.parametrize("lead", [
    "比前年多了", "比去年贵了", "比往年多了", "比上年少了", "较去年高出", "比原来快了", "比去年便宜了",
])
def test_a_comparison_with_its_adjective_leaves_no_fragment(lead: str) -> None:
    """“…卖了十几万元，比前年多了三成”: the change is of the figure before it, which names what is measured."""
    assert phrase(lead) == ""


@pytest.mark.parametrize(("lead", "expected"), [
    ("香榧销售收入比前年多了", "香榧销售收入"),  # the words before the comparison are kept
    ("比去年多种了", "比去年多种"),  # a verb after the adjective: not a bare comparison
])
def test_only_a_bare_comparison_is_taken_off(lead: str, expected: str) -> None:
    assert phrase(lead) == expected


def test_a_verb_reaching_the_next_number_is_not_a_counted_noun() -> None:
    assert phrase("他把合作社的社员从", "户发展到86户") == "他把合作社的社员"


@pytest.mark.parametrize(("lead", "after", "unit", "expected"), [
    # a speaker's verb of farming, renting or working names the activity, measured as its unit says
    ("我今年养了", "", "羽", "养殖量"),
    ("我今年养了", "仙居鸡", "羽", "仙居鸡养殖量"),
    ("他家养了", "湖羊", "头", "湖羊养殖量"),
    ("我包了", "滩涂", "亩", "滩涂承包面积"),
    ("我包", "", "亩", "承包面积"),
    ("我们种了", "", "亩", "种植面积"),
    ("我家种了", "白茶", "亩", "白茶种植面积"),
    ("今年我家种", "稻田", "垧", "稻田种植面积"),
    ("户均种植", "", "亩", "种植面积"),
    ("全村种植", "", "亩", "种植面积"),
    ("合作社流转土地", "", "亩", "合作社流转土地"),
    ("村里流转了", "", "亩", "村里流转面积"),
    ("我种了", "", "年", "种植年限"),
    ("我在横店工作了", "", "年", "在横店工作年限"),
    ("豆瓣至少发酵", "才能出缸", "月", "豆瓣发酵时间"),
    ("每天要干", "", "小时", "从业时间"),
    ("我今年养了", "", "吨", "养殖量"),
    # not a verb standing alone, or a unit that names no measure of it: the words as they are
    ("培养了", "名人才", "名", "培养名人才"),
    ("新品种", "", "个", "新品种"),
    ("老张种了", "", "年", "老张种"),  # a name before a one-character verb: 种 may end a noun (品种)
    ("我今年养了", "", "元", "我今年养"),
    ("我今年养了", "", "", "我今年养"),
    ("承包", "", "亩", "承包面积"),
    ("发包", "", "亩", "发包"),
])
def test_a_verb_of_farming_or_working_names_the_activity_and_its_measure(lead: str, after: str, unit: str,
                                                                         expected: str) -> None:
    assert phrase(lead, after, unit) == expected


@pytest.mark.parametrize(("lead", "after", "expected"), [
    # money then 的 and a name that has it: the name is no thing counted
    ("总投资", "的浙能镇海项目落户……随着", "总投资"), ("总投资", "的锦凯项目开工", "总投资"),
    ("年销售额", "的宏达公司", "年销售额"),
    # money then 的 and what it measures: kept
    ("办理了一笔", "的预授信纯信用经营贷款", "办理了一笔预授信纯信用经营贷款"),
])
def test_money_before_the_name_that_has_it(lead: str, after: str, expected: str) -> None:
    assert phrase(lead, after, "元") == expected


def test_an_ellipsis_ends_a_clause() -> None:
    from gongfu.extract.sentences import CLAUSE_END

    assert CLAUSE_END.search("项目落户……随着").group() == "…"


@pytest.mark.parametrize(("lead", "expected"), [
    # a per-unit frame after the name is the basis column, not part of the name
    ("一级瓜收购价每斤", "一级瓜收购价"), ("土蜂蜜售价每公斤", "土蜂蜜售价"), ("民宿房价每晚", "民宿房价"),
    # a comparison with last week or month is no part of what is measured
    ("收购价比上周下降", "收购价"), ("客流比上个月增加", "客流"),
])
def test_per_unit_frames_and_recent_bases_are_not_the_name(lead: str, expected: str) -> None:
    assert phrase(lead) == expected



def test_a_comparison_with_the_last_edition_is_no_part_of_the_name() -> None:
    assert phrase("旅游收入比上届增长") == "旅游收入"
    assert phrase("客流比上一届增加") == "客流"


@pytest.mark.parametrize(("lead", "expected"), [
    # a hope or forecast at the end is the status column, a comparison with the start of the month or year a base
    ("产值有望", "产值"), ("总产量预计", "总产量"), ("今年有望", ""),
    ("统货价比月初下降", "统货价"), ("贷款余额较年初增加", "贷款余额"),
])
def test_hopes_and_starts_of_the_period_are_not_the_name(lead: str, expected: str) -> None:
    assert phrase(lead) == expected

