"""What a number measures, in the text's own words: the noun phrase that leads to it in its clause.

`phrase(lead, after)` takes the clause up to the number (`lead`) and drops what is not the measured thing:
time words in front (今年1-8月, 目前), words of scope (其中, 全县, 当地, 共), the verb and qualifier that join the
phrase to the number (实现, 达到, 为, 超过, 约), a change and its comparison base (同比增长, 比去年同期减少) and
the 的 of a modifier. What is left keeps its subject (濮院羊毛衫市场成交额, 出口额): the subject a metric belongs
to is part of what is measured. A share (占成交总额的36.1%) is named from what it is a share of, given by the
caller (网络零售额占成交总额比重). A noun right after the number is what it counts (46名楼长, 推出23条旅游线路).
The words are in data/claim_cues.csv (kinds lead_word, link_word); the taxonomy id is found separately."""

from __future__ import annotations

import re
from functools import cache

from gongfu.extract.periods import PERIOD
from gongfu.lexicon import load_claim_cues, load_cues, unit_kind

_MAX = 20
_COMPARISON = re.compile(r"(?:比|较|与)(?:去年|上年|前年|上月|上个月|上周|上一周|上季度|上届|上一届|月初|年初|\d{4}年"
                         r"|[^，,。；;\d]{0,6}?[前时]|[一二三四]季度|上半年|"
                         r"(?:\d{1,2}[-~至])?\d{1,2}月份?)?(?:同期)?(?:相比)?$")
# 比前年多了三成, 比去年贵了5块钱: a comparison base with its adjective says how the figure compares, not what
# it measures (that is the figure it is compared from, the claim before it)
_COMPARED_ADJ = re.compile(r"(?:比|较)[^，,。；;！？\d]{0,6}?(?:多|少|高|低|贵|便宜|快|慢|大|小|长|短)(?:了|出|出了)?$")
# 泵与电机产业实现产值: the verb between a subject and its metric is not part of what is measured (完成率 is)
_INNER_VERB = re.compile("(?:实现|完成)(?!率)(?=..)")
# 按可比价计算增长6.7%: a statistical convention says how a figure is counted, not what it measures
_CONVENTION = re.compile("[，,]?按(?:可比价格?|现价|可比口径|不变价格?)计算[，,]?")
_RATIO_LEAD = re.compile("^是(.+?)的?$")
_RATE_WORDS = re.compile("(?:同比|环比)$")
_NOUN_AFTER = re.compile(r"[^，,。；;！？、\n\d“”（）()/／]{2,12}")
_TAIL_DE = re.compile("的$")
# 价格回到, 统货价降至: a level reached (not 占比升至, a share's own change word)
_HOPE_END = re.compile("(?:有望|可望|预计|力争)$")  # 产值有望超过2亿元: the plan or hope is the status column
_LEVEL_TO = re.compile("(?<!占比)(?<!比重)(?:回落|回升|下降|上涨|提高|提升|增加|减少|回|降|升|涨|增|减)(?:到|至)$")
_OWN_SIGN = re.compile("[-−－+]$")  # 增长-0.8%: the sign belongs to the number
# 从2019年的423亿元增长到2023年的: the thing measured is written before 从/由 (not 从事, 由于, 自由)
_FROM_TO = re.compile(r"(?<!自)(?:从|由)(?!事|业|于|而|来|头|中|此|小)"
                      r"(?=[^，,。；;]*?(?:\d|年|前|后|原来|过去|目前)|$)")
_VERB_TO = re.compile("[到至为成]$")  # 从12户发展到86户: a verb reaching the next number, not a counted noun
_NOT_NOUN = re.compile("同比|环比|比|较|增长|下降|以上|左右|相当于|占|是|的|提高|提升|增加|减少|降|升|达|为|至|到")
# 一个月能挣, 头茬茶就卖, 一斤卖: a speaker's verb of earning or selling, with its frame and modal words. What is
# measured is an income (月收入 per month, 年收入 per year), a price (售价, with a per-unit frame) or sales
# (销售收入, a total), of the subject before it.
_MODAL = "(?:[能可就才也都要得还光]|可以|能够|差不多|大约|大概|最多|最高|至少|一共|总共|足足|起码)*"
_EARNED = re.compile(
    "^(?P<subject>.*?)(?P<frame>(?:一|每)个?(?P<per>月|年|天|斤|只|亩|顿|晚|袋|千克|公斤|头|箱|件))?"
    f"{_MODAL}(?P<verb>挣|赚|卖|收入|拿)(?:到|出|了|个|上|得)*$")
