"""The claims table: its columns, data dictionary, schema and per-document summaries."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from gongfu.extract.qualifiers import QUALIFIERS

if TYPE_CHECKING:
    import pandas as pd
    import pandera.pandas as pa


# The data dictionary of claims.csv: column -> what it holds. CLAIM_COLUMNS is its key order.
CLAIM_DICTIONARY: dict[str, str] = {
    "doc_id": "document the claim comes from (documents.csv)",
    "claim_id": "stable id: doc_id + hash of the mention and its surroundings (survives re-runs and edits elsewhere)",
    "mention": "the quantity as written in the cleaned text, with its own sign and adjacent qualifier words "
               "(近20万斤, 1.4万余名, -0.8%)",
    "value": "the number times its multiplier, in `unit` (1.4万 -> 14000, 两个亿 -> 200000000, "
             "九成 -> 90, 三分之一 -> 33.333333), negative when the number carries its own sign "
             "(负3.2%, -0.8%, −2.1% -> -3.2, -0.8, -2.1) or when the words say a change goes down "
              "(下降3.2% -> -3.2, 减少1.5亿元 -> -150000000); an approximate form gives its round part "
             "(一千多万元 -> 10000000, 十几万 -> 100000); a range gives its low end",
    "low": "a range's low end (3-5家 -> 3; the ends share a multiplier and unit written once: "
           "2——3万元 -> 20000, 两到三千人 -> 2000, 两三个人 -> 2), else empty",
    "high": "a range's high end (3-5家 -> 5, 2——3万元 -> 30000), else empty",
    "unit": "base unit (元, %, 家, 人, 亩, 平方米, 月, 比值 for a ratio, 名次 for a rank...); 千 or 万 starting a "
            "unit is the unit's (12千米 -> 12 千米, 50万千瓦 -> 500000 千瓦); 个 before a measure noun is dropped "
            "(12个月 -> 月, 两个小时 -> 小时), kept as the counter (120个); 块/块钱 are 元 and 毛钱 0.1 元; "
            "美元, 港元, 欧元, 新台币... are kept; a missing unit (约12亿, 床位240) is the indicator's; "
            "a per-unit figure keeps the base unit and names its denominator in `basis` (每亩200元: 元, basis 亩)",
    "qualifier": "none, approx (约 近 左右 接近 来 差不多 约占: 600来个), over (超 余 多 几 以上 逾 突破 至少: "
                 "一千多万元, 十几万), under (不到 不足 以下 以内 最高可) or ratio (a:b, 收入比1.68)",
    "indicator": "what the number measures, as the text words it: the taxonomy pattern nearest the number that fits "
                 "its unit, else the words right after it",
    "indicator_id": "canonical id in src/gongfu/data/indicators.csv (Chinese and English labels, theme, unit); "
                    "empty when no taxonomy row fits",
    "theme": "theme id (data/themes.csv) from the indicator, else from the sentence's keywords",
    "entity": "the place, organisation or person the claim is about: the name the number describes, else the "
              "nearest name in its sentence the sentence is about (该社区/这里 resolved), else the paragraph's "
              "topic, else the document's own place",
    "entity_type": "place, organisation, person or project: a person the text names (村民王秀英, 钟大姐), else "
                   "what the name's ending says (公司 市场 -> organisation, 项目 班列 -> project), else place",
    "period": "the time expression governing the claim, as written (今年1-8月, 去年, 目前): the nearest before it "
              "in its sentence, else the paragraph's opening frame (上半年,); empty when none",
    "year": "calendar year of the period where the text or the publication date fixes it, else empty",
    "is_growth": "true for a change against a baseline (同比增长7.7%, 比去年减少12家, 增收8500元, 回落0.6个百分点), "
                 "false for a level, a level reached (增至, 降至), additions (新增, 累计), savings and gaps "
                 "between places (高于全市平均)",
    "direction": "up or down for a change (from its word and its number's own sign: 增长-0.8% is down), "
                 "none for a level",
    "basis": "the denominator of a per-unit figure: 人 (人均 每人), 户 (户均), 亩 (亩均 每亩), 日 (日均 每天), "
             "月, 年 (每年 年均), or the measure of 每X/一X (斤, 小时...); empty for a total. Never mixed with "
             "totals in a chart or sentence",
    "status": "actual; plan (计划 力争 目标 将 到2025年); projection (预计 有望 达产后): plans and projections "
              "are kept, shown apart, and never compared with actual figures",
    "base_claim_id": "for a growth rate, the claim_id of the figure it qualifies (same sentence), else empty",
    "sentence": "the sentence the claim comes from",
    "char_start": "offset of the mention's first character in the cleaned text",
    "char_end": "offset just after the mention's last character (end exclusive)",
}
CLAIM_COLUMNS = [
    "doc_id", "claim_id", "mention", "value", "low", "high", "unit", "qualifier", "indicator",
    "indicator_id", "theme", "entity", "entity_type", "period", "year", "is_growth", "direction", "basis",
    "status", "base_claim_id", "sentence", "char_start", "char_end",
]
DIRECTIONS = ("up", "down", "none")
STATUSES = ("actual", "plan", "projection")
ENTITY_TYPES = ("place", "organisation", "person", "project")

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
            "value": pa.Column(float),
            "low": pa.Column(float, nullable=True),
            "high": pa.Column(float, nullable=True),
            "unit": pa.Column(str, nullable=True),
            "qualifier": pa.Column(str, pa.Check.isin(QUALIFIERS)),
            "indicator": pa.Column(str, nullable=True),
            "indicator_id": pa.Column(str, nullable=True),
            "theme": pa.Column(str, nullable=True),
            "entity": pa.Column(str, nullable=True),
            "entity_type": pa.Column(str, pa.Check.isin((*ENTITY_TYPES, "")), nullable=True),
            "period": pa.Column(str, nullable=True),
            "year": pa.Column("Int64", pa.Check.in_range(1900, 2100), nullable=True),
            "is_growth": pa.Column(bool),
            "direction": pa.Column(str, pa.Check.isin(DIRECTIONS)),
            "basis": pa.Column(str, nullable=True),
            "status": pa.Column(str, pa.Check.isin(STATUSES)),
            "base_claim_id": pa.Column(str, nullable=True),
            "sentence": pa.Column(str),
            "char_start": pa.Column(int, pa.Check.ge(0)),
            "char_end": pa.Column(int, pa.Check.ge(1)),
        },
        checks=[pa.Check(lambda df: (df["char_end"] > df["char_start"]).all(), error="char_end must follow char_start"),
                pa.Check(lambda df: ((df["direction"] == "none") | df["is_growth"]).all(),
                         error="only a change (is_growth) has a direction"),
                pa.Check(lambda df: ((df["direction"] != "down") | (df["value"] <= 0)).all(),
                         error="a change that goes down has a negative value")],
        strict=True,
        ordered=True,
    )


def __getattr__(name: str) -> Any:
    """`CLAIM_SCHEMA`, built lazily (see `claim_schema`)."""
    if name == "CLAIM_SCHEMA":
        return claim_schema()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
