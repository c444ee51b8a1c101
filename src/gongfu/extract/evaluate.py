"""Precision and recall of the extracted claims against the hand-annotated gold set (data/gold/).

A gold claim is located in the cleaned text by its `context` snippet and its `mention` inside it (ignoring
spaces, which OCR scatters, and full-width vs half-width punctuation); an extracted claim matches it when it
is in the same document, has the same value and overlaps that span. A match is correct (a true positive) when
the unit agrees too. Gold rows whose context cannot be found (a cleaner change) fall back to doc + value + unit
+ mention text. Non-claims (dates, slogans, ordinals...) are located the same way, and any extracted claim
overlapping one is reported. Field accuracy (unit, qualifier, is_growth, entity, period) is over matched claims.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from gongfu import paths
from gongfu.tables import CLAIMS_FILE, CLEAN_DIR, read_csv, truthy

GOLD_DIR = paths.GOLD_DIR
CLAIMS_GOLD = GOLD_DIR / "claims_gold.csv"
NON_CLAIMS = GOLD_DIR / "non_claims.csv"
FIELDS = ("unit", "qualifier", "is_growth", "entity", "period")


@dataclass
class Evaluation:
    """The outcome of comparing extracted claims with the gold set."""

    per_document: pd.DataFrame
    overall: dict[str, float]
    fields: pd.DataFrame
    missed: pd.DataFrame
    spurious: pd.DataFrame
    non_claim_hits: pd.DataFrame
    unlocated: list[str] = field(default_factory=list)


# Full-width and half-width forms of the same mark, and curly and straight quotes, compare equal: the gold
# contexts were written before the cleaner settled on Chinese punctuation (one character for one character).
_PUNCT = str.maketrans("，；：（）！？“”‘’", ",;:()!?\"\"''")


def _squeeze(text: str) -> tuple[str, list[int]]:
    """`text` without whitespace and with punctuation folded, and for each kept character its offset."""
    kept = [(i, ch) for i, ch in enumerate(text.translate(_PUNCT)) if not ch.isspace()]
    return "".join(ch for _, ch in kept), [i for i, _ in kept]


def locate(text: str, context: str, mention: str, squeezed: tuple[str, list[int]] | None = None
           ) -> tuple[int, int] | None:
    """The [start, end) of `mention` inside the first occurrence of `context` in `text`, ignoring whitespace."""
    flat, offsets = squeezed or _squeeze(text)
    ctx, _ = _squeeze(context)
    men, _ = _squeeze(mention)
    at = flat.find(ctx)
    if at < 0 or not men:
        return None
    inner = ctx.find(men)
    if inner < 0:
        return None
    first = at + inner
    return offsets[first], offsets[first + len(men) - 1] + 1


def _same_value(a: float, b: float) -> bool:
    return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-9)


def _match_document(pred: pd.DataFrame, gold: pd.DataFrame,
                    text: str) -> tuple[list[tuple[int, int | None]], list[str]]:
    """Pairs (gold index, pred index or None) for one document, and the gold rows that could not be located."""
    squeezed = _squeeze(text)
    used: set[int] = set()
    pairs, unlocated = [], []
    for gi, g in gold.iterrows():
        span = locate(text, str(g["context"]), str(g["mention"]), squeezed)
        if span is None:
            unlocated.append(f"{g['doc_id']}: {g['mention']} ({g['context']})")
        best = None
        for pi, p in pred.iterrows():
            if pi in used or not _same_value(p["value"], g["value"]):
                continue
            if span is not None and p["char_start"] < span[1] and span[0] < p["char_end"]:
                best = pi
                break
            if span is None and str(p["unit"]) == str(g["unit"]) and (
                    str(g["mention"]) in str(p["mention"]).replace(" ", "")
                    or str(p["mention"]).replace(" ", "") in str(g["mention"])):
                best = pi
                break
        if best is not None:
            used.add(best)
        pairs.append((gi, best))
    return pairs, unlocated


def evaluate(claims: pd.DataFrame, texts: dict[str, str], gold: pd.DataFrame,
             non_claims: pd.DataFrame | None = None) -> Evaluation:
    """Compare extracted `claims` with `gold` for the documents in `texts` (doc_id -> cleaned text) that the
    gold set covers (a document added later has no gold yet and is left out, not counted as all spurious)."""
    docs = sorted(set(texts) & set(gold["doc_id"]))
    gold = gold[gold["doc_id"].isin(docs)].reset_index(drop=True)
    claims = claims[claims["doc_id"].isin(docs)].reset_index(drop=True)
    rows, field_rows, missed, matched_pred, unlocated = [], [], [], set(), []
    for doc in docs:
        g, p = gold[gold["doc_id"] == doc], claims[claims["doc_id"] == doc]
        pairs, lost = _match_document(p, g, texts[doc])
        unlocated.extend(lost)
        tp = 0
        for gi, pi in pairs:
            if pi is None:
                missed.append(gi)
                continue
            ok_unit = str(claims.at[pi, "unit"]) == str(gold.at[gi, "unit"])
            tp += ok_unit
            if ok_unit:
                matched_pred.add(pi)
            else:
                missed.append(gi)
            field_rows.append({f: _field_equal(f, gold.loc[gi], claims.loc[pi]) for f in FIELDS})
        rows.append({"doc_id": doc, "gold": len(g), "extracted": len(p), "matched": tp,
                     "precision": tp / len(p) if len(p) else 1.0, "recall": tp / len(g) if len(g) else 1.0})
    per_doc = pd.DataFrame(rows, columns=["doc_id", "gold", "extracted", "matched", "precision", "recall"])
    n_gold, n_pred, n_tp = per_doc["gold"].sum(), per_doc["extracted"].sum(), per_doc["matched"].sum()
    overall = {"gold": int(n_gold), "extracted": int(n_pred), "matched": int(n_tp),
               "precision": n_tp / n_pred if n_pred else 1.0, "recall": n_tp / n_gold if n_gold else 1.0}
    fields = pd.DataFrame(field_rows, columns=list(FIELDS))
    accuracy = pd.DataFrame({"field": list(FIELDS),
                             "compared": [int(fields[f].notna().sum()) for f in FIELDS],
                             "accuracy": [float(fields[f].dropna().mean()) if fields[f].notna().any() else math.nan
                                          for f in FIELDS]})
    texts = {d: texts[d] for d in docs}
    hits = non_claim_hits(claims, texts, non_claims) if non_claims is not None else pd.DataFrame()
    spurious = claims.drop(index=list(matched_pred))
    return Evaluation(per_doc, overall, accuracy, gold.loc[missed], spurious, hits, unlocated)


def _text(value: object) -> str:
    """A cell as text: '' for None/NaN (a blank CSV cell reads back as NaN)."""
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)


_QUOTES = str.maketrans("", "", "“”‘’\"")
_PARENT_PLACE = re.compile("(?:街道|区|县|市|镇|乡|村|省)$")


def same_entity(gold: str, pred: str) -> bool:
    """Whether two entity names name the same thing: equal without quotes, or one is the other with its parent
    places in front (临江街道高新社区 = 高新社区, 凤桥镇联丰村 = 联丰村), as texts and annotators name places
    either way."""
    g, p = gold.translate(_QUOTES), pred.translate(_QUOTES)
    if g == p:
        return True
    longer, shorter = (g, p) if len(g) > len(p) else (p, g)
    return bool(shorter) and longer.endswith(shorter) and bool(_PARENT_PLACE.search(longer[:-len(shorter)]))


def _field_equal(name: str, gold: pd.Series, pred: pd.Series) -> float | None:
    """1.0/0.0 whether a field agrees (None when the gold leaves it blank, except period, where blank is an
    answer); entity and period ignore quotes, and entity ignores parent places in front (`same_entity`)."""
    g, p = _text(gold.get(name)), _text(pred.get(name))
    if g == "":
        return float(p == "") if name == "period" else None
    if name == "is_growth":
        return float(truthy(g) == bool(pred[name]))
    if name == "entity":
        return float(same_entity(g, p))
    return float(g.translate(_QUOTES) == p.translate(_QUOTES))


def non_claim_hits(claims: pd.DataFrame, texts: dict[str, str], non_claims: pd.DataFrame) -> pd.DataFrame:
    """The non-claims (located by context and mention) that an extracted claim overlaps."""
    hits = []
    for nc in non_claims[non_claims["doc_id"].isin(texts)].itertuples(index=False):
        span = locate(texts[nc.doc_id], str(nc.context), str(nc.mention))
        if span is None:
            continue
        doc = claims[claims["doc_id"] == nc.doc_id]
        over = doc[(doc["char_start"] < span[1]) & (span[0] < doc["char_end"])]
        for claim in over.itertuples(index=False):
            hits.append({"doc_id": nc.doc_id, "non_claim": nc.mention, "reason": nc.reason,
                         "claim_id": claim.claim_id, "mention": claim.mention})
    return pd.DataFrame(hits, columns=["doc_id", "non_claim", "reason", "claim_id", "mention"])


def load_gold(path: Path = CLAIMS_GOLD) -> pd.DataFrame:
    """The gold claims as written (doc_id, mention, value, unit, qualifier, is_growth, ..., context)."""
    return pd.read_csv(path, dtype=str, keep_default_na=False).astype({"value": float})


def load_non_claims(path: Path = NON_CLAIMS) -> pd.DataFrame:
    """The gold non-claims (doc_id, mention, context, reason)."""
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def evaluate_processed(processed_dir: str | Path, gold_path: Path = CLAIMS_GOLD,
                       non_claims_path: Path = NON_CLAIMS) -> Evaluation:
    """Evaluate processed_dir/claims.csv against the gold set, using the cleaned texts in processed_dir/clean/."""
    processed_dir = Path(processed_dir)
    claims = read_csv(processed_dir / CLAIMS_FILE)
    claims["is_growth"] = claims["is_growth"].map(truthy)
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted((processed_dir / CLEAN_DIR).glob("*.txt"))}
    non_claims = load_non_claims(non_claims_path) if Path(non_claims_path).is_file() else None
    return evaluate(claims, texts, load_gold(gold_path), non_claims)
