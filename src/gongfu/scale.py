"""Mapping `process_document` over a whole archive: streamed, in chunks, on local processes or a Dask cluster.

How a run works (`python -m gongfu process --input DIR_OR_GLOB --output OUT`):

1. List the input files, sorted by doc_id (file names only: texts are read by the workers, one chunk at a time).
2. Skip every document already recorded in OUT/_parts/done/ (the done-ledger) and cut the rest into chunks of
   documents that are neighbours in that sorted list.
3. A worker (a local process, or a Dask task) processes a chunk: reads each file, calls
   `pipeline.process_document`, writes OUT/clean/<doc_id>.txt, then the chunk's rows of each table as two
   part files, a Parquet table and the CSV lines ready to append (each written aside, renamed into place),
   and, last, the chunk's done marker. A chunk without a marker never happened: its part files are deleted at
   the next start. So killing the run at any moment loses only the chunks in flight, and a rerun neither
   redoes finished documents nor duplicates their rows.
4. When every chunk is done, the parts are merged, in doc_id order and streaming, into documents.csv,
   edits.csv, claims.csv and failures.csv (the data/processed layout, so notebook 03 can read OUT), plus
   partitioned Parquet datasets (OUT/<table>.parquet/part-*.parquet) with `--format parquet`. The CSV lines
   are formatted by the workers, in parallel, so this serial step is mostly a byte copy.

Table cells are stored as the strings the CSV shows, each formatted from its own value (never from its
neighbours' dtype), so the bytes do not depend on how documents were chunked or which engine ran them.
"""

from __future__ import annotations

import glob
import hashlib
import heapq
import json
import math
import os
import shutil
import sys
import time
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, BrokenExecutor, Future, ProcessPoolExecutor, wait
from dataclasses import asdict, dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gongfu import pipeline
from gongfu.errors import GongfuError
from gongfu.sources import MANIFEST_NAME, TEXT_SUFFIXES, read_manifest

if TYPE_CHECKING:  # pyarrow is imported where it is used: a Dask client process needs it only to merge, after
    import pyarrow as pa  # its workers are gone (29 MB of RSS less while they run)

ENGINES = ("local", "dask")
FORMATS = ("csv", "parquet")
TABLES = ("documents", "edits", "claims", "failures")
FAILURE_COLUMNS = ["doc_id", "file", "reason"]
PARTS_DIR = "_parts"
DONE_DIR = "done"
CSV_DIR = "csv"  # _parts/csv/<table>/<key>.csv beside _parts/<table>/<key>.parquet (a readable dataset)
CLEAN_SUBDIR = "clean"
MAX_CHUNK = 100
PARQUET_ROWS = 500_000  # rows per output partition of the final Parquet datasets
LAYOUT = 2  # version of the _parts layout: 2 = a .parquet and a .csv part per chunk and table, row counts

# One input document: (doc_id, absolute path to read, path as listed for messages, manifest row or None).
Source = tuple[str, str, str, dict[str, str] | None]
ChunkHook = Callable[["ChunkResult"], None]


class Interrupted(Exception):
    """The run stopped before the end (Ctrl-C); finished chunks are kept and a rerun resumes."""

    def __init__(self, summary: RunSummary):
        super().__init__(f"interrupted after {summary.done} of {summary.total} documents")
        self.summary = summary


@dataclass(frozen=True)
class Settings:
    """What a worker needs besides the chunk: where to write and how to process."""

    output: str
    conversion: str = "auto"
    steps: tuple[str, ...] | None = None


@dataclass
class ChunkResult:
    """The counts a worker sends back for one committed chunk (its rows are already on disk)."""

    key: str
    first: str
    last: str
    docs: int
    failed: int
    warnings: int
    bytes: int
    rows: dict[str, int] = field(default_factory=dict)


