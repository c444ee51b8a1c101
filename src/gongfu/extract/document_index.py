"""One document's units (paragraphs, sentences, segments, clauses), found once and shared by every lookup.

Claims (indicator, change, status, claim id) and the document context (entity, period) both read a number in
its sentence, segment or clause; `DocumentIndex(text)` finds every boundary in one pass of the regex for the
finest unit (a list clause, which also ends at 、) and keeps each coarser unit's ends as the subset whose
boundary character ends that unit too, as sorted arrays: a unit holding a position is then one bisect. The
units are those of `gongfu.extract.sentences` (the one place their boundary characters are defined):
`ends(SENTENCE_END, text) == DocumentIndex(text).sentences`, and so on.

The marks the rules look for around a number (quotation marks “ ”, title marks 《 》) are indexed the same way,
on first use: `rfind` and `find` answer as `str.rfind` and `str.find` do for one character, by bisecting its
positions instead of scanning the paragraph for it at every number and every name.
"""

from __future__ import annotations

import bisect
import re

from gongfu.extract.sentences import LIST_CLAUSE_END

# A cheap look at the first character before the alternation; matches exactly what LIST_CLAUSE_END matches.
_ANY_END = re.compile(f"(?=[，；;：。！？!?\\n、,:…])(?:{LIST_CLAUSE_END.pattern})")
_SEGMENT_CHARS = frozenset("。！？!?\n；;")  # SEGMENT_END
_SENTENCE_CHARS = frozenset("。！？!?\n")  # SENTENCE_END


class DocumentIndex:
    """The sorted unit ends of one text (offsets just after each boundary) and the unit holding a position."""

    __slots__ = ("_positions", "clauses", "list_clauses", "paragraphs", "segments", "sentences", "size", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.size = len(text)
        self.list_clauses = [m.end() for m in _ANY_END.finditer(text)]  # LIST_CLAUSE_END
        self.clauses = [e for e in self.list_clauses if text[e - 1] != "、"]  # CLAUSE_END
        self.segments = [e for e in self.clauses if text[e - 1] in _SEGMENT_CHARS]
        self.sentences = [e for e in self.segments if text[e - 1] in _SENTENCE_CHARS]
        self.paragraphs = [e for e in self.sentences if text[e - 1] == "\n"]
        self._positions: dict[str, list[int]] = {}  # character -> where it occurs, filled on first use

    def begin(self, bounds: list[int], pos: int) -> int:
        """Where the unit (one of this index's lists) holding `pos` begins."""
        i = bisect.bisect_right(bounds, pos)
        return bounds[i - 1] if i else 0

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

    def units(self, pos: int) -> tuple[tuple[int, int], tuple[int, int], tuple[int, int], tuple[int, int]]:
        """The paragraph, sentence, segment and clause holding `pos`, as `at` gives each."""
        size, right = self.size, bisect.bisect_right
        out = []
        for bounds in (self.paragraphs, self.sentences, self.segments, self.clauses):
            i = right(bounds, pos)
            out.append(((bounds[i - 1] if i else 0), (bounds[i] if i < len(bounds) else size)))
        return out[0], out[1], out[2], out[3]

    def positions(self, char: str) -> list[int]:
        """The sorted offsets of one character in the text (found once per character)."""
        found = self._positions.get(char)
        if found is None:
            found = self._positions[char] = _offsets(self.text, char)
        return found

    def rfind(self, char: str, lo: int, hi: int) -> int:
        """`text.rfind(char, lo, hi)` for one character and 0 <= lo, hi: its last offset in [lo, hi), else -1."""
        found = self.positions(char)
        i = bisect.bisect_left(found, hi) - 1
        return found[i] if i >= 0 and found[i] >= lo else -1

    def find(self, char: str, lo: int, hi: int) -> int:
        """`text.find(char, lo, hi)` for one character and 0 <= lo, hi: its first offset in [lo, hi), else -1."""
        found = self.positions(char)
        i = bisect.bisect_left(found, lo)
        return found[i] if i < len(found) and found[i] < hi else -1


def _offsets(text: str, char: str) -> list[int]:
    """Every offset of `char` in `text`, by `str.find` (no regex compiled for it)."""
    found, i = [], text.find(char)
    while i >= 0:
        found.append(i)
        i = text.find(char, i + 1)
    return found
