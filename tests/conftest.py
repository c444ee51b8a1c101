"""Shared fixtures: the real raw texts and a scratch copy of the raw folder; the property tests' settings."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import settings

from gongfu import paths

# Property tests check what holds, not how fast: no per-example deadline (a first call on a loaded machine can
# take seconds while caches fill). Speed figures live in benchmarks/.
settings.register_profile("gongfu", deadline=None)
settings.load_profile("gongfu")


@pytest.fixture
def raw_copy(tmp_path: Path) -> Path:
    """A writable copy of data/raw (texts and manifest) to damage in tests."""
    dest = tmp_path / "raw"
    shutil.copytree(paths.RAW_DIR, dest)
    for p in dest.iterdir():
        p.chmod(0o644)
    return dest


@pytest.fixture(scope="session")
def pipeline_run(tmp_path_factory: pytest.TempPathFactory):
    """Run the whole pipeline once per test session into a temporary folder.

    Returns the runner's RunResult (processed_dir and reports_dir point into the temporary folder),
    so tests can compare it with the committed data/processed/ and open its pages in a browser.
    """
    from gongfu.run.notebooks import run_pipeline

    out = tmp_path_factory.mktemp("pipeline")
    return run_pipeline(processed_dir=out / "processed", reports_dir=out / "reports", progress=False)
