"""Character classes shared by the cleaning steps (CJK ideographs, CJK punctuation, loss marker)."""

from __future__ import annotations

import re

import numpy as np

# The mark left in the text where a character is truly gone (a '?' that replaced bytes, an undecodable
# byte). Chinese typesetting uses □ for an illegible character; the edit row says what was there.
LOST = "\u25a1"

CJK_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK = f"[{CJK_RANGES}]"
CJK_RE = re.compile(CJK)
# Full-width / ideographic punctuation that only occurs in Chinese text.
CJK_PUNCT = ("\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
             "\u2018\u2019\u201c\u201d\u2026\u2014\u00b7")
CJK_OR_PUNCT = f"[{CJK_RANGES}{CJK_PUNCT}]"
# Punctuation that ends a sentence (a line ending in one of these is complete).
TERMINAL = "。！？!?…；;"
# Punctuation that shows a line is running prose rather than a heading or caption.
SENTENCE_PUNCT_RE = re.compile(r"[。，！？；、,;!?]")


def is_cjk(ch: str) -> bool:
    """True for a CJK ideograph (BMP blocks used by Chinese news text)."""
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF


_NOT_CJK_RE = re.compile(f"[^{CJK_RANGES}]+")
CJK_TABLE = np.zeros(0x110000, dtype=bool)  # code point -> is a CJK ideograph (the ranges of CJK_RANGES)
for _lo, _hi in ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF)):
    CJK_TABLE[_lo:_hi + 1] = True
_VECTOR_FROM = 64  # below this length a regex is quicker than building an array


def code_points(text: str) -> np.ndarray:
    """The code points of `text` as an array; raises UnicodeEncodeError on a lone surrogate."""
    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)


def cjk_mask(text: str) -> np.ndarray:
    """One bool per character of `text` (which holds no lone surrogate): whether it is a CJK ideograph."""
    return CJK_TABLE[code_points(text)]


def cjk_count(text: str) -> int:
    """The number of CJK ideographs in `text`. A character class regex tests ranges one by one (about
    70 ns a character on Chinese text), so long texts go through a lookup table instead."""
    if len(text) >= _VECTOR_FROM:
        try:
            return int(np.count_nonzero(cjk_mask(text)))
        except UnicodeEncodeError:  # lone surrogates (bytes kept by surrogateescape): the regex takes them
            pass
    return len(_NOT_CJK_RE.sub("", text))
