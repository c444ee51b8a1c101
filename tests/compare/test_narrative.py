"""Generated text: every number in it is a number from claims.csv; subsets and empty places are said out loud."""

from __future__ import annotations

import re
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from test_charts import DOCS, sample_claims, write_archive, write_processed

from gongfu import paths
from gongfu.compare import narrative
from gongfu.compare.charts import comparison_charts
from gongfu.compare.load import Tables, load_tables
from gongfu.compare.select import UNASSIGNED, claim_subjects, document_labels
from gongfu.tables import read_csv

NUMBER = re.compile(r"[0-9０-９]+(?:[.．:][0-9０-９]+)*")


def whole_story(tables: Tables, lang: str = "zh", top_n: int = 12) -> str:
    """The narrative as notebook 03 shows it, in one string: coverage, places, emphasis, cross-check, caveats."""
    return "\n\n".join([narrative.coverage_paragraph(tables, lang), *narrative.places_paragraphs(tables, lang, top_n),
                        narrative.emphasis_paragraph(tables, lang), narrative.consistency_paragraph(tables, lang),
                        narrative.caveats_paragraph(tables, lang)])


def numbers_in(text: str) -> set[str]:
    return set(NUMBER.findall(text))


def claimed_numbers(claims_csv: Path) -> set[str]:
    """Every number token written anywhere a claim's wording lives in claims.csv, and in each claim's figure
    in English units (`amount_en`: 489.12亿元 -> 48.9 bn yuan), computed from that claim alone."""
    claims = read_csv(claims_csv).astype(object)
    claims = claims.where(claims.notna(), "")
    cols = [c for c in ("mention", "period", "year", "indicator", "entity") if c in claims.columns]
    found: set[str] = set()
    for col in cols:
        for value in claims[col].astype(str):
            found |= numbers_in(value.removesuffix(".0") if col == "year" else value)
    for row in claims.to_dict("records"):
        found |= numbers_in(narrative.amount_en(row))
    return found


def generated_text(tables: Tables, lang: str) -> str:
    return "\n".join([whole_story(tables, lang), *(c.title for c in comparison_charts(tables, lang))])


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return write_processed(tmp_path)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_number_in_the_text_comes_from_claims_csv(folder: Path, lang: str) -> None:
    text = generated_text(load_tables(folder), lang)

    stray = numbers_in(text) - claimed_numbers(folder / "claims.csv")

    assert numbers_in(text), "the sample story should quote claimed numbers"
    assert not stray, f"numbers typed or computed, not claimed: {sorted(stray)}"


def test_the_number_check_catches_a_typed_number(folder: Path) -> None:
    text = whole_story(load_tables(folder)) + "五个地方共有33条说法"

    assert numbers_in(text) - claimed_numbers(folder / "claims.csv") == {"33"}


@pytest.mark.skipif(not (paths.PROCESSED_DIR / "claims.csv").is_file(), reason="no data/processed yet")
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_story_of_the_current_processed_data_quotes_only_claims(lang: str) -> None:
    text = generated_text(load_tables(paths.PROCESSED_DIR), lang)

    assert not numbers_in(text) - claimed_numbers(paths.PROCESSED_DIR / "claims.csv")


def test_the_story_names_the_biggest_and_fastest_claims_per_place(folder: Path) -> None:
    story = whole_story(load_tables(folder))

    assert "**南湖区**：金额最大的说法是地区生产总值（2021年上半年）345.25亿元" in story
    assert "增速最快的是地区生产总值（2021年上半年）增长13.9%" not in story  # 24.7% is faster
    assert "增长24.7%" in story


def test_a_subset_says_what_was_left_out(tmp_path: Path) -> None:
    tables = load_tables(write_processed(tmp_path), places=["临江街道"])

    text = narrative.coverage_paragraph(tables)

    assert text.startswith("本页比较以下报道：临江街道 A（杭州日报）、临江街道 B。")
    assert "未纳入（按参数排除）：南湖区（中国经济网 (转载 新华每日电讯)）、闻堰街道、婺城区。" in text


def test_a_failed_document_is_named_as_left_out(tmp_path: Path) -> None:
    docs = DOCS.copy()
    docs.loc[docs["street"] == "闻堰街道", "status"] = "failed"

    tables = load_tables(write_processed(tmp_path, docs=docs))

    assert "未纳入（清洗失败）：闻堰街道。" in narrative.coverage_paragraph(tables)


