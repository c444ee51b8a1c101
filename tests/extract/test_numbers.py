"""The number reader: one table per family of written numbers (issue 13), plus properties over arbitrary text.

Each case is a phrase as a report writes it and what a careful reader takes from it. Values follow the
development set's annotation guide: the number times its multiplier, signed by its own sign; 余/多/几/来 give the
round part; shares in 成 and 分之 are in %; a range's value is its low end.
"""

from __future__ import annotations

import math
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongfu.extract.numbers import Quantity, _tidy, find_quantities
from gongfu.extract.numerals import parse_chinese
from gongfu.extract.qualifiers import QUALIFIERS


def only(text: str) -> Quantity:
    """The single quantity in `text` (fails the test if there is not exactly one)."""
    found = find_quantities(text)
    assert len(found) == 1, found
    return found[0]


def value_unit(text: str) -> tuple[float, str]:
    q = only(text)
    return q.value, q.unit


# ---------- Arabic digits: half and full width, decimals, thousands separators ----------


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("产值7.7亿", 7.7e8, ""), ("共1,234,567家", 1234567, "家"), ("１２３人", 123, "人"), ("增长０.５％", 0.5, "%"),
    ("６．２亿元", 6.2e8, "元"), ("９９．９９％", 99.99, "%"), ("１８名", 18, "名"), ("1,286.5亿元", 1.2865e11, "元"),
    ("38,902元", 38902, "元"), ("0.5%", 0.5, "%"), ("100%", 100, "%"), ("3000只", 3000, "只"),
    ("12.6万人次", 126000, "人次"), ("489.12亿元", 48912000000, "元"), ("2,906.4亿元", 290640000000, "元"),
    ("65,318元", 65318, "元"), ("1,000万台", 1e7, "台"), ("4,500双", 4500, "双"), ("1,452列", 1452, "列"),
    ("177.1 亿元", 1.771e10, "元"), ("21微克/立方米", 21, "微克/立方米"), ("7.5秒", 7.5, "秒"), ("207米", 207, "米"),
    ("60垧", 60, "垧"), ("1,046万标准箱", 1.046e7, "标准箱"), ("252平方公里", 252, "平方公里"),
    ("8.9万平方米", 89000, "平方米"), ("1.2亿株", 1.2e8, "株"), ("38856元", 38856, "元"),
    ("1.35万立方米", 13500, "立方米"),
    ("22万方", 220000, "方"), ("2550人次", 2550, "人次"), ("3个月", 3, "月"), ("12张", 12, "张"), ("８０％", 80, "%"),
    ("10分钟", 10, "分钟"), ("72岁", 72, "岁"), ("592平方米", 592, "平方米"), ("5公斤", 5, "公斤"),  # kept as written
    ("6,000羽", 6000, "羽"), ("18万群", 180000, "群"), ("400兆瓦时", 400, "兆瓦时"),
    ("2.5万兆瓦时", 25000, "兆瓦时"), ("200兆瓦", 200, "兆瓦"),
    ("30公顷", 30, "公顷"),
    ("1.5倍", 1.5, "倍"), ("4.5‰", 4.5, "‰"), ("3,100亩", 3100, "亩"), ("5 家", 5, "家"), ("2019 年", 2019, "年"),
])
def test_arabic_numbers(text: str, value: float, unit: str) -> None:
    assert value_unit(text) == (pytest.approx(value), unit)


@pytest.mark.parametrize(("text", "value", "unit", "flag"), [
    ("1,2345万人次", 123450000, "人次", "separator"), ("1,2345", 12345, "", "separator"),
    ("12,3456,7890元", 1234567890, "元", "separator"), ("1,234元", 1234, "元", ""), ("1，234元", 1234, "元", ""),
    ("1,234,567.89元", 1234567.89, "元", ""), ("100%%", 100, "%", "symbol"), ("增长12%%", 12, "%", "symbol"),
])
def test_odd_separators_and_symbols_give_one_flagged_number(text: str, value: float, unit: str, flag: str) -> None:
    q = only(text)
    assert (q.value, q.unit, q.flag) == (pytest.approx(value), unit, flag)


@pytest.mark.parametrize(("text", "values"), [
    ("分别为1,2和3", [1, 2, 3]), ("第1,2,3名", [1, 2, 3]), ("3，5家", [3, 5]),
])
def test_a_comma_between_short_digit_runs_is_a_list(text: str, values: list[float]) -> None:
    assert [q.value for q in find_quantities(text)] == values


# ---------- signs ----------


@pytest.mark.parametrize(("text", "mention", "value", "unit"), [
    ("负3.2%", "负3.2%", -3.2, "%"), ("-3.2%", "-3.2%", -3.2, "%"), ("−3.2%", "−3.2%", -3.2, "%"),
    ("－3.2％", "－3.2％", -3.2, "%"), ("增长-0.8%", "-0.8%", -0.8, "%"), ("增长−2.1%", "−2.1%", -2.1, "%"),
    ("同比-1.5个百分点", "-1.5个百分点", -1.5, "个百分点"), ("利润为负300万元", "负300万元", -3e6, "元"),
    ("（-2.1%）", "-2.1%", -2.1, "%"), ("负一点五", "负一点五", -1.5, ""), ("下降-0.03", "-0.03", -0.03, ""),
    ("负0.5个百分点", "负0.5个百分点", -0.5, "个百分点"), ("負3.2%", "負3.2%", -3.2, "%"),
    ("增速为-12.5%。", "-12.5%", -12.5, "%"),
    ("负百分之五", "负百分之五", -5, "%"), ("净利润-1.2亿元", "-1.2亿元", -1.2e8, "元"), ("负增长", None, None, None),
    ("零下5℃", "零下5℃", -5, "℃"), ("气温零下3摄氏度", "零下3摄氏度", -3, "℃"), ("-5℃", "-5℃", -5, "℃"),
    ("约-3%", "约-3%", -3, "%"), ("﹣4.6%", "﹣4.6%", -4.6, "%"), ("负三成", "负三成", -30, "%"),
])
def test_a_numbers_own_sign_is_part_of_its_value(text: str, mention: str | None, value: float | None,
                                                  unit: str | None) -> None:
    found = find_quantities(text)
    if mention is None:
        assert found == []
    else:
        assert [(q.text, q.value, q.unit) for q in found] == [(mention, pytest.approx(value), unit)]


