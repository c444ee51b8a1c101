"""One document, start to finish, as a pure function any engine can map over a collection.

The batch engines call `process_document`: `clean_document` then `extract_document`. Nothing here reads
or writes files.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from gongfu.clean.document import CleanedDocument, clean_document
from gongfu.extract.claims import extract_claims


@dataclass
class ProcessedDocument(CleanedDocument):
    """A cleaned document plus its claims.csv rows."""

    claims: list[dict[str, Any]] = field(default_factory=list)


def extract_document(text: str, document: dict[str, Any]) -> list[dict[str, Any]]:
    """The claims in one cleaned text; a failed document has none."""
    if document.get("status") == "failed" or not text:
        return []
    return extract_claims(text, document)


def process_document(raw: bytes, doc_id: str, manifest: dict[str, str] | None = None, *,
                     conversion: str = "auto", steps: Sequence[str] | None = None) -> ProcessedDocument:
    """Decode, clean and extract one document: the unit of work every engine maps."""
    cleaned = clean_document(raw, doc_id, manifest, conversion=conversion, steps=steps)
    claims = extract_document(cleaned.text, cleaned.document)
    return ProcessedDocument(cleaned.document, cleaned.edits, cleaned.text, cleaned.conversions, claims)
