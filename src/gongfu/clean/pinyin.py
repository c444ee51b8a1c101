"""Remove pinyin annotations inserted after characters (機(jī), 台州(tāi zhōu), 陈埭(chen dai)), and only those.

An annotation is a bracketed run of pinyin syllables right after a Chinese character:
- toned: lower-case Latin letters carrying a tone mark (or ü), one syllable or several separated by spaces
  (tāi zhōu), each of them toned or a bare syllable next to toned ones;
- toneless: syllables without marks (chen dai, Jinjiang) are an annotation only when they spell a reading
  of the characters right before the bracket (pypinyin, every reading of a polyphonic character), so
  English words and acronyms in brackets (Smart Factory, EPC, app) stay;
- a neutral-tone syllable alone (們(men)) from NEUTRAL is removed only in a text that already carries toned
  annotations.
Brackets holding Chinese (社区), names (屈凌燕), numbers (10120170008) or other Latin words (www.ce.cn) stay.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from gongfu.clean.chars import CJK_RANGES, is_cjk
from gongfu.clean.edits import Change, apply_changes

TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"
_SYLLABLE = rf"[a-z{TONED}]{{0,5}}[{TONED}][a-z{TONED}]{{0,5}}"
NEUTRAL = ("de", "le", "men", "me", "ne", "ma", "ba", "zi", "zhe", "ge", "li", "tou", "shang", "xia", "guo")
# The bracket comes first and the Chinese character before it is checked by a look-behind over both:
# the same matches as (?<=[CJK])[(（]..., but the regex engine can skip ahead to the next bracket
# instead of testing the look-behind at every position of the text.
_AFTER_CJK = rf"[(（](?<=[{CJK_RANGES}][(（])"
_TOKEN = rf"[a-z{TONED}]{{1,6}}"
# one toned syllable, or several (any of them may be bare) of which at least one is toned
PINYIN_RE = re.compile(rf"{_AFTER_CJK}\s?((?:{_TOKEN}[\s'’-])*{_SYLLABLE}(?:[\s'’-]{_TOKEN})*)\s?[)）]")
TONELESS_RE = re.compile(rf"{_AFTER_CJK}\s?([A-Za-z]{{1,6}}(?:[\s'’-]?[a-z]{{1,6}}){{0,5}})\s?[)）]")
TONELESS_MAX = 6  # characters before the bracket whose readings a toneless annotation may spell
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
    brackets = _brackets_after_cjk(text)
    if not brackets:  # every annotation opens with a bracket after a Chinese character
        return []
    changes = [Change(m.start(), m.end(), "", f"{REASON}: {m.group(1)}") for m in _matches(PINYIN_RE, text, brackets)]
    toned = len(changes)
    taken = {c.start for c in changes}
    changes += [Change(m.start(), m.end(), "", f"{REASON}: {m.group(1)} (without tone marks: a reading of "
                       f"«{text[m.start() - n:m.start()]}»)")
                for m in _matches(TONELESS_RE, text, brackets) if m.start() not in taken
                and (n := spelt_by(text[max(0, m.start() - TONELESS_MAX):m.start()], m.group(1)))]
    changes.sort(key=lambda c: c.start)
    if toned >= MIN_TONED_FOR_NEUTRAL:
        taken = {c.start for c in changes}
        changes += [Change(m.start(), m.end(), "", f"{REASON}: {m.group(1)} (neutral tone)")
                    for m in _matches(NEUTRAL_RE, text, brackets) if m.start() not in taken]
        changes.sort(key=lambda c: c.start)
    return changes


def _brackets_after_cjk(text: str) -> list[int]:
    """Where a bracket follows a Chinese character: where an annotation (any of the rules above) can start."""
    found = []
    for bracket in "(（":
        i = text.find(bracket, 1)
        while i != -1:
            if is_cjk(text[i - 1]):
                found.append(i)
            i = text.find(bracket, i + 1)
    return sorted(found)


def _matches(pattern: re.Pattern, text: str, brackets: list[int]) -> Iterator[re.Match]:
    """`pattern.finditer(text)` for a rule that starts at one of `brackets`: the rule is tried at those only
    (finditer tries it at every position, and its first character class costs 7 ns a character)."""
    end = 0
    for i in brackets:
        if i >= end and (m := pattern.match(text, i)):
            yield m
            end = m.end()


def _letters(syllable: str) -> str:
    return syllable.replace("ü", "v").replace("u:", "v")


def spelt_by(before: str, latin: str) -> int:
    """How many characters at the end of `before` the toneless `latin` spells as their pinyin (0 if none).
    Every reading of each character counts; spaces, apostrophes and hyphens between syllables are ignored."""
    want = re.sub(r"[\s'’-]", "", latin).lower().replace("ü", "v")
    if not want:
        return 0
    from pypinyin import Style, pinyin  # imported here: only a bracket of Latin letters gets this far

    chars = ""
    for ch in reversed(before):
        if not ("\u3400" <= ch <= "\u9fff"):
            break
        chars = ch + chars
    readings = [{_letters(r) for r in options} for options in pinyin(chars, style=Style.NORMAL, heteronym=True)]
    for n in range(1, len(chars) + 1):
        if _spells(want, readings[len(chars) - n:]):
            return n
    return 0


def _spells(want: str, readings: list[set[str]]) -> bool:
    """Whether `want` is one reading of each character in turn, concatenated."""
    if not readings:
        return not want
    return any(want.startswith(r) and _spells(want[len(r):], readings[1:]) for r in readings[0] if r)
