"""Normalise punctuation in Chinese text: full-width marks, half-width digits and letters, Chinese quotes.

- Half-width , : ; ? ! next to Chinese text become ，：；？！ (spaces around them go too), except between two
  digits (1,200; 10:37; 1.5:1) and inside URLs and e-mail addresses.
- Spaces after a full-width mark or a quote, before Chinese text, go (full-width marks carry their own
  spacing).
- Full-width digits, letters and ％ become half-width (２０２１ → 2021), and so does ． between digits.
- Digit groups split by a space or a thin space (3 833户, 3 361.5亿元) are re-joined when both sides are digits
  of one number: one to three digits, then groups of exactly three, not after another digit or a decimal point.
- Quotes: 「」『』 become “”‘’; straight " and ' in a line of Chinese become “ ” and ‘ ’, alternating, with
  an unpaired quote read from its neighbours (a quote after 。 closes one opened in an earlier paragraph).
Curly quotes already in the text are kept as they are: a quotation over several paragraphs legitimately
opens in each and closes only in the last.
"""

from __future__ import annotations

import re
from functools import cache

from gongfu.clean.chars import CJK_RANGES
from gongfu.clean.edits import Change, apply_changes

FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}
OPENING = "“‘《（「『〈【"
CLOSING = "”’》）」』〉】"
FULL_MARKS = "，。、；：？！…" + OPENING + CLOSING
QUOTES = {"「": "“", "」": "”", "『": "‘", "』": "’"}
SPACE = " \t\u3000\u00a0"
TRANSPARENT = SPACE + ",:;?!\"'“”‘’"
_WEB = r"(?:https?://|www\.)[^\s\u3000-\u303f\uff00-\uffef\u4e00-\u9fff]+"
_URL = re.compile(rf"{_WEB}|[\w.+-]+@[\w-]+\.[A-Za-z.]+")
_WEB_ONLY = re.compile(_WEB)
_HALF_CHARS = ",:;?!"
_HALF = re.compile(f"[{_HALF_CHARS}]")
# The look-behind comes after the first space it covers, so the regex engine can skip from space to space
# (the same matches as a leading look-behind, which is tried at every position of the text).
_SPACE_AFTER_MARK = re.compile(rf"[{SPACE}](?<=[，。、；：？！…{CLOSING}{OPENING}\"'][{SPACE}])[{SPACE}]*"
                               rf"(?=[{CJK_RANGES}{OPENING}{CLOSING}\"'])")
_FULL_WIDTH = re.compile(r"[０-９Ａ-Ｚａ-ｚ％]+|．(?<=[0-9０-９]．)(?=[0-9０-９])")  # look-behind placed as above
_FULL_WIDTH_START = re.compile("[０-９Ａ-Ｚａ-ｚ％．]")  # what a _FULL_WIDTH match starts with
_LINE = re.compile(r"[^\n]+")
_ANY_SPACE = re.compile(f"[{SPACE}]")  # what _SPACE_AFTER_MARK starts with
_GROUP_SPACE = " \u2009\u202f\u00a0"
_DIGIT_GROUPS = re.compile(rf"[0-9]{{1,3}}(?:[{_GROUP_SPACE}][0-9]{{3}})+(?![0-9])")  # and not after [0-9.,]
_GROUP_GAP = re.compile(f"[{_GROUP_SPACE}]")
_ASCII_DIGITS = "0123456789"
_CORNER = re.compile("[「」『』]")
_QUOTE_CHARS = "「」『』\"'"
_QUOTE_LIKE = re.compile(f"[{_QUOTE_CHARS}]")
_CJK = re.compile(f"[{CJK_RANGES}]")
_CHINESE_SIDE = re.compile(f"[{CJK_RANGES}{FULL_MARKS}%％□]")
_SENTENCE_END = "。！？…；，、：.!?;,:"
_REASON = {mark: f"punctuation: half-width {mark!r} in Chinese text → {full}" for mark, full in FULL.items()}


@cache
def _is_chinese(ch: str) -> bool:
    """Whether a neighbour makes a mark Chinese (cached per character: it is asked about every mark)."""
    return bool(ch) and bool(_CHINESE_SIDE.match(ch))


