"""Cross-source consistency: periods, qualifiers, pairs, and the tables the charts read."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from gongfu import compare
from gongfu.compare import PeriodKey, Tolerance
from gongfu.errors import GongfuError
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
    return compare.enrich_claims(pd.DataFrame(rows), DOCS)


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
    assert compare.period_key(period, year) == expected


def test_first_half_and_january_to_august_are_different_periods() -> None:
    assert compare.same_period(compare.period_key("上半年", "2022"), compare.period_key("1-8月", "2022")) is False


def test_two_undated_nows_are_unclear_not_equal() -> None:
    assert compare.same_period(compare.period_key("目前"), compare.period_key("现如今")) is None


def test_same_span_same_year_is_the_same_period() -> None:
    assert compare.same_period(compare.period_key("上半年", "2022"), compare.period_key("1-6月", "2022")) is True


# --- values and qualifiers

def test_near_qualifier_widens_the_tolerance() -> None:
    exact = {"value": 200000.0, "qualifier": "none"}
    near = {"value": 190000.0, "qualifier": "approx"}  # 近20万 vs 19万

    assert compare.values_agree(exact, near)
    assert not compare.values_agree(exact, {"value": 190000.0, "qualifier": "none"})


def test_over_qualifier_only_reaches_upwards() -> None:
    over = {"value": 2000.0, "qualifier": "over"}  # 2000余人

    assert compare.values_agree(over, {"value": 2100.0, "qualifier": "none"})
    assert not compare.values_agree(over, {"value": 1900.0, "qualifier": "none"})


def test_rounding_of_an_exact_figure_agrees() -> None:
    assert compare.values_agree({"value": 489.12}, {"value": 489.1})
    assert not compare.values_agree({"value": 104.0}, {"value": 106.0})


def test_tolerance_is_a_parameter() -> None:
    assert compare.values_agree({"value": 104.0}, {"value": 106.0}, Tolerance(exact=0.02))


# --- consistency table

def test_two_reports_on_one_place_disagreeing_are_reported() -> None:
    claims = enriched([
        claim("000_a", 10, "104家", 104, "家", "规上工业企业", "临江街道", "目前", "2022"),
        claim("001_b", 20, "106家", 106, "家", "规上工业企业", "临江街道", "目前", "2022"),
    ])

    table = compare.consistency_table(claims)

    assert list(table.columns) == compare.CONSISTENCY_COLUMNS
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

    row = compare.consistency_table(claims).iloc[0]

    assert row["status"] == "period_mismatch"
    assert row["values_agree"] == "" and row["rel_diff"] == ""
    assert "上半年" in row["note"] and "1-8月" in row["note"]


def test_unit_mismatch_is_not_compared() -> None:
    claims = enriched([
        claim("000_a", 1, "122人", 122, "人", "志愿者", "临江街道", "目前", "2022"),
        claim("001_b", 2, "2550人次", 2550, "人次", "志愿者", "临江街道", "目前", "2022"),
    ])

    assert compare.consistency_table(claims).iloc[0]["status"] == "unit_mismatch"


def test_unknown_year_makes_the_period_unclear_but_values_are_still_shown() -> None:
    claims = enriched([
        claim("000_a", 1, "104家", 104, "家", "规上工业企业", "临江街道", "目前", ""),
        claim("001_b", 2, "106家", 106, "家", "规上工业企业", "临江街道", "现如今", ""),
    ])

    row = compare.consistency_table(claims).iloc[0]

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

    table = compare.consistency_table(claims)

    assert len(table) == 1  # only the level figure of 001_b vs the (mislabelled) level of 000_a
    assert table.iloc[0]["mention_a"] == "7.7%" and table.iloc[0]["mention_b"] == "489.12亿元"
    assert table.iloc[0]["is_growth"] == False  # noqa: E712


def test_empty_claims_give_an_empty_table_with_the_columns() -> None:
    table = compare.consistency_table(compare.enrich_claims(pd.DataFrame(columns=["doc_id", "claim_id"]), DOCS))

    assert table.empty and list(table.columns) == compare.CONSISTENCY_COLUMNS


# --- documents, themes, shares

def test_document_labels_have_no_digits_and_tell_the_two_linjiang_reports_apart() -> None:
    labels = compare.document_labels(DOCS)

    assert labels["000_a"] == "临江街道 A（杭州日报）"
    assert labels["001_b"] == "临江街道 B"
    assert labels["002_c"] == "南湖区（中国经济网）"
    assert not any(ch.isdigit() for label in labels.values() for ch in label)


def test_select_documents_returns_what_was_left_out() -> None:
    kept, left = compare.select_documents(DOCS, places=["临江街道"])

    assert list(kept["doc_id"]) == ["000_a", "001_b"]
    assert list(left["doc_id"]) == ["002_c", "003_d"]


def test_unknown_doc_id_is_one_clear_error() -> None:
    with pytest.raises(GongfuError, match="no such doc_id 999"):
        compare.select_documents(DOCS, documents=["999"])


def test_claim_theme_falls_back_to_the_lexicon_then_unassigned() -> None:
    assert compare.claim_theme({"theme": "party"}) == "party"
    assert compare.claim_theme({"indicator": "规上工业总产值", "sentence": ""}) == "economy"
    assert compare.claim_theme({"indicator": "", "sentence": "今年种了西瓜"}) == compare.UNASSIGNED


def test_theme_counts_cover_every_theme_and_document() -> None:
    claims = enriched([
        claim("000_a", 1, "104家", 104, "家", "规上工业企业", "临江街道"),
        claim("000_a", 2, "122人", 122, "人", "志愿者人数", "临江街道"),
        claim("002_c", 3, "38856元", 38856, "元", "农村居民人均可支配收入", "南湖区"),
    ])

    table = compare.theme_counts(claims, DOCS)

    assert table.loc["economy", "000_a"] == 1
    assert table.loc["governance", "000_a"] == 1
    assert table.loc["income", "002_c"] == 1
    assert table["003_d"].sum() == 0
    assert table.to_numpy().sum() == 3


def test_theme_shares_sum_to_one_and_read_traditional_text() -> None:
    texts = {"a": "臨江街道已擁有規上工業企業104家。黨員人數超過30名。今天天氣很好。", "b": ""}

    shares = compare.theme_shares(texts)

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

    assert list(compare.growth_claims(claims)["mention"]) == ["13.9%"]
    assert list(compare.money_claims(claims)["mention"]) == ["345.25亿元"]


def test_load_tables_reads_a_processed_folder(tmp_path: Path) -> None:
    write_csv(DOCS, tmp_path / "documents.csv")
    write_csv(pd.DataFrame([claim("000_a", 1, "104家", 104, "家", "规上工业企业", "临江街道")]),
              tmp_path / "claims.csv")
    (tmp_path / "clean").mkdir()
    (tmp_path / "clean" / "000_a.txt").write_text("临江街道已拥有规上工业企业104家。", encoding="utf-8")

    tables = compare.load_tables(tmp_path, documents=["000_a", "002_c"])

    assert list(tables.docs["doc_id"]) == ["000_a", "002_c"]
    assert list(tables.left_out["doc_id"]) == ["001_b", "003_d"]
    assert tables.missing_texts == ["002_c"]
    assert tables.claims.loc[0, "place"] == "临江街道"
