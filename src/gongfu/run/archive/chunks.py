"""One chunk of documents: process, format the table cells, write the parts, then the marker."""

from __future__ import annotations

import hashlib
import json
import math
import os
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict
from itertools import accumulate
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gongfu.clean.document import DOCUMENT_COLUMNS
from gongfu.run import document
from gongfu.run.document import ProcessedDocument

if TYPE_CHECKING:  # pyarrow is imported where it is used: a Dask client process needs it only to merge, after
    import pyarrow as pa  # its workers are gone (29 MB of RSS less while they run)
from gongfu.run.archive.settings import (
    CLEAN_SUBDIR,
    CSV_DIR,
    DONE_DIR,
    MAX_CHUNK,
    PARTS_DIR,
    TABLES,
    ChunkResult,
    Settings,
    Source,
    table_columns,
)


def plan_chunks(sources: Sequence[Source], done: set[str], size: int) -> Iterator[list[Source]]:
    """Chunks of at most `size` documents not yet done, each a run of neighbours in the sorted list.

    A chunk never spans a finished document, so chunks of a resumed run do not interleave with the old ones.
    """
    chunk: list[Source] = []
    for source in sources:
        if source[0] in done:
            if chunk:
                yield chunk
                chunk = []
            continue
        chunk.append(source)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def chunk_key(doc_ids: Iterable[str]) -> str:
    """A chunk's name, from its documents (the same documents always give the same name)."""
    return hashlib.sha1("\n".join(doc_ids).encode("utf-8")).hexdigest()[:20]


def auto_chunk_size(todo: int, workers: int) -> int:
    """About eight chunks per worker, between 1 and MAX_CHUNK documents each."""
    return max(1, min(MAX_CHUNK, math.ceil(todo / (workers * 8))))


# ------------------------------------------------------------------------------------------------ one chunk

def cell(value: Any) -> str:
    """A table cell as the CSV shows it, from the value alone: '' for missing, repr for floats."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, str):
        return value
    if isinstance(value, float):  # numpy's float64 too
        return "" if math.isnan(value) else repr(float(value))
    if hasattr(value, "item"):  # other numpy scalars
        return cell(value.item())
    return str(value)


def column_cells(rows: Sequence[dict[str, Any]], column: str) -> list[str]:
    """One column's cells; `cell` with the common types inlined (this runs for every cell of every table)."""
    cells: list[str] = []
    append = cells.append
    for row in rows:
        value = row.get(column)
        kind = type(value)
        if kind is str:
            append(value)
        elif value is None:
            append("")
        elif kind is int or kind is bool:
            append(str(value))
        else:
            append(cell(value))
    return cells


def string_array(cells: Sequence[str]) -> pa.StringArray:
    """Strings as an Arrow string array, built from their UTF-8 bytes and offsets.

    `pa.array` on a list imports pandas to ask whether the list is a pandas object: in one process running
    chunks, 204 MB of RSS against 169 MB without it, for nothing, since a worker never needs pandas."""
    import pyarrow as pa
    data = [c.encode("utf-8") for c in cells]
    offsets = array("q", [0])
    offsets.extend(accumulate(map(len, data)))
    return pa.LargeStringArray.from_buffers(len(data), pa.py_buffer(offsets), pa.py_buffer(b"".join(data))) \
        .cast(pa.string())


