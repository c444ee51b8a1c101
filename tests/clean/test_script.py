"""Script: Simplified is never converted, mainland-worded Traditional gets t2s, Taiwan-worded gets tw2sp phrasing."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongfu.clean.edits import apply_changes
from gongfu.clean.script import check_conversion, conversion_audit, convert_script, detect, load_phrases
from gongfu.errors import GongfuError

TAIWAN = ("臨江街道高新社群成立時間短,有不少職工到社群反應。奮力打造“重要視窗”。近日,臨江釋出《扶持農業發展若干政策》。"
          "建設完成錢塘區首個康養聯合體專案。居民對家鄉的美麗建立也格外支援。臨江街道的核心區塊。")
MAINLAND = ("聞堰街道主要經濟指標呈現明顯上升態勢。完成規上數字經濟核心產業增加值2237萬元。"
            "乘著亞運東風,新增5名持證養老護理員。著名企業落戶。")
SIMPLIFIED = "家住婺城区乾西乡移民小康社区的陶伙林一家对此深有感触。下山搬迁到乾西移民小康社区已有10多年。"


def _apply(text: str, result) -> str:
    for changes in result.passes:
        text = apply_changes(text, changes)
    return text


def test_simplified_text_is_never_converted():
    result = convert_script(SIMPLIFIED)

    assert result.text == SIMPLIFIED and result.passes == []
    assert (result.choice.script, result.choice.conversion) == ("simplified", "none")


def test_mainland_worded_traditional_gets_t2s_and_keeps_its_words():
    result = convert_script(MAINLAND)

    assert result.choice.conversion == "t2s"
    assert "经济指标" in result.text and "核心产业" in result.text and "新增5名" in result.text
    assert "指针" not in result.text and "内核" not in result.text and "添加" not in result.text
    assert "乘着亚运" in result.text and "著名企业" in result.text  # the variant fix, and only where right


def test_taiwan_worded_traditional_gets_mainland_phrasing():
    result = convert_script(TAIWAN)

    assert result.choice.conversion == "tw2sp"
    for word in ("高新社区", "重要窗口", "临江发布", "康养联合体项目", "美丽创建", "格外支持"):
        assert word in result.text, word
    assert "核心区块" in result.text  # tw2sp would make it 内核: refused by the phrase table


def test_the_passes_rebuild_the_converted_text_from_the_input():
    for text in (TAIWAN, MAINLAND):
        result = convert_script(text)

        assert _apply(text, result) == result.text
        assert all(c.reason.startswith("script:") for p in result.passes for c in p)


def test_a_named_config_is_used_even_on_simplified_text_and_says_so():
    result = convert_script(SIMPLIFIED, "t2s")

    assert "干西乡" in result.text
    assert result.choice.forced and "set by the conversion parameter" in result.choice.evidence()


def test_an_unknown_config_is_refused_with_the_choices():
    with pytest.raises(GongfuError, match="tw2sp"):
        check_conversion("t2simplified")


def test_one_taiwan_phrase_is_not_enough_evidence():
    text = "南湖區建設街道以支援為主。" * 3  # 支援 alone is also mainland wording (支援湖北)

    assert detect(text).conversion == "t2s"


def test_the_audit_measures_over_conversion_in_both_directions():
    simplified_rows = conversion_audit(SIMPLIFIED, convert_script(SIMPLIFIED))
    mainland_rows = conversion_audit(MAINLAND, convert_script(MAINLAND))
    taiwan_rows = conversion_audit(TAIWAN, convert_script(TAIWAN))

    t2s_damage = [r for r in simplified_rows if r["config"] == "t2s" and r["verdict"] == "damage"]
    assert t2s_damage and all("乾西" in r["before"] and "干西" in r["after"] and not r["applied"] for r in t2s_damage)
    damage = {(r["before"], r["after"]) for r in mainland_rows if r["verdict"] == "damage"}
    assert {("指标", "指针"), ("核心", "内核")} <= damage
    assert not any(r["applied"] for r in mainland_rows if r["verdict"] == "damage")
    right = {(r["before"], r["after"]) for r in taiwan_rows if r["verdict"] == "right" and r["applied"]}
    assert {("社群", "社区"), ("视窗", "窗口"), ("释出", "发布"), ("专案", "项目"), ("支援", "支持")} <= right


def test_the_phrase_table_has_every_kind():
    table = load_phrases()

    assert table.evidence["社群"] == "社区" and table.deny["指标"] == "指针"
    assert table.extra["透过"] == "通过" and table.variant["著"] == "着"


_SIMPLIFIED_WORDS = ["共同富裕", "示范区", "乾西乡", "临江街道", "核心", "指标", "社区", "发展", "，", "。", "2021年"]


@given(st.lists(st.sampled_from(_SIMPLIFIED_WORDS), max_size=40).map("".join))
def test_auto_never_converts_simplified_text(text):
    assert convert_script(text).text == text


def test_only_the_traditional_lines_of_a_simplified_text_are_converted():
    text = SIMPLIFIED + "\n" + SIMPLIFIED + "\n" + SIMPLIFIED + "\n臨江街道高新社區成立時間短。\n"

    result = convert_script(text)

    assert result.choice.script == "mixed" and result.choice.conversion == "t2s"
    assert result.text == SIMPLIFIED + "\n" + SIMPLIFIED + "\n" + SIMPLIFIED + "\n临江街道高新社区成立时间短。\n"


def test_converting_twice_changes_nothing_more():
    for text in (TAIWAN, MAINLAND, SIMPLIFIED + "\n臨江街道高新社區成立時間短。"):
        once = convert_script(text).text

        assert convert_script(once).text == once


_MIXED = ["臨江", "社區", "乾西乡", "著名", "社区", "核心", "，", "\n", "a"]


@given(st.lists(st.sampled_from(_MIXED), max_size=30).map("".join))
def test_traditional_characters_per_line_at_once_as_run_by_run(text):
    from gongfu.clean.script import _line_spans, _regions, _traditional_per_line, _traditional_per_line_at_once, convert

    simplified = convert(text, "t2s")
    lines = _line_spans(text)

    assert _traditional_per_line_at_once(text, simplified, lines) == \
        _traditional_per_line(text, "", lines, list(_regions(text, simplified)))


# --- the cheap scan before detection -----------------------------------------------------------------------

@pytest.mark.parametrize("text, maybe", [
    (SIMPLIFIED, False),  # 乾 is standard Simplified: nothing to scan for
    ("临江街道·钱塘区 2021年“共同富裕”示范区建设。", False),  # punctuation outside GB2312 (·) is not Chinese
    (SIMPLIFIED + "臨", True),  # one Traditional-only character is enough
    ("社區", True),
    ("东\uf900西", True),  # a compatibility ideograph (OpenCC normalises it)
    ("临江\U00020000街道", True),  # an astral ideograph (extension B)
    ("临江\udc80街道", True),  # a byte kept as a lone surrogate
    ("", False),
])
def test_the_scan_finds_every_character_that_could_be_traditional_only(text, maybe):
    from gongfu.clean.script import may_be_traditional

    assert may_be_traditional(text) is maybe


def test_opencc_changes_no_character_outside_the_scanned_blocks_on_its_own():
    from gongfu.clean.script import SCANNED_BLOCKS, convert

    outside = [chr(c) for c in range(0x80, 0x10000) if not 0xD800 <= c <= 0xDFFF and c != 0x0A
               and not any(lo <= c <= hi for lo, hi in SCANNED_BLOCKS)]
    for config in ("t2s", "tw2sp"):
        changed = [c for c, out in zip(outside, convert("\n".join(outside), config).split("\n"), strict=True)
                   if c != out]
        assert changed == [], config


@pytest.mark.parametrize("text, conversion, plain", [
    (SIMPLIFIED, "auto", True),
    (SIMPLIFIED, "t2s", False),  # a named config always runs (and converts 乾西)
    (SIMPLIFIED + "\n" + "家住婺城区乾西乡。" * 8 + "區", "auto", False),  # one Traditional-only character
    (MAINLAND, "auto", False),
])
def test_only_plainly_simplified_text_skips_detection(text, conversion, plain):
    from gongfu.clean.script import plainly_simplified

    choice = plainly_simplified(text, conversion)

    assert (choice is not None) is plain
    if plain:
        full = detect(text)
        assert (choice.script, choice.conversion, choice.evidence()) == \
            (full.script, full.conversion, full.evidence())


_SCAN_ALPHABET = ["乾西乡", "著名", "社区", "核心", "臨", "區", "·", "\uf900", "𠀀", "，", "\n", "a", "於", "後"]


@given(st.lists(st.sampled_from(_SCAN_ALPHABET), max_size=30).map("".join))
def test_a_text_the_scan_clears_has_no_traditional_only_character(text):
    from gongfu.clean.script import plainly_simplified

    choice = plainly_simplified(text)
    if choice is not None:
        full = detect(text)
        assert full.t2s_changed == 0 and full.conversion == "none"
        assert choice.evidence() == full.evidence() and convert_script(text).passes == []
