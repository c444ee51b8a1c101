"""Running the stages: one document (`process_document`), a stage over a folder (`clean_stage`...), the
notebooks as a batch (`run_pipeline`), and an archive on local processes or Dask (`archive.process_corpus`).
"""

from __future__ import annotations

from gongfu.exports import lazy_exports

# public name -> the module of this package that defines it, imported on first use (gongfu.exports)
__getattr__, __all__ = lazy_exports(__name__, {
    "ProcessedDocument": "document",
    "process_document": "document",
    "clean_stage": "stages",
    "compare_stage": "stages",
    "extract_stage": "stages",
    "run_pipeline": "notebooks",
})
