"""Cross-source consistency: periods, qualifiers, pairs, and the tables the charts read."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from gongfu.compare.consistency import (
    CONSISTENCY_COLUMNS,
    GROUP_COLUMNS,
    Tolerance,
    consistency_groups,
    consistency_table,
    cross_check_view,
    rank_groups,
    values_agree,
)
from gongfu.compare.emphasis import theme_counts, theme_shares
from gongfu.compare.load import load_tables
from gongfu.compare.select import (
    UNASSIGNED,
    claim_theme,
    document_labels,
    enrich_claims,
    growth_claims,
    money_claims,
    select_documents,
)
from gongfu.errors import GongfuError
from gongfu.extract.periods import PeriodKey, period_key, same_period
from gongfu.tables import write_csv

DOCS = pd.DataFrame([
    {"doc_id": "000_a", "publisher": "杭州日报", "district": "钱塘区", "street": "临江街道", "status": "ok"},
    {"doc_id": "001_b", "publisher": "", "district": "钱塘区", "street": "临江街道", "status": "ok"},
    {"doc_id": "002_c", "publisher": "中国经济网", "district": "南湖区", "street": "", "status": "ok"},
    {"doc_id": "003_d", "publisher": "", "district": "萧山区", "street": "闻堰街道", "status": "ok"},
])


def claim(doc_id: str, n: int, mention: str, value: float, unit: str, indicator: str, entity: str,
          period: str = "目前", year: str = "", qualifier: str = "none", is_growth: bool = False,
          indicator_id: str = "", sentence: str = "") -> dict:
    return {"doc_id": doc_id, "claim_id": f"{doc_id}-{n:06d}", "mention": mention, "value": value, "low": "",
            "high": "", "unit": unit, "qualifier": qualifier, "indicator": indicator, "indicator_id": indicator_id,
            "entity": entity, "period": period, "year": year, "is_growth": is_growth, "base_claim_id": "",
            "sentence": sentence or f"{entity}{indicator}{mention}", "char_start": n, "char_end": n + 3}


def enriched(rows: list[dict]) -> pd.DataFrame:
    return enrich_claims(pd.DataFrame(rows), DOCS)


# --- periods

@pytest.mark.parametrize(("period", "year", "expected"), [
    ("上半年", "2022", PeriodKey(2022, "H1")),
    ("今年1-6月", "2022", PeriodKey(2022, "H1")),
    ("今年1一8月", "", PeriodKey(None, "M1-8")),
    ("2020年", "", PeriodKey(2020, "FY")),
    ("去年", "2021", PeriodKey(2021, "FY")),
    ("目前", "", PeriodKey(None, "now")),
    ("", "", PeriodKey(None, "")),
])
def test_period_key_normalises_the_spans(period: str, year: str, expected: PeriodKey) -> None:
    assert period_key(period, year) == expected


def test_first_half_and_january_to_august_are_different_periods() -> None:
    assert same_period(period_key("上半年", "2022"), period_key("1-8月", "2022")) is False


def test_two_undated_nows_are_unclear_not_equal() -> None:
    assert same_period(period_key("目前"), period_key("现如今")) is None


def test_same_span_same_year_is_the_same_period() -> None:
    assert same_period(period_key("上半年", "2022"), period_key("1-6月", "2022")) is True


# --- values and qualifiers

def test_near_qualifier_widens_the_tolerance() -> None:
    exact = {"value": 200000.0, "qualifier": "none"}
    near = {"value": 190000.0, "qualifier": "approx"}  # 近20万 vs 19万

    assert values_agree(exact, near)
    assert not values_agree(exact, {"value": 190000.0, "qualifier": "none"})


def test_over_qualifier_only_reaches_upwards() -> None:
    over = {"value": 2000.0, "qualifier": "over"}  # 2000余人

    assert values_agree(over, {"value": 2100.0, "qualifier": "none"})
    assert not values_agree(over, {"value": 1900.0, "qualifier": "none"})


def test_rounding_of_an_exact_figure_agrees() -> None:
    assert values_agree({"value": 489.12}, {"value": 489.1})
    assert not values_agree({"value": 104.0}, {"value": 106.0})


def test_tolerance_is_a_parameter() -> None:
    assert values_agree({"value": 104.0}, {"value": 106.0}, Tolerance(exact=0.02))


# --- consistency table

def test_two_reports_on_one_place_disagreeing_are_reported() -> None:
    claims = enriched([
        claim("000_a", 10, "104家", 104, "家", "规上工业企业", "临江街道", "目前", "2022"),
        claim("001_b", 20, "106家", 106, "家", "规上工业企业", "临江街道", "目前", "2022"),
    ])

    table = consistency_table(claims)

    assert list(table.columns) == CONSISTENCY_COLUMNS
    assert len(table) == 1
    row = table.iloc[0]
    assert (row["doc_a"], row["doc_b"], row["mention_a"], row["mention_b"]) == ("000_a", "001_b", "104家", "106家")
    assert row["status"] == "disagree"
    assert row["values_agree"] == False  # noqa: E712


def test_period_mismatch_is_reported_not_compared() -> None:
    claims = enriched([
        claim("000_a", 10, "15.3亿元", 1.53e9, "元", "规上工业总产值", "临江街道", "上半年", "2022"),
        claim("001_b", 20, "489.12亿元", 4.8912e10, "元", "规上工业总产值", "临江街道", "今年1-8月", "2022"),
    ])

    row = consistency_table(claims).iloc[0]

    assert row["status"] == "period_mismatch"
    assert row["values_agree"] == "" and row["rel_diff"] == ""
    assert "上半年" in row["note"] and "1-8月" in row["note"]


def test_unit_mismatch_is_not_compared() -> None:
    claims = enriched([
        claim("000_a", 1, "122人", 122, "人", "志愿者", "临江街道", "目前", "2022"),
        claim("001_b", 2, "2550人次", 2550, "人次", "志愿者", "临江街道", "目前", "2022"),
    ])

    assert consistency_table(claims).iloc[0]["status"] == "unit_mismatch"


def test_unknown_year_makes_the_period_unclear_but_values_are_still_shown() -> None:
    claims = enriched([
        claim("000_a", 1, "104家", 104, "家", "规上工业企业", "临江街道", "目前", ""),
        claim("001_b", 2, "106家", 106, "家", "规上工业企业", "临江街道", "现如今", ""),
    ])

    row = consistency_table(claims).iloc[0]

    assert row["status"] == "period_unclear"
    assert row["values_agree"] == False  # noqa: E712
    assert row["rel_diff"] == pytest.approx(2 / 106, abs=1e-6)


def test_claims_from_one_document_or_growth_vs_level_are_not_paired() -> None:
    claims = enriched([
        claim("001_b", 1, "489.12亿元", 4.8912e10, "元", "规上工业总产值", "临江高科园", "今年1-8月"),
        claim("001_b", 2, "7.7%", 7.7, "%", "规上工业总产值", "临江高科园", "今年1-8月", is_growth=True),
        claim("002_c", 3, "13.9%", 13.9, "%", "地区生产总值", "南湖区", "上半年", is_growth=True),
        claim("000_a", 4, "7.7%", 7.7, "%", "规上工业总产值", "临江高科园", "今年1-8月", is_growth=False),
    ])

    table = consistency_table(claims)

    assert len(table) == 1  # only the level figure of 001_b vs the (mislabelled) level of 000_a
    assert table.iloc[0]["mention_a"] == "7.7%" and table.iloc[0]["mention_b"] == "489.12亿元"
    assert table.iloc[0]["is_growth"] == False  # noqa: E712


def test_empty_claims_give_an_empty_table_with_the_columns() -> None:
    table = consistency_table(enrich_claims(pd.DataFrame(columns=["doc_id", "claim_id"]), DOCS))

    assert table.empty and list(table.columns) == CONSISTENCY_COLUMNS


# --- documents, themes, shares

def test_document_labels_have_no_digits_and_tell_the_two_linjiang_reports_apart() -> None:
    labels = document_labels(DOCS)

    assert labels["000_a"] == "临江街道 A（杭州日报）"
    assert labels["001_b"] == "临江街道 B"
    assert labels["002_c"] == "南湖区（中国经济网）"
    assert not any(ch.isdigit() for label in labels.values() for ch in label)


def test_select_documents_returns_what_was_left_out() -> None:
    kept, left = select_documents(DOCS, places=["临江街道"])

    assert list(kept["doc_id"]) == ["000_a", "001_b"]
    assert list(left["doc_id"]) == ["002_c", "003_d"]


def test_unknown_doc_id_is_one_clear_error() -> None:
    with pytest.raises(GongfuError, match="no such doc_id 999"):
        select_documents(DOCS, documents=["999"])


def test_unknown_doc_id_in_an_archive_names_ten_known_ids_and_counts_the_rest() -> None:
    archive = pd.DataFrame({"doc_id": [f"d{i:05d}_000" for i in range(20_000)], "status": "ok"})

    with pytest.raises(GongfuError) as error:
        select_documents(archive, documents=["d99999_000"])

    message = str(error.value)
    assert "no such doc_id d99999_000" in message
    assert "d00009_000 … and 19,990 more; see documents.csv" in message
    assert "d00010_000" not in message
    assert len(message) < 400


def test_claim_theme_falls_back_to_the_lexicon_then_unassigned() -> None:
    assert claim_theme({"theme": "party"}) == "party"
    assert claim_theme({"indicator": "规上工业总产值", "sentence": ""}) == "economy"
    assert claim_theme({"indicator": "", "sentence": "今年种了西瓜"}) == UNASSIGNED


def test_theme_counts_cover_every_theme_and_document() -> None:
    claims = enriched([
        claim("000_a", 1, "104家", 104, "家", "规上工业企业", "临江街道"),
        claim("000_a", 2, "122人", 122, "人", "志愿者人数", "临江街道"),
        claim("002_c", 3, "38856元", 38856, "元", "农村居民人均可支配收入", "南湖区"),
    ])

    table = theme_counts(claims, DOCS)

    assert table.loc["economy", "000_a"] == 1
    assert table.loc["governance", "000_a"] == 1
    assert table.loc["income", "002_c"] == 1
    assert table["003_d"].sum() == 0
    assert table.to_numpy().sum() == 3


def test_theme_shares_sum_to_one_and_read_traditional_text() -> None:
    texts = {"a": "臨江街道已擁有規上工業企業104家。黨員人數超過30名。今天天氣很好。", "b": ""}

    shares = theme_shares(texts)

    a = shares[shares["doc_id"] == "a"].set_index("theme")["share"]
    assert a.sum() == pytest.approx(1.0)
    assert a["economy"] > 0 and a["party"] > 0 and a["unassigned"] > 0
    assert shares[shares["doc_id"] == "b"]["share"].sum() == 0


def test_growth_and_money_claims_are_selected_by_unit() -> None:
    claims = enriched([
        claim("002_c", 1, "345.25亿元", 3.4525e10, "元", "地区生产总值", "南湖区", "上半年"),
        claim("002_c", 2, "13.9%", 13.9, "%", "地区生产总值", "南湖区", "上半年", is_growth=True),
        claim("002_c", 3, "665亩", 665, "亩", "种植面积", "褚大姐甜瓜专业合作社"),
    ])

    assert list(growth_claims(claims)["mention"]) == ["13.9%"]
    assert list(money_claims(claims)["mention"]) == ["345.25亿元"]


def test_load_tables_reads_a_processed_folder(tmp_path: Path) -> None:
    write_csv(DOCS, tmp_path / "documents.csv")
    write_csv(pd.DataFrame([claim("000_a", 1, "104家", 104, "家", "规上工业企业", "临江街道")]),
              tmp_path / "claims.csv")
    (tmp_path / "clean").mkdir()
    (tmp_path / "clean" / "000_a.txt").write_text("临江街道已拥有规上工业企业104家。", encoding="utf-8")

    tables = load_tables(tmp_path, documents=["000_a", "002_c"])

    assert list(tables.docs["doc_id"]) == ["000_a", "002_c"]
    assert list(tables.left_out["doc_id"]) == ["001_b", "003_d"]
    assert tables.missing_texts == ["002_c"]
    assert tables.claims.loc[0, "place"] == "临江街道"


# --- archive mode: one row per group, linear in the claims

MORE_DOCS = pd.DataFrame([{"doc_id": f"1{i:02d}_x", "publisher": "", "district": "钱塘区", "street": "临江街道",
                           "status": "ok"} for i in range(40)])


def test_three_reports_with_104_104_106_are_one_group_that_disagrees() -> None:
    claims = enriched([
        claim("000_a", 10, "104家", 104, "家", "规上工业企业", "临江街道", "2022年", "2022"),
        claim("001_b", 20, "104家", 104, "家", "规上工业企业", "临江街道", "2022年", "2022"),
        claim("002_c", 30, "106家", 106, "家", "规上工业企业", "临江街道", "2022年", "2022"),
    ])

    table = consistency_groups(claims)

    assert list(table.columns) == GROUP_COLUMNS
    assert len(table) == 1
    row = table.iloc[0]
    assert row["status"] == "disagree" and row["values_agree"] == False  # noqa: E712
    assert (row["documents"], row["claims"], row["distinct_values"]) == (3, 3, 2)
    assert (row["min"], row["median"], row["max"]) == (104, 104, 106)
    assert {row["mention_a"], row["mention_b"]} == {"104家", "106家"}
    assert row["claim_b"] == "002_c-000030" and row["claim_a"] in {"000_a-000010", "001_b-000020"}
    assert (row["year"], row["span"], row["period"]) == ("2022", "FY", "2022年")


def test_group_that_agrees_names_its_first_two_claims_from_different_reports() -> None:
    claims = enriched([
        claim("000_a", 1, "489.12亿元", 4.8912e10, "元", "规上工业总产值", "临江高科园", "今年1-8月", "2022"),
        claim("000_a", 2, "489.1亿元", 4.891e10, "元", "规上工业总产值", "临江高科园", "今年1-8月", "2022"),
        claim("001_b", 3, "约489亿元", 4.89e10, "元", "规上工业总产值", "临江高科园", "1-8月", "2022",
              qualifier="approx"),
    ])

    row = consistency_groups(claims).iloc[0]

    assert row["status"] == "agree" and row["distinct_values"] == 1
    assert (row["claim_a"], row["claim_b"]) == ("000_a-000001", "001_b-000003")


def test_figures_that_differ_only_inside_one_report_do_not_make_a_disagreement() -> None:
    claims = enriched([  # 000_a says 100 and 120; 约110 (±10%) from 001_b meets both
        claim("000_a", 1, "100人", 100, "人", "志愿者", "临江街道", "2022年", "2022"),
        claim("000_a", 2, "120人", 120, "人", "志愿者", "临江街道", "2022年", "2022"),
        claim("001_b", 3, "约110人", 110, "人", "志愿者", "临江街道", "2022年", "2022", qualifier="approx"),
    ])

    row = consistency_groups(claims).iloc[0]

    assert row["status"] == "agree" and row["values_agree"] == True  # noqa: E712
    assert row["distinct_values"] == 2  # 100 and 120 cannot both be one true value


def test_undated_groups_are_period_unclear_and_never_mixed_with_dated_ones() -> None:
    claims = enriched([
        claim("000_a", 1, "104家", 104, "家", "规上工业企业", "临江街道", "目前", ""),
        claim("001_b", 2, "106家", 106, "家", "规上工业企业", "临江街道", "现如今", ""),
        claim("002_c", 3, "90家", 90, "家", "规上工业企业", "临江街道", "2020年", "2020"),
    ])

    table = consistency_groups(claims)

    assert len(table) == 1  # the dated 2020 figure has no second report: no group
    row = table.iloc[0]
    assert row["status"] == "period_unclear" and row["values_agree"] == False  # noqa: E712
    assert "do not fix a common period" in row["note"]


def test_growth_and_level_and_units_are_separate_groups() -> None:
    claims = enriched([
        claim("000_a", 1, "7.7%", 7.7, "%", "规上工业总产值", "临江高科园", "2022年", "2022", is_growth=True),
        claim("001_b", 2, "7.7%", 7.7, "%", "规上工业总产值", "临江高科园", "2022年", "2022", is_growth=True),
        claim("000_a", 3, "489.12亿元", 4.8912e10, "元", "规上工业总产值", "临江高科园", "2022年", "2022"),
        claim("001_b", 4, "122人", 122, "人", "规上工业总产值", "临江高科园", "2022年", "2022"),
    ])

    table = consistency_groups(claims)

    assert len(table) == 1 and table.iloc[0]["is_growth"] == True  # noqa: E712


def test_archive_groups_grow_with_the_claims_not_with_the_pairs() -> None:
    rows = []
    for i, doc in enumerate(MORE_DOCS["doc_id"]):
        for k in range(10):  # 400 claims per group: 70,000 pairs each in pairwise mode
            n = i * 100 + k
            firms = 104 + k % 3
            rows.append(claim(doc, n, f"{firms}家", firms, "家", "规上工业企业", "临江街道", "2022年", "2022"))
            rows.append(claim(doc, n + 50, "122人", 122, "人", "志愿者", "临江街道", "2022年", "2022"))
    claims = enrich_claims(pd.DataFrame(rows), MORE_DOCS)

    table = consistency_groups(claims)

    assert len(claims) == 800 and len(table) == 2
    assert list(table["claims"]) == [400, 400] and list(table["documents"]) == [40, 40]
    assert dict(zip(table["indicator"], table["status"], strict=True)) == {"规上工业企业": "disagree",
                                                                           "志愿者": "agree"}


def test_a_group_disagrees_exactly_when_some_pair_of_reports_does() -> None:
    """The linear rule against the pairwise one, on random small groups of qualified figures."""
    import random

    rng = random.Random(3)
    for trial in range(300):
        rows = [claim(rng.choice(["000_a", "001_b", "002_c"]), i, "x", rng.choice([100, 101, 104, 110, 125, 130]),
                      "家", "企业", "临江街道", "2022年", "2022",
                      qualifier=rng.choice(["none", "approx", "over", "under"]))
                for i in range(rng.randint(2, 6))]
        claims = enriched(rows)
        pairs = consistency_table(claims)
        groups = consistency_groups(claims)
        if pairs.empty:
            assert groups.empty, trial
            continue
        row = groups.iloc[0]
        assert (row["status"] == "disagree") == (pairs["status"] == "disagree").any(), trial
        if row["status"] == "disagree":
            pair = pairs[(pairs["claim_a"] == row["claim_a"]) & (pairs["claim_b"] == row["claim_b"])]
            assert list(pair["status"]) == ["disagree"], trial  # the named pair is one that disagrees


def test_rank_groups_puts_disagreements_first_then_unclear_differences() -> None:
    groups = pd.DataFrame([
        {"entity": "甲", "indicator": "a", "status": "agree", "values_agree": True, "documents": 9, "claims": 9},
        {"entity": "乙", "indicator": "b", "status": "period_unclear", "values_agree": True, "documents": 8,
         "claims": 8},
        {"entity": "丙", "indicator": "c", "status": "period_unclear", "values_agree": False, "documents": 2,
         "claims": 2},
        {"entity": "丁", "indicator": "d", "status": "disagree", "values_agree": False, "documents": 3, "claims": 3},
    ])

    assert list(rank_groups(groups)["entity"]) == ["丁", "丙", "乙", "甲"]


def write_folder(folder: Path, docs: pd.DataFrame, rows: list[dict]) -> Path:
    write_csv(docs, folder / "documents.csv")
    write_csv(pd.DataFrame(rows), folder / "claims.csv")
    return folder


def test_more_documents_than_pairwise_limit_make_an_archive(tmp_path: Path) -> None:
    rows = [claim("000_a", 1, "104家", 104, "家", "规上工业企业", "临江街道", "目前"),
            claim("001_b", 2, "106家", 106, "家", "规上工业企业", "临江街道", "目前")]
    folder = write_folder(tmp_path, DOCS, rows)

    pairs = load_tables(folder, pairwise_limit=4)  # four documents: not more than the limit
    archive = load_tables(folder, pairwise_limit=3)

    assert not pairs.archive and len(pairs.consistency) == 1 and pairs.groups.empty
    assert archive.archive and archive.consistency.empty and len(archive.groups) == 1
    assert list(archive.consistency.columns) == CONSISTENCY_COLUMNS
    assert cross_check_view(archive)["status"].tolist() == ["period_unclear"]


@pytest.mark.parametrize("bad", [-1, "50", 2.5, True])
def test_bad_pairwise_limit_is_refused_naming_it(tmp_path: Path, bad: object) -> None:
    folder = write_folder(tmp_path, DOCS, [claim("000_a", 1, "104家", 104, "家", "规上工业企业", "临江街道")])

    with pytest.raises(GongfuError, match=r"pairwise_limit=.*expected a whole number of at least 0"):
        load_tables(folder, pairwise_limit=bad)


def test_compare_stage_writes_the_groups_file_and_removes_a_stale_pairs_file(tmp_path: Path) -> None:
    from gongfu.run.stages import compare_stage

    rows = [claim("000_a", 1, "104家", 104, "家", "规上工业企业", "临江街道", "目前"),
            claim("001_b", 2, "106家", 106, "家", "规上工业企业", "临江街道", "目前")]
    folder = write_folder(tmp_path, DOCS, rows)

    compare_stage(folder, pairwise_limit=None)
    assert (folder / "consistency.csv").is_file() and not (folder / "consistency_groups.csv").exists()
    compare_stage(folder, pairwise_limit=2)

    assert (folder / "consistency_groups.csv").is_file() and not (folder / "consistency.csv").exists()
    written = pd.read_csv(folder / "consistency_groups.csv", dtype=str, keep_default_na=False)
    assert list(written.columns) == GROUP_COLUMNS and len(written) == 1
