"""From quantities to claims: which numbers state a quantity, and what, whom and when they measure.

`extract_claims(text, document)` takes every number `gongfu.numbers.find_quantities` reads in a cleaned text,
drops those that are not claims (dates, month ranges, identifiers, ordinals, slogans, 一 as an article,
category thresholds; judged from the characters around each number, see `rejection`), and gives each claim an
indicator (taxonomy in data/indicators.csv), entity, period, year, growth flag and growth link.
CLAIM_COLUMNS and CLAIM_SCHEMA describe claims.csv; `validate_claims` checks a frame before it is written.
"""

from __future__ import annotations

import bisect
import csv
import hashlib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gongfu.context import DocumentContext
from gongfu.numbers import Quantity, find_quantities, load_units
from gongfu.paths import PACKAGE_DATA
from gongfu.themes import theme_of

if TYPE_CHECKING:
    import pandas as pd
    import pandera.pandas as pa

INDICATORS_FILE = PACKAGE_DATA / "indicators.csv"

# The data dictionary of claims.csv: column -> what it holds. CLAIM_COLUMNS is its key order.
CLAIM_DICTIONARY: dict[str, str] = {
    "doc_id": "document the claim comes from (documents.csv)",
    "claim_id": "stable id: doc_id + hash of the mention and its surroundings (survives re-runs and edits elsewhere)",
    "mention": "the quantity as written in the cleaned text, with adjacent qualifier words (近20万斤, 1.4万余名)",
    "value": "the number times its multiplier, in `unit` (1.4万 -> 14000); a range gives its low end",
    "low": "a range's low end (3-5家 -> 3), else empty",
    "high": "a range's high end (3-5家 -> 5), else empty",
    "unit": "base unit (元, %, 家, 人, 亩, 平方米, ratio...); a missing unit (约12亿, 床位240) is the indicator's",
    "qualifier": "none, approx (约 近 左右 接近), over (超 余 多 以上 逾), under (不到 以下) or ratio (a:b)",
    "indicator": "what the number measures, as the text words it: the taxonomy pattern nearest the number that fits "
                 "its unit, else the words right after it",
    "indicator_id": "canonical id in src/gongfu/data/indicators.csv (Chinese and English labels, theme, unit); "
                    "empty when no taxonomy row fits",
    "theme": "theme id (data/themes.csv) from the indicator, else from the sentence's keywords",
    "entity": "the place, organisation or person the claim is about: the name the number describes, else the "
              "nearest name in its sentence the sentence is about (该社区/这里 resolved), else the paragraph's "
              "topic, else the document's own place",
    "period": "the time expression governing the claim, as written (今年1-8月, 去年, 目前): the nearest before it "
              "in its sentence, else the paragraph's opening frame (上半年,); empty when none",
    "year": "calendar year of the period where the text or the publication date fixes it, else empty",
    "is_growth": "true for a change rate (同比增长7.7%, 提高3.2%), false for a level",
    "base_claim_id": "for a growth rate, the claim_id of the figure it qualifies (same sentence), else empty",
    "sentence": "the sentence the claim comes from",
    "char_start": "offset of the mention's first character in the cleaned text",
    "char_end": "offset just after the mention's last character (end exclusive)",
}
CLAIM_COLUMNS = [
    "doc_id", "claim_id", "mention", "value", "low", "high", "unit", "qualifier", "indicator",
    "indicator_id", "theme", "entity", "period", "year", "is_growth", "base_claim_id", "sentence",
    "char_start", "char_end",
]
QUALIFIERS = ("none", "approx", "over", "under", "ratio")