def test_a_place_without_claims_is_said_to_have_none(tmp_path: Path) -> None:
    claims = sample_claims()
    claims = claims[~claims["doc_id"].str.startswith("004")]
    tables = load_tables(write_processed(tmp_path, claims))

    paragraphs = narrative.places_paragraphs(tables)

    assert "**婺城区**：所选报道中没有任何数字说法。" in paragraphs


def test_empty_claims_give_sentences_not_errors(tmp_path: Path) -> None:
    tables = load_tables(write_processed(tmp_path, sample_claims().iloc[0:0]))

    story = whole_story(tables)

    assert "没有两篇报道对同一地方、同一指标报出数字" in story
    assert not numbers_in(story)


def test_the_cross_check_quotes_both_reports_and_the_verdict(folder: Path) -> None:
    text = narrative.consistency_paragraph(load_tables(folder))

    assert ("临江街道规上工业企业：临江街道 A（杭州日报）说104家（目前），"
            "临江街道 B说106家（现如今），时期不明，数字不同") in text


def test_caveats_name_street_and_district_and_the_periods(folder: Path) -> None:
    text = narrative.caveats_paragraph(load_tables(folder))

    assert "临江街道、闻堰街道是街道，南湖区、婺城区是区" in text
    assert "如上半年（南湖区、闻堰街道）与今年1-8月（临江街道）不是同一时期" in text


@pytest.mark.parametrize(("period", "year", "lang", "expected"), [
    ("上半年", "2021", "zh", "2021年上半年"),
    ("目前", "2022", "zh", "目前"),
    ("", "", "zh", "时期未注明"),
    ("今年1-8月", "", "en", "Jan–Aug this year"),
    ("上半年", "2021", "en", "H1 2021"),
    ("2020年", "", "en", "2020"),
])
def test_period_labels(period: str, year: str, lang: str, expected: str) -> None:
    assert narrative.period_label(period, year, lang) == expected


def test_document_labels_in_text_hold_no_digits() -> None:
    assert not any(numbers_in(label) for label in document_labels(pd.DataFrame(DOCS)).values())


def counts_table(columns: dict[str, dict[str, int]]) -> pd.DataFrame:
    """A theme_counts-shaped table (themes in lexicon order, then unassigned) from {doc: {theme: n}}."""
    themes = ["economy", "income", "services", "governance", "environment", "party", UNASSIGNED]
    return pd.DataFrame({doc: [col.get(t, 0) for t in themes] for doc, col in columns.items()}, index=themes)


def test_heatmap_title_says_most_reports_only_when_most_do() -> None:
    split = counts_table({"a": {"economy": 9}, "b": {"economy": 5}, "c": {"income": 6},
                          "d": {"income": 4}, "e": {"governance": 3}})
    most = counts_table({"a": {"economy": 9}, "b": {"economy": 5}, "c": {"economy": 6, "income": 2}})

    assert narrative.heatmap_title(split) == "「经济与产业」的数字最多，但各篇报道的重点不同"
    assert narrative.heatmap_title(most) == "多数报道的数字集中在「经济与产业」"


def shares_table(chars: dict[str, dict[str, int]]) -> pd.DataFrame:
    rows = [{"doc_id": d, "theme": t, "chars": n, "share": n / sum(c.values())} for d, c in chars.items()
            for t, n in c.items()]
    return pd.DataFrame(rows, columns=["doc_id", "theme", "chars", "share"])


def test_emphasis_title_names_the_reports_that_lean_elsewhere() -> None:
    shares = shares_table({"a": {"economy": 50, "income": 10}, "b": {"economy": 40, "governance": 30},
                           "c": {"economy": 10, "governance": 60}})
    labels = {"a": "临江街道 A", "b": "南湖区", "c": "闻堰街道"}

    title = narrative.emphasis_title(shares, "zh", labels=labels)

    assert title == "多数报道篇幅最多给了「经济与产业」；闻堰街道侧重「治理与数字化」"
    assert narrative.emphasis_title(shares.iloc[:4], "zh", labels=labels) == "每篇报道篇幅最多的都是「经济与产业」"


