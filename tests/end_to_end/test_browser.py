"""The reader pages in a real browser (headless system Chromium), at desktop and phone width: they load
cleanly, every figure is an image that loaded, no text overflows its box, the chart titles are on the page, the
explorer filters to a place and a claim followed from it is highlighted in its document view, in both languages;
a screenshot of each page is kept for a person to look at.

Without Chromium these tests are skipped with the line saying how to install it; with CI=true a missing
browser fails them instead (CI must never pass by skipping the check).
"""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib.pyplot as plt
import pytest

from gongfu.compare.charts import Chart, comparison_charts
from gongfu.run.stages import compare_stage
from gongfu.share import browser

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def require_browser() -> None:
    """Skip (locally) or fail (CI=true) when pages cannot be opened here."""
    reason = browser.missing_reason()
    if reason is None:
        return
    if os.environ.get("CI", "").strip().lower() == "true":
        pytest.fail(f"CI=true and the browser test cannot run: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def shots_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("screenshots")


@pytest.fixture(scope="module")
def visits(pipeline_run, shots_dir: Path) -> dict[str, browser.PageVisit]:
    """Each page of the session's pipeline run at desktop width: page path below reports/ -> what it showed."""
    require_browser()
    pages = browser.report_pages(pipeline_run.reports_dir)
    found = browser.visit_pages(pages, shots_dir, reports_dir=pipeline_run.reports_dir)
    return {str(v.page.relative_to(pipeline_run.reports_dir)): v for v in found}


@pytest.fixture(scope="module")
def phone_visits(pipeline_run, shots_dir: Path) -> dict[str, browser.PageVisit]:
    """The same pages at a phone's width (390 CSS pixels)."""
    require_browser()
    pages = browser.report_pages(pipeline_run.reports_dir)
    found = browser.visit_pages(pages, shots_dir, width="phone", reports_dir=pipeline_run.reports_dir)
    return {str(v.page.relative_to(pipeline_run.reports_dir)): v for v in found}


def shown_charts(run) -> list[Chart]:
    """The charts 03_compare drew in this run, rebuilt from its tables and parameters (the same source)."""
    params = run.parameters["03_compare"]
    tables = compare_stage(run.processed_dir, documents=params["documents"], places=params["places"],
                           theme_lexicon=params["theme_lexicon"], tolerance=params["tolerance"], write=False)
    made = comparison_charts(tables, lang=params["lang"], size=(params["fig_width"], params["fig_height"]))
    for chart in made:
        if chart.fig is not None:
            plt.close(chart.fig)
    return made


# --- the session's pages

@pytest.mark.browser
@pytest.mark.pipeline
def test_every_page_of_both_editions_is_visited(visits: dict[str, browser.PageVisit], pipeline_run) -> None:
    docs = sorted(p.name for p in (pipeline_run.processed_dir / "clean").glob("*.txt"))
    expected = (["index.html", "explorer.html", "01_clean.html", "02_extract.html", "03_compare.html"]
                + [f"documents/{d.replace('.txt', '.html')}" for d in docs]
                + ["en/index.html", "en/explorer.html", "en/03_compare.html"]
                + [f"en/documents/{d.replace('.txt', '.html')}" for d in docs])

    assert list(visits) == expected


@pytest.mark.browser
@pytest.mark.pipeline
def test_every_page_loads_without_console_errors(visits: dict[str, browser.PageVisit],
                                                phone_visits: dict[str, browser.PageVisit]) -> None:
    errors = {f"{name} {v.width}": v.console_errors for found in (visits, phone_visits)
              for name, v in found.items() if v.console_errors}

    assert not errors


@pytest.mark.browser
@pytest.mark.pipeline
def test_no_text_overflows_its_box_at_desktop_or_phone_width(visits: dict[str, browser.PageVisit],
                                                             phone_visits: dict[str, browser.PageVisit]) -> None:
    overflow = {f"{name} {v.width}": v.overflow for found in (visits, phone_visits)
                for name, v in found.items() if v.overflow}

    assert not overflow


@pytest.mark.browser
@pytest.mark.pipeline
def test_every_image_loads_at_phone_width_and_charts_keep_a_readable_size(
        phone_visits: dict[str, browser.PageVisit]) -> None:
    assert {name: v.broken_images() for name, v in phone_visits.items() if v.broken_images()} == {}


@pytest.mark.browser
@pytest.mark.pipeline
@pytest.mark.parametrize(("explorer", "place", "width"), [
    ("explorer.html", "南湖区", "desktop"),
    ("en/explorer.html", "Nanhu District", "phone"),
])
def test_a_reader_filters_to_a_place_and_sees_a_claim_highlighted_in_its_text(pipeline_run, explorer: str,
                                                                            place: str, width: str) -> None:
    require_browser()
    from gongfu.tables import read_csv

    claims = read_csv(pipeline_run.processed_dir / "claims.csv")
    nanhu = claims[claims["doc_id"].str.startswith("002_")]

    seen = browser.follow_a_claim(pipeline_run.reports_dir / explorer, "南湖区", width=width)

    assert seen.console_errors == []
    assert seen.shown == len(nanhu) and set(seen.places) == {place}
    assert str(len(nanhu)) in seen.count
    first = nanhu.iloc[0]
    assert seen.url.endswith(f"documents/{first['doc_id']}.html#c-{first['claim_id']}")
    assert seen.chosen_id == f"c-{first['claim_id']}" and seen.chosen_is_target
    assert seen.chosen_text == first["mention"]
    assert first["claim_id"] in seen.note


@pytest.mark.browser
@pytest.mark.pipeline
def test_every_figure_is_an_image_that_loaded(visits: dict[str, browser.PageVisit], pipeline_run) -> None:
    drawn = [c for c in shown_charts(pipeline_run) if c.fig is not None]

    compare_page = visits["03_compare.html"]

    assert len(compare_page.images) == len(drawn)
    assert len(visits["index.html"].images) == len(drawn) == len(visits["en/index.html"].images)  # thumbnails
    assert {name: v.broken_images() for name, v in visits.items() if v.broken_images()} == {}
    assert all(img["width"] > 0 and img["height"] > 0 for img in compare_page.images)


@pytest.mark.browser
@pytest.mark.pipeline
def test_the_compare_page_shows_every_chinese_chart_title(visits: dict[str, browser.PageVisit], pipeline_run) -> None:
    titles = [c.title for c in shown_charts(pipeline_run)]
    text = visits["03_compare.html"].text

    assert len(titles) == 5 and all(any("\u4e00" <= ch <= "\u9fff" for ch in t) for t in titles)
    assert [t for t in titles if t not in text] == []


@pytest.mark.browser
@pytest.mark.pipeline
def test_one_screenshot_per_page(visits: dict[str, browser.PageVisit], shots_dir: Path) -> None:
    shots = sorted(p.name for p in shots_dir.glob("*.png") if ".phone." not in p.name)

    assert shots == sorted(name.replace("/", "_").replace(".html", ".png") for name in visits)
    assert all((shots_dir / p).read_bytes().startswith(PNG_SIGNATURE) and (shots_dir / p).stat().st_size > 10_000
               for p in shots)


@pytest.mark.browser
@pytest.mark.pipeline
def test_the_run_itself_kept_a_screenshot_per_page(pipeline_run) -> None:
    require_browser()
    shots = pipeline_run.reports_dir / browser.SCREENSHOTS_SUBDIR
    pages = browser.report_pages(pipeline_run.reports_dir)

    assert sorted(p.name for p in shots.glob("*.png") if ".phone." not in p.name) == sorted(
        browser.shot_name(p, pipeline_run.reports_dir) for p in pages)
    assert {"index.phone.png", "explorer.phone.png", "en_index.phone.png"} <= {p.name for p in shots.glob("*.png")}


# --- the check itself can fail

@pytest.mark.browser
def test_the_check_reports_a_broken_image_a_console_error_and_a_network_request(tmp_path: Path) -> None:
    require_browser()
    page = tmp_path / "bad.html"
    page.write_text('<!DOCTYPE html><html><head><meta charset="utf-8"><script src="https://example.com/x.js">'
                    '</script></head><body><p>临江街道</p><img src="missing.png">'
                    '<script>console.error("boom")</script></body></html>', encoding="utf-8")

    (visit,) = browser.visit_pages([page])
    problems = "\n".join(visit.problems())

    assert "image not loaded" in problems
    assert "boom" in problems
    assert "example.com" in problems
    assert "临江街道" in visit.text


# --- without a browser

def test_a_missing_browser_is_a_skip_with_the_install_line_locally(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(browser, "find_chromium", lambda: None)
    monkeypatch.delenv("CI", raising=False)

    with pytest.raises(pytest.skip.Exception, match="apt-get install chromium fonts-noto-cjk"):
        require_browser()


def test_a_missing_browser_is_a_failure_on_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(browser, "find_chromium", lambda: None)
    monkeypatch.setenv("CI", "true")

    with pytest.raises(pytest.fail.Exception, match="apt-get install chromium"):
        require_browser()


def test_a_run_without_a_browser_says_so_and_carries_on(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(browser, "find_chromium", lambda: None)

    line = browser.screenshot_reports(tmp_path)

    assert line.startswith("screenshots skipped: Chromium not found") and "apt-get install" in line
    assert not (tmp_path / browser.SCREENSHOTS_SUBDIR).exists()
