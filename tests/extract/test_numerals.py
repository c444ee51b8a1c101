"""Chinese numerals: the fold to one spelling, `parse_chinese`, and numbers written by an independent writer.

The property tests write numbers with `cn2an.an2cn` (lower-case and formal characters; Traditional forms by
character mapping; 负 and '-' signs; Arabic digits before 万/亿 by a writer of our own) and check that
`find_quantities` reads each back exactly, alone and as the two ends of a range. GONGFU_PROPERTY_EXAMPLES sets
how many examples each runs (200 by default; `GONGFU_PROPERTY_EXAMPLES=10000 pytest tests/extract/test_numerals.py`
for the thorough run).
"""

from __future__ import annotations

import os
from decimal import Decimal

import cn2an
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongfu.extract.numbers import find_quantities
from gongfu.extract.numerals import fold, parse_chinese

EXAMPLES = int(os.environ.get("GONGFU_PROPERTY_EXAMPLES", "200"))
PROPERTY = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MAX_EXACT = 2 ** 53 - 1  # every integer up to here is a float exactly
_TRADITIONAL = str.maketrans("万亿贰叁陆点负两", "萬億貳參陸點負兩")


def read(numeral: str) -> float | None:
    return parse_chinese(fold(numeral))


@pytest.mark.parametrize(("numeral", "value"), [
    ("零", 0), ("〇", 0), ("一", 1), ("两", 2), ("九", 9), ("十", 10), ("十一", 11), ("十九", 19), ("二十", 20),
    ("二十一", 21), ("九十九", 99), ("一百", 100), ("百", 100), ("一百零一", 101), ("一百一十", 110),
    ("一百一十一", 111), ("一百二十", 120), ("两百", 200), ("九百九十九", 999), ("一千", 1000), ("千", 1000),
    ("一千零一", 1001), ("一千零一十", 1010), ("一千零五十", 1050), ("一千一百", 1100), ("三千五百", 3500),
    ("两千", 2000), ("九千九百九十九", 9999), ("一万", 10000), ("万", 10000), ("两万", 20000), ("十万", 100000),
    ("一万零五百", 10500), ("五万零五", 50005), ("一万零一", 10001), ("十五万", 150000), ("一百万", 1000000),
    ("三千万", 30000000), ("一亿", 1e8), ("亿", 1e8), ("一亿二千万", 1.2e8), ("三亿零五百万", 3.05e8),
    ("十亿", 1e9), ("一千二百三十四万五千六百七十八", 12345678), ("十四", 14), ("二〇二一", 2021),
    ("一九九八", 1998), ("二〇〇八", 2008),
])
def test_lower_case_numerals(numeral: str, value: float) -> None:
    assert read(numeral) == value


@pytest.mark.parametrize(("numeral", "value"), [
    ("三千五", 3500), ("一百二", 120), ("一万二", 12000), ("两万五", 25000), ("三亿五", 3.5e8), ("一千八", 1800),
    ("两百五", 250), ("一千零五", 1005),
])
def test_colloquial_tails_count_in_the_next_unit_down(numeral: str, value: float) -> None:
    assert read(numeral) == value


@pytest.mark.parametrize(("numeral", "value"), [
    ("壹", 1), ("贰拾", 20), ("壹拾", 10), ("壹佰", 100), ("壹佰贰拾", 120), ("叁仟", 3000), ("肆萬", 40000),
    ("伍佰万", 5000000), ("陆仟柒佰捌拾玖", 6789), ("玖亿", 9e8), ("壹佰贰拾万", 1200000), ("贰仟叁佰肆拾万", 23400000),
    ("壹佰万", 1000000), ("貳拾參", 23), ("陸萬", 60000), ("壹拾萬零壹", 100001), ("壹億貳仟萬", 1.2e8),
    ("叁点伍", 3.5), ("壹佰萬零壹拾", 1000010),
])
def test_formal_numerals_simplified_and_traditional(numeral: str, value: float) -> None:
    assert read(numeral) == value


@pytest.mark.parametrize(("numeral", "value"), [
    ("兩萬", 20000), ("三萬五千", 35000), ("一億", 1e8), ("十二億", 1.2e9), ("一點二", 1.2), ("兩百", 200),
    ("五萬萬", 5e8), ("三點一四億", 3.14e8),
])
def test_traditional_numerals(numeral: str, value: float) -> None:
    assert read(numeral) == value


