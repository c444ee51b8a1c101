"""The Edit record: one change a cleaning step made, with where, what and whether information was lost.

Cleaning steps are pure functions `text -> (text, [Change])`, where a Change is located in the step's *input*
text. `Tracker` applies a step's changes and maps every position back to the decoded raw text, so each change
becomes an `Edit` whose raw_start/raw_end point into the raw file even after many steps have run.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from operator import attrgetter, lt

import numpy as np

EDIT_COLUMNS = ["doc_id", "edit_id", "step", "raw_start", "raw_end", "before", "after", "reason", "lost"]


@dataclass(slots=True)
class Edit:
    """A change: `before` (at raw_start:raw_end in the decoded raw text) became `after`."""

    step: str
    raw_start: int
    raw_end: int
    before: str
    after: str
    reason: str
    lost: bool = False

    def row(self, doc_id: str, edit_id: int) -> dict:
        """The edits.csv row (fields named one by one: dataclasses.asdict deep-copies every value)."""
        return {"doc_id": doc_id, "edit_id": edit_id, "step": self.step, "raw_start": self.raw_start,
                "raw_end": self.raw_end, "before": self.before, "after": self.after, "reason": self.reason,
                "lost": self.lost}


@dataclass(slots=True)
class Change:
    """What a step changed in its own input: text[start:end] becomes `after`.

    A flag (start..end kept as is, e.g. an OCR fragment that could not be re-joined) has after == the
    original slice and is still recorded, so the audit table shows it.
    """

    start: int
    end: int
    after: str
    reason: str
    lost: bool = False


_BY_SPAN = attrgetter("start", "end")  # the order changes are applied in (a C key: no lambda call per change)


def apply_changes(text: str, changes: Sequence[Change]) -> str:
    """Apply non-overlapping changes (any order) to text; raises ValueError on overlap."""
    if not changes:
        return text
    out: list[str] = []
    pos = 0
    n = len(text)
    for ch in sorted(changes, key=_BY_SPAN):
        start, end = ch.start, ch.end
        if start < pos or end < start or end > n:
            raise ValueError(f"overlapping or out-of-range change at {start}:{end}")
        out += (text[pos:start], ch.after)
        pos = end
    out.append(text[pos:])
    return "".join(out)


def compose_changes(text: str, first: list[Change], second: list[Change]) -> list[Change] | None:
    """Changes on `text` equal to applying `first`, then `second` (located in the first result).

    A change of the second pass that touches text the first one wrote is merged with it: the merged change
    carries both reasons, so the audit row still says why. None if they cannot be composed (then the caller
    keeps the first pass alone: a later pass is an improvement, never a requirement)."""
    middle = apply_changes(text, first)
    final = apply_changes(middle, second)
    firsts = sorted(first, key=lambda c: (c.start, c.end))
    written: list[tuple[int, int, Change]] = []  # where each first change's text lies in `middle`
    shift = 0
    for c in firsts:
        written.append((c.start + shift, c.start + shift + len(c.after), c))
        shift += len(c.after) - (c.end - c.start)

    def back(pos: int, is_end: bool) -> int:
        """A position of `middle` in `text` (inside a first change's text: that change's edge)."""
        delta = 0
        for a, b, c in written:
            if a < pos < b:
                return c.end if is_end else c.start
            if b > pos:
                break
            delta = b - c.end  # the total shift after c
        return pos - delta

    spans = [(c.start, c.end, 0, c) for c in firsts]
    spans += [(back(c.start, False), back(c.end, True), 1, c) for c in second]
    spans.sort(key=lambda t: (t[0], t[1], t[2]))
    groups: list[list[tuple[int, int, int, Change]]] = []
    for span in spans:
        if groups and span[0] <= max(t[1] for t in groups[-1]):
            groups[-1].append(span)
        else:
            groups.append([span])
    out: list[Change] = []
    shift1 = shift2 = 0
    for group in groups:
        start, end = group[0][0], max(t[1] for t in group)
        d1 = sum(len(c.after) - (c.end - c.start) for _, _, k, c in group if k == 0)
        d2 = sum(len(c.after) - (c.end - c.start) for _, _, k, c in group if k == 1)
        s2, e2 = start + shift1 + shift2, end + shift1 + d1 + shift2 + d2
        reasons = list(dict.fromkeys(c.reason for *_, c in group))
        out.append(Change(start, end, final[s2:e2], "; ".join(reasons), any(c.lost for *_, c in group)))
        shift1, shift2 = shift1 + d1, shift2 + d2
    return out if apply_changes(text, out) == final else None


class Tracker:
    """The current text of a document plus, for every character, the raw span it came from.

    `apply(step, changes)` rewrites the text and returns Edits with raw offsets. Characters a change inserts
    inherit the raw span of what they replaced; unchanged characters keep their own.
    """

    def __init__(self, raw: str) -> None:
        self.text = raw
        self.raw_len = len(raw)
        # Ranges until a step changes lengths, then arrays of machine integers (see _remap): indexing,
        # slicing and bisect work on both as on lists, and neither holds a Python int per character.
        self._starts: Sequence[int] = range(len(raw))
        self._ends: Sequence[int] = range(1, len(raw) + 1)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The raw offsets covered by current text[start:end] (an insertion point when start == end)."""
        n = len(self.text)
        if start < n:
            raw_start = self._starts[start]
        else:
            raw_start = self._ends[n - 1] if n else self.raw_len
        raw_end = self._ends[end - 1] if end > start else raw_start
        return raw_start, max(raw_start, raw_end)

    def text_from(self, raw_start: int, raw_end: int) -> str:
        """The current text that came from raw[raw_start:raw_end] (what that stretch of the raw became)."""
        lo = bisect.bisect_left(self._starts, raw_start)
        hi = bisect.bisect_left(self._starts, raw_end)
        return self.text[lo:hi]

    def apply(self, step: str, changes: Sequence[Change]) -> list[Edit]:
        """Apply one step's changes to the current text; return them as Edits in raw coordinates.

        A flag (after equal to the slice) and a same-length replacement keep each character's own raw
        span, so later edits stay as narrow as possible; other replacements spread over the whole span.
        """
        if not changes:
            return []
        begins = [c.start for c in changes]
        if not all(map(lt, begins, begins[1:])):  # steps give their changes in order: sort only if not
            changes = sorted(changes, key=_BY_SPAN)
        text, starts, ends = self.text, self._starts, self._ends
        n = len(text)
        at_end = ends[n - 1] if n else self.raw_len  # where an insertion at the end of the text sits
        edits: list[Edit] = []
        out: list[str] = []
        add_edit, add_text = edits.append, out.append  # bound once: this loop runs for every change
        resized = False
        pos = 0
        for ch in changes:
            s, e, after = ch.start, ch.end, ch.after
            if s < pos or e < s or e > n:
                raise ValueError(f"{step}: overlapping or out-of-range change at {s}:{e} (text length {n})")
            raw_start = starts[s] if s < n else at_end
            raw_end = ends[e - 1] if e > s else raw_start
            if raw_end < raw_start:
                raw_end = raw_start
            add_edit(Edit(step, raw_start, raw_end, text[s:e], after, ch.reason, ch.lost))
            add_text(text[pos:s])
            add_text(after)
            if len(after) != e - s:
                resized = True
            pos = e
        out.append(text[pos:])
        if resized:
            self._starts, self._ends = self._remap(changes, edits)
        self.text = "".join(out)
        return edits

    def _remap(self, changes: list[Change], edits: list[Edit]) -> tuple[array, array]:
        """New per-character raw spans after `changes` (sorted), whose raw spans are in `edits`. A
        same-length change keeps its characters' spans, so the copy runs on through it. The spans are
        kept as arrays of machine integers from here on: a remap copies memory, not Python objects."""
        starts, ends = self._starts, self._ends
        if isinstance(starts, range):  # the first remap of the document
            starts, ends = _integers(starts), _integers(ends)
        new_starts, new_ends = array("q"), array("q")
        pos = 0
        for ch, ed in zip(changes, edits, strict=True):
            if len(ch.after) != ch.end - ch.start:
                new_starts += starts[pos:ch.start]
                new_ends += ends[pos:ch.start]
                if ch.after:  # not a deletion
                    new_starts += array("q", (ed.raw_start,)) * len(ch.after)
                    new_ends += array("q", (ed.raw_end,)) * len(ch.after)
                pos = ch.end
        new_starts += starts[pos:]
        new_ends += ends[pos:]
        return new_starts, new_ends


def _integers(numbers: range) -> array:
    """array("q", numbers), built in C (from an iterable, array takes the numbers one by one)."""
    return array("q", np.arange(numbers.start, numbers.stop, dtype=np.int64).tobytes())


def edits_schema():
    """pandera schema for edits.csv rows (imported lazily: pandera is slow to import)."""
    import pandera.pandas as pa

    return pa.DataFrameSchema(
        {
            "doc_id": pa.Column(str),
            "edit_id": pa.Column(int, pa.Check.ge(1)),
            "step": pa.Column(str),
            "raw_start": pa.Column(int, pa.Check.ge(0)),
            "raw_end": pa.Column(int, pa.Check.ge(0)),
            "before": pa.Column(str, nullable=True),
            "after": pa.Column(str, nullable=True),
            "reason": pa.Column(str),
            "lost": pa.Column(bool),
        },
        checks=[pa.Check(lambda df: (df["raw_end"] >= df["raw_start"]).all(), name="raw_end >= raw_start")],
        unique=["doc_id", "edit_id"],
        strict=True,
        ordered=True,
    )
