"""Per what a figure counts: the denominator a frame before it names, none for totals and shares."""

from __future__ import annotations

import pytest

from gongfu.extract.basis import basis, slash_basis


@pytest.mark.parametrize(("lead", "expected"), [
    ("城镇居民人均可支配收入", "人"),
    ("参保农户户均获赔", "户"),
    ("示范区亩均产出", "亩"),
    ("每亩补贴", "亩"),
    ("亩产稻谷", "亩"),
    ("景区日均接待", "日"),
    ("一天能包", "日"),
    ("单日最高", "日"),
    ("旺季一个月能赚", "月"),
    ("每年可减少", "年"),
    ("年均增长", "年"),
    ("一斤能卖到", "斤"),
    ("每公斤收购价", "公斤"),
    ("每小时可加工", "小时"),
    ("一顿饭只要", "顿"),
    ("每个标准箱运费", "标准箱"),
    ("示范大棚每个年净收入", "个"),
    ("一亩田一年能收", "亩"),
    ("每个采摘季每户能增收", "户"),
    ("一个作坊一天能做", "日"),
    ("全年工业总产值", ""),
    ("年产值", ""),
    ("年营业额达到", ""),
    ("单台设备效率提高", ""),
    ("养殖收入占农民人均收入的", ""),
    ("每年出口的茶叶约占全国的", ""),
])
def test_basis(lead: str, expected: str) -> None:
    assert basis(lead) == expected


@pytest.mark.parametrize(("after", "expected"), [
    ("/亩，", "亩"), ("/年", "年"), ("/斤", "斤"), ("/天", "日"), ("/日", "日"), ("/人", "人"), ("/户", "户"),
    ("/月", "月"), ("／亩", "亩"), ("/每亩", "亩"), ("/吨，", "吨"), ("/平方米", "平方米"),
    ("", ""), ("，全年", ""), ("/套", ""), ("/3", ""), ("/", ""),
])
def test_a_basis_written_after_the_unit_with_a_slash(after: str, expected: str) -> None:
    assert slash_basis(after) == expected
