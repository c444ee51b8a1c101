"""Whether a figure happened: actual, plan or projection, from the cues before it in its sentence."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongfu.extract.sentences import CLAUSE_END
from gongfu.extract.status import _FUTURE_JIANG, _TARGET_YEAR, status


def status_of(sentence: str, mention: str) -> str:
    at = sentence.index(mention)
    lead = sentence[:at]
    clause_start = max((m.end() for m in CLAUSE_END.finditer(lead)), default=0)
    return status(lead, lead[clause_start:])


@pytest.mark.parametrize(("sentence", "mention", "expected"), [
    ("去年全区完成固定资产投资96亿元。", "96亿元", "actual"),
    ("明年该区计划新建幼儿园4所。", "4所", "plan"),
    ("全县力争到2026年实现旅游收入30亿元。", "30亿元", "plan"),
    ("按照目标，村集体收入要突破200万元。", "200万元", "plan"),
    ("到2030年，全市森林覆盖率达到65%。", "65%", "plan"),
    ("新馆将于年底开放，届时可容纳观众3000人。", "3000人", "plan"),
    ("专项资金主要用于改造农房120户。", "120户", "plan"),
    ("全年粮食产量预计达到5.2万吨。", "5.2万吨", "projection"),
    ("该园区有望吸引企业60家入驻。", "60家", "projection"),
    ("新码头建成后可提升吞吐能力800万吨。", "800万吨", "projection"),
    ("今年计划投入8亿元，预计投产后新增税收1.5亿元。", "8亿元", "plan"),
    ("今年计划投入8亿元，预计投产后新增税收1.5亿元。", "1.5亿元", "projection"),
    ("预计全年增收，按目前每公斤12元的价格计算。", "12元", "actual"),
    ("产能将由200万件提升到500万件。", "200万件", "actual"),
    ("产能将由200万件提升到500万件。", "500万件", "plan"),
    ("村里将近300户人家种上了高山蔬菜。", "300户", "actual"),
    ("从2019年的12亿元增长到2023年的18亿元。", "18亿元", "actual"),
    # a year's agenda: 今年要, 下一步要, 今后, 明年; 将 before more verbs of doing
    ("今年要重点抓好三方面工作：一是扩大有效投资，固定资产投资增长5%；", "5%", "plan"),
    ("下一步要新建村级服务站20个。", "20个", "plan"),
    ("今后五年，椒江将实施“十大攻坚行动”，年均引育各类人才2万名以上。", "2万名", "plan"),
    ("明年，公司将投资2.8亿元新建一座智能工厂。", "2.8亿元", "plan"),
    ("县里将举办农民丰收节，预计吸引游客5万人次。", "5万人次", "projection"),
    ("他去年主要种了30亩水稻。", "30亩", "actual"),  # 主要 holds no 要 of a plan
    ("今年要求各村完成垃圾分类覆盖率100%。", "100%", "actual"),  # 要求 is a demand, not a plan of the writer's
])
def test_status(sentence: str, mention: str, expected: str) -> None:
    assert status_of(sentence, mention) == expected


@pytest.mark.parametrize(("sentence", "mention", "expected"), [
    # a plan word that ends its clause is the thing done or carried out
    ("去年完成了打造千万级税收楼宇的目标，引进企业21家。", "21家", "actual"),
    ("大力实施品质提升计划，累计改造老旧小区390处。", "390处", "actual"),
    ("全面落实乡村振兴规划、改造农房1200户。", "1200户", "actual"),
    ("提前两个月完成年度计划；全年新增就业8000人。", "8000人", "actual"),
    # ...unless the figures follow it, or it governs what comes after it
    ("按照规划，全县新建保障房500套。", "500套", "plan"),
    ("根据计划，明年改造道路12公里。", "12公里", "plan"),
    ("计划，今年新增床位200张。", "200张", "plan"),  # opening its clause, it is no object
    ("目标：到2025年全县人均收入达到6万元。", "6万元", "plan"),
    ("今年的目标是新增市场主体3000户。", "3000户", "plan"),
    ("预计，全年产值可达5亿元。", "5亿元", "projection"),
])
def test_a_plan_word_used_as_a_noun_is_not_a_plan(sentence: str, mention: str, expected: str) -> None:
    assert status_of(sentence, mention) == expected


@pytest.mark.parametrize(("sentence", "mention", "expected"), [
    ("按每袋纯收入2元算，差不多能挣7万元。", "7万元", "projection"),
    ("按每斤15元计算，全村可增收30万元。", "30万元", "projection"),
    ("按亩产800斤来算，今年能收8万斤。", "8万斤", "projection"),
    ("按每人每月500元测算，全年需要资金60万元。", "60万元", "projection"),
    ("按一户3000元算，一共补了9万元。", "9万元", "projection"),
    ("按可比价格计算，同比增长7.9%。", "7.9%", "actual"),
    ("按现价计算，全年实现生产总值512亿元。", "512亿元", "actual"),
    ("按常住人口计算，人均生产总值达到12万元。", "12万元", "actual"),
    ("按每袋2元算的话，成本是4万元。", "2元", "actual"),
])
def test_a_figure_reckoned_from_an_assumed_figure_is_a_projection(sentence: str, mention: str,
                                                                   expected: str) -> None:
    assert status_of(sentence, mention) == expected


@pytest.mark.parametrize(("sentence", "mention", "expected"), [
    ("资金用于新建高标准农田1.2万亩、改造提升3500亩。", "3500亩", "plan"),
    ("补助资金用于修建道路5公里、桥梁2座、水渠800米。", "800米", "plan"),
    ("一千多万元用于修路，惠及二百三十余万人。", "二百三十余万人", "actual"),
])
def test_yongyu_governs_its_comma_clause_across_a_list(sentence: str, mention: str, expected: str) -> None:
    assert status_of(sentence, mention) == expected


def _unguarded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern without its first-character lookahead (cue_patterns.first_char_guard)."""
    guard, body = pattern.pattern.split(")(?:", 1)
    assert guard.startswith("(?=[") and body.endswith(")")
    return re.compile(body[:-1], pattern.flags)


# pieces of sentences with and without the cues, in any order (还将, 增长到2023年的, 由原来的约 come up often)
_PIECES = ["将", "还", "即", "于", "达到", "到", "2025年", "2023年", "的", "增长", "由", "从", "原来的", "约", "计划",
           "预计", "力争", "目前", "已", "用于", "按", "每袋2元", "算", "，", "。", "产值", "5亿元"]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["将", "到"]), st.lists(st.sampled_from(_PIECES), max_size=16).map("".join))
def test_the_guarded_cue_patterns_find_what_the_plain_ones_find(name: str, text: str) -> None:
    pattern = {"将": _FUTURE_JIANG, "到": _TARGET_YEAR}[name]
    plain = _unguarded(pattern)
    assert [(m.span(), m.group()) for m in pattern.finditer(text)] == [
        (m.span(), m.group()) for m in plain.finditer(text)]
    assert bool(pattern.search(text)) == bool(plain.search(text))
