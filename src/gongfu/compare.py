"""Comparing the reports: places, themes, and whether two sources agree about the same number.

Pure functions over the processed tables (claims.csv, documents.csv, clean/*.txt); no plotting, no I/O
except `load_tables`, which reads one processed folder into a `Tables` bundle for the notebook.
"""

from __future__ import annotations

import numbers
import re
import statistics
from dataclasses import dataclass, field
from functools import cache
from itertools import combinations
from pathlib import Path

import pandas as pd

from gongfu.errors import GongfuError
from gongfu.themes import THEMES_FILE, indicator_theme, indicator_zh, load_themes, theme_of

CONSISTENCY_COLUMNS = [
    "entity", "indicator", "indicator_id", "is_growth", "unit",
    "doc_a", "claim_a", "mention_a", "value_a", "period_a", "year_a",
    "doc_b", "claim_b", "mention_b", "value_b", "period_b", "year_b",
    "same_unit", "same_period", "values_agree", "rel_diff", "status", "note",
]
STATUSES = ("agree", "disagree", "period_unclear", "period_mismatch", "unit_mismatch")
UNASSIGNED = "unassigned"
# Archive mode (more documents than `pairwise_limit`): one row per group of claims about the same thing.
GROUP_COLUMNS = [
    "entity", "indicator", "indicator_id", "is_growth", "unit", "year", "span", "period",
    "documents", "claims", "distinct_values", "min", "median", "max", "values_agree", "status",
    "doc_a", "claim_a", "mention_a", "period_a", "doc_b", "claim_b", "mention_b", "period_b", "note",
]
GROUP_STATUSES = ("disagree", "period_unclear", "agree")  # the order a reader should look at them
CONSISTENCY_FILE, GROUPS_FILE = "consistency.csv", "consistency_groups.csv"


# --------------------------------------------------------------------------- documents and places

def document_place(doc: dict) -> str:
    """The place a document is about: its street (街道) when it has one, else its district."""
    for key in ("street", "district", "city"):
        value = doc.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def document_labels(docs: pd.DataFrame, publisher: bool = True) -> dict[str, str]:
    """doc_id -> a short label without digits: place, a letter when a place has several reports, publisher.

    e.g. 临江街道 A（杭州日报）, 临江街道 B, 南湖区（中国经济网 ...）; without the publisher (for titles):
    临江街道 A. Digits are avoided so that every number in generated text is a claimed number.
    """
    rows = docs.to_dict("records")
    places = [document_place(r) or "?" for r in rows]
    counts = pd.Series(places).value_counts().to_dict() if places else {}
    seen: dict[str, int] = {}
    labels = {}
    for row, place in zip(rows, places, strict=True):
        label = place
        if counts.get(place, 0) > 1:
            label += f" {_LETTERS[seen.get(place, 0) % len(_LETTERS)]}"
            seen[place] = seen.get(place, 0) + 1
        name = row.get("publisher")
        if publisher and isinstance(name, str) and name.strip():
            label += f"（{re.sub(r'[0-9０-９]', '', name.strip())}）"
        labels[str(row["doc_id"])] = label
    return labels


def _some(items: list[str], shown: int = 10) -> str:
    """The first `shown` items, comma-separated, and how many more: an archive's error names ten ids, not 100k."""
    more = f" … and {len(items) - shown:,} more" if len(items) > shown else ""
    return ", ".join(items[:shown]) + more


