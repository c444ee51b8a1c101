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

import codecs
import re
from functools import cache
from itertools import accumulate

import numpy as np

from gongfu.clean.chars import CJK_TABLE, LOST, cjk_count
from gongfu.clean.edits import Change, apply_changes

REASON = "mojibake: UTF-8 bytes decoded as GBK, re-read as UTF-8"
_UNKNOWN = 0xFF  # never valid in UTF-8: marks a byte the garbling decoder replaced with U+FFFD
_TOKEN = re.compile(r"\S+")
_BAD = re.compile(r"[\udc80-\udcff]+")


@cache
def _gbk_bytes(ch: str) -> bytes | None:
    """The bytes a GBK decoder turned into `ch`, or None if it cannot have come from GBK decoding.

    Cached per character: a garbled footer repeats the same few hundred characters."""
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
    """The bytes of a surrogateescape reading that were not UTF-8: each is one escape character, one byte
    when escaped back and none when dropped (two C encodes: a regex over the string is slower)."""
    return len(decoded.encode("utf-8", "surrogateescape")) - len(decoded.encode("utf-8", "ignore"))


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


def _as_decoded(err: UnicodeError) -> tuple[bytes, int]:
    """Codec error handler: the bytes _gbk_bytes gives the characters GBK cannot encode; the error itself
    where one cannot have come from GBK decoding."""
    if not isinstance(err, UnicodeEncodeError):
        raise err
    chunks = [_gbk_bytes(ch) for ch in err.object[err.start:err.end]]
    if None in chunks:
        raise err
    return b"".join(chunks), err.end


def _as_decoded_or_nul(err: UnicodeError) -> tuple[bytes, int]:
    """Codec error handler: as _as_decoded, but a NUL byte for a character that cannot be GBK."""
    if not isinstance(err, UnicodeEncodeError):
        raise err
    return b"".join(_gbk_bytes(ch) or b"\0" for ch in err.object[err.start:err.end]), err.end


_AS_DECODED, _AS_DECODED_OR_NUL = "gongfu-gbk-as-decoded", "gongfu-gbk-as-decoded-or-nul"
codecs.register_error(_AS_DECODED, _as_decoded)
codecs.register_error(_AS_DECODED_OR_NUL, _as_decoded_or_nul)


def _segment_bytes(segment: str) -> list[bytes] | None:
    """The bytes GBK decoding turned into each character of `segment`, or None if one cannot be GBK."""
    chunks = [_gbk_bytes(ch) for ch in segment]
    return None if None in chunks else chunks


def _reread(segment: str) -> str | None:
    """`segment`'s GBK bytes read as UTF-8 (undecodable bytes as surrogates); None if a character cannot
    have come from GBK decoding."""
    try:
        data = segment.encode("gbk", errors=_AS_DECODED)
    except UnicodeEncodeError:
        return None
    return data.decode("utf-8", errors="surrogateescape")


def repair_segment(segment: str, reading: str | None = None) -> tuple[str, int] | None:
    """`segment` re-read as UTF-8 (`reading`, if known) and its number of lost characters, or None if it
    is not mojibake."""
    if segment.isascii():
        return None
    decoded = reading or _reread(segment)
    if decoded is None or decoded == segment:
        return None
    cjk = cjk_count(decoded)
    if cjk < 2:  # tested before the bad bytes, which cost more to count
        return None
    bad = _bad_bytes(decoded)
    if bad > 3 * cjk:  # far more junk than Chinese: ordinary text, not mojibake
        return None
    if bad:
        chunks = _segment_bytes(segment)
        if chunks is not None:
            chunks, decoded = _narrowed_letters(segment, chunks, decoded)
    repaired, lost = _mark_lost(decoded)
    return (repaired, lost) if _plausible(repaired, lost) else None


