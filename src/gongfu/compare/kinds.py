"""What kind of figure a claim is, for the charts and the explorer: per-unit basis, status, direction, and what
its entity is.

claims.csv is gaining the columns `basis` (the per-unit denominator: 人, 户, 亩, 日 ... or empty), `status`
(actual, plan, projection), `direction` (up, down, none) and `entity_type` (place, organisation, person,
project) from extraction. Where a processed folder carries them they are used as written; where it does not
(tables made before them), the same is read from the claim's wording: the per-person test of
`compare.select.is_per_capita` and the few cue words below, looked for in the clause just before the number.
The fallback cues are deliberately few: they exist only until every processed folder has the columns.
"""

from __future__ import annotations

import re

import pandas as pd

from gongfu.compare.select import is_per_capita
from gongfu.tables import cell_text

KIND_COLUMNS = ("basis", "status", "direction", "entity_type")
STATUSES = ("actual", "plan", "projection")

# (cue, basis): per-unit wording right before a number or in its indicator (每亩可收获上万元 -> 亩)
_BASIS_CUES = (("人均", "人"), ("每人", "人"), ("户均", "户"), ("每户", "户"), ("亩均", "亩"), ("每亩", "亩"),
               ("日均", "日"), ("每天", "日"), ("每日", "日"))
# (cue, status): a figure not yet reached (全部达产后将创造70亿元 -> projection; 力争搬迁1万人 -> plan)
_STATUS_CUES = (("达产后", "projection"), ("建成后", "projection"), ("预计", "projection"), ("力争", "plan"),
                ("计划", "plan"), ("目标", "plan"), ("规划", "plan"))
_CLAUSE_BREAK = re.compile(r"[，,；;。！？!?：:]")


def clause_before(row: dict) -> str:
    """The words of the claim's sentence from the last clause break up to its mention."""
    sentence, mention = cell_text(row.get("sentence")), cell_text(row.get("mention"))
    at = sentence.find(mention) if mention else -1
    before = sentence[:at] if at >= 0 else ""
    return _CLAUSE_BREAK.split(before)[-1]


def basis(row: dict) -> str:
    """The per-unit denominator: the `basis` column where the table has it, else 人 for a per-person amount
    (is_per_capita) or the unit a per-unit cue names; '' for a total."""
    if "basis" in row:
        return cell_text(row["basis"])
    if is_per_capita(row):
        return "人"
    words = clause_before(row) + cell_text(row.get("indicator"))
    return next((b for cue, b in _BASIS_CUES if cue in words), "")


def status(row: dict) -> str:
    """actual, plan or projection: the `status` column where the table has it, else from plan cues."""
    if cell_text(row.get("status")):
        return cell_text(row["status"])
    words = clause_before(row)
    return next((s for cue, s in _STATUS_CUES if cue in words), "actual")


def direction(row: dict) -> str:
    """up, down or none for a growth rate: the `direction` column where the table has it, else from the sign."""
    if cell_text(row.get("direction")):
        return cell_text(row["direction"])
    if str(row.get("is_growth")).lower() not in ("true", "1"):
        return "none"
    value = pd.to_numeric(row.get("value"), errors="coerce")
    return "down" if pd.notna(value) and value < 0 else "up"


def with_kinds(claims: pd.DataFrame) -> pd.DataFrame:
    """`claims` with basis, status and direction filled for every row (columns kept where present) and
    entity_type kept or empty."""
    out = claims.copy()
    records = out.to_dict("records")
    out["basis"] = [basis(r) for r in records] if records else []
    out["status"] = [status(r) for r in records] if records else []
    out["direction"] = [direction(r) for r in records] if records else []
    out["entity_type"] = out["entity_type"].map(cell_text) if "entity_type" in out.columns else ""
    return out