@pytest.mark.parametrize(("text", "values"), [
    ("负增长1.2%", [1.2]), ("2021-09", [2021, 9]), ("5%-3%", [5, 3]), ("G-3高速", [3]), ("A-12号", [12]),
    ("2020年，-2021年", [2020, -2021]), ("0576-83988123", [576, 83988123]), ("5-3家", [5, 3]), ("——3家企业", [3]),
    ("—3家", [3]), ("下降3.2%", [3.2]), ("减少1.5亿元", [1.5e8]), ("COVID-19", [19]),
])
def test_a_dash_after_a_number_letter_or_dash_or_a_word_is_not_a_sign(text: str, values: list[float]) -> None:
    assert [q.value for q in find_quantities(text)] == values


# ---------- Chinese numerals: lower-case, formal (大写), Traditional ----------


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("一百二十条", 120, "条"), ("三十人", 30, "人"), ("十二家", 12, "家"), ("两支", 2, "支"), ("五处", 5, "处"),
    ("三年", 3, "年"), ("二十三岁", 23, "岁"), ("一千零五十户", 1050, "户"), ("两万人", 20000, "人"),
    ("十万亩", 1e5, "亩"), ("三百六十五天", 365, "天"), ("九十九元", 99, "元"), ("一元", 1, "元"), ("零元", 0, "元"),
    ("十家", 10, "家"), ("两斤", 2, "斤"), ("八把", 8, "把"), ("四亩地", 4, "亩"), ("七个", 7, "个"),
    ("一千二百三十四万五千六百七十八元", 12345678, "元"), ("三千五百万元", 3.5e7, "元"), ("一亿二千万元", 1.2e8, "元"),
    ("两千人", 2000, "人"), ("一百零五家", 105, "家"), ("四十六名", 46, "名"), ("三千五人", 3500, "人"),
    ("一万二人次", 12000, "人次"), ("二十一所", 21, "所"), ("两百台", 200, "台"), ("九倍", 9, "倍"), ("一倍", 1, "倍"),
    ("两千零二十三户", 2023, "户"), ("五十万元", 5e5, "元"), ("十一个", 11, "个"), ("六十岁", 60, "岁"),
])
def test_lower_case_numerals(text: str, value: float, unit: str) -> None:
    assert value_unit(text) == (pytest.approx(value), unit)


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("壹佰贰拾万元", 1.2e6, "元"), ("叁仟元整", 3000, "元"), ("貳拾參人", 23, "人"), ("肆萬元", 40000, "元"),
    ("贰仟叁佰肆拾万元", 2.34e7, "元"), ("壹佰万元", 1e6, "元"), ("伍元", 5, "元"), ("壹拾万元", 1e5, "元"),
    ("陆仟元", 6000, "元"), ("玖佰玖拾玖元", 999, "元"), ("壹佰圆", 100, "元"), ("捌拾捌万元", 880000, "元"),
    ("柒亿元", 7e8, "元"), ("壹仟零伍拾元", 1050, "元"), ("兩萬人", 20000, "人"), ("三萬五千人", 35000, "人"),
    ("十二億元", 1.2e9, "元"), ("三點五億元", 3.5e8, "元"), ("壹億貳仟萬元", 1.2e8, "元"), ("一點二萬", 12000, ""),
    ("兩千戶", 2000, "户"), ("五萬噸", 50000, "吨"), ("陸拾萬元", 600000, "元"), ("參佰人", 300, "人"),
])
def test_formal_and_traditional_numerals(text: str, value: float, unit: str) -> None:
    assert value_unit(text) == (pytest.approx(value), unit)


@pytest.mark.parametrize(("text", "values"), [
    ("陆续开工", []), ("大陆", []), ("陆家嘴", []), ("队伍建设", []), ("收拾干净", []), ("放肆", []),
    ("队伍1000人", [1000]), ("伍先生", []), ("拾起", []), ("陆地面积", []),
])
def test_a_lone_formal_digit_outside_money_is_a_word(text: str, values: list[float]) -> None:
    assert [q.value for q in find_quantities(text)] == values


# ---------- decimals with 点 ----------


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("零点五", 0.5, ""), ("零点八个百分点", 0.8, "个百分点"), ("十二点五亿元", 1.25e9, "元"),
    ("三点一四亿", 3.14e8, ""),
    ("一點二", 1.2, ""), ("百分之零点五", 0.5, "%"), ("两点五万元", 25000, "元"), ("一万二千点五元", 12000.5, "元"),
    ("六百二十五万点五元", 6250000.5, "元"), ("零点零五", 0.05, ""), ("九十九点九九%", 99.99, "%"),
    ("三点五倍", 3.5, "倍"), ("一点二万人", 12000, "人"), ("十点五亩", 10.5, "亩"),
])
def test_decimals_with_dian(text: str, value: float, unit: str) -> None:
    assert value_unit(text) == (pytest.approx(value), unit)


