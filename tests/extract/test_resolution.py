"""What a mention stands for: a short name given in full earlier is the latest full name that ends with it."""

from __future__ import annotations

import pytest

from gongfu.extract.context import DocumentContext

COUNTY = {"doc_id": "t", "district": "淳安县", "city": "杭州市", "province": "浙江省"}
FIRST = "乾西乡移民小康社区有住户120户。"
SECOND = "东坪村移民小康社区有住户80户。"
AGAIN = "乾西乡移民小康社区新建道路2条。"
SHORT = "移民小康社区新建房屋30幢。"


@pytest.mark.parametrize(("text", "expected"), [
    (SHORT, "移民小康社区"),  # nothing earlier: the name as written
    (FIRST + SHORT, "乾西乡移民小康社区"),
    (FIRST + SECOND + SHORT, "东坪村移民小康社区"),  # the latest full name
    (FIRST + SECOND + AGAIN + SHORT, "乾西乡移民小康社区"),  # named again: the latest again
    (SECOND + FIRST + SECOND + SHORT, "东坪村移民小康社区"),
])
def test_a_short_name_is_the_latest_full_name_ending_with_it(text: str, expected: str) -> None:
    start = text.rindex("30幢")
    assert DocumentContext(text, COUNTY).entity(start, start + 3) == expected


FIRM_DOCUMENT = {"doc_id": "t", "district": "缙云县", "city": "丽水市", "province": "浙江省"}


@pytest.mark.parametrize(("text", "number", "expected"), [
    # a firm's short form keeps its core and its ending: the full name given earlier
    ("浙江绿岭工具有限公司去年出口额3,200万美元。绿岭公司今年计划投资8000万元。", "8000万元", "浙江绿岭工具有限公司"),
    ("缙云县鑫达机械有限公司产值5亿元。\n鑫达公司员工达到420人。", "420人", "鑫达机械有限公司"),
    ("浙江华丰控股集团有限公司营业收入18亿元。华丰集团今年新增专利26项。", "26项", "浙江华丰控股集团有限公司"),
    ("丽水远舟科技股份有限公司上市。远舟公司募集资金6.5亿元。", "6.5亿元", "丽水远舟科技股份有限公司"),
    # the latest full name holding the core
    ("浙江绿岭工具有限公司和缙云绿岭电器有限公司签约。绿岭公司投资3亿元。", "3亿元", "缙云绿岭电器有限公司"),
    # no full name holds the core: the short name as written
    ("浙江绿岭工具有限公司产值2亿元。青山公司今年投资9000万元。", "9000万元", "青山公司"),
    # the core must be in the full name, not only its characters
    ("浙江绿岭工具有限公司产值2亿元。岭绿公司投资600万元。", "600万元", "岭绿公司"),
])
def test_a_firms_short_form_is_its_full_name(text: str, number: str, expected: str) -> None:
    start = text.rindex(number)
    assert DocumentContext(text, FIRM_DOCUMENT).entity(start, start + len(number)) == expected


@pytest.mark.parametrize(("text", "number", "expected"), [
    # a bare 企业 opening a clause, or pointed at (该企业), is the firm the paragraph or the one before named
    ("缙云县鑫达机械有限公司负责人介绍，公司去年产值5亿元。\n目前，企业年产齿轮80万件。", "80万件",
     "鑫达机械有限公司"),
    ("缙云县鑫达机械有限公司去年产值5亿元，该企业今年投资1.2亿元。", "1.2亿元", "鑫达机械有限公司"),
    ("一家水泵企业去年出口额600万美元。企业今年新增订单30%。", "30%", "水泵企业"),
    # not bare: firms in general, counted or described, are not the firm the paragraph before named
    ("缙云县鑫达机械有限公司去年产值5亿元。\n全县规上企业达到312家。", "312家", "缙云县"),
    ("缙云县鑫达机械有限公司去年产值5亿元。\n今年新培育科技型企业46家。", "46家", "缙云县"),
    ("缙云县鑫达机械有限公司去年产值5亿元。\n企业家代表共120人参加。", "120人", "缙云县"),
    ("缙云县鑫达机械有限公司去年产值5亿元。\n企业数达到1.8万家。", "1.8万家", "缙云县"),
    # no firm named in this paragraph or the one before
    ("去年全县工业产值300亿元。\n今年计划新建道路12条。\n企业今年新增用工1,500人。", "1,500人", "缙云县"),
])
def test_a_bare_qiye_stands_for_the_firm_named_before(text: str, number: str, expected: str) -> None:
    start = text.rindex(number)
    assert DocumentContext(text, FIRM_DOCUMENT).entity(start, start + len(number)) == expected


PAIR = ("其中，宏泰公司投资18亿元建设的车载显示模组项目、启衡公司投资9.2亿元建设的精密减速器项目投资额最大。"
        "前者达产后预计年产值30亿元，后者投产后可新增就业岗位600个。")


@pytest.mark.parametrize(("number", "expected"), [("30亿元", "车载显示模组项目"), ("600个", "精密减速器项目")])
def test_the_former_and_the_latter_of_a_pair(number: str, expected: str) -> None:
    start = PAIR.rindex(number)
    assert DocumentContext(PAIR, FIRM_DOCUMENT).entity(start, start + len(number)) == expected


def test_a_former_without_a_pair_before_it_stands_for_nothing() -> None:
    text = "缙云县今年新增就业1,200人。前者占三成。"
    start = text.index("三成")
    assert DocumentContext(text, FIRM_DOCUMENT).entity(start, start + 2) == "缙云县"
