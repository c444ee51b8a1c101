"""From quantities to claims: which numbers state a quantity, and what, whom and when they measure.

`extract_claims(text, document)` takes every number `gongfu.extract.numbers.find_quantities` reads in a cleaned text,
drops those that are not claims (dates, month ranges, identifiers, ordinals, slogans, 一 as an article,
category thresholds; judged from the characters around each number, see `rejection`), and gives each claim an
indicator (taxonomy in data/indicators.csv), entity, period, year, growth flag and growth link.
CLAIM_COLUMNS and CLAIM_SCHEMA describe claims.csv; `validate_claims` checks a frame before it is written."""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

from gongfu.extract.basis import basis as basis_of
from gongfu.extract.basis import slash_basis
from gongfu.extract.context import DocumentContext
from gongfu.extract.direction import Change, change
from gongfu.extract.document_index import DocumentIndex
from gongfu.extract.indicator import phrase, ratio_label
from gongfu.extract.numbers import Quantity, find_quantities
from gongfu.extract.periods import resolve_year
from gongfu.extract.selection import (
    enumeration,
    period,
    rank,
    rank_subject,
    ratio_lead,
    ratio_noun,
    slogan,
    threshold,
)
from gongfu.extract.status import status as status_of
from gongfu.lexicon import (
    INDICATORS_FILE,
    Indicator,
    indicators_by_id,
    load_indicators,
    load_units,
    theme_of,
    unit_kind,
)

_CN_NUMERALS = "零〇一二两三四五六七八九十百千万亿"
_PEOPLE = {"人", "名", "位"}
_PARAGRAPH_DATE_UNITS = {"date", "time"}
_CORE = re.compile(rf"[\d.,:]+|[{_CN_NUMERALS}]+")
_MULTIPLIER = re.compile("[万亿千]")
_DIGIT = re.compile(r"\d")
_LATIN_START, _LATIN_END = re.compile("[A-Za-z]"), re.compile("[A-Za-z]$")
_NUMBER_AFTER = re.compile(rf"\s?[\d{_CN_NUMERALS}]")
_TIME_AFTER_YEAR = re.compile(r"(?:前|后|以来|来|底|初|末|中|代)")
_ORDINAL_BEFORE = re.compile(rf"第[{_CN_NUMERALS}\d]*[、，,和及至到-]?$")
_GRADE_AFTER = re.compile("[制级星类]")
_SLOGAN_AFTER = re.compile("大")
# A qualifier a few words back: 约占街道总人口的86%, 差不多能挣7万元, 最高可贷50万元, 至少发酵12个月, 约占八成
_APPROX_WINDOW = re.compile(r"(?:(约占|约为|大约|接近|不超过|不高于|不多于|不少于|不低于|超过|不到|不足)"
                            r"[^，,。；;！？\d]{0,12}的"
                            r"|(约占|约为|约有|大约|大概|差不多|将近|至少|最少|最多可|最高可|最多能|最高能)"
                            r"[^，,。；;！？\d的]{0,4})$")
_WINDOW_QUALIFIER = {"约占": "approx", "约为": "approx", "约有": "approx", "大约": "approx", "大概": "approx",
                     "差不多": "approx", "将近": "approx", "接近": "approx", "超过": "over", "至少": "over",
                     "最少": "over", "不到": "under", "不足": "under", "最多可": "under", "最高可": "under",
                     "最多能": "under", "最高能": "under",
                     # 不超过项目投资额的30%: a bound written with 不 (the nearer 超过 would read as over)
                     "不超过": "under", "不高于": "under", "不多于": "under", "不少于": "over", "不低于": "over"}


@cache
def _indicator_index(path: Path = INDICATORS_FILE) -> tuple[re.Pattern[str], dict[str, tuple[Indicator, ...]]]:
    """One regex of every pattern (longest first) and, per pattern, the indicators it may name."""
    by_pattern: dict[str, tuple[Indicator, ...]] = {}
    for ind in load_indicators(path):
        for pat in ind.patterns:
            by_pattern[pat] = (*by_pattern.get(pat, ()), ind)
    alternation = "|".join(re.escape(p) for p in sorted(by_pattern, key=len, reverse=True))
    first = re.escape("".join(sorted({p[0] for p in by_pattern})))  # a cheap first-character test
    return re.compile(f"(?=[{first}])(?:{alternation})"), by_pattern


