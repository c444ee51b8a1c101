"""The headline block: headline, kicker above, subtitle below, and what was glued to the headline."""

from __future__ import annotations

import pytest

from gongfu.clean import headline


@pytest.mark.parametrize("line, expected", [
    ("——南湖区推进共同富裕纪实", True),
    ("—南湖区推进共同富裕纪实", True),
    ("  --南湖区推进共同富裕纪实", True),  # leading spaces, two hyphens
    ("－－南湖区推进共同富裕纪实", True),  # full-width hyphens
    ("南湖区——推进共同富裕", False),  # a dash inside is not a subtitle
    ("-南湖区", False),  # one hyphen is not a dash
])
def test_subtitles_open_with_a_dash(line, expected):
    assert headline.is_subtitle(line) is expected


@pytest.mark.parametrize("line, title, meta, note", [
    ("临江街道展新城面貌 https://example.cn/a/1.html", "临江街道展新城面貌", {"url": "https://example.cn/a/1.html"},
     "URL glued to the headline, kept as metadata"),
    ("临江街道展新城面貌 www.example.cn/a", "临江街道展新城面貌", {"url": "www.example.cn/a"},
     "URL glued to the headline, kept as metadata"),
    ("临江街道展新城面貌 2023-01-25 09:30", "临江街道展新城面貌", {"published": "2023-01-25"},
     "timestamp glued to the headline, kept as metadata"),
    ("临江街道展新城面貌2023年1月25日", "临江街道展新城面貌", {"published": "2023年1月25"},
     "timestamp glued to the headline, kept as metadata"),
    ("临江街道展新城面貌 | 共富路上", "临江街道展新城面貌", {"banner": "共富路上"},
     "series name after the bar glued to the headline, kept as metadata"),
    ("临江街道展新城面貌｜共富路上 2023-01-25", "临江街道展新城面貌", {"published": "2023-01-25", "banner": "共富路上"},
     "timestamp and series name after the bar glued to the headline, kept as metadata"),
    ("临江街道展新城面貌", "临江街道展新城面貌", {}, ""),
    ("https://example.cn/a", "https://example.cn/a", {}, ""),  # a URL alone is the line itself
    ("共富|路", "共富|路", {}, ""),  # too short on either side of the bar to be a title and a series
])
def test_unglue(line, title, meta, note):
    assert headline.unglue(line) == (title, meta, note)


@pytest.mark.parametrize("lines, hints, roles, meta", [
    # no hint: the last title line is the headline, the one above it its kicker, lines further up furniture
    (["浙江日报", "奋进新时代", "临江街道展新城面貌"], {}, ["furniture", "kicker", "title"],
     {"title": "临江街道展新城面貌", "kicker": "奋进新时代"}),
    # the line before a subtitle is the headline, and every dashed line right below it a subtitle
    (["临江街道展新城面貌", "——钱塘区推进共同富裕", "——记者走基层"], {}, ["title", "subtitle", "subtitle"],
     {"title": "临江街道展新城面貌", "subtitle": "——钱塘区推进共同富裕 / ——记者走基层"}),
    # the page's <h1> names the headline
    (["奋进新时代", "临江街道展新城面貌", "钱塘区委宣传部"], {"headline": "临江街道展新城面貌"},
     ["kicker", "title", "furniture"], {"title": "临江街道展新城面貌", "kicker": "奋进新时代"}),
    # the page's <title> begins with the headline
    (["临江街道展新城面貌", "钱塘新闻"], {"page_title": "临江街道展新城面貌_钱塘新闻_杭州网"}, ["title", "furniture"],
     {"title": "临江街道展新城面貌"}),
    # a hint that names no line: the last title line
    (["临江街道", "展新城面貌"], {"headline": "别的标题"}, ["kicker", "title"],
     {"title": "展新城面貌", "kicker": "临江街道"}),
    # a subtitle above the headline is not a kicker
    (["——钱塘区推进共同富裕", "临江街道展新城面貌"], {}, ["furniture", "title"], {"title": "临江街道展新城面貌"}),
    # only subtitles: they are the title together
    (["——钱塘区", "——临江街道"], {}, ["title", "title"], {"title": "——钱塘区 / ——临江街道"}),
    # what is glued to the headline goes to the metadata, with a note
    (["临江街道展新城面貌 2023-01-25"], {}, ["title"], {"title": "临江街道展新城面貌", "published": "2023-01-25"}),
])
def test_analyse(lines, hints, roles, meta):
    found = headline.analyse(lines, hints)

    assert found.roles == roles
    assert found.meta == meta


@pytest.mark.parametrize("line, expected", [
    ("萧农〔2024〕37号", True),
    ("浙政办发[2023]5号", True),
    ("国发（2021）第12号", True),
    ("杭财教〔2024〕 108 号", True),  # spaces around the serial
    ("龙财企【2024】18号", True),
    ("萧农〔2024〕37号文件", False),  # a phrase about the document, not its number alone
    ("〔2024〕37号", False),  # no issuer
    ("2024年第37号", False),
    ("萧山区农业农村局关于下达补助资金的通知", False),
])
def test_document_numbers(line, expected):
    assert headline.is_doc_number(line) is expected


@pytest.mark.parametrize("lines, roles, meta", [
    # the notice's heading is the title, its number under it doc_number (was: the number read as the headline)
    (["萧山区农业农村局关于下达补助资金的通知", "萧农〔2024〕37号"], ["title", "number"],
     {"title": "萧山区农业农村局关于下达补助资金的通知", "doc_number": "萧农〔2024〕37号"}),
    # a number above the heading, and a kicker line above that
    (["萧山区人民政府办公室", "萧政办发〔2024〕3号", "关于印发共同富裕行动方案的通知"],
     ["kicker", "number", "title"],
     {"title": "关于印发共同富裕行动方案的通知", "kicker": "萧山区人民政府办公室",
      "doc_number": "萧政办发〔2024〕3号"}),
    # a number alone is still the title: there is nothing else to call it
    (["萧农〔2024〕37号"], ["title"], {"title": "萧农〔2024〕37号"}),
])
def test_a_document_number_is_never_the_headline(lines, roles, meta):
    found = headline.analyse(lines)

    assert found.roles == roles
    assert found.meta == meta


def test_a_glued_timestamp_is_noted_on_its_line():
    found = headline.analyse(["奋进新时代", "临江街道展新城面貌 2023-01-25"])

    assert found.notes == {1: "timestamp glued to the headline, kept as metadata"}


@pytest.mark.parametrize("keys, hint, expected", [
    (["临江街道展新城面貌", "钱塘新闻"], "临江街道展新城面貌", 0),  # equal
    (["钱塘新闻", "临江街道展新城面貌"], "临江街道展新城面貌_钱塘新闻", 1),  # the longest line the hint starts with
    (["钱塘新闻网", "临江"], "钱塘新闻网今日要闻", 0),
    (["头条：临江街道展新城面貌"], "临江街道展新城面貌", 0),  # a line containing the hint
    (["临江"], "临江街道", None),  # a line shorter than four characters is not a start
    (["临江街道"], "  ", None),
])
def test_find(keys, hint, expected):
    assert headline._find(keys, hint) == expected
