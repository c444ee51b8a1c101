"""Repair UTF-8 text that was decoded as GBK (e.g. 鍒嗕韩鍒帮細 → 分享到：), line by line.

Each garbled character is mapped back to the bytes GBK gave it: ordinary GBK characters by the codec,
private-use characters (GBK user-defined byte pairs) through GB18030, and '€' to the single byte 0x80 as
Windows code page 936 does. U+FFFD stands for a byte the first decoder threw away: that character is
lost, marked □ and flagged. Where the garbled text was later narrowed (full-width ｈ → h), an ASCII letter
right after a broken sequence is tried as its full-width GBK bytes (A3 xx) and kept only if that
completes the sequence. A line (or, failing that, a space-separated token) is rewritten only when its
bytes read back as Chinese with at most one lost character per two recovered ones, which ordinary text
does not (the GBK bytes of real words are almost never valid UTF-8).
"""

from __future__ import annotations

import re

from gongfu.clean.chars import LOST, cjk_count
from gongfu.edits import Change, apply_changes

REASON = "mojibake: UTF-8 bytes decoded as GBK, re-read as UTF-8"
_UNKNOWN = 0xFF  # never valid in UTF-8: marks a byte the garbling decoder replaced with U+FFFD
_SEGMENT = re.compile(r"[^\n]+")
_TOKEN = re.compile(r"\S+")
_BAD = re.compile(r"[\udc80-\udcff]+")


def _gbk_bytes(ch: str) -> bytes | None:
    """The bytes a GBK decoder turned into `ch`, or None if it cannot have come from GBK decoding."""
    o = ord(ch)
    if o < 0x80:
        return ch.encode("ascii")
    if ch == "\ufffd":
        return bytes([_UNKNOWN])
    if ch == "\u20ac":
        return b"\x80"
    try:
        return ch.encode("gbk")
    except UnicodeEncodeError:
        pass
    if 0xE000 <= o <= 0xF8FF:
        encoded = ch.encode("gb18030")
        return encoded if len(encoded) == 2 else None
    if o < 0x100:  # Latin-1 punctuation such as a no-break space survives garbling as itself
        return ch.encode("utf-8")
    return None


def _bad_bytes(decoded: str) -> int:
    return len(decoded) - len(_BAD.sub("", decoded))


def _mark_lost(decoded: str) -> tuple[str, int]:
    """Replace each run of bytes that are not UTF-8 with □, one per character those bytes began."""
    lost = 0
    out = []
    pos = 0
    for m in _BAD.finditer(decoded):
        out.append(decoded[pos:m.start()])
        run = [ord(c) - 0xDC00 for c in m.group()]
        # one character per UTF-8 lead byte in the run; a run with none is the tail of one character
        n = max(1, sum(1 for b in run if 0xC0 <= b < _UNKNOWN))
        out.append(LOST * n)
        lost += n
        pos = m.end()
    out.append(decoded[pos:])
    return "".join(out), lost


def _plausible(repaired: str, lost: int) -> bool:
    """Chinese text with few gaps: ordinary text re-read this way gives almost no CJK and many gaps."""
    cjk = cjk_count(repaired)
    return cjk >= 2 and lost <= max(1, cjk // 2)


def _narrowed_letters(segment: str, chunks: list[bytes], decoded: str) -> tuple[list[bytes], str]:
    """Try ASCII after a garbled character as the full-width GBK letter it was narrowed from (A3 xx)."""
    bad = _bad_bytes(decoded)
    for i, ch in enumerate(segment):
        if bad and 0x21 <= ord(ch) <= 0x7E and i and ord(segment[i - 1]) > 0x7F:
            trial = [*chunks[:i], bytes([0xA3, ord(ch) + 0x80]), *chunks[i + 1:]]
            trial_decoded = b"".join(trial).decode("utf-8", errors="surrogateescape")
            trial_bad = _bad_bytes(trial_decoded)
            if trial_bad < bad:
                chunks, decoded, bad = trial, trial_decoded, trial_bad
    return chunks, decoded


def _segment_bytes(segment: str) -> list[bytes] | None:
    """The bytes GBK decoding turned into each character of `segment`, or None if one cannot be GBK."""
    chunks = []
    for ch in segment:
        b = _gbk_bytes(ch)
        if b is None:
            return None
        chunks.append(b)
    return chunks


def _reread(segment: str) -> tuple[str, list[bytes] | None] | None:
    """`segment`'s GBK bytes read as UTF-8 (undecodable bytes as surrogates), with the per-character bytes
    when they had to be built one by one; None if a character cannot have come from GBK decoding."""
    try:  # fast path: ordinary text GBK-encodes in one call
        return segment.encode("gbk").decode("utf-8", errors="surrogateescape"), None
    except UnicodeEncodeError:
        chunks = _segment_bytes(segment)
        if chunks is None:
            return None
        return b"".join(chunks).decode("utf-8", errors="surrogateescape"), chunks


def repair_segment(segment: str, reading: tuple[str, list[bytes] | None] | None = None) -> tuple[str, int] | None:
    """`segment` re-read as UTF-8 and its number of lost characters, or None if it is not mojibake."""
    if segment.isascii():
        return None
    reading = reading or _reread(segment)
    if reading is None or reading[0] == segment:
        return None
    decoded, chunks = reading
    cjk = cjk_count(decoded)
    bad = _bad_bytes(decoded)
    if cjk < 2 or bad > 3 * cjk:  # far more junk than Chinese: ordinary text, not mojibake
        return None
    if bad:
        chunks = chunks or _segment_bytes(segment)
        if chunks is not None:
            chunks, decoded = _narrowed_letters(segment, chunks, decoded)
    repaired, lost = _mark_lost(decoded)
    return (repaired, lost) if _plausible(repaired, lost) else None


def repair_mojibake(text: str) -> tuple[str, list[Change]]:
    """Repair every line (or, failing that, every space-separated token) that is GBK-read UTF-8."""
    changes: list[Change] = []
    for m in _SEGMENT.finditer(text):
        line = m.group()
        if line.isascii():
            continue
        reading = _reread(line)
        fixed = repair_segment(line, reading)
        if fixed is not None:
            changes.append(_change(m.start(), m.end(), *fixed))
            continue
        # a garbled token shows in the line's own reading (a space re-synchronises UTF-8), so a line
        # whose reading holds fewer than two Chinese characters has none
        if reading is not None and cjk_count(reading[0]) < 2:
            continue
        tokens = list(_TOKEN.finditer(line))
        for t in tokens if len(tokens) > 1 else ():
            fixed = repair_segment(t.group())
            if fixed is not None:
                changes.append(_change(m.start() + t.start(), m.start() + t.end(), *fixed))
    return apply_changes(text, changes), changes


def _change(start: int, end: int, repaired: str, lost: int) -> Change:
    reason = REASON + (f"; {lost} character(s) lost (U+FFFD in the source), marked {LOST}" if lost else "")
    return Change(start, end, repaired, reason, lost > 0)
