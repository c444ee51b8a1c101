"""Writing the processed tables: deterministic CSV bytes, so reruns are byte-identical."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd


def to_frame(rows: Iterable[dict[str, Any]], columns: Sequence[str]) -> pd.DataFrame:
    """Rows to a DataFrame with exactly `columns`, in that order (missing keys become empty)."""
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
    return pd.read_csv(path, dtype={"doc_id": str, "claim_id": str, "base_claim_id": str},
                       keep_default_na=False, na_values=[""], encoding="utf-8")
