"""The notebooks' stages as functions from folders to folders, so notebooks hold only calls and displays.

Each stage reads the previous stage's files (never its variables) and writes its own tables with
deterministic bytes. `strict` turns warnings into a failure, raised after the tables are written to
the (staging) folder so the journalist can see why.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd

from gongfu.clean.document import DOCUMENT_COLUMNS, clean_document
from gongfu.clean.edits import EDIT_COLUMNS
from gongfu.errors import GongfuError
from gongfu.extract.table import claims_frame, validate_claims
from gongfu.paths import relative
from gongfu.run.document import extract_document
from gongfu.sources import verify_manifest
from gongfu.tables import CLEAN_DIR, CONSISTENCY_FILE, GROUPS_FILE, read_csv, to_frame, write_csv


def parse_list(value: str | Sequence[str] | None) -> list[str] | None:
    """'a,b' or ['a','b'] -> ['a','b']; 'all', '' or None -> None (meaning everything)."""
    if value is None:
        return None
    items = [v.strip() for v in (value.split(",") if isinstance(value, str) else value) if v.strip()]
    return None if not items or items == ["all"] else items


class DocumentWarning(UserWarning):
    """A document that cleaned or extracted with warnings, or failed: shown, never silent, never a crash."""


def _format_warning(message, category, filename, lineno, line=None) -> str:
    """Document warnings read as one plain line (no interpreter file paths in a reader's page)."""
    if issubclass(category, DocumentWarning):
        return f"WARNING {message}\n"
    return _plain_format(message, category, filename, lineno, line)


_plain_format = warnings.formatwarning
warnings.formatwarning = _format_warning


def _progress(items: list, desc: str, enabled: bool) -> Iterable:
    """A progress bar over items when enabled (a notebook widget in JupyterLab, text in a terminal).

    tqdm.auto is imported only when a bar is wanted: in a kernel without a bar it would print a warning into
    the reader's page even for a disabled bar.
    """
    if not enabled:
        return items
    from tqdm.auto import tqdm

    return tqdm(items, desc=desc, unit="doc")


def clean_stage(raw_dir: str | Path, processed_dir: str | Path, *, conversion: str = "auto",
                steps: str | Sequence[str] | None = "all", strict: bool = False,
                progress: bool = True) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Clean every manifest document into processed_dir: clean/<doc_id>.txt, documents.csv, edits.csv and
    conversions.csv (what each OpenCC config would change in each document, with a verdict)."""
    from gongfu.clean import check_steps
    from gongfu.clean.edits import edits_schema
    from gongfu.clean.script import AUDIT_COLUMNS, check_conversion

    raw_dir, processed_dir = Path(raw_dir), Path(processed_dir)
    selected = check_steps(parse_list(steps))  # bad parameters are refused before any work
    check_conversion(conversion)
    rows = verify_manifest(raw_dir)
    clean_dir = processed_dir / CLEAN_DIR
    clean_dir.mkdir(parents=True, exist_ok=True)
    documents, edits, conversions = [], [], []
    for row in _progress(rows, "cleaning", progress):
        path = raw_dir / row["file"]
        result = clean_document(path.read_bytes(), row["doc_id"], row, conversion=conversion,
                                steps=list(selected), name=str(path))
        documents.append(result.document)
        edits.extend(result.edits)
        conversions.extend(result.conversions)
        if result.document["status"] != "failed":
            (clean_dir / f"{row['doc_id']}.txt").write_text(result.text, encoding="utf-8", newline="\n")
    docs = to_frame(documents, DOCUMENT_COLUMNS)
    edit_frame = edits_schema().validate(to_frame(edits, EDIT_COLUMNS).astype(
        {"edit_id": "int64", "raw_start": "int64", "raw_end": "int64", "lost": "bool"}))
    write_csv(docs, processed_dir / "documents.csv")
    write_csv(edit_frame, processed_dir / "edits.csv")
    write_csv(to_frame(conversions, AUDIT_COLUMNS), processed_dir / "conversions.csv")
    _report_status(docs, strict, "cleaning", processed_dir / "documents.csv")
    return docs, edit_frame


def extract_stage(processed_dir: str | Path, *, strict: bool = False,
                  progress: bool = True) -> pd.DataFrame:
    """Extract claims from every cleaned text listed in documents.csv into processed_dir/claims.csv."""

    processed_dir = Path(processed_dir)
    documents_csv = processed_dir / "documents.csv"
    if not documents_csv.is_file():
        raise GongfuError(f"{documents_csv}: not found. Run the cleaning notebook (01_clean) first.")
    docs = read_csv(documents_csv)
    claims = []
    for doc in _progress(docs.to_dict("records"), "extracting", progress):
        doc = {k: ("" if pd.isna(v) else v) for k, v in doc.items()}
        if doc["status"] == "failed":
            warnings.warn(f"{doc['doc_id']}: skipped, cleaning failed ({doc['reason']})", DocumentWarning, stacklevel=2)
            continue
        text_path = processed_dir / CLEAN_DIR / f"{doc['doc_id']}.txt"
        if not text_path.is_file():
            raise GongfuError(f"{text_path}: cleaned text missing. Re-run 01_clean.")
        claims.extend(extract_document(text_path.read_text(encoding="utf-8"), doc))
    frame = validate_claims(claims_frame(claims))  # schema-checked before it is written
    write_csv(frame, processed_dir / "claims.csv")
    _report_status(docs, strict, "extraction", documents_csv)
    return frame


def _report_status(docs: pd.DataFrame, strict: bool, stage: str, documents_csv: Path) -> None:
    """Warn once per document with a warning or failure; under strict, fail naming the first ones and why."""
    bad = docs[docs["status"].isin(["warning", "failed"])]
    for doc in bad.itertuples():
        warnings.warn(f"{doc.doc_id}: {doc.status}: {doc.reason}", DocumentWarning, stacklevel=3)
    if strict and len(bad):
        worst = bad.sort_values("status", key=lambda s: s != "failed", kind="stable")  # failures first
        first = "; ".join(f"{d.doc_id} {d.status}: {d.reason}" for d in worst.head(2).itertuples())
        raise GongfuError(f"strict {stage}: {len(bad)} document(s) with warnings or failures ({first}"
                          f"{'; ...' if len(bad) > 2 else ''}). See {relative(documents_csv)} (status, reason), "
                          f"or run with -p strict false to keep going.")


def compare_stage(processed_dir: str | Path, *, documents: str | Sequence[str] | None = "all",
                  places: str | Sequence[str] | None = "all", theme_lexicon: str | Path = "default",
                  tolerance: float | None = None, pairwise_limit: int | None = 50, write: bool = True):
    """Compare the reports in processed_dir: write the cross-check table, return the tables the notebook shows.

    documents/places: comma-separated doc_ids or place names (or 'all'); theme_lexicon: 'default' (the
    package's themes.csv) or a CSV path; tolerance: the relative margin for unqualified figures;
    pairwise_limit: above this many documents the selection is an archive, checked group by group and
    written to consistency_groups.csv instead of pair by pair to consistency.csv (None: always pairs); the
    stage removes the other file, so a folder never holds a stale one; write=False only reads (to rebuild
    what a finished run showed).
    """
    from gongfu.compare.consistency import Tolerance
    from gongfu.compare.load import load_tables
    from gongfu.lexicon import THEMES_FILE

    processed_dir = Path(processed_dir)
    lexicon = THEMES_FILE if str(theme_lexicon) in ("", "default") else Path(theme_lexicon)
    tol = Tolerance() if tolerance is None else Tolerance(exact=float(tolerance))
    tables = load_tables(processed_dir, parse_list(documents), parse_list(places), lexicon, tol, pairwise_limit)
    if write:
        table, name, stale = ((tables.groups, GROUPS_FILE, CONSISTENCY_FILE) if tables.archive else
                              (tables.consistency, CONSISTENCY_FILE, GROUPS_FILE))
        write_csv(table, processed_dir / name)
        (processed_dir / stale).unlink(missing_ok=True)
    return tables