@pytest.mark.parametrize(("text", "value", "unit"), [("十点开会", 10, "点"), ("凌晨4点", 4, "点"), ("三点钟", 3, "点")])
def test_dian_without_a_digit_after_it_is_a_clock_hour(text: str, value: float, unit: str) -> None:
    assert value_unit(text) == (value, unit)


# ---------- compound multipliers, and Arabic digits with Chinese multipliers ----------


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("两万亿元", 2e12, "元"), ("1.5万亿元", 1.5e12, "元"), ("五万万人", 5e8, "人"), ("3万亿", 3e12, ""),
    ("十万亿元", 1e13, "元"), ("1.2万亿元", 1.2e12, "元"), ("2万亿元", 2e12, "元"), ("三千万亿", 3e15, ""),
])
def test_compound_multipliers(text: str, value: float, unit: str) -> None:
    assert value_unit(text) == (pytest.approx(value), unit)


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("1万600台", 10600, "台"), ("3万4千袋", 34000, "袋"), ("2千零30万元", 2.03e7, "元"),
    ("10亿零500万元", 1.005e9, "元"),
    ("1万2千人次", 12000, "人次"), ("3千万元", 3e7, "元"), ("3亿4500万元", 3.45e8, "元"), ("2千人", 2000, "人"),
    ("5百元", 500, "元"), ("12万3456人", 123456, "人"), ("1万零6元", 10006, "元"), ("1.4万人", 14000, "人"),
    ("489.12亿元", 48912000000, "元"), ("3万-5万元", 3e4, "元"), ("2千5百人", 2500, "人"), ("1.5千米", 1.5, "千米"),
])
def test_arabic_digits_with_chinese_multipliers(text: str, value: float, unit: str) -> None:
    assert value_unit(text) == (pytest.approx(value), unit)


# ---------- 余 / 多 / 几 / 来, before or after a multiplier ----------


@pytest.mark.parametrize(("text", "value", "unit", "qualifier"), [
    ("一千多万元", 1e7, "元", "over"), ("二百三十余万人次", 2.3e6, "人次", "over"), ("十几万", 1e5, "", "over"),
    ("十几万元", 1e5, "元", "over"), ("3600余万元", 3.6e7, "元", "over"), ("1.4万余名", 14000, "名", "over"),
    ("12亿余元", 1.2e9, "元", "over"), ("5000多人", 5000, "人", "over"), ("千余人", 1000, "人", "over"),
    ("十几个", 10, "个", "over"), ("30 多场", 30, "场", "over"), ("600来个", 600, "个", "approx"),
    ("二十来万元", 2e5, "元", "approx"), ("两万来元", 2e4, "元", "approx"), ("十来天", 10, "天", "approx"),
    ("20几个", 20, "个", "over"), ("两千余名", 2000, "名", "over"), ("四十余家", 40, "家", "over"),
    ("1,800余艘", 1800, "艘", "over"), ("2,300多艘", 2300, "艘", "over"), ("一倍多", 1, "倍", "over"),
    ("七十多倍", 70, "倍", "over"), ("三十多年", 30, "年", "over"), ("两年多", 2, "年", "over"),
    ("几十万元", 1e5, "元", "over"), ("几百人", 100, "人", "over"), ("几千万元", 1e7, "元", "over"),
    ("十多万元", 1e5, "元", "over"), ("300多万美元", 3e6, "美元", "over"), ("两万余人", 2e4, "人", "over"),
    ("1.9万余家", 19000, "家", "over"), ("二十多倍", 20, "倍", "over"), ("十余家", 10, "家", "over"),
    ("百余家", 100, "家", "over"), ("三十几岁", 30, "岁", "over"), ("10多年", 10, "年", "over"),
    ("3万多家", 30000, "家", "over"), ("50来岁", 50, "岁", "approx"), ("两千来块", 2000, "元", "approx"),
    ("两个多小时", 2, "小时", "over"), ("50多万", 500000, "", "over"), ("14亿多", 1.4e9, "", "over"),
])
def test_yu_duo_ji_lai(text: str, value: float, unit: str, qualifier: str) -> None:
    q = only(text)
    assert (q.value, q.unit, q.qualifier, q.text) == (pytest.approx(value), unit, qualifier, text)


@pytest.mark.parametrize(("text", "mention", "value", "unit"), [
    ("三年来", "三年", 3, "年"), ("2019年来", "2019年", 2019, "年"), ("十多年来", "十多年", 10, "年"),
    ("30来", "30", 30, ""), ("5家多元化", "5家", 5, "家"),
])
def test_lai_and_duo_outside_the_number_are_other_words(text: str, mention: str, value: float, unit: str) -> None:
    q = only(text)
    assert (q.text, q.value, q.unit) == (mention, value, unit)


# ---------- shares: 成, 百分之, 千分之, 百分点, fractions, 一半, 翻番 ----------


