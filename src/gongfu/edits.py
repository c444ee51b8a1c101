"""The Edit record: one change a cleaning step made, with where, what and whether information was lost.

Cleaning steps are pure functions `text -> (text, [Change])`, where a Change is located in the step's *input*
text. `Tracker` applies a step's changes and maps every position back to the decoded raw text, so each change
becomes an `Edit` whose raw_start/raw_end point into the raw file even after many steps have run.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from operator import attrgetter, le, lt

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


def changes_from_pairs(text: str, pairs: Iterable[tuple[int, int, str]], reason: str,
                       lost: bool = False) -> list[Change]:
    """Changes for (start, end, after) triples, skipping those that change nothing."""
    return [Change(s, e, a, reason, lost) for s, e, a in pairs if text[s:e] != a]


class Tracker:
    """The current text of a document plus, for every character, the raw span it came from.

    `apply(step, changes)` rewrites the text and returns Edits with raw offsets. Characters a change inserts
    inherit the raw span of what they replaced; unchanged characters keep their own. The spans are two
    integer arrays, so a step is applied with a few array operations rather than a loop per character;
    the raw starts never decrease along the text, which `text_from` relies on.
    """

    def __init__(self, raw: str) -> None:
        self.text = raw
        self.raw_len = len(raw)
        self._starts = np.arange(len(raw), dtype=np.int64)
        self._ends = self._starts + 1

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The raw offsets covered by current text[start:end] (an insertion point when start == end)."""
        n = len(self.text)
        if start < n:
            raw_start = int(self._starts[start])
        else:
            raw_start = int(self._ends[n - 1]) if n else self.raw_len
        raw_end = int(self._ends[end - 1]) if end > start else raw_start
        return raw_start, max(raw_start, raw_end)

    def text_from(self, raw_start: int, raw_end: int) -> str:
        """The current text that came from raw[raw_start:raw_end] (what that stretch of the raw became)."""
        lo, hi = np.searchsorted(self._starts, [raw_start, raw_end], side="left").tolist()
        return self.text[lo:hi]

    def apply(self, step: str, changes: Sequence[Change]) -> list[Edit]:
        """Apply one step's changes to the current text; return them as Edits in raw coordinates.

        A flag (after equal to the slice) and a same-length replacement keep each character's own raw
        span, so later edits stay as narrow as possible; other replacements spread over the whole span.
        """
        if not changes:
            return []
        begin = [c.start for c in changes]
        if not all(map(lt, begin, begin[1:])):  # steps give their changes in order: sort only if not
            changes = sorted(changes, key=_BY_SPAN)
            begin = [c.start for c in changes]
        end = [c.end for c in changes]
        text, n = self.text, len(self.text)
        if not (begin[0] >= 0 and end[-1] <= n and all(map(le, begin, end)) and all(map(le, end, begin[1:]))):
            _refuse(step, begin, end, n)
        s, e = np.array(begin, dtype=np.int64), np.array(end, dtype=np.int64)
        raw_start, raw_end = self._raw_spans(s, e)
        edits = [Edit(step, a, b, text[i:j], c.after, c.reason, c.lost)
                 for c, i, j, a, b in zip(changes, begin, end, raw_start.tolist(), raw_end.tolist(), strict=True)]
        pieces = [""] * (2 * len(changes) + 1)
        pieces[::2] = [text[i:j] for i, j in zip([0, *end], [*begin, n], strict=True)]  # the text between changes
        pieces[1::2] = after = [c.after for c in changes]
        length = np.array([len(a) for a in after], dtype=np.int64)
        resized = length != e - s
        if resized.any():
            self._remap(s[resized], e[resized], length[resized], raw_start[resized], raw_end[resized])
        self.text = "".join(pieces)
        return edits

    def _raw_spans(self, s: np.ndarray, e: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The raw spans of current text[s:e] for arrays of (valid, sorted) positions; as raw_span."""
        if not len(self.text):  # only insertions into an empty text
            at = np.full(len(s), self.raw_len, dtype=np.int64)
            return at, at
        # an insertion at the very end (s == n) takes the raw end of the last character
        raw_start = np.append(self._starts, self._ends[-1])[s]
        raw_end = np.where(e > s, self._ends[e - 1], raw_start)  # e - 1 is -1 only where e == s == 0
        return raw_start, np.maximum(raw_start, raw_end)

    def _remap(self, s: np.ndarray, e: np.ndarray, length: np.ndarray, raw_start: np.ndarray,
               raw_end: np.ndarray) -> None:
        """New per-character raw spans after the (sorted) changes text[s:e] -> `length` characters that
        alter the length, each spread over its raw span. Other characters, those of same-length
        replacements included, keep their own spans.

        The new text is a run of kept characters before each change, the change's new characters, and
        the kept rest: each new character's source is gathered in one pass, from the old spans (a kept
        run counts up through them) or from the change's span (appended after them, repeated).
        """
        n, k = len(self._starts), len(s)
        kept_from = np.concatenate(([0], e))
        run_len = np.empty(2 * k + 1, dtype=np.int64)  # kept, new, kept, new, ..., kept
        run_len[0::2] = np.concatenate((s, [n])) - kept_from
        run_len[1::2] = length
        run_src = np.empty(2 * k + 1, dtype=np.int64)
        run_src[0::2] = kept_from
        run_src[1::2] = n + np.arange(k)
        run_step = np.zeros(2 * k + 1, dtype=np.int64)
        run_step[0::2] = 1
        run_at = np.concatenate(([0], np.cumsum(run_len)[:-1]))  # where each run begins in the new text
        total = int(run_len.sum())
        source = np.repeat(run_src - run_step * run_at, run_len) + np.repeat(run_step, run_len) * np.arange(total)
        self._starts = np.concatenate((self._starts, raw_start))[source]
        self._ends = np.concatenate((self._ends, raw_end))[source]


def _refuse(step: str, begin: list[int], end: list[int], n: int) -> None:
    """Raise for the first change (in order) that overlaps the one before it or lies outside the text."""
    pos = 0
    for s, e in zip(begin, end, strict=True):
        if s < pos or e < s or e > n:
            raise ValueError(f"{step}: overlapping or out-of-range change at {s}:{e} (text length {n})")
        pos = e


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
