"""Mojibake: UTF-8 read as GBK is re-read exactly; what the first decoder threw away is flagged, never guessed."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from gongfu.clean.chars import LOST
from gongfu.clean.mojibake import mojibake_changes, repair_mojibake


def garble(text: str) -> str:
    """What the 002 footer went through: UTF-8 bytes decoded as GB18030 (user-defined pairs become PUA)."""
    return text.encode("utf-8").decode("gb18030", errors="replace")


def test_a_garbled_line_is_read_back_exactly():
    text = garble("分享到：") + "\n红船起航地：着力打造共同富裕示范区\n"

    fixed, changes = repair_mojibake(text)

    assert fixed == "分享到：\n红船起航地：着力打造共同富裕示范区\n"
    assert len(changes) == 1 and not changes[0].lost


def test_private_use_characters_map_back_to_their_bytes():
    garbled = garble("中国经济网的作品")  # 中 becomes 涓 plus a private-use character

    assert re.search("[\ue000-\uf8ff]", garbled)
    assert repair_mojibake(garbled)[0] == "中国经济网的作品"


def test_a_byte_the_first_decoder_dropped_is_a_flagged_loss():
    garbled = garble("关于中国经济网")  # odd number of bytes: the last one became U+FFFD

    fixed, changes = repair_mojibake(garbled)

    assert "\ufffd" in garbled
    assert fixed == "关于中国经济" + LOST
    assert changes[0].lost and "lost" in changes[0].reason


def test_ordinary_chinese_and_traditional_text_are_left_alone():
    text = "今年72岁的朱水源是南湖区建设街道南杨社区第四党支部书记。\n臨江街道:展新城面貌 繪幸福圖景\n"

    assert repair_mojibake(text) == (text, [])


def test_a_garbled_token_in_an_ordinary_line_is_repaired_alone():
    text = "精彩图片 " + garble("版权声明") + " 广告服务"

    fixed, changes = repair_mojibake(text)

    assert fixed == "精彩图片 版权声明 广告服务"
    assert text[changes[0].start:changes[0].end] == garble("版权声明")


def test_a_narrowed_full_width_letter_completes_the_sequence():
    # 京ＩＣＰ: the full-width Ｉ after 京's bytes was garbled, then narrowed to ASCII I
    raw = "京Ｉ号码".encode().decode("gb18030", errors="replace")
    narrowed = "".join(chr(ord(c) - 0xFEE0) if "\uff01" <= c <= "\uff5e" else c for c in raw)

    fixed, _ = repair_mojibake(narrowed)

    assert fixed == "京Ｉ号码"


_WORDS = ["共同富裕", "示范区", "临江街道", "钱塘区", "产业工人", "同比增长", "规上工业", "社区", "志愿者",
          "，", "。", "：", "“", "”", "、", "1-8月", "2021年", "GDP", " "]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_WORDS), min_size=2, max_size=30).map("".join))
def test_any_garbled_chinese_is_read_back_or_flagged(text):
    garbled = garble(text)

    fixed, changes = repair_mojibake(garbled)

    if "\ufffd" not in garbled and len(re.findall("[\u4e00-\u9fff]", text)) >= 2:
        assert fixed == text
    assert all(c.lost == (LOST in c.after) for c in changes)


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_WORDS), max_size=30).map("".join))
def test_chinese_text_that_was_never_garbled_is_never_touched(text):
    assert repair_mojibake(text)[0] == text


_LINES = [garble("分享到：微信朋友圈"), garble("中国经济网 版权所有"), garble("关于中国经济网"),
          "红船起航地：着力打造共同富裕示范区", "临江街道\u00a0\u00a0社区",
          "共同富裕 " + garble("网站总机：010-81025111"), "😀" + garble("扫一扫"), garble("京Ｉ号码"),
          "€\ufffd\ue000", "\x00", "", "2021年 GDP"]


@settings(max_examples=300, deadline=None)  # a property, not a timing: a loaded machine must not fail it
@given(st.lists(st.sampled_from(_LINES), max_size=12))
def test_each_line_is_repaired_as_if_it_stood_alone(lines):
    # the whole text is re-read at once to find the lines worth a look: that must change nothing
    fixed, changes = repair_mojibake("\n".join(lines))

    assert fixed == "\n".join(repair_mojibake(line)[0] for line in lines)
    assert len(changes) == sum(len(repair_mojibake(line)[1]) for line in lines)


_MOJIBAKE_PIECES = ["临江街道", "共同富裕示范区", "，", "。", " ", "\u3000", "\n", "GDP", "2021", "https://ce.cn",
                    garble("分享到："), garble("版权所有"), garble("关于中国经济网"), garble("中国经济网的作品"),
                    "ｈｔｔｐ", "\ufffd", "€", "臨江", "（lǜ）"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_MOJIBAKE_PIECES), max_size=30).map("".join))
def test_the_cheap_scan_skips_only_lines_that_would_not_be_repaired(text):
    assert mojibake_changes(text) == mojibake_changes(text, quick=False)
