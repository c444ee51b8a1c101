"""The text without the spaces OCR leaves inside lines (临江高 科园, 截 至目前), and the offset map into it."""

from __future__ import annotations

import bisect
import re

_SPACE = re.compile(r"[^\S\n]+")


class FlatText:
    """The text without spaces inside lines, and the offset map back and forth."""

    def __init__(self, text: str) -> None:
        self.orig_starts, self.flat_starts, self.lengths, pieces = [], [], [], []
        pos = flat = 0
        for m in _SPACE.finditer(text):
            self._piece(pieces, text[pos:m.start()], pos, flat)
            flat += m.start() - pos
            pos = m.end()
        self._piece(pieces, text[pos:], pos, flat)
        self.text = "".join(pieces)
        self.identity = len(pieces) == 1  # no space inside a line: offsets are the same in both texts

    def _piece(self, pieces: list[str], piece: str, pos: int, flat: int) -> None:
        pieces.append(piece)
        self.orig_starts.append(pos)
        self.flat_starts.append(flat)
        self.lengths.append(len(piece))

    def to_flat(self, pos: int) -> int:
        """The offset in the text without spaces of offset `pos` of the text."""
        if self.identity:
            return min(pos, self.lengths[0])
        i = max(0, bisect.bisect_right(self.orig_starts, pos) - 1)
        return self.flat_starts[i] + min(pos - self.orig_starts[i], self.lengths[i])
