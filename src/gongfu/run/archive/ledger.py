"""The done-ledger: which chunks finished, under which code and settings."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import gongfu
from gongfu.errors import GongfuError
from gongfu.run.archive.chunks import write_text
from gongfu.run.archive.listing import SourceList
from gongfu.run.archive.settings import (
    CLEAN_SUBDIR,
    CSV_DIR,
    DONE_DIR,
    LAYOUT,
    PARTS_DIR,
    TABLES,
    Settings,
    Source,
    table_columns,
)

# ----------------------------------------------------------------------------------------------- the ledger

def code_fingerprint() -> str:
    """A hash of the package's code and data (this archive engine and the CLI excepted): results from
    different cleaner or extractor versions must not be mixed in one output."""
    root = Path(gongfu.__file__).parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if rel.parts[:2] == ("run", "archive") or rel.name in {"cli.py", "__main__.py"}:
            continue
        if path.suffix in {".py", ".csv", ".yaml"}:
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def run_config(settings: Settings) -> dict[str, Any]:
    return {"columns": table_columns(), "conversion": settings.conversion,
            "steps": list(settings.steps) if settings.steps else None, "code": code_fingerprint(),
            "layout": LAYOUT, "parquet": settings.parquet}


def prepare_output(out: Path, settings: Settings) -> Settings:
    """Create OUT's work area, or check that the one there was made by the same code and settings. Returns
    the settings to run with: a work area that keeps Parquet parts goes on keeping them (so a CSV run can
    finish what a Parquet run started), and one without refuses a Parquet output."""
    parts = out / PARTS_DIR
    config_path = parts / "run.json"
    config = run_config(settings)
    if config_path.is_file():
        old = json.loads(config_path.read_text(encoding="utf-8"))
        if old.get("parquet") and not settings.parquet:
            settings = replace(settings, parquet=True)
            config["parquet"] = True
        elif settings.parquet and old.get("parquet") is False:
            raise GongfuError(f"{out}: started with --format csv, so it has no Parquet parts to make "
                              f"--format parquet from. Finish it with --format csv, or delete {out} or choose a "
                              f"new --output for Parquet.")
        changed = [k for k in config if old.get(k) != config[k]]
        if changed:
            what = {"code": "cleaner/extractor code", "columns": "table columns",
                    "layout": "version of gongfu process (work-area layout)"}
            differs = ", ".join(what.get(k, f"--{k}") for k in changed)
            raise GongfuError(f"{out}: started with other {differs}; resuming would mix results of both. "
                              f"Delete {out} or choose a new --output.")
    elif out.is_dir() and any(out.iterdir()):
        raise GongfuError(f"{out}: folder is not empty and was not written by `gongfu process`. Choose a new "
                          f"or empty --output (it would overwrite documents.csv, claims.csv, ...).")
    for sub in (*TABLES, *(f"{CSV_DIR}/{t}" for t in TABLES), DONE_DIR):
        (parts / sub).mkdir(parents=True, exist_ok=True)
    (out / CLEAN_SUBDIR).mkdir(parents=True, exist_ok=True)
    if not config_path.is_file():
        write_text(config_path, json.dumps(config, indent=1, ensure_ascii=False))
    return settings


def read_ledger(out: Path) -> list[dict[str, Any]]:
    """The done markers of committed chunks; part files and temporaries of uncommitted chunks are removed."""
    parts = out / PARTS_DIR
    markers = []
    for path in sorted((parts / DONE_DIR).glob("*.json")):
        markers.append(json.loads(path.read_text(encoding="utf-8")))
    committed = {m["key"] for m in markers}
    for table in TABLES:
        for path in (*(parts / table).iterdir(), *(parts / CSV_DIR / table).iterdir()):
            if path.name.startswith(".") or path.stem not in committed:
                path.unlink()
    for path in (*(parts / DONE_DIR).glob(".*.tmp"), *(out / CLEAN_SUBDIR).glob(".*.tmp")):
        path.unlink()
    return markers


def check_ledger(markers: list[dict[str, Any]], sources: Sequence[Source], out: Path) -> set[str]:
    """The finished doc_ids; refuses an output holding documents that are not in the input."""
    done = {d for m in markers for d in m["doc_ids"]}
    extra = done.difference(sources.doc_ids() if isinstance(sources, SourceList) else (s[0] for s in sources))
    if extra:
        raise GongfuError(f"{out}: holds results for {len(extra)} document(s) not in this input (e.g. "
                          f"{min(extra)}). Use the same --input as before, or a new --output.")
    return done
