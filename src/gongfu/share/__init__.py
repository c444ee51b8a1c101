"""Sharing the results: reader pages and the index (`report`), screenshots in headless Chromium (`browser`).
"""

from __future__ import annotations

from gongfu.exports import lazy_exports

# public name -> the module of this package that defines it, imported on first use (gongfu.exports)
__getattr__, __all__ = lazy_exports(__name__, {
    "export_html": "report",
    "render_reports": "report",
    "write_index": "report",
    "screenshot_reports": "browser",
})
