"""The document's place from its own text: division names by weighted count, parents from the table."""

from __future__ import annotations

import pytest

from gongfu.extract.places import infer_place


@pytest.mark.parametrize(("text", "title", "expected"), [
    ("今年以来，慈溪市外贸出口增长明显。慈溪市家电企业订单饱满，全市新增企业300家。", "",
     {"province": "浙江省", "city": "宁波市", "district": "慈溪市", "street": ""}),
    ("记者从绍兴市获悉，上虞区今年新建公园12个。上虞区还将改造老旧小区20个，上虞城区面貌一新。", "",
     {"province": "浙江省", "city": "绍兴市", "district": "上虞区", "street": ""}),
    ("在丽水市莲都区碧湖镇，村民正在收割水稻。碧湖镇今年粮食增产。全镇种植面积3万亩。", "",
     {"province": "浙江省", "city": "丽水市", "district": "莲都区", "street": "碧湖镇"}),
    ("——全县实现生产总值200亿元。\n——新增就业岗位5000个。", "数说开化2024",
     {"province": "浙江省", "city": "衢州市", "district": "开化县", "street": ""}),
    ("杭州市钱塘区新增企业。钱塘区今年引进项目40个。", "",
     {"province": "浙江省", "city": "杭州市", "district": "钱塘区", "street": ""}),
    ("今年新建图书馆一座，阅读人数增长两成。", "", {"province": "", "city": "", "district": "", "street": ""}),
])
def test_infer_place(text: str, title: str, expected: dict[str, str]) -> None:
    assert infer_place(text, title) == expected


def test_a_short_form_counts_only_for_a_name_written_whole() -> None:
    # 杨梅 is a fruit here, not Taiwan's 杨梅区: never written whole, so never counted
    place = infer_place("仙居县的杨梅红了。杨梅产量增长，杨梅节吸引游客，杨梅收入占一半。仙居县还推出线路。")
    assert place["district"] == "仙居县"


def test_a_town_once_named_after_its_district_is_not_the_place() -> None:
    assert infer_place("温岭市箬横镇的一家企业扩产。温岭市全年工业产值增长8%。")["street"] == ""


@pytest.mark.parametrize(("text", "title", "street"), [
    # a title naming the district then a town is about the town, though the text never names it again
    ("规上工业总产值：286.3亿元\n规上工业增加值：61.8亿元\n", "乐清市虹桥镇2025年前三季度主要经济指标", "虹桥镇"),
    ("全街道新增就业1,200人。\n", "萧山区北干街道召开经济工作会议", "北干街道"),
    # a title naming the district alone, or a town without its district, gives no street
    ("全县产值增长5%。\n", "乐清市召开经济工作会议", ""),
    ("温岭市全年工业产值增长8%。\n", "箬横镇一企业扩产", ""),
])
def test_a_town_in_the_title_after_its_district_is_the_street(text: str, title: str, street: str) -> None:
    assert infer_place(text, title)["street"] == street
