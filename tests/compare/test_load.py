"""Loading a processed folder into the comparison tables, and the archive switch."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from samples import DOCS, claim, write_folder

from gongfu.compare.consistency import (
    CONSISTENCY_COLUMNS,
    GROUP_COLUMNS,
    cross_check_view,
)
from gongfu.compare.load import load_tables
from gongfu.errors import GongfuError
from gongfu.tables import write_csv


def test_load_tables_reads_a_processed_folder(tmp_path: Path) -> None:
    write_csv(DOCS, tmp_path / "documents.csv")
    write_csv(pd.DataFrame([claim("000_a", 1, "104家", 104, "家", "规上工业企业", "临江街道")]),
              tmp_path / "claims.csv")
    (tmp_path / "clean").mkdir()
    (tmp_path / "clean" / "000_a.txt").write_text("临江街道已拥有规上工业企业104家。", encoding="utf-8")

    tables = load_tables(tmp_path, documents=["000_a", "002_c"])

    assert list(tables.docs["doc_id"]) == ["000_a", "002_c"]
    assert list(tables.left_out["doc_id"]) == ["001_b", "003_d"]
    assert tables.missing_texts == ["002_c"]
    assert tables.claims.loc[0, "place"] == "临江街道"


def test_more_documents_than_pairwise_limit_make_an_archive(tmp_path: Path) -> None:
    rows = [claim("000_a", 1, "104家", 104, "家", "规上工业企业", "临江街道", "目前"),
            claim("001_b", 2, "106家", 106, "家", "规上工业企业", "临江街道", "目前")]
    folder = write_folder(tmp_path, DOCS, rows)

    pairs = load_tables(folder, pairwise_limit=4)  # four documents: not more than the limit
    archive = load_tables(folder, pairwise_limit=3)

    assert not pairs.archive and len(pairs.consistency) == 1 and pairs.groups.empty
    assert archive.archive and archive.consistency.empty and len(archive.groups) == 1
    assert list(archive.consistency.columns) == CONSISTENCY_COLUMNS
    assert cross_check_view(archive)["status"].tolist() == ["period_unclear"]


@pytest.mark.parametrize("bad", [-1, "50", 2.5, True])
def test_bad_pairwise_limit_is_refused_naming_it(tmp_path: Path, bad: object) -> None:
    folder = write_folder(tmp_path, DOCS, [claim("000_a", 1, "104家", 104, "家", "规上工业企业", "临江街道")])

    with pytest.raises(GongfuError, match=r"pairwise_limit=.*expected a whole number of at least 0"):
        load_tables(folder, pairwise_limit=bad)


def test_compare_stage_writes_the_groups_file_and_removes_a_stale_pairs_file(tmp_path: Path) -> None:
    from gongfu.run.stages import compare_stage

    rows = [claim("000_a", 1, "104家", 104, "家", "规上工业企业", "临江街道", "目前"),
            claim("001_b", 2, "106家", 106, "家", "规上工业企业", "临江街道", "目前")]
    folder = write_folder(tmp_path, DOCS, rows)

    compare_stage(folder, pairwise_limit=None)
    assert (folder / "consistency.csv").is_file() and not (folder / "consistency_groups.csv").exists()
    compare_stage(folder, pairwise_limit=2)

    assert (folder / "consistency_groups.csv").is_file() and not (folder / "consistency.csv").exists()
    written = pd.read_csv(folder / "consistency_groups.csv", dtype=str, keep_default_na=False)
    assert list(written.columns) == GROUP_COLUMNS and len(written) == 1
