"""A speaker's own figures: the pronoun pattern read in every number's sentence part."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongfu.extract.speakers import _PRONOUN


@pytest.mark.parametrize(("text", "found"), [
    ("他家种了40亩", ["他家"]),
    ("她们家今年", ["她们家"]),
    ("她今年58岁", ["她"]),
    ("其他村民", []),  # 其他 is "other"
    ("他们种了", []),  # 他们: a group, not the person
    ("他人", []),
])
def test_a_pronoun_for_the_person_introduced(text: str, found: list[str]) -> None:
    assert [m.group() for m in _PRONOUN.finditer(text)] == found


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["他", "她", "们", "家", "其", "人", "说", "，", "今年", "1"]),
                max_size=20).map("".join))
def test_the_guard_changes_no_pronoun_match(text: str) -> None:
    guard, body = _PRONOUN.pattern.split(")(?:", 1)
    assert guard == "(?=[他她]"
    plain = re.compile(body[:-1])
    assert [m.span() for m in _PRONOUN.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert [bool(_PRONOUN.match(text, i)) for i in range(len(text))] == [
        bool(plain.match(text, i)) for i in range(len(text))]


def entity_of(text: str, number: str) -> str:
    from gongfu.extract.context import DocumentContext

    context = DocumentContext(text, {"doc_id": "t", "district": "象山县", "city": "宁波市", "province": "浙江省"})
    start = text.index(number)
    return context.entity(start, start + len(number))


@pytest.mark.parametrize(("text", "number", "expected"), [
    # an office holder (局长, 书记, 镇长, 主任) speaks of the place, in reported speech, a quotation or an answer
    ("县发改局局长周伟：明年，我们将力争村级集体经济强村占比达到80%。", "80%", "象山县"),
    ("县发改局局长周伟介绍了情况。\n周伟：明年，我们将力争强村占比达到80%。", "80%", "象山县"),
    ("镇长李明介绍，明年计划新建道路12条。", "12条", "象山县"),
    ("村党支部书记王强说，“明年计划新建民宿20家。”", "20家", "象山县"),
    # unless they say 我 of themself
    ("村党支部书记王强说，“我家今年种了12亩杨梅。”", "12亩", "王强"),
    # people introduced by what they do keep their own figures
    ("种植户王建华说，今年我家种了40亩西瓜。", "40亩", "王建华"),
    ("渔民张阿根说，“一趟出去要二十来天。”", "二十来天", "张阿根"),
    # an organisation's office holder speaks for it (a school's head, a health centre's director)
    ("石浦镇卫生服务中心今年签约居民9,600余人。中心主任沈佳表示，明年将再增设2个家庭医生工作室。", "2个",
     "石浦镇卫生服务中心"),
])
def test_an_office_holder_speaks_of_the_place_not_of_themself(text: str, number: str, expected: str) -> None:
    assert entity_of(text, number) == expected


@pytest.mark.parametrize(("text", "number", "expected"), [
    # a person called by a quoted nickname (“阿海”说) is the speaker of the quotation before it
    ("“去年一张床周末能卖到800元，今年回到600元。”民宿业主“阿海”说。", "800元", "阿海"),
    ("“我家今年种了12亩杨梅。”果农“老周”告诉记者。", "12亩", "老周"),
    # a quoted word that is no nickname, or not followed by speech, is no person
    ("“我们村今年接待游客8万人次。”“稻鱼共生”负责人说。", "8万人次", "象山县"),
])
def test_a_quoted_nickname_speaks(text: str, number: str, expected: str) -> None:
    assert entity_of(text, number) == expected


@pytest.mark.parametrize(("text", "number", "expected"), [
    # 我们合作社, 我们公司 in the quotation: the figures are the organisation's, whoever says them
    ("象山县茶香专业合作社的茶园里一片繁忙。理事长周雅芳说：“我们合作社现在有社员86户。”", "86户", "茶香专业合作社"),
    ("“我们公司去年出口额达到1.2亿元。”宏远电器有限公司总经理李国强说。", "1.2亿元", "宏远电器有限公司"),
    # but 我家 is the speaker's own, and a shopkeeper's 我们店 stays theirs
    ("象山县茶香专业合作社社员周雅芳说：“我家今年采了300斤茶。”", "300斤", "周雅芳"),
    ("“我们店一天能卖出200多单。”店主陈晓燕说。", "200多单", "陈晓燕"),
])
def test_our_organisation_in_a_quotation(text: str, number: str, expected: str) -> None:
    assert entity_of(text, number) == expected
