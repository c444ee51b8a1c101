"""Cross-source checks: whether two reports' figures about the same thing agree.

Pairs of claims (a few reports) or groups of claims (an archive), compared like with like: same entity,
indicator, growth-or-level, unit and period, within a tolerance that 约/近/余 widen.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from functools import cache
from itertools import combinations
from typing import TYPE_CHECKING

import pandas as pd

from gongfu.compare.select import document_place
from gongfu.extract.periods import period_key, same_period
from gongfu.tables import cell_text

CONSISTENCY_COLUMNS = [
    "entity", "indicator", "indicator_id", "is_growth", "unit",
    "doc_a", "claim_a", "mention_a", "value_a", "period_a", "year_a",
    "doc_b", "claim_b", "mention_b", "value_b", "period_b", "year_b",
    "same_unit", "same_period", "values_agree", "rel_diff", "status", "note",
]
# Archive mode (more documents than `pairwise_limit`): one row per group of claims about the same thing.
GROUP_COLUMNS = [
    "entity", "indicator", "indicator_id", "is_growth", "unit", "year", "span", "period",
    "documents", "claims", "distinct_values", "min", "median", "max", "values_agree", "status",
    "doc_a", "claim_a", "mention_a", "period_a", "doc_b", "claim_b", "mention_b", "period_b", "note",
]
GROUP_STATUSES = ("disagree", "period_unclear", "agree")  # the order a reader should look at them

if TYPE_CHECKING:
    from gongfu.compare.load import Tables


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



TOLERANCE = Tolerance()  # the default margins

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
    return cell_text(row.get("indicator_id")) or cell_text(row.get("indicator"))


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
