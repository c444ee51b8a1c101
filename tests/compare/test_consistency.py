"""Cross-source checks: tolerance, pairs of claims and archive groups."""

from __future__ import annotations

import pandas as pd
import pytest
from samples import DOCS, MORE_DOCS, claim, enriched

from gongfu.compare.consistency import (
    CONSISTENCY_COLUMNS,
    GROUP_COLUMNS,
    Tolerance,
    consistency_groups,
    consistency_table,
    rank_groups,
    values_agree,
)
from gongfu.compare.select import (
    enrich_claims,
)

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
