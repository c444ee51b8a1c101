"""Periods: spans and years, and when two periods are the same."""

from __future__ import annotations

import pytest

from gongfu.extract.periods import PeriodKey, period_key, resolve_year, same_period


@pytest.mark.parametrize(("period", "year", "expected"), [
    ("上半年", "2022", PeriodKey(2022, "H1")),
    ("今年1-6月", "2022", PeriodKey(2022, "H1")),
    ("今年1一8月", "", PeriodKey(None, "M1-8")),
    ("2020年", "", PeriodKey(2020, "FY")),
    ("去年", "2021", PeriodKey(2021, "FY")),
    ("目前", "", PeriodKey(None, "now")),
    ("", "", PeriodKey(None, "")),
    # the first N months of a year: 前8个月 is 1-8月, 前三季度 is 1-9月, 前6个月 the first half
    ("今年前8个月", "2024", PeriodKey(2024, "M1-8")), ("前10个月", "2024", PeriodKey(2024, "M1-10")),
    ("前十一个月", "", PeriodKey(None, "M1-11")), ("前两个月", "", PeriodKey(None, "M1-2")),
    ("今年前三季度", "2023", PeriodKey(2023, "M1-9")), ("前三季度", "", PeriodKey(None, "M1-9")),
    ("前6个月", "2022", PeriodKey(2022, "H1")), ("2023年前12个月", "", PeriodKey(2023, "FY")),
    ("前13个月", "", PeriodKey(None, "")),  # not a span of one year
])
def test_period_key_normalises_the_spans(period: str, year: str, expected: PeriodKey) -> None:
    assert period_key(period, year) == expected


def test_first_half_and_january_to_august_are_different_periods() -> None:
    assert same_period(period_key("上半年", "2022"), period_key("1-8月", "2022")) is False


@pytest.mark.parametrize(("a", "b", "same"), [
    ("今年前8个月", "1-8月", True), ("前三季度", "1-9月", True), ("前三季度", "今年", False),
    ("前6个月", "上半年", True), ("前10个月", "1-8月", False),
])
def test_the_first_months_compare_with_month_ranges(a: str, b: str, same: bool) -> None:
    assert same_period(period_key(a, "2024"), period_key(b, "2024")) is same


@pytest.mark.parametrize(("text", "found"), [
    ("今年前8个月，全市出口额增长", "今年前8个月"), ("前10个月，接待游客超过50万人次", "前10个月"),
    ("2024年前11个月，全县完成投资", "2024年前11个月"), ("去年前三季度", "去年前三季度"),
])
def test_the_first_months_are_read_as_one_period(text: str, found: str) -> None:
    from gongfu.extract.periods import PERIOD

    assert PERIOD.search(text).group() == found


@pytest.mark.parametrize(("text", "found"), [
    # a five-year plan's span, since or during (十三五, 十四五, 十五五), quoted or not
    ("“十四五”以来，全市累计改造老旧小区168个", "“十四五”以来"), ("十三五期间，全县新增就业3万人", "十三五期间"),
    ("“十五五”时期，力争人均收入突破10万元", "“十五五”时期"), ("“十四五”期间，计划投资50亿元", "“十四五”期间"),
    # a holiday with its length in days is one period
    ("“五一假期5天，我们家营业额有3万多块", "五一假期5天"), ("国庆假期七天，接待游客12万人次", "国庆假期七天"),
    ("今年“五一”假期，景区接待游客27.4万人次", "今年“五一”假期"), ("春节黄金周，客流同比增长8%", "春节黄金周"),
    # so many years back or ahead
    ("过去五年，全区地区生产总值年均增长6.1%", "过去五年"), ("今后五年，椒江将实施", "今后五年"),
    ("未来三年，全市计划新建", "未来三年"), ("近20年来", "近20年"), ("过去一年，", "过去一年"), ("过去，", "过去"),
])
def test_plan_spans_and_holidays(text: str, found: str) -> None:
    from gongfu.extract.periods import PERIOD

    assert PERIOD.search(text).group() == found


