"""Sharing the results: notebook pages (`report`), the reader's site in two languages (`site`: front page with
the findings, `explorer`, `document_view`), the data for other tools (`export`), screenshots (`browser`).
"""

from __future__ import annotations

from importlib import import_module

# public name -> the module of this package that defines it (imported on first use, so importing the
# package stays cheap: an archive worker loads only what it calls)
_PUBLIC = {
    "export_html": "report",
    "render_reports": "report",
    "build_site": "site",
    "write_exports": "export",
    "screenshot_reports": "browser",
}
__all__ = sorted(_PUBLIC)


def __getattr__(name: str) -> object:
    if name in _PUBLIC:
        return getattr(import_module(f"{__name__}.{_PUBLIC[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
