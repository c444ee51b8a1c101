"""The markup step: saved web pages to their text, every removal an edit located in the page source."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongfu.clean import clean_text
from gongfu.clean.chars import CJK_RE
from gongfu.clean.document import clean_document
from gongfu.clean.edits import apply_changes
from gongfu.clean.markup import has_markup, locate, markup_changes, strip_markup

PARA = "今年上半年，海盐县实现地区生产总值345.25亿元，同比增长6.9%。"


@pytest.mark.parametrize("text, expected", [
    ("<p>共富</p>", True), ("<!-- 注释 -->共富", True), ("共富&nbsp;示范", True), ("---\ntitle: 共富\n---\n正文", True),
    ("<<返回目录", False), ("x<y 且 y>z", False), ("临江街道已拥有规上工业企业104家。", False), ("R&D投入", False),
])
def test_markup_is_detected_by_a_tag_an_entity_or_front_matter(text, expected):
    assert has_markup(text) is expected


def test_text_without_markup_gets_no_change():
    assert markup_changes(f"{PARA}\n村(社区)干部 2<3\n").changes == []


@pytest.mark.parametrize("page, expected", [
    (f"<p>{PARA}</p><p>第二段。</p>", f"{PARA}\n第二段。"),
    ("<div>甲<br>乙</div>", "甲\n乙"),
    ("<p>推动&ldquo;毛衫+时尚&rdquo;融合&nbsp;发展</p>", "推动“毛衫+时尚”融合 发展"),
    ("<p>甲<b>乙</b>丙</p>", "甲乙丙"),
    ("<p>甲\n    乙</p>", "甲 乙"),
    ("<script>var s = '<p>广告</p>';</script><style>p{}</style><!-- 注释 --><p>正文。</p>", "正文。"),
    ("<p>增长42%。<sup>[1]</sup></p>", "增长42%。"),
    ("<nav><a>首页</a></nav><article><header><h1>标题</h1></header><p>正文。</p></article><aside>热门</aside>",
     "标题\n正文。"),
    ('<p cms-style="font-L" title="说“好”">正文。</p>', "正文。"),
    ('<p hidden>隐藏</p><span style="display: none">也隐藏</span><p>正文。</p>', "正文。"),
    ("<ul><li><a>桐乡外贸增长12.5%</a></li></ul><p>正文。</p>", "正文。"),
    ("<figure><img alt='茶园'><figcaption>茶园一角（供图）</figcaption></figure>", "图：茶园一角（供图）"),
    ("<p>&copy 2023 某网</p>", "© 2023 某网"),
])
def test_a_page_becomes_its_text_one_block_per_line(page, expected):
    out, changes, _ = strip_markup(page)

    assert out == expected
    assert all(c.reason for c in changes)


def test_link_text_inside_a_sentence_stays():
    assert strip_markup("<p>详见<a href='/x'>南湖区政府网</a>发布的通知。</p>")[0] == "详见南湖区政府网发布的通知。"


def test_the_page_says_its_headline_and_title():
    _, _, meta = strip_markup("<title>标题_频道_某网</title><h1>标题</h1><p>正文。</p>")

    assert meta == {"page_title": "标题_频道_某网", "headline": "标题"}


def test_front_matter_is_metadata_and_one_edit():
    text = '---\ntitle: "油菜花开了"\nauthor: 某号\ndate: 2024-03-28\ntags: [a, b]\n---\n正文。\n'
    out, changes, meta = strip_markup(text)

    assert out == "正文。\n"
    assert meta == {"title": "油菜花开了", "author": "某号", "published": "2024-03-28"}
    assert len(changes) == 1 and "front matter" in changes[0].reason


@pytest.mark.parametrize("text", ["---\n正文没有结束\n", "---\n- 一\n- 二\n---\n正文\n", "----\n正文\n"])
def test_a_rule_line_that_opens_no_front_matter_is_left_alone(text):
    assert all("front matter" not in c.reason for c in markup_changes(text).changes)


def test_entities_in_text_without_tags_are_decoded_and_lines_kept():
    assert strip_markup("甲&nbsp;乙\n&ldquo;丙&rdquo;\n")[0] == "甲 乙\n“丙”\n"


def test_a_text_node_is_located_past_tags_and_through_references():
    page = '<p class="a>b">x</p><p>甲&amp;乙&#20013;</p>'

    atoms = locate(page, "甲&乙中", 0)

    assert "".join(a[2] for a in atoms) == "甲&乙中"
    assert page[atoms[0][0]] == "甲" and page[atoms[1][0]:atoms[1][1]] == "&amp;"


def test_attribute_quotes_never_become_chinese_quotes():
    page = '<div class="content"><p style="text-indent:2em" data-x=\'1\'>海盐县集聚企业120余家。</p></div>'
    result = clean_text(page)

    assert result.text == "海盐县集聚企业120余家。\n"
    assert not any("“" in e.after or "”" in e.after for e in result.edits)


# --- properties, and a page through the whole chain ----------------------------------------------------------

BLOCKS = st.sampled_from([
    f"<p>{PARA}</p>", "<div class=\"nav\"><a href='/'>首页</a> | <a>新闻</a></div>",
    "<script>var a='<b>x</b>';</script>",
    "<!-- 广告 -->", "<p>推动&ldquo;毛衫&rdquo;发展&nbsp;。</p>", "<br>", "\n  ", "<h1>海盐核电产值达328.7亿元</h1>",
    "<p>临江街道<b>已拥有</b>规上企业104家，<a href='#'>详情</a></p>", "<li><a>相关新闻</a></li>", "<sup>[1]</sup>",
    "<figure><figcaption>换热首站（供图）</figcaption></figure>", "<p>聞堰搶抓機(jī)遇,打造現(xiàn)代社區(qū)。</p>",
    "&copy; 2023", "<p>惠及居民4 000余户。</p>", "<td>五云街道</td><td>壶镇镇</td>",
])
PAGES = st.lists(BLOCKS, min_size=1, max_size=12).map(lambda b: "<html><body>" + "".join(b) + "</body></html>")
_SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(PAGES)
def test_the_changes_rebuild_the_text_and_every_removed_character_is_in_one(page):
    out, changes, _ = strip_markup(page)

    assert apply_changes(page, changes) == out
    in_edits = Counter(ch for c in changes for ch in CJK_RE.findall(page[c.start:c.end]))
    added = Counter(ch for c in changes for ch in CJK_RE.findall(c.after))
    assert Counter(CJK_RE.findall(out)) + in_edits == Counter(CJK_RE.findall(page)) + added
    assert "<" not in out


@_SETTINGS
@given(PAGES)
def test_cleaning_a_page_twice_changes_nothing(page):
    once = clean_text(page).text

    assert clean_text(once).text == once


@_SETTINGS
@given(PAGES)
def test_every_chinese_character_of_a_page_is_kept_or_in_an_edit(page):
    result = clean_text(page)

    accounted = Counter(CJK_RE.findall(result.text)) + sum((Counter(CJK_RE.findall(e.before)) for e in result.edits),
                                                           Counter())
    assert not Counter(CJK_RE.findall(page)) - accounted


def test_a_saved_news_page_comes_out_as_its_article(tmp_path):
    page = (
        "<!DOCTYPE html><html><head><title>南湖区上半年生产总值增长6.9%_浙江频道_某某新闻网</title>"
        "<script>var a = '欢迎';</script><style>.x{}</style></head><body>"
        "<div class='top'>您好，欢迎您访问某某新闻网！</div>"
        "<ul class='nav'><li><a href='/'>首页</a></li><li><a href='/n'>新闻</a></li><li><a>浙江</a></li></ul>"
        "<div class='crumb'><a>首页</a> &gt; <a>浙江频道</a> &gt; 正文</div>"
        "<h1>南湖区上半年生产总值增长6.9%</h1><div class='info'>2021-09-20 10:37&nbsp;来源：嘉兴日报</div>"
        f"<p cms-style=\"font-L\">{PARA}</p>"
        "<p cms-style=\"font-L\">南湖区把&ldquo;红船精神&rdquo;融入基层治理，惠及居民3 833户。</p>"
        "<div class='share'>分享到：<a>微信</a> <a>微博</a></div>"
        "<div><h3>相关新闻</h3><ul><li><a>嘉兴外贸出口增长12.5%</a></li></ul></div>"
        "<div class='footer'>Copyright &copy; 2021 某某新闻网 版权所有</div></body></html>"
    ).encode()

    cleaned = clean_document(page, "web_page")

    assert cleaned.text == f"{PARA}\n南湖区把“红船精神”融入基层治理，惠及居民3833户。\n"
    row = cleaned.document
    assert (row["title"], row["published"], row["source"], row["status"]) == \
        ("南湖区上半年生产总值增长6.9%", "2021-09-20", "嘉兴日报", "ok")
    assert row["fixes_markup"] > 0
    removed = "".join(e["before"] for e in cleaned.edits)
    for furniture in ("欢迎您访问", "首页", "分享到", "嘉兴外贸出口增长12.5%", "版权所有", "var a"):
        assert furniture in removed