@pytest.mark.parametrize(("text", "found"), [
    # a stock as of a day, the last few years, a deadline this year, the time a speaker looks back to
    ("截至10月25日，已支付赔款486.5万元", "截至10月25日"), ("截至2025年3月31日，全县", "截至2025年3月31日"),
    ("这两年全镇猕猴桃种植面积扩大到3,800亩", "这两年"), ("这几年，村里新开民宿12家", "这几年"),
    ("到年底，全镇将新建驿站5个", "到年底"), ("年底前建成充电桩30个", "年底前"),
    ("那时候一亩地一年卖不到两万块", "那时候"),
])
def test_days_deadlines_and_recent_years(text: str, found: str) -> None:
    from gongfu.extract.periods import PERIOD

    assert PERIOD.search(text).group() == found


@pytest.mark.parametrize("text", [
    "十四五个村",  # numerals, not a plan period
    "一十五以来",  # no plan is numbered 十五 here
    "“五一”劳动节表彰",  # a holiday without 假期/黄金周/期间 is a name
])
def test_what_is_not_a_plan_span_or_a_holiday(text: str) -> None:
    from gongfu.extract.periods import PERIOD

    assert PERIOD.search(text) is None


def test_two_undated_nows_are_unclear_not_equal() -> None:
    assert same_period(period_key("目前"), period_key("现如今")) is None


def test_same_span_same_year_is_the_same_period() -> None:
    assert same_period(period_key("上半年", "2022"), period_key("1-6月", "2022")) is True


@pytest.mark.parametrize(("period", "published", "year"), [
    ("今年", "2021-09-20", 2021), ("去年", "2023-01-25", 2022), ("上半年", "2021-09-20", 2021),
    ("2020年", "", 2020), ("今年", "", None), ("", "2021-09-20", None), ("2008年以来", "", None),
    ("前8个月", "2024-09-15", 2024), ("今年前三季度", "2023-10-20", 2023),
])
def test_resolve_year(period: str, published: str, year: int | None) -> None:
    assert resolve_year(period, published) == year


@pytest.mark.parametrize(("text", "found"), [
    # a span of days the figures cover (not one day's event), and a holiday spoken of without its name
    ("据统计，10月1日至7日，古镇接待游客46.2万人次", "10月1日至7日"),
    ("9月28日-10月3日，客流增长9%", "9月28日-10月3日"),
    ("2月10日到17日，全市接待游客120万人次", "2月10日到17日"), ("假期里，民宿入住率达到93%", "假期里"),
    ("假期期间，全县旅游收入3亿元", "假期期间"),
])
def test_spans_of_days_and_holidays_unnamed(text: str, found: str) -> None:
    from gongfu.extract.periods import PERIOD

    assert PERIOD.search(text).group() == found


@pytest.mark.parametrize(("text", "found"), [
    # an event a clause opens with, then 后 and a comma: the time after it
    ("理事长介绍，统一品牌后，蜂蜜每斤售价88元", "统一品牌后"), ("全部并网后，年发电量可达9.6亿千瓦时", "全部并网后"),
    ("大学毕业后，他回乡办起了农场", "大学毕业后"), ("据介绍，园区扩建后，可新增岗位600个", "园区扩建后"),
])
def test_an_event_opening_a_clause_is_a_time(text: str, found: str) -> None:
    from gongfu.extract.periods import EVENT_AFTER

    assert EVENT_AFTER.search(text).group() == found


@pytest.mark.parametrize("text", [
    "随后，全县新增就业200人", "之后，全县新增岗位300个", "此后，", "在此之后，", "最后，",  # after what came before
    "今年以后，", "全县新增岗位300个后来",  # not a clause of its own with a comma
    "项目总投资5亿元后，",  # a clause holding a number is no event
])
def test_what_is_not_an_event_time(text: str) -> None:
    from gongfu.extract.periods import EVENT_AFTER

    assert EVENT_AFTER.search(text) is None


@pytest.mark.parametrize(("text", "found"), [
    ("秋收时节，稻鱼田迎来丰收", "秋收时节"), ("3天时间里，小镇接待游客6.2万人次", "3天时间里"),
    ("“风情节这几天，我家农家乐一天能翻台四五次", "风情节这几天"),
])
def test_a_season_or_a_stretch_of_days_opening_a_clause(text: str, found: str) -> None:
    from gongfu.extract.periods import SEASON_OPENING

    assert SEASON_OPENING.search(text).group() == found


@pytest.mark.parametrize("text", ["这个时节的稻鱼田", "全年365天时间里", "今年以来，"])
def test_what_is_no_season_opening(text: str) -> None:
    from gongfu.extract.periods import SEASON_OPENING

    assert SEASON_OPENING.search(text) is None
