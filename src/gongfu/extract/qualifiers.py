"""The words around a number that make it approximate, a floor or a ceiling: 约 近 超过 不到 …, 左右 以上 以内 ….

`pre_qualifier` takes in the word written before a number (约12亿, 近20万斤, 上万元), `POST_AT` matches the one
after it (1000亩左右, 2000次以上), `INNER` the 余/多/几/来 written inside it (3600余万, 十几万, 600来个). The
qualifier vocabulary is none/approx/over/under/ratio (QUALIFIERS).
"""

from __future__ import annotations

import re

QUALIFIERS = ("none", "approx", "over", "under", "ratio")

_PRE = re.compile("(?:不超过|不少于|不低于|不多于|不高于|不小于|不大于|"
                  "约为|大约|大概|差不多|将近|接近|超过|突破|至少|至多|最多|不到|不足|约|近|超|逾|上|数|几)$")
_PRE_QUALIFIER = {"约为": "approx", "大约": "approx", "大概": "approx", "差不多": "approx", "将近": "approx",
                  "接近": "approx", "约": "approx", "近": "approx", "超过": "over", "突破": "over", "至少": "over",
                  "超": "over", "逾": "over", "上": "over", "数": "over", "几": "over", "不到": "under",
                  "不足": "under",
                  # a bound written with 不: 不超过30万元 is a ceiling, 不少于50个 a floor
                  "不超过": "under", "不多于": "under", "不高于": "under", "不大于": "under", "至多": "under",
                  "最多": "under", "不少于": "over", "不低于": "over", "不小于": "over"}
# 节约 (saves), 最近 and 附近 (recently, nearby) end in a qualifier character but qualify nothing.
_NOT_PRE = re.compile("(?:节约|简约|预约|制约|契约|最近|附近|临近|靠近|邻近|就近|远近|赶超|高超)$")
POST_AT = re.compile("左右|上下(?![班楼车学游])|以上|以下|以内|之多|出头|有余|开外")
POST_QUALIFIER = {"左右": "approx", "上下": "approx", "以上": "over", "以下": "under", "以内": "under",
                  "之多": "over", "出头": "over", "有余": "over", "开外": "over"}
INNER = {"余": "over", "多": "over", "几": "over", "来": "approx"}
POST_FIRST = frozenset(w[0] for w in POST_QUALIFIER)
PRE_LAST = frozenset("约为概多近过破少到足超逾上数几于 ")


def pre_word(t: str, start: int) -> re.Match[str] | None:
    """The qualifier word (约, 近, 超过...) right before `start`, across one OCR space (近 万平方米)."""
    if t[start - 1:start] not in PRE_LAST:
        return None
    if t[start - 1:start] == " ":
        start -= 1
    m = _PRE.search(t, max(0, start - 3), start)
    if m and (_NOT_PRE.search(t, max(0, start - 3), start) or (m.group() == "上" and t[m.start() - 1:m.start()]
                                                                   in ("百", "千", "万"))):
        return None  # 节约, 最近; 成千上万 and 成百上千 are idioms
    return m


def pre_qualifier(t: str, start: int, qualifier: str, arabic: bool) -> tuple[int, str]:
    """The span start and qualifier once a qualifier word before the number is taken in (近20万斤, 上万元);
    上, 数 and 几 qualify only Chinese numerals (上万, 数十), and 数 and 几 stay out of the span."""
    pre = pre_word(t, start)
    if pre is None:
        return start, qualifier
    word = pre.group()
    if qualifier == "none" and (word not in ("上", "数", "几") or not arabic):
        qualifier = _PRE_QUALIFIER[word]
    if qualifier == _PRE_QUALIFIER[word] and word not in ("数", "几"):
        start = pre.start()
    return start, qualifier
