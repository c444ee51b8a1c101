"""`process_corpus`: list, plan, map the chunks on an engine, merge (python -m gongfu process)."""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

from gongfu.errors import GongfuError
from gongfu.run.archive.chunks import auto_chunk_size, plan_chunks, write_text
from gongfu.run.archive.engines import run_dask, run_local
from gongfu.run.archive.ledger import check_ledger, prepare_output, read_ledger
from gongfu.run.archive.listing import list_sources
from gongfu.run.archive.merge import consolidate
from gongfu.run.archive.settings import (
    DONE_DIR,
    ENGINES,
    FORMATS,
    PARTS_DIR,
    ChunkHook,
    ChunkResult,
    Interrupted,
    RunSummary,
    Settings,
)

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
    settings = prepare_output(out, Settings(str(out), conversion, tuple(steps) if steps else None,
                                            parquet=fmt == "parquet"))
    markers = read_ledger(out)
    done = check_ledger(markers, sources, out)
    summary = RunSummary(str(output), total=len(sources), done_before=len(done), engine=engine, workers=workers,
                         failed=sum(m["failed"] for m in markers), warnings=sum(m["warnings"] for m in markers),
                         skipped=len(sources.skipped))
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
    skipped = [{"doc_id": d, "file": f, "reason": why} for d, f, why in sources.skipped]
    consolidate(out, markers, fmt, extra={"failures": skipped})
    summary.consolidate_seconds = time.perf_counter() - start
    summary.first_problems = _first_failures(out / "failures.csv")
    _write_summary(out, summary)
    return summary


def _first_failures(path: Path, count: int = 2) -> list[str]:
    """'file: reason' for the first rows of failures.csv (read as lines: the table may be long)."""
    import csv

    with path.open(encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(fh)
        return [f"{row['file']}: {row['reason']}" for row, _ in zip(rows, range(count), strict=False)]


def _committed_docs(out: Path) -> int:
    """Documents in committed chunks, counted from the done markers on disk."""
    paths = (out / PARTS_DIR / DONE_DIR).glob("*.json")
    return sum(len(json.loads(p.read_text(encoding="utf-8"))["doc_ids"]) for p in paths)


def _progress_bar(summary: RunSummary, enabled: bool):
    from tqdm import tqdm

    tqdm.monitor_interval = 0  # no monitor thread in a process that forks workers
    return tqdm(total=summary.total, initial=summary.done_before, unit="doc", desc="processing",
                disable=None if enabled else True, file=sys.stderr, smoothing=0.05, dynamic_ncols=True)


def _write_summary(out: Path, summary: RunSummary) -> None:
    """The last run's counts and timings, beside the ledger (not a table: it changes with every run)."""
    data = {k: v for k, v in asdict(summary).items() if k != "chunks"}
    write_text(out / PARTS_DIR / "last-run.json", json.dumps(data, indent=1))