def test_a_vague_this_year_is_not_set_against_a_month_range(tmp_path: Path) -> None:
    claims = sample_claims()
    claims = claims[claims["doc_id"].isin([DOCS["doc_id"][0], DOCS["doc_id"][1]])]
    claims.loc[claims["period"] == "去年", "period"] = "今年"

    text = narrative.caveats_paragraph(load_tables(write_processed(tmp_path, claims)))

    assert "今年1-8月（" not in text and "（如上半年与今年以来）" in text


def test_without_claims_the_caveats_hold_no_period_warning(tmp_path: Path) -> None:
    text = narrative.caveats_paragraph(load_tables(write_processed(tmp_path, sample_claims().iloc[0:0])))

    assert "时期" not in text and "是街道" in text


def test_the_english_story_names_places_in_english_with_the_chinese_once(folder: Path) -> None:
    story = whole_story(load_tables(folder), "en")

    assert story.startswith("This page compares these reports: Linjiang Subdistrict A (Hangzhou Daily), "
                            "Linjiang Subdistrict B, Nanhu District (China Economic Net, reprinting Xinhua Daily "
                            "Telegraph), Wenyan Subdistrict and Wucheng District.")
    assert "**Nanhu District (南湖区)**: its largest amount is 34.5 bn yuan" in story
    assert story.count("南湖区") == 1  # the place's heading; everywhere else in English
    assert "Linjiang Subdistrict and Wenyan Subdistrict are subdistricts (街道)" in story


@pytest.mark.parametrize(("row", "english"), [
    ({"mention": "489.12亿元", "value": 4.8912e10, "unit": "元", "qualifier": "none"}, "48.9 bn yuan"),
    ({"mention": "120万人", "value": 1.2e6, "unit": "人", "qualifier": "none"}, "1.2 m people"),
    ({"mention": "104家", "value": 104, "unit": "家", "qualifier": "none"}, "104 firms"),
    ({"mention": "1家", "value": 1, "unit": "家", "qualifier": "none"}, "1 firm"),
    ({"mention": "约12亿", "value": 1.2e9, "unit": "元", "qualifier": "approx"}, "about 1.2 bn yuan"),
    ({"mention": "3600余万元", "value": 3.6e7, "unit": "元", "qualifier": "over"}, "over 36 m yuan"),
    ({"mention": "38856元", "value": 38856, "unit": "元", "qualifier": "none"}, "38,856 yuan"),
    ({"mention": "3-5家", "value": 3, "low": 3, "high": 5, "unit": "家", "qualifier": "none"}, "3–5 firms"),
    ({"mention": "7.7%", "value": 7.7, "unit": "%", "qualifier": "none"}, "7.7%"),
    ({"mention": "3.73%以上", "value": 3.73, "unit": "%", "qualifier": "over"}, "over 3.73%"),
    ({"mention": "1.5:1", "value": 1.5, "unit": "ratio", "qualifier": "ratio"}, "1.5:1"),
    ({"mention": "13个", "value": 13, "unit": "个", "qualifier": "none"}, "13"),  # the indicator says what
    ({"mention": "665亩", "value": 665, "unit": "亩", "qualifier": "none"}, "665 mu"),
    ({"mention": "5头", "value": 5, "unit": "猪", "qualifier": "none"}, "5 猪"),  # no English: kept as written
])
def test_english_figures_are_in_english_units(row: dict, english: str) -> None:
    assert narrative.amount_en(row) == english
    assert narrative.quote(row, "zh") == row["mention"]


@pytest.mark.parametrize("lang", ["fr", "", "EN", None])
def test_a_language_other_than_zh_or_en_is_refused_naming_it(lang: object) -> None:
    from gongfu.errors import GongfuError

    with pytest.raises(GongfuError, match=r"expected zh \(Chinese\) or en \(English\)"):
        narrative.check_lang(lang)


def test_english_entities_are_romanised_with_the_chinese_kept(folder: Path) -> None:
    paragraphs = narrative.places_paragraphs(load_tables(folder), "en")

    assert any("Jinkai Project (锦凯项目): 总投资" in p for p in paragraphs)


def test_the_english_caveat_gives_periods_and_places_in_english(folder: Path) -> None:
    text = narrative.caveats_paragraph(load_tables(folder), "en")

    assert "H1 (Nanhu District and Wenyan Subdistrict) and Jan–Aug this year (Linjiang Subdistrict)" in text


# --- archive mode: a summary in counts, not report-by-report prose

