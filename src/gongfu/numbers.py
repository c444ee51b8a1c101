"""Finding every number and quantity in Chinese text.

FIRST VERSION: Arabic numerals only. Issue 5 replaces this with the full parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUMBER = re.compile(r"\d+(?:\.\d+)?")


@dataclass(frozen=True)
class Quantity:
    """A number found in text, with its span, value, range ends, base unit and qualifier."""

    text: str
    start: int
    end: int
    value: float
    low: float | None = None
    high: float | None = None
    unit: str = ""
    qualifier: str = "none"


def find_quantities(text: str) -> list[Quantity]:
    """Every number in `text`, in order."""
    return [Quantity(m.group(), m.start(), m.end(), float(m.group())) for m in _NUMBER.finditer(text)]