@dataclass
class RunSummary:
    """What a run did: counts over the whole output, plus what this invocation processed and how fast."""

    output: str
    total: int = 0
    done_before: int = 0
    processed: int = 0
    failed: int = 0
    warnings: int = 0
    bytes: int = 0
    seconds: float = 0.0
    consolidate_seconds: float = 0.0
    engine: str = "local"
    workers: int = 1
    chunks: list[str] = field(default_factory=list, repr=False)

    @property
    def done(self) -> int:
        return self.done_before + self.processed

    def line(self) -> str:
        """One-line summary for the CLI."""
        rate = self.processed / self.seconds if self.seconds > 0 else 0.0
        return (f"{self.done} of {self.total} documents in {self.output}: {self.failed} failed, "
                f"{self.warnings} with warnings; this run processed {self.processed} "
                f"({self.done_before} already done) in {self.seconds:.1f}s, {rate:.0f} docs/s")


# ---------------------------------------------------------------------------------------------------- listing

def table_columns() -> dict[str, list[str]]:
    """Each table's columns, read now (other modules may add columns)."""
    from gongfu.claims import CLAIM_COLUMNS
    from gongfu.edits import EDIT_COLUMNS

    return {"documents": list(pipeline.DOCUMENT_COLUMNS), "edits": list(EDIT_COLUMNS),
            "claims": list(CLAIM_COLUMNS), "failures": list(FAILURE_COLUMNS)}


def _has_magic(pattern: str) -> bool:
    return glob.has_magic(pattern)


def _input_files(spec: str) -> Iterator[tuple[str, list[str]]]:
    """(folder, file names) for the files named by `spec`: every .txt under a folder (recursively), or the
    files a glob matches, grouped by the folder they are in (names kept as listed: no object per file)."""
    if _has_magic(spec):
        grouped: dict[str, list[str]] = {}
        for p in glob.iglob(spec, recursive=True):
            folder, name = os.path.split(p)
            grouped.setdefault(folder, []).append(name)
        yield from grouped.items()
        return
    root = Path(spec)
    if not root.exists():
        raise GongfuError(f"{spec}: input folder not found. Give a folder of .txt files or a quoted glob "
                          f"such as 'archive/**/*.txt'.")
    if root.is_file():
        folder, name = os.path.split(spec)
        yield folder, [name]
        return
    for folder, _, files in os.walk(spec):
        yield folder, [f for f in files if os.path.splitext(f)[1] in TEXT_SUFFIXES and not f.startswith(".")]


class SourceList(Sequence):
    """The input documents sorted by (doc_id, path), held compactly: a table of folders (resolved and as
    listed, with their manifest rows) and, per document, its file name and folder number. About 80 bytes a
    document where full Source tuples took about 450, so the process that plans the chunks (and every
    worker forked from it) stays nearly the same size from 1k to 100k documents. Items are Source tuples,
    made when asked for."""

    def __init__(self) -> None:
        self._folders: list[tuple[str, str, dict[str, dict[str, str]]]] = []
        self._names: list[str] = []
        self._folder = array("I")
        self._odd: dict[int, tuple[str, str]] = {}  # (resolved, listed) paths that are not folder + name

    def __len__(self) -> int:
        return len(self._names)

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self._names)
        name = self._names[i]
        resolved_dir, listed_dir, rows = self._folders[self._folder[i]]
        resolved, listed = self._odd.get(i) or (os.path.join(resolved_dir, name), os.path.join(listed_dir, name))
        return os.path.splitext(name)[0], resolved, listed, rows.get(name)

    def __iter__(self) -> Iterator[Source]:
        return (self[i] for i in range(len(self._names)))

    def doc_ids(self) -> Iterator[str]:
        return (os.path.splitext(name)[0] for name in self._names)


def _folder_run(names: list[str], number: int, listed_dir: str,
                odd: dict[str, tuple[str, str]]) -> Iterator[tuple[tuple[str, str], int, str, tuple[str, str] | None]]:
    """One folder's documents as ((doc_id, listed path), folder number, name, odd paths), in that order; made
    one at a time, so merging the folders holds one entry per folder, not one per document."""
    def key(name: str) -> tuple[str, str]:
        return os.path.splitext(name)[0], odd[name][1] if name in odd else os.path.join(listed_dir, name)

    for name in sorted(names, key=key):
        yield key(name), number, name, odd.get(name)


