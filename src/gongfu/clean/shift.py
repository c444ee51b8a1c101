"""Rebuild Chinese text whose GBK bytes were shifted by one where a byte was replaced by '?'.

In 003 the lead byte of a character was overwritten by '?', so every following byte pairs with the wrong
neighbour until the decoder re-aligns: 「。”住進」 became 「?!弊∵M」 (?|A3A1 B1D7 A1DF 4D). Re-encoding
the garbled characters gives the original bytes back exactly, except the overwritten one. The decoder
re-aligns where an original ASCII byte comes up: read on its own (the 'M' above), merged into a garbled
character as its trail byte (C0 4D), or swallowed with the byte before it into another '?' (a month
digit: that character and the one whose trail byte went with it are gone). The garbled text was also
narrowed afterwards (full-width ！ → !), so ! ? , : ; right after the '?' are read as full-width bytes.

Only runs with evidence of a shift are touched: a full-width form (GBK row A3, such as ！ or Ｂ, possibly
narrowed) right after a '?' that follows Chinese text, or an orphaned pinyin annotation. Of the ways a
run can be read, the first that decodes to Chinese and leaves real text after it wins, trying "the run
ends here, bytes lost" before "the '?' was a narrowed ？", so that nothing is invented where a loss
explains the bytes as well. The overwritten lead byte is only rebuilt when the byte after it is A3: the
one GBK character in the punctuation row with that second byte is 。 (A1 A3). Where only the lead byte
A1 (the punctuation row) of a character survives, right after a sentence end inside an open quotation,
it is the closing quote ” (the only A1 character that can stand there): rebuilt, and the reason says so.
Anything else is marked □ and flagged. A run with evidence that cannot be read is flagged as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from gongfu.clean.chars import CJK_OR_PUNCT, CJK_PUNCT, CJK_RANGES, LOST, is_cjk
from gongfu.clean.edits import Change, apply_changes

NARROWED = {"!": 0xA1, "?": 0xBF, ",": 0xAC, ":": 0xBA, ";": 0xBB}  # full-width ！？，：； are A3 xx
_PINYIN_LETTERS = "a-zà-üāēěīōūǎǐǒǔǖǘǚǜ"
# '?' first, its neighbour checked by a look-behind over both: the regex engine skips to each '?'
_START = re.compile(rf"\?(?<=[{CJK_RANGES}{CJK_PUNCT}{_PINYIN_LETTERS})]\?)")
_PINYIN_TAIL = re.compile(rf"[{_PINYIN_LETTERS}]{{1,6}}\)")
LEAD, ASCII_GONE = -1, -2  # unknown bytes: an overwritten lead byte / a swallowed single-byte character
_PUNCT_ROW = "\x00"  # a character of which only the lead byte A1 (GBK punctuation row) survives
_REAL_PUNCT = "，。、；：？！“”‘’《》（）…—·"
MAX_RUN = 24
REASON = "shifted bytes: GBK re-encoded and re-aligned"


def _gbk(ch: str) -> bytes | None:
    """The bytes a GBK decoder turned into `ch` (user-defined pairs come back as private-use)."""
    try:
        return ch.encode("gbk")
    except UnicodeEncodeError:
        pass
    if "\ue000" <= ch <= "\uf8ff":
        encoded = ch.encode("gb18030")
        return encoded if len(encoded) == 2 else None
    return None


def _tokens(text: str, j: int) -> list[str]:
    """The garbled characters from j: up to an ASCII byte, a second '?' (both re-align) or MAX_RUN."""
    tokens: list[str] = []
    while j < len(text) and len(tokens) < MAX_RUN:
        ch = text[j]
        if ch == "?" and tokens:  # an invalid pair (a trail byte and a swallowed ASCII byte) re-aligns
            tokens.append(ch)
            break
        if 0x40 <= ord(ch) <= 0x7E and ch not in NARROWED:  # read on its own: it re-aligns the decoder
            tokens.append(ch)
            break
        if not (ch in NARROWED or (ord(ch) > 0x7F and not ch.isspace() and _gbk(ch))):
            break
        tokens.append(ch)
        j += 1
    return tokens


def _decode_pair(lead: int, trail: int) -> str | None:
    """One aligned GBK byte pair, either byte possibly unknown; None if it cannot be Chinese text."""
    if lead == LEAD and trail == 0xA3:
        return "。"
    if lead == 0xA1 and trail == LEAD:
        return _PUNCT_ROW
    if lead == LEAD or trail < 0:
        return LOST
    try:
        ch = bytes([lead, trail]).decode("gbk")
    except UnicodeDecodeError:
        return None
    return ch if is_cjk(ch) or re.match(CJK_OR_PUNCT, ch) else None


def _decode(units: list[int]) -> list[str] | None:
    """Decode byte units (with unknowns) as aligned GBK; None if the bytes cannot be real text."""
    out: list[str] = []
    k = 0
    while k < len(units):
        b = units[k]
        if b == ASCII_GONE:
            out.append(LOST)
            k += 1
        elif 0 <= b < 0x80:
            out.append(chr(b))
            k += 1
        else:
            if k + 1 >= len(units):
                return None
            ch = _decode_pair(b, units[k + 1])
            if ch is None:
                return None
            out.append(ch)
            k += 2
    return out


def _readings(tokens: list[str], k: int = 0, units: tuple[int, ...] = (LEAD,)) -> Iterator[tuple[list[int], int]]:
    """Every way to read tokens[k:] after `units`, as (byte units, tokens used), in order of preference."""
    if k == len(tokens):
        return
    ch = tokens[k]
    if ch == "?":
        yield [*units, LEAD, ASCII_GONE], k + 1  # a trail byte and a swallowed ASCII byte: ends the run
        yield from _readings(tokens, k + 1, (*units, 0xA3, NARROWED[ch]))  # a narrowed ？
        return
    if ch in NARROWED:
        yield from _readings(tokens, k + 1, (*units, 0xA3, NARROWED[ch]))
        return
    data = _gbk(ch) or b""
    if len(data) == 1:  # an ASCII byte read on its own ends the run
        yield [*units, data[0]], k + 1
        return
    if 0x40 <= data[1] <= 0x7E:  # an ASCII byte merged into this character as its trail byte
        yield [*units, data[0], data[1]], k + 1
    yield from _readings(tokens, k + 1, (*units, *data))


def _looks_real(chars: list[str]) -> bool:
    """Text after a re-alignment is original text: Chinese, common punctuation or ASCII, no stray symbols."""
    return all(is_cjk(c) or c in _REAL_PUNCT or ord(c) < 0x80 for c in chars)


def rebuild_run(tokens: list[str], orphan_pinyin: bool = False) -> tuple[str, int] | None:
    """The original text for a '?' followed by `tokens` and how many tokens it replaces, or None.

    A character known only by its punctuation-row lead byte comes back as the placeholder _PUNCT_ROW.
    A reading that is nothing but losses needs real text after it, or `orphan_pinyin` (the '?' is
    followed by a pinyin annotation whose character is gone).
    """
    for units, used in _readings(tokens):
        decoded = _decode(units)
        if decoded is None or not _looks_real(tokens[used:]):
            continue
        # nothing but losses is a reading only when real text follows it (or its pinyin is orphaned);
        # otherwise it is as likely a double question mark at the end of a sentence
        if orphan_pinyin or used < len(tokens) or any(c not in (LOST, _PUNCT_ROW) for c in decoded):
            return "".join(decoded), used
    return None


def _resolve_punct_row(rebuilt: str, before: str) -> tuple[str, bool]:
    """Each _PUNCT_ROW as ” when it closes an open quotation right after a sentence end, else □.

    `before` is the text of the line up to the run. Returns the text and whether a quote was inferred.
    """
    inferred = False
    out: list[str] = []
    for k, ch in enumerate(rebuilt):
        if ch == _PUNCT_ROW:
            context = before + "".join(out)
            closes = bool(k) and rebuilt[k - 1] in "。！？" and context.count("“") > context.count("”")
            ch = "”" if closes else LOST
            inferred = inferred or closes
        out.append(ch)
    return "".join(out), inferred


def _evidence(text: str, j: int, tail: re.Match | None) -> bool:
    """A shift, not a question mark: an orphaned pinyin annotation, or a full-width form after the '?'."""
    return bool(tail) or (j < len(text) and (text[j] in NARROWED or "\uff01" <= text[j] <= "\uff5e"))


def rebuild_shifted(text: str) -> tuple[str, list[Change]]:
    """Rebuild every shifted '?' run after Chinese text; flag characters that cannot be rebuilt."""
    changes = shift_changes(text)
    return apply_changes(text, changes), changes


def shift_changes(text: str) -> list[Change]:
    """The changes rebuild_shifted makes, located in `text` (the chain applies them through its Tracker)."""
    if "?" not in text:  # every run starts with a '?'
        return []
    changes: list[Change] = []
    pos = 0
    for m in _START.finditer(text):
        i = m.start()
        if i < pos:
            continue
        tail = _PINYIN_TAIL.match(text, i + 1)  # pinyin that was attached to the destroyed character
        j = tail.end() if tail else i + 1
        if not _evidence(text, j, tail):
            continue
        tokens = _tokens(text, j)
        found = rebuild_run(tokens, orphan_pinyin=bool(tail)) if tokens else None
        if found is None:
            if tail or (tokens and tokens[0] not in NARROWED):  # evidence but unreadable: flag it, keep it
                end = j + len(tokens)
                changes.append(Change(i, end, text[i:end], "shifted bytes that cannot be rebuilt: kept as "
                                      "they are, the characters are lost", True))
                pos = end
            continue  # a narrowed ！ or ？ that reads as nothing else: an ordinary question mark
        rebuilt, used = found
        line_start = text.rfind("\n", 0, i) + 1
        rebuilt, inferred = _resolve_punct_row(rebuilt, text[line_start:i])
        end = j + used
        changes.append(Change(i, end, rebuilt, _reason(rebuilt, tail, inferred), LOST in rebuilt))
        pos = end
    return changes


def _reason(rebuilt: str, tail: re.Match | None, inferred: bool) -> str:
    reason = REASON
    if rebuilt.startswith("。"):
        reason += "; overwritten lead byte read as A1 (A1 A3 = 。)"
    if inferred:
        reason += "; ” inferred: its lead byte A1 survives and it closes the open quotation"
    if tail:
        reason += f"; pinyin remnant {tail.group()!r} of the destroyed character dropped"
    if lost := rebuilt.count(LOST):
        reason += f"; {lost} character(s) lost, marked {LOST}"
    return reason
