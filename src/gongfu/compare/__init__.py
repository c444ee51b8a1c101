"""Notebook 03: like with like across reports: selections, theme emphasis, cross-source checks, charts, text.
"""

from __future__ import annotations

from importlib import import_module

# public name -> the module of this package that defines it (imported on first use, so importing the
# package stays cheap: an archive worker loads only what it calls)
_PUBLIC = {
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
}
__all__ = sorted(_PUBLIC)


def __getattr__(name: str) -> object:
    if name in _PUBLIC:
        return getattr(import_module(f"{__name__}.{_PUBLIC[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