@cache
def _unit_indicators(path: Path = INDICATORS_FILE) -> dict[str, Indicator]:
    """Indicators named by their unit alone (岁 -> age, 分钟 -> travel time, 平方公里 -> land area)."""
    units = load_units()
    return {p: ind for ind in reversed(load_indicators(path)) for p in ind.patterns if p in units}


def compatible(expected: str, unit: str) -> bool:
    """Whether a number in `unit` can measure an indicator expected in `expected`: the same unit, or the same
    kind (area, money...); counts need the same measure word (幢 counts buildings, 个 does not), except that
    人, 名 and 位 all count people."""
    if not expected or not unit or expected == unit:
        return True
    if unit_kind(unit) == "count":
        return expected in _PEOPLE and unit in _PEOPLE
    return unit_kind(expected) == unit_kind(unit)


def _is_cn(q: Quantity) -> bool:
    return not _DIGIT.search(q.text)


def _core_text(q: Quantity) -> str:
    """The numeral part of a mention, without qualifier words or unit (for the 一 and small-numeral rules)."""
    m = _CORE.search(q.text)
    return m.group() if m else q.text


def _has_multiplier(q: Quantity) -> bool:
    return bool(_MULTIPLIER.search(q.text)) and not q.text.startswith("百分之")


def rejection(text: str, q: Quantity) -> str:
    """Why quantity `q` in `text` is not a claim ('' when it is): judged from the characters around it.

    date: a point in time (2021年, 4月15日, 1-8月, 十几年前, 10:37); ordinal: 第四, 第一、二名; identifier: G60, 4S, 3A;
    slogan: 五大行动, 三化九场景; grade: 五人制, 十亿元以上17家; article: 一 as an article (一个, 一艘);
    no-unit: a bare number that measures nothing the sentence names (1483, 12619, 2+2+X).
    """
    before, after = text[max(0, q.start - 6):q.start], text[q.end:q.end + 3]
    units = load_units()
    written = units.get(q.written or q.unit)
    kind = written.kind if written else unit_kind(q.unit) if q.unit else ""
    if kind in _PARAGRAPH_DATE_UNITS or q.unit == "clock":
        return "date"
    if q.unit == "年" and (q.value >= 1000 or _TIME_AFTER_YEAR.match(after)):
        return "date"
    if q.kind == "rank":
        return ""
    if _ORDINAL_BEFORE.search(before):
        return "ordinal"
    if _LATIN_START.match(after) or _LATIN_END.search(before):
        return "identifier"
    if not q.unit and _SLOGAN_AFTER.match(after):
        return "slogan"  # 五大行动; 8亩大棚 counts 亩
    if q.unit and q.qualifier == "none" and _GRADE_AFTER.match(after):
        return "grade"  # 五人制; 三十多年制瓣经验 is a duration
    if q.text.endswith(("以上", "以下")) and _NUMBER_AFTER.match(after):
        return "grade"
    if _is_cn(q):
        core = _core_text(q)
        if (core == "一" and not _yi_counts(text, q)) or (core in _CN_NUMERALS and q.unit and written is not None
                                                    and not written.cn_small_ok):
            return "article" if core == "一" else "slogan"
        if _alternating(text, q):
            return "slogan"
    for reason, rule in _SELECTION:
        if rule(text, q):
            return reason
    if not q.unit and not _has_multiplier(q):
        return "no-unit"
    return ""


_SELECTION = (("threshold", threshold), ("period", period), ("slogan", slogan), ("enumeration", enumeration))
_YI_UNITS = frozenset({"%", "倍"})


def _yi_counts(text: str, q: Quantity) -> bool:
    """A lone 一 that is a number: 一倍, 一倍多, 一半, 一成, 翻一番 (a multiple or share), 一个半月, 一个多小时;
    not an article, nor 另一半 (a spouse)."""
    if text[q.start - 1:q.start] == "另":
        return False
    return q.unit in _YI_UNITS or q.text.startswith("翻") or "个半" in q.text or "个多" in q.text