def _cjk_starts(b: np.ndarray) -> np.ndarray:
    """The positions in the bytes `b` where a UTF-8 decoder reads a CJK ideograph.

    A well-formed three-byte sequence is always read as its character, whatever precedes it: its lead
    byte cannot continue an earlier sequence, so the decoder is in step there. Counting these is the
    same as counting the CJK characters of the decoded text, without decoding (mostly errors: slow).
    """
    lead = np.flatnonzero((b[:-2] & 0xF0) == 0xE0)
    second, third = b[lead + 1], b[lead + 2]
    well_formed = ((second & 0xC0) == 0x80) & ((third & 0xC0) == 0x80)
    lead, second, third = lead[well_formed], second[well_formed], third[well_formed]
    code = ((b[lead].astype(np.uint32) & 0x0F) << 12) | ((second.astype(np.uint32) & 0x3F) << 6) | (third & 0x3F)
    return lead[CJK_TABLE[code]]


def _readings(text: str, quick: bool = True) -> dict[int, str | None]:
    """The lines that may hold mojibake, by index in text.split("\n"), with their readings (as _reread).

    The whole text is encoded at once. A newline is one byte that UTF-8 never merges with its
    neighbours, so the bytes split into exactly the lines' own bytes, except that a character no
    decoder could have produced is a NUL there: such a line is re-read on its own. A line whose
    reading holds fewer than two Chinese characters is left alone by repair_mojibake both as a line and
    token by token, so it is not returned: in most texts no line is. With `quick` (the cheap scan), neither
    is a line of one token (no space: no token of its own is tried) whose reading has more undecodable bytes
    than three per Chinese character, which `repair_segment` refuses: ordinary Chinese re-read this way is
    mostly errors, and the count is two C encodes where `repair_segment` builds arrays.
    """
    data = text.encode("gbk", errors=_AS_DECODED_OR_NUL)
    b = np.frombuffer(data, dtype=np.uint8)
    newlines = np.flatnonzero(b == 0x0A)
    cjk = np.bincount(np.searchsorted(newlines, _cjk_starts(b)), minlength=len(newlines) + 1)
    with_nul = set(np.searchsorted(newlines, np.flatnonzero(b == 0)).tolist())
    candidates = sorted(with_nul.union(np.flatnonzero(cjk >= 2).tolist()))
    if not candidates:
        return {}
    lines = text.split("\n")
    starts, ends = [0, *(newlines + 1).tolist()], [*newlines.tolist(), len(b)]
    found = {}
    for k in candidates:
        if k in with_nul:
            found[k] = _reread(lines[k])
            continue
        reading = data[starts[k]:ends[k]].decode("utf-8", "surrogateescape")
        if not quick or _bad_bytes(reading) <= 3 * cjk[k] or len(lines[k].split(maxsplit=1)) > 1:
            found[k] = reading
    return found


def repair_mojibake(text: str) -> tuple[str, list[Change]]:
    """Repair every line (or, failing that, every space-separated token) that is GBK-read UTF-8."""
    changes = mojibake_changes(text)
    return apply_changes(text, changes), changes


def mojibake_changes(text: str, quick: bool = True) -> list[Change]:
    """The changes repair_mojibake makes, located in `text` (the chain applies them through its Tracker).
    `quick=False` turns off the cheap scan that skips the lines `repair_segment` would refuse (same result)."""
    changes: list[Change] = []
    candidates = _readings(text, quick)
    if not candidates:  # the usual text: no line reads as Chinese when re-read, nothing to repair
        return changes
    lines = text.split("\n")
    offsets = [0, *accumulate(len(line) + 1 for line in lines)]
    for k, reading in candidates.items():
        line, start = lines[k], offsets[k]
        if line.isascii():
            continue
        fixed = repair_segment(line, reading)
        if fixed is not None:
            changes.append(_change(start, start + len(line), *fixed))
            continue
        # a garbled token shows in the line's own reading (a space re-synchronises UTF-8), so a line
        # whose reading holds fewer than two Chinese characters has none
        if reading is not None and cjk_count(reading) < 2:
            continue
        tokens = list(_TOKEN.finditer(line))
        for t in tokens if len(tokens) > 1 else ():
            fixed = repair_segment(t.group())
            if fixed is not None:
                changes.append(_change(start + t.start(), start + t.end(), *fixed))
    return changes


def _change(start: int, end: int, repaired: str, lost: int) -> Change:
    reason = REASON + (f"; {lost} character(s) lost (U+FFFD in the source), marked {LOST}" if lost else "")
    return Change(start, end, repaired, reason, lost > 0)
