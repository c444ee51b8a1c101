"""Notebook 02: cleaned text to claims, each number with its unit, qualifier, indicator, entity and period.

`find_quantities` reads the numbers, `extract_claims` gives them their context, `claims_frame` makes the
validated table, `evaluate` scores a table against a gold set.
"""

from __future__ import annotations

from importlib import import_module

# public name -> the module of this package that defines it (imported on first use, so importing the
# package stays cheap: an archive worker loads only what it calls)
_PUBLIC = {
    "Quantity": "numbers",
    "find_quantities": "numbers",
    "parse_chinese": "numerals",
    "extract_claims": "claims",
    "rejection": "claims",
    "PeriodKey": "periods",
    "period_key": "periods",
    "resolve_year": "periods",
    "same_period": "periods",
    "DocumentContext": "context",
    "CLAIM_COLUMNS": "table",
    "claims_dictionary": "table",
    "claims_frame": "table",
    "extraction_summary": "table",
    "summary_warning": "table",
    "validate_claims": "table",
    "Evaluation": "evaluate",
    "evaluate": "evaluate",
    "evaluate_processed": "evaluate",
    "load_gold": "evaluate",
}
__all__ = sorted(_PUBLIC)


def __getattr__(name: str) -> object:
    if name in _PUBLIC:
        return getattr(import_module(f"{__name__}.{_PUBLIC[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