@cache
def claim_schema() -> pa.DataFrameSchema:
    """The pandera schema of claims.csv. Built on first use: pandas and pandera cost every worker process 44 MB
    and half a second to import, and the per-document path (`extract_claims`) never needs them."""
    import pandera.pandas as pa

    return pa.DataFrameSchema(
        {
            "doc_id": pa.Column(str),
            "claim_id": pa.Column(str, unique=True),
            "mention": pa.Column(str, pa.Check.str_length(min_value=1)),
            "value": pa.Column(float, pa.Check.ge(0)),
            "low": pa.Column(float, nullable=True),
            "high": pa.Column(float, nullable=True),
            "unit": pa.Column(str, nullable=True),
            "qualifier": pa.Column(str, pa.Check.isin(QUALIFIERS)),
            "indicator": pa.Column(str, nullable=True),
            "indicator_id": pa.Column(str, nullable=True),
            "theme": pa.Column(str, nullable=True),
            "entity": pa.Column(str, nullable=True),
            "period": pa.Column(str, nullable=True),
            "year": pa.Column("Int64", pa.Check.in_range(1900, 2100), nullable=True),
            "is_growth": pa.Column(bool),
            "base_claim_id": pa.Column(str, nullable=True),
            "sentence": pa.Column(str),
            "char_start": pa.Column(int, pa.Check.ge(0)),
            "char_end": pa.Column(int, pa.Check.ge(1)),
        },
        checks=pa.Check(lambda df: (df["char_end"] > df["char_start"]).all(), error="char_end must follow char_start"),
        strict=True,
        ordered=True,
    )


def __getattr__(name: str) -> Any:
    """`CLAIM_SCHEMA`, built lazily (see `claim_schema`)."""
    if name == "CLAIM_SCHEMA":
        return claim_schema()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

_CN_NUMERALS = "零〇一二两三四五六七八九十百千万亿"
_PEOPLE = {"人", "名", "位"}
_SEGMENT_END = re.compile(r"[。！？!?\n；;]")
_SENTENCE_END = re.compile(r"[。！？!?\n]")
_CLAUSE_END = re.compile(r"[，,；;：:。！？!?\n、]")
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
_APPROX_WINDOW = re.compile(r"(约占|约为|大约|接近|超过|不到|不足)[^，,。；;！？\d]{0,12}的$")
_WINDOW_QUALIFIER = {"约占": "approx", "约为": "approx", "大约": "approx", "接近": "approx", "超过": "over",
                     "不到": "under", "不足": "under"}
_GROWTH_BEFORE = re.compile(r"(?:增长|增加|提高|提升|增幅|增速|上升|下降|减少|降低|回落|下滑)(?:了|为|达到?)?$")
_GROWTH_UNITS = {"%", "倍", "个百分点", "‰"}
_YEAR_IN_PERIOD = re.compile(r"(\d{4})年")
_YEAR_START = re.compile(r"(\d{4})")
_RELATIVE_YEAR = {"今年": 0, "去年": -1, "前年": -2, "明年": 1}
_CURRENT = re.compile(r"上半年|下半年|季度|\d{1,2}[-一~至]\d{1,2}月|\d{1,2}月份|目前|当前|如今|截至目前")


@dataclass(frozen=True)
class Indicator:
    """One row of the indicator taxonomy: id, Chinese label, the words that name it, English label, theme and
    the unit it is measured in ('' when any)."""

    indicator_id: str
    zh: str
    patterns: tuple[str, ...]
    en: str
    theme: str
    unit: str


@cache
def load_indicators(path: Path = INDICATORS_FILE) -> tuple[Indicator, ...]:
    """The taxonomy in file order."""
    with Path(path).open(encoding="utf-8", newline="") as fh:
        return tuple(Indicator(r["indicator_id"], r["zh"], tuple(p for p in r["patterns"].split("|") if p),
                               r["en"], r["theme"], r["unit"]) for r in csv.DictReader(fh))


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


@cache
def _kind(unit: str) -> str:
    return next((u.kind for u in load_units().values() if u.base_unit == unit), "")