_PRONOUN = re.compile("^(?:我们|我家|咱们|他们|她们|我|俺|他|她|咱|自家)(?:家|的|这里|这儿|那里|这边)?")
_EARNED_NOUN = {"挣": "收入", "赚": "收入", "收入": "收入", "卖": "销售收入", "拿": "收入"}
# 我今年养了, 我包了, 种了, 至少发酵: a speaker's verb of farming, renting or working ends the words before a number
# of what it produced or took: what is measured is that activity (its noun, data/claim_cues.csv kind activity)
# with the measure the unit gives (养殖量, 承包面积, 种植年限, 发酵时间), of the thing counted after the number.
_TIME_END = re.compile("(?:今年|去年|前年|这几年|这些年|现在|如今|目前|过去|以前|原来|一共|总共)$")
_MEASURE_OF = {"area": "面积", "count": "量", "weight": "量", "volume": "量", "duration": "时间", "year": "年限"}


@cache
def _holder_pattern() -> re.Pattern[str]:
    """A name that has the money after 的 (总投资12亿元的浙能镇海项目), by its ending (data/entity_cues.csv)."""
    return re.compile("[^，,。；;]{0,10}?(?:" + "|".join(map(re.escape, load_cues().holder_ends)) + ")")



@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    cues = load_claim_cues()
    lead = "|".join(map(re.escape, cues.lead_words))
    link = "|".join(map(re.escape, cues.link_words))
    change = "|".join(map(re.escape, [*cues.change, *cues.comparative]))
    return (re.compile(f"^(?:{PERIOD.pattern}|{lead}|[，,：:—\\s])+"), re.compile(f"(?:{link})+$"),
            re.compile(f"(?:{change})(?:了|为)?$"))


def ratio_label(own: str, previous: str) -> str:
    """是全县平均水平的1.5倍: the figure before it compared with what follows 是 (…与全县平均水平之比); '' when
    `own` is not such a comparison."""
    m = _RATIO_LEAD.match(own)
    return f"{previous}与{m.group(1)}之比" if m and previous else ""


def phrase(lead: str, after: str = "", unit: str = "") -> str:
    """The measured thing for the number that `lead` (its clause up to it) leads to; `after` is the clause
    after the number, read when nothing is left before it; `unit`: the number's base unit (an amount of money
    is named from a verb of earning or selling: an income, price or sales; an area, count or time from a
    verb of farming or working: 养殖量, 承包面积, 种植年限)."""
    front, link, change = _patterns()
    text = lead
    start = _FROM_TO.search(text)
    if start is not None and start.start() >= 2:
        text = text[:start.start()]
    for _ in range(3):  # 其中，今年以来全县 ...: scope and time words in any order
        m = front.match(text)
        if not m or not m.group():
            break
        text = text[m.end():]
    text = _CONVENTION.sub("", _INNER_VERB.sub("", text))
    before_change = link.sub("", text)
    previous = None
    while previous != text:  # 达到了约, 同比增长, 比去年同期减少: links, changes and bases at the end
        previous = text
        per = _trailing_basis().search(text)
        if per and per.start() >= 2:
            text = text[:per.start()]  # 一级瓜收购价每斤2.8元: the frame is the basis column, not part of the name
        text = _LEVEL_TO.sub("", text)
        text = _HOPE_END.sub("", text)
        text = link.sub("", text)
        text = change.sub("", text)
        text = _RATE_WORDS.sub("", text)
        text = _COMPARISON.sub("", text)
        text = _COMPARED_ADJ.sub("", text)
        text = _TAIL_DE.sub("", text)
        text = _OWN_SIGN.sub("", text)
    text = text.strip(" ，,：:“”…")
    kind = unit_kind(unit) if unit else ""
    if kind == "money":
        text = _earned(text, front)
    if text in load_claim_cues().basis:  # 每亩增收上万元: the frame alone names nothing; keep the change
        text = before_change
    noun = _NOUN_AFTER.match(after.lstrip("的"))
    counted = noun.group() if noun and not _NOT_NOUN.match(noun.group()) and not _VERB_TO.search(noun.group()) else ""
    if kind == "money" and text and after.startswith("的") and _holder_pattern().match(counted):
        counted = ""  # 总投资12亿元的浙能镇海项目: the project has the investment (but 150万元的贷款 is a loan)
    done = _activity(text, front, kind, counted)
    if done:
        return done[-_MAX:]
    if counted:  # 推出23条杨梅采摘旅游线路: the thing counted after the words before it (我家种…白茶)
        return (text + counted)[-_MAX:]
    return text[-_MAX:] if len(text) >= 2 else ""


