"""A mention (a name found in the text, with what it may stand for) and the spans mentions already cover."""

from __future__ import annotations

import bisect
from dataclasses import dataclass


@dataclass(slots=True)
class Mention:
    """A place, organisation or person named in the text (flat offsets), and what it may stand for."""

    start: int
    end: int
    name: str  # the name a claim reports ('' while unresolved)
    kind: str  # name | person | alias | anaphor | deictic
    head: str = ""  # the ending's group, for anaphora (社区, 项目...)
    subject: bool = False  # first in its clause, after time words, prepositions or a 的-modifier
    skip: str = ""  # object | predicate | affiliation | speaker | inner | generic
    known: bool = False  # resolved to a name given in full earlier in the text
    suffix: str = ""  # the ending as written
    chain_start: int = -1  # where the chain of adjacent names this one ends starts (南湖区建设街道南杨社区)
    placed: bool = False  # subject computed
    flagged: bool = False  # subject and skip computed
    initial: bool = False  # an anaphor opening its clause (subject position before the anaphor test)


class Coverage:
    """Spans already taken by longer mentions (a person or alias inside a name is not a mention)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, start) - 1
        return any(0 <= j < len(self.spans) and self.spans[j][0] < end and start < self.spans[j][1]
                   for j in (i, i + 1))

    def add(self, mentions: list[Mention]) -> None:
        self.spans = sorted(self.spans + [(m.start, m.end) for m in mentions])
        self.starts = [s for s, _ in self.spans]
