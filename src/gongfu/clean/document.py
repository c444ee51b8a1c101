"""One raw document to its documents.csv row, edits, cleaned text and conversion audit."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from gongfu.clean import STEPS, CleanResult, clean_text
from gongfu.errors import GongfuError
from gongfu.extract.places import PLACE_COLUMNS, infer_place
from gongfu.sources import decode_bytes

FIX_COLUMNS = [f"fixes_{step}" for step in STEPS]
DOCUMENT_COLUMNS = [
    "doc_id", "title", "kicker", "subtitle", "doc_number", "banner", "url", "publisher", "source", "published",
    "author",
    "province", "city", "district", "street",
    "encoding", "source_script", "conversion", "conversion_evidence", "overconversion_t2s", "overconversion_tw2sp",
    "raw_chars", "clean_chars", "paragraphs", "edits", *FIX_COLUMNS, "flagged", "lost", "status", "reason",
    "sample_raw", "sample_clean",
]
COUNT_COLUMNS = ["overconversion_t2s", "overconversion_tw2sp", "raw_chars", "clean_chars", "paragraphs", "edits",
                 *FIX_COLUMNS, "flagged", "lost"]
MANIFEST_FIELDS = ("publisher", "published", "province", "city", "district", "street")


@dataclass
class CleanedDocument:
    """The outputs of cleaning one document: its documents.csv row, edits.csv rows, text, conversions.csv rows."""

    document: dict[str, Any]
    edits: list[dict[str, Any]] = field(default_factory=list)
    text: str = ""
    conversions: list[dict[str, Any]] = field(default_factory=list)


def clean_document(raw: bytes, doc_id: str, manifest: dict[str, str] | None = None, *,
                   conversion: str = "auto", steps: Sequence[str] | None = None,
                   name: str | None = None) -> CleanedDocument:
    """Decode and clean one raw file's bytes. Unreadable input gives a `failed` row, not an exception."""
    manifest = manifest or {}
    row: dict[str, Any] = dict.fromkeys(DOCUMENT_COLUMNS, "")
    row.update(dict.fromkeys(COUNT_COLUMNS, 0))
    row.update(doc_id=doc_id, **{k: manifest.get(k, "") for k in MANIFEST_FIELDS})
    try:
        decoded = decode_bytes(raw, name or doc_id)
    except GongfuError as err:
        row.update(status="failed", reason=str(err))
        return CleanedDocument(row)
    result = clean_text(decoded.text, conversion=conversion, steps=steps)
    edits = [e.row(doc_id, i) for i, e in enumerate(result.edits, start=1)]
    inferred = {} if any(row[k] for k in PLACE_COLUMNS) else infer_place(result.text, _headings(result.meta))
    for key, value in {**result.meta, **inferred}.items():  # what the text itself says fills manifest blanks
        if key in row and value and not row[key]:
            row[key] = value
    row.update(
        encoding=decoded.encoding, source_script=result.source_script, conversion=result.conversion,
        conversion_evidence=result.conversion_evidence, **overconversion(result),
        raw_chars=len(decoded.text), clean_chars=len(result.text),
        paragraphs=len(result.text.splitlines()), edits=len(edits),
        **{f"fixes_{step}": n for step, n in result.fixes().items()},
        flagged=sum(1 for e in result.edits if e.before == e.after),
        lost=sum(1 for e in result.edits if e.lost), status=result.status, reason=result.reason,
        sample_raw=result.sample[0], sample_clean=result.sample[1],
    )
    return CleanedDocument(row, edits, result.text, [{"doc_id": doc_id, **r} for r in result.audit])


def overconversion(result: CleanResult) -> dict[str, int]:
    """Occurrences each reviewed config would damage in this document (from the conversion audit)."""
    counts = {"overconversion_t2s": 0, "overconversion_tw2sp": 0}
    for row in result.audit:
        if row["verdict"] == "damage" and f"overconversion_{row['config']}" in counts:
            counts[f"overconversion_{row['config']}"] += row["count"]
    return counts


def _headings(meta: dict[str, str]) -> str:
    """Title, kicker and subtitle together: the lines above the article that name its place (a notice's
    issuing office, 萧山区农业农村局关于…, is often the kicker, not the title)."""
    return " ".join(meta[k] for k in ("title", "kicker", "subtitle") if meta.get(k))
