"""Sample documents and claims shared by the compare tests."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from gongfu.compare.select import (
    enrich_claims,
)
from gongfu.tables import write_csv

DOCS = pd.DataFrame([
    {"doc_id": "000_a", "publisher": "杭州日报", "district": "钱塘区", "street": "临江街道", "status": "ok"},
    {"doc_id": "001_b", "publisher": "", "district": "钱塘区", "street": "临江街道", "status": "ok"},
    {"doc_id": "002_c", "publisher": "中国经济网", "district": "南湖区", "street": "", "status": "ok"},
    {"doc_id": "003_d", "publisher": "", "district": "萧山区", "street": "闻堰街道", "status": "ok"},
])


def claim(doc_id: str, n: int, mention: str, value: float, unit: str, indicator: str, entity: str,
          period: str = "目前", year: str = "", qualifier: str = "none", is_growth: bool = False,
          indicator_id: str = "", sentence: str = "") -> dict:
    return {"doc_id": doc_id, "claim_id": f"{doc_id}-{n:06d}", "mention": mention, "value": value, "low": "",
            "high": "", "unit": unit, "qualifier": qualifier, "indicator": indicator, "indicator_id": indicator_id,
            "entity": entity, "period": period, "year": year, "is_growth": is_growth, "base_claim_id": "",
            "sentence": sentence or f"{entity}{indicator}{mention}", "char_start": n, "char_end": n + 3}


def enriched(rows: list[dict]) -> pd.DataFrame:
    return enrich_claims(pd.DataFrame(rows), DOCS)


# --- archive mode: one row per group, linear in the claims

MORE_DOCS = pd.DataFrame([{"doc_id": f"1{i:02d}_x", "publisher": "", "district": "钱塘区", "street": "临江街道",
                           "status": "ok"} for i in range(40)])


def write_folder(folder: Path, docs: pd.DataFrame, rows: list[dict]) -> Path:
    write_csv(docs, folder / "documents.csv")
    write_csv(pd.DataFrame(rows), folder / "claims.csv")
    return folder
