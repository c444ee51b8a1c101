"""Sharing the results: notebook pages (`report`), the reader's site in two languages (`site`: front page with
the findings, `explorer`, `document_view`), the data for other tools (`export`), screenshots (`browser`).
"""

from __future__ import annotations

from gongfu.exports import lazy_exports

# public name -> the module of this package that defines it, imported on first use (gongfu.exports)
__getattr__, __all__ = lazy_exports(__name__, {
    "export_html": "report",
    "render_reports": "report",
    "build_site": "site",
    "write_exports": "export",
    "screenshot_reports": "browser",
})