@pytest.mark.parametrize(("numeral", "value"), [
    ("零点五", 0.5), ("零点零五", 0.05), ("一点二", 1.2), ("三点一四", 3.14), ("十二点五", 12.5),
    ("十点零五", 10.05), ("一百点一", 100.1), ("三点一四亿", 3.14e8), ("十二点五亿", 1.25e9), ("零点八", 0.8),
    ("八十五点五", 85.5), ("一万二千点五", 12000.5), ("两点五万", 25000), ("九十九点九九", 99.99),
])
def test_decimals_with_dian(numeral: str, value: float) -> None:
    assert read(numeral) == pytest.approx(value, rel=1e-12)


@pytest.mark.parametrize(("numeral", "value"), [
    ("万亿", 1e12), ("两万亿", 2e12), ("一万亿", 1e12), ("十万亿", 1e13), ("三千万亿", 3e15), ("万万", 1e8),
    ("五万万", 5e8), ("一千二百三十四万五千六百七十八亿", 1.2345678e15), ("1.5万亿", 1.5e12), ("3万亿", 3e12),
    ("1234万5678亿", 1.2345678e15),
])
def test_compound_multipliers(numeral: str, value: float) -> None:
    assert read(numeral) == pytest.approx(value, rel=1e-12)


@pytest.mark.parametrize(("numeral", "value"), [
    ("1万600", 10600), ("3万4千", 34000), ("2千零30万", 20300000), ("10亿零500万", 1005000000), ("1万2千", 12000),
    ("3千万", 3e7), ("2千", 2000), ("3百", 300), ("1.4万", 14000), ("489.12亿", 48912000000), ("2万亿", 2e12),
    ("3亿4500万", 345000000), ("5万零30", 50030), ("1万零6", 10006), ("12万3456", 123456), ("2千5", 2500),
    ("1.5千", 1500), ("3亿5万", 300050000),
])
def test_arabic_digits_with_chinese_multipliers(numeral: str, value: float) -> None:
    assert read(numeral) == pytest.approx(value, rel=1e-12)


@pytest.mark.parametrize(("numeral", "value"), [
    ("十几", 10), ("几十", 10), ("几百", 100), ("几千", 1000), ("几万", 10000), ("十几万", 100000),
    ("几十万", 100000), ("三十几", 30), ("二十几万", 200000), ("几百万", 1000000),
])
def test_ji_counts_as_the_round_part(numeral: str, value: float) -> None:
    assert read(numeral) == value


@pytest.mark.parametrize("numeral", [
    "", "几", "万亿亿", "亿万", "三万四万", "万万万", "十四五", "一二", "三五", "八一", "十百", "百千", "一百十",
    "点五", "十点点", "五点", "1.4.2", "二〇二一点", "千千",
])
def test_malformed_numerals_give_none(numeral: str) -> None:
    assert read(numeral) is None


@pytest.mark.parametrize(("text", "folded"), [
    ("１２３．５％", "123.5%"), ("萬億兩點", "万亿两点"), ("壹贰叁肆伍陆柒捌玖拾佰仟", "一二三四五六七八九十百千"),
    ("貳參陸", "二三六"), ("−3.2%", "-3.2%"), ("－3.2％", "-3.2%"), ("2—3", "2-3"), ("2–3", "2-3"),
    ("3～5", "3~5"), ("1，234", "1,234"), ("負3", "负3"), ("臨江", "臨江"), ("3600餘萬元", "3600余万元"),
])
def test_fold_gives_one_spelling_and_keeps_the_length(text: str, folded: str) -> None:
    assert fold(text) == folded and len(fold(text)) == len(text)


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.text(max_size=80))
def test_fold_keeps_every_offset(text: str) -> None:
    assert len(fold(text)) == len(text)


# ---------- numbers written by an independent writer read back exactly ----------


def _write(value: str, mode: str, script: str) -> str:
    """`value` (decimal string) written out by cn2an in `mode` (low, up), Simplified or Traditional."""
    numeral = cn2an.an2cn(value, mode)
    return numeral.translate(_TRADITIONAL) if script == "traditional" else numeral


def _one_value(text: str) -> float:
    found = find_quantities(text)
    assert len(found) == 1, (text, found)
    return found[0].value


_MODES = st.sampled_from(["low", "up"])
_SCRIPTS = st.sampled_from(["simplified", "traditional"])
_SIGNS = st.sampled_from(["", "负", "-", "−"])


@PROPERTY
@given(st.integers(0, MAX_EXACT), _MODES, _SCRIPTS, _SIGNS)
def test_any_integer_written_in_chinese_reads_back(n: int, mode: str, script: str, sign: str) -> None:
    numeral = _write(str(n), mode, script)
    sign_text = sign.translate(_TRADITIONAL) if script == "traditional" else sign
    assert _one_value(f"共{sign_text}{numeral}元。") == (-n if sign else n)


