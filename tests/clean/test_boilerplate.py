"""strip_boilerplate: each article body once, page furniture removed as edits, metadata, marked captions."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongfu import paths
from gongfu.clean.boilerplate import (
    _classify,
    _Line,
    _strip_pass,
    _untouched,
    line_rules,
    load_rules,
    squeeze,
    strip_boilerplate,
)
from gongfu.clean.chars import CJK_RE
from gongfu.clean.edits import apply_changes
from gongfu.clean.layout import close_spaces, is_caption, is_prose, repair_layout, visible_len
from gongfu.clean.mojibake import repair_mojibake
from gongfu.errors import GongfuError
from gongfu.sources import read_text

P1 = "7月底,浙江省公布了高质量发展建设共同富裕示范区首批试点名单,嘉兴市南湖区榜上有名。"
P2 = "去年南湖区农村居民人均可支配收入为38856元,城乡居民收入比1.5:1。"
P3 = "今年上半年,南湖区实现地区生产总值345.25亿元,同比增长13.9%。"


def removed(text, changes):
    return [text[c.start:c.end] for c in changes if c.after == ""]


def reasons(changes):
    return [c.reason for c in changes]


# --- page furniture -------------------------------------------------------------------------------------

def test_breadcrumb_search_box_and_read_more_link_are_removed():
    text = f"当前位置  地方经济首页 > 即时新闻 > 正文\n中经搜索\n\n{P1}\n\n{P2}\n\n查看余下全文"
    out, changes, _ = strip_boilerplate(text)
    assert out.split() == [P1, P2]
    assert any(r.startswith("breadcrumb") for r in reasons(changes))
    assert any("search box" in r for r in reasons(changes))
    assert any("read the rest" in r for r in reasons(changes))


def test_tags_share_and_editor_lines_are_removed():
    text = f"{P1}\n\n(责任编辑:秦宇雯)\n\n分享到：\n\nTags:临江共富农业街道\n\n{P2}\n"
    out, changes, _ = strip_boilerplate(text)
    assert out.split() == [P1, P2]
    assert len(changes) == 3


def test_copyright_footer_and_the_legal_lines_that_continue_it_are_one_edit():
    footer = ("中国经济网版权及免责声明：\n1、凡本网注明“来源：中国经济网”的所有作品，版权均属于\n"
              "　 中国经济网，任何单位及个人不得转载、摘编。\n"
              "　 “经济日报社-中国经济网记者XXX摄”的图片作品，否则，一切后果自行承担。")
    out, changes, meta = strip_boilerplate(f"{P1}\n\n{footer}\n")
    assert out.split() == [P1]
    (edit,) = changes
    assert edit.reason.startswith("website footer")
    assert meta["publisher"] == "中国经济网"


def test_a_paragraph_mentioning_the_website_outside_a_footer_stays():
    text = f"{P1}\n\n本网记者从授权单位了解到,相关法律责任由企业承担。\n"
    out, changes, _ = strip_boilerplate(text)
    assert out == text and changes == []


# --- duplicates -----------------------------------------------------------------------------------------

def test_a_repeated_body_is_removed_once_as_one_edit_naming_what_it_repeats():
    copy = f"红船起航地:着力打造共同富裕示范区\n\n{P1}\n\n{P2}\n\n{P3}\n"
    text = f"{copy}\n{copy}"
    out, changes, meta = strip_boilerplate(text)
    assert out.count(P1) == out.count(P2) == out.count(P3) == 1
    assert meta["title"] == "红船起航地:着力打造共同富裕示范区"
    body_copy = [c for c in changes if "repeated copy of the article" in c.reason]
    assert len(body_copy) == 1 and text[body_copy[0].start:body_copy[0].end].count("\n\n") == 2
    assert "repeats 3 lines above" in body_copy[0].reason
    assert any(r.startswith("duplicate: repeats the title") for r in reasons(changes))


def test_a_single_repeated_paragraph_is_removed_and_the_first_kept():
    out, changes, _ = strip_boilerplate(f"{P1}\n{P2}\n{P1}\n")
    assert out == f"{P1}\n{P2}\n"
    assert changes[0].start == len(P1) + len(P2) + 2
    assert "repeats the line «7月底" in changes[0].reason


def test_a_summary_that_repeats_the_start_of_a_paragraph_is_removed():
    text = f"简介{P1[:30]}\n\n{P1}\n\n{P2}\n"
    out, changes, _ = strip_boilerplate(text)
    assert out.split() == [P1, P2]
    assert "repeats the start of the paragraph" in changes[0].reason


def test_short_repeated_phrases_are_not_duplicates():
    text = f"{P1}\n\n图：风景\n\n{P2}\n\n图：风景\n"
    out, _, _ = strip_boilerplate(text)
    assert out.count("图：风景") == 2


# --- header and metadata --------------------------------------------------------------------------------

def test_title_byline_and_date_become_metadata():
    text = f"首页 > 旅游\n\n临江街道:展新城面貌 绘幸福图景\n\n由 杭州日报 发表于 旅游2023-01-25\n\n{P1}\n"
    out, changes, meta = strip_boilerplate(text)
    assert out.split() == [P1]
    assert meta == {"title": "临江街道:展新城面貌 绘幸福图景", "published": "2023-01-25", "publisher": "杭州日报"}
    assert all(c.after == "" for c in changes)


def test_dateline_gives_date_and_source():
    text = f"红船起航地\n\n2021年09月20日 10:37   来源:新华每日电讯\n\n{P1}\n"
    _, _, meta = strip_boilerplate(text)
    assert meta["published"] == "2021-09-20" and meta["source"] == "新华每日电讯"


def test_kicker_title_and_authors_line_above_the_first_paragraph():
    text = (f"\n\n紧扣“1483”发展战略 推动“五大行动”落地落实\n\n婺城：踔厉奋发 合奏幸福交响乐\n\n"
            f"张苑 余美娜 傅伟炎 陆欣\n\n{P1}\n")
    out, _, meta = strip_boilerplate(text)
    assert out.split() == [P1]
    assert meta["title"] == "婺城：踔厉奋发 合奏幸福交响乐"
    assert meta["kicker"] == "紧扣“1483”发展战略 推动“五大行动”落地落实"
    assert meta["author"] == "张苑 余美娜 傅伟炎 陆欣"


def test_a_notice_number_under_its_heading_is_doc_number_not_the_title():
    text = (f"嘉兴市南湖区财政局关于下达2024年度共同富裕专项资金的通知\n南财〔2024〕12号\n{P2}\n")
    out, changes, meta = strip_boilerplate(text)
    assert out.split() == [P2]
    assert meta["title"] == "嘉兴市南湖区财政局关于下达2024年度共同富裕专项资金的通知"
    assert meta["doc_number"] == "南财〔2024〕12号"
    assert "kicker" not in meta
    assert "document number (文号) of a notice, kept as metadata (doc_number)" in reasons(changes)


def test_reporter_in_brackets_after_the_last_sentence_is_the_author():
    text = f"{P1}\n\n南湖区乡村旅游总收入约3000万元。(屈凌燕)\n\n(责任编辑:秦宇雯)\n"
    out, changes, meta = strip_boilerplate(text)
    assert meta["author"] == "屈凌燕"
    assert out == f"{P1}\n\n南湖区乡村旅游总收入约3000万元。\n\n"
    assert "(屈凌燕)" in removed(text, changes)


def test_brackets_inside_the_body_stay():
    text = f"整合村(社区)干部等服务资源。(社区)\n\n{P2}\n"
    out, changes, _ = strip_boilerplate(text)
    assert out == text and changes == []


def test_question_shaped_search_link_above_the_article_is_removed():
    text = f"临江街道:展新城面貌\n\n展城大道是什么街道的\n\n{P1}\n"
    out, changes, meta = strip_boilerplate(text)
    assert out.split() == [P1] and meta["title"] == "临江街道:展新城面貌"
    assert any(r.startswith("search suggestion") for r in reasons(changes))


def test_no_paragraph_means_no_header():
    text = "科技创新赋能高质量发展\n\n城乡一体绘就新图景\n"
    out, changes, meta = strip_boilerplate(text)
    assert out == text and changes == [] and meta == {}


# --- captions -------------------------------------------------------------------------------------------

def test_line_set_apart_by_a_wide_gap_is_a_marked_caption():
    text = f"{P1}\n\n\n\n婺城鸟瞰图\n\n优环境促就业 弹好富民增收进行曲\n\n{P2}\n\n{P3}\n"
    out, changes, _ = strip_boilerplate(text)
    assert "\n图：婺城鸟瞰图\n" in out
    assert "\n优环境促就业 弹好富民增收进行曲\n" in out
    (mark,) = changes
    assert mark.start == mark.end and mark.after == "图："


def test_photo_credit_and_photo_word_lines_are_marked():
    text = f"{P1}\n\n(本版图片均由吴潮宏提供)\n\n{P2}\n\n蒋堂镇移民新村村貌\n\n{P3}\n"
    out, changes, _ = strip_boilerplate(text)
    assert "图：(本版图片均由吴潮宏提供)" in out and "图：蒋堂镇移民新村村貌" in out
    assert "photo credit" in changes[0].reason


def test_section_heading_with_the_usual_gap_is_not_a_caption():
    text = f"{P1}\n\n科技创新赋能高质量发展\n\n{P2}\n"
    assert strip_boilerplate(text)[0] == text


def test_title_like_line_beginning_like_the_page_captions_is_a_caption():
    p4, p5 = "这些年,临江街道建成投用4所学校。", "产业的高质量发展离不开庞大的工人群体。"
    text = (f"{P1}\n\n\n\n临江街道迎接杭城第一缕阳光\n\n{P2}\n\n\n\n临江街道高颜值“美丽河湖”\n\n{P3}\n\n"
            f"临江街道向绿而生的美丽环境\n\n{p4}\n\n深化游园相融 推进融合型大社区建设\n\n{p5}\n")
    out, changes, _ = strip_boilerplate(text)
    assert "\n图：临江街道向绿而生的美丽环境\n" in out
    assert "\n深化游园相融 推进融合型大社区建设\n" in out  # a heading, not in the series
    assert sum("«临江街道…»" in r for r in reasons(changes)) == 1


def test_one_caption_is_not_a_series():
    text = f"{P1}\n\n\n\n临江街道迎接杭城第一缕阳光\n\n{P2}\n\n临江街道向绿而生的美丽环境\n\n{P3}\n"
    out, _, _ = strip_boilerplate(text)
    assert "\n临江街道向绿而生的美丽环境\n" in out


def test_series_caption_run_into_the_paragraph_after_a_cut_one_is_split_off():
    cut = "举办职工运动会等邻里文化活动30多场,在丰富产业工人业余文化活动的同时,不断增"
    merged = "临江街道构建“两纵三横”的路网体系 产业工人的聚集,也让所在 社区呈现出人口密度大的特点。"
    text = (f"{P1}\n\n\n\n临江街道迎接杭城第一缕阳光\n\n{P2}\n\n\n\n临江街道高颜值“美丽河湖”\n\n"
            f"{cut}\n\n{merged}\n")
    out, changes, _ = strip_boilerplate(text)
    assert "\n图：临江街道构建“两纵三横”的路网体系\n产业工人的聚集,也让所在 社区呈现出人口密度大的特点。\n" in out
    (split,) = [c for c in changes if c.after == "\n"]
    assert text[split.start:split.end] == " " and "run into the first line" in split.reason
    # the same line after a paragraph that ends its sentence is left as printed
    whole = text.replace(cut, P3)
    assert merged in strip_boilerplate(whole)[0]


def test_banner_of_very_short_lines_at_the_page_end_is_removed():
    tail = "蒋堂镇移民新村村貌\n\n(本版图片均由吴潮宏提供)\n\n我们走在\n大路上\n\n高质量发展建设\n\n共同富裕示范区\n\n"
    text = f"{P1}\n\n{P2}\n\n{P3}\n\n\n\n{tail}莘畈乡红盟志愿者将山玉米种子送到村民手中。\n"
    out, changes, _ = strip_boilerplate(text)
    assert "我们走在" not in out and "共同富裕示范区\n" not in out
    assert "图：蒋堂镇移民新村村貌" in out and "莘畈乡红盟志愿者" in out
    (banner,) = [c for c in changes if c.reason.startswith("page banner")]
    assert text[banner.start:banner.end] == "我们走在\n大路上\n\n高质量发展建设\n\n共同富裕示范区\n"


def test_short_lines_inside_the_body_or_too_few_are_not_a_banner():
    lines = "我们走在\n大路上\n\n共同富裕示范区\n\n"
    inside = f"{P1}\n\n{lines}{P2}\n\n{P3}\n"
    assert strip_boilerplate(inside)[0] == inside
    two = f"{P1}\n\n{P2}\n\n我们走在\n大路上\n"
    assert "我们走在\n大路上" in strip_boilerplate(two)[0]


# --- the lexicon ----------------------------------------------------------------------------------------

def test_every_lexicon_row_has_a_kind_a_pattern_and_a_reason():
    rules = load_rules()
    assert {"breadcrumb", "more", "tags", "editor", "copyright", "byline", "credit", "app"} <= {r.kind for r in rules}
    assert all(r.pattern.pattern and r.reason and r.reason[0] not in "0123456789}" for r in rules)


def test_a_pattern_split_by_an_unquoted_comma_is_refused(tmp_path):
    lexicon = tmp_path / "boilerplate.csv"
    lexicon.write_text("kind,pattern,reason\napp,^.{0,16}客户端$,app banner\n", encoding="utf-8")
    with pytest.raises(GongfuError, match=r"line 2 has more than kind,pattern,reason\. Quote the pattern"):
        load_rules(lexicon)


@pytest.mark.parametrize("line", ["下载浙江新闻客户端", "扫一扫，关注县融媒体中心", "长按识别二维码 阅读更多",
                                  "打开潮新闻APP下载", "更多精彩请下载本地App下载", "识别二维码进入报名页面"])
def test_app_banner_and_qr_code_lines_are_removed(line):
    out, changes, _ = strip_boilerplate(f"{P1}\n\n{line}\n\n{P2}\n")
    assert out.split() == [P1, P2]
    assert any("app banner" in c.reason for c in changes)


@pytest.mark.parametrize("line", [
    "全县已有3.2万户村民通过政务客户端办理医保、社保等事项，平均每件事办理时间缩短到15分钟以内。",  # prose
    "村里在每户门口贴上二维码，游客扫一扫就能看到这户人家的民宿价格、床位数和联系电话，去年接待游客增长了三成。",
])
def test_a_sentence_that_mentions_an_app_or_a_qr_code_stays(line):
    out, _, _ = strip_boilerplate(f"{P1}\n\n{line}\n")
    assert out.split() == [P1, line]


# --- properties -----------------------------------------------------------------------------------------

PIECES = st.sampled_from([
    P1, P2, P3, "红船起航地:着力打造共同富裕示范区", "首页 > 旅游", "中经搜索", "查看余下全文", "(责任编辑:秦宇雯)",
    "Tags:临江共富", "分享到：", "中国经济网版权及免责声明：", "1、凡本网注明的作品,版权均属于本网。", "张苑 余美娜",
    "2021年09月20日 10:37 来源:新华每日电讯", "由 杭州日报 发表于 旅游2023-01-25", "婺城鸟瞰图", "图：熊猫猪猪乐园",
    "(本版图片均由吴潮宏提供)", "总收入约3000万元。(屈凌燕)", "展城大道是什么街道的", f"简介{P1[:20]}",
    "优环境促就业 弹好富民增收进行曲", "科技创新赋能高质量发展", "临江街道迎接杭城第一缕阳光", "我们走在", "大路上",
    "图：临江街道高颜值“美丽河湖”", "临江街道向绿而生的美丽环境", "在丰富产业工人业余文化活动的同时,不断增",
    "临江街道构建“两纵三横”的路网体系 产业工人的聚集,也让所在", "共同富裕示范区",
])
LINES = st.lists(st.one_of(PIECES, st.text(alphabet="临江街道产业,。、图：()12 ", max_size=20)), max_size=14)
GAPS = st.sampled_from(["\n", "\n\n", "\n\n\n\n"])


@st.composite
def pages(draw):
    return "".join(line + draw(GAPS) for line in draw(LINES))


@settings(max_examples=300, deadline=None)
@given(pages())
def test_stripping_is_idempotent(text):
    once, _, _ = strip_boilerplate(text)
    twice, changes, _ = strip_boilerplate(once)
    assert twice == once and changes == []


@settings(max_examples=300, deadline=None)
@given(pages())
def test_every_removed_chinese_character_is_in_an_edit(text):
    out, changes, _ = strip_boilerplate(text)
    assert apply_changes(text, changes) == out
    assert all(c.reason for c in changes)
    in_edits = Counter(ch for c in changes for ch in CJK_RE.findall(text[c.start:c.end]))
    added = Counter(ch for c in changes for ch in CJK_RE.findall(c.after))
    assert Counter(CJK_RE.findall(out)) + in_edits == Counter(CJK_RE.findall(text)) + added
    assert all(c.after in ("", "图：") or (c.after == "\n" and not text[c.start:c.end].strip()) for c in changes)


# --- the real pages -------------------------------------------------------------------------------------

def raw(doc: str) -> str:
    return read_text(next(paths.RAW_DIR.glob(f"{doc}_*.txt"))).text


def test_web_page_with_its_body_twice_keeps_one_copy():
    text, _ = repair_mojibake(raw("002"))
    out, changes, meta = strip_boilerplate(text)
    body = repair_layout(out)[0].splitlines()
    assert body[0].startswith("7月底,浙江省公布了") and body[-1].endswith("总收入约3000万元。")
    assert len(body) == len(set(body)) == 20
    assert meta == {"title": "红船起航地:着力打造共同富裕示范区", "author": "屈凌燕", "published": "2021-09-20",
                    "publisher": "中国经济网", "source": "新华每日电讯"}
    assert sum("repeated copy of the article" in r for r in reasons(changes)) == 1
    assert not any(word in out for word in ("版权", "责任编辑", "查看余下全文", "当前位置", "分享到"))


def test_reprint_with_title_three_times_and_a_summary_keeps_the_body():
    text = opencc.OpenCC("t2s.json").convert(raw("000"))
    out, changes, meta = strip_boilerplate(text)
    body = repair_layout(out)[0].splitlines()
    assert body[0].startswith("“今年种了1000亩左右的西瓜")
    assert body[-1] == "环境美、精神富、腰包鼓,临江在共富路上越跑越稳。"
    assert sum(line.startswith("2022年是钱塘区") for line in body) == 1
    assert meta["published"] == "2023-01-25" and meta["publisher"] == "杭州日报"
    assert meta["title"].startswith("临江街道:展新城面貌")
    assert sum(r.startswith("duplicate: repeats the title") for r in reasons(changes)) == 2


def test_newspaper_feature_gets_title_authors_and_marked_captions():
    out, _, meta = strip_boilerplate(raw("004"))
    body = repair_layout(out)[0].splitlines()
    assert meta["author"] == "张苑 余美娜 傅伟炎 陆欣" and meta["title"] == "婺城：踔厉奋发 合奏幸福交响乐"
    assert body[0].startswith("总投资15亿元的锦凯项目开工")
    assert {"图：婺城鸟瞰图", "图：熊猫猪猪乐园", "图：蒋堂镇移民新村村貌", "图：(本版图片均由吴潮宏提供)"} <= set(body)
    assert not {"我们走在", "大路上", "共同富裕示范区"} & set(body)  # the page banner
    assert any(line.endswith("将一定数量的基层党组织整合成党建共同体。") for line in body)


def test_clean_web_text_loses_only_its_title():
    text = raw("003")
    out, changes, meta = strip_boilerplate(text)
    assert len(changes) == 1 and out == text[changes[0].end:]
    assert meta["title"].startswith("聞堰搶抓")


def test_boilerplate_then_layout_settles_on_the_real_pages():
    def chain(text):
        return repair_layout(strip_boilerplate(text)[0])[0]

    for text in (repair_mojibake(raw("002"))[0], raw("001"), raw("004"), raw("003")):
        once = chain(text)
        assert chain(once) == once


def test_ocr_scan_columns_read_across_are_rebuilt_once_the_caption_is_split_off():
    lines = repair_layout(strip_boilerplate(raw("001"))[0])[0].splitlines()
    at = next(n for n, line in enumerate(lines) if line.endswith("不断增强产业工人的获得感。"))
    assert lines[at + 1] == "图：临江街道构建\"两纵三横\"的路网体系"
    assert lines[at + 2].startswith("产业工人的聚集,也让所在社区")
    assert lines[at + 2].endswith("全力推进融合型大社区大单元建设,不断做大融合治理,做实融合服务。")
    assert "图：临江街道向绿而生的美丽环境" in lines


@pytest.mark.parametrize("line", ["CopyRight 2005-2023 某某网 版本", "COPYRIGHT © 某某网", "All Rights Reserved 某某网",
                                  "all rights reserved", "浙ICP备05000000号"])
def test_copyright_lines_are_found_in_any_letter_case(line):
    out, changes, _ = strip_boilerplate(f"{P1}\n\n{line}\n")
    assert out.split() == [P1]
    assert "copyright" in changes[0].reason


def test_a_reporter_name_closing_the_last_paragraph_becomes_the_author_and_only_there():
    text = f"{P1}\n\n{P2}（记者 王小明）\n"
    out, _, meta = strip_boilerplate(text)
    assert meta["author"] == "王小明" and out.split() == [P1, P2]
    kept = f"{P1}\n\n{P2}（记者 王小明）补记。\n"  # the bracket no longer closes the line
    assert "author" not in strip_boilerplate(kept)[2]


_LINE_PIECES = ["当前位置：", "首页", " > ", "新闻", "分享到", "版权所有", "Copyright", "©", "2021年09月20日",
                "来源：", "新华网", "记者", "张伟", "责任编辑：", "查看全文", "关注我们", "ICP备", "第3版", "共5页",
                "临江街道", "增长7.7%", "，", "。", " ", "Tags:", "扫码下载", "客户端", "完"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_LINE_PIECES), min_size=1, max_size=8).map("".join), st.booleans())
def test_the_needle_index_finds_the_same_line_rule_as_trying_them_all(text, prev_footer):
    full, quick = _Line(0, 0, len(text), 0, len(text), text), _Line(0, 0, len(text), 0, len(text), text)
    view = close_spaces(text)
    _classify(full, prev_footer)
    _classify(quick, prev_footer, view, line_rules()[1].candidates([view])[0])

    assert (quick.kind, quick.reason, quick.group, quick.meta) == (full.kind, full.reason, full.group, full.meta)


_SHAPE_PIECES = [*_LINE_PIECES, "图：", "图:", "\u3000", "\t", "\u00a0", "一", "3", "；", "、", "!", "?", "1一8月"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_SHAPE_PIECES), min_size=1, max_size=8).map("".join))
def test_a_line_record_holds_what_the_rules_would_ask_of_its_text(text):
    line = _Line(0, 0, len(text), 0, len(text), text)

    assert (line.caption, line.prose, line.visible, line.key) == (
        is_caption(text), is_prose(text), visible_len(text), squeeze(text))
    if not line.spaced and "一" not in text:  # then _strip_pass takes the text as its own view
        assert close_spaces(text) == text


_REAL_FILES = [*sorted(paths.RAW_DIR.glob("*.txt")), *sorted((paths.ROOT / "data/heldout/texts").glob("*.txt")),
               *sorted(paths.PROCESSED_DIR.glob("clean/*.txt")), *sorted(Path(__file__).parent.glob("pages/*.txt")),
               *sorted(Path(__file__).parent.glob("pages/*.md"))]
# raw, held-out and cleaned texts and the test pages in plain text or Markdown: the lines real pages are made of
REAL_LINES = sorted({line for p in _REAL_FILES for line in read_text(p).text.splitlines()})


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(REAL_LINES), st.sampled_from(_SHAPE_PIECES)), max_size=30), GAPS,
       st.sampled_from([{}, {"title": "红船起航地:着力打造共同富裕示范区"}, {"page_title": "临江街道_杭州日报"}]))
def test_a_strip_pass_with_the_page_wide_scans_is_the_pass_line_by_line(lines, gap, hints):
    text = gap.join(lines)
    assert _strip_pass(text, hints) == _strip_pass(text, hints, quick=False)


@pytest.mark.parametrize("page", [
    f"2021一09一20\n{P1}\n",  # a dateline OCR printed with 一 for its dashes, in a line without a space
    f"{P1}\n\n简介：{P2}\n",  # an abstract's label
    f"{P1}［1］\n\n{P2}\n",  # a footnote marker
    f"{P1}\n\n摘要：{P1[:20]}\n",  # a summary that repeats the start of a paragraph
    f"{P1}\n\n{P2}（记者 王小明）\n",  # a long line with a reporter's name at its end
    f"{P1}\n\n\n婺城鸟瞰图\n\n\n{P2}\n",
])
def test_pages_the_page_wide_scans_must_not_skip_are_stripped_as_line_by_line(page):
    assert _strip_pass(page, {}) == _strip_pass(page, {}, quick=False)


def test_every_inline_rule_needs_one_of_the_brackets_looked_for():
    """_inline_changes tries the footnote and edit-link rules only on lines holding one of BRACKETS."""
    from gongfu.clean.boilerplate import BRACKETS, INLINE_KINDS, rules
    from gongfu.clean.prefilter import needles_of

    for kind in INLINE_KINDS:
        for rule in rules(kind):
            found = needles_of(rule.pattern)
            assert found and all(any(b in n for b in BRACKETS) for n in found)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(REAL_LINES), st.sampled_from(_SHAPE_PIECES)), min_size=1, max_size=30),
       st.sampled_from(["", "\n"]))
def test_a_page_the_cheap_scan_clears_is_one_the_pass_leaves_as_it_is(lines, end):
    text = "\n".join(lines) + end  # no blank line: the pages the scan can clear
    if _untouched(text):
        assert _strip_pass(text, {}, quick=False) == (text, [], {})
    assert _strip_pass(text, {}) == _strip_pass(text, {}, quick=False)


@pytest.mark.parametrize("path", sorted(paths.PROCESSED_DIR.glob("clean/*.txt")), ids=lambda p: p.name[:3])
def test_cleaned_text_passes_the_cheap_scan(path):
    assert _untouched(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("page", [
    f"{P1}\n婺城鸟瞰图\n{P2}\n",  # a photo word makes a caption without a gap
    f"{P1}\n{P2}\n{P2}\n",  # a repeat
    f"优环境促就业\n{P1}\n",  # a header above the first paragraph
    f"{P1}\n图：临江街道迎接杭城第一缕阳光\n图：临江街道高颜值\n临江街道向绿而生的美丽环境\n{P2}\n",  # a caption series
    f"{P1}\n{P2}\n首页 | 新闻 | 旅游 | 关于我们\n",  # a menu row
    f"{P1}\n{P2}\n县领导调研烧饼产业 2024-03-02\n",  # another article's link
    f"{P1}（记者 王小明）\n",  # a reporter's name closing the last paragraph
    f"{P1}\n\n{P2}\n",  # a blank line
    f"{P1}\n简介：{P2}\n",  # an abstract's label
    f"{P1}\n关注我们\n",  # a line rule
])
def test_pages_the_cheap_scan_must_not_clear(page):
    assert not _untouched(page)
    assert _strip_pass(page, {}) == _strip_pass(page, {}, quick=False)