@pytest.fixture
def archive(tmp_path: Path) -> Tables:
    return load_tables(write_archive(tmp_path, 3), pairwise_limit=10)  # 15 reports


def test_the_five_reports_are_compared_pair_by_pair_under_the_default_limit(folder: Path) -> None:
    from gongfu.run.stages import compare_stage

    tables = compare_stage(folder)

    assert not tables.archive and (folder / "consistency.csv").is_file()
    assert narrative.coverage_paragraph(tables).startswith("本页比较以下报道：")


@pytest.mark.parametrize(("lang", "opening"), [
    ("zh", "本页是档案汇总：15篇报道、{claims}条数字说法，涉及{places}个地方或机构。报道多于10篇"),
    ("en", "This page summarises an archive: 15 reports, {claims} numeric claims about {places} places and "
           "organisations. With more than 10 reports"),
])
def test_an_archive_story_says_it_is_a_summary_in_counts(archive: Tables, lang: str, opening: str) -> None:
    places = claim_subjects(archive.claims).nunique()

    story = whole_story(archive, lang, top_n=3)

    assert story.startswith(opening.format(claims=len(archive.claims), places=places))
    assert "临江街道 A" not in story and "Linjiang Subdistrict A" not in story  # no report-by-report naming


def test_archive_places_stop_at_top_n_and_say_how_many_are_left(archive: Tables) -> None:
    places = claim_subjects(archive.claims).nunique()

    paragraphs = narrative.places_paragraphs(archive, top_n=2)

    assert len(paragraphs) == 3
    assert paragraphs[0].startswith("**临江街道**：27条说法，出自6篇报道")  # 9 claims in each of 2 reports, 3 copies
    assert paragraphs[1].startswith("**南湖区**：21条说法，出自3篇报道；"
                                    "金额最大的说法是地区生产总值（2021年上半年）345.25亿元")
    assert paragraphs[2] == f"以上是说法最多的2个地方或机构；其余{places - 2}个见 claims.csv（参数 top_n）。"


def test_archive_cross_check_cites_the_claims_that_disagree(tmp_path: Path) -> None:
    claims = sample_claims()
    firms = claims["indicator"] == "规上工业企业"
    claims.loc[firms, ["period", "year"]] = ["2022年", "2022"]
    tables = load_tables(write_archive(tmp_path, 2, claims), pairwise_limit=0)
    row = tables.groups[tables.groups["status"] == "disagree"].iloc[0]

    text = narrative.consistency_paragraph(tables)

    assert "其中1组同一时期的数字不一致" in text
    assert (f"临江街道·规上工业企业（2022年）：4篇报道，如104家（`{row['claim_a']}`）"
            f"与106家（`{row['claim_b']}`）") in text


def test_archive_emphasis_counts_reports_per_leading_theme(archive: Tables) -> None:
    text = narrative.emphasis_paragraph(archive)

    assert text.startswith("在15篇有主题关键词的正文中，篇幅最多给了：「经济与产业」")


def test_archive_numbers_are_claims_or_counts(archive: Tables) -> None:
    """The archive text may count (reports, claims, places, groups) but never computes a value: a median or
    a total in the text would show up here as a number that is neither."""
    plt.close("all")  # figures the tests above left open
    made = comparison_charts(archive, "zh", top_n=3)
    plt.close("all")
    text = "\n".join([whole_story(archive, "zh", top_n=3), *(c.title for c in made)])
    subjects = narrative.ranked_subjects(archive.claims)
    reports = archive.claims.assign(s=claim_subjects(archive.claims)).groupby("s")["doc_id"].nunique()
    counts = {len(archive.docs), len(archive.claims), len(subjects), 10, 3, len(archive.groups),
              *subjects.to_list(), *reports.to_list(), *narrative.leading_themes(archive.shares).to_list(),
              *narrative.group_counts(archive.groups).values(), len(subjects) - 3,
              *archive.groups["documents"].to_list()}
    claimed = {x for c in ("mention", "period", "year") for v in archive.claims[c].astype(str)
               for x in numbers_in(v)}
    ids = {x for v in archive.claims["claim_id"] for x in numbers_in(v)}

    stray = numbers_in(text) - claimed - ids - {str(n) for n in counts}

    assert not stray, f"numbers neither claimed nor counted: {sorted(stray)}"