def _alternating(text: str, q: Quantity) -> bool:
    """一老一小, 三化九场景, 两纵三横: a numeral, one character, another numeral: a name, not a count."""
    before = text[max(0, q.start - 2):q.start]
    after = text[q.end:q.end + 2]
    num = set(_CN_NUMERALS) - {"万", "亿", "千", "百"}
    return (len(before) == 2 and before[0] in num and before[1] not in num and before[1] not in "，,。、；;")\
        or (len(after) == 2 and after[1] in num and after[0] not in num and after[0] not in "，,。、；;和与及到至")


# 16.8万华侨, 卖出180万瓶 (a measure word the table lacks): a bare number before a noun has no unit, not the
# unit its indicator is usually measured in (人均收入5.2万，is 元; so is 规模达1000万的基金, 注资200万已到位:
# a function word after the number starts no noun)
_NOUN_NEXT = re.compile("(?![的了已将被在于为是和与及并而用到至等以就都也还又再才左上下之])[\u4e00-\u9fff]")


def _indicator(text: str, q: Quantity, clause: tuple[int, int], segment: tuple[int, int],
               taken: list[tuple[int, int]], growth: bool) -> tuple[str, Indicator | None]:
    """What the number measures: the taxonomy pattern nearest before it in its clause, else right after it
    (the counted noun: 46名楼长), else in an earlier clause of its sentence part (其中十亿元以上17家), preferring
    indicators measured in the number's unit; then an indicator its unit names (72岁); then any pattern found;
    else the words right after it, with no taxonomy row. A growth rate looks only in its own clause before it
    (its base figure's indicator is used otherwise)."""
    pattern, by_pattern = _indicator_index()
    tiers = [(clause[0], q.start, True)] + ([] if growth else [(q.end, clause[1], False),
                                                                 (segment[0], clause[0], True)])
    label = _TABLE_LABEL.search(text, max(0, clause[0] - _LABEL_MAX - 2), clause[0]) if q.start == clause[0] else None
    if label and not growth:  # 制笔企业：1,020家, 外贸出口额：7.4亿美元: a table line's label names its figure
        inside = [ind for m in pattern.finditer(label.group(1)) for ind in by_pattern[m.group()]
                  if compatible(ind.unit, q.unit)]
        return label.group(1), (inside[-1] if inside else None)
    fallback: tuple[str, Indicator | None] | None = None
    for lo, hi, nearest_last in tiers:  # each tier scanned only when the ones before it name nothing
        found = pattern.finditer(text, lo, hi)
        for m in reversed(list(found)) if nearest_last else found:
            if _inside(taken, m.start(), m.end()):
                continue  # 分钟 in 10分钟 is the other number's unit
            for ind in by_pattern[m.group()]:
                if growth or compatible(ind.unit, q.unit):
                    return m.group(), ind
                fallback = fallback or (m.group(), ind)
    by_unit = _unit_indicators().get(q.unit)
    if by_unit is not None and not growth:
        return by_unit.zh, by_unit
    if fallback is not None:
        return fallback
    noun = _NOUN_AFTER.match(text, q.end, clause[1])
    return (noun.group() if noun else ""), None


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the sorted spans."""
    i = bisect.bisect_right(spans, (start, _INF)) - 1
    if i >= 0 and spans[i][0] < end and start < spans[i][1]:
        return True
    return i + 1 < len(spans) and spans[i + 1][0] < end and start < spans[i + 1][1]


_INF = float("inf")


def _qualifier(text: str, clause: tuple[int, int], q: Quantity) -> str:
    """The parser's qualifier, else one a few characters back in the clause (约占街道总人口的86%)."""
    if q.qualifier != "none":
        return q.qualifier
    m = _APPROX_WINDOW.search(text[clause[0]:q.start])
    return _WINDOW_QUALIFIER[m.group(1) or m.group(2)] if m else "none"


_LABEL_MAX = 16
_TABLE_LABEL = re.compile(rf"(?<![^\n])([\u4e00-\u9fff、]{{2,{_LABEL_MAX}}})[：:]$")  # a line 'label：value'
_COMMA_BEFORE = re.compile(r"[，,。；;：:！？!?\n][^，,。；;：:！？!?\n]*$")


