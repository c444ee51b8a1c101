"""One processed folder to the tables the comparison notebook shows."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from gongfu.compare.consistency import (
    CONSISTENCY_COLUMNS,
    GROUP_COLUMNS,
    TOLERANCE,
    Tolerance,
    consistency_groups,
    consistency_table,
)
from gongfu.compare.emphasis import theme_shares
from gongfu.compare.select import check_count, document_labels, enrich_claims, select_documents
from gongfu.errors import GongfuError
from gongfu.lexicon import THEMES_FILE
from gongfu.tables import CLAIMS_FILE, DOCUMENTS_FILE, clean_text_path, read_csv


def is_archive(n_documents: int, pairwise_limit: int | None) -> bool:
    """Whether a selection is too large for pairwise comparison (more documents than `pairwise_limit`)."""
    return pairwise_limit is not None and n_documents > pairwise_limit


# --------------------------------------------------------------------------- one folder -> tables

@dataclass
class Tables:
    """Everything the comparison notebook shows, read from one processed folder."""

    docs: pd.DataFrame
    left_out: pd.DataFrame
    all_docs: pd.DataFrame
    claims: pd.DataFrame
    texts: dict[str, str]
    consistency: pd.DataFrame
    shares: pd.DataFrame
    themes_file: Path = THEMES_FILE
    missing_texts: list[str] = field(default_factory=list)
    groups: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=GROUP_COLUMNS))
    archive: bool = False  # more documents than pairwise_limit: groups instead of pairs, summaries
    pairwise_limit: int | None = None


def load_tables(processed_dir: str | Path, documents: list[str] | None = None, places: list[str] | None = None,
                themes_file: str | Path = THEMES_FILE, tol: Tolerance = TOLERANCE,
                pairwise_limit: int | None = None) -> Tables:
    """Read documents.csv, claims.csv and clean/*.txt from `processed_dir` and build the comparison tables.

    With more selected documents than `pairwise_limit` (None: no limit) the selection is an archive: claims
    are checked group by group (`consistency_groups`) instead of pair by pair, whose number grows with the
    square of the claims.
    """
    if pairwise_limit is not None:
        check_count("pairwise_limit", pairwise_limit, 0, "documents above which the comparison summarises "
                    "groups instead of listing every pair", 50)
    processed_dir, themes_file = Path(processed_dir), Path(themes_file)
    for name in (DOCUMENTS_FILE, CLAIMS_FILE):
        if not (processed_dir / name).is_file():
            raise GongfuError(f"{processed_dir / name}: not found. Run 01_clean and 02_extract first.")
    if not themes_file.is_file():
        raise GongfuError(f"theme_lexicon={themes_file}: not found. Use the default lexicon or a CSV with "
                          f"columns theme_id,zh,en,keywords.")
    all_docs = read_csv(processed_dir / DOCUMENTS_FILE)
    all_docs = all_docs.astype(object).where(all_docs.notna(), "")
    docs, left_out = select_documents(all_docs, documents, places)
    claims = enrich_claims(read_csv(processed_dir / CLAIMS_FILE), docs, themes_file, document_labels(all_docs))
    texts, missing = {}, []
    for doc_id in docs["doc_id"]:
        path = clean_text_path(processed_dir, doc_id)
        if path.is_file():
            texts[doc_id] = path.read_text(encoding="utf-8")
        else:
            missing.append(doc_id)
    shares = theme_shares(texts, themes_file)
    if is_archive(len(docs), pairwise_limit):
        return Tables(docs, left_out, all_docs, claims, texts, pd.DataFrame(columns=CONSISTENCY_COLUMNS), shares,
                      themes_file, missing, consistency_groups(claims, tol), True, pairwise_limit)
    return Tables(docs, left_out, all_docs, claims, texts, consistency_table(claims, tol), shares, themes_file,
                  missing, pairwise_limit=pairwise_limit)
