"""One document's units (paragraphs, sentences, segments, clauses), found once and shared by every lookup.

Claims (indicator, change, status, claim id) and the document context (entity, period) both read a number in
its sentence, segment or clause; `DocumentIndex(text)` finds every boundary in one pass of the regex for the
finest unit (a list clause, which also ends at 、) and keeps each coarser unit's ends as the subset whose
boundary character ends that unit too, as sorted arrays: a unit holding a position is then one bisect. The
units are those of `gongfu.extract.sentences` (the one place their boundary characters are defined):
`ends(SENTENCE_END, text) == DocumentIndex(text).sentences`, and so on.
"""

from __future__ import annotations

import bisect
import re

from gongfu.extract.sentences import LIST_CLAUSE_END

# A cheap look at the first character before the alternation; matches exactly what LIST_CLAUSE_END matches.
_ANY_END = re.compile(f"(?=[，；;：。！？!?\\n、,:])(?:{LIST_CLAUSE_END.pattern})")
_SEGMENT_CHARS = frozenset("。！？!?\n；;")  # SEGMENT_END
_SENTENCE_CHARS = frozenset("。！？!?\n")  # SENTENCE_END


class DocumentIndex:
    """The sorted unit ends of one text (offsets just after each boundary) and the unit holding a position."""

    __slots__ = ("clauses", "list_clauses", "paragraphs", "segments", "sentences", "size", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.size = len(text)
        self.list_clauses = [m.end() for m in _ANY_END.finditer(text)]  # LIST_CLAUSE_END
        self.clauses = [e for e in self.list_clauses if text[e - 1] != "、"]  # CLAUSE_END
        self.segments = [e for e in self.clauses if text[e - 1] in _SEGMENT_CHARS]
        self.sentences = [e for e in self.segments if text[e - 1] in _SENTENCE_CHARS]
        self.paragraphs = [e for e in self.sentences if text[e - 1] == "\n"]

    def at(self, bounds: list[int], pos: int) -> tuple[int, int]:
        """The [begin, end) of the unit (one of this index's lists) holding `pos`."""
        i = bisect.bisect_right(bounds, pos)
        return (bounds[i - 1] if i else 0), (bounds[i] if i < len(bounds) else self.size)

    def around(self, bounds: list[int], start: int, end: int) -> tuple[int, int]:
        """The [begin, finish) of the units (one of this index's lists) holding start..end."""
        i = bisect.bisect_right(bounds, start)
        j = bisect.bisect_left(bounds, end)
        return (bounds[i - 1] if i else 0), (bounds[j] if j < len(bounds) else self.size)

    def paragraph(self, pos: int) -> tuple[int, int]:
        return self.at(self.paragraphs, pos)

    def sentence(self, pos: int) -> tuple[int, int]:
        return self.at(self.sentences, pos)

    def segment(self, pos: int) -> tuple[int, int]:
        return self.at(self.segments, pos)

    def clause(self, pos: int) -> tuple[int, int]:
        return self.at(self.clauses, pos)
