"""The cleaning chain: order, parameters, status, the shape of the output, and the rules that hold for all input."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongfu import paths
from gongfu.clean import STEPS, clean_text
from gongfu.clean.chain import paragraph_changes
from gongfu.clean.chars import CJK_RE, LOST
from gongfu.clean.mojibake import repair_mojibake
from gongfu.clean.script import convert
from gongfu.errors import GongfuError
from gongfu.sources import decode_bytes


def garble(text: str) -> str:
    return text.encode("utf-8").decode("gb18030", errors="replace")


def cjk(text: str) -> Counter[str]:
    return Counter(CJK_RE.findall(text))


# --- the chain -------------------------------------------------------------------------------------------

def test_pinyin_script_and_punctuation_in_one_pass_with_raw_offsets():
    raw = "聞堰搶抓機(jī)遇,打造現(xiàn)代社區(qū)。"

    result = clean_text(raw, steps=["pinyin", "script", "punctuation"])

    assert result.text == "闻堰抢抓机遇，打造现代社区。\n"
    for edit in result.edits:
        assert raw[edit.raw_start:edit.raw_end] == edit.before or edit.step != "pinyin"
    (ji,) = [e for e in result.edits if e.step == "script" and e.after.startswith("机")]
    assert raw[ji.raw_start] == "機"


def test_mojibake_is_repaired_before_any_conversion():
    raw = garble("分享到：中国经济网的作品") + "\n臨江街道高新社區成立時間短,轄區內全是外來人口。\n"

    result = clean_text(raw, steps=["mojibake", "script", "punctuation"])

    assert result.text.startswith("分享到：中国经济网的作品\n")
    # converting first would have rewritten the garbled characters beyond repair
    assert repair_mojibake(convert(garble("分享到：中国经济网的作品"), "t2s"))[0] != "分享到：中国经济网的作品"


def test_steps_run_in_chain_order_whatever_order_they_are_given_in():
    raw = "機(jī)遇,現(xiàn)代"
    given_backwards = clean_text(raw, steps=["punctuation", "pinyin"])

    assert given_backwards.text == clean_text(raw, steps=["pinyin", "punctuation"]).text


def test_an_unknown_step_is_refused_with_the_known_ones():
    with pytest.raises(GongfuError, match="mojibake, shift, pinyin"):
        clean_text("共富", steps=["pinyin", "spelling"])


def test_a_named_conversion_is_used_and_recorded():
    result = clean_text("家住婺城区乾西乡移民小康社区。", conversion="t2s", steps=["script"])

    assert "干西乡" in result.text and result.conversion == "t2s"
    assert "set by the conversion parameter" in result.conversion_evidence


def test_fix_counts_cover_every_step_and_leave_flags_out():
    result = clean_text("機(jī)遇,現(xiàn)代", steps=["pinyin", "punctuation"])

    assert list(result.fixes()) == list(STEPS)
    assert result.fixes()["pinyin"] == 2 and result.fixes()["punctuation"] == 1 and result.fixes()["script"] == 0


# --- status ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("raw", ["", "  \n\n ", "Page not found\n"])
def test_nothing_chinese_left_is_a_failure_with_a_reason(raw):
    result = clean_text(raw)

    assert result.status == "failed" and result.reason


def test_a_lost_character_left_in_the_text_is_a_warning_that_says_so():
    result = clean_text("“我們根據居民的需求,重點進行調研?!?月27日,聞堰街道通過對居民收集需求。\n")

    assert LOST in result.text
    assert result.status == "warning" and f"marked {LOST}" in result.reason


def test_a_clean_text_is_ok_with_no_reason():
    result = clean_text("临江街道已拥有规上工业企业104家，其中十亿元以上17家。\n")

    assert (result.status, result.reason) == ("ok", "")


# --- output shape and the rules for all input --------------------------------------------------------------

_LINES = [
    "临江街道已拥有规上工业企业104家,其中十亿元以上17家。",
    "臨江街道高新社群成立時間短,有不少職工到社群反應。",
    "奮力打造“重要視窗”,臨江釋出《扶持農業發展若干政策》。",
    "聞堰搶抓“蕭濱一體化”機(jī)遇 打造現(xiàn)代社區(qū)建設",
    "主要經濟指標呈現明顯上升態勢,完成規上數字經濟核心產業增加值2237萬元。",
    "日出钱塘, 潮起临江。这 里是杭城迎接 第一缕阳光的",
    "据最新统计,今年1一8月,临江高 科园规上工业总产值达489.12亿元,同",
    "比增长7.7%,增速位居钱塘区六大产业平台第二。",
    '持续为"环境美""生活美"注入强劲动力',
    "家住婺城区乾西乡移民小康社区的陶伙林一家对此深有感触。",
    "(责任编辑:秦宇雯)",
    "查看余下全文",
    "Tags:臨江共富農業街道",
    garble("分享到：中国经济网的作品"),
    "２０２１年ＧＤＰ增长",
    "",
    "   ",
]


@st.composite
def documents(draw) -> str:
    lines = draw(st.lists(st.sampled_from(_LINES), min_size=1, max_size=10))
    if draw(st.booleans()) and lines:  # a repeated body line, as web pages have
        lines.append(lines[0])
    return "\n".join(lines) + draw(st.sampled_from(["", "\n", "\n\n"]))


_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(documents())
def test_cleaning_is_idempotent(raw):
    once = clean_text(raw).text

    assert clean_text(once).text == once


@_SETTINGS
@given(documents())
def test_every_chinese_character_of_the_raw_text_is_kept_or_in_an_edit(raw):
    result = clean_text(raw)

    accounted = cjk(result.text) + sum((cjk(e.before) for e in result.edits), Counter())
    assert not cjk(raw) - accounted


@_SETTINGS
@given(documents())
def test_the_text_is_one_paragraph_per_line_and_every_edit_points_into_the_raw_text(raw):
    result = clean_text(raw)

    if result.text:
        assert result.text.endswith("\n") and "\n\n" not in result.text
        assert all(line == line.strip() and line for line in result.text.splitlines())
    assert all(0 <= e.raw_start <= e.raw_end <= len(raw) for e in result.edits)


# --- the five raw texts ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def cleaned() -> dict[str, tuple[str, object]]:
    out = {}
    for path in sorted(paths.RAW_DIR.glob("0*.txt")):
        raw = decode_bytes(path.read_bytes(), path.name).text
        out[path.stem[:3]] = (raw, clean_text(raw))
    return out


def test_simplified_text_is_never_converted(cleaned):
    _, result = cleaned["004"]

    assert result.conversion == "none" and "乾西乡" in result.text
    assert result.audit == [] and not any(e.step == "script" for e in result.edits)  # cleared by the scan


# --- the script step's cheap scan: skipped only where nothing could be converted -----------------------------

_PLAIN = "家住婺城区乾西乡移民小康社区的陶伙林一家对此深有感触。"


@pytest.mark.parametrize("raw, converted, audited", [
    (_PLAIN + "\n", False, False),  # Simplified throughout (乾 is standard Simplified): no conversion, no audit
    ("臨江\n", True, True),  # one Traditional-only character in a short line is still converted and audited
    (_PLAIN * 4 + "區\n", False, True),  # one in a long Simplified line: audited (t2s would change it), kept
    ("<p>" + _PLAIN + "</p>\n<p>臨江</p>\n", True, True),  # found after the markup step, not in the raw bytes
])
def test_the_script_step_runs_its_audit_wherever_a_character_could_be_traditional_only(raw, converted, audited):
    result = clean_text(raw)

    assert any(e.step == "script" for e in result.edits) is converted
    assert bool(result.audit) is audited
    assert any(r["config"] == "t2s" for r in result.audit) is audited


def test_a_named_conversion_runs_even_where_the_scan_clears_the_text():
    result = clean_text(_PLAIN + "\n", conversion="t2s")

    assert "干西乡" in result.text and result.audit


def test_mainland_worded_traditional_gets_t2s_only(cleaned):
    _, result = cleaned["003"]

    assert result.conversion == "t2s"
    assert "经济指标" in result.text and "核心产业" in result.text
    assert "指针" not in result.text and "内核" not in result.text
    assert not re.search(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]", result.text)


def test_taiwan_worded_traditional_gets_mainland_phrasing(cleaned):
    _, result = cleaned["000"]

    assert result.conversion == "tw2sp"
    for taiwan, mainland in (("社群", "社区"), ("视窗", "窗口"), ("释出", "发布"), ("专案", "项目"), ("支援", "支持")):
        assert mainland in result.text and taiwan not in result.text


def test_the_garbled_footer_is_repaired_then_removed_and_the_body_kept_once(cleaned):
    _, result = cleaned["002"]

    assert repair_mojibake(result.text)[1] == [] and "\ufffd" not in result.text and LOST not in result.text
    assert result.text.count("7月底，浙江省公布了高质量发展建设共同富裕示范区首批试点名单") == 1
    assert any(e.step == "mojibake" and e.lost for e in result.edits)
    assert result.status == "ok" and "not affected" in result.reason


def test_every_chinese_character_of_each_raw_text_is_kept_or_in_an_edit(cleaned):
    for raw, result in cleaned.values():
        accounted = cjk(result.text) + sum((cjk(e.before) for e in result.edits), Counter())
        assert not cjk(raw) - accounted


def test_each_cleaned_text_is_a_fixed_point(cleaned):
    for _, result in cleaned.values():
        assert clean_text(result.text).text == result.text


# --- the stage: folders in, tables out ------------------------------------------------------------------------

def test_clean_stage_writes_texts_and_tables_with_fix_counts(raw_copy, tmp_path):
    from gongfu.clean.document import DOCUMENT_COLUMNS, FIX_COLUMNS
    from gongfu.run.stages import clean_stage
    from gongfu.tables import read_csv

    with pytest.warns(UserWarning):  # 001 and 003 carry warnings
        docs, edits = clean_stage(raw_copy, tmp_path / "out", progress=False)

    assert list(read_csv(tmp_path / "out" / "documents.csv").columns) == DOCUMENT_COLUMNS
    assert (docs[FIX_COLUMNS].sum(axis=1) + docs["flagged"] <= docs["edits"]).all()
    assert set(edits["step"]) <= {*STEPS, "paragraphs"}
    conversions = read_csv(tmp_path / "out" / "conversions.csv")
    assert {"needed", "damage", "right"} <= set(conversions["verdict"])
    assert len(list((tmp_path / "out" / "clean").glob("*.txt"))) == len(docs)


def test_clean_stage_refuses_bad_parameters_before_writing_anything(raw_copy, tmp_path):
    from gongfu.run.stages import clean_stage

    with pytest.raises(GongfuError, match="unknown cleaning step"):
        clean_stage(raw_copy, tmp_path / "out", steps="pinyin,typos", progress=False)
    with pytest.raises(GongfuError, match="not an OpenCC config"):
        clean_stage(raw_copy, tmp_path / "out", conversion="zh-cn", progress=False)
    assert not (tmp_path / "out").exists()


def test_strict_turns_warnings_into_a_failure_after_writing_the_tables(raw_copy, tmp_path):
    from gongfu.run.stages import clean_stage

    with pytest.raises(GongfuError, match="strict cleaning"), pytest.warns(UserWarning):
        clean_stage(raw_copy, tmp_path / "out", strict=True, progress=False)
    assert (tmp_path / "out" / "documents.csv").is_file()


@given(st.text(alphabet=st.sampled_from(["\u33ff", "\u3400", "\u4dbf", "\u4dc0", "\u4e00", "\u9fff", "\ua000",
                                         "\uf8ff", "\uf900", "\ufaff", "\ufb00", "a", " ", "\udc80", "𠀀", "，"]),
               max_size=200))
def test_cjk_count_counts_what_the_cjk_pattern_matches(text):
    from gongfu.clean.chars import cjk_count

    assert cjk_count(text) == len(CJK_RE.findall(text))


# --- the before/after sample ----------------------------------------------------------------------------

def test_the_sample_is_the_line_with_most_kinds_of_fix_not_the_one_with_most_fixes():
    raw = "第一段,有逗号,还有逗号,又一个逗号,再一个。\n\n创新服务机(jī)制,很好。\n"
    result = clean_text(raw)
    assert result.sample == ("创新服务机(jī)制,很好。", "创新服务机制，很好。")


def test_the_sample_centres_on_the_rarest_kind_of_fix_in_a_long_line():
    long_line = "，".join(["这是一个很长的句子用来测试"] * 12) + ",结尾是创新服务机(jī)制。"
    raw = "第一段,有逗号,还有逗号。\n" + long_line + "\n"
    before, after = clean_text(raw).sample
    assert "(jī)" in before and "机制" in after
    assert len(before) <= 80


def test_a_text_without_fixes_has_no_sample():
    assert clean_text("第一段。\n第二段。\n").sample == ("", "")


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["临江街道。", " ", "\u3000", "\t", "\u00a0", "\ufeff", "\n", "\r", "a b", "图：x"]),
                max_size=12).map("".join))
def test_paragraph_changes_seen_at_one_look_are_the_changes_found_line_by_line(text):
    assert paragraph_changes(text) == paragraph_changes(text, quick=False)
