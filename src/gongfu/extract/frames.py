"""The period of a number: its own time expression, or the paragraph's frame.

Period: the nearest time expression before the number in its sentence, except 2009年的 (it belongs to the
number right after it), comparison bases (比去年, 去年同期, 是2003年的七十多倍), deadlines (2023年底前) and
上半年…下半年 pairs (seasons); the starting value of a change (由3.2%降至0.8%) has none unless a time is written
onto it (由原来的300万元); 全年 under a year frame is that year. Else the paragraph's frame (a clause that is only a
time expression: 上半年， / 2023年，) from an earlier sentence, for a number outside quotation marks that is not a
plan: a reporting period (1-8月, 上半年, 2023年) whose sentence gives figures carries across subjects; any other
frame (这些年, an event's date: 2021年，项目正式投运) only while every sentence since keeps its subject; a
sentence opening with 其中 always keeps it.
"""

from __future__ import annotations

import bisect
import re

from gongfu.extract.cue_patterns import PART_OPENERS
from gongfu.extract.periods import EVENT_AFTER, PERIOD, SEASON_OPENING, SEASONS, normalise_period
from gongfu.extract.status import status as status_of

_NUMBER_START = re.compile(r"[\d０-９]|[一二两三四五六七八九十百千万][^一-龥]|[一二两三四五六七八九十百千万]{2}")
_RATIO_BASE = re.compile("(?:是|为|相当于)$")  # 是2003年的七十多倍: the base of a multiple
# a reporting period, whole (今年1-8月, 上半年, 前三季度, 2023年), not a span since (今年以来) nor a vague time (这些年)
_MONTHS = "前?[0-9０-９一二三四五六七八九十\\-—~至]+(?:个月|月份?|季度)|[上下]半年|全年"
_REPORTING = re.compile(f"(?:今年|去年|(?:19|20)\\d{{2}}年)(?:{_MONTHS})?|{_MONTHS}")
_YEAR_FRAME = re.compile(r"(?:19|20)\d{2}年|今年|去年")
_WHOLE_YEAR = ("全年",)
_FROM_LEAD = re.compile("(?:由|从)(?:原来的|之前的|过去的)?(?:约|近|不到|不足|超过|仅)?$")
_COMPARED = re.compile("(?:比|较|与|同|相比)$")
# 举行2025年第四季度重大项目集中签约活动: a year in the name of an event (a bulletin's year, 发布2023年统计公报,
# is the time of its figures)
_NAMING_VERB = re.compile("(?:举行|举办|召开|开展|启动)$")
_NUMBER_LEAD = re.compile("(?:约|近|不到|不足|超过|超|逾|仅|只有|才)?")


_STAT_LINE_MAX = 40  # characters of a bulletin line under its title (label, figure, growth)
_DIGIT = re.compile(r"\d")
_END_MARK = re.compile("[。；;！？!?]")  # what a sentence ends with and a bulletin's line does not
_TABLE_LINE = re.compile("[\u4e00-\u9fff、（）()“”]{2,20}[：:]")  # 制笔企业：1,020家
_SENTENCE_MARK = re.compile("[，,。；;！？!?：:]")
_TITLE_MAX = 40