def compatible(expected: str, unit: str) -> bool:
    """Whether a number in `unit` can measure an indicator expected in `expected`: the same unit, or the same
    kind (area, money...); counts need the same measure word (幢 counts buildings, 个 does not), except that
    人, 名 and 位 all count people."""
    if not expected or not unit or expected == unit:
        return True
    if _kind(unit) == "count":
        return expected in _PEOPLE and unit in _PEOPLE
    return _kind(expected) == _kind(unit)


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
    kind = _kind(q.unit) if q.unit else ""
    core = _core_text(q)
    if kind in _PARAGRAPH_DATE_UNITS or q.unit == "clock":
        return "date"
    if q.unit == "年" and (q.value >= 1000 or _TIME_AFTER_YEAR.match(after)):
        return "date"
    if _ORDINAL_BEFORE.search(before):
        return "ordinal"
    if _LATIN_START.match(after) or _LATIN_END.search(before):
        return "identifier"
    if _SLOGAN_AFTER.match(after) or (q.unit and _GRADE_AFTER.match(after)):
        return "slogan" if _SLOGAN_AFTER.match(after) else "grade"
    if q.text.endswith(("以上", "以下")) and _NUMBER_AFTER.match(after):
        return "grade"
    if _is_cn(q):
        if core == "一" or (core in _CN_NUMERALS and q.unit and units.get(q.unit) is not None
                            and not units[q.unit].cn_small_ok):
            return "article" if core == "一" else "slogan"
        if _alternating(text, q):
            return "slogan"
    if not q.unit and not _has_multiplier(q):
        return "no-unit"
    return ""


def _alternating(text: str, q: Quantity) -> bool:
    """一老一小, 三化九场景, 两纵三横: a numeral, one character, another numeral: a name, not a count."""
    before = text[max(0, q.start - 2):q.start]
    after = text[q.end:q.end + 2]
    num = set(_CN_NUMERALS) - {"万", "亿", "千", "百"}
    return (len(before) == 2 and before[0] in num and before[1] not in num and before[1] not in "，,。、；;")\
        or (len(after) == 2 and after[1] in num and after[0] not in num and after[0] not in "，,。、；;和与及到至")


def _bounds(pattern: re.Pattern[str], text: str) -> list[int]:
    return [m.end() for m in pattern.finditer(text)]


def _span(bounds: list[int], text: str, start: int, end: int) -> tuple[int, int]:
    """The [begin, finish) of the segment (sentence or clause) holding start..end, from sorted segment ends."""
    i = bisect.bisect_right(bounds, start)
    begin = bounds[i - 1] if i else 0
    j = bisect.bisect_left(bounds, end)
    finish = bounds[j] if j < len(bounds) else len(text)
    return begin, finish


def _indicator(text: str, q: Quantity, clause: tuple[int, int], segment: tuple[int, int],
               taken: list[tuple[int, int]], growth: bool) -> tuple[str, Indicator | None]:
    """What the number measures: the taxonomy pattern nearest before it in its clause, else right after it
    (the counted noun: 46名楼长), else in an earlier clause of its sentence part (其中十亿元以上17家), preferring
    indicators measured in the number's unit; then an indicator its unit names (72岁); then any pattern found;
    else the words right after it, with no taxonomy row. A growth rate looks only in its own clause before it
    (its base figure's indicator is used otherwise)."""
    pattern, by_pattern = _indicator_index()
    tiers = [reversed(list(pattern.finditer(text, clause[0], q.start)))]
    if not growth:
        tiers += [pattern.finditer(text, q.end, clause[1]),
                  reversed(list(pattern.finditer(text, segment[0], clause[0])))]
    fallback: tuple[str, Indicator | None] | None = None
    for tier in tiers:
        for m in tier:
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
    noun = re.match(r"[^，,。；;！？、\n\d]{2,12}", text[q.end:clause[1]])
    return (noun.group() if noun else ""), None


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the sorted spans."""
    i = bisect.bisect_right(spans, (start, float("inf"))) - 1
    return any(0 <= j < len(spans) and spans[j][0] < end and start < spans[j][1] for j in (i, i + 1))


def resolve_year(period: str, published: str) -> int | None:
    """The year a period refers to: stated (2020年), or relative (今年, 去年, 上半年, 目前) to the publication date."""
    stated = _YEAR_IN_PERIOD.search(period)
    if stated:
        return None if "以来" in period else int(stated.group(1))
    pub = _YEAR_START.match(published or "")
    if not pub or not period:
        return None
    for word, offset in _RELATIVE_YEAR.items():
        if word in period:
            return int(pub.group(1)) + offset
    return int(pub.group(1)) if _CURRENT.search(period) else None


def _qualifier(text: str, clause: tuple[int, int], q: Quantity) -> str:
    """The parser's qualifier, else one a few characters back in the clause (约占街道总人口的86%)."""
    if q.qualifier != "none":
        return q.qualifier
    m = _APPROX_WINDOW.search(text[clause[0]:q.start])
    return _WINDOW_QUALIFIER[m.group(1)] if m else "none"