def select_documents(docs: pd.DataFrame, documents: list[str] | None = None,
                     places: list[str] | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(kept, left_out): documents filtered by doc_id and by place; failed cleanings are left out."""
    places_of = docs.apply(lambda r: document_place(r.to_dict()), axis=1) if len(docs) else pd.Series(dtype=str)
    keep = pd.Series(True, index=docs.index)
    if documents:
        unknown = sorted(set(documents) - set(docs["doc_id"]))
        if unknown:
            raise GongfuError(f"documents={_some(documents)}: no such doc_id {_some(unknown)}. "
                              f"Known: {_some([str(d) for d in docs['doc_id']])}; see documents.csv.")
        keep &= docs["doc_id"].isin(documents)
    if places:
        keep &= places_of.isin(places)
    if "status" in docs.columns:
        keep &= docs["status"].fillna("") != "failed"
    return docs[keep].reset_index(drop=True), docs[~keep].reset_index(drop=True)


# --------------------------------------------------------------------------- claims

def as_bool(series: pd.Series) -> pd.Series:
    """True/False/'True'/'true'/1 -> bool; anything else (empty) -> False."""
    return series.map(lambda v: str(v).strip().lower() in {"true", "1", "yes"})


def claim_theme(row: dict, themes_file: Path = THEMES_FILE) -> str:
    """A claim's theme: its own `theme`, else the taxonomy's for its indicator_id, else the lexicon's reading
    of its indicator and sentence; `unassigned` when none applies."""
    for value in (row.get("theme"), indicator_theme(_text(row.get("indicator_id")))):
        if _text(value):
            return _text(value)
    found = theme_of(f"{_text(row.get('indicator'))} {_text(row.get('sentence'))}", themes_file)
    return found or UNASSIGNED


def _text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value).strip()


def enrich_claims(claims: pd.DataFrame, docs: pd.DataFrame, themes_file: Path = THEMES_FILE,
                  labels: dict[str, str] | None = None) -> pd.DataFrame:
    """Claims of the kept documents with place, doc_label, theme, and clean types (is_growth bool, value float).

    `labels` (doc_id -> label) defaults to `document_labels(docs)`; pass the labels of all documents so a
    subset keeps the same names.
    """
    out = claims[claims["doc_id"].isin(docs["doc_id"])].copy() if len(claims) else claims.copy()
    for col in ("indicator", "indicator_id", "entity", "period", "unit", "qualifier", "mention", "sentence",
                "theme", "year"):
        if col not in out.columns:
            out[col] = ""
        out[col] = out[col].map(_text)
    out["year"] = out["year"].str.replace(r"\.0$", "", regex=True)
    out["value"] = pd.to_numeric(out.get("value"), errors="coerce")
    for col in ("low", "high"):
        out[col] = pd.to_numeric(out[col], errors="coerce") if col in out.columns else float("nan")
    out["is_growth"] = as_bool(out["is_growth"]) if "is_growth" in out.columns else False
    places = {str(r["doc_id"]): document_place(r) for r in docs.to_dict("records")}
    labels = labels or document_labels(docs)
    out["place"] = out["doc_id"].map(places).fillna("")
    out["doc_label"] = out["doc_id"].map(labels).fillna(out["doc_id"])
    out["theme"] = [claim_theme(r, themes_file) for r in out.to_dict("records")] if len(out) else []
    return out.reset_index(drop=True)


PER_CAPITA_MARK = "人均"


def is_per_capita(row: dict) -> bool:
    """Whether a claim is an amount per person (人均…), in the text's wording or the taxonomy's Chinese label.

    Per-person amounts and totals are different units (元/人 vs 元) even where both are written 元.
    """
    return PER_CAPITA_MARK in _text(row.get("indicator")) or PER_CAPITA_MARK in indicator_zh(
        _text(row.get("indicator_id")))


def growth_claims(claims: pd.DataFrame) -> pd.DataFrame:
    """Growth rates (is_growth, in %), one row per claim."""
    if claims.empty:
        return claims
    return claims[claims["is_growth"] & (claims["unit"] == "%") & claims["value"].notna()].reset_index(drop=True)


def money_claims(claims: pd.DataFrame, unit: str = "元") -> pd.DataFrame:
    """Money amounts (base unit 元, positive, not growth rates), one row per claim, with `per_capita`."""
    if claims.empty:
        return claims.assign(per_capita=pd.Series(dtype=bool))
    keep = (claims["unit"] == unit) & ~claims["is_growth"] & (claims["value"] > 0)
    out = claims[keep].reset_index(drop=True)
    return out.assign(per_capita=[is_per_capita(r) for r in out.to_dict("records")] if len(out) else [])


def other_currencies(claims: pd.DataFrame, unit: str = "元") -> list[str]:
    """Money units other than `unit` that claims use (e.g. 美元): amounts that cannot sit on a 元 axis."""
    from gongfu.numbers import load_units

    money = {u.base_unit for u in load_units().values() if u.kind == "money"} - {unit}
    return sorted(set(claims["unit"]) & money) if len(claims) else []


def theme_counts(claims: pd.DataFrame, docs: pd.DataFrame, themes_file: Path = THEMES_FILE) -> pd.DataFrame:
    """Claims per theme (rows, lexicon order, then unassigned) and document (columns, documents.csv order)."""
    theme_ids = [t.theme_id for t in load_themes(themes_file)] + [UNASSIGNED]
    if claims.empty:
        return pd.DataFrame(0, index=theme_ids, columns=list(docs["doc_id"]))
    table = pd.crosstab(claims["theme"], claims["doc_id"])
    return table.reindex(index=theme_ids, columns=list(docs["doc_id"]), fill_value=0).fillna(0).astype(int)


# --------------------------------------------------------------------------- theme emphasis in the texts

_SENTENCE_END = re.compile(r"(?<=[。！？!?；;\n])")


def split_sentences(text: str) -> list[str]:
    """Sentences (ending in 。！？；or a line end), empty ones dropped."""
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


@cache
def _t2s():
    """One OpenCC t2s converter per process (building one costs about as much as converting a report)."""
    import opencc

    return opencc.OpenCC("t2s")


def _simplified(text: str) -> str:
    """Traditional → Simplified for keyword matching only (the lexicon is Simplified); text unchanged otherwise."""
    try:
        converter = _t2s()
    except ImportError:  # pragma: no cover - opencc is a dependency
        return text
    return converter.convert(text)


def theme_shares(texts: dict[str, str], themes_file: Path = THEMES_FILE) -> pd.DataFrame:
    """Share of each text's characters in sentences about each theme (long: doc_id, theme, chars, share).

    Each sentence goes to the theme whose keywords it mentions most (`themes.theme_of`); sentences with
    no keyword are `unassigned`. Shares of one document add up to 1.
    """
    theme_ids = [t.theme_id for t in load_themes(themes_file)] + [UNASSIGNED]
    rows = []
    for doc_id, text in texts.items():
        chars = dict.fromkeys(theme_ids, 0)
        for sentence in split_sentences(_simplified(text)):
            chars[theme_of(sentence, themes_file) or UNASSIGNED] += len(sentence.strip())
        total = sum(chars.values())
        rows.extend({"doc_id": doc_id, "theme": t, "chars": n, "share": (n / total if total else 0.0)}
                    for t, n in chars.items())
    return pd.DataFrame(rows, columns=["doc_id", "theme", "chars", "share"])


# --------------------------------------------------------------------------- periods

@dataclass(frozen=True)
class PeriodKey:
    """A claim's period reduced to (year, span); None/'' where the text does not say."""

    year: int | None
    span: str  # "now", "H1", "M1-8", "FY", "" ...


_NOW = ("截至目前", "现如今", "如今", "目前", "当前", "现有", "现在", "至今", "累计", "已")
_MONTHS = re.compile(r"([0-9０-９]{1,2})\s*[-－—一至到~～]\s*([0-9０-９]{1,2})\s*月")


def period_key(period: str, year: object = "") -> PeriodKey:
    """Normalise a period expression: 上半年 and 1-6月 are the same span; 1-8月 is not."""
    period = _text(period)
    y = _text(year)
    found_year = int(float(y)) if re.fullmatch(r"\d{4}(\.0)?", y) else None
    explicit = re.search(r"((?:19|20)\d{2})\s*年", period)
    if found_year is None and explicit:
        found_year = int(explicit.group(1))
    span = ""
    months = _MONTHS.search(period)
    if months:
        a, b = (int(x.translate(str.maketrans("０１２３４５６７８９", "0123456789"))) for x in months.groups())
        span = "H1" if (a, b) == (1, 6) else "FY" if (a, b) == (1, 12) else f"M{a}-{b}"
    elif "上半年" in period:
        span = "H1"
    elif "下半年" in period:
        span = "H2"
    elif re.search(r"一季度|第一季度", period):
        span = "Q1"
    elif any(word in period for word in _NOW):
        span = "now"
    elif "以来" in period:
        span = "YTD"
    elif re.search(r"全年|今年|去年|明年|前年|年$|年度", period):
        span = "FY"
    return PeriodKey(found_year, span)


def same_period(a: PeriodKey, b: PeriodKey) -> bool | None:
    """True when two periods are the same, False when they differ, None when the texts do not tell."""
    if not a.span or not b.span:
        return None
    if a.year is not None and b.year is not None and a.year != b.year:
        return False
    if a.span != b.span:
        return False
    if a.year is None or b.year is None:
        return None  # same kind of span, but whose year (or whose "now")?
    return True


# --------------------------------------------------------------------------- values

@dataclass(frozen=True)
class Tolerance:
    """How far apart two stated values may be and still agree.

    `exact` covers rounding of an unqualified figure (489.12 vs 489.1); `approx` is the ± margin read into
    约/近/左右; `over` is how far above a 超/余/多 figure the true value may lie (under: below 不到/以下).
    """

    exact: float = 0.005
    approx: float = 0.10
    over: float = 0.25
    under: float = 0.25


def value_interval(value: float, qualifier: str = "none", low: float | None = None, high: float | None = None,
                   tol: Tolerance = Tolerance()) -> tuple[float, float]:
    """The interval of true values a stated figure allows, given its qualifier and range ends."""
    lo = value if low is None or pd.isna(low) else low
    hi = value if high is None or pd.isna(high) else high
    lo, hi = min(lo, hi), max(lo, hi)
    lo, hi = lo - abs(lo) * tol.exact, hi + abs(hi) * tol.exact
    if qualifier == "approx":
        lo, hi = lo - abs(lo) * tol.approx, hi + abs(hi) * tol.approx
    elif qualifier == "over":
        hi = hi + abs(hi) * tol.over
    elif qualifier == "under":
        lo = lo - abs(lo) * tol.under
    return lo, hi


def values_agree(a: dict, b: dict, tol: Tolerance = Tolerance()) -> bool:
    """Whether two claims' value intervals overlap."""
    a_lo, a_hi = value_interval(a["value"], a.get("qualifier") or "none", a.get("low"), a.get("high"), tol)
    b_lo, b_hi = value_interval(b["value"], b.get("qualifier") or "none", b.get("low"), b.get("high"), tol)
    return a_lo <= b_hi and b_lo <= a_hi


def relative_difference(a: float, b: float) -> float:
    """|a - b| / max(|a|, |b|) (0 when both are 0)."""
    top = max(abs(a), abs(b))
    return abs(a - b) / top if top else 0.0


# --------------------------------------------------------------------------- consistency

def indicator_key(row: dict) -> str:
    """What makes two claims 'the same indicator': the taxonomy id, else the indicator as written."""
    return _text(row.get("indicator_id")) or _text(row.get("indicator"))


def compare_pair(a: dict, b: dict, tol: Tolerance = Tolerance()) -> dict:
    """One consistency row for two claims from different documents about the same entity and indicator."""
    pa, pb = period_key(a["period"], a.get("year")), period_key(b["period"], b.get("year"))
    same_unit = a["unit"] == b["unit"]
    period_same = same_period(pa, pb)
    agree: bool | None = None
    rel: float | None = None
    if not same_unit:
        status, note = "unit_mismatch", f"units differ ({a['unit'] or '-'} vs {b['unit'] or '-'}): not compared"
    elif period_same is False:
        status, note = "period_mismatch", (f"periods differ ({a['period'] or '-'} vs {b['period'] or '-'}): "
                                           f"not compared")
    else:
        agree = values_agree(a, b, tol)
        rel = relative_difference(a["value"], b["value"])
        if period_same is None:
            status = "period_unclear"
            note = (f"values {'agree' if agree else 'differ'}, but the texts do not fix a common period "
                    f"({a['period'] or '-'} vs {b['period'] or '-'})")
        else:
            status = "agree" if agree else "disagree"
            note = f"same period ({a['period']}); values {'agree' if agree else 'differ'}"
    return {
        "entity": a["entity"], "indicator": a["indicator"] or b["indicator"],
        "indicator_id": a.get("indicator_id", ""), "is_growth": bool(a["is_growth"]), "unit": a["unit"],
        "doc_a": a["doc_id"], "claim_a": a["claim_id"], "mention_a": a["mention"], "value_a": a["value"],
        "period_a": a["period"], "year_a": a.get("year", ""),
        "doc_b": b["doc_id"], "claim_b": b["claim_id"], "mention_b": b["mention"], "value_b": b["value"],
        "period_b": b["period"], "year_b": b.get("year", ""),
        "same_unit": same_unit, "same_period": "" if period_same is None else period_same,
        "values_agree": "" if agree is None else agree, "rel_diff": "" if rel is None else round(rel, 6),
        "status": status, "note": note,
    }


def consistency_table(claims: pd.DataFrame, tol: Tolerance = Tolerance()) -> pd.DataFrame:
    """Every pair of claims, from different documents, about the same entity, indicator and growth-or-level.

    Claims without an entity or an indicator cannot be matched and are skipped. Periods that differ are
    reported (status period_mismatch), never compared; see `compare_pair`.
    """
    if claims.empty:
        return pd.DataFrame(columns=CONSISTENCY_COLUMNS)
    frame = claims.copy()
    frame["_key"] = [indicator_key(r) for r in frame.to_dict("records")]
    frame = frame[(frame["_key"] != "") & (frame["entity"] != "") & frame["value"].notna()]
    rows = []
    for _, group in frame.groupby(["entity", "_key", "is_growth"], sort=True):
        if group["doc_id"].nunique() < 2:
            continue
        records = group.sort_values(["doc_id", "claim_id"]).to_dict("records")
        rows.extend(compare_pair(a, b, tol) for a, b in combinations(records, 2) if a["doc_id"] != b["doc_id"])
    out = pd.DataFrame(rows, columns=CONSISTENCY_COLUMNS)
    return out.sort_values(["entity", "indicator", "claim_a", "claim_b"]).reset_index(drop=True)


CONSISTENCY_VIEW = ["entity", "indicator", "mention_a", "period_a", "mention_b", "period_b", "status", "note"]


def consistency_view(consistency: pd.DataFrame) -> pd.DataFrame | None:
    """The columns a reader needs from consistency.csv, or None when there is no pair (nothing to show)."""
    return None if consistency.empty else consistency[CONSISTENCY_VIEW].reset_index(drop=True)


def place_pairs(consistency: pd.DataFrame, claims: pd.DataFrame, place: str) -> pd.DataFrame:
    """Consistency rows whose two claims both come from reports about `place`."""
    if consistency.empty or claims.empty:
        return consistency.iloc[0:0]
    docs = set(claims.loc[claims["place"] == place, "doc_id"])
    return consistency[consistency["doc_a"].isin(docs) & consistency["doc_b"].isin(docs)].reset_index(drop=True)


def shared_places(docs: pd.DataFrame) -> list[str]:
    """Places with more than one report, in documents.csv order."""
    places = [document_place(r) for r in docs.to_dict("records")]
    return list(dict.fromkeys(p for p in places if p and places.count(p) > 1))


# --------------------------------------------------------------------------- archive mode: one row per group

def check_count(name: str, value: object, minimum: int, what: str, example: int) -> int:
    """A whole-number parameter of at least `minimum`, or a GongfuError naming it and saying what to pass."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < minimum:
        raise GongfuError(f"{name}={value!r}: expected a whole number of at least {minimum} ({what}). "
                          f"Use e.g. {name}={example}.")
    return int(value)


def check_top_n(top_n: object) -> int:
    """The `top_n` parameter (places, groups shown in archive charts and lists), checked."""
    return check_count("top_n", top_n, 1, "places or groups an archive summary shows", 12)


def is_archive(n_documents: int, pairwise_limit: int | None) -> bool:
    """Whether a selection is too large for pairwise comparison (more documents than `pairwise_limit`)."""
    return pairwise_limit is not None and n_documents > pairwise_limit


def claim_subjects(claims: pd.DataFrame) -> pd.Series:
    """What each claim is about, for archive summaries: its entity, else its report's place ('' when neither).

    Archive outputs often have no place in documents.csv (no manifest row), so the entity is the one name
    every claim can carry.
    """
    if claims.empty:
        return pd.Series(dtype=str)
    return claims["entity"].where(claims["entity"] != "", claims["place"]).fillna("")


@cache
def _period_parts(period: str, year: str) -> tuple[str, str]:
    """(year, span) of `period_key` as strings ('' when unknown): cached, an archive repeats a few wordings."""
    key = period_key(period, year)
    return ("" if key.year is None else str(key.year)), key.span


def _most_common(values: list[str]) -> str:
    """The most frequent non-empty value (ties: alphabetical first); '' when all are empty."""
    counts: dict[str, int] = {}
    for v in values:
        if v:
            counts[v] = counts.get(v, 0) + 1
    return min(counts, key=lambda v: (-counts[v], v)) if counts else ""


def disagreeing_pair(records: list[dict], tol: Tolerance = Tolerance()) -> tuple[int, int] | None:
    """Indexes (x, y) of two claims from different documents whose value intervals do not meet (lo_x > hi_y),
    the pair furthest apart; None when every two claims from different documents agree.

    Linear: for each claim only the lowest upper end among the *other* documents can disagree most with it,
    and that is one of the two lowest upper ends of two different documents.
    """
    spans = [value_interval(r["value"], r.get("qualifier") or "none", r.get("low"), r.get("high"), tol)
             for r in records]
    lowest: dict[str, int] = {}  # document -> index of its claim with the lowest upper end
    for i, r in enumerate(records):
        j = lowest.get(r["doc_id"])
        if j is None or spans[i][1] < spans[j][1]:
            lowest[r["doc_id"]] = i
    two = sorted(lowest.values(), key=lambda i: (spans[i][1], i))[:2]
    best: tuple[float, int, int] | None = None
    for x, r in enumerate(records):
        y = next((y for y in two if records[y]["doc_id"] != r["doc_id"]), None)
        if y is None:
            continue
        gap = spans[x][0] - spans[y][1]
        if gap > 0 and (best is None or gap > best[0]):
            best = (gap, x, y)
    return None if best is None else (best[1], best[2])


def distinct_values(records: list[dict], tol: Tolerance = Tolerance()) -> int:
    """The fewest true values that could explain all the figures: each figure allows an interval
    (`value_interval`), and this counts the points needed so every interval holds one (greedy, exact)."""
    spans = sorted((value_interval(r["value"], r.get("qualifier") or "none", r.get("low"), r.get("high"), tol)
                    for r in records), key=lambda s: s[1])
    count, point = 0, float("-inf")
    for lo, hi in spans:
        if lo > point:
            count, point = count + 1, hi
    return count


def summarise_group(records: list[dict], tol: Tolerance = Tolerance()) -> dict:
    """One archive consistency row for claims (sorted by doc_id, claim_id) about the same entity, indicator,
    growth-or-level, unit and period, from at least two documents.

    Status: agree/disagree when the period is fixed (year and span known), else period_unclear; claim_a and
    claim_b are the disagreeing pair furthest apart, else the first two claims from different documents.
    """
    first = records[0]
    year, span = _period_parts(first["period"], first.get("year", ""))
    pair = disagreeing_pair(records, tol)
    agree = pair is None
    if pair is None:
        pair = (0, next(i for i, r in enumerate(records) if r["doc_id"] != first["doc_id"]))
    a, b = sorted((records[pair[0]], records[pair[1]]), key=lambda r: (r["doc_id"], r["claim_id"]))
    values = [float(r["value"]) for r in records]
    n_docs = len({r["doc_id"] for r in records})
    period = _most_common([r["period"] for r in records])
    if year and span:
        status = "agree" if agree else "disagree"
        note = (f"same period ({period or year}); " + ("all figures agree" if agree else
                f"figures differ, e.g. {a['mention']} ({a['doc_id']}) vs {b['mention']} ({b['doc_id']})"))
    else:
        status = "period_unclear"
        note = ("values agree" if agree else f"values differ, e.g. {a['mention']} vs {b['mention']}") + \
            ", but the texts do not fix a common period" + (f" ({period})" if period else " (none stated)")
    return {
        "entity": first["entity"], "indicator": _most_common([r["indicator"] for r in records]),
        "indicator_id": first.get("indicator_id", ""), "is_growth": bool(first["is_growth"]),
        "unit": first["unit"], "year": year, "span": span, "period": period,
        "documents": n_docs, "claims": len(records), "distinct_values": distinct_values(records, tol),
        "min": min(values), "median": statistics.median(values), "max": max(values),
        "values_agree": agree, "status": status,
        "doc_a": a["doc_id"], "claim_a": a["claim_id"], "mention_a": a["mention"], "period_a": a["period"],
        "doc_b": b["doc_id"], "claim_b": b["claim_id"], "mention_b": b["mention"], "period_b": b["period"],
        "note": note,
    }


def consistency_groups(claims: pd.DataFrame, tol: Tolerance = Tolerance()) -> pd.DataFrame:
    """Archive consistency: one row per (entity, indicator, growth-or-level, unit, period) reported by at
    least two documents (`summarise_group`); time and size grow with the number of claims, not its square.

    The period is `period_key`'s (year, span): claims whose year or span the texts leave open form groups of
    their own (status period_unclear) instead of being compared with dated ones. Claims without an entity,
    an indicator or a value are skipped, as in `consistency_table`.
    """
    if claims.empty:
        return pd.DataFrame(columns=GROUP_COLUMNS)
    frame = claims[(claims["entity"] != "") & claims["value"].notna()].copy()
    frame["_key"] = frame["indicator_id"].where(frame["indicator_id"] != "", frame["indicator"])
    frame = frame[frame["_key"] != ""]
    parts = [_period_parts(p, y) for p, y in zip(frame["period"], frame["year"], strict=True)]
    frame["_year"] = [y for y, _ in parts]
    frame["_span"] = [s for _, s in parts]
    rows = []
    for _, group in frame.groupby(["entity", "_key", "is_growth", "unit", "_year", "_span"], sort=True):
        if group["doc_id"].nunique() < 2:
            continue
        rows.append(summarise_group(group.sort_values(["doc_id", "claim_id"]).to_dict("records"), tol))
    return pd.DataFrame(rows, columns=GROUP_COLUMNS)


def rank_groups(groups: pd.DataFrame) -> pd.DataFrame:
    """Groups in the order a reader should check them: disagreements, then unclear periods whose values
    differ, then the rest; within each, most documents first."""
    if groups.empty:
        return groups
    order = groups.assign(
        _s=groups["status"].map({s: i for i, s in enumerate(GROUP_STATUSES)}),
        _v=groups["values_agree"].map(lambda v: str(v) == "True"),
        _d=-groups["documents"].astype(int), _c=-groups["claims"].astype(int))
    order = order.sort_values(["_s", "_v", "_d", "_c", "entity", "indicator"], kind="stable")
    return order.drop(columns=["_s", "_v", "_d", "_c"]).reset_index(drop=True)


GROUPS_VIEW = ["entity", "indicator", "period", "documents", "claims", "distinct_values", "mention_a",
               "mention_b", "status"]


def cross_check_view(tables: Tables, top_n: int = 12) -> pd.DataFrame | None:
    """The cross-check table a reader sees: the pairs (`consistency_view`), or in archive mode the `top_n`
    groups to check first; None when there is nothing to show."""
    if not tables.archive:
        return consistency_view(tables.consistency)
    if tables.groups.empty:
        return None
    return rank_groups(tables.groups).head(top_n)[GROUPS_VIEW]


# --------------------------------------------------------------------------- one folder -> tables

@dataclass
class Tables:
    """Everything the comparison notebook shows, read from one processed folder."""

    docs: pd.DataFrame
    left_out: pd.DataFrame
    all_docs: pd.DataFrame
    claims: pd.DataFrame
    texts: dict[str, str]
    consistency: pd.DataFrame
    shares: pd.DataFrame
    themes_file: Path = THEMES_FILE
    missing_texts: list[str] = field(default_factory=list)
    groups: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=GROUP_COLUMNS))
    archive: bool = False  # more documents than pairwise_limit: groups instead of pairs, summaries
    pairwise_limit: int | None = None


def load_tables(processed_dir: str | Path, documents: list[str] | None = None, places: list[str] | None = None,
                themes_file: str | Path = THEMES_FILE, tol: Tolerance = Tolerance(),
                pairwise_limit: int | None = None) -> Tables:
    """Read documents.csv, claims.csv and clean/*.txt from `processed_dir` and build the comparison tables.

    With more selected documents than `pairwise_limit` (None: no limit) the selection is an archive: claims
    are checked group by group (`consistency_groups`) instead of pair by pair, whose number grows with the
    square of the claims.
    """
    from gongfu.tables import read_csv

    if pairwise_limit is not None:
        check_count("pairwise_limit", pairwise_limit, 0, "documents above which the comparison summarises "
                    "groups instead of listing every pair", 50)
    processed_dir, themes_file = Path(processed_dir), Path(themes_file)
    for name in ("documents.csv", "claims.csv"):
        if not (processed_dir / name).is_file():
            raise GongfuError(f"{processed_dir / name}: not found. Run 01_clean and 02_extract first.")
    if not themes_file.is_file():
        raise GongfuError(f"theme_lexicon={themes_file}: not found. Use the default lexicon or a CSV with "
                          f"columns theme_id,zh,en,keywords.")
    all_docs = read_csv(processed_dir / "documents.csv")
    all_docs = all_docs.astype(object).where(all_docs.notna(), "")
    docs, left_out = select_documents(all_docs, documents, places)
    claims = enrich_claims(read_csv(processed_dir / "claims.csv"), docs, themes_file, document_labels(all_docs))
    texts, missing = {}, []
    for doc_id in docs["doc_id"]:
        path = processed_dir / "clean" / f"{doc_id}.txt"
        if path.is_file():
            texts[doc_id] = path.read_text(encoding="utf-8")
        else:
            missing.append(doc_id)
    shares = theme_shares(texts, themes_file)
    if is_archive(len(docs), pairwise_limit):
        return Tables(docs, left_out, all_docs, claims, texts, pd.DataFrame(columns=CONSISTENCY_COLUMNS), shares,
                      themes_file, missing, consistency_groups(claims, tol), True, pairwise_limit)
    return Tables(docs, left_out, all_docs, claims, texts, consistency_table(claims, tol), shares, themes_file,
                  missing, pairwise_limit=pairwise_limit)
