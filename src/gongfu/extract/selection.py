"""Numbers that name rather than measure, and ranks that measure although written as ordinals.

Each rule reads the grammar around one number (`gongfu.extract.numbers.Quantity`) in its text:

- `threshold`: a bound that names a category (超亿元企业, 亿元以上项目, 60周岁以上老年人, 产值超千亿元的建制镇,
  突破百亿元大关, 110千伏线路): 以上/以下/超/超过 + (的) + a category noun, or a voltage class before a noun.
  A share (60%以上的农户) and an amount of something (超过1万元的补贴) stay claims.
- `period`: a duration used as a time frame (今年前8个月, 近三年，, 8天时间里, 这两年, 过去三年).
- `slogan`: a programme name with a number (15分钟社区生活圈, “村级小微权力清单36条”, “36条”).
- `enumeration`: a count that only sums an explicit list (西递、宏村两处), not one with 等.
- `rank`: a place in a league table (位列第38位, 居全省第二, 增速排名全省第三) as opposed to an ordinal in a name
  (第一批, 第十届, 第一家, 第一书记).
The category nouns and rank verbs are in data/claim_cues.csv (kinds category, rank_verb).
"""

from __future__ import annotations

import re
from functools import cache

from gongfu.extract.numbers import Quantity
from gongfu.lexicon import load_claim_cues, load_units

