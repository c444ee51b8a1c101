"""The entity of a number: the place, organisation or person it is about.

Entity, first rule that applies:
1. a speaker's own figures (`speakers`);
2. the name the number describes: 72岁的朱水源, 58岁的茶农钟大姐, 总投资15亿元的锦凯项目;
3. 他家 / 她 in the number's sentence part: the latest person the paragraph names (`speakers`);
4. 分别: A和B分别完成…85%和18% pairs names and numbers in order;
5. the nearest name before the number in its sentence part (split at ；), skipping names the sentence is not
   about (`names`: objects, predicates, affiliations, speakers, the things counted) and people outside subject
   position; 在X inside a clause with a subject is where, not who (公司去年在慈溪投资…); bare endings stand for
   the name they refer to (`resolution`);
6. after a quotation, the speaker's (named) organisation; later in the sentence, a name in subject position;
7. the sentence's own subject for a later ；-part when it is a place opening the sentence (or the part opens
   with 其中), else the topic of the latest earlier sentence of the paragraph that is not a person;
8. the terms of a policy listed after its 如下： (`_listed_terms`), else the document's own place (street, else
   district, else city).
"""

from __future__ import annotations

import bisect
import re
from functools import cache, lru_cache
from typing import NamedTuple

from gongfu.clean.layout import LIST_ITEM_RE
from gongfu.extract.cue_patterns import NAME_MAX, PART_OPENERS, TIME_LEAD
from gongfu.extract.mentions import Mention
from gongfu.extract.names import policy_name, policy_titles, states_policy
from gongfu.extract.people import described_person
from gongfu.lexicon import suffix_types

_AS_FOLLOWS = re.compile(f"如下[：:](?:\\s*$|(?={LIST_ITEM_RE.pattern}))")


_BUILT_DE = re.compile("(?:建设|新建|投建|兴建|打造|实施)的")


class Where(NamedTuple):
    """A number's span (flat offsets) and the paragraph, sentence, sentence part and clause around it."""

    s: int
    e: int
    paragraph: tuple[int, int]
    sentence: tuple[int, int]
    segment: tuple[int, int]
    clause: tuple[int, int]


@lru_cache(maxsize=65536)
def _ending_type(name: str) -> str:
    """What a name's ending says it is (the longest ending in data/entity_cues.csv that fits), else place; kept
    per name, as the same names recur in every claim of a document and across an archive."""
    return next((kind for suffix, kind in _types_longest_first() if name.endswith(suffix)), "place")


@cache
def _types_longest_first() -> tuple[tuple[str, str], ...]:
    return tuple(sorted(suffix_types().items(), key=lambda kv: -len(kv[0])))