def _context(text: str, i: int, start: int, end: int, step: int) -> str:
    """The first character from i in direction `step` that is not a space, a half-width mark or a quote.

    Marks and quotes are see-through, so a run like ,' or ?! takes its context from what surrounds the
    run, and converting one of them never changes the context of another: the step is idempotent.
    """
    while start <= i < end and text[i] in TRANSPARENT:
        i += step
    return text[i] if start <= i < end else ""


def _half_marks(text: str, start: int, end: int, urls: list[tuple[int, int]]) -> list[Change]:
    """Half-width , : ; ? ! in text[start:end] (a line) that sit in Chinese text."""
    changes = []
    for m in _HALF.finditer(text, start, end):
        i = m.start()
        if urls and any(a <= i < b for a, b in urls):
            continue
        prev = text[i - 1] if i > start else ""
        nxt = text[i + 1] if i + 1 < end else ""
        if prev.isdigit() and nxt.isdigit():
            continue  # 1,200  10:37  1.5:1
        # a neighbour that is not see-through is the context itself (the usual case: no walk needed)
        if not (_is_chinese(_context(text, i - 1, start, end, -1) if prev in TRANSPARENT else prev)
                or _is_chinese(_context(text, i + 1, start, end, 1) if nxt in TRANSPARENT else nxt)):
            continue
        s = i
        while s > start and text[s - 1] in SPACE and _is_chinese(text[s - 2] if s - 2 >= start else ""):
            s -= 1
        e = i + 1
        while e < end and text[e] in SPACE:
            e += 1
        if e > i + 1 and (e == end or not (_is_chinese(text[e]) or text[e] in "\"'“‘")):
            e = i + 1
        mark = m.group()
        reason = _REASON[mark] if s == i and e == i + 1 else _REASON[mark] + "; spaces around it dropped"
        changes.append(Change(s, e, FULL[mark], reason))
    return changes


def _quote_changes(text: str, start: int, end: int) -> list[Change]:
    """Corner brackets to curly quotes; straight quotes in a Chinese line to curly, alternating."""
    changes = [Change(m.start(), m.end(), QUOTES[m.group()], f"punctuation: {m.group()} → {QUOTES[m.group()]}")
               for m in _CORNER.finditer(text, start, end)]
    if not _CJK.search(text, start, end):
        return changes
    for quote, pair in (('"', "“”"), ("'", "‘’")):
        positions = []
        i = text.find(quote, start, end)
        while i != -1:
            positions.append(i)
            i = text.find(quote, i + 1, end)
        if quote == "'":  # an apostrophe between Latin letters (don't) is not a quote
            positions = [i for i in positions if _is_chinese(_context(text, i - 1, start, end, -1))
                         or _is_chinese(_context(text, i + 1, start, end, 1))]
        if not positions:
            continue
        open_ = len(positions) % 2 == 1 and _closes(text, positions[0], start, end)
        for i in positions:
            changes.append(Change(i, i + 1, pair[1] if open_ else pair[0],
                                  f"punctuation: straight {quote} → {pair[1] if open_ else pair[0]}"))
            open_ = not open_
    return changes


def _at(text: str, i: int, start: int, end: int) -> str:
    return text[i] if start <= i < end else ""


def _closes(text: str, i: int, start: int, end: int) -> bool:
    """An unpaired first quote that closes a quotation opened earlier: after 。 or the like, not before text."""
    prev, nxt = _at(text, i - 1, start, end), _at(text, i + 1, start, end)
    return prev != "" and prev in _SENTENCE_END and (nxt == "" or not _CJK.match(nxt) or prev in "。！？…")


def normalise_punctuation(text: str) -> tuple[str, list[Change]]:
    """Full-width marks in Chinese text, half-width digits and letters, Chinese quotes."""
    changes = punctuation_changes(text)
    return apply_changes(text, changes), changes