def list_sources(spec: str, exclude: Path | None = None) -> SourceList:
    """The input documents sorted by doc_id (the file name's stem), with manifest rows where a
    MANIFEST.csv sits beside the files. Holds names, never texts. Duplicate doc_ids are refused."""
    excluded = str(exclude.resolve()) + os.sep if exclude else None
    sources = SourceList()
    runs = []  # per folder: its documents sorted by (doc_id, listed path), with odd paths
    for folder, names in _input_files(spec):
        resolved_dir = str(Path(folder or ".").resolve())
        if excluded and (resolved_dir + os.sep).startswith(excluded):
            continue
        listed_dir = str(Path(folder))
        listed_dir = "" if listed_dir == "." else listed_dir
        kept, odd = [], {}
        for name in names:
            path = os.path.join(folder, name)
            if name == MANIFEST_NAME or not os.path.isfile(path):
                continue
            listed = str(Path(path))
            resolved = str(Path(path).resolve()) if os.path.islink(path) else os.path.join(resolved_dir, name)
            if excluded and resolved.startswith(excluded):
                continue
            if listed != os.path.join(listed_dir, name) or resolved != os.path.join(resolved_dir, name):
                odd[name] = (resolved, listed)
            kept.append(name)
        if not kept:
            continue
        has = os.path.isfile(os.path.join(folder, MANIFEST_NAME))
        rows = {r["file"]: r for r in read_manifest(Path(folder or "."))} if has else {}
        number = len(sources._folders)
        sources._folders.append((resolved_dir, listed_dir, rows))

        runs.append(_folder_run(kept, number, listed_dir, odd))
    previous: tuple[str, str] | None = None
    for (doc_id, listed), number, name, odd_paths in heapq.merge(*runs, key=lambda entry: entry[0]):
        if previous is not None and previous[0] == doc_id:
            raise GongfuError(f"{listed}: doc_id {doc_id} is also the name of {previous[1]}. Doc ids are file "
                              f"names and must be unique: rename one of them.")
        previous = (doc_id, listed)
        if odd_paths is not None:
            sources._odd[len(sources._names)] = odd_paths
        sources._names.append(name)
        sources._folder.append(number)
    if not len(sources):
        raise GongfuError(f"{spec}: no input files found (a folder is searched for .txt files; a glob must "
                          f"match files). Check the path.")
    return sources


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