class EntityRules:
    """The entity rules (part of DocumentContext, which sets the attributes)."""

    def entity_type(self, name: str) -> str:
        """person, organisation, project or place: a person the text names, else what the name's ending says
        (公司 -> organisation, 项目 -> project; data/entity_cues.csv), else place."""
        if not name:
            return ""
        if name in self.person_names:
            return "person"
        if name in self.types:
            return self.types[name]
        return _ending_type(name)

    def set_numbers(self, spans: list[tuple[int, int]]) -> None:
        """The claims' spans (original offsets), for pairing numbers with names after 分别."""
        self.numbers = sorted(self.flat.to_flat(s) for s, _ in spans)

    def entity(self, start: int, end: int) -> str:
        """The place, organisation or person the number at [start, end) is about (see the module rules)."""
        w = self._where(self.flat.to_flat(start), self.flat.to_flat(end))
        for rule in (self._speaker, self._described, self._pronoun, self._respectively, self._before, self._after):
            found = rule(w)
            if found:
                return found
        i = bisect.bisect_right(self.topic_starts, w.sentence[0])
        counts_firms = self.t[w.e - 1:w.e] == "家"  # 新培育科技型企业46家: firms counted are a place's, not a firm's
        while i and self.topic_starts[i - 1] >= w.paragraph[0]:
            topic = self.topics[self.topic_starts[i - 1]]
            # a person's figures stay in their own sentence (他/她 later: the pronoun rule)
            if topic.kind != "person" and topic.start < w.s and (
                    self.topic_starts[i - 1] != w.sentence[0] or self._carries(topic, w)) and not (
                    counts_firms and self.entity_type(topic.name) == "organisation"):
                return topic.name
            i -= 1
        return self._listed_terms(w) or self.default

    def _listed_terms(self, w: Where) -> str:
        """现将奖补标准通知如下：一、…给予一次性奖励5万元: the items listed after a policy's 如下： are its terms, for
        a number no name in its sentence part claims (the latest policy title in the text, else the document's)."""
        t = self.t
        if "如下" not in t:
            return ""
        here = _AS_FOLLOWS.search(t, w.paragraph[0], w.s)  # …通知如下：一、…5万元 on one line
        if here is None and not LIST_ITEM_RE.match(t, w.paragraph[0]):
            return ""
        start = w.paragraph[0] if here is None else 0
        while start > 0:
            previous = self.index.paragraph(start - 1)
            line = t[previous[0]:previous[1]].rstrip()
            if LIST_ITEM_RE.match(line):
                start = previous[0]
                continue
            if not _AS_FOLLOWS.search(line):
                return ""
            break
        if start == 0 and here is None:
            return ""
        titles = policy_titles(t[:w.s]) or self.policy_titles
        return policy_name(titles[-1]) if titles else ""

    def _carries(self, topic: Mention, w: Where) -> bool:
        """Whether the sentence's subject governs a later ；-part: a place opening the sentence (2023年，下姜村…；
        农民人均可支配收入…) or a policy's terms (文件明确，…；首次购房的，给予…), or any subject when the part opens
        with 其中."""
        t = self.t
        if t.startswith(PART_OPENERS, w.segment[0]):
            return True
        opening = self.index.clause(w.sentence[0])
        if TIME_LEAD.fullmatch(t[opening[0]:opening[1]].rstrip("，,：:")):
            opening = self.index.clause(opening[1])  # after a frame clause: 2023年，下姜村…
        if topic.start >= opening[1]:
            return False
        return self.entity_type(topic.name) == "place" or states_policy(t, topic.start)  # 文件明确，…；…

    def _where(self, s: int, e: int) -> Where:
        return Where(s, e, *self.index.units(s))

    def _described(self, w: Where) -> str:
        """72岁的朱水源, 15亿元的锦凯项目, 18亿元建设的…项目: the name right after the number (and 的); without 的 only
        a known name."""
        t, e = self.t, w.e
        built = _BUILT_DE.match(t, e)  # 投资18亿元建设的车载显示模组项目: the project the money builds
        at = built.end() if built else e + 1 if t[e:e + 1] == "的" else e
        starts = (at, at + 1) if t[at:at + 1] in "“‘" else (at,)
        for i, m in enumerate(self._mentions_in(at, at + 2 * NAME_MAX)):
            begin = m.chain_start if m.chain_start >= 0 else m.start
            if begin in starts and m.skip != "inner" and m.name and (at > e or m.known):
                return m.name
            if i == 0 and m.kind == "person" and at > e and described_person(t[at:m.start]) == "":
                return m.name  # 58岁的茶农钟大姐, 78岁的独居老人孙阿婆
        return ""

    def _respectively(self, w: Where) -> str:
        """A和B分别完成总工程量的85%和18%: the k-th number after 分别 belongs to the k-th name before it."""
        word = self.t.rfind("分别", w.clause[0], w.s)
        if word < 0:
            return ""
        names = [m for m in self._mentions_in(w.segment[0], word) if m.name and self._checked(m).skip in ("", "object")]
        lo, hi = bisect.bisect_right(self.numbers, word), bisect.bisect_left(self.numbers, w.clause[1])
        clause_numbers = self.numbers[lo:hi]
        k = bisect.bisect_left(clause_numbers, w.s)
        return names[-len(clause_numbers):][k].name if 0 < len(clause_numbers) <= len(names) else ""

    def _before(self, w: Where) -> str:
        """The nearest mention before the number in its sentence part that the sentence is about."""
        for m in reversed(self._mentions_in(w.segment[0], w.s)):
            if m.end > w.s or not m.name:
                continue
            if self._checked(m).skip and not self._built(m, w):
                continue
            if m.kind == "person" and self.t.startswith(self.cues.self_words, m.end):
                return m.name  # 董事长方建国个人另捐30万元: the person's own, whatever their office
            if m.kind == "person" and not (m.subject or m.start >= w.clause[0]):
                continue
            if m.kind == "person" and self._official(m) and not self._of_themself(w):
                continue  # 局长周伟：明年，我们将…: an office holder's figures are the place's
            if m.kind == "launch" and m.start >= w.clause[0]:
                continue  # a programme is about the clauses after its launch (推出“菇农贷”，单户最高可贷50万元)
            if self.t[m.start - 1:m.start] == "在" and (subject := self._clause_subject(m, w)):
                return subject  # 公司去年在慈溪追加投资…: 在X is where, the clause's subject is who
            return m.name
        return ""

    def _built(self, m: Mention, w: Where) -> bool:
        """公司正在建设年产200万套…项目，总投资12亿元: a project built or brought in (the object of 建设, 引进) is what
        the later clauses of its sentence part are about."""
        return (m.skip == "object" and m.kind == "name" and m.suffix == "项目" and m.end <= w.clause[0]
                and self.t[m.end:m.end + 1] in "，,；;")  # not 引进外资项目41个: projects counted

    def _clause_subject(self, m: Mention, w: Where) -> str:
        """The name in subject position earlier in m's clause (within the number's sentence part), if any."""
        clause_start = max(self._clause_start(m.start), w.segment[0])
        for other in self._mentions_in(clause_start, m.start):
            if other.name and not self._checked(other).skip and other.subject:
                return other.name
        return ""

    def _after(self, w: Where) -> str:
        """A number in a quotation: the organisation named after it (the speaker's); else a name in subject
        position later in the same sentence part (“萧君”品牌走出了...)."""
        index = self.index
        opened, closed = index.rfind("“", w.paragraph[0], w.s), index.rfind("”", w.paragraph[0], w.s)
        if opened > closed:
            close = index.find("”", w.s, w.paragraph[1])
            if close >= 0:
                stop = index.sentence(close + 1)[1]
                for m in self._mentions_in(close, stop):
                    if (m.name and m.kind != "person" and m.name not in self.types
                            and self._checked(m).skip not in ("object", "predicate", "inner")):
                        return m.name
        for m in self._mentions_in(w.clause[1], w.segment[1]):
            if m.name and m.kind != "person" and self._checked(m).subject and not m.skip:
                return m.name
        return ""
