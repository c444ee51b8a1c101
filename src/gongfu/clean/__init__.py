"""Notebook 01: raw text to faithful Simplified Chinese, one pure step per module, every edit recorded.

Steps, in order: mojibake, shift, pinyin, script, boilerplate, layout, punctuation (`chain` runs them);
`clean_document` turns one raw file's bytes into its documents.csv row, edits, text and conversion audit.
"""

from __future__ import annotations

from gongfu.exports import lazy_exports

# public name -> the module of this package that defines it, imported on first use (gongfu.exports)
__getattr__, __all__ = lazy_exports(__name__, {
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
})