def rows_to_table(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> pa.Table:
    """Rows as an all-string Arrow table with exactly `columns` (missing keys are empty cells)."""
    import pyarrow as pa
    return pa.table({c: pa.array(column_cells(rows, c), pa.string()) for c in columns})


def _csv_text(columns_cells: Sequence[Sequence[str]]) -> bytes:
    import csv
    import io

    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(zip(*columns_cells, strict=True))
    return buf.getvalue().encode("utf-8")


def csv_lines(table: pa.Table, batch_rows: int = 20_000) -> bytes:
    """An all-string table as UTF-8 CSV lines without a header: the bytes `tables.write_csv` (pandas, minimal
    quoting, \\n line ends) writes for the same cells, as it uses the same `csv` writer. Converted a batch at a
    time, so a large table never exists as Python strings all at once."""
    return b"".join(_csv_text([col.to_pylist() for col in batch.columns])
                    for batch in table.to_batches(max_chunksize=batch_rows))


class ChunkTable:
    """One table's rows of a chunk, held compact (Arrow columns and CSV bytes), added one document at a time.

    A document's rows are dicts (hundreds of edits each); kept as dicts for a whole chunk they would cost
    about 1 MB per document, so they are encoded as soon as the document is done.
    """

    def __init__(self, columns: Sequence[str]):
        self.columns = list(columns)
        self.tables: list[pa.Table] = []
        self.lines: list[bytes] = []
        self.rows = 0

    def add(self, rows: Sequence[dict[str, Any]]) -> None:
        import pyarrow as pa
        if not rows:
            return
        cells = [column_cells(rows, c) for c in self.columns]
        self.tables.append(pa.table(dict(zip(self.columns, (pa.array(c, pa.string()) for c in cells),
                                             strict=True))))
        self.lines.append(_csv_text(cells))
        self.rows += len(rows)

    def table(self) -> pa.Table:
        import pyarrow as pa
        return pa.concat_tables(self.tables) if self.tables else rows_to_table([], self.columns)

    def csv(self) -> bytes:
        return b"".join(self.lines)


def failed_row(doc_id: str, reason: str, manifest: dict[str, str] | None) -> dict[str, Any]:
    """A documents.csv row for a document that could not be processed at all."""
    row: dict[str, Any] = dict.fromkeys(pipeline.DOCUMENT_COLUMNS, "")
    row.update({k: v for k, v in (manifest or {}).items() if k in row})
    row.update(doc_id=doc_id, status="failed", reason=reason)
    return row


def process_source(source: Source, settings: Settings) -> tuple[pipeline.ProcessedDocument, int]:
    """Read and process one document; any exception becomes a `failed` document, never a crashed run."""
    doc_id, path, file, manifest = source
    try:
        raw = Path(path).read_bytes()
    except OSError as err:
        return pipeline.ProcessedDocument(failed_row(doc_id, f"{file}: cannot read ({err.strerror})", manifest)), 0
    try:
        result = pipeline.process_document(raw, doc_id, manifest, conversion=settings.conversion,
                                           steps=list(settings.steps) if settings.steps else None)
    except Exception as err:  # one bad document must not stop an archive run
        reason = f"{file}: internal error {type(err).__name__}: {err}".replace("\n", " ")
        return pipeline.ProcessedDocument(failed_row(doc_id, reason, manifest)), len(raw)
    return result, len(raw)


def _atomic(path: Path, write: Callable[[Path], None]) -> None:
    """Write `path` through a temporary name beside it (unique per process), then rename into place."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    write(tmp)
    os.replace(tmp, path)


def write_text(path: Path, text: str) -> None:
    _atomic(path, lambda tmp: tmp.write_text(text, encoding="utf-8", newline="\n"))


def part_paths(parts: Path, table: str, key: str) -> tuple[Path, Path]:
    """Where a chunk's rows of `table` go: a Parquet part and its CSV lines."""
    return parts / table / f"{key}.parquet", parts / CSV_DIR / table / f"{key}.csv"


def write_part(table: ChunkTable, paths: tuple[Path, Path]) -> None:
    """A chunk's rows of one table, as Parquet and as CSV lines, each written aside and renamed into place."""
    import pyarrow.parquet as pq
    _atomic(paths[0], lambda tmp: pq.write_table(table.table(), tmp, compression="zstd"))
    _atomic(paths[1], lambda tmp: tmp.write_bytes(table.csv()))


def process_chunk(chunk: Sequence[Source], settings: Settings) -> ChunkResult:
    """The work unit every engine maps: process a chunk and commit it (texts, part files, then the marker)."""
    out = Path(settings.output)
    tables = {t: ChunkTable(columns) for t, columns in table_columns().items()}
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
            warned += doc.get("status") == "warning"
            write_text(out / CLEAN_SUBDIR / f"{source[0]}.txt", result.text)
    ids = [s[0] for s in chunk]
    key = chunk_key(ids)
    parts = out / PARTS_DIR
    for name, table in tables.items():
        write_part(table, part_paths(parts, name, key))
    result = ChunkResult(key, ids[0], ids[-1], len(ids), failed, int(warned), nbytes,
                         {t: tables[t].rows for t in TABLES})
    marker = {**asdict(result), "doc_ids": ids}
    _atomic(parts / DONE_DIR / f"{key}.json",
            lambda tmp: tmp.write_text(json.dumps(marker, ensure_ascii=False), encoding="utf-8"))
    return result


# ----------------------------------------------------------------------------------------------- the ledger

def code_fingerprint() -> str:
    """A hash of the package's code and data (this engine and the CLI excepted): results from different
    cleaner or extractor versions must not be mixed in one output."""
    root = Path(pipeline.__file__).parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.suffix in {".py", ".csv", ".yaml"} and path.name not in {"scale.py", "cli.py", "__main__.py"}:
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def run_config(settings: Settings) -> dict[str, Any]:
    return {"columns": table_columns(), "conversion": settings.conversion,
            "steps": list(settings.steps) if settings.steps else None, "code": code_fingerprint(),
            "layout": LAYOUT}


def prepare_output(out: Path, settings: Settings) -> None:
    """Create OUT's work area, or check that the one there was made by the same code and settings."""
    parts = out / PARTS_DIR
    config_path = parts / "run.json"
    config = run_config(settings)
    if config_path.is_file():
        old = json.loads(config_path.read_text(encoding="utf-8"))
        changed = [k for k in config if old.get(k) != config[k]]
        if changed:
            what = {"code": "cleaner/extractor code", "columns": "table columns",
                    "layout": "version of gongfu process (work-area layout)"}
            differs = ", ".join(what.get(k, f"--{k}") for k in changed)
            raise GongfuError(f"{out}: started with other {differs}; resuming would mix results of both. "
                              f"Delete {out} or choose a new --output.")
    elif out.is_dir() and any(out.iterdir()):
        raise GongfuError(f"{out}: folder is not empty and was not written by `gongfu process`. Choose a new "
                          f"or empty --output (it would overwrite documents.csv, claims.csv, ...).")
    for sub in (*TABLES, *(f"{CSV_DIR}/{t}" for t in TABLES), DONE_DIR):
        (parts / sub).mkdir(parents=True, exist_ok=True)
    (out / CLEAN_SUBDIR).mkdir(parents=True, exist_ok=True)
    if not config_path.is_file():
        write_text(config_path, json.dumps(config, indent=1, ensure_ascii=False))


def read_ledger(out: Path) -> list[dict[str, Any]]:
    """The done markers of committed chunks; part files and temporaries of uncommitted chunks are removed."""
    parts = out / PARTS_DIR
    markers = []
    for path in sorted((parts / DONE_DIR).glob("*.json")):
        markers.append(json.loads(path.read_text(encoding="utf-8")))
    committed = {m["key"] for m in markers}
    for table in TABLES:
        for path in (*(parts / table).iterdir(), *(parts / CSV_DIR / table).iterdir()):
            if path.name.startswith(".") or path.stem not in committed:
                path.unlink()
    for path in (*(parts / DONE_DIR).glob(".*.tmp"), *(out / CLEAN_SUBDIR).glob(".*.tmp")):
        path.unlink()
    return markers


def check_ledger(markers: list[dict[str, Any]], sources: Sequence[Source], out: Path) -> set[str]:
    """The finished doc_ids; refuses an output holding documents that are not in the input."""
    done = {d for m in markers for d in m["doc_ids"]}
    extra = done.difference(sources.doc_ids() if isinstance(sources, SourceList) else (s[0] for s in sources))
    if extra:
        raise GongfuError(f"{out}: holds results for {len(extra)} document(s) not in this input (e.g. "
                          f"{min(extra)}). Use the same --input as before, or a new --output.")
    return done


# ------------------------------------------------------------------------------------------------ engines

def run_serial(chunks: Iterable[list[Source]], settings: Settings, on_done: ChunkHook) -> None:
    """One worker: process chunks in this process, no pool."""
    for chunk in chunks:
        on_done(process_chunk(chunk, settings))


def _result(future: Future) -> ChunkResult:
    try:
        return future.result()
    except BrokenExecutor as err:
        raise GongfuError("a worker process died (out of memory, or killed). Finished chunks are kept: rerun "
                          "the same command to resume, with fewer --workers if memory is short.") from err
    except OSError as err:
        raise GongfuError(f"a worker could not write its results ({err}). Finished chunks are kept: fix the "
                          f"problem and rerun the same command to resume.") from err


def run_local(chunks: Iterable[list[Source]], settings: Settings, on_done: ChunkHook, workers: int) -> None:
    """A pool of `workers` processes; at most two chunks per worker in flight, results taken as they finish."""
    if workers == 1:
        run_serial(chunks, settings, on_done)
        return
    import multiprocessing

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method))
    pending: set[Future] = set()
    try:
        for chunk in chunks:
            if len(pending) >= 2 * workers:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    on_done(_result(future))
            pending.add(pool.submit(process_chunk, chunk, settings))
        for future in _as_finished(pending):
            on_done(_result(future))
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _as_finished(pending: set[Future]) -> Iterator[Future]:
    while pending:
        finished, pending = wait(pending, return_when=FIRST_COMPLETED)
        yield from finished