class PeriodRules:
    """The period rules (part of DocumentContext, which sets the attributes)."""

    def _with_events(self, periods: list[re.Match[str]]) -> list[re.Match[str]]:
        """The time expressions and, where none overlaps them, the events and seasons clauses open with (统一品牌后，
        秋收时节，3天时间里，); not a stretch of days after a time its paragraph gave (国庆假期，…。8天时间里，: the
        holiday's own length)."""
        t = self.t
        found = (list(EVENT_AFTER.finditer(t)) if "后" in t else []) + (
            list(SEASON_OPENING.finditer(t)) if "时节" in t or "天" in t else [])
        if not found:
            return periods
        taken = [(m.start(), m.end()) for m in periods]
        starts = [m.start() for m in periods]
        events = [m for m in found if not any(a < m.end() and m.start() < b for a, b in taken) and not (
            m.group().endswith("时间里") and bisect.bisect_left(starts, self.index.paragraph(m.start())[0])
            < bisect.bisect_left(starts, m.start()))]
        return sorted(periods + events, key=lambda m: m.start()) if events else periods

    def _find_periods(self) -> list[re.Match[str]]:
        """Time expressions, minus deadlines (2023年底前), comparison bases (比去年, 较2020年, 去年同期, 与上年相比:
        the claim is about now, measured against then) and 上半年…下半年 pairs in one sentence (seasons)."""
        t = self.t
        found = [m for m in self._with_events(list(PERIOD.finditer(t))) if t[m.end():m.end() + 1] != "前"
                 and not _NAMING_VERB.search(t, max(0, m.start() - 2), m.start())
                 and not _COMPARED.search(t, max(0, m.start() - 2), m.start())
                 and not t.startswith(("同期", "相比", "相比较"), m.end())
                 and not (_RATIO_BASE.search(t, max(0, m.start() - 3), m.start()) and t.startswith("的", m.end()))]
        seasons: dict[int, list[re.Match[str]]] = {}
        for m in found:
            if m.group() in SEASONS:
                seasons.setdefault(self.index.sentence(m.start())[0], []).append(m)
        drop = {id(m) for group in seasons.values() if {g.group() for g in group} == SEASONS for m in group}
        return [m for m in found if id(m) not in drop]

    def period(self, start: int, end: int) -> str:
        """The time expression governing the number at [start, end), as written ('' when none)."""
        t = self.t
        s = self.flat.to_flat(start)
        sentence = self.index.sentence(s)
        i = bisect.bisect_left(self.period_starts, s)
        for m in reversed(self.periods[bisect.bisect_left(self.period_starts, sentence[0]):i]):
            if m.end() > s:
                continue
            if t[m.start() - 1:m.start()] == "于" and m.start() < self.index.clause(s)[0]:
                continue  # 合作社成立于2008年，现有社员236户: when something happened, not the figures' time
            attached = m.end() + 1 if t[m.end():m.end() + 1] == "的" else m.end()
            lead = _NUMBER_LEAD.match(t, attached)
            if attached != s and lead.end() != s and _NUMBER_START.match(t, lead.end()):
                continue  # 从2009年的2.28%, 原来的不到300万元: a time written onto a number belongs to that number
            period = normalise_period(m.group())
            if s in (attached, lead.end()):
                return period  # 由原来的不到300万元: the time written onto this very number
            if self._starting_value(s):
                return ""  # 由3.2%降至0.8%: the value a change starts from
            if period in _WHOLE_YEAR and _YEAR_FRAME.fullmatch(frame := self._frame(s, sentence)):
                return frame  # 2023年，…。…全年接待游客: the frame's year
            return period
        if self._starting_value(s):
            return ""
        return self._frame(s, sentence) or self._list_title(s) or self.title_period

    def _starting_value(self, s: int) -> bool:
        """由3.2%降至0.8%, 从400万台提升到: the number a change starts from (its time, if any, is written onto it)."""
        lead = _FROM_LEAD.search(self.t, max(0, s - 6), s)
        return lead is not None

    def _frame(self, s: int, sentence: tuple[int, int]) -> str:
        """The paragraph's latest frame (a clause that is only a time expression: 上半年，/ 2023年，) in an earlier
        sentence, for a number outside quotation marks (a speaker's words keep their own time) that reports what
        happened (a plan, 富阳区计划用3至5年…, has its own time). A reporting period (1-8月, 上半年, 2023年) whose
        sentence gives figures carries across subjects (上半年，平湖新引进…。德国一家企业…); any other frame (这些年,
        an event's date: 2022年，项目正式投运) only while every sentence since keeps its subject."""
        t = self.t
        para_start = self.index.paragraph(s)[0]
        lo = bisect.bisect_left(self.period_starts, para_start)
        hi = bisect.bisect_left(self.period_starts, sentence[0])
        if lo == hi or self._quoted(s, para_start):
            return ""  # no time expression in an earlier sentence of the paragraph (most numbers), or quoted
        for m in reversed(self.periods[lo:hi]):
            if m.re is EVENT_AFTER:
                continue  # 仪式结束后，: the time of a scene, not of the paragraph's figures
            clause = self.index.clause(m.start())
            if t[clause[0]:clause[1]].rstrip("，,：:") != m.group():
                continue
            clause_start = self.index.clause(s)[0]
            if status_of(t[sentence[0]:s], t[clause_start:s]) != "actual":
                return ""
            frame_sentence = self.index.sentence(m.start())
            here, there = self.topics.get(sentence[0]), self.topics.get(frame_sentence[0])
            reports = bisect.bisect_left(self.numbers, frame_sentence[0]) < bisect.bisect_left(self.numbers,
                                                                                             frame_sentence[1])
            if (reports and _REPORTING.fullmatch(m.group())) or self._part_of(sentence):
                return normalise_period(m.group())
            lo, hi = bisect.bisect_right(self.topic_starts, frame_sentence[0]), bisect.bisect_left(self.topic_starts,
                                                                                                  sentence[0])
            kept = all(there is not None and self.topics[k].name == there.name for k in self.topic_starts[lo:hi])
            if kept and (here is None or (there is not None and here.name == there.name)):
                return normalise_period(m.group())
            return ""  # 去年，长安村实施城中村改造。闻堰街道…: an event's date holds only while its subject does
        return ""

    def _list_title(self, s: int) -> str:
        """分水镇2026年1-11月制笔产业主要指标 over lines 'label：value': a title line in the text governs the table
        lines under it (as the document's title governs a list)."""
        t = self.t
        start = self.index.paragraph(s)[0]
        if not self._table_line(start):
            return ""
        while start > 0:
            previous = self.index.paragraph(start - 1)
            if self._table_line(previous[0]):
                start = previous[0]
                continue
            line = t[previous[0]:previous[1]].strip()
            found = PERIOD.search(line) if len(line) <= _TITLE_MAX and not _SENTENCE_MARK.search(line) else None
            return normalise_period(found.group()) if found else ""
        return ""

    def _table_line(self, start: int) -> bool:
        """A line of a table: 'label：value', or a short line with a figure and no sentence mark (社会消费品零售总额
        203.7亿元，同比增长4.9%) whose digits are not all in a time expression (a title's 2025年1-10月 is not one)."""
        t = self.t
        if _TABLE_LINE.match(t, start):
            return True
        line = t[start:self.index.paragraph(start)[1]].strip()
        return (len(line) <= _STAT_LINE_MAX and not _END_MARK.search(line)
                and _DIGIT.search(PERIOD.sub("", line)) is not None)

    def _part_of(self, sentence: tuple[int, int]) -> bool:
        """其中，…天台山景区…: a sentence opening with 其中 reports a part of the frame's subject."""
        return self.t.startswith(PART_OPENERS, sentence[0])

    def _quoted(self, s: int, floor: int) -> bool:
        """Whether position `s` is inside an open quotation “…” that started after `floor`."""
        return self.index.rfind("“", floor, s) > self.index.rfind("”", floor, s)
