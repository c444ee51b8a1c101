"""Who and when a number is about: the entity and period of each claim, read from the document around it.

`DocumentContext(text, document)` indexes one cleaned text once (paragraphs, sentences, clauses, the places,
organisations, people and programmes it names, its time expressions); `entity(start, end)` and
`period(start, end)` then answer for the number at that span, `entity_type(name)` says what the name is. Cue
words (name endings, generic nouns, role words and words for people, verbs whose object is not the topic...) are
in data/entity_cues.csv, surnames in data/surnames.csv, county-level and higher names in cpca's division table.

The rules live beside what they read, each module a part of DocumentContext:
- `names`: what counts as a name (places, organisations, firms, programmes) and where a mention stands in its
  clause (subject, object, predicate...); `people`: who is a person;
- `resolution`: what bare endings, 这里 and short names stand for, and each sentence's topic;
- `entities`: the entity of a number, first rule that applies; `speakers`: a speaker's own figures;
- `frames`: the period of a number, its own time expression or the paragraph's frame.

The scan runs on a copy of the text without the spaces OCR leaves inside lines (临江高 科园, 截 至目前:
`flat_text`).
"""

from __future__ import annotations

import re
from typing import Any

from gongfu.extract.document_index import DocumentIndex
from gongfu.extract.entities import EntityRules
from gongfu.extract.flat_text import FlatText
from gongfu.extract.frames import PeriodRules
from gongfu.extract.names import MentionFinder, policy_titles
from gongfu.extract.people import PersonFinder
from gongfu.extract.periods import PERIOD, normalise_period
from gongfu.extract.resolution import NameResolver
from gongfu.extract.speakers import SpeakerRules
from gongfu.lexicon import load_cues

_TITLE_YEAR = re.compile(r"(?:19|20)\d{2}(?:年度?)?")
_DIVISION_END = re.compile("(街道|区|县|市|镇|乡|省)$")


def document_places(document: dict[str, Any]) -> list[str]:
    """The document's own places, most specific first (street, district, city, province)."""
    return [str(document.get(k) or "") for k in ("street", "district", "city", "province") if document.get(k)]


def _short(name: str) -> str:
    """临江街道 -> 临江, 南湖区 -> 南湖: the short form a text uses for its own place ('' if too short)."""
    short = _DIVISION_END.sub("", name)
    return short if len(short) >= 2 and short != name else ""


class DocumentContext(MentionFinder, PersonFinder, NameResolver, EntityRules, SpeakerRules, PeriodRules):
    """One cleaned text, indexed for the entity and period of any number in it."""

    def __init__(self, text: str, document: dict[str, Any], index: DocumentIndex | None = None) -> None:
        """`index`: the text's DocumentIndex when the caller has one (claims does); it is used as it is when the
        text has no spaces inside lines, else the copy without them is indexed."""
        self.cues = load_cues()
        self.flat = FlatText(text)
        t = self.flat.text
        self.t = t
        self.places = document_places(document)
        self.default = self.places[0] if self.places else ""
        self.aliases = {s: p for p in self.places if (s := _short(p))}
        self.index = index if index is not None and self.flat.identity and index.text == text else DocumentIndex(t)
        self.paragraphs = self.index.paragraphs
        self.sentences = self.index.sentences
        self.segments = self.index.segments
        self.clauses = self.index.clauses
        self.rev = t[::-1]
        self.types: dict[str, str] = {}  # names whose type is known from how they were found (一家…企业)
        self.policy_titles = policy_titles(str(document.get("title") or ""))  # 关于印发《…办法》的通知
        self.mentions = self._find_mentions()
        self.starts = [m.start for m in self.mentions]
        self.topics = self._resolve()
        self.periods = self._find_periods()
        self.period_starts = [m.start() for m in self.periods]
        self.numbers: list[int] = []
        title = str(document.get("title") or "")
        title_year = PERIOD.search(title) or _TITLE_YEAR.search(title)
        # 数说龙游2023, 虹桥镇2025年前三季度主要经济指标: the title's period governs the list under it
        self.title_period = normalise_period(title_year.group()) if title_year else ""