@pytest.mark.parametrize(("text", "value", "qualifier"), [
    ("九成", 90, "none"), ("三成半", 35, "none"), ("八点五成", 85, "none"), ("近三成", 30, "approx"),
    ("七成以上", 70, "over"), ("两成", 20, "none"), ("十成", 100, "none"), ("一成", 10, "none"),
    ("四成左右", 40, "approx"), ("8成", 80, "none"), ("超过六成", 60, "over"), ("九成多", 90, "over"),
    ("约占四成", 40, "none"), ("五成", 50, "none"), ("六成多", 60, "over"), ("逾七成", 70, "over"),
])
def test_cheng_is_tenths(text: str, value: float, qualifier: str) -> None:
    q = only(text)
    assert (q.value, q.unit, q.qualifier) == (pytest.approx(value), "%", qualifier)


@pytest.mark.parametrize(("text", "values"), [
    ("三五成群", []), ("一成不变", []), ("建成三个", [3]), ("完成两项", [2]), ("变成一家", []), ("成都3家", [3]),
    ("三成员", []), ("取得成功", []),
])
def test_cheng_starting_a_word_is_not_a_share(text: str, values: list[float]) -> None:
    assert [q.value for q in find_quantities(text)] == values


@pytest.mark.parametrize(("text", "value", "unit", "qualifier"), [
    ("百分之十", 10, "%", "none"), ("百分之八十五点五", 85.5, "%", "none"), ("百分之九十以上", 90, "%", "over"),
    ("百分之六十五", 65, "%", "none"), ("百分之六点五", 6.5, "%", "none"), ("百分之零点五", 0.5, "%", "none"),
    ("百分之一百", 100, "%", "none"), ("百分之百", 100, "%", "none"), ("千分之五", 5, "‰", "none"),
    ("5个百分点", 5, "个百分点", "none"), ("0.9个百分点", 0.9, "个百分点", "none"),
    ("2.1百分点", 2.1, "个百分点", "none"),
    ("零点八个百分点", 0.8, "个百分点", "none"), ("近百分之三十", 30, "%", "approx"),
    ("百分之五左右", 5, "%", "approx"),
    ("1.2个百分点", 1.2, "个百分点", "none"), ("十九点五个百分点", 19.5, "个百分点", "none"),
    ("万分之五", 0.05, "%", "none"), ("千分之三以下", 3, "‰", "under"),
])
def test_percent_words_and_percentage_points(text: str, value: float, unit: str, qualifier: str) -> None:
    q = only(text)
    assert (q.value, q.unit, q.qualifier) == (pytest.approx(value), unit, qualifier)


@pytest.mark.parametrize(("text", "value", "qualifier"), [
    ("三分之一", 33.333333, "none"), ("五分之二", 40, "none"), ("三分之二", 66.666667, "none"),
    ("四分之一", 25, "none"),
    ("六分之一", 16.666667, "none"), ("十分之一", 10, "none"), ("五分之一", 20, "none"),
    ("三分之一以上", 33.333333, "over"),
    ("近三分之一", 33.333333, "approx"), ("二分之一", 50, "none"), ("十分之三", 30, "none"), ("四分之三", 75, "none"),
    ("一半", 50, "none"), ("半数", 50, "none"), ("半数以上", 50, "over"), ("近一半", 50, "approx"),
    ("超过半数", 50, "over"), ("一半以上", 50, "over"),
])
def test_fractions_and_halves_are_shares(text: str, value: float, qualifier: str) -> None:
    q = only(text)
    assert (q.value, q.unit, q.qualifier, q.text) == (value, "%", qualifier, text)


@pytest.mark.parametrize(("text", "mention", "value", "qualifier"), [
    ("占全省的1/3。", "1/3", 33.333333, "none"), ("约1/4的耕地", "约1/4", 25, "approx"),
    ("近1/3", "近1/3", 33.333333, "approx"), ("1/3以上", "1/3以上", 33.333333, "over"),
    ("2/5左右", "2/5左右", 40, "approx"), ("占3/10，", "3/10", 30, "none"), ("5/1000", "5/1000", 0.5, "none"),
    ("超过1/2的农户", "超过1/2", 50, "over"),
])
def test_a_fraction_written_with_a_slash_is_a_share(text: str, mention: str, value: float, qualifier: str) -> None:
    q = only(text)
    assert (q.text, q.value, q.unit, q.qualifier) == (mention, value, "%", qualifier)


@pytest.mark.parametrize(("text", "values"), [
    ("2024/5/12发布", [2024, 5, 12]),  # a date
    ("比例1/2/3", [1, 2, 3]),  # a chain
    ("3/2", [3, 2]),  # more than a whole
    ("0/5", [0, 5]),
    ("1.5/3", [1.5, 3]),  # a decimal numerator
    ("1/3A", [1, 3]),  # a code
])
def test_a_slash_that_makes_no_fraction_leaves_its_numbers(text: str, values: list[float]) -> None:
    assert [q.value for q in find_quantities(text)] == values


@pytest.mark.parametrize(("text", "mention", "value", "unit"), [
    ("面积12.5万㎡", "12.5万㎡", 125000, "平方米"), ("建成5000㎡厂房", "5000㎡", 5000, "平方米"),
    ("总建筑面积8.6万m²", "8.6万m²", 86000, "平方米"), ("8.6万m2", "8.6万m2", 86000, "平方米"),
    ("占地3㎢", "3㎢", 3, "平方公里"), ("规划面积12km²", "12km²", 12, "平方公里"),
    ("库容50万m³", "50万m³", 500000, "立方米"), ("土方2万㎥", "2万㎥", 20000, "立方米"),
    ("全长30km", "30km", 30, "公里"), ("全长30㎞", "30㎞", 30, "公里"), ("2 km", "2 km", 2, "公里"),
    ("400m跑道", "400m", 400, "米"), ("20kg", "20kg", 20, "公斤"), ("5㎏装", "5㎏", 5, "公斤"),
    ("装机容量50MW", "50MW", 50, "兆瓦"), ("功率60kW", "60kW", 60, "千瓦"), ("60KW", "60KW", 60, "千瓦"),
    ("发电量1.2亿kWh", "1.2亿kWh", 120000000, "千瓦时"), ("储能200MWh", "200MWh", 200, "兆瓦时"),
    ("110kV变电站", "110kV", 110, "千伏"), ("一百平方的房子", "一百平方", 100, "平方米"),
])
def test_units_written_in_latin_letters_and_symbols(text: str, mention: str, value: float, unit: str) -> None:
    q = only(text)
    assert (q.text, q.value, q.unit) == (mention, value, unit)


