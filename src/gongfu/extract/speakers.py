"""A speaker's own figures: quotations, reported speech and pronouns.

A number in a quotation (the number's clause, or else the quotation, in the first person, and not about the
whole place: 我们村, 全县, 村里) is the figure of the person named right after the quotation (”钟大姐说,
”种植户汪建华说), right before it (王秀英说：“), or for 我 with no speaker at it the person the paragraph
introduced (商户陈晓峰…。“去年我们店…”, ”他说); after 叶女士说， the rest of the sentence is hers; 他家 / 她 in the
number's sentence part is the latest person the paragraph names. A spokesperson (公司总经理陈立军, 合作社理事长,
一家企业的负责人) speaks for the organisation: the figures in their quotation or reported speech are the
organisation's, unless the speaker says 我 of themself (我家种了…: a farmer's own land).
"""

from __future__ import annotations

import re
from functools import cache

from gongfu.extract.cue_patterns import first_char_guard, role_pattern, speech_pattern
from gongfu.extract.entities import Where
from gongfu.extract.mentions import Mention
from gongfu.lexicon import load_cues

_FIRST_PERSON = re.compile("我|俺|咱")
_LOCATIVE = set("在到回进留")  # 在村里, 回到镇里: where someone is, not what the figure is about
_WHOLE_PLACE = re.compile("全[县市区镇村乡省]|[村县镇市区乡]里|我们[村县镇市区乡]|大家|家家户户")
_PRONOUN = re.compile(first_char_guard("他她", "他们家|她们家|他家|她家|(?<![其])[他她](?![们人])"))  # in every segment
_SPEAKER_REACH = 20
_ROLE_REACH = 12  # characters of a role before a name (80后负责人, 党委副书记、总经理)
_ROLE_OPEN = "，,、后"  # a role opening its clause (，负责人郑晓东介绍) or after an age (80后负责人)
_SINGULAR = re.compile("[我俺](?!们)")  # 我家, 我今年: the speaker's own; 我们 speaks for those they lead


def _whole_place_spoken_of(quote: str) -> bool:
    """Whether a quotation speaks of the whole place (我们村, 全县, 村里有), not of where the speaker is (我在村里的
    合作社上班, 回到镇里)."""
    return any(quote[max(0, m.start() - 1):m.start()] not in _LOCATIVE for m in _WHOLE_PLACE.finditer(quote))


@cache
def _our_business() -> re.Pattern[str]:
    """我们 before a business's ending (我们合作社, 我们公司, 我们农场): the speaker gives that organisation's figures.
    Not 我们店: a shopkeeper's shop is their own (the development set's merchants)."""
    ends = [e for e in load_cues().business_ends if e != "店"]
    return re.compile("我们(?:" + "|".join(map(re.escape, ends)) + ")")


