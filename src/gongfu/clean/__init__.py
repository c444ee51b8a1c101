"""Notebook 01: raw text to faithful Simplified Chinese, one pure step per module, every edit recorded.

Steps, in order: mojibake, shift, pinyin, script, boilerplate, layout, punctuation (`chain` runs them);
`clean_document` turns one raw file's bytes into its documents.csv row, edits, text and conversion audit.
"""

from __future__ import annotations

from importlib import import_module

# public name -> the module of this package that defines it (imported on first use, so importing the
# package stays cheap: an archive worker loads only what it calls)
_PUBLIC = {
    "STEPS": "chain",
    "CleanResult": "chain",
    "check_steps": "chain",
    "clean_text": "chain",
    "DOCUMENT_COLUMNS": "document",
    "FIX_COLUMNS": "document",
    "CleanedDocument": "document",
    "clean_document": "document",
    "EDIT_COLUMNS": "edits",
    "Change": "edits",
    "Edit": "edits",
    "Tracker": "edits",
    "apply_changes": "edits",
}
__all__ = sorted(_PUBLIC)


def __getattr__(name: str) -> object:
    if name in _PUBLIC:
        return getattr(import_module(f"{__name__}.{_PUBLIC[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