def _is_growth(text: str, clause: tuple[int, int], q: Quantity) -> bool:
    return q.unit in _GROWTH_UNITS and bool(_GROWTH_BEFORE.search(text[max(clause[0], q.start - 8):q.start]))


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


def extract_claims(text: str, document: dict[str, Any]) -> list[dict[str, Any]]:
    """The claims in one cleaned text; `document` is its documents.csv row (doc_id, place, published...)."""
    if not text:
        return []
    doc_id = str(document.get("doc_id", ""))
    sentences, segments = _bounds(_SENTENCE_END, text), _bounds(_SEGMENT_END, text)
    clauses = _bounds(_CLAUSE_END, text)
    repeats = _repeated_lines(text)
    found = find_quantities(text)
    taken = [(q.start, q.end) for q in found if q.unit]  # 10分钟: 分钟 is not another number's indicator
    kept = []
    for q in found:
        reason = rejection(text, q)
        if (reason and reason != "no-unit") or _inside(repeats, q.start, q.start + 1):
            continue
        clause = _span(clauses, text, q.start, q.end)
        label, ind = _indicator(text, q, clause, _span(segments, text, q.start, q.end), taken,
                                _is_growth(text, clause, q))
        if reason == "no-unit" and not (ind and _labels_number(text, q, label)):
            continue
        label, ind = _subset(text, clause, q, label, ind)
        kept.append((q, clause, label, ind))
    if not kept:
        return []
    context = DocumentContext(text, document)
    context.set_numbers([(q.start, q.end) for q, *_ in kept])
    published = str(document.get("published") or "")
    rows: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    last_level: dict[tuple[int, int], dict[str, Any]] = {}
    for q, clause, label, ind in kept:
        sentence = _span(sentences, text, q.start, q.end)
        growth = _is_growth(text, clause, q)
        period = context.period(q.start, q.end)
        base = last_level.get(sentence) if growth else None
        if growth and not ind and base is not None:  # 同比增长7.7%: the growth of the figure it follows
            label, ind = base["indicator"], _indicator_by_id(base["indicator_id"])
        row = {
            "doc_id": doc_id, "claim_id": _claim_id(doc_id, text, q, sentence, seen), "mention": q.text,
            "value": q.value, "low": q.low, "high": q.high, "unit": q.unit or (ind.unit if ind else ""),
            "qualifier": _qualifier(text, clause, q), "indicator": label,
            "indicator_id": ind.indicator_id if ind else "",
            "theme": ind.theme if ind else theme_of(text[sentence[0]:sentence[1]]),
            "entity": context.entity(q.start, q.end), "period": period, "year": resolve_year(period, published),
            "is_growth": growth, "base_claim_id": base["claim_id"] if base else "",
            "sentence": text[sentence[0]:sentence[1]].strip(), "char_start": q.start, "char_end": q.end,
        }
        rows.append(row)
        if not growth:
            last_level[sentence] = row
    return rows


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


def _indicator_by_id(indicator_id: str) -> Indicator | None:
    return next((i for i in load_indicators() if i.indicator_id == indicator_id), None)