def _change(text: str, clause: tuple[int, int], q: Quantity) -> Change:
    """The change `q` makes, read in its clause; the second and later numbers of a 、 list read from the list's
    start (分别增长4.2%、6.8%: 6.8% is a rise too)."""
    start = clause[0]
    if text[start - 1:start] == "、" and _LISTED_BEFORE.search(text, max(0, start - 24), start):
        m = _COMMA_BEFORE.search(text, max(0, start - 60), start)
        start = m.start() + 1 if m else max(0, start - 60)
    return change(text[start:q.start], q.text, q.value)


_NOUN_AFTER = re.compile(r"[^，,。；;！？、\n\d/／]{2,12}")  # the words right after a number, with no taxonomy row
_LABEL_END = re.compile(r"\s*(?:$|[，,。；;\n“”\"])")
_LISTED_BEFORE = re.compile(r"[\d.]+(?:%|个百分点|倍)、$")


def _claim_id(doc_id: str, text: str, q: Quantity, sentence: tuple[int, int], seen: dict[str, int]) -> str:
    """doc_id + a hash of the mention and its neighbours within the sentence: stable when other text changes."""
    key = f"{text[max(sentence[0], q.start - 12):q.start]}|{q.text}|{text[q.end:min(sentence[1], q.end + 4)]}"
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:8]
    seen[digest] = seen.get(digest, 0) + 1
    return f"{doc_id}-{digest}" + (f"-{seen[digest]}" if seen[digest] > 1 else "")


def _repeated_lines(text: str) -> list[tuple[int, int]]:
    """Spans of lines that repeat an earlier line word for word (an article printed twice counts once)."""
    seen, spans, pos = set(), [], 0
    for line in text.split("\n"):
        key = line.strip()
        if len(key) >= 20 and key in seen:
            spans.append((pos, pos + len(line)))
        seen.add(key)
        pos += len(line) + 1
    return spans


# a number kept as a claim: the quantity, its list clause, its indicator's words and row, the change it makes
_Kept = tuple[Quantity, tuple[int, int], str, Indicator | None, Change]