def rows_to_table(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> pa.Table:
    """Rows as an all-string Arrow table with exactly `columns` (missing keys are empty cells)."""
    return _table([column_cells(rows, c) for c in columns], columns)


def _table(columns_cells: Sequence[Sequence[str]], columns: Sequence[str]) -> pa.Table:
    import pyarrow as pa
    return pa.Table.from_arrays([string_array(c) for c in columns_cells], names=list(columns))


def _csv_text(columns_cells: Sequence[Sequence[str]]) -> bytes:
    import csv
    import io

    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(zip(*columns_cells, strict=True))
    return buf.getvalue().encode("utf-8")


class ChunkTable:
    """One table's rows of a chunk, held compact, added one document at a time: CSV lines (and, where the
    output is Parquet, Arrow columns), with the byte length of each document's lines.

    A document's rows are dicts (hundreds of edits each); kept as dicts for a whole chunk they would cost
    about 1 MB per document, so they are encoded as soon as the document is done. Without Parquet a worker
    never imports pyarrow (one process running chunks: 204 MB of RSS with pyarrow and pandas, 79-86 MB without).
    """

    def __init__(self, columns: Sequence[str], parquet: bool = False):
        self.columns = list(columns)
        self.parquet = parquet
        self.tables: list[pa.Table] = []
        self.lines: list[bytes] = []
        self.lengths: list[int] = []
        self.rows = 0

    def add(self, rows: Sequence[dict[str, Any]]) -> None:
        """One document's rows (none is a document of length 0)."""
        if not rows:
            self.lengths.append(0)
            return
        cells = [column_cells(rows, c) for c in self.columns]
        if self.parquet:
            self.tables.append(_table(cells, self.columns))
        self.lines.append(_csv_text(cells))
        self.lengths.append(len(self.lines[-1]))
        self.rows += len(rows)

    def table(self) -> pa.Table:
        import pyarrow as pa
        if not self.parquet:
            raise RuntimeError("ChunkTable(parquet=False) keeps no Arrow columns")
        return pa.concat_tables(self.tables) if self.tables else rows_to_table([], self.columns)

    def csv(self) -> bytes:
        """The CSV lines, without the header."""
        return b"".join(self.lines)


def csv_header(columns: Sequence[str]) -> bytes:
    """A table's header line, as `tables.write_csv` writes it."""
    return _csv_text([[c] for c in columns])


def failed_row(doc_id: str, reason: str, manifest: dict[str, str] | None) -> dict[str, Any]:
    """A documents.csv row for a document that could not be processed at all."""
    row: dict[str, Any] = dict.fromkeys(DOCUMENT_COLUMNS, "")
    row.update({k: v for k, v in (manifest or {}).items() if k in row})
    row.update(doc_id=doc_id, status="failed", reason=reason)
    return row


def process_source(source: Source, settings: Settings) -> tuple[ProcessedDocument, int]:
    """Read and process one document; any exception becomes a `failed` document, never a crashed run."""
    doc_id, path, file, manifest = source
    try:
        raw = Path(path).read_bytes()
    except OSError as err:
        return ProcessedDocument(failed_row(doc_id, f"{file}: cannot read ({err.strerror})", manifest)), 0
    try:
        result = document.process_document(raw, doc_id, manifest, conversion=settings.conversion,
                                           steps=list(settings.steps) if settings.steps else None)
    except Exception as err:  # one bad document must not stop an archive run
        reason = f"{file}: internal error {type(err).__name__}: {err}".replace("\n", " ")
        return ProcessedDocument(failed_row(doc_id, reason, manifest)), len(raw)
    return result, len(raw)


def _atomic(path: Path, write: Callable[[Path], None]) -> None:
    """Write `path` through a temporary name beside it (unique per process), then rename into place."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    write(tmp)
    os.replace(tmp, path)


def write_text(path: Path, text: str) -> None:
    _atomic(path, lambda tmp: tmp.write_text(text, encoding="utf-8", newline="\n"))


def part_paths(parts: Path, table: str, key: str) -> tuple[Path, Path]:
    """Where a chunk's rows of `table` go: a Parquet part (only in a Parquet work area) and a CSV file."""
    return parts / table / f"{key}.parquet", parts / CSV_DIR / table / f"{key}.csv"


def write_part(table: ChunkTable, paths: tuple[Path, Path]) -> None:
    """A chunk's rows of one table as a CSV file with its header (readable while the run goes on) and, in a
    Parquet work area, as Parquet; each written aside and renamed into place."""
    if table.parquet:
        import pyarrow.parquet as pq
        _atomic(paths[0], lambda tmp: pq.write_table(table.table(), tmp, compression="zstd"))
    _atomic(paths[1], lambda tmp: tmp.write_bytes(csv_header(table.columns) + table.csv()))


def process_chunk(chunk: Sequence[Source], settings: Settings) -> ChunkResult:
    """The work unit every engine maps: process a chunk and commit it (texts, part files, then the marker)."""
    out = Path(settings.output)
    tables = {t: ChunkTable(columns, settings.parquet) for t, columns in table_columns().items()}
    failed = warned = nbytes = 0
    for source in chunk:
        result, size = process_source(source, settings)
        nbytes += size
        doc = result.document
        tables["documents"].add([doc])
        tables["edits"].add(result.edits)
        tables["claims"].add(result.claims)
        if doc.get("status") == "failed":
            failed += 1
            tables["failures"].add([{"doc_id": source[0], "file": source[2], "reason": doc.get("reason", "")}])
        else:
            tables["failures"].add([])
            warned += doc.get("status") == "warning"
            write_text(out / CLEAN_SUBDIR / f"{source[0]}.txt", result.text)
    ids = [s[0] for s in chunk]
    key = chunk_key(ids)
    parts = out / PARTS_DIR
    for name, table in tables.items():
        write_part(table, part_paths(parts, name, key))
    result = ChunkResult(key, ids[0], ids[-1], len(ids), failed, int(warned), nbytes,
                         {t: tables[t].rows for t in TABLES})
    marker = {**asdict(result), "doc_ids": ids, "lengths": {t: tables[t].lengths for t in TABLES}}
    _atomic(parts / DONE_DIR / f"{key}.json",
            lambda tmp: tmp.write_text(json.dumps(marker, ensure_ascii=False), encoding="utf-8"))
    return result
