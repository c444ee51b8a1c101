"""The number parser: one small hand-written case per rule, plus properties over arbitrary text."""

from __future__ import annotations

import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongfu.extract.numbers import Quantity, find_quantities, parse_chinese


def only(text: str) -> Quantity:
    """The single quantity in `text` (fails the test if there is not exactly one)."""
    found = find_quantities(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(("text", "value"), [
    ("产值7.7亿", 7.7e8), ("共1,234,567家", 1234567), ("１２３人", 123), ("增长０.５％", 0.5),
])
def test_arabic_decimals_separators_full_width(text: str, value: float) -> None:
    assert only(text).value == pytest.approx(value)


@pytest.mark.parametrize(("numeral", "value"), [
    ("一百二十", 120), ("三千五百", 3500), ("两万", 20000), ("十四", 14), ("三千五", 3500), ("一万二", 12000),
    ("十", 10), ("二〇二一", 2021), ("两万亿", 2e12), ("一百零五", 105),
])
def test_chinese_numerals(numeral: str, value: float) -> None:
    assert parse_chinese(numeral) == pytest.approx(value)


@pytest.mark.parametrize("numeral", ["万亿亿", "十四五", "一二", "十百", ""])
def test_malformed_chinese_numerals_give_none(numeral: str) -> None:
    assert parse_chinese(numeral) is None


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("3千万元", 3e7, "元"), ("1.4万人", 14000, "人"), ("489.12亿元", 48912000000, "元"), ("2万亿元", 2e12, "元"),
    ("两万人", 20000, "人"),
])
def test_multipliers(text: str, value: float, unit: str) -> None:
    q = only(text)
    assert (q.value, q.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize(("text", "value"), [("7.7%", 7.7), ("百分之十", 10), ("百分之八十五点五", 85.5)])
def test_percentages(text: str, value: float) -> None:
    q = only(text)
    assert (q.value, q.unit) == (pytest.approx(value), "%")


def test_ratio_value_is_the_quotient() -> None:
    q = only("收入比1.5:1")
    assert (q.value, q.unit, q.qualifier) == (1.5, "ratio", "ratio")


def test_clock_time_is_not_a_ratio() -> None:
    assert only("10:37 来源").unit == "clock"


@pytest.mark.parametrize(("text", "low", "high", "unit"), [
    ("3-5家", 3, 5, "家"), ("两到三亿元", 2e8, 3e8, "元"), ("3万-5万元", 3e4, 5e4, "元"), ("1一8月", 1, 8, "月"),
])
def test_ranges(text: str, low: float, high: float, unit: str) -> None:
    q = only(text)
    assert (q.value, q.low, q.high, q.unit) == (low, low, high, unit)


def test_a_descending_pair_is_not_a_range() -> None:
    assert [q.text for q in find_quantities("2021-09")] == ["2021", "09"]


@pytest.mark.parametrize(("text", "mention", "qualifier"), [
    ("约12亿", "约12亿", "approx"), ("近20万斤", "近20万斤", "approx"), ("接近5.6万人", "接近5.6万人", "approx"),
    ("1000亩左右", "1000亩左右", "approx"), ("超过3000小时", "超过3000小时", "over"), ("超600个", "超600个", "over"),
    ("逾百家", "逾百家", "over"), ("2000次以上", "2000次以上", "over"), ("不到1万平方米", "不到1万平方米", "under"),
    ("3人以下", "3人以下", "under"),
])
def test_qualifiers_before_and_after_are_in_the_span(text: str, mention: str, qualifier: str) -> None:
    q = only(text)
    assert (q.text, q.qualifier) == (mention, qualifier)


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("十余家", 10, "家"), ("1.4万余名", 14000, "名"), ("3600余万元", 3.6e7, "元"), ("12亿余元", 1.2e9, "元"),
    ("5000多人", 5000, "人"), ("千余人", 1000, "人"), ("十几个", 10, "个"), ("30 多场", 30, "场"),
])
def test_yu_duo_ji_mean_over(text: str, value: float, unit: str) -> None:
    q = only(text)
    assert (q.value, q.unit, q.qualifier) == (pytest.approx(value), unit, "over")


@pytest.mark.parametrize(("text", "value"), [("上万元", 1e4), ("近万平方米", 1e4), ("超千斤", 1e3)])
def test_a_bare_multiplier_with_a_qualifier_is_a_number(text: str, value: float) -> None:
    assert only(text).value == value


@pytest.mark.parametrize("text", ["百姓", "万元千斤", "千万级", "百年前"])
def test_a_bare_multiplier_inside_a_word_is_not_a_number(text: str) -> None:
    assert find_quantities(text) == []


@pytest.mark.parametrize("text", ["1..5亿", "万亿亿", "3万亿亿元", "版本1.4.2"])
def test_malformed_numbers_are_left_out(text: str) -> None:
    assert find_quantities(text) == []


def test_traditional_forms_read_like_simplified() -> None:
    q = only("3600餘萬元")
    assert (q.text, q.value, q.unit, q.qualifier) == ("3600餘萬元", 3.6e7, "元", "over")


def test_offsets_point_into_the_original_text() -> None:
    text = "临江高科园规上工业总产值达489.12亿元,同比增长7.7%。"
    assert [text[q.start:q.end] for q in find_quantities(text)] == [q.text for q in find_quantities(text)]
    assert [q.text for q in find_quantities(text)] == ["489.12亿元", "7.7%"]


def test_units_come_from_the_table_longest_first() -> None:
    assert [q.unit for q in find_quantities("1391平方公里和2550人次和3个月")] == ["平方公里", "人次", "个月"]


def test_empty_text_has_no_quantities() -> None:
    assert find_quantities("") == []


_NON_NUMERAL = st.text(alphabet=st.characters(
    blacklist_categories=("Nd", "No", "Nl"),
    blacklist_characters="零〇一二两兩三四五六七八九十百千万萬亿億"), max_size=200)


@settings(max_examples=300, deadline=None)
@given(_NON_NUMERAL)
def test_no_numerals_no_quantities(text: str) -> None:
    assert find_quantities(text) == []


_MIXED_CHARS = "0123456789.,:-~%一二两三十百千万亿余多几约近超过不到以上左右元家人个年月第" "万亿亿..  ，。"
_MIXED = st.text(alphabet=st.sampled_from(list(_MIXED_CHARS + string.ascii_letters)), max_size=60)


@settings(max_examples=500, deadline=None)
@given(_MIXED)
def test_never_crashes_and_spans_are_consistent(text: str) -> None:
    for q in find_quantities(text):
        assert text[q.start:q.end] == q.text
        assert q.qualifier in ("none", "approx", "over", "under", "ratio")
        assert q.low is None or q.low <= q.high