def punctuation_changes(text: str) -> list[Change]:
    """The changes normalise_punctuation makes, located in `text` (the chain applies them through its Tracker)."""
    urls = _urls(text)
    changes: list[Change] = []
    # the cheap scan: each line rule is tried only if the whole text holds what it starts with (a clean
    # text has no half-width mark in Chinese, no straight quote and few spaces: most have nothing to try),
    # and only on the lines that hold it. A str.find per character: a character class is tried at every
    # position of a text that lacks it (7 ns a character, against well under one for a find)
    half, quotes, spaces = (_holds(text, chars) for chars in (_HALF_CHARS, _QUOTE_CHARS, SPACE))
    wanted = (_HALF_CHARS if half else "") + (_QUOTE_CHARS if quotes else "") + (SPACE if spaces else "")
    for s, e in _lines_holding(text, wanted):
        if half and _HALF.search(text, s, e):
            changes += _half_marks(text, s, e, urls)
        if quotes and _QUOTE_LIKE.search(text, s, e):
            changes += _quote_changes(text, s, e)
        if spaces and _ANY_SPACE.search(text, s, e) and _CJK.search(text, s, e):
            changes += [Change(m.start(), m.end(), "", "punctuation: space after a full-width mark or quote dropped")
                        for m in _SPACE_AFTER_MARK.finditer(text, s, e)]
    # _FULL_WIDTH tries both its branches at every position; one character class finds out quicker
    # whether there is anything to try them on (in most texts nothing)
    for m in _FULL_WIDTH.finditer(text) if _FULL_WIDTH_START.search(text) else ():
        half = "".join(chr(ord(c) - 0xFEE0) for c in m.group())
        changes.append(Change(m.start(), m.end(), half, f"punctuation: full-width {m.group()} → {half}"))
    for m in _DIGIT_GROUPS.finditer(text) if _split_digits(text) else ():
        base = m.start()
        if base and text[base - 1] in "0123456789.,":
            continue
        changes += [Change(base + g.start(), base + g.end(), "", "digit group split by a space re-joined "
                           f"({m.group()} → {_GROUP_GAP.sub('', m.group())})") for g in _GROUP_GAP.finditer(m.group())]
    changes = _without_overlaps(changes)
    return changes


def _holds(text: str, chars: str) -> bool:
    """Whether `text` holds one of `chars` (what a search for their character class finds out)."""
    return any(c in text for c in chars)


def _lines_holding(text: str, chars: str) -> list[tuple[int, int]]:
    """The spans of the lines of `text` (as _LINE finds them) that hold one of `chars`, in text order."""
    spans = set()
    for c in chars:
        i = text.find(c)
        while i != -1:
            start, end = text.rfind("\n", 0, i) + 1, text.find("\n", i)
            end = len(text) if end == -1 else end
            spans.add((start, end))
            i = text.find(c, end)  # on from the next line
    return sorted(spans)


def _split_digits(text: str) -> bool:
    """Whether a digit, a group space and a digit stand in a row (every _DIGIT_GROUPS match holds one):
    a find per group space, where the rule is tried at every digit of the text."""
    for c in _GROUP_SPACE:
        i = text.find(c)
        while i != -1:
            if 0 < i < len(text) - 1 and text[i - 1] in _ASCII_DIGITS and text[i + 1] in _ASCII_DIGITS:
                return True
            i = text.find(c, i + 1)
    return False


def _urls(text: str) -> list[tuple[int, int]]:
    """Spans of URLs and e-mail addresses. The e-mail half of _URL needs an '@' and the web half 'http' or
    'www.': without them it cannot match, so it is not run (the e-mail half backtracks through every
    run of word characters, which in Chinese text is most of it)."""
    if "@" in text:
        return [m.span() for m in _URL.finditer(text)]
    if "http" in text or "www." in text:
        return [m.span() for m in _WEB_ONLY.finditer(text)]
    return []


def _without_overlaps(changes: list[Change]) -> list[Change]:
    """Sorted changes, dropping any that overlaps one already kept (the rules above rarely meet)."""
    kept: list[Change] = []
    for c in sorted(changes, key=lambda c: (c.start, c.end)):
        if kept and c.start < kept[-1].end:
            continue
        kept.append(c)
    return kept
