"""Which way a number moved: whether it is a change against a baseline, its direction, and its signed value.

A change reads its direction from the word before it (增长 提高 增加 增收 … up; 下降 减少 回落 收窄 负增长 …
down; data/claim_cues.csv) and from the number's own sign (增长-0.8% is down). The word may be followed by
了/为/达/分别 and earlier numbers of a list (分别增长5.5%和6.5%); a fall also by its object (减少二氧化碳排放
19.6万吨; 整治提升项目128个 is a count, not a rise). A change word followed by 到/至 names a level reached
(增加到, 降至); 增加值 is a noun; a rate noun after 高于/低于 (高于全市平均增速5.6个百分点) is a gap between
places. A comparative (高出, 贵了) is a change only after 比/较 and an earlier time, never after a place.
降幅收窄0.9个百分点 is -0.9: the word on the rate, as written, gives the sign.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from gongfu.lexicon import load_claim_cues

UP, DOWN, NONE = "up", "down", "none"
_FILLER = r"(?:了|为|达到?|分别|均|都|也|再|还|又|约|近|同比|环比|高达|可|能|就|累计)*"
_LISTED = r"(?:[-−+]?[\d.,，]+(?:万|亿)?(?:%|个百分点|倍)?[和、与及])*"
_PLACE_BASE = re.compile("平均|全国|全省|全市|全县|全区|全镇|同行|同类|其他|其它|周边|城市|农村|城镇")
_GAP_STOP = re.compile(r"[的是有于比较\d，,。；;：:、“”]")
_RATE_NOUNS = ("增幅", "增速", "降幅")
_GAP_WORDS = re.compile("高于|低于|快于|慢于|高出全|低出全|领先")
_NOUN_AFTER = re.compile("值|额|量|点|率")  # 增加值, 增长点: a noun, not a change
_OWN_MINUS = re.compile("[-−－]$")
_OBJECT_GAP = 6


class Change(NamedTuple):
    """is_growth, direction (up/down/none) and the sign of the claim's value (+1/-1): its magnitude times this."""

    growth: bool
    direction: str
    sign: int


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    cues = load_claim_cues()
    change = "|".join(map(re.escape, cues.change))
    comparative = "|".join(map(re.escape, cues.comparative))
    level = "|".join(map(re.escape, cues.level))
    addition = "|".join(map(re.escape, cues.addition))
    return (re.compile(f"(?:{change})(?!{_NOUN_AFTER.pattern})"), re.compile(f"(?:{comparative})"),
            re.compile(f"(?:{change})了?(?:{level})了?{_FILLER}$"), re.compile(f"(?:{addition})"))


def change(lead: str, mention: str, value: float) -> Change:
    """The change a number makes, from `lead` (its clause up to the number) and its own `mention` and value."""
    own = -1 if value < 0 or _OWN_MINUS.search(lead) else 1  # 增长-0.8%: the number's own sign
    lead = _OWN_MINUS.sub("", lead)
    if mention.startswith("翻"):
        return Change(True, UP, 1)
    none = Change(False, NONE, own)
    cue_at, comp, level, addition = _patterns()
    if level.search(lead):
        return none
    lead = addition.sub(lambda m: "　" * len(m.group()), lead)  # 新增产值: 增产 is not the word here
    cues = load_claim_cues()
    for m in reversed(list(cue_at.finditer(lead))):
        gap, word = lead[m.end():], cues.change[m.group()]
        if m.group() in _RATE_NOUNS and _GAP_WORDS.search(lead, 0, m.start()):
            return none  # 高于全市平均增速5.6个百分点: a gap between places
        if _joins(gap) or (word == DOWN and _is_object(gap)):
            return _signed(word, own)
        break
    for m in reversed(list(comp.finditer(lead))):
        base = lead[:m.start()]
        at = max(base.rfind("比"), base.rfind("较"))
        if at >= 0 and _joins(lead[m.end():]) and not _PLACE_BASE.search(base[at:]):
            return _signed(cues.comparative[m.group()], own)
        break
    return none


def _signed(word: str, own: int) -> Change:
    """The word's direction times the number's own sign (增长-0.8% is down, 下降3.2% is down)."""
    sign = (-1 if word == DOWN else 1) * own
    return Change(True, DOWN if sign < 0 else UP, sign)


_JOINS = re.compile(f"{_FILLER}{_LISTED}{_FILLER}")
_FILLER_END = re.compile(f"{_FILLER}$")


def _joins(gap: str) -> bool:
    """Nothing but filler words and earlier numbers of a list between the change word and the number."""
    return _JOINS.fullmatch(gap) is not None


def _is_object(gap: str) -> bool:
    """A short object between a verb and its number (减少二氧化碳排放19.6万吨): no clause break, no 的/是/比."""
    body = _FILLER_END.sub("", gap)
    return 0 < len(body) <= _OBJECT_GAP and not _GAP_STOP.search(body) and "　" not in body
