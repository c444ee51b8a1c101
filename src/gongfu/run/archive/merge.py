"""Merging the chunks' parts into the final tables, in doc_id order, streaming."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pyarrow is imported where it is used: a Dask client process needs it only to merge, after
    import pyarrow as pa  # its workers are gone (29 MB of RSS less while they run)
from gongfu.run.archive.chunks import ChunkTable, csv_header, part_paths, rows_to_table
from gongfu.run.archive.settings import DONE_DIR, PARQUET_ROWS, PARTS_DIR, table_columns

# ----------------------------------------------------------------------------------------------- consolidate

def _groups(markers: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    """Chunk markers in doc_id order, grouped where chunks' doc ranges overlap (only after the input changed)."""
    group: list[dict[str, Any]] = []
    last = ""
    for m in sorted(markers, key=lambda m: (m["first"], m["last"])):
        if group and m["first"] > last:
            yield group
            group = []
        group.append(m)
        last = max(last, m["last"])
    if group:
        yield group


def _read_group(parts: Path, table: str, keys: list[str], columns: list[str]) -> pa.Table:
    """One group's rows of `table`, sorted by doc_id (stable: rows keep their order within a document)."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq
    tables = [pq.read_table(part_paths(parts, table, key)[0]).select(columns) for key in keys]
    merged = pa.concat_tables(tables)
    if len(keys) > 1:
        merged = merged.take(pc.sort_indices(merged, [("doc_id", "ascending")]))
    return merged


def _sorted_lines(parts: Path, table: str, keys: list[str], columns: list[str]) -> Iterator[bytes]:
    """One group's CSV lines of `table` in doc_id order (stable: a document's rows stay together and in
    order), cut from the chunks' CSV parts by the byte length of each document that their markers record."""
    header = len(csv_header(columns))
    pieces = []  # (doc_id, chunk, start, end)
    for n, key in enumerate(keys):
        marker = json.loads((parts / DONE_DIR / f"{key}.json").read_text(encoding="utf-8"))
        pos = header
        for doc_id, length in zip(marker["doc_ids"], marker["lengths"][table], strict=True):
            if length:
                pieces.append((doc_id, n, pos, pos + length))
            pos += length
    data = [part_paths(parts, table, key)[1].read_bytes() for key in keys]
    for _, n, start, end in sorted(pieces, key=lambda p: (p[0], p[1])):
        yield data[n][start:end]


def consolidate(out: Path, markers: list[dict[str, Any]], fmt: str = "csv",
                extra: dict[str, list[dict[str, Any]]] | None = None) -> dict[str, int]:
    """Merge the committed parts into OUT/<table>.csv (and OUT/<table>.parquet/ with fmt=parquet), streaming
    one group of chunks at a time, in doc_id order, then any `extra` rows of a table (the files the listing
    skipped, for failures). Returns the rows per table."""
    parts = out / PARTS_DIR
    groups = list(_groups(markers))
    counts = {}
    for table, columns in table_columns().items():
        counts[table] = _consolidate_table(parts, table, columns, groups, out, fmt == "parquet",
                                           (extra or {}).get(table, []))
    return counts


def _consolidate_table(parts: Path, table: str, columns: list[str], groups: list[list[dict[str, Any]]],
                       out: Path, parquet: bool, extra: list[dict[str, Any]] = ()) -> int:
    """One table: a single chunk's CSV lines are copied as bytes, overlapping chunks' lines are put in doc_id
    order by the byte lengths in their markers; only Parquet output reads the parts as tables."""
    if parquet:
        import pyarrow.parquet as pq
    csv_path = out / f"{table}.csv"
    tmp_csv = csv_path.with_name(f".{csv_path.name}.{os.getpid()}.tmp")
    pq_dir = out / f"{table}.parquet"
    tmp_dir = out / f".{table}.parquet.{os.getpid()}.tmp"
    if parquet:
        shutil.rmtree(tmp_dir, ignore_errors=True)
        tmp_dir.mkdir()
    rows = 0
    writer = None
    partition = writer_rows = 0
    with tmp_csv.open("wb") as fh:
        header = csv_header(columns)
        fh.write(header)
        for group in groups:
            keys = [m["key"] for m in group]
            count = sum(m["rows"][table] for m in group)
            if not count:
                continue
            rows += count
            if len(keys) == 1:
                with part_paths(parts, table, keys[0])[1].open("rb") as src:
                    src.seek(len(header))
                    shutil.copyfileobj(src, fh)
            else:
                fh.writelines(_sorted_lines(parts, table, keys, columns))
            if parquet:
                data = _read_group(parts, table, keys, columns)
                if writer is None or writer_rows >= PARQUET_ROWS:
                    if writer is not None:
                        writer.close()
                    writer = pq.ParquetWriter(tmp_dir / f"part-{partition:05d}.parquet", data.schema,
                                              compression="zstd")
                    partition, writer_rows = partition + 1, 0
                writer.write_table(data)
                writer_rows += data.num_rows
        if writer is not None:
            writer.close()
        if extra:
            rest = ChunkTable(columns, parquet)
            rest.add(extra)
            fh.write(rest.csv())
            rows += len(extra)
            if parquet:
                pq.write_table(rest.table(), tmp_dir / f"part-{partition:05d}.parquet", compression="zstd")
                partition += 1
    os.replace(tmp_csv, csv_path)
    if parquet:
        if partition == 0:  # an empty table is still a readable dataset
            pq.write_table(rows_to_table([], columns), tmp_dir / "part-00000.parquet")
        old = out / f".{table}.parquet.{os.getpid()}.old"
        if pq_dir.exists():
            os.replace(pq_dir, old)
        os.replace(tmp_dir, pq_dir)
        shutil.rmtree(old, ignore_errors=True)
    return rows
