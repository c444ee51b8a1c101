"""Running the stages: one document (`process_document`), a stage over a folder (`clean_stage`...), the
notebooks as a batch (`run_pipeline`), and an archive on local processes or Dask (`archive.process_corpus`).
"""

from __future__ import annotations

from importlib import import_module

# public name -> the module of this package that defines it (imported on first use, so importing the
# package stays cheap: an archive worker loads only what it calls)
_PUBLIC = {
    "ProcessedDocument": "document",
    "process_document": "document",
    "clean_stage": "stages",
    "compare_stage": "stages",
    "extract_stage": "stages",
    "run_pipeline": "notebooks",
}
__all__ = sorted(_PUBLIC)


def __getattr__(name: str) -> object:
    if name in _PUBLIC:
        return getattr(import_module(f"{__name__}.{_PUBLIC[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
