"""Shared fixtures: the real raw texts and a scratch copy of the raw folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from gongfu import paths


@pytest.fixture
def raw_copy(tmp_path: Path) -> Path:
    """A writable copy of data/raw (texts and manifest) to damage in tests."""
    dest = tmp_path / "raw"
    shutil.copytree(paths.RAW_DIR, dest)
    for p in dest.iterdir():
        p.chmod(0o644)
    return dest
