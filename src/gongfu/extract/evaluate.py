"""Precision and recall of the extracted claims against the hand-annotated gold set (data/gold/).

A gold claim is located in the cleaned text by its `context` snippet and its `mention` inside it (ignoring
spaces, which OCR scatters, and full-width vs half-width punctuation); an extracted claim matches it when it
is in the same document, has the same value and overlaps that span. A match is correct (a true positive) when
the unit agrees too. Gold rows whose context cannot be found (a cleaner change) fall back to doc + value + unit
+ mention text. Non-claims (dates, slogans, ordinals...) are located the same way, and any extracted claim
overlapping one is reported. Values match by magnitude, so a missing sign is a field error, not a miss.

Field accuracy is over matched claims, for every field the gold set has: sign, unit, qualifier, is_growth,
entity (the same name, a parent place in front, or one name containing the other), entity_type, period (equal
or one containing the other; a blank gold period is an answer), indicator (the extracted label holds at least
half the gold label's characters), direction, basis, status. Any gold set in this format or in the development
set's (`doc`, `sentence`, `why`; ../shared/devset) is read by `load_gold` and `load_non_claims`.
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
FIELDS = ("sign", "unit", "qualifier", "is_growth", "entity", "entity_type", "period", "indicator", "direction",
          "basis", "status")
CORE_FIELDS = ("sign", "unit", "qualifier", "is_growth", "entity", "period")


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


# Full-width and half-width forms of the same mark or digit, and curly and straight quotes, compare equal: the
# gold contexts were written before the cleaner settled on Chinese punctuation, and a gold mention is written as
# the raw text prints it (５６．３亿元, which the cleaner makes 56.3亿元); one character for one character.
_PUNCT = str.maketrans("，；：（）！？“”‘’０１２３４５６７８９．％－", ",;:()!?\"\"''0123456789.%-")


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
    """Equal magnitudes: a claim with the wrong sign is matched, and its sign scored as a field."""
    return math.isclose(abs(float(a)), abs(float(b)), rel_tol=1e-6, abs_tol=1e-9)


def _match_document(pred: pd.DataFrame, gold: pd.DataFrame,
                    text: str) -> tuple[list[tuple[int, int | None]], list[str]]:
    """Pairs (gold index, pred index or None) for one document, and the gold rows that could not be located."""
    squeezed = _squeeze(text)
    used: set[int] = set()
    pairs, unlocated = [], []
    candidates = [(pi, abs(float(p["value"])), int(p["char_start"]), int(p["char_end"]), str(p["unit"]),
                   str(p["mention"]).replace(" ", ""))
                  for pi, p in zip(pred.index, pred.to_dict("records"), strict=True)]
    for gi, g in zip(gold.index, gold.to_dict("records"), strict=True):
        mention, context = str(g["mention"]), str(g["context"])
        span = locate(text, context, mention, squeezed)
        if span is None and context != mention:
            span = locate(text, mention, mention, squeezed)
        if span is None:
            unlocated.append(f"{g['doc_id']}: {mention} ({context})")
        best = None
        for pi, value, start, end, unit, said in candidates:
            if pi in used or not _same_value(value, g["value"]):
                continue
            if span is not None and start < span[1] and span[0] < end:
                best = pi
                break
            if span is None and unit == str(g["unit"]) and (mention in said or said in mention):
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
    names = fields_of(gold)
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
            g_row, p_row = gold.loc[gi].to_dict(), claims.loc[pi].to_dict()
            field_rows.append({f: _field_equal(f, g_row, p_row) for f in names})
        rows.append({"doc_id": doc, "gold": len(g), "extracted": len(p), "matched": tp,
                     "precision": tp / len(p) if len(p) else 1.0, "recall": tp / len(g) if len(g) else 1.0})
    per_doc = pd.DataFrame(rows, columns=["doc_id", "gold", "extracted", "matched", "precision", "recall"])
    n_gold, n_pred, n_tp = per_doc["gold"].sum(), per_doc["extracted"].sum(), per_doc["matched"].sum()
    overall = {"gold": int(n_gold), "extracted": int(n_pred), "matched": int(n_tp),
               "precision": n_tp / n_pred if n_pred else 1.0, "recall": n_tp / n_gold if n_gold else 1.0}
    fields = pd.DataFrame(field_rows, columns=list(names))
    accuracy = pd.DataFrame({"field": list(names),
                             "compared": [int(fields[f].notna().sum()) for f in names],
                             "accuracy": [float(fields[f].dropna().mean()) if fields[f].notna().any() else math.nan
                                          for f in names]})
    core = [f for f in CORE_FIELDS if f in names]
    all_core = fields[core].fillna(1.0).all(axis=1) if len(fields) else pd.Series(dtype=bool)
    overall["core_fields"] = float(all_core.mean()) if len(all_core) else math.nan
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


def fields_of(gold: pd.DataFrame) -> tuple[str, ...]:
    """The fields a gold set can score: sign always, the others where the gold has the column."""
    return tuple(f for f in FIELDS if f == "sign" or f in gold.columns)


def _fold(value: str) -> str:
    return value.translate(_QUOTES).replace(" ", "")


def _field_equal(name: str, gold: dict, pred: dict) -> float | None:
    """1.0/0.0 whether a field agrees (None when the gold leaves it blank, except period, basis and entity_type,
    where blank is an answer); see the module docstring for what counts as the same."""
    if name == "sign":
        return float((float(gold["value"]) < 0) == (float(pred["value"]) < 0))
    g, p = _fold(_text(gold.get(name))), _fold(_text(pred.get(name)))
    if name in ("direction", "qualifier"):
        return float((g or "none") == (p or "none"))
    if g == "":
        return float(p == "") if name in ("period", "basis") else None
    if name == "is_growth":
        return float(truthy(g) == truthy(pred[name]))
    if name == "entity":
        return float(same_entity(g, p) or (bool(p) and (p in g or g in p)))
    if name == "period":
        return float(bool(p) and (p in g or g in p))
    if name == "indicator":
        return float(bool(p) and len(set(p) & set(g)) / len(set(g)) >= 0.5)
    return float(g == p)


def non_claim_hits(claims: pd.DataFrame, texts: dict[str, str], non_claims: pd.DataFrame) -> pd.DataFrame:
    """The non-claims (located by context and mention) that an extracted claim overlaps."""
    hits = []
    by_doc: dict[str, list[dict]] = {}
    for claim in claims[["doc_id", "claim_id", "mention", "char_start", "char_end"]].to_dict("records"):
        by_doc.setdefault(claim["doc_id"], []).append(claim)
    for nc in non_claims[non_claims["doc_id"].isin(texts)].to_dict("records"):
        for span in _spans(texts[nc["doc_id"]], str(nc["context"]), str(nc["mention"])):
            for claim in by_doc.get(nc["doc_id"], []):
                if claim["char_start"] < span[1] and span[0] < claim["char_end"]:
                    hits.append({"doc_id": nc["doc_id"], "non_claim": nc["mention"], "reason": nc["reason"],
                                 "claim_id": claim["claim_id"], "mention": claim["mention"]})
    return pd.DataFrame(hits, columns=["doc_id", "non_claim", "reason", "claim_id", "mention"])


_DEVSET_NAMES = {"doc": "doc_id", "why": "reason"}


def _spans(text: str, context: str, mention: str) -> list[tuple[int, int]]:
    """Where a non-claim is: inside its context; a non-claim without one (context = mention) everywhere."""
    if context != mention:
        span = locate(text, context, mention)
        return [span] if span else []
    spans, at = [], text.find(mention)
    while at >= 0 and mention:
        spans.append((at, at + len(mention)))
        at = text.find(mention, at + len(mention))
    return spans


def load_gold(path: Path = CLAIMS_GOLD) -> pd.DataFrame:
    """The gold claims (doc_id, mention, value, unit, qualifier, is_growth, ..., context); the development
    set's format (`doc`, a `sentence` window instead of `context`) is read as the same columns."""
    gold = pd.read_csv(path, dtype=str, keep_default_na=False).rename(columns=_DEVSET_NAMES)
    if "context" not in gold.columns:
        gold["context"] = gold["sentence"] if "sentence" in gold.columns else gold["mention"]
    return gold.astype({"value": float})


