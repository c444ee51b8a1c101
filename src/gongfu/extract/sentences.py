"""Sentence, segment and clause boundaries: the units a claim's context is read in, defined once.

A sentence ends at 。！？ or a line end; a segment also at a semicolon; a clause also at a comma, colon or ellipsis
(LIST_CLAUSE_END adds the enumeration comma 、, for the words right beside a number).
"""

from __future__ import annotations

import bisect
import re

SENTENCE_END = re.compile(r"[。！？!?\n]")
SEGMENT_END = re.compile(r"[。！？!?\n；;]")
# A half-width comma or colon between digits is a thousands separator or a ratio (1,000元, 1.52:1), not a break.
CLAUSE_END = re.compile(r"[，；;：。！？!?\n…]|[,:](?!\d)")
LIST_CLAUSE_END = re.compile(r"[，；;：。！？!?\n、…]|[,:](?!\d)")
_AFTER_SEGMENT_END = re.compile(rf"(?<={SEGMENT_END.pattern})")


def ends(pattern: re.Pattern[str], text: str) -> list[int]:
    """The offsets just after each boundary `pattern` finds in `text`, in order."""
    return [m.end() for m in pattern.finditer(text)]


def unit_at(bounds: list[int], size: int, pos: int) -> tuple[int, int]:
    """The [begin, end) of the unit (sentence, clause...) holding `pos`, from the sorted unit ends."""
    i = bisect.bisect_right(bounds, pos)
    return (bounds[i - 1] if i else 0), (bounds[i] if i < len(bounds) else size)


def unit_around(bounds: list[int], size: int, start: int, end: int) -> tuple[int, int]:
    """The [begin, finish) of the units holding start..end, from the sorted unit ends."""
    i = bisect.bisect_right(bounds, start)
    j = bisect.bisect_left(bounds, end)
    return (bounds[i - 1] if i else 0), (bounds[j] if j < len(bounds) else size)


def split_sentences(text: str) -> list[str]:
    """The segments of `text` (ending in 。！？；or a line end), empty ones dropped.

    >>> split_sentences("产值增长5%；税收增加。\\n下一段")
    ['产值增长5%；', '税收增加。', '下一段']
    """
    return [s for s in _AFTER_SEGMENT_END.split(text) if s.strip()]
