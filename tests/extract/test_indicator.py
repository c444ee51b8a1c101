"""What a number measures, in the text's words: the phrase leading to it, without time, scope and links."""

from __future__ import annotations

import pytest

from gongfu.extract.indicator import phrase, ratio_label


@pytest.mark.parametrize(("lead", "after", "expected"), [
    ("今年1-6月，全市规上工业增加值", "", "规上工业增加值"),
    ("其中跨境电商出口额达到", "", "跨境电商出口额"),
    ("截至目前，当地共有茶叶加工企业", "", "茶叶加工企业"),
    ("光伏发电量同比增长", "", "光伏发电量"),
    ("客运量比去年同期减少", "", "客运量"),
    ("累计接待游客超过", "", "接待游客"),
    ("新引进", "人才项目，", "新引进人才项目"),
    ("", "名志愿者参与服务", "名志愿者参与服务"),
])
def test_phrase(lead: str, after: str, expected: str) -> None:
    assert phrase(lead, after) == expected


@pytest.mark.parametrize(("own", "previous", "expected"), [
    ("是全省平均水平", "农民人均收入", "农民人均收入与全省平均水平之比"),
    ("是十年前", "村集体收入", "村集体收入与十年前之比"),
    ("产值", "村集体收入", ""),
])
def test_ratio_label(own: str, previous: str, expected: str) -> None:
    assert ratio_label(own, previous) == expected