def extract_claims(text: str, document: dict[str, Any]) -> list[dict[str, Any]]:
    """The claims in one cleaned text; `document` is its documents.csv row (doc_id, place, published...)."""
    if not text:
        return []
    doc_id = str(document.get("doc_id", ""))
    index = DocumentIndex(text)  # its units, found once for every number and for the context
    around = index.around
    sentences, segments, clauses, commas = index.sentences, index.segments, index.list_clauses, index.clauses
    repeats = _repeated_lines(text)
    found = find_quantities(text)
    taken = [(q.start, q.end) for q in found if q.unit]  # 10分钟: 分钟 is not another number's indicator
    kept: list[_Kept] = []
    for q in found:
        if rank(text, q):  # 居全省第二: a place in a league table, with its 第
            q = replace(q, text=f"第{q.text}", start=q.start - 1, unit="名次", written="名次", kind="rank")
        reason = rejection(text, q)
        if (reason and reason != "no-unit") or (repeats and _inside(repeats, q.start, q.start + 1)):
            continue
        clause = around(clauses, q.start, q.end)
        if reason == "no-unit" and ratio_lead(text[clause[0]:q.start]):
            q, reason = replace(q, unit="比值", qualifier="ratio" if q.qualifier == "none" else q.qualifier), ""
        moved = _change(text, clause, q)  # read once: the label, the ratio rule and the row all use it
        label, ind = _indicator(text, q, clause, around(segments, q.start, q.end), taken, moved.growth)
        if reason == "no-unit" and _ratio_change(text, q, moved.growth, kept):
            kept.append((q, clause, label, ind, moved))
            continue
        if reason == "no-unit" and not (ind and _labels_number(text, q, label)):
            continue
        label, ind = _subset(text, clause, q, label, ind)
        kept.append((q, clause, label, ind, moved))
    if not kept:
        return []
    context = DocumentContext(text, document, index)
    context.set_numbers([(q.start, q.end) for q, *_ in kept])
    published = str(document.get("published") or "")
    rows: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    last_level: dict[tuple[int, int], dict[str, Any]] = {}
    levels: dict[tuple[int, int], list[dict[str, Any]]] = {}
    in_clause: dict[tuple[int, int], list[int]] = {}
    themes: dict[tuple[int, int], str] = {}  # a sentence's theme, read once for the claims it holds
    for q, *_ in kept:  # the numbers of each comma clause (分别增长4.2%、6.8%: one list)
        in_clause.setdefault(around(commas, q.start, q.end), []).append(q.start)
    for q, clause, label, ind, moved in kept:
        sentence = around(sentences, q.start, q.end)
        growth = moved.growth
        period = context.period(q.start, q.end)
        base = last_level.get(sentence) if growth else None
        comma = around(commas, q.start, q.end)
        if growth and _RESPECTIVELY.search(text, comma[0], q.start):
            base = _respective(levels.get(sentence, []), in_clause[comma], q.start) or base
        if growth and not ind and base is not None:  # 同比增长7.7%: the growth of the figure it follows
            label, ind = base["indicator"], indicators_by_id().get(base["indicator_id"])
        entity = context.entity(q.start, q.end)
        entity_type = context.entity_type(entity)
        label = _label(text, clause, q, label, growth, base, last_level.get(sentence))
        paired = rows[-1] if rows and rows[-1]["char_start"] >= sentence[0] else None
        if (paired is not None and text[paired["char_end"]:q.start] in _LIST_JOINS
                and (label == paired["indicator"] or _DIGIT.search(label))):  # 分别增长5.5%和6.5%: one name
            paired["indicator"], label = _pair_labels(str(paired["indicator"]))
        rate = _RATE_CHANGE.match(text, clause[0], q.start) if growth and q.unit == "个百分点" else None
        if rate:  # 降幅比一季度收窄2.1个百分点: a change of the rate of the figure before it
            said = [str(r["indicator"]) for r in reversed(rows) if r["char_start"] >= sentence[0]]
            label = (said[0] if said else "").removesuffix(rate.group(1)) + rate.group(1)
        if q.kind == "rank":  # a place in a table is compared with no amount: no taxonomy id
            ind = None
            ranked = [r for r in reversed(rows) if r["char_start"] >= sentence[0] and r["unit"] not in _SPAN_UNITS]
            label = _rank_label(text, sentence, clause, q, ranked[0] if ranked else None)
            if ranked and not _BOARD.search(text, sentence[0], q.start):  # 增速位居…第二: the ranked figure's entity
                entity, entity_type = str(ranked[0]["entity"]), str(ranked[0]["entity_type"])
        if q.unit == "岁" and not _AGE_WORDS.search(label):  # 独居老人孙阿婆说她今年78岁: a person's age
            label = "年龄"
        if not label or label in _SHARE_WORDS:  # 占比39%, 同比负增长1.2%: the words of the figure before it
            label = _unlabelled(text, clause, q, growth, [r for r in rows if r["char_start"] >= sentence[0]])
        at = label.find(entity) if entity_type == "place" and entity else -1
        parent = 0 < at <= _PARENT_MAX and label[at - 1] in _PARENT_ENDS
        if (at == 0 or parent) and len(label) > at + len(entity) + 1:
            label = _HAVE.sub("", label[at + len(entity):])  # (东阳市)横店镇实现…: the place is the entity column
        rest = label.replace(entity, "").strip("和与、") if entity_type == "place" and entity in label else None
        if rest is not None and not growth and (not rest or _ONLY_PLACES.fullmatch(rest)):  # 顾渚村52万人次
            looked = _LOOK_FRAME.search(text, sentence[0], q.start)  # 从农家乐数量看，顾渚村有520多家
            label = looked.group(1) if looked else _same_unit_label(rows, q.unit, index.paragraph(q.start)[0]) or label
        if entity_type == "place" and (other := _CO_SUBJECT.match(label)) and len(label) > other.end() + 1:
            label = label[other.end():]  # 箬横镇和松门镇的西瓜种植面积分别为…: the other place is its own row's entity
        value, low, high = _signed(q, moved)
        per = (basis_of(text[clause[0]:q.start]) or slash_basis(text[q.end:q.end + 4])
               or (base["basis"] if base else ""))
        if not ind and sentence not in themes:
            themes[sentence] = theme_of(text[sentence[0]:sentence[1]])
        row = {
            "doc_id": doc_id, "claim_id": _claim_id(doc_id, text, q, sentence, seen), "mention": q.text,
            "value": value, "low": low, "high": high,
            "unit": q.unit or (ind.unit if ind and not (growth and base and base["unit"] == "比值")
                               and not _NOUN_NEXT.match(text, q.end) else ""),
            "qualifier": _qualifier(text, clause, q), "indicator": label,
            "indicator_id": ind.indicator_id if ind else "",
            "theme": ind.theme if ind else themes[sentence],
            "entity": entity, "entity_type": entity_type,
            "period": period, "year": resolve_year(period, published),
            "is_growth": growth, "direction": moved.direction, "basis": per,
            "status": status_of(text[sentence[0]:q.start], text[comma[0]:q.start]),
            "base_claim_id": base["claim_id"] if base else "",
            "sentence": text[sentence[0]:sentence[1]].strip(), "char_start": q.start, "char_end": q.end,
        }
        rows.append(row)
        if not growth:
            last_level[sentence] = row
            levels.setdefault(sentence, []).append(row)
    return rows