@pytest.mark.parametrize(("text", "mention", "unit"), [
    ("卖出了180万瓶；", "180万瓶", "瓶"), ("储存超过30万坛，", "30万坛", "坛"), ("年产黄酒8万千升", "8万千升", "千升"),
    ("年产1.2万根咬胶", "1.2万根", "根"), ("进出港1,200艘次", "1,200艘次", "艘次"), ("起降300架次", "300架次", "架次"),
    ("开行120车次", "120车次", "车次"), ("3首歌曲", "3首", "首"), ("两款新品", "两款", "款"),
    ("5幅油画", "5幅", "幅"),
    ("120副模具", "120副", "副"), ("800盏路灯", "800盏", "盏"), ("3000罐", "3000罐", "罐"), ("2万盒", "2万盒", "盒"),
    ("500箱", "500箱", "箱"), ("60桶", "60桶", "桶"), ("9000尾鱼苗", "9000尾", "尾"), ("10升", "10升", "升"),
    ("250毫升", "250毫升", "毫升"), ("3层楼", "3层", "层"), ("2000册图书", "2000册", "册"),
    ("15台套设备", "15台套", "台套"),
])
def test_measure_words_of_things_counted(text: str, mention: str, unit: str) -> None:
    q = only(text)
    assert (q.text.removeprefix("超过"), q.unit) == (mention, unit)


def test_sheng_before_zhi_is_a_verb_not_litres() -> None:
    assert [(q.text, q.unit) for q in find_quantities("由12万升至15万")] == [("12万", ""), ("15万", "")]


@pytest.mark.parametrize(("text", "mention"), [
    ("建成5G基站", "5"), ("3A级景区", "3"), ("等了10min", "10"), ("5mm", "5"), ("3D打印", "3"), ("4K屏", "4"),
    ("5Gbps", "5"),
])
def test_letters_that_are_no_unit_leave_a_bare_number(text: str, mention: str) -> None:
    q = only(text)
    assert (q.text, q.unit) == (mention, "")


@pytest.mark.parametrize(("text", "mention", "value"), [
    ("收入翻一番", "翻一番", 100), ("产值翻了一番", "翻了一番", 100), ("规模翻两番", "翻两番", 300),
    ("翻了两番", "翻了两番", 300), ("翻三番", "翻三番", 700),
])
def test_doubling_is_a_percentage_increase(text: str, mention: str, value: float) -> None:
    q = only(text)
    assert (q.text, q.value, q.unit) == (mention, value, "%")


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("三年半", 3.5, "年"), ("两年半", 2.5, "年"), ("一倍半", 1.5, "倍"), ("3年半", 3.5, "年"),
])
def test_a_half_after_the_unit_adds_a_half(text: str, value: float, unit: str) -> None:
    assert value_unit(text) == (value, unit)


@pytest.mark.parametrize("text", ["半年", "上半年", "半天", "翻番", "一半天", "半壁江山", "十分重要", "之一"])
def test_share_words_without_a_number_are_not_numbers(text: str) -> None:
    assert find_quantities(text) == []


# ---------- ranges ----------


@pytest.mark.parametrize(("text", "low", "high", "unit"), [
    ("3-5家", 3, 5, "家"), ("3–5家", 3, 5, "家"), ("3—5家", 3, 5, "家"), ("3——5家", 3, 5, "家"), ("3~5家", 3, 5, "家"),
    ("3～5家", 3, 5, "家"), ("3到5家", 3, 5, "家"), ("3至5年", 3, 5, "年"), ("2——3万元", 2e4, 3e4, "元"),
    ("2-3万元", 2e4, 3e4, "元"), ("3~5亿", 3e8, 5e8, ""), ("10%—15%", 10, 15, "%"), ("10%-15%", 10, 15, "%"),
    ("10-15%", 10, 15, "%"), ("3万-5万元", 3e4, 5e4, "元"), ("两到三千人", 2000, 3000, "人"),
    ("两到三亿元", 2e8, 3e8, "元"),
    ("5~8亩", 5, 8, "亩"), ("三至五年", 3, 5, "年"), ("1.5-2倍", 1.5, 2, "倍"), ("5000-1万元", 5000, 1e4, "元"),
    ("三十到五十万元", 3e5, 5e5, "元"), ("1一8月", 1, 8, "月"), ("2020-2022年", 2020, 2022, "年"),
    ("3 - 5 家", 3, 5, "家"),
    ("1.2万—1.5万人", 1.2e4, 1.5e4, "人"), ("3到5万元", 3e4, 5e4, "元"), ("百分之三十到四十", 30, 40, "%"),
    ("百分之三十至百分之四十", 30, 40, "%"), ("一到二十岁", 1, 20, "岁"), ("五到十人", 5, 10, "人"),
    ("1-8月份", 1, 8, "月"), ("2020年-2021年", 2020, 2021, "年"),
    ("三到五千元", 3000, 5000, "元"), ("两到三百人", 200, 300, "人"), ("十到二十万元", 1e5, 2e5, "元"),
    ("3000-5000元", 3000, 5000, "元"), ("30%至40%", 30, 40, "%"), ("5～10万吨", 5e4, 1e5, "吨"),
])
def test_ranges_with_every_separator_share_multiplier_and_unit(text: str, low: float, high: float, unit: str) -> None:
    q = only(text)
    assert (q.value, q.low, q.high, q.unit, q.text) == (pytest.approx(low), pytest.approx(low), pytest.approx(high),
                                                         unit, text)


