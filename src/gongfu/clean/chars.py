"""Character classes shared by the cleaning steps (CJK ideographs, CJK punctuation, loss marker)."""

from __future__ import annotations

import re

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
SPACES = " \t\u3000\u00a0"


def is_cjk(ch: str) -> bool:
    """True for a CJK ideograph (BMP blocks used by Chinese news text)."""
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF


def cjk_count(text: str) -> int:
    return len(CJK_RE.findall(text))
