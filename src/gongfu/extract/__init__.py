"""Notebook 02: cleaned text to claims, each number with its unit, qualifier, indicator, entity and period.

`find_quantities` reads the numbers, `extract_claims` gives them their context, `claims_frame` makes the
validated table, `evaluate` scores a table against a gold set.
"""

from __future__ import annotations

from gongfu.exports import lazy_exports

# public name -> the module of this package that defines it, imported on first use (gongfu.exports)
__getattr__, __all__ = lazy_exports(__name__, {
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
})
