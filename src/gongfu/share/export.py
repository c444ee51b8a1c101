"""The processed tables for other tools, under reports/data/: the CSVs as committed (to download), the same
with a byte-order mark for Excel (excel/), one SQLite database (sqlite-utils; opens in Datasette, full-text
search on the claims' sentences) and a frictionless data package description (datapackage.json: every table's
fields, types, keys and, for claims.csv, the data dictionary).

data/processed/ is never written: its CSVs stay byte-stable. Every file here is rebuilt from them on each run
and is byte-identical for the same tables (the database too: same rows, same order, same SQLite library).
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pandas as pd

from gongfu.tables import read_csv

DATABASE = "gongfu.sqlite"
PACKAGE = "datapackage.json"
EXCEL_SUBDIR = "excel"
# table -> (primary key, foreign keys {column: (table, column)}); tables not listed have neither
KEYS = {
    "documents": (["doc_id"], {}),
    "claims": (["claim_id"], {"doc_id": ("documents", "doc_id")}),
    "edits": (["doc_id", "edit_id"], {"doc_id": ("documents", "doc_id")}),
}
DESCRIPTIONS = {
    "documents": "One row per report: metadata, how it was read and cleaned, its status (README, Processed).",
    "claims": "One row per quantitative claim, with its sentence and offsets in clean/<doc_id>.txt.",
    "edits": "One row per change the cleaner made, with offsets in the decoded raw text.",
    "conversions": "What each OpenCC config would change in each document, with a verdict.",
    "consistency": "Pairs of claims from two documents about the same entity, indicator and growth-or-level.",
    "consistency_groups": "Groups of claims about the same thing from two or more documents (archives).",
    "texts": "The cleaned text of each report (clean/<doc_id>.txt), one row per document.",
}


def table_names(processed_dir: Path) -> list[str]:
    """The processed CSVs present, documents first (every other table refers to it)."""
    names = sorted(p.stem for p in Path(processed_dir).glob("*.csv"))
    return sorted(names, key=lambda n: (n != "documents", n))


def _frame(processed_dir: Path, name: str) -> pd.DataFrame:
    return read_csv(Path(processed_dir) / f"{name}.csv")


def texts_frame(processed_dir: Path) -> pd.DataFrame:
    """The cleaned texts as a table: doc_id, text."""
    rows = [{"doc_id": p.stem, "text": p.read_text(encoding="utf-8")}
            for p in sorted((Path(processed_dir) / "clean").glob("*.txt"))]
    return pd.DataFrame(rows, columns=["doc_id", "text"])


def _field_type(series: pd.Series) -> str:
    kind = series.dtype.kind
    return {"i": "integer", "u": "integer", "f": "number", "b": "boolean"}.get(kind, "string")


def _sqlite_type(kind: str) -> type:
    return {"integer": int, "number": float, "boolean": int}.get(kind, str)


def _records(frame: pd.DataFrame) -> list[dict]:
    clean = frame.astype(object).where(frame.notna(), None)
    return clean.to_dict("records")


def write_database(processed_dir: Path, out: Path) -> Path:
    """Every processed table (and the cleaned texts) in one SQLite file, with primary and foreign keys and a
    full-text index on the claims, written beside `out` and renamed into place."""
    import sqlite_utils

    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp")
    tmp.unlink(missing_ok=True)
    db = sqlite_utils.Database(tmp)
    frames = {name: _frame(processed_dir, name) for name in table_names(processed_dir)}
    frames["texts"] = texts_frame(processed_dir)
    for name, frame in frames.items():
        pk, fks = KEYS.get(name, (None, {}))
        if name == "texts":
            pk, fks = ["doc_id"], {"doc_id": ("documents", "doc_id")}
        columns = {c: _sqlite_type(_field_type(frame[c])) for c in frame.columns}
        table = db.table(name)
        table.create(columns, pk=(pk[0] if pk and len(pk) == 1 else tuple(pk)) if pk else None,
                     foreign_keys=[(c, t, tc) for c, (t, tc) in fks.items()] if "documents" in frames else None)
        table.insert_all(_records(frame), batch_size=500)
    if "claims" in frames:
        db.table("claims").enable_fts(["mention", "indicator", "entity", "sentence"], tokenize="trigram")
    db.vacuum()
    db.close()
    os.replace(tmp, out)
    return out


def write_excel_csvs(processed_dir: Path, out_dir: Path) -> list[Path]:
    """The CSVs again with a UTF-8 byte-order mark, which Excel needs to read Chinese (the committed CSVs
    have none and stay as they are)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name in table_names(processed_dir):
        data = (Path(processed_dir) / f"{name}.csv").read_bytes()
        path = out_dir / f"{name}.csv"
        path.write_bytes(b"\xef\xbb\xbf" + data)
        written.append(path)
    return written


def data_package(processed_dir: Path) -> dict:
    """The frictionless data package description of the processed CSVs: fields with types (and, for claims,
    the data dictionary's meaning), primary and foreign keys, licences."""
    from gongfu.extract.table import claims_dictionary

    meaning = dict(zip(*claims_dictionary()[["column", "meaning"]].to_numpy().T, strict=True))
    resources = []
    for name in table_names(processed_dir):
        frame = _frame(processed_dir, name)
        fields = []
        for col in frame.columns:
            field = {"name": col, "type": _field_type(frame[col])}
            if name == "claims" and col in meaning:
                field["description"] = meaning[col]
            fields.append(field)
        schema: dict = {"fields": fields, "missingValues": [""]}
        pk, fks = KEYS.get(name, (None, {}))
        if pk:
            schema["primaryKey"] = pk
        if fks:
            schema["foreignKeys"] = [{"fields": c, "reference": {"resource": t, "fields": tc}}
                                     for c, (t, tc) in fks.items()]
        resources.append({"name": name, "path": f"{name}.csv", "profile": "tabular-data-resource",
                          "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
                          "description": DESCRIPTIONS.get(name, ""), "schema": schema})
    return {"profile": "tabular-data-package", "name": "gongfu",
            "title": "共富 gongfu: numbers claimed in Zhejiang common-prosperity local-news reports",
            "licenses": [{"name": "MIT", "title": "Code and derived tables: MIT licence"}],
            "sources": [{"title": "Local-news reports listed in data/raw/MANIFEST.csv (copyright stays with "
                                  "their publishers)"}],
            "resources": resources}


def write_exports(processed_dir: Path, data_dir: Path) -> list[Path]:
    """Everything under reports/data/: the CSVs, excel/, the SQLite file, datapackage.json."""
    processed_dir, data_dir = Path(processed_dir), Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name in table_names(processed_dir):
        written.append(Path(shutil.copyfile(processed_dir / f"{name}.csv", data_dir / f"{name}.csv")))
    written += write_excel_csvs(processed_dir, data_dir / EXCEL_SUBDIR)
    written.append(write_database(processed_dir, data_dir / DATABASE))
    package = data_dir / PACKAGE
    package.write_text(json.dumps(data_package(processed_dir), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    written.append(package)
    return written
