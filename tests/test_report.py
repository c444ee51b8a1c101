"""Sharing: `make html` re-renders reader pages and the index from executed notebooks; the manifest CLI."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from gongfu import paths
from gongfu.cli import main
from gongfu.errors import GongfuError
from gongfu.report import render_reports


@pytest.mark.pipeline
def test_html_rerenders_every_page_and_the_index(pipeline_run, tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    for nb in pipeline_run.reports_dir.glob("*.ipynb"):
        shutil.copy2(nb, reports / nb.name)

    written = render_reports(reports)

    assert [p.name for p in written] == ["01_clean.html", "02_extract.html", "03_compare.html", "index.html"]
    assert all(p.stat().st_size > 1000 for p in written)


def test_html_without_a_run_says_to_run_first(tmp_path: Path) -> None:
    with pytest.raises(GongfuError, match=r"no executed notebooks\. Run `make run` first"):
        render_reports(tmp_path)


def test_manifest_verify_reports_the_files(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["manifest", "verify"]) == 0
    assert "5 raw files match data/raw/MANIFEST.csv" in capsys.readouterr().out


def test_manifest_add_with_nothing_new_changes_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    before = (paths.RAW_DIR / "MANIFEST.csv").read_bytes()

    assert main(["manifest", "add"]) == 0

    assert "nothing to add" in capsys.readouterr().out
    assert (paths.RAW_DIR / "MANIFEST.csv").read_bytes() == before