@cache
def _trailing_basis() -> re.Pattern[str]:
    cues = load_claim_cues()
    words = [w for w in cues.basis if w.startswith("每")] + [f"每{m}" for m in cues.basis_measures]
    return re.compile("(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + ")$")


@cache
def _activity_pattern() -> re.Pattern[str]:
    verbs = "|".join(map(re.escape, sorted(load_claim_cues().activities, key=len, reverse=True)))
    return re.compile(f"^(?P<subject>.*?)(?P<modal>{_MODAL})(?P<verb>{verbs})(?:了|着|过|下|出)*$")


def _activity(text: str, front: re.Pattern[str], kind: str, counted: str) -> str:
    """What a speaker's verb of farming, renting or working measures (我今年养了 + 羽 -> 养殖量, 我包了 + 亩 +
    滩涂 -> 滩涂承包面积, 种了 + 年 -> 种植年限, 至少发酵 + 个月 -> 发酵时间), '' when `text` does not end in
    such a verb or the unit gives no measure. A one-character verb counts only standing alone (after a pronoun,
    a time word or a modal word, or with nothing before it): 培养, 品种 and 承包 hold no verb 养, 种 or 包."""
    measure = _MEASURE_OF.get(kind)
    m = _activity_pattern().match(text) if measure else None
    if m is None:
        return ""
    raw = m.group("subject")
    subject = raw
    for strip in (front.match, _PRONOUN.match, front.match):  # 今年我家种: time, then who, then time again
        found = strip(subject)
        subject = subject[found.end():] if found else subject
    alone = not subject or subject != raw or bool(m.group("modal")) or bool(_TIME_END.search(subject))
    if len(m.group("verb")) == 1 and not alone:
        return ""
    subject = _TIME_END.sub("", subject).strip("的")
    if subject in load_claim_cues().basis:
        subject = ""  # 每天要干8小时: the frame is the basis, not what is measured
    if kind in ("duration", "year"):
        counted = ""  # 发酵12个月才能出缸: what follows a length of time is no thing counted
    return f"{subject}{counted}{load_claim_cues().activities[m.group('verb')]}{measure}"


def _earned(text: str, front: re.Pattern[str]) -> str:
    """The thing an earning or selling verb measures (一个月能挣 -> 月收入, 头茬茶就卖 -> 头茬茶销售收入,
    一斤卖 -> 售价); `text` unchanged when it does not end in such a verb."""
    m = _EARNED.match(text)
    if m is None:
        return text
    subject = _PRONOUN.sub("", m.group("subject"))
    subject = subject[front.match(subject).end():].strip("的") if front.match(subject) else subject.strip("的")
    per, noun = m.group("per"), _EARNED_NOUN[m.group("verb")]
    if noun == "收入" and per in ("月", "年"):
        noun = f"{per}收入"
    elif noun == "销售收入" and per:
        noun = "售价"
    return subject + noun
