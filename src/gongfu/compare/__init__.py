"""Notebook 03: like with like across reports: selections, theme emphasis, cross-source checks, charts, text.
"""

from __future__ import annotations

from gongfu.exports import lazy_exports

# public name -> the module of this package that defines it, imported on first use (gongfu.exports)
__getattr__, __all__ = lazy_exports(__name__, {
    "Tables": "load",
    "load_tables": "load",
    "document_labels": "select",
    "document_place": "select",
    "enrich_claims": "select",
    "growth_claims": "select",
    "money_claims": "select",
    "select_documents": "select",
    "theme_counts": "emphasis",
    "theme_shares": "emphasis",
    "Tolerance": "consistency",
    "consistency_groups": "consistency",
    "consistency_table": "consistency",
    "cross_check_view": "consistency",
    "values_agree": "consistency",
    "archive_charts": "charts",
    "comparison_charts": "charts",
    "present": "charts",
    "Chart": "figure",
    "save_figure": "figure",
})
