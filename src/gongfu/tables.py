"""The processed-folder contract: every output file's name, and reading and writing the tables.

Writing is deterministic (same frame, same bytes), so reruns are byte-identical. pandas is imported where a
table is built, so that an archive's planning process, which only needs the names, never loads it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

CLEAN_DIR = "clean"  # clean/<doc_id>.txt: the cleaned texts, one paragraph per line
DOCUMENTS_FILE = "documents.csv"
EDITS_FILE = "edits.csv"
CONVERSIONS_FILE = "conversions.csv"
CLAIMS_FILE = "claims.csv"
CONSISTENCY_FILE = "consistency.csv"  # pairs of claims, a few reports
GROUPS_FILE = "consistency_groups.csv"  # groups of claims, an archive
FAILURES_FILE = "failures.csv"  # archive mode: documents that could not be read

_TRUE = frozenset({"true", "1", "yes"})


def clean_text_path(processed_dir: str | Path, doc_id: str) -> Path:
    """Where a document's cleaned text lives in a processed folder."""
    return Path(processed_dir) / CLEAN_DIR / f"{doc_id}.txt"


def truthy(value: object) -> bool:
    """A table cell read as a flag: True/'True'/'true'/1/'yes' -> True; anything else (empty) -> False."""
    return str(value).strip().lower() in _TRUE


def as_bool(series: pd.Series) -> pd.Series:
    """A column of flags as bool (`truthy` per cell)."""
    return series.map(truthy)


def cell_text(value: object) -> str:
    """A table cell as stripped text: '' for None and NaN."""
    return "" if value is None or (isinstance(value, float) and value != value) else str(value).strip()


def to_frame(rows: Iterable[dict[str, Any]], columns: Sequence[str]) -> pd.DataFrame:
    """Rows to a DataFrame with exactly `columns`, in that order (missing keys become empty)."""
    import pandas as pd

    frame = pd.DataFrame(list(rows))
    for col in columns:
        if col not in frame.columns:
            frame[col] = pd.Series(dtype="object")
    return frame[list(columns)]


def write_csv(frame: pd.DataFrame, path: str | Path) -> Path:
    """Write `frame` as UTF-8 CSV with \\n line ends and shortest-round-trip floats, atomically.

    The file is written beside the target and renamed into place, so a reader never sees half a table.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    frame.to_csv(tmp, index=False, encoding="utf-8", lineterminator="\n")
    os.replace(tmp, path)
    return path


def read_csv(path: str | Path) -> pd.DataFrame:
    """Read a processed table back with strings kept as written (ids like 000_... stay strings)."""
    import pandas as pd

    return pd.read_csv(path, dtype={"doc_id": str, "claim_id": str, "base_claim_id": str},
                       keep_default_na=False, na_values=[""], encoding="utf-8")