@PROPERTY
@given(st.integers(0, 10 ** 9), st.integers(1, 9999), _MODES, _SCRIPTS, st.sampled_from(["", "负"]))
def test_any_decimal_written_in_chinese_reads_back(whole: int, frac: int, mode: str, script: str,
                                                   sign: str) -> None:
    value = f"{whole}.{frac:04d}".rstrip("0")
    numeral = _write(value, mode, script)
    assert _one_value(f"增长{sign}{numeral}%，") == pytest.approx(float(value) * (-1 if sign else 1), abs=1e-6)


def _mixed(n: int, zero_before_small: bool) -> str:
    """n written with Arabic digits before 亿 and 万 (3亿4500万, 1万600, 10亿零500万, 1万零6), our own writer."""
    yi, rest = divmod(n, 10 ** 8)
    wan, ones = divmod(rest, 10 ** 4)
    parts = [f"{yi}亿"] if yi else []
    if wan:
        parts += (["零"] if parts and wan < 1000 and zero_before_small else []) + [f"{wan}万"]
    if ones or not parts:
        # a single digit after 万 would be read as colloquial thousands (1万2 = 12000): it needs its 零
        parts += (["零"] if parts and (ones < 10 or (ones < 1000 and zero_before_small)) else []) + [str(ones)]
    return "".join(parts)


@PROPERTY
@given(st.integers(1, MAX_EXACT), st.booleans(), _SIGNS)
def test_arabic_digits_before_wan_and_yi_read_back(n: int, zero_before_small: bool, sign: str) -> None:
    assert _one_value(f"投资{sign}{_mixed(n, zero_before_small)}元，") == (-n if sign else n)


@PROPERTY
@given(st.decimals(min_value=Decimal("0.0001"), max_value=Decimal("99999"), places=4), st.sampled_from(["万", "亿"]))
def test_arabic_decimals_before_wan_and_yi_read_back(number: Decimal, mult: str) -> None:
    written = format(number.normalize(), "f")
    expected = float(number * (10 ** 4 if mult == "万" else 10 ** 8))
    assert _one_value(f"达{written}{mult}元，") == pytest.approx(expected, rel=1e-12)


_SEPARATORS = st.sampled_from(["到", "至", "-", "~", "～", "—", "——", "–"])


@PROPERTY
@given(st.integers(0, 10 ** 12), st.integers(1, 10 ** 12), _MODES, _SCRIPTS, _SEPARATORS)
def test_a_range_of_two_written_numbers_reads_back(a: int, gap: int, mode: str, script: str, sep: str) -> None:
    b = a + gap
    b += 1 if b % 10 == 0 else 0  # a high end ending in 十/百/万 would lend its multiplier to a bare low end
    found = find_quantities(f"每户{_write(str(a), mode, script)}{sep}{_write(str(b), mode, script)}元。")
    assert [(q.low, q.high, q.unit) for q in found] == [(a, b, "元")]


@PROPERTY
@given(st.integers(1, 9998), st.integers(1, 9999), st.sampled_from(["万", "亿"]), _MODES, _SEPARATORS)
def test_a_bare_low_end_shares_the_high_ends_wan_or_yi(low: int, gap: int, mult: str, mode: str, sep: str) -> None:
    high, factor = min(low + gap, 9999), 10 ** 4 if mult == "万" else 10 ** 8
    text = f"约{cn2an.an2cn(str(low), mode)}{sep}{cn2an.an2cn(str(high), mode)}{mult}人。"
    step = 1000 if high >= 1000 else 100
    lead, rest = divmod(high, step)
    low_factor = factor * step if high >= 100 and rest == 0 and low < lead else factor
    # 一到三千万: 三千万 is a single digit's 千 before 万, and the bare low end takes both (一千万)
    assert [(q.low, q.high) for q in find_quantities(text)] == [(low * low_factor, high * factor)]


@PROPERTY
@given(st.integers(1, 8), st.integers(1, 8), st.sampled_from(["百", "千"]), _SEPARATORS)
def test_a_single_digit_low_end_shares_bai_or_qian(low: int, gap: int, unit: str, sep: str) -> None:
    high, factor = min(low + gap, 9), 100 if unit == "百" else 1000
    text = f"约{cn2an.an2cn(str(low))}{sep}{cn2an.an2cn(str(high))}{unit}人。"
    assert [(q.low, q.high) for q in find_quantities(text)] == [(low * factor, high * factor)]
