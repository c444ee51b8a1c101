"""Page furniture by shape: menu rows and columns, name lists, dated links, site names, <title> parts."""

from __future__ import annotations

import pytest

from gongfu.clean import furniture
from gongfu.clean.layout import visible_len


@pytest.mark.parametrize("line, expected", [
    ("首页 新闻 政务 视频 专题", True),  # five short items without a sentence
    ("首页|新闻|政务", True),  # bars between the items
    ("【首页】【新闻】【视频】", True),  # brackets between the items
    ("字号 大 中 小 打印", True),  # a toolbar
    ("首页 新闻", False),  # two items are not a row
    ("首页 新闻，政务 视频", False),  # a comma: a sentence, not a menu
    ("首页 全市重点项目建设情况通报 视频", False),  # an item longer than a menu item
    ("张伟 李娜 王芳", False),  # personal names: a byline, not a menu
    ("临江 南湖 婺城 " * 14, False),  # 84 visible characters: longer than any menu row (80)
])
def test_menu_rows(line, expected):
    assert furniture.is_menu_row(line) is expected


@pytest.mark.parametrize("items, expected", [
    (["张伟", "李娜", "王芳"], True),
    (["张伟", "李娜", "临江街道"], False),  # a place suffix: not a name
    (["张伟", "科技创新园区"], False),  # longer than a name
    (["张伟", "临江"], False),  # half begin with a known surname: not most
    (["张伟", "李娜", "临江"], True),  # two of three: most
    (["甲乙", "丙丁", "戊己"], False),  # none begins with a known surname
    ([], False),
])
def test_name_lists(items, expected):
    assert furniture.is_name_list(items) is expected


@pytest.mark.parametrize("line, expected", [
    ("首页", True),
    ("新闻 中心", True),  # spaces do not count
    ("浙江在线首页", True),  # six visible characters
    ("浙江在线新闻首页", False),  # seven
    ("首页。", False),  # punctuation
    ("目录：", False),
])
def test_column_items(line, expected):
    assert furniture.is_column_item(line) is expected


@pytest.mark.parametrize("lines, expected", [
    (["首页", "新闻", "政务", "视频"], [range(0, 4)]),
    (["首页", "新闻", "政务"], []),  # three are not a column
    (["首页", "新闻", "今年全区生产总值增长8%。", "政务", "视频", "专题", "互动"], [range(3, 7)]),
    (["首页", "新闻", "政务", "视频", "全区经济平稳运行。", "甲", "乙", "丙", "丁", "戊"], [range(0, 4), range(5, 10)]),
])
def test_column_runs(lines, expected):
    assert furniture.column_runs(lines) == expected
    assert furniture.column_runs(lines, [visible_len(x) for x in lines]) == expected


@pytest.mark.parametrize("line, expected", [
    ("县领导调研烧饼产业 2024-03-02", True),
    ("县领导调研烧饼产业（2024年3月2日）", True),
    ("县领导调研烧饼产业 03-02", True),  # month and day alone
    ("2024-03-02", False),  # a date alone is not a link
    ("调研 03-02", False),  # too short to be a headline
    ("县领导调研烧饼产业，群众点赞 2024-03-02", False),  # a sentence before the date
    ("县领导调研烧饼产业", False),  # no date
    ("县领导" * 14 + " 2024-03-02", False),  # longer than a headline
])
def test_dated_links(line, expected):
    assert furniture.is_dated_link(line) is expected


@pytest.mark.parametrize("line, expected", [
    ("禾城新闻网", True),
    ("浙江频道", True),
    ("嘉兴市南湖区人民政府门户网站欢迎您", False),  # longer than a site name
    ("浙江频道：", False),  # punctuation
])
def test_short_names(line, expected):
    assert furniture.is_short_name(line) is expected


@pytest.mark.parametrize("title, expected", [
    ("标题_频道_某网", ["标题", "频道", "某网"]),
    ("南湖区交出高分答卷 - 中国经济网", ["南湖区交出高分答卷", "中国经济网"]),
    ("临江街道：展新城面貌|杭州日报", ["临江街道：展新城面貌", "杭州日报"]),
    ("共同富裕--浙江频道", ["共同富裕", "浙江频道"]),
    ("2021-09-20 新闻", ["2021-09-20 新闻"]),  # a dash inside a date is no separator
    ("  ", []),
])
def test_title_parts(title, expected):
    assert furniture.title_parts(title) == expected
