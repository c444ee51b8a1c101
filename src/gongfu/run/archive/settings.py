"""An archive run's settings, results and the names of its folders and tables."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from gongfu.clean.document import DOCUMENT_COLUMNS
from gongfu.tables import CLEAN_DIR

ENGINES = ("local", "dask")
FORMATS = ("csv", "parquet")
TABLES = ("documents", "edits", "claims", "failures")
FAILURE_COLUMNS = ["doc_id", "file", "reason"]
PARTS_DIR = "_parts"
DONE_DIR = "done"
CSV_DIR = "csv"  # _parts/csv/<table>/<key>.csv (a CSV file with its header), beside _parts/<table>/<key>.parquet
CLEAN_SUBDIR = CLEAN_DIR  # the processed-folder layout (gongfu.tables), so notebook 03 can read OUT
MAX_CHUNK = 100
PARQUET_ROWS = 500_000  # rows per output partition of the final Parquet datasets
# Version of the _parts layout: 3 = a .csv part with its header per chunk and table, each document's byte
# length in the done marker, and a .parquet part only in a work area that makes Parquet output.
LAYOUT = 3

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
    parquet: bool = False  # also write Parquet parts (for --format parquet); they need pyarrow in the worker


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
    skipped: int = 0  # entries of the input that are not documents (other kinds of file, folders)
    bytes: int = 0
    seconds: float = 0.0
    consolidate_seconds: float = 0.0
    engine: str = "local"
    workers: int = 1
    chunks: list[str] = field(default_factory=list, repr=False)
    first_problems: list[str] = field(default_factory=list)  # "file: reason" of the first rows of failures.csv

    @property
    def done(self) -> int:
        return self.done_before + self.processed

    def line(self) -> str:
        """One-line summary for the CLI."""
        rate = self.processed / self.seconds if self.seconds > 0 else 0.0
        entries = "entry" if self.skipped == 1 else "entries"
        return (f"{self.done} of {self.total} documents in {self.output}: {self.failed} failed, "
                f"{self.warnings} with warnings, {self.skipped} other {entries} skipped; this run processed "
                f"{self.processed} ({self.done_before} already done) in {self.seconds:.1f}s, {rate:.0f} docs/s")

    def problems_line(self) -> str:
        """The terminal's word on what did not become a document: counts, the first reasons, where the rest are."""
        counts = [f"{self.failed} document(s) failed"] if self.failed else []
        counts += [f"{self.skipped} entr{'y was' if self.skipped == 1 else 'ies were'} skipped"] if self.skipped else []
        first = f" (first: {'; '.join(self.first_problems)})" if self.first_problems else ""
        return f"{' and '.join(counts)}{first}: see {self.output}/failures.csv"


# ---------------------------------------------------------------------------------------------------- listing

def table_columns() -> dict[str, list[str]]:
    """Each table's columns, read now (other modules may add columns)."""
    from gongfu.clean.edits import EDIT_COLUMNS
    from gongfu.extract.table import CLAIM_COLUMNS

    return {"documents": list(DOCUMENT_COLUMNS), "edits": list(EDIT_COLUMNS),
            "claims": list(CLAIM_COLUMNS), "failures": list(FAILURE_COLUMNS)}
