"""Per what a number counts: the denominator of a per-unit figure (人均 -> 人, 每亩 -> 亩, 一天 -> 日).

The unit column keeps the base unit (元) and `basis` holds the denominator (亩): 每亩补贴200元 is 200 元 basis 亩,
never 元/亩, so a per-unit figure is told from a total by one column everywhere. The first frame in the number's
clause wins (一亩塘一年 is per 亩); 每X and 一X count for the measure words of data/claim_cues.csv (每斤, 一顿),
每个 before another noun for 个; 一个 alone is an article (一个桶炉一天能烤: per 日). Annual totals (年产值,
年收入) are not frames, and a share (占…的三成) has none: its denominator is the whole it is a share of.
A change without a frame of its own takes its base figure's basis (done by the caller)."""

from __future__ import annotations

import re
from functools import cache

from gongfu.lexicon import load_claim_cues

_SHARE = re.compile("占|比重|比例|份额")
_SLASH = re.compile("[/／](?:每)?([\u4e00-\u9fff]{1,3})")


@cache
def _frame_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    cues = load_claim_cues()
    measures = "|".join(map(re.escape, sorted(cues.basis_measures, key=len, reverse=True)))
    words = "|".join(map(re.escape, cues.basis))
    return re.compile(f"(?P<word>{words})|每个?(?P<each>{measures})|一(?P<one>{measures})"), cues.basis


def basis(clause_lead: str) -> str:
    """The basis of the number that `clause_lead` (its clause up to it) leads to, '' for a total."""
    pattern, words = _frame_pattern()
    m = pattern.search(clause_lead)
    if m is None:
        each = clause_lead.find("每个")  # 标准大棚每个年收入: per 个, when no other frame is written
        return "" if each < 0 or _SHARE.search(clause_lead, each) else "个"
    if _SHARE.search(clause_lead):
        return ""
    if m.group("word"):
        return words[m.group("word")]
    return m.group("each") or m.group("one")


def slash_basis(after: str) -> str:
    """The basis written after a number's unit with a slash (1200元/亩, 2万吨/年, 3.5元/斤 -> 亩, 年, 斤), ''
    when there is none: the measure words and frames of data/claim_cues.csv (/天 is per 日, like 每天)."""
    m = _SLASH.match(after)
    if m is None:
        return ""
    cues = load_claim_cues()
    for word in sorted((m.group(1)[:n] for n in range(len(m.group(1)), 0, -1)), key=len, reverse=True):
        if f"每{word}" in cues.basis:
            return cues.basis[f"每{word}"]
        if word in cues.basis_measures:
            return word
    return ""