@pytest.mark.parametrize(("text", "low", "high", "unit"), [
    ("两三个人", 2, 3, "人"), ("两三千人", 2000, 3000, "人"), ("三五万元", 3e4, 5e4, "元"),
    ("五六千人", 5000, 6000, "人"),
    ("三四十万元", 3e5, 4e5, "元"), ("十七八岁", 17, 18, "岁"), ("七八十岁", 70, 80, "岁"), ("一两天", 1, 2, "天"),
    ("五六毛钱", 0.5, 0.6, "元"), ("四五十人", 40, 50, "人"), ("七八成", 70, 80, "%"), ("两三天", 2, 3, "天"),
    ("三五天", 3, 5, "天"), ("八九百元", 800, 900, "元"), ("二三十家", 20, 30, "家"),
])
def test_neighbouring_digits_are_a_range(text: str, low: float, high: float, unit: str) -> None:
    q = only(text)
    assert (q.low, q.high, q.unit) == (pytest.approx(low), pytest.approx(high), unit)


@pytest.mark.parametrize(("text", "values"), [
    ("2021-09", [2021, 9]), ("5%-3%", [5, 3]), ("十四五", []), ("三五成群", []), ("0576-83988123", [576, 83988123]),
    ("一二线城市", []), ("五五购物节", []), ("八八战略", []), ("十三五规划", []), ("9-3家", [9, 3]),
])
def test_not_ranges(text: str, values: list[float]) -> None:
    found = find_quantities(text)
    assert [q.value for q in found] == values and all(q.low is None for q in found)


# ---------- units: beginning with 千/万, currencies, colloquial money, 个 before a measure word ----------


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("12千米", 12, "千米"), ("2.3千克", 2.3, "千克"), ("6千克", 6, "千克"), ("50万千瓦", 5e5, "千瓦"),
    ("3000千瓦时", 3000, "千瓦时"), ("68.5万千瓦", 685000, "千瓦"), ("2.4亿千瓦时", 2.4e8, "千瓦时"),
    ("20千瓦", 20, "千瓦"),
    ("110千伏", 110, "千伏"), ("6.8千米", 6.8, "千米"), ("200兆瓦", 200, "兆瓦"), ("两千瓦", 2, "千瓦"),
    ("3千多米", 3000, "米"), ("666万千瓦", 6.66e6, "千瓦"), ("百万千瓦", 1e6, "千瓦"),
    ("4.12亿千瓦时", 4.12e8, "千瓦时"),
])
def test_units_that_begin_with_a_multiplier_keep_it(text: str, value: float, unit: str) -> None:
    if text == "百万千瓦":  # a bare multiplier needs a qualifier to be a number
        text = "近" + text
    assert value_unit(text) == (pytest.approx(value), unit)


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("12亿美元", 1.2e9, "美元"), ("1.2亿欧元", 1.2e8, "欧元"), ("1.8亿港元", 1.8e8, "港元"), ("3亿港币", 3e8, "港元"),
    ("新台币 177.1 亿元", 1.771e10, "新台币"), ("新台币177.1亿元", 1.771e10, "新台币"), ("人民币500万元", 5e6, "元"),
    ("500万元人民币", 5e6, "元"), ("100亿日元", 1e10, "日元"), ("5000万英镑", 5e7, "英镑"), ("20亿韩元", 2e9, "韩元"),
    ("3亿澳元", 3e8, "澳元"), ("港币3亿元", 3e8, "港元"), ("台币500元", 500, "新台币"), ("100美金", 100, "美元"),
    ("美元1.5亿", 1.5e8, "美元"), ("94.6亿美元", 9.46e9, "美元"), ("68.5亿港元", 6.85e9, "港元"),
])
def test_currencies_other_than_yuan(text: str, value: float, unit: str) -> None:
    assert value_unit(text) == (pytest.approx(value), unit)


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("12块钱", 12, "元"), ("2毛钱", 0.2, "元"), ("3块，", 3, "元"), ("五角钱", 0.5, "元"), ("20块一斤", 20, "元"),
    ("3块地", 3, ""), ("卖两千来块。", 2000, "元"), ("一块钱", 1, "元"), ("五毛钱", 0.5, "元"), ("三块五", 3.5, "元"),
    ("两块五毛", 2.5, "元"), ("3元5角", 3.5, "元"), ("一元二角五分", 1.25, "元"), ("两块五一斤", 2.5, "元"),
    ("¥100", 100, "元"), ("￥2,000元", 2000, "元"), ("$500", 500, "美元"), ("€30", 30, "欧元"), ("十块钱", 10, "元"),
])
def test_colloquial_money(text: str, value: float, unit: str) -> None:
    assert value_unit(text) == (pytest.approx(value), unit)


