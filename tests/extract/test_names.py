"""Names a document gives: the patterns the name finder scans the whole text with."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongfu.extract.names import _LOCAL


@pytest.mark.parametrize(("text", "found"), [
    ("村里有民宿23家", ["村"]),  # at the start of the text
    ("去年，镇上新建厂房", ["镇"]),  # after a clause break
    ("在村里的合作社", []),  # after a character: not at a clause start
    ("下姜村上半年", []),
    ("。县里出台政策", ["县"]),
])
def test_a_local_noun_of_place_opens_a_clause(text: str, found: list[str]) -> None:
    assert [m.group(1) or m.group(2) for m in _LOCAL.finditer(text)] == found


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["村", "镇", "县", "乡", "里", "上", "在", "，", "。", "\n", "1", "有"]),
                max_size=20).map("".join))
def test_the_guard_changes_no_local_match(text: str) -> None:
    guard, body = _LOCAL.pattern.split(")(?:", 1)
    assert guard == "(?=[乡县村镇]"
    plain = re.compile(body[:-1])
    assert [(m.span(), m.groups()) for m in _LOCAL.finditer(text)] == [
        (m.span(), m.groups()) for m in plain.finditer(text)]


def names_in(text: str) -> list[str]:
    """The names (not descriptions or bare endings) the finder gives `text`, inner pieces of chains included."""
    from gongfu.extract.context import DocumentContext

    return [m.name for m in DocumentContext(text, {"doc_id": "t"}).mentions if m.kind == "name"]


@pytest.mark.parametrize(("text", "name"), [
    # a division whose name holds a function character (和 都 于 与) is found whole from the division table
    ("在云和县木制玩具产业园，", "云和县"), ("莲都区新增就业3000人。", "莲都区"), ("于都县产值增长5%。", "于都县"),
    ("和平区新建公园3个。", "和平区"), ("郫都区共有企业120余家。", "郫都区"), ("永和县的苹果园", "永和县"),
    # an agency named after two fields joined by 和 or 与
    ("普陀区海洋与渔业局统计，", "普陀区海洋与渔业局"), ("县文化和旅游局发布，", "文化和旅游局"),
    ("县发展和改革局介绍，", "发展和改革局"),
    # a division whose name holds a suffix character (镇海区, 桐乡市, 镇江市): the division, not a township
    ("12月3日，镇海区与一家公司签约。", "镇海区"), ("桐乡市产值增长5%。", "桐乡市"), ("镇江市新增3家。", "镇江市"),
    ("乐清市柳市镇有企业1万家。", "乐清市柳市镇"),
    # words ending in 地 inside a name (湿地公园, 高地, 基地)
    ("瓯江口湿地公园接待1.6万人次。", "瓯江口湿地公园"), ("下沙高地产业园有企业3家。", "下沙高地产业园"),
    # a project is named without the verb that builds it (共建, 建, 新建)
    ("双方将共建高性能碳纤维项目。", "高性能碳纤维项目"), ("投资5亿元建智能仓储项目。", "智能仓储项目"),
])
def test_a_name_with_a_function_character_inside_it(text: str, name: str) -> None:
    assert name in names_in(text)


@pytest.mark.parametrize(("text", "absent"), [
    ("我和区里商量。", "和区"), ("全市和县里都要投入。", "全市和县"),
    ("企业与县政府签约", "企业与县"),
])
def test_a_function_character_between_words_joins_no_name(text: str, absent: str) -> None:
    assert absent not in names_in(text)


SHARE_DOCUMENT = {"doc_id": "t", "town": "", "district": "岱山县", "city": "舟山市", "province": "浙江省"}


@pytest.mark.parametrize(("text", "number", "expected"), [
    # the whole a share is of (占全省, 占浙江省) is not who has the share
    ("今年，全县带鱼产量12万吨，约占全省的四成。", "四成", "岱山县"),
    ("今年，全县带鱼产量12万吨，约占全省带鱼产量的四成。", "四成", "岱山县"),
    ("衢山镇带鱼产量3万吨，占全县的25%。", "25%", "衢山镇"),
    ("衢山镇带鱼产量3万吨，占舟山市总产量的一成。", "一成", "衢山镇"),
    ("衢山镇带鱼产量3万吨，占到全市的一成。", "一成", "衢山镇"),
    # a place before 占 is still the one that has it
    ("衢山镇带鱼产量占全县的25%。", "25%", "衢山镇"),
])
def test_the_whole_a_share_is_of_is_not_its_entity(text: str, number: str, expected: str) -> None:
    start = text.rindex(number)
    from gongfu.extract.context import DocumentContext

    assert DocumentContext(text, SHARE_DOCUMENT).entity(start, start + len(number)) == expected


@pytest.mark.parametrize(("text", "name"), [
    # a name followed by a word whose first character would end no name (水产, 水果, 集体)
    ("高亭渔港水产品交易量达到8万吨。", "高亭渔港"),
    ("衢山镇水产品加工产值5亿元。", "衢山镇"),
    ("东沙镇水果种植面积1,200亩。", "东沙镇"),
    ("泥峙村集体经营性收入86万元。", "泥峙村"),
])
def test_a_name_before_produce_words(text: str, name: str) -> None:
    assert name in names_in(text)


@pytest.mark.parametrize(("text", "absent"), [
    ("东沙镇水利站新建泵站3座。", "东沙镇"),  # 镇水利站: the 镇 does not end a name before 水利
])
def test_a_name_before_other_water_words_still_ends_nowhere(text: str, absent: str) -> None:
    assert absent not in names_in(text)


@pytest.mark.parametrize(("text", "name"), [
    # words holding a stop character inside a name: 经济, 共同, 数据
    ("嘉兴经济技术开发区新增企业30家。", "嘉兴经济技术开发区"), ("浙江共同富裕研究院发布报告。", "浙江共同富裕研究院"),
    ("白龙桥镇大数据产业园入驻企业80家。", "白龙桥镇大数据产业园"),
])
def test_stop_words_inside_names(text: str, name: str) -> None:
    assert name in names_in(text)


@pytest.mark.parametrize(("text", "absent"), [
    # descriptions, not names: the zone of the whole province, villages with a strong collective economy
    ("全区在共同富裕示范区建设上取得进展。", "共同富裕示范区"), ("全县集体经济强村达到42个。", "集体经济强村"),
    ("村级集体经济强村占比达到80%。", "济强村"),
])
def test_descriptions_that_end_like_names(text: str, absent: str) -> None:
    assert absent not in names_in(text)


@pytest.mark.parametrize(("title", "name"), [
    # what a notice is about, without its wrapper; a title that is the policy itself stays whole
    ("关于下达2024年度青瓷宝剑产业发展专项资金的通知", "青瓷宝剑产业发展专项资金"),
    ("关于做好2025年度农业“双强”项目资金申报工作的通知", "农业“双强”项目资金"),
    ("柯城区支持青年人才安居若干措施", "柯城区支持青年人才安居若干措施"),
    ("矾山镇民宿提质升级奖补办法", "矾山镇民宿提质升级奖补办法"),
    ("关于印发的通知", "关于印发的通知"),  # nothing left inside the wrapper: the title as written
])
def test_a_policys_name_from_its_title(title: str, name: str) -> None:
    from gongfu.extract.names import policy_name

    assert policy_name(title) == name


def test_policy_titles_are_read_from_book_title_marks() -> None:
    from gongfu.extract.names import policy_titles

    assert policy_titles("镇政府关于印发《矾山镇民宿提质升级奖补办法》的通知") == ["矾山镇民宿提质升级奖补办法"]
    assert policy_titles("他读了《平凡的世界》。") == []  # a book, not a policy document