_CLAUSE_MARK = "，,。；;：:！？!?\n"
_BOUND_PRE = re.compile("^(?:超过|超|突破|逾|高于|低于|不低于|不少于|上)")
_BOUND_POST = re.compile("(?:以上|以下|及以上)$")
_NOUN_RUN = re.compile(r"的?([\u4e00-\u9fff]{1,10})")
_NUMBER_NEXT = re.compile(r"的?[\d０-９零〇一二两三四五六七八九十百千]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_DIGIT, _ARABIC = re.compile(r"[\d０-９]"), re.compile(r"\d")
_JOINER = re.compile("[和与及]")
_FRAME_KINDS = frozenset({"duration", "year"})
_LONG_UNITS = frozenset({"年", "月", "天", "星期", "周年", "周"})
_FRONT = re.compile("(?:(?<![提之以此])前|(?<![带开])头)$")
_DEICTIC = re.compile("(?:这|那|过去|今后|未来|最近|近些|这些|那些|此后|之后|此前)$")
_FRAME_AFTER = re.compile("(?:时间)?(?:里|间|以来|来)|时间(?:内|中)")
_HOLIDAY = re.compile("(?:假期|长假|黄金周)”?$")  # 五一假期5天: the holiday's length is part of its period
_RING = re.compile(r"[\u4e00-\u9fff]{0,6}圈")
_OPEN, _CLOSE = "“「『\"", "”」』\""
_QUOTE_MAX = 12
_OPENING = re.compile(f"[{_OPEN}]")
_SPEECH = re.compile("[我你他她们了能挣赚卖要会说吗呢啊吧就都也还很着每]")
_RANK_AFTER = re.compile(r"(?:$|[的，,。；;：:！？!?、）)”\n])")
_RANK_SCOPE = re.compile("全(?:国|省|市|县|区|镇|球)[^，,。；;：:！？!?\n第全]{0,12}$")


@cache
def _cues() -> tuple[tuple[str, ...], re.Pattern[str]]:
    cues = load_claim_cues()
    verbs = "|".join(map(re.escape, cues.rank_verbs))
    return cues.categories, re.compile(f"(?:{verbs})[^，,。；;：:！？!?\\n第]{{0,16}}$")


def _kind(q: Quantity) -> str:
    row = load_units().get(q.written or q.unit)
    return row.kind if row else ""


def threshold(text: str, q: Quantity) -> bool:
    """Whether `q` is a bound that names a category (超亿元企业218家), not a measurement."""
    kind = _kind(q)
    after = text[q.end:q.end + 14]
    if kind == "voltage":
        return bool(_CJK.match(after)) and not after.startswith(("以下", "左", "的", "和", "等"))
    if kind in ("percent", "ratio"):
        return False  # 60%以上的农户: a share of them
    post = bool(_BOUND_POST.search(q.text))
    if not post and not _BOUND_PRE.match(q.text):
        return False
    if post and _NUMBER_NEXT.match(after):
        return True  # 80周岁以上的3,860名老人, 十亿元以上17家
    run = _NOUN_RUN.match(after)
    if run is None or (not post and kind == "count" and not after.startswith("的")):
        return False  # 超过3000名游客: the count of the noun that follows
    noun = run.group(1)
    categories, _ = _cues()
    if any(c in noun[:8] for c in categories):
        return True
    return post and bool(_DIGIT.match(text[q.end + run.end():q.end + run.end() + 1]))


def period(text: str, q: Quantity) -> bool:
    """Whether `q` is a duration that frames a period (前8个月, 近三年，…, 8天时间里, 这两年, 国庆假期7天)."""
    kind = _kind(q)
    if kind not in _FRAME_KINDS or q.unit not in _LONG_UNITS:
        return False
    before = text[max(0, q.start - 3):q.start]
    if _FRONT.search(before) or _DEICTIC.search(text[max(0, q.start - 2):q.start]) or _HOLIDAY.search(before):
        return True
    if q.text.startswith("近") and (q.start == 0 or text[q.start - 1] in _CLAUSE_MARK + "“在"):
        return True
    return bool(_FRAME_AFTER.match(text, q.end))


def slogan(text: str, q: Quantity) -> bool:
    """Whether `q` is part of a name: N分钟…圈 (15分钟社区生活圈), or a short quoted name (“清单36条”)."""
    if _kind(q) == "duration" and _RING.match(text, q.end) and not _ARABIC.search(text[q.end:q.end + 7]):
        return True
    lo = max(0, q.start - _QUOTE_MAX)
    if not _OPENING.search(text, lo, q.start):
        return False  # no quotation opened just before the number (most numbers): no mark to look for
    left = max(text.rfind(c, lo, q.start) for c in _OPEN)
    if left < 0:
        return False
    right = min((i for i in (text.find(c, q.end, q.end + _QUOTE_MAX) for c in _CLOSE) if i >= 0), default=-1)
    if right < 0 or right - left - 1 > _QUOTE_MAX:
        return False
    inside = text[left + 1:right]
    return not any(ch in _CLAUSE_MARK + "、" for ch in inside) and not _SPEECH.search(inside) \
        and q.end <= right and not any(c in inside for c in _CLOSE + _OPEN)


def enumeration(text: str, q: Quantity) -> bool:
    """Whether `q` only counts the items listed right before it (西递、宏村两处), with no 等 (not exhaustive)."""
    if q.value < 2 or q.value > 20 or q.value % 1 or q.low is not None:
        return False
    start = _clause_start(text, q.start)
    lead = text[start:q.start]
    if lead.endswith(("等", "等等")) or _DIGIT.search(lead):
        return False
    items = lead.split("、")
    joined = _JOINER.findall(items[-1])
    if len(items) == 1 and (len(joined) != 1 or len(items[0].rsplit(joined[0], 1)[1]) > 4):
        return False  # 东湖和西湖两处; one 和 alone joins two short names only
    return all(0 < len(i) <= 8 for i in items[1:]) and len(items) + len(joined) == q.value


_LAST_MARK = re.compile(f"[{_CLAUSE_MARK}][^{_CLAUSE_MARK}]*\\Z")  # the last clause mark before the end searched
_NEAR = 64  # a clause mark is nearly always this close: look there first, the whole text back only when none is


def _clause_start(text: str, pos: int) -> int:
    """Just after the last clause mark before `pos` (0 when none): the marks absent from a text (; ! ?) are not
    searched back to its start for every number."""
    near = max(0, pos - _NEAR)
    last = _LAST_MARK.search(text, near, pos)
    if last is None and near:
        last = _LAST_MARK.search(text, 0, near)
    return last.start() + 1 if last else 0


def rank(text: str, q: Quantity) -> bool:
    """Whether an ordinal `q` (第…) is a place in a ranking: a rank verb or a scope (全省) before 第 in its clause,
    no measure word but 位/名, and no noun after it (居全省第二, 位列第38位; not 第一批, 第一家店)."""
    if q.kind != "ordinal" or q.unit not in ("", "位", "名") or q.low is not None:
        return False
    if not _RANK_AFTER.match(text, q.end):
        return False
    lead = text[max(0, q.start - 25):q.start - 1]
    return bool(_cues()[1].search(lead) or _RANK_SCOPE.search(lead))


def rank_subject(lead: str) -> str:
    """What is ranked: the words of `lead` (a rank's clause up to 第) before its rank verb or scope (增速 in
    增速居台州市第二位); '' when the clause starts with the verb."""
    m = _cues()[1].search(lead) or _RANK_SCOPE.search(lead)
    return lead[:m.start()] if m else lead


_RATIO_LEAD = re.compile(
    "[\u4e00-\u9fff](?:之)?比值?(?:(?:由|从)[\\d.]+)?(?:为|是|由|从|缩小至|缩小到|缩小为|降至|降到|下降至|下降到|"
    "扩大至|扩大到|提高到|达到?|约为?|保持在|在)?$")


_NOT_RATIO = re.compile("(?:同比|环比|相比|对比|无比|好比|正比|反比|占比|类比)$")


def ratio_lead(lead: str) -> bool:
    """Whether a bare number after `lead` (its clause up to it) is a ratio (城乡收入比缩小至1.68, 之比为2.1)."""
    return bool(_RATIO_LEAD.search(lead)) and not _NOT_RATIO.search(lead)


def ratio_noun(lead: str) -> str:
    """The words before the 比 of a ratio's lead (城乡居民收入 in 城乡居民收入比缩小至), '' when none."""
    m = _RATIO_LEAD.search(lead)
    return lead[:lead.rindex("比", 0, m.end())] if m else ""
