"""Mapping `process_document` over a whole archive: streamed, in chunks, on local processes or a Dask cluster.

How a run works (`python -m gongfu process --input DIR_OR_GLOB --output OUT`):

1. List the input files, sorted by doc_id (file names only: texts are read by the workers, one chunk at a time).
2. Skip every document already recorded in OUT/_parts/done/ (the done-ledger) and cut the rest into chunks of
   documents that are neighbours in that sorted list.
3. A worker (a local process, or a Dask task) processes a chunk: reads each file, calls
   `gongfu.run.document.process_document`, writes OUT/clean/<doc_id>.txt, then the chunk's rows of each table as a
   CSV part (a CSV file, readable while the run goes on; with `--format parquet` a Parquet part too), each
   written aside and renamed into place, and, last, the chunk's done marker (with the byte length of each
   document's lines). A chunk without a marker never happened: its part files are deleted at
   the next start. So killing the run at any moment loses only the chunks in flight, and a rerun neither
   redoes finished documents nor duplicates their rows.
4. When every chunk is done, the parts are merged, in doc_id order and streaming, into documents.csv,
   edits.csv, claims.csv and failures.csv (the data/processed layout, so notebook 03 can read OUT), plus
   partitioned Parquet datasets (OUT/<table>.parquet/part-*.parquet) with `--format parquet`. The CSV lines
   are formatted by the workers, in parallel, so this serial step is mostly a byte copy. Without Parquet a
   worker never imports pyarrow nor pandas (120-130 MB of RSS less in each: `benchmarks/README.md`).

Table cells are stored as the strings the CSV shows, each formatted from its own value (never from its
neighbours' dtype), so the bytes do not depend on how documents were chunked or which engine ran them.
"""

from __future__ import annotations

from gongfu.exports import lazy_exports

# public name -> the module of this package that defines it, imported on first use (gongfu.exports)
__getattr__, __all__ = lazy_exports(__name__, {
    "process_corpus": "corpus",
    "list_sources": "listing",
    "Interrupted": "settings",
    "RunSummary": "settings",
    "Settings": "settings",
})
