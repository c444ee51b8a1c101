"""From quantities to claims: indicator, entity, period and growth links from the sentence around them.

FIRST VERSION: every number is a claim. Issue 5 replaces this.
"""

from __future__ import annotations

from typing import Any

from gongfu.numbers import find_quantities

CLAIM_COLUMNS = [
    "doc_id", "claim_id", "mention", "value", "low", "high", "unit", "qualifier", "indicator",
    "indicator_id", "entity", "period", "year", "is_growth", "base_claim_id", "sentence",
    "char_start", "char_end",
]


def extract_claims(text: str, document: dict[str, Any]) -> list[dict[str, Any]]:
    """The claims in one cleaned text; `document` is its documents.csv row (doc_id, place, date...)."""
    rows = []
    for q in find_quantities(text):
        rows.append({"doc_id": document["doc_id"], "claim_id": f"{document['doc_id']}-{q.start:06d}",
                     "mention": q.text, "value": q.value, "unit": q.unit, "qualifier": q.qualifier,
                     "char_start": q.start, "char_end": q.end, "is_growth": False})
    return rows