def dask_client(workers: int, scheduler: str | None, processes: bool = True):
    """A Dask client: to the scheduler at `scheduler`, or to a new LocalCluster of `workers` workers."""
    import logging

    import dask
    from dask.distributed import Client, LocalCluster

    if scheduler:
        try:
            return Client(scheduler, timeout="10s")
        except (OSError, TimeoutError) as err:
            raise GongfuError(f"--scheduler {scheduler}: cannot reach a Dask scheduler there ({err}). Start one "
                              f"(dask scheduler) or leave --scheduler out to use a local cluster.") from err
    # The workers' statistical profiler (a thread sampling every task's stack for the dashboard, which is off)
    # cost each worker about 15 MB and some CPU: off for the cluster gongfu starts.
    with dask.config.set({"distributed.worker.profile.enabled": False}):
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=processes,
                               dashboard_address=None, silence_logs=logging.ERROR)
    return Client(cluster)


def run_dask(chunks: Iterable[list[Source]], settings: Settings, on_done: ChunkHook, workers: int,
             scheduler: str | None = None, processes: bool = True) -> None:
    """The same `process_chunk` as Dask tasks; at most two chunks per worker thread in flight.

    With --scheduler, the workers must see the same file system paths (input and output) and have gongfu
    installed at the same version.
    """
    from dask.distributed import as_completed

    client = dask_client(workers, scheduler, processes)
    try:
        limit = 2 * max(1, sum(client.nthreads().values()))
        todo = iter(chunks)

        def submit(chunk: list[Source]) -> Future:
            return client.submit(process_chunk, chunk, settings, key=f"chunk-{chunk_key(s[0] for s in chunk)}",
                                 pure=False)

        running = as_completed([submit(c) for c in islice(todo, limit)])
        for future in running:
            on_done(_result(future))
            nxt = next(todo, None)
            if nxt is not None:
                running.add(submit(nxt))
    finally:
        cluster = getattr(client, "cluster", None)
        client.close()
        if cluster is not None and not scheduler:
            cluster.close()


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