@pytest.mark.parametrize(("text", "value", "unit"), [
    # 单 counts orders where the quantity ends: before a clause mark, 左右 or 以上 (3单元, 10单生意 are no count)
    ("日均发货量约1.5万单，", 15000, "单"), ("一天发货1,500单左右", 1500, "单"), ("订单量达到200单。", 200, "单"),
    ("每天500单以上", 500, "单"), ("住在3单元", 3, ""), ("接了10单生意。", 10, ""),
])
def test_orders(text: str, value: float, unit: str) -> None:
    assert value_unit(text) == (pytest.approx(value), unit)


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("两个小时", 2, "小时"), ("十几个工人", 10, "个"), ("120个品牌", 120, "个"), ("两个亿", 2e8, ""),
    ("十个亿", 1e9, ""),
    ("两个钟头", 2, "小时"), ("3个星期", 3, "星期"), ("五个人", 5, "人"), ("几个亿", None, None),
    ("三个亿元", 3e8, "元"),
    ("48个小时", 48, "小时"), ("2个亿", 2e8, ""), ("一个半小时", 1.5, "小时"), ("两个半月", 2.5, "月"),
    ("三个半小时", 3.5, "小时"), ("两个多小时", 2, "小时"), ("3个多月", 3, "月"), ("一个多月", 1, "月"),
])
def test_ge_is_dropped_before_a_measure_word_and_a_multiplier(text: str, value: float | None,
                                                             unit: str | None) -> None:
    if value is None:
        assert find_quantities(text) == []
    else:
        assert value_unit(text) == (pytest.approx(value), unit)


# ---------- qualifiers before and after, in the span ----------


@pytest.mark.parametrize(("text", "mention", "qualifier"), [
    ("约12亿", "约12亿", "approx"), ("近20万斤", "近20万斤", "approx"), ("接近5.6万人", "接近5.6万人", "approx"),
    ("1000亩左右", "1000亩左右", "approx"), ("超过3000小时", "超过3000小时", "over"), ("超600个", "超600个", "over"),
    ("逾百家", "逾百家", "over"), ("2000次以上", "2000次以上", "over"), ("不到1万平方米", "不到1万平方米", "under"),
    ("3人以下", "3人以下", "under"), ("突破1000万元", "突破1000万元", "over"), ("至少3家", "至少3家", "over"),
    ("大约50人", "大约50人", "approx"), ("差不多7万元", "差不多7万元", "approx"), ("100人上下", "100人上下", "approx"),
    ("30万元出头", "30万元出头", "over"), ("不足5%", "不足5%", "under"), ("1.6以内", "1.6以内", "under"),
    ("上万元", "上万元", "over"), ("上千名", "上千名", "over"), ("近百倍", "近百倍", "approx"),
    ("超百亿元", "超百亿元", "over"),
    ("数十家", "十家", "over"), ("数百万元", "百万元", "over"), ("将近一万人", "将近一万人", "approx"),
    ("大概两千元", "大概两千元", "approx"), ("近 万平方米", "近 万平方米", "approx"),
    ("约为3.5%", "约为3.5%", "approx"),
    ("50亩以内", "50亩以内", "under"), ("两万人之多", "两万人之多", "over"), ("十年有余", "十年有余", "over"),
    # a bound written with 不 reverses the word it contains: 不超过 is a ceiling, 不少于 a floor
    ("不超过30万元", "不超过30万元", "under"), ("不少于50个", "不少于50个", "over"),
    ("不低于2000人次", "不低于2000人次", "over"), ("不高于1.5%", "不高于1.5%", "under"),
    ("不多于三人", "不多于三人", "under"), ("不小于20平方米", "不小于20平方米", "over"),
    ("不大于5吨", "不大于5吨", "under"), ("至多20人", "至多20人", "under"), ("最多3次", "最多3次", "under"),
    ("超过12个月", "超过12个月", "over"),
])
def test_qualifiers_before_and_after_are_in_the_span(text: str, mention: str, qualifier: str) -> None:
    q = only(text)
    assert (q.text, q.qualifier) == (mention, qualifier)


@pytest.mark.parametrize(("text", "mention"), [
    ("节约3000元", "3000元"), ("最近3年", "3年"), ("附近5家", "5家"), ("上下班3趟", "3趟"), ("预约200人", "200人"),
    ("赶超3家", "3家"),
])
def test_words_ending_in_a_qualifier_character_qualify_nothing(text: str, mention: str) -> None:
    q = only(text)
    assert (q.text, q.qualifier) == (mention, "none")


# ---------- words that only contain numerals ----------


@pytest.mark.parametrize("text", [
    "一切", "一看", "四川", "五角大楼", "万一", "十分", "一位名叫张三的村民", "一般", "之一", "统一", "一些", "进一步",
    "一体化", "一起", "一定", "一家人", "五金", "零售", "零部件", "下一步", "千方百计", "万众一心", "一心一意", "一流",
    "千帆竞发", "千家万户", "百姓", "老百姓", "百强县", "八一路", "三门县", "四明山", "五常大米", "万州", "三元朱村",
    "千岛湖", "长三角", "一带一路", "三改一拆", "五水共治", "两山", "一老一小", "三三两两", "一五一十", "七上八下",
    "九牛一毛", "一丝一毫", "三心二意", "五湖四海", "一个", "一件", "一批", "一家", "一位", "一方百姓", "一键",
    "一系列",
    "唯一", "一季度", "一直", "一样", "万物", "百货", "千里", "三农", "两委", "五一", "九州", "十足", "一对一",
    "一站式", "一手抓", "千万级", "万元千斤", "百年前", "亿万", "一年", "一天", "一亩", "一斤", "一个月", "十全十美",
    "百花齐放", "一举两得", "三国", "七夕", "一审", "万般", "千载难逢", "一二线城市", "五角场", "七里乡", "一网通办",
    "三大", "八八战略", "五五购物节", "一产", "一景", "浙八味", "两岸", "几台", "好几倍", "几次", "成千上万",
    "成百上千", "数以万计", "千千万万", "万万不可", "一度成为", "一时", "三思而行",
])
def test_words_that_only_contain_numerals_are_not_numbers(text: str) -> None:
    assert find_quantities(text) == []


