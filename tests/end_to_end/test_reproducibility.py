"""The reproducibility claim, checked: a fresh run rebuilds the committed data/processed/ byte for byte,
and its reports are complete, shareable pages."""

from __future__ import annotations

import base64
import re
from pathlib import Path

import pytest

from gongfu import paths

pytestmark = pytest.mark.pipeline


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_fresh_run_reproduces_committed_processed_data(pipeline_run) -> None:
    committed, fresh = _files(paths.PROCESSED_DIR), _files(pipeline_run.processed_dir)

    assert sorted(fresh) == sorted(committed), "a fresh run writes a different set of files"
    differing = [name for name in committed if committed[name] != fresh[name]]
    assert not differing, f"differ from the committed files: {differing} (run `make run` and commit)"


def test_raw_data_is_untouched_by_a_run(pipeline_run) -> None:
    from gongfu.sources import verify_manifest

    assert len(verify_manifest(paths.RAW_DIR)) == 5


def test_every_notebook_has_a_reader_page_without_code(pipeline_run) -> None:
    reports = pipeline_run.reports_dir
    for name in pipeline_run.notebooks:
        page = (reports / f"{name}.html").read_text(encoding="utf-8")
        assert re.search(r'<meta charset="utf-8"\s*/?>', page, re.I), f"{name}.html does not declare UTF-8"
        assert '<html lang="zh-CN">' in page
        assert "from gongfu" not in page, f"{name}.html shows code"
        assert re.search(r"[\u4e00-\u9fff]{4}", page), f"{name}.html has no Chinese text"
        assert "Traceback" not in page and "TqdmWarning" not in page, f"{name}.html shows a Python error or warning"
        assert "ipykernel_" not in page, f"{name}.html shows interpreter paths (format warnings as plain lines)"
        assert (reports / f"{name}.ipynb").is_file()


def test_figures_are_embedded_in_the_pages_and_saved(pipeline_run) -> None:
    reports = pipeline_run.reports_dir
    page = (reports / "03_compare.html").read_text(encoding="utf-8")
    images = re.findall(r'src="data:image/png;base64,([^"]+)"', page)

    assert images, "03_compare.html embeds no figure"
    assert all(base64.b64decode(img)[:8] == b"\x89PNG\r\n\x1a\n" for img in images)
    assert {p.suffix for p in (reports / "figures").iterdir()} >= {".png", ".svg"}


def test_index_lists_each_page_with_commit_and_parameters(pipeline_run) -> None:
    index = (pipeline_run.reports_dir / "index.html").read_text(encoding="utf-8")

    for name in pipeline_run.notebooks:
        assert f'href="{name}.html"' in index
    assert re.search(r"<code>[0-9a-f]{7,}(\+dirty)?</code>", index), "no git commit on the index"
    assert "<code>lang</code>" in index and "<code>conversion</code>" in index
    assert ".gongfu" not in index, "parameters should name where outputs end up, not the staging area"


def test_every_number_in_the_readme_findings_is_a_claim_or_a_measured_score() -> None:
    """The README's findings are typed by hand, so they are checked against the committed tables."""
    from gongfu.extract.evaluate import CLAIMS_GOLD, evaluate_processed, load_gold
    from gongfu.tables import read_csv

    readme = (paths.ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- findings:start -->")[1].split("<!-- findings:end -->")[0]
    prose = re.sub(r"`[^`]*`", "", block)  # file names in code spans are not figures
    claims = read_csv(paths.PROCESSED_DIR / "claims.csv")
    said = " ".join(str(v) for v in claims[["mention", "period", "year"]].to_numpy().ravel())
    scores = evaluate_processed(paths.PROCESSED_DIR).overall
    measured = {str(len(load_gold(CLAIMS_GOLD))), f"{scores['precision']:.2f}", f"{scores['recall']:.2f}"}

    numbers = re.findall(r"\d+(?:[.:]\d+)?", prose)
    assert numbers, "the findings state no figures"
    unclaimed = [n for n in numbers if n not in said and n not in measured]
    assert not unclaimed, f"README findings state figures that are not in claims.csv: {unclaimed}"