class SpeakerRules:
    """The speaker rules (part of DocumentContext, which sets the attributes)."""

    def _speaker(self, w: Where) -> str:
        """A number in a quotation is the speaker's own figure (“我家种了40多亩白茶”, “出海一趟大概20天”): the
        person named right after the quotation (”钟大姐说) or right before it (王秀英说：“), or, for a quotation
        in the first person with no speaker named at it, the latest person the paragraph introduced (商户陈晓峰…。
        “去年我们店…”). Not when the number's clause, or the quotation without 我, speaks of the whole place
        (我们村, 全县, 大家, 村里), nor when, without 我, it names a place before the number."""
        t = self.t
        index = self.index
        opened, closed = index.rfind("“", w.paragraph[0], w.s), index.rfind("”", w.paragraph[0], w.s)
        if opened <= closed:
            return self._reported(w)
        close = index.find("”", w.s, w.paragraph[1])
        quote = t[opened:close if close >= 0 else w.paragraph[1]]
        clause = t[max(opened, w.clause[0]):min(w.clause[1], close if close >= 0 else w.paragraph[1])]
        if _WHOLE_PLACE.search(clause):
            return ""  # “现在村里有民宿23家”: a fact about the place, told by a person
        if _our_business().search(clause) and not _SINGULAR.search(clause.replace("我们", "")):
            return ""  # “我们合作社现在有社员126户”: the organisation the speaker names, not the speaker
        mine = bool(_FIRST_PERSON.search(clause) or _FIRST_PERSON.search(quote))
        if not _FIRST_PERSON.search(clause) and _whole_place_spoken_of(quote):
            return ""  # “我们村去年人均收入近4万元”
        if not mine and any(m.kind != "person" for m in self._mentions_in(opened, w.s)):
            return ""  # “小区一期共有19幢”: about the place the quote names
        if close >= 0:
            stop = min(self.index.sentence(close + 1)[1], close + 1 + _SPEAKER_REACH)
            found = self._mentions_in(close, stop)
            after = [m for m in found if m.kind == "person"]
            if after and not mine and any(m.kind == "name" and m.end <= after[0].start for m in found):
                return ""  # ”…合作社社长张啸林说: without 我, the figures are the speaker's organisation's
            if after:
                return self._for_whom(after[0], quote, clause)
            if not _PRONOUN.match(t, close + 1) and speech_pattern().search(t, close, stop):
                return ""  # ”一位村干部说: someone the text does not name (”他说: the person introduced before)
        floor = w.paragraph[0] if mine else max(w.paragraph[0], opened - _SPEAKER_REACH)
        before = [m for m in self._mentions_in(floor, opened) if m.kind == "person"]
        return self._for_whom(before[-1], quote, clause) if before else ""

    def _unnamed_spokesperson(self, m: Mention, w: Where) -> str:
        """合作社理事长说，今年计划新建冷库2座: an organisation's unnamed spokesperson (its role and a speech verb
        right after it) reports the organisation's figures; '' for anything else."""
        t = self.t
        role = role_pattern().match(t, m.end)
        said = speech_pattern().match(t, role.end()) if role else None
        if (said is None or t[said.end():said.end() + 1] not in "，,：:" or not m.name.endswith(self.cues.business_ends)
                or _SINGULAR.search(t, said.end(), w.s) or _WHOLE_PLACE.search(t, said.end(), w.s)):
            return ""
        return m.name

    def _for_whom(self, person: Mention, quote: str, clause: str) -> str:
        """Whose figures a speaker gives: their organisation's when they speak for one and do not say 我 of
        themself in the number's clause or, without a clause of its own, the quotation; else their own."""
        organisation = self._spoken_for(person)
        of_themself = bool(_SINGULAR.search(clause)) or (clause == quote and bool(_SINGULAR.search(quote)))
        if organisation and not of_themself:
            return organisation
        if not of_themself and self._official(person):
            return ""  # 区发改局局长周伟：…我们将…: an official speaks of the place, not of themself
        return person.name

    def _role_before(self, person: Mention) -> re.Match[str] | None:
        """The role written right before a person's name in their clause (公司总经理陈立军, 局长周伟), if any."""
        t = self.t
        clause_start = self.index.clause(person.start)[0]
        role = None
        for m in role_pattern().finditer(t, max(clause_start, person.start - _ROLE_REACH), person.start):
            if m.end() == person.start or (t[m.end():person.start].strip() == ""):
                role = m
        return role

    def _of_themself(self, w: Where) -> bool:
        """Whether the number's clause says 我 (not 我们) of the speaker: 我家, 我今年."""
        return bool(_SINGULAR.search(self.t, w.clause[0], w.s))

    def _official(self, person: Mention) -> bool:
        """Whether a person is introduced by an office (局长, 党委书记, 主任, 镇长; data/entity_cues.csv official),
        not by what they do (村民, 种植户): an office holder's figures are the place's, never their own."""
        for m in self.mentions:  # 局长周伟 … 周伟：: the office given where the person was introduced
            if m.kind == "person" and m.name == person.name and (role := self._role_before(m)) is not None:
                return role.group().endswith(self.cues.officials)
        return False

    def _spoken_for(self, person: Mention) -> str:
        """The business a person speaks for: the one named before their role (公司总经理陈立军, 合作社理事长,
        临江街道“萧君”瓜果农业专业合作社社长张啸林), or, for a role alone (负责人郑晓东), the latest organisation the
        sentence named before; '' for anyone else (种植户, 村民, a village's secretary)."""
        t = self.t
        clause_start = self.index.clause(person.start)[0]
        role = self._role_before(person)
        if role is None:
            return ""
        candidates = [m for m in self._mentions_in(self.index.sentence(person.start)[0], role.start())
                      if m.name and m.kind != "person" and m.name.endswith(self.cues.business_ends)]
        attached = [m for m in candidates if m.end == role.start()]
        chosen = attached or (candidates if role.start() == clause_start or t[role.start() - 1] in _ROLE_OPEN else [])
        return chosen[-1].name if chosen else ""

    def _reported(self, w: Where) -> str:
        """叶女士说，今年店里的营业额预计能达到200万元: a person's reported speech, in the sentence after the person
        and a speech verb, is their own figure unless a place or organisation is named on the way."""
        t = self.t
        for m in reversed(self._mentions_in(w.sentence[0], w.s)):
            if m.kind != "person":
                if m.name:
                    return self._unnamed_spokesperson(m, w)
                continue
            said = speech_pattern().match(t, m.end)
            if said and t[said.end():said.end() + 1] in "，,：:" and not _WHOLE_PLACE.search(t, said.end(), w.s):
                return self._for_whom(m, t[said.end():w.s], t[max(said.end(), w.clause[0]):w.s])
            return ""
        return ""

    def _pronoun(self, w: Where) -> str:
        """他家 / 她 / 他们家 in the number's sentence part: the latest person the paragraph names before it."""
        m = _PRONOUN.search(self.t, w.segment[0], w.s)
        if m is None:
            return ""
        people = [p for p in self._mentions_in(w.paragraph[0], m.start()) if p.kind == "person"]
        return people[-1].name if people else ""