def load_non_claims(path: Path = NON_CLAIMS) -> pd.DataFrame:
    """The gold non-claims (doc_id, mention, context, reason); the development set's (`doc`, `why`, no
    context: the mention is found wherever it occurs) as the same columns."""
    non = pd.read_csv(path, dtype=str, keep_default_na=False).rename(columns=_DEVSET_NAMES)
    if "context" not in non.columns:
        non["context"] = non["mention"]
    return non


def evaluate_folder(texts_dir: str | Path, gold_path: Path, non_claims_path: Path | None = None) -> Evaluation:
    """Clean and extract every text in `texts_dir` (file stem = doc_id, no manifest: places come from the
    text) and evaluate the claims against a gold set, as `gongfu process` would produce them."""
    from gongfu.clean.document import clean_document
    from gongfu.extract.claims import extract_claims
    from gongfu.extract.table import claims_frame

    texts, rows = {}, []
    for path in sorted(Path(texts_dir).glob("*.txt")):
        cleaned = clean_document(path.read_bytes(), path.stem, name=path.name)
        texts[path.stem] = cleaned.text
        rows += extract_claims(cleaned.text, cleaned.document)
    non_claims = load_non_claims(non_claims_path) if non_claims_path and Path(non_claims_path).is_file() else None
    return evaluate(claims_frame(rows), texts, load_gold(gold_path), non_claims)


def evaluate_processed(processed_dir: str | Path, gold_path: Path = CLAIMS_GOLD,
                       non_claims_path: Path = NON_CLAIMS) -> Evaluation:
    """Evaluate processed_dir/claims.csv against the gold set, using the cleaned texts in processed_dir/clean/."""
    processed_dir = Path(processed_dir)
    claims = read_csv(processed_dir / CLAIMS_FILE)
    claims["is_growth"] = claims["is_growth"].map(truthy)
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted((processed_dir / CLEAN_DIR).glob("*.txt"))}
    non_claims = load_non_claims(non_claims_path) if Path(non_claims_path).is_file() else None
    return evaluate(claims, texts, load_gold(gold_path), non_claims)
