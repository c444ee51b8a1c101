"""The reader's site, built from hand-written processed tables: findings quote only claims and link to them,
the explorer holds every claim with its number marked in its sentence, the document view highlights each claim
where it stands, and both editions exist side by side."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "compare"))
from test_charts import sample_claims, write_processed

from gongfu.compare import narrative
from gongfu.compare.load import load_tables
from gongfu.errors import GongfuError
from gongfu.share import document_view, explorer, findings, site
from gongfu.share.layout import Edition, claim_anchor

NUMBER = re.compile(r"[0-9]+(?:[.:][0-9]+)*")
TAG = re.compile(r"<[^>]+>")

# one real sentence per document, written for these tests, with each claim's offsets computed from the text
TEXTS = {
    "000_b634d781fc564449": "临江街道已拥有规上工业企业104家。\n图：临江大棚西瓜。",
    "001_8caa6e4255689ee4": "临江街道现如今拥有规上工业企业106家，临江高科园规上工业总产值489.12亿元。",
    "002_f635a0d975b8c0ba": "去年南湖区农村居民人均可支配收入为38856元。"
                            "上半年，南湖区地区生产总值345.25亿元，同比增长13.9%。",
}
CLAIMS = [  # doc, mention, value, unit, indicator, entity, period, year, is_growth
    ("000_b634d781fc564449", "104家", 104, "家", "规上工业企业", "临江街道", "", "", False),
    ("001_8caa6e4255689ee4", "106家", 106, "家", "规上工业企业", "临江街道", "现如今", "", False),
    ("001_8caa6e4255689ee4", "489.12亿元", 4.8912e10, "元", "规上工业总产值", "临江高科园", "", "", False),
    ("002_f635a0d975b8c0ba", "38856元", 38856, "元", "农村居民人均可支配收入", "南湖区", "去年", "2020", False),
    ("002_f635a0d975b8c0ba", "345.25亿元", 3.4525e10, "元", "地区生产总值", "南湖区", "上半年", "2021", False),
    ("002_f635a0d975b8c0ba", "13.9%", 13.9, "%", "地区生产总值", "南湖区", "上半年", "2021", True),
]


def claims_table() -> pd.DataFrame:
    rows = []
    for i, (doc, mention, value, unit, indicator, entity, period, year, growth) in enumerate(CLAIMS):
        text = TEXTS[doc]
        at = text.index(mention)
        sentence = next(s + "。" for s in text.replace("\n", "").split("。") if mention in s)
        rows.append({"doc_id": doc, "claim_id": f"{doc}-{i:08x}", "mention": mention, "value": value, "low": "",
                     "high": "", "unit": unit, "qualifier": "none", "indicator": indicator, "indicator_id": "",
                     "theme": "economy" if "人均" not in indicator else "income", "entity": entity,
                     "period": period, "year": year, "is_growth": growth, "base_claim_id": "", "sentence": sentence,
                     "char_start": at, "char_end": at + len(mention)})
    return pd.DataFrame(rows)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    from test_charts import DOCS

    docs = DOCS[DOCS["doc_id"].isin(list(TEXTS))].assign(title="标题", source="")
    write_processed(tmp_path, claims_table(), docs)
    for doc_id, text in TEXTS.items():
        (tmp_path / "clean" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    for extra in set(p.stem for p in (tmp_path / "clean").glob("*.txt")) - set(TEXTS):
        (tmp_path / "clean" / f"{extra}.txt").unlink()
    edits = pd.DataFrame([
        {"doc_id": "000_b634d781fc564449", "edit_id": 1, "step": "boilerplate", "raw_start": 0, "raw_end": 8,
         "before": "首页 > 旅游", "after": "", "reason": "breadcrumb", "lost": False},
        {"doc_id": "001_8caa6e4255689ee4", "edit_id": 1, "step": "layout", "raw_start": 3, "raw_end": 9,
         "before": "临江街道现如今", "after": "临江街道现如今", "reason": "kept as printed, check", "lost": False},
    ])
    from gongfu.tables import write_csv

    write_csv(edits, tmp_path / "edits.csv")
    return tmp_path


def words(html_text: str) -> str:
    return TAG.sub(" ", html_text)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_figure_in_the_findings_is_a_claim_and_links_to_it(folder: Path, tmp_path: Path, lang: str) -> None:
    tables = load_tables(folder)
    edition = Edition(lang, tmp_path / "reports")
    made = findings.findings(tables, folder, edition, edition.page("index"))
    text = findings.findings_html(made)
    claims = tables.claims.to_dict("records")
    said = {n for r in claims for v in (r["mention"], r["period"], r["year"], narrative.amount_en(r),
                                        narrative.period_label(r["period"], r["year"], lang))
            for n in NUMBER.findall(str(v))}  # H1 2021 is 上半年 2021 in English

    assert made and NUMBER.findall(words(text))
    assert set(NUMBER.findall(words(text))) <= said
    links = re.findall(r'href="documents/([^"#]+)\.html#c-([^"]+)"', text)
    assert links and all(doc in TEXTS and cid in set(tables.claims["claim_id"]) for doc, cid in links)


def test_the_findings_check_catches_a_typed_number(folder: Path, tmp_path: Path) -> None:
    tables = load_tables(folder)
    claims = tables.claims.to_dict("records")
    said = {n for r in claims for v in (r["mention"], r["period"], r["year"]) for n in NUMBER.findall(str(v))}

    assert set(NUMBER.findall("五个地方共有33条说法，489.12亿元")) - said == {"33"}


def test_the_largest_amount_is_a_total_and_the_english_edition_says_it_in_english_units(folder: Path,
                                                                                         tmp_path: Path) -> None:
    tables = load_tables(folder)
    zh = findings.largest_amount(tables, Edition("zh", tmp_path), tmp_path / "index.html")
    en = findings.largest_amount(tables, Edition("en", tmp_path), tmp_path / "en" / "index.html")

    assert "489.12亿元" in words(zh.body) and "38856" not in words(zh.body)
    assert "48.9 bn yuan" in words(en.body) and "亿" not in words(en.body).split("(")[0]


def test_the_explorer_holds_every_claim_with_its_number_marked_in_its_sentence(folder: Path) -> None:
    tables = load_tables(folder)

    rows = explorer.explorer_rows(tables, "zh")

    assert len(rows) == len(CLAIMS)
    for row, (_, mention, *_rest) in zip(rows, CLAIMS, strict=True):
        assert f"<mark>{mention}</mark>" in row["sentence"]


def test_the_marked_number_is_the_claims_own_occurrence_not_the_first_in_the_sentence() -> None:
    text = "地区生产总值13.9亿元，同比增长13.9%。"
    row = {"sentence": text, "mention": "13.9%", "char_start": text.index("13.9%"),
           "char_end": text.index("13.9%") + 5}

    assert explorer.highlighted_sentence(text, row) == "地区生产总值13.9亿元，同比增长<mark>13.9%</mark>。"


@pytest.mark.parametrize(("query_field", "value"), [("place", "南湖区"), ("indicator", "地区生产总值")])
def test_every_row_carries_what_the_filters_match(folder: Path, query_field: str, value: str) -> None:
    page = explorer.explorer_html(load_tables(folder), Edition("zh", folder / "reports"))

    rows = re.findall(r"<tr ([^>]*)>", page)
    matching = [r for r in rows if f'data-{query_field}="{value}"' in r]

    assert len(matching) == sum(1 for c in CLAIMS if value in (c[5] if query_field == "place" else c[4]) or
                                (query_field == "place" and c[0].startswith("002")))
    assert all("data-search=" in r for r in rows)


def test_the_document_view_highlights_every_claim_where_it_stands(folder: Path) -> None:
    tables = load_tables(folder)
    edits = pd.read_csv(folder / "edits.csv", dtype=str, keep_default_na=False)
    doc = tables.docs[tables.docs["doc_id"] == "002_f635a0d975b8c0ba"].iloc[0].to_dict()

    page = document_view.document_html(tables, edits, doc, Edition("zh", folder / "reports"))
    marks = re.findall(r'<mark class="claim" id="([^"]+)"[^>]*>([^<]+)</mark>', page)

    assert [text for _, text in marks] == ["38856元", "345.25亿元", "13.9%"]
    assert all(mid == claim_anchor(cid) for (mid, _), cid in zip(marks, tables.claims[
        tables.claims["doc_id"] == doc["doc_id"]]["claim_id"], strict=True))
    assert "农村居民人均可支配收入" in page  # the note's details ride on the mark


def test_the_document_view_strikes_removed_text_and_marks_flags(folder: Path) -> None:
    tables = load_tables(folder)
    edits = pd.read_csv(folder / "edits.csv", dtype=str, keep_default_na=False)
    docs = {d["doc_id"]: d for d in tables.docs.to_dict("records")}
    edition = Edition("zh", folder / "reports")

    first = document_view.document_html(tables, edits, docs["000_b634d781fc564449"], edition)
    second = document_view.document_html(tables, edits, docs["001_8caa6e4255689ee4"], edition)

    assert "<del>首页 &gt; 旅游</del>" in first and '<p class="caption">图：临江大棚西瓜。</p>' in first
    assert '<span class="flag" title="kept as printed, check">⚑ 临江街道现如今</span>' in second


def test_the_two_editions_live_side_by_side() -> None:
    zh, en = Edition("zh", Path("r")), Edition("en", Path("r"))

    assert zh.page("index") == Path("r/index.html") and en.page("index") == Path("r/en/index.html")
    assert en.page("01_clean") == zh.page("01_clean")  # written once
    assert en.figures_dir == Path("r/figures/en") and zh.figures_dir == Path("r/figures")


@pytest.mark.parametrize(("lang", "expected"), [
    ("zh", [("01_clean", "r/01_clean.ipynb", None), ("03_compare", "r/03_compare.ipynb", "zh"),
            ("03_compare", "r/en/03_compare.ipynb", "en")]),
    ("en", [("01_clean", "r/01_clean.ipynb", None), ("03_compare", "r/en/03_compare.ipynb", "en")]),
])
def test_the_comparison_runs_once_per_language_and_english_never_overwrites_chinese(lang: str,
                                                                                    expected: list) -> None:
    resolved = {"01_clean": {}, "03_compare": {"lang": lang, "figures_dir": "r/figures"}}

    runs = site.edition_runs(["01_clean", "03_compare"], resolved, Path("r"), Path("r/figures"))

    assert [(r.name, str(r.output), r.parameters.get("lang")) for r in runs] == expected
    assert all(r.parameters["figures_dir"] == "r/figures/en" for r in runs if r.parameters.get("lang") == "en")


@pytest.mark.parametrize("lang", ["fr", "中文", ""])
def test_a_lang_other_than_zh_or_en_is_refused_before_any_run(lang: str) -> None:
    with pytest.raises(GongfuError, match=r"lang=.*expected zh \(Chinese\) or en \(English\)"):
        site.edition_runs(["03_compare"], {"03_compare": {"lang": lang}}, Path("r"), Path("r/figures"))


def test_the_whole_site_is_built_from_files_in_both_languages(folder: Path, tmp_path: Path) -> None:
    reports = tmp_path / "site"

    written = site.build_site(reports, folder)

    names = sorted(str(p.relative_to(reports)) for p in written)
    assert "index.html" in names and "en/index.html" in names and "en/explorer.html" in names
    assert f"documents/{next(iter(TEXTS))}.html" in names and f"en/documents/{next(iter(TEXTS))}.html" in names
    index = (reports / "index.html").read_text(encoding="utf-8")
    assert '<details><summary>' in index and 'href="data/gongfu.sqlite"' in index
    assert 'href="en/index.html"' in index  # the other language, one click away
    assert not re.findall(r'(?:src|href)="https?://', index + (reports / "en/explorer.html").read_text("utf-8"))


def test_a_site_without_tables_says_to_run_first(tmp_path: Path) -> None:
    with pytest.raises(GongfuError, match=r"claims.csv: not found. Run `make run` first"):
        site.build_site(tmp_path / "r", tmp_path)


def test_the_sample_claims_keep_their_offsets_honest() -> None:
    table = claims_table()

    assert all(TEXTS[r["doc_id"]][r["char_start"]:r["char_end"]] == r["mention"] for r in table.to_dict("records"))
    assert len(sample_claims()) > len(table)  # the chart sample is the bigger one; this one has real offsets
