"""Cleaning raw text into faithful Simplified Chinese, one pure step at a time, recording every edit.

FIRST VERSION: only normalises blank lines. Issue 4 replaces this with the real steps.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from gongfu.edits import Edit


@dataclass
class CleanResult:
    """A cleaned document: body text (one paragraph per line), its edits and what was learnt."""

    text: str
    edits: list[Edit] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    source_script: str = "simplified"
    conversion: str = "none"
    status: str = "ok"
    reason: str = ""


def clean_text(text: str, *, conversion: str = "auto", steps: Sequence[str] | None = None) -> CleanResult:
    """Clean one decoded raw text."""
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    return CleanResult(text="\n".join(paragraphs) + "\n" if paragraphs else "")