_PARENT_MAX, _PARENT_ENDS = 10, "省市县区"  # 东阳市 before 横店镇: the parent divisions written before a place
_LOOK_FRAME = re.compile("从([\u4e00-\u9fff]{2,10}?)(?:上|方面)?看[，,]")
_ONLY_PLACES = re.compile("(?:[\u4e00-\u9fff]{1,8}?(?:街道|镇|乡|村|区|县|市)(?:和|与|、)?)+")


def _same_unit_label(rows: list[dict[str, Any]], unit: str, since: int) -> str:
    """The label of the latest figure in the same unit since `since` (其中，顾渚村52万人次 after 共接待游客86万人次)."""
    return next((str(r["indicator"]) for r in reversed(rows) if r["char_start"] >= since and r["unit"] == unit), "")


_CO_SUBJECT = re.compile("^(?:和|与|及|、)[\u4e00-\u9fff]{1,10}?(?:街道|镇|乡|村|区|县|市)的?")
_HAVE = re.compile("^(?:已经|已|现|共|还|累计)?(?:拥有|实现|完成|有|达到)?")
_SHARE_LEAD = re.compile("^占(.*?)的?$")
_AGE_WORDS = re.compile("龄|岁|寿命")  # 平均年龄, 人均预期寿命: a measure in years of age that has its own name
_SHARE_ONLY = re.compile("(?:占比|比重)(?:达到?|为|约|近|超过?)?$")  # the words before a bare share


def _unlabelled(text: str, clause: tuple[int, int], q: Quantity, growth: bool, before: list[dict[str, Any]]) -> str:
    """A figure the clause gives no words for takes them from the nearest earlier claim of its sentence: its share
    when the clause says only 占比 (…11.2亿元，占比39%: …占比), else the same measure again (环比增长3.4%，同比负增长
    1.2%; 加装电梯86台，累计已达312台) when the growth flag and the kind of unit agree; '' when there is none."""
    if not before:
        return ""
    prior = before[-1]
    label = str(prior["indicator"])
    if not label or label.endswith(_SHARE_WORDS):
        return ""
    share = _SHARE_ONLY.search(text, clause[0], q.start)
    if q.unit == "%" and not growth and share and not prior["is_growth"]:
        return label + ("比重" if share.group().startswith("比重") else "占比")
    if bool(prior["is_growth"]) == growth and unit_kind(str(prior["unit"])) == unit_kind(q.unit):
        return label
    return ""
_SHARE_WORDS = ("比重", "比例", "份额", "占比")


_LIST_JOINS = ("和", "、", "及", "与")
_BOTH = ("城乡居民", "城乡")  # 城乡居民人均可支配收入分别为7.1万元和4.2万元: 城镇 then 农村


def _pair_labels(first: str) -> tuple[str, str]:
    """The labels of two figures listed after one name (…分别增长5.5%和6.5%): the same name, except that 城乡居民… is
    城镇居民… then 农村居民…"""
    for both in _BOTH:
        if first.startswith(both):
            rest = first[len(both):]
            return (f"城镇居民{rest}", f"农村居民{rest}") if both == "城乡居民" else (f"城镇{rest}", f"农村{rest}")
    return first, first


