"""The Edit record: one change a cleaning step made, with where, what and whether information was lost."""

from __future__ import annotations

from dataclasses import asdict, dataclass

EDIT_COLUMNS = ["doc_id", "edit_id", "step", "raw_start", "raw_end", "before", "after", "reason", "lost"]


@dataclass(frozen=True)
class Edit:
    """A change: `before` (at raw_start:raw_end in the decoded raw text) became `after`."""

    step: str
    raw_start: int
    raw_end: int
    before: str
    after: str
    reason: str
    lost: bool = False

    def row(self, doc_id: str, edit_id: int) -> dict:
        return {"doc_id": doc_id, "edit_id": edit_id, **asdict(self)}
