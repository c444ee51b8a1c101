"""Sharing: `make html` re-renders reader pages and the index from executed notebooks; the manifest CLI."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from gongfu import paths
from gongfu.cli import main
from gongfu.errors import GongfuError
from gongfu.share.report import export_html, render_reports


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


def test_a_reader_page_needs_no_network_and_keeps_the_chart_alt_text(tmp_path: Path) -> None:
    import base64

    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

    png = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\0" * 16).decode()
    image = new_output("display_data", data={"image/png": png},
                       metadata={"image/png": {"alt": "临江街道两篇报道说法不一"}})
    nb = new_notebook(cells=[new_markdown_cell("# 3. 比较 Comparing"), new_code_cell("x", outputs=[image])])
    nbformat.write(nb, str(tmp_path / "03_x.ipynb"))

    page = export_html(tmp_path / "03_x.ipynb", tmp_path / "03_x.html").read_text(encoding="utf-8")

    assert not re.findall(r'src="https?://', page) and "import(\"http" not in page
    assert 'alt="临江街道两篇报道说法不一"' in page
    assert "<title>3. 比较 Comparing</title>" in page and '<html lang="zh-CN">' in page
