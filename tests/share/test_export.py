"""The data for other tools: the CSVs as committed, BOM copies for Excel, one SQLite file with every table (it
opens in Datasette), and a data package description whose schemas match the files; all byte-stable."""

from __future__ import annotations

import asyncio
import csv
import json
import sqlite3
from pathlib import Path

import pytest

from gongfu import paths
from gongfu.share import export

pytestmark = pytest.mark.skipif(not (paths.PROCESSED_DIR / "claims.csv").is_file(), reason="no data/processed yet")


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("data")
    export.write_exports(paths.PROCESSED_DIR, out)
    return out


def test_every_processed_table_is_in_the_database_with_every_row(data_dir: Path) -> None:
    db = sqlite3.connect(data_dir / export.DATABASE)
    tables = {r[0] for r in db.execute("select name from sqlite_master where type = 'table'")}

    for name in export.table_names(paths.PROCESSED_DIR):
        with (paths.PROCESSED_DIR / f"{name}.csv").open(encoding="utf-8", newline="") as fh:
            rows = sum(1 for _ in csv.DictReader(fh))
        assert name in tables
        assert db.execute(f"select count(*) from [{name}]").fetchone()[0] == rows, name
    texts = db.execute("select count(*) from texts").fetchone()[0]
    assert texts == len(list((paths.PROCESSED_DIR / "clean").glob("*.txt")))


def test_the_database_keys_claims_to_documents_and_searches_sentences(data_dir: Path) -> None:
    db = sqlite3.connect(data_dir / export.DATABASE)

    fks = db.execute("select [table], [from], [to] from pragma_foreign_key_list('claims')").fetchall()
    found = db.execute("select mention from claims_fts where claims_fts match '人均可支配收入'").fetchall()

    assert fks == [("documents", "doc_id", "doc_id")]
    assert ("38856元",) in found
    assert db.execute("pragma foreign_key_check").fetchall() == []


def test_the_database_opens_in_datasette_with_every_table(data_dir: Path) -> None:
    datasette_app = pytest.importorskip("datasette.app")

    async def tables() -> list[str]:
        ds = datasette_app.Datasette([str(data_dir / export.DATABASE)])
        response = await ds.client.get("/gongfu.json")
        return [t["name"] for t in response.json()["tables"]]

    shown = asyncio.run(tables())

    assert set(export.table_names(paths.PROCESSED_DIR)) | {"texts"} <= set(shown)


def test_the_exports_are_byte_identical_when_rebuilt(data_dir: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"

    export.write_exports(paths.PROCESSED_DIR, again)

    first = {p.relative_to(data_dir): p.read_bytes() for p in sorted(data_dir.rglob("*")) if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in sorted(again.rglob("*")) if p.is_file()}
    assert first.keys() == second.keys() and [k for k in first if first[k] != second[k]] == []


def test_the_excel_copies_are_the_committed_csvs_with_a_bom(data_dir: Path) -> None:
    for name in export.table_names(paths.PROCESSED_DIR):
        committed = (paths.PROCESSED_DIR / f"{name}.csv").read_bytes()
        assert not committed.startswith(b"\xef\xbb\xbf")
        assert (data_dir / export.EXCEL_SUBDIR / f"{name}.csv").read_bytes() == b"\xef\xbb\xbf" + committed
        assert (data_dir / f"{name}.csv").read_bytes() == committed


def test_the_data_package_describes_each_csv_as_it_is(data_dir: Path) -> None:
    package = json.loads((data_dir / export.PACKAGE).read_text(encoding="utf-8"))

    assert package["profile"] == "tabular-data-package"
    for resource in package["resources"]:
        with (data_dir / resource["path"]).open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            header, rows = reader.fieldnames, list(reader)
        fields = resource["schema"]["fields"]
        assert [f["name"] for f in fields] == header, resource["name"]
        for f in fields:
            values = [r[f["name"]] for r in rows if r[f["name"]] != ""]
            if f["type"] == "integer":
                assert all(v.lstrip("-").isdigit() for v in values), f
            if f["type"] == "number":
                assert all(float(v) == float(v) for v in values), f
        key = resource["schema"].get("primaryKey")
        if key:
            assert len({tuple(r[k] for k in key) for r in rows}) == len(rows), resource["name"]
    claims = next(r for r in package["resources"] if r["name"] == "claims")
    assert all(f.get("description") for f in claims["schema"]["fields"])
