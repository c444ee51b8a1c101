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
def test_html_rerenders_every_page_and_the_site_in_both_languages(pipeline_run, tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    for nb in pipeline_run.reports_dir.rglob("*.ipynb"):
        dest = reports / nb.relative_to(pipeline_run.reports_dir)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(nb, dest)

    written = {str(p.relative_to(reports)) for p in render_reports(reports, pipeline_run.processed_dir)}

    assert {"01_clean.html", "02_extract.html", "03_compare.html", "en/03_compare.html", "index.html",
            "explorer.html", "en/index.html", "en/explorer.html"} <= written
    assert len([p for p in written if "documents/" in p]) == 2 * 5
    assert all((reports / p).stat().st_size > 1000 for p in written)


@pytest.mark.pipeline
def test_every_page_has_the_header_the_caveats_and_a_way_to_the_other_language(pipeline_run) -> None:
    from gongfu.share.browser import report_pages

    for page in report_pages(pipeline_run.reports_dir):
        text = page.read_text(encoding="utf-8")
        assert '<header class="site">' in text and 'class="caveats"' in text, page
        assert 'class="lang"' in text, page
    index = (pipeline_run.reports_dir / "index.html").read_text(encoding="utf-8")
    assert 'class="toc"' in index and 'class="findings"' in index and "<details>" in index
    assert '<html lang="en">' in (pipeline_run.reports_dir / "en" / "index.html").read_text(encoding="utf-8")


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
