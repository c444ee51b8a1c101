"""What a mention stands for, and each sentence's topic.

Bare endings stand for a name: 该社区/合作社/市场 opening a clause -> the latest name with that ending in this or
the previous paragraph (小区 also finds a 新村), 村里/镇上/全镇 -> the village or town under discussion, 这里 ->
the previous sentence's topic, 闻堰 -> 闻堰街道, 全区 -> the document's district; a short name given in full
earlier (移民小康社区 after 乾西乡移民小康社区, ‘莘e家’联盟) is the full name. A sentence's topic is its first
mention in subject position that the sentence is about.
"""

from __future__ import annotations

import re

from gongfu.extract.cue_patterns import BUSINESS_HEAD, FIRM_ENDS
from gongfu.extract.mentions import Mention

_QUOTED_CORE = re.compile(r"[“‘]([^”’]+)[”’]")
_ESTATE_ENDS = ("新村",)
# a firm, school, hospital, bank, co-operative, park, port or village a report is about is named once and then
# called 公司, 学校, 该行, 园区, 港区, 村… in any later paragraph; other bare endings (中心, 社区, 项目) look back one
# paragraph only
_ALSO_HEADS = {"小镇": "镇"}
_WHOLE_TEXT_HEADS = frozenset({"公司", "集团", "合作社", "学校", "医院", "银行", "园", "港", "村", BUSINESS_HEAD})


def _core_key(name: str) -> tuple[str, str] | None:
    """“莘e家”党建联盟 and ‘莘e家’联盟 share (莘e家, 联盟): the quoted core and the two-character ending."""
    core = _QUOTED_CORE.search(name) if "“" in name or "‘" in name else None
    return (core.group(1), name[-2:]) if core else None


def _full_firm(m: Mention, by_head: dict[str, list[Mention]]) -> str | None:
    """森趣公司 after 浙江森趣玩具有限公司, 瑞立集团 after 浙江瑞立控股集团有限公司: a firm's short form is its core
    (two or more characters before the ending) inside a firm's full name given earlier, the latest such."""
    if m.suffix not in FIRM_ENDS or len(core := m.name[:-len(m.suffix)]) < 2:
        return None
    firms = sorted((f for head in FIRM_ENDS for f in by_head.get(head, ()) if f.skip != "inner"),
                   key=lambda f: f.start, reverse=True)
    return next((f.name for f in firms if len(f.name) > len(m.name) and core in f.name[:-2]), None)


class NameResolver:
    """Resolving what mentions stand for (part of DocumentContext, which sets the attributes)."""

    def _resolve(self) -> dict[int, Mention]:
        """Give generic words, 这里 and short names the full name they stand for; return each sentence's topic
        (the first mention in subject position that is what the sentence is about), keyed by sentence start."""
        topics: dict[int, Mention] = {}
        by_end: dict[str, dict[str, None]] = {}  # names seen, by their last two characters, latest seen last
        by_core: dict[tuple[str, str], str] = {}  # (quoted core, ending) -> the latest such name
        by_head: dict[str, list[Mention]] = {}  # names by ending group, in text order (antecedents)
        ends, k = self.sentences, 0
        for m in self.mentions:  # in text order: the sentence a mention is in is found by walking, not bisecting
            while k < len(ends) and ends[k] <= m.start:
                k += 1
            sentence = ends[k - 1] if k else 0
            if m.kind == "name":
                found = next((f for f in reversed(by_end.get(m.name[-2:], ())) if len(f) > len(m.name)
                              and f.endswith(m.name)), None) or by_core.get(_core_key(m.name)) or _full_firm(m, by_head)
                if found and found != m.name:  # 移民小康社区 after 乾西乡移民小康社区; ‘莘e家’联盟
                    m.name, m.known = found, True
            elif m.kind == "anaphor" and self._placed(m).kind == "anaphor":  # (全区 becomes an alias)
                para_start = self.index.paragraph(m.start)[0]
                window = 0 if m.head in _WHOLE_TEXT_HEADS else self.index.paragraph(max(0, para_start - 1))[0]
                candidates = by_head.get(m.head, [])
                if m.head == BUSINESS_HEAD:  # 厂里: any business named before, the latest first
                    business = self.cues.business_ends
                    candidates = sorted((f for named in by_head.values() for f in named if f.name.endswith(business)),
                                        key=lambda f: f.start)
                if m.head in _ALSO_HEADS:  # 柳城畲族镇…小镇接待游客: a town is a 小镇 too
                    candidates = sorted(candidates + by_head.get(_ALSO_HEADS[m.head], []), key=lambda f: f.start)
                m.name = self._antecedent(m, candidates, window)
                m.known = bool(m.name)
            elif m.kind == "deictic":
                prior = [k for k in list(topics)[-2:] if k < sentence]
                m.name = topics[prior[-1]].name if prior else ""
            elif m.kind in ("former", "latter"):
                m.name = self._one_of_pair(m)
            if m.name and m.kind in ("name", "person"):
                seen = by_end.setdefault(m.name[-2:], {})
                seen.pop(m.name, None)  # each name once, where it was last seen: the scan above reads the latest first
                seen[m.name] = None
                if (key := _core_key(m.name)) is not None:
                    by_core[key] = m.name
                if m.kind == "name":
                    by_head.setdefault(m.head, []).append(m)
                    if m.suffix in _ESTATE_ENDS:
                        by_head.setdefault("小区", []).append(m)  # 大塘新村 … 小区: a 新村 is a housing estate
            if m.name and sentence not in topics and self._placed(m).subject and not self._checked(m).skip:
                topics[sentence] = m
        self.topic_starts = list(topics)
        return topics

    def _one_of_pair(self, m: Mention) -> str:
        """前者 / 后者: the first or the second of the last two names with one ending in the sentence before (A项目、
        B项目投资额最大。前者…，后者…)."""
        previous = self.index.sentence(max(0, self.index.sentence(m.start)[0] - 1))
        names = [o for o in self._mentions_in(previous[0], m.start) if o.kind == "name" and o.skip != "inner"]
        pair = [o for o in names if o.head == names[-1].head][-2:] if names else []
        if len(pair) < 2:
            return ""
        return pair[0].name if m.kind == "former" else pair[1].name

    def _antecedent(self, m: Mention, candidates: list[Mention], window: int) -> str:
        """该社区 / 合作社 / 中心内: the latest name with the same ending group since `window` (a predicate, 是X,
        describes rather than names, but 是X的社员 names X); else the document's own place with that ending (街道,
        该区). Bare words outside subject position stand for nothing."""
        if not (m.subject or m.initial):
            return ""
        for f in reversed(candidates):
            if f.start < window:
                break
            if (self._checked(f).skip != "predicate" or self.t.startswith("的", f.end)) and (
                    m.subject or f.start >= window):
                return f.name  # 市场日均客流: a bare ending opening a clause, after its name in the paragraph
        if not m.subject:
            return ""
        return next((p for p in self.places if p.endswith(m.suffix)), "") if m.suffix else ""