def _csv_header(columns: list[str]) -> str:
    import csv
    import io

    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow(columns)
    return buf.getvalue()


def consolidate(out: Path, markers: list[dict[str, Any]], fmt: str = "csv") -> dict[str, int]:
    """Merge the committed parts into OUT/<table>.csv (and OUT/<table>.parquet/ with fmt=parquet), streaming
    one group of chunks at a time, in doc_id order. Returns the rows per table."""
    parts = out / PARTS_DIR
    groups = list(_groups(markers))
    counts = {}
    for table, columns in table_columns().items():
        counts[table] = _consolidate_table(parts, table, columns, groups, out, fmt == "parquet")
    return counts


def _consolidate_table(parts: Path, table: str, columns: list[str], groups: list[list[dict[str, Any]]],
                       out: Path, parquet: bool) -> int:
    """One table: a single chunk's CSV lines are copied as bytes; only overlapping chunks (or Parquet output)
    are read as tables."""
    import pyarrow.parquet as pq
    csv_path = out / f"{table}.csv"
    tmp_csv = csv_path.with_name(f".{csv_path.name}.{os.getpid()}.tmp")
    pq_dir = out / f"{table}.parquet"
    tmp_dir = out / f".{table}.parquet.{os.getpid()}.tmp"
    if parquet:
        shutil.rmtree(tmp_dir, ignore_errors=True)
        tmp_dir.mkdir()
    rows = 0
    writer: pq.ParquetWriter | None = None
    partition = writer_rows = 0
    with tmp_csv.open("wb") as fh:
        fh.write(_csv_header(columns).encode("utf-8"))
        for group in groups:
            keys = [m["key"] for m in group]
            count = sum(m["rows"][table] for m in group)
            if not count:
                continue
            rows += count
            data = _read_group(parts, table, keys, columns) if parquet or len(keys) > 1 else None
            if len(keys) == 1:
                with part_paths(parts, table, keys[0])[1].open("rb") as src:
                    shutil.copyfileobj(src, fh)
            else:
                fh.write(csv_lines(data))
            if data is not None and parquet:
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


# ------------------------------------------------------------------------------------------------------ run

