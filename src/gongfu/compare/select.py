"""Which documents and claims a comparison shows: places, labels, filters and claim kinds."""

from __future__ import annotations

import numbers
import re
from pathlib import Path

import pandas as pd

from gongfu.errors import GongfuError
from gongfu.lexicon import THEMES_FILE, indicator_theme, indicator_zh, theme_of
from gongfu.tables import as_bool, cell_text

UNASSIGNED = "unassigned"


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

def claim_theme(row: dict, themes_file: Path = THEMES_FILE) -> str:
    """A claim's theme: its own `theme`, else the taxonomy's for its indicator_id, else the lexicon's reading
    of its indicator and sentence; `unassigned` when none applies."""
    for value in (row.get("theme"), indicator_theme(cell_text(row.get("indicator_id")))):
        if cell_text(value):
            return cell_text(value)
    found = theme_of(f"{cell_text(row.get('indicator'))} {cell_text(row.get('sentence'))}", themes_file)
    return found or UNASSIGNED


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
        out[col] = out[col].map(cell_text)
    out["year"] = out["year"].str.replace(r"\.0$", "", regex=True)
    out["value"] = pd.to_numeric(out.get("value"), errors="coerce")
    for col in ("low", "high"):
        out[col] = pd.to_numeric(out[col], errors="coerce") if col in out.columns else float("nan")
    out["is_growth"] = as_bool(out["is_growth"]) if "is_growth" in out.columns else False
    for col, default in (("direction", "none"), ("basis", ""), ("status", "actual")):
        if col in out.columns:  # a claims.csv from before these columns is read by compare.kinds from its wording
            out[col] = out[col].map(cell_text).replace("", default)
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
    return PER_CAPITA_MARK in cell_text(row.get("indicator")) or PER_CAPITA_MARK in indicator_zh(
        cell_text(row.get("indicator_id")))


def actual(claims: pd.DataFrame) -> pd.Series:
    """Rows that report what happened: plans and projections (status) are never charted with results."""
    return claims["status"].eq("actual") if "status" in claims.columns else pd.Series(True, index=claims.index)


def growth_claims(claims: pd.DataFrame) -> pd.DataFrame:
    """Actual growth rates (is_growth, in %, signed: a fall is negative), one row per claim."""
    if claims.empty:
        return claims
    keep = claims["is_growth"] & (claims["unit"] == "%") & claims["value"].notna() & actual(claims)
    return claims[keep].reset_index(drop=True)


def rising(growth: pd.DataFrame) -> pd.DataFrame:
    """The rises among growth rates: what "fastest growth" may name (增速最快 never picks a fall)."""
    return growth[growth["value"] > 0] if len(growth) else growth


def money_claims(claims: pd.DataFrame, unit: str = "元", plans: bool = False) -> pd.DataFrame:
    """Actual money amounts (base unit 元, positive, not growth rates), one row per claim, with `per_capita`: true
    for any per-unit figure (basis 人, 亩, 日...; or 人均 in the wording), which never sits with totals.
    `plans` keeps plans and projections too, for a chart that shows them in a panel of their own."""
    if claims.empty:
        return claims.assign(per_capita=pd.Series(dtype=bool))
    keep = (claims["unit"] == unit) & ~claims["is_growth"] & (claims["value"] > 0)
    if not plans:
        keep &= actual(claims)
    out = claims[keep].reset_index(drop=True)
    return out.assign(per_capita=[is_per_capita(r) or bool(cell_text(r.get("basis"))) for r in
                                  out.to_dict("records")] if len(out) else [])


def other_currencies(claims: pd.DataFrame, unit: str = "元") -> list[str]:
    """Money units other than `unit` that claims use (e.g. 美元): amounts that cannot sit on a 元 axis."""
    from gongfu.lexicon import load_units

    money = {u.base_unit for u in load_units().values() if u.kind == "money"} - {unit}
    return sorted(set(claims["unit"]) & money) if len(claims) else []


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


def claim_subjects(claims: pd.DataFrame) -> pd.Series:
    """What each claim is about, for archive summaries: its entity, else its report's place ('' when neither).

    Archive outputs often have no place in documents.csv (no manifest row), so the entity is the one name
    every claim can carry.
    """
    if claims.empty:
        return pd.Series(dtype=str)
    return claims["entity"].where(claims["entity"] != "", claims["place"]).fillna("")