def _label(text: str, clause: tuple[int, int], q: Quantity, found: str, growth: bool,
           base: dict[str, Any] | None, previous: dict[str, Any] | None) -> str:
    """The indicator as the text words it (`gongfu.extract.indicator.phrase`); a change with no words of its own
    is its base figure's; a share (占成交总额的36.1%) is named from the figure before it (网络零售额占成交总额比重);
    `found` (the taxonomy's pattern or the counted noun) when the clause gives nothing better."""
    if "（其中" in found:
        return found  # a part of an earlier figure keeps that figure's words (see _subset)
    noun = ratio_noun(text[clause[0]:q.start]) if q.unit == "比值" else ""
    if noun and phrase(noun):
        return phrase(noun) + "比"  # 城乡收入比缩小至1.68: the ratio's own name
    own = phrase(text[clause[0]:q.start], text[q.end:clause[1]], q.unit)
    share = _SHARE_LEAD.match(own)
    if share:
        whole = share.group(1)
        subject = previous["indicator"] if previous else ""
        return f"{subject}占{whole}" + ("" if whole.endswith(_SHARE_WORDS) else "比重")
    if growth and base is not None and (not own or own == text[q.end:clause[1]][:len(own)] or _DIGIT.search(own)):
        return str(base["indicator"])
    ratio = ratio_label(own, previous["indicator"] if previous else "") if q.unit == "倍" else ""
    if ratio:
        return ratio
    if len(own) < 2:
        return found
    return _with_subject(own, previous, q.unit)


_METRIC = re.compile("[\u4e00-\u9fff]{1,3}[额量值]")
_METRIC_END = re.compile("(?:播种|种植|养殖|建筑|经营|占地)?(?:面积|产值|产量|收入|销售额|营业额|出口额|进口额|"
                         "投资|税收|规模|总额|总量)$")


def _with_subject(own: str, previous: dict[str, Any] | None, unit: str) -> str:
    """A bare metric (出口额, 产值) after an amount of the same sentence with a subject (泵与电机产业产值763亿元，…，
    出口额23.6亿美元) belongs to that subject: 泵与电机产业出口额. Counts (引进企业21家，总产值约12亿) do not
    lend their words: what is counted is not what the amount belongs to."""
    pattern, _ = _indicator_index()
    if previous is None or len(own) > 4 or not (pattern.fullmatch(own) or _METRIC.fullmatch(own)):
        return own
    if "count" in (unit_kind(unit), unit_kind(str(previous["unit"]))) or previous["is_growth"]:
        return own
    before = str(previous["indicator"])
    ends = [m.start() for m in (pattern.search(before, i) for i in range(2, len(before) - 1))
            if m and m.end() == len(before)]
    metric = _METRIC_END.search(before)
    ends += [metric.start()] if metric else []
    if not ends:
        return own
    subject = before[:min(ends)]
    if len(subject) < 2 or _NUMERAL.search(subject) or own.startswith(subject) or "（" in before:
        return own
    return subject + own


_BOARD = re.compile(r"(?:\d{2,4}年度?)?([^，,。；;：:、\d]{2,14}榜)")
_RATE_SUBJECTS = ("增速", "增幅", "增长", "总量", "规模", "速度", "总额")
_NUMERAL = re.compile(rf"[\d{_CN_NUMERALS}]")
_SPAN_UNITS = frozenset({"年", "月", "天", "小时"})  # 连续十多年位居第一: the years are not the ranked figure
_SPAN = re.compile(rf"(?:连续)?[\d{_CN_NUMERALS}多余几]+个?(?:年|月|季度|届|次)(?:来)?|连续|多年")