def check_options(engine: str, fmt: str, workers: int, chunk_size: int | None = None) -> None:
    """Refuse unknown engines and formats, and impossible counts, before anything is read or written."""
    if engine not in ENGINES:
        raise GongfuError(f"--engine {engine}: unknown engine. Use local (processes on this machine) or dask.")
    if fmt not in FORMATS:
        raise GongfuError(f"--format {fmt}: unknown format. Use csv or parquet.")
    if workers < 1:
        raise GongfuError(f"--workers {workers}: need at least 1 worker.")
    if chunk_size is not None and chunk_size < 1:
        raise GongfuError(f"--chunk-size {chunk_size}: need at least 1 document per chunk.")


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def process_corpus(input: str, output: str | Path, *, workers: int | None = None, engine: str = "local",
                   scheduler: str | None = None, fmt: str | None = None, chunk_size: int | None = None,
                   progress: bool = True, conversion: str = "auto", steps: Sequence[str] | None = None,
                   dask_processes: bool = True, on_chunk: ChunkHook | None = None) -> RunSummary:
    """Process every document of `input` (a folder or a glob) into `output`, resuming what is already there.

    fmt defaults to csv for the local engine and parquet for dask. `on_chunk` is called after each committed
    chunk (progress hooks, tests). Ctrl-C raises Interrupted; the finished chunks stay for the next run.
    """
    workers = default_workers() if workers is None else workers
    fmt = fmt or ("parquet" if engine == "dask" else "csv")
    check_options(engine, fmt, workers, chunk_size)
    out = Path(output).resolve()
    sources = list_sources(input, exclude=out)
    settings = Settings(str(out), conversion, tuple(steps) if steps else None)
    prepare_output(out, settings)
    markers = read_ledger(out)
    done = check_ledger(markers, sources, out)
    summary = RunSummary(str(output), total=len(sources), done_before=len(done), engine=engine, workers=workers,
                         failed=sum(m["failed"] for m in markers), warnings=sum(m["warnings"] for m in markers))
    size = chunk_size or auto_chunk_size(len(sources) - len(done), workers)
    chunks = plan_chunks(sources, done, size)
    bar = _progress_bar(summary, progress)

    def on_done(result: ChunkResult) -> None:
        summary.processed += result.docs
        summary.failed += result.failed
        summary.warnings += result.warnings
        summary.bytes += result.bytes
        summary.chunks.append(result.key)
        markers.append({**asdict(result)})
        bar.update(result.docs)
        bar.set_postfix(failed=summary.failed, refresh=False)
        if on_chunk:
            on_chunk(result)

    start = time.perf_counter()
    try:
        if engine == "dask":
            run_dask(chunks, settings, on_done, workers, scheduler, dask_processes)
        else:
            run_local(chunks, settings, on_done, workers)
    except KeyboardInterrupt:
        summary.seconds = time.perf_counter() - start
        summary.processed = _committed_docs(out) - summary.done_before  # chunks in flight may have finished
        raise Interrupted(summary) from None
    finally:
        bar.close()
    summary.seconds = time.perf_counter() - start
    start = time.perf_counter()
    consolidate(out, markers, fmt)
    summary.consolidate_seconds = time.perf_counter() - start
    _write_summary(out, summary)
    return summary


def _committed_docs(out: Path) -> int:
    """Documents in committed chunks, counted from the done markers on disk."""
    paths = (out / PARTS_DIR / DONE_DIR).glob("*.json")
    return sum(len(json.loads(p.read_text(encoding="utf-8"))["doc_ids"]) for p in paths)


def _progress_bar(summary: RunSummary, enabled: bool):
    from tqdm import tqdm

    tqdm.monitor_interval = 0  # no monitor thread in a process that forks workers
    return tqdm(total=summary.total, initial=summary.done_before, unit="doc", desc="processing",
                disable=not enabled, file=sys.stderr, smoothing=0.05, dynamic_ncols=True)


def _write_summary(out: Path, summary: RunSummary) -> None:
    """The last run's counts and timings, beside the ledger (not a table: it changes with every run)."""
    data = {k: v for k, v in asdict(summary).items() if k != "chunks"}
    write_text(out / PARTS_DIR / "last-run.json", json.dumps(data, indent=1))
