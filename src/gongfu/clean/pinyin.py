"""Remove pinyin annotations inserted after characters (機(jī), 區(qū)), and only those.

An annotation is a bracketed single pinyin syllable right after a Chinese character: lower-case Latin
letters carrying a tone mark (or ü). A neutral-tone syllable has no mark (們(men)), so a bare syllable
from NEUTRAL is removed only in a text that already carries toned annotations. Brackets holding
Chinese (社区), names (屈凌燕), numbers (10120170008) or other Latin words (www.ce.cn, EPC, app) stay.
"""

from __future__ import annotations

import re

from gongfu.clean.chars import CJK_RANGES
from gongfu.clean.edits import Change, apply_changes

TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"
_SYLLABLE = rf"[a-z{TONED}]{{0,5}}[{TONED}][a-z{TONED}]{{0,5}}"
NEUTRAL = ("de", "le", "men", "me", "ne", "ma", "ba", "zi", "zhe", "ge", "li", "tou", "shang", "xia", "guo")
# The bracket comes first and the Chinese character before it is checked by a look-behind over both:
# the same matches as (?<=[CJK])[(（]..., but the regex engine can skip ahead to the next bracket
# instead of testing the look-behind at every position of the text.
_AFTER_CJK = rf"[(（](?<=[{CJK_RANGES}][(（])"
PINYIN_RE = re.compile(rf"{_AFTER_CJK}\s?({_SYLLABLE})\s?[)）]")
NEUTRAL_RE = re.compile(rf"{_AFTER_CJK}({'|'.join(NEUTRAL)})[)）]")
MIN_TONED_FOR_NEUTRAL = 3  # toned annotations that show a text is annotated throughout
REASON = "pinyin annotation removed"


def strip_pinyin(text: str) -> tuple[str, list[Change]]:
    """Drop every (pinyin) annotation that follows a Chinese character."""
    changes = pinyin_changes(text)
    return apply_changes(text, changes), changes


def pinyin_changes(text: str) -> list[Change]:
    """The changes strip_pinyin makes, located in `text` (the chain applies them through its Tracker)."""
    if "(" not in text and "（" not in text:  # no bracket, no annotation
        return []
    changes = [Change(m.start(), m.end(), "", f"{REASON}: {m.group(1)}") for m in PINYIN_RE.finditer(text)]
    if len(changes) >= MIN_TONED_FOR_NEUTRAL:
        changes += [Change(m.start(), m.end(), "", f"{REASON}: {m.group(1)} (neutral tone)")
                    for m in NEUTRAL_RE.finditer(text)]
        changes.sort(key=lambda c: c.start)
    return changes