def _rank_label(text: str, sentence: tuple[int, int], clause: tuple[int, int], q: Quantity,
                previous: dict[str, Any] | None) -> str:
    """A rank's indicator: the league table the sentence names (百强榜中，…位列第38位: 百强榜排名), else what
    is ranked (增速 in 增速居台州市第二位, after `previous`, the figure it ranks: 规上工业增加值增速排名)."""
    board = _BOARD.search(text, sentence[0], q.start)
    if board:
        name = board.group(1)
        return f"{name[name.rfind('的') + 1:].lstrip('在于')}排名"
    raw = _SPAN.sub("", rank_subject(text[_bracket_free_start(text, sentence[0], clause[0]):q.start])).strip(" ，,")
    raw = _LEAGUE.sub("", raw) if _LEAGUE.search(raw) and _LEAGUE.search(raw).start() >= 2 else raw
    subject = phrase(raw)
    rate = next((w for w in _RATE_SUBJECTS if raw.endswith(w)), "")
    if rate and not subject.endswith(rate):
        subject += rate
    if (not subject or subject == rate) and previous is not None:
        subject = str(previous["indicator"]) + subject
    return subject if subject.endswith(("排名", "名次")) else f"{subject}排名"


_CLAUSE_BREAK = re.compile("[，,；;。：:]")
_LEAGUE = re.compile("在[^，,。；;在]{2,24}?(?:中|之中|里)?$")  # 增速在温州市各县（市、区）排名第一: where it ranks


def _bracket_free_start(text: str, floor: int, start: int) -> int:
    """The start of the clause at `start`, not inside brackets: 增速列金华市各县（市、区）第3位 is one clause,
    though its 、 splits the list in the brackets."""
    opened = max(text.rfind("（", floor, start), text.rfind("(", floor, start))
    if opened < 0 or max(text.rfind("）", floor, start), text.rfind(")", floor, start)) > opened:
        return start
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, floor, opened)]
    return breaks[-1] if breaks else floor


def _signed(q: Quantity, moved: Change) -> tuple[float, float | None, float | None]:
    """value, low and high with the sign of the change (下降3.2% -> -3.2; a falling range 下降10%-15% -> -15..-10)."""
    if not moved.growth:
        return q.value, q.low, q.high
    sign = moved.sign
    value = sign * abs(q.value)
    if q.low is None or q.high is None:
        return value, q.low, q.high
    ends = sorted((sign * abs(q.low), sign * abs(q.high)))
    return (ends[1] if sign < 0 else ends[0]), ends[0], ends[1]


_SUBSET_LEAD = re.compile(r"\s*其中([^，,。；;！？\d]{0,12})$")


def _subset(text: str, clause: tuple[int, int], q: Quantity, label: str,
            ind: Indicator | None) -> tuple[str, Indicator | None]:
    """A number led by 其中 counts part of an earlier figure (规上工业企业104家，其中十亿元以上17家): it keeps the
    earlier indicator's words plus the part it counts, and no taxonomy id, so it is never compared with the whole."""
    lead = _SUBSET_LEAD.match(text, clause[0], q.start) if label and label not in text[clause[0]:q.start] else None
    if lead is None:
        return label, ind
    part = lead.group(1).strip()
    return f"{label}（其中{part}）" if part else f"{label}（其中）", None


_RESPECTIVELY = re.compile("分别")
_RATE_CHANGE = re.compile("[，,\\s]*(降幅|增幅|增速|增长率)")


def _respective(levels: list[dict[str, Any]], listed: list[int], start: int) -> dict[str, Any] | None:
    """接待游客46.3万人次，门票收入2,870万元，分别增长33.5%和29.8%: the k-th rate of a 分别 list changes the k-th of
    the figures listed before it (the last as many levels of the sentence); None when fewer levels precede."""
    if len(levels) < len(listed) or len(listed) < 2:
        return None
    return levels[len(levels) - len(listed) + listed.index(start)]


def _ratio_change(text: str, q: Quantity, growth: bool, kept: list[_Kept]) -> bool:
    """较上年同期下降0.03: a bare number (`growth`: a change) changing the ratio given just before it in its
    sentence (no unit)."""
    if not kept or kept[-1][0].unit != "比值" or not growth:
        return False
    return not any(ch in text[kept[-1][0].end:q.start] for ch in "。！？!?\n")


def _labels_number(text: str, q: Quantity, label: str) -> bool:
    """A bare number right after the noun that names it (床位240, OCR-cut) measures that noun."""
    return bool(label) and text[max(0, q.start - len(label) - 2):q.start].find(label) >= 0 and bool(
        _LABEL_END.match(text[q.end:q.end + 2]))
