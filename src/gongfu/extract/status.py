"""Whether a number happened: actual, plan (计划 力争 目标 将 到2025年) or projection (预计 有望 达产后).

The cues before the number in its sentence decide (data/claim_cues.csv): a projection cue anywhere before it
makes a projection, else a plan cue a plan, else it is actual. An actual-time word in the number's own clause
(目前, 现有, 已经) ends a plan or projection (按目前每斤15元计算 is a price today), and so does 由/从 right before
the number (将由400万台提升到1000万台: 400万台 is where it starts). A figure reckoned from an assumption
(按每袋2元算，能挣7万元) is a projection. 将 is a plan only as a future marker
(将于, 将达到, 还将), not as the object marker of 将闲置农房改造成民宿."""

from __future__ import annotations

import re
from functools import cache

from gongfu.extract.cue_patterns import first_char_guard
from gongfu.lexicon import load_claim_cues

ACTUAL, PLAN, PROJECTION = "actual", "plan", "projection"
# cues that say what one amount is for, so they govern only their own clause: 一千多万元用于修路，惠及二百三十余万人
# (the people reached are counted, the road money is allocated; 用于新建农田1.2万亩: the 1.2万亩 is to come)
CLAUSE_ONLY = frozenset({"用于"})
STATUSES = (ACTUAL, PLAN, PROJECTION)
# Searched in every number's sentence: a lookbehind first, so guarded by the character the matches start with.
_FUTURE_JIANG = re.compile(first_char_guard("将", (
    "(?<![即还也])将(?=于|在|会|有|要|达|突破|实现|新增|建成|超过|继续|进一步|全面|投入|完成|再|迎来|形成|带动|"
    "提升|提高|增加|增长|由|力争|可|新建|打造|培育|扩大|引进|惠及|覆盖|推出|吸引|超|累计|实施|投资|建设|举办|开工|"
    "启动|推进|开展|设立|建立|发放|给予|安排|筹集|改造|新增|招引|落地)")))
# 今年要重点抓好…, 明年要, 下一步要: what is to be done (要 alone is too common: 需要, 主要, 重要)
_FUTURE_YAO = re.compile("(?:今年|明年|后年|下一步|下阶段|接下来|今后)(?:还|也|就|则)?要(?!求|素|闻|点|件|害|么)")
# 到2025年, but not 增长到2023年的517亿元
_TARGET_YEAR = re.compile(first_char_guard("到", r"(?<![长高加升降少])到(?:20|19)\d\d年(?!的)"))
# 按每袋纯收入2元算，差不多能挣7万元: a figure worked out from an assumed figure is a projection (按可比价格计算
# is a statistical convention: no figure is assumed)
_RECKONED = re.compile(r"按[^。；;！？\d一二两三四五六七八九十]{0,12}[\d一二两三四五六七八九十][^。；;！？]{0,16}?"
                       r"(?:计算|测算|来算|算)[，,]")
# 完成了…的目标，/ 实施品质提升计划，: a plan word that ends its clause is a noun, the thing done or carried out,
# not a plan for the figures after it (计划投资, 目标是, 力争 govern what follows them; 预计， still projects)
_NOUN_END = frozenset("，,。；;、）)")
_FROM = re.compile(r"(?:由|从)(?:原来的|过去的|目前的|现在的)?(?:约|近|不到|不足)?$")


def _noun_plan(lead: str, m: re.Match[str]) -> bool:
    """Whether the plan word `m` is a noun done or carried out (…的目标，) rather than a plan the figures follow
    (按规划，全县新建…: 按/按照/根据 put what follows under the plan)."""
    return (load_claim_cues().status[m.group()] == PLAN and m.end() < len(lead) and lead[m.end()] in _NOUN_END
            and m.start() > 0 and lead[m.start() - 1] not in _NOUN_END  # 计划，… opening a clause still plans
            and not _UNDER_PLAN.search(lead, 0, m.start()))


_UNDER_PLAN = re.compile("(?:按|按照|根据|依据|依照)$")


# each pattern with a character every match of it holds, in the order they are read
_WORD_PATTERNS = (("将", _FUTURE_JIANG, PLAN), ("到", _TARGET_YEAR, PLAN), ("要", _FUTURE_YAO, PLAN),
                  ("按", _RECKONED, PROJECTION))


@cache
def _cue_pattern() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, load_claim_cues().status)))


def status(sentence_lead: str, clause_lead: str) -> str:
    """The status of a number from its sentence up to it (`sentence_lead`) and its clause up to it."""
    if ("由" in clause_lead or "从" in clause_lead) and _FROM.search(clause_lead):
        return ACTUAL
    cues = load_claim_cues().status
    clause_start = len(sentence_lead) - len(clause_lead)
    found = [(m.start(), cues[m.group()]) for m in _cue_pattern().finditer(sentence_lead)
             if (m.group() not in CLAUSE_ONLY or m.start() >= clause_start)
             and not _noun_plan(sentence_lead, m)]
    for word, pattern, kind in _WORD_PATTERNS:  # a pattern runs only when the one word all its matches hold is there
        if word in sentence_lead:
            found += [(m.start(), kind) for m in pattern.finditer(sentence_lead)]
    if any(kind == ACTUAL and at >= clause_start for at, kind in found):
        return ACTUAL
    kinds = {kind for _, kind in found}
    return PROJECTION if PROJECTION in kinds else PLAN if PLAN in kinds else ACTUAL