def _labels_number(text: str, q: Quantity, label: str) -> bool:
    """A bare number right after the noun that names it (床位240, OCR-cut) measures that noun."""
    return bool(label) and text[max(0, q.start - len(label) - 2):q.start].find(label) >= 0 and bool(
        re.match(r"\s*(?:$|[，,。；;\n“”\"])", text[q.end:q.end + 2]))


def claims_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Claim rows as a typed frame with exactly CLAIM_COLUMNS (empty strings for missing text fields)."""
    import pandas as pd

    frame = pd.DataFrame(rows, columns=CLAIM_COLUMNS)
    for col in ("value", "low", "high"):
        frame[col] = pd.to_numeric(frame[col], errors="coerce").astype(float)
    frame["year"] = pd.array(frame["year"].tolist(), dtype="Int64")
    frame["is_growth"] = frame["is_growth"].fillna(False).astype(bool)
    for col in ("char_start", "char_end"):
        frame[col] = frame[col].astype("int64")
    for col in set(CLAIM_COLUMNS) - {"value", "low", "high", "year", "is_growth", "char_start", "char_end"}:
        frame[col] = frame[col].fillna("").astype(str)
    return frame


def validate_claims(frame: pd.DataFrame) -> pd.DataFrame:
    """Check a claims frame against CLAIM_SCHEMA (raises pandera.errors.SchemaError naming the column)."""
    return claim_schema().validate(frame)


def claims_dictionary() -> pd.DataFrame:
    """The data dictionary of claims.csv: column, type (from the schema), nullable, meaning."""
    import pandas as pd

    kinds = {"float64": "number", "Int64": "integer", "int64": "integer", "bool": "true/false"}
    rows = []
    for name in CLAIM_COLUMNS:
        column = claim_schema().columns[name]
        rows.append({"column": name, "type": kinds.get(str(column.dtype), "text"),
                     "may be empty": bool(column.nullable), "meaning": CLAIM_DICTIONARY[name]})
    return pd.DataFrame(rows)


def extraction_summary(documents: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """One row per document: its cleaning status, whether extraction ran or skipped it, and what it found
    (claims, growth rates, claims with a taxonomy indicator). `documents` is documents.csv."""
    import pandas as pd

    counts = claims.groupby("doc_id").agg(claims=("claim_id", "size"), growth_rates=("is_growth", "sum"),
                                          with_indicator_id=("indicator_id", lambda s: int((s != "").sum())))
    rows = []
    for doc in documents.to_dict("records"):
        status = str(doc.get("status") or "ok")
        found = counts.loc[doc["doc_id"]] if doc["doc_id"] in counts.index else None
        extraction = "skipped" if status == "failed" else ("ok" if found is not None else "no claims")
        rows.append({"doc_id": doc["doc_id"], "cleaning": status, "extraction": extraction,
                     "claims": int(found["claims"]) if found is not None else 0,
                     "growth_rates": int(found["growth_rates"]) if found is not None else 0,
                     "with_indicator_id": int(found["with_indicator_id"]) if found is not None else 0,
                     "reason": "" if pd.isna(doc.get("reason")) else str(doc.get("reason") or "")})
    return pd.DataFrame(rows, columns=["doc_id", "cleaning", "extraction", "claims", "growth_rates",
                                       "with_indicator_id", "reason"])


def summary_warning(summary: pd.DataFrame) -> str:
    """A line naming the documents skipped, failed, with cleaning warnings or without claims ('' when none)."""
    bad = summary[(summary["extraction"] != "ok") | (summary["cleaning"] != "ok")]
    if bad.empty:
        return ""
    parts = [f"{r.doc_id} ({r.extraction if r.extraction != 'ok' else 'cleaning ' + r.cleaning}"
             + (f": {r.reason}" if r.reason else "") + ")" for r in bad.itertuples()]
    return f"WARNING: {len(bad)} of {len(summary)} documents need attention: " + "; ".join(parts)