@pytest.mark.parametrize(("text", "mention", "kind"), [
    ("第一", "一", "ordinal"), ("第38位", "38位", "ordinal"), ("第二位", "二位", "ordinal"), ("第三", "三", "ordinal"),
    ("第十届", "十届", "ordinal"), ("居全省第一", "一", "ordinal"), ("38家", "38家", ""),
])
def test_numbers_after_di_are_ordinals(text: str, mention: str, kind: str) -> None:
    q = only(text)
    assert (q.text, q.kind) == (mention, kind)


# ---------- malformed numbers: none, or one flagged; never a wrong value ----------


@pytest.mark.parametrize("text", [
    "1..5亿", "3.5.6万元", "万亿亿", "3万亿亿元", "版本1.4.2", "12..5%", "1.2.3.4", "亿万", "1.4.2家",
])
def test_malformed_numbers_are_left_out(text: str) -> None:
    assert find_quantities(text) == []


# ---------- ratios, clock times, spans ----------


@pytest.mark.parametrize(("text", "value", "unit", "qualifier"), [
    ("收入比1.5:1", 1.5, "比值", "ratio"), ("1.52:1", 1.52, "比值", "ratio"), ("1:3", 0.333333, "比值", "ratio"),
    ("10:37 来源", 10, "clock", "none"), ("比例为2:1", 2, "比值", "ratio"),
])
def test_ratios_and_clock_times(text: str, value: float, unit: str, qualifier: str) -> None:
    q = only(text)
    assert (q.value, q.unit, q.qualifier) == (value, unit, qualifier)


def test_offsets_point_into_the_original_text() -> None:
    text = "临江高科园规上工业总产值达489.12亿元,同比增长7.7%。"
    assert [text[q.start:q.end] for q in find_quantities(text)] == [q.text for q in find_quantities(text)]
    assert [q.text for q in find_quantities(text)] == ["489.12亿元", "7.7%"]


def test_units_come_from_the_table_longest_first() -> None:
    assert [q.unit for q in find_quantities("1391平方公里和2550人次和3个月")] == ["平方公里", "人次", "月"]


def test_a_sentence_reads_every_number_in_order() -> None:
    text = "今年1-8月，全县实现产值一千多万元，同比增长-0.8%，其中九成来自2——3万元的小额订单，约占三分之一。"
    assert [(q.text, q.value, q.unit) for q in find_quantities(text)] == [
        ("1-8月", 1, "月"), ("一千多万元", 1e7, "元"), ("-0.8%", -0.8, "%"), ("九成", 90, "%"),
        ("2——3万元", 2e4, "元"), ("三分之一", 33.333333, "%")]


def test_empty_text_has_no_quantities() -> None:
    assert find_quantities("") == []


# ---------- for all input ----------


_NON_NUMERAL = st.text(alphabet=st.characters(
    blacklist_categories=("Nd", "No", "Nl"),
    blacklist_characters="零〇一二两兩三四五六七八九十百千万萬亿億壹贰貳叁參肆伍陆陸柒捌玖拾佰仟半几幾"), max_size=200)


@settings(max_examples=300, deadline=None)
@given(_NON_NUMERAL)
def test_no_numerals_no_quantities(text: str) -> None:
    assert find_quantities(text) == []


_MIXED_CHARS = ("0123456789.,:-~%一二两三十百千万亿余多几来约近超过不到以上左右元家人个年月第成分之半负翻番块毛"
                "万亿亿..  ，。－−—～壹贰萬點")
_MIXED = st.text(alphabet=st.sampled_from(list(_MIXED_CHARS + string.ascii_letters)), max_size=60)


@settings(max_examples=500, deadline=None)
@given(_MIXED)
def test_never_crashes_and_every_quantity_is_well_formed(text: str) -> None:
    last_end = 0
    for q in find_quantities(text):
        assert text[q.start:q.end] == q.text and q.start >= last_end
        assert q.qualifier in QUALIFIERS and math.isfinite(q.value)
        assert (q.low is None) == (q.high is None)
        assert q.low is None or (q.low < q.high and q.value == q.low)
        last_end = q.end


@settings(max_examples=300, deadline=None)
@given(st.from_regex(r"[1-9]\d{0,2}(?:,\d{3}){0,2}(?:\.\d{1,3})?|0\.\d{0,2}[1-9]|[1-9]\d{0,7}", fullmatch=True),
       st.sampled_from(["万", "亿"]))
def test_digits_before_one_multiplier_read_as_the_numeral_parser_reads_them(digits: str, big: str) -> None:
    q = only(f"投资{digits}{big}元")
    assert q.text == f"{digits}{big}元"
    assert q.value == _tidy(parse_chinese(digits.replace(",", "") + big))
