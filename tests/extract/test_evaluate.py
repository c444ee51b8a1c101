"""Precision and recall against the gold set: locating gold claims, matching, field accuracy, entity names."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from gongfu.extract.claims import extract_claims
from gongfu.extract.evaluate import evaluate, load_gold, load_non_claims, locate, same_entity
from gongfu.extract.table import claims_frame

DOC = {"doc_id": "d", "street": "临江街道", "district": "钱塘区", "published": "2021-09-20"}
TEXT = "今年1-8月,临江高科园规上工业总产值达489.12亿元,同比增长7.7%。\n目前,已建成投用1家。\n"


def gold_rows(*rows: tuple) -> pd.DataFrame:
    columns = ["doc_id", "mention", "value", "unit", "qualifier", "is_growth", "indicator", "entity", "period",
               "context"]
    return pd.DataFrame([dict(zip(columns, r, strict=True)) for r in rows], columns=columns)


def test_locate_ignores_ocr_spaces_and_punctuation_width() -> None:
    text = "据统计，今年 1-8月，规上工业总产值达489.12 亿元。"
    start, end = locate(text, "总产值达489.12亿元", "489.12亿元")
    assert text[start:end] == "489.12 亿元"
    assert locate(text, "今年1-8月,规上", "1-8月") is not None
    assert locate(text, "没有这句话", "1-8月") is None


@pytest.mark.parametrize(("gold", "pred", "same"), [
    ("临江街道高新社区", "高新社区", True), ("联丰村", "凤桥镇联丰村", True),
    ("“萧君”瓜果合作社", "萧君瓜果合作社", True), ("南湖区", "南湖区", True),
    ("临江高科园", "临江街道", False), ("高新社区", "新社区", False),
])
def test_same_entity_allows_parent_places_in_front(gold: str, pred: str, same: bool) -> None:
    assert same_entity(gold, pred) is same


def test_perfect_extraction_scores_one_and_fields_are_compared() -> None:
    claims = claims_frame(extract_claims(TEXT, DOC))
    gold = gold_rows(
        ("d", "489.12亿元", 4.8912e10, "元", "none", "false", "产值", "临江高科园", "今年1-8月", "产值达489.12亿元"),
        ("d", "7.7%", 7.7, "%", "none", "true", "增速", "临江高科园", "今年1-8月", "同比增长7.7%"),
        ("d", "1家", 1.0, "家", "none", "false", "驿站", "临江街道", "目前", "已建成投用1家"),
    )
    result = evaluate(claims, {"d": TEXT}, gold)
    assert result.overall["precision"] == 1.0 and result.overall["recall"] == 1.0
    accuracy = dict(zip(result.fields["field"], result.fields["accuracy"], strict=True))
    assert accuracy["entity"] == 1.0 and accuracy["period"] == 1.0 and accuracy["is_growth"] == 1.0
    assert result.missed.empty and result.spurious.empty


def test_a_missed_and_a_spurious_claim_are_listed() -> None:
    claims = claims_frame(extract_claims(TEXT, DOC))
    gold = gold_rows(
        ("d", "489.12亿元", 4.8912e10, "元", "none", "false", "产值", "临江高科园", "今年1-8月", "产值达489.12亿元"),
        ("d", "2家", 2.0, "家", "none", "false", "驿站", "临江街道", "目前", "在建2家"),
    )
    result = evaluate(claims, {"d": TEXT + "在建2家。\n"}, gold)
    assert result.overall["matched"] == 1
    assert result.overall["precision"] == pytest.approx(1 / 3) and result.overall["recall"] == pytest.approx(1 / 2)
    assert list(result.missed["mention"]) == ["2家"]
    assert sorted(result.spurious["mention"]) == ["1家", "7.7%"]
    assert result.unlocated == []


def test_a_wrong_unit_is_not_a_match() -> None:
    claims = claims_frame(extract_claims("目前,已建成投用1家。", DOC))
    gold = gold_rows(("d", "1家", 1.0, "所", "none", "false", "驿站", "临江街道", "目前", "已建成投用1家"))
    result = evaluate(claims, {"d": "目前,已建成投用1家。"}, gold)
    assert result.overall["matched"] == 0 and list(result.missed["mention"]) == ["1家"]


def test_a_blank_period_in_the_gold_is_an_answer_and_blank_predictions_are_blank() -> None:
    claims = claims_frame(extract_claims("临江街道有企业106家。", DOC))
    claims["period"] = math.nan  # how a blank cell reads back from claims.csv
    gold = gold_rows(("d", "106家", 106.0, "家", "none", "false", "企业", "临江街道", "", "有企业106家"))
    result = evaluate(claims, {"d": "临江街道有企业106家。"}, gold)
    accuracy = dict(zip(result.fields["field"], result.fields["accuracy"], strict=True))
    assert accuracy["period"] == 1.0


def test_the_gold_set_is_well_formed() -> None:
    gold, non_claims = load_gold(), load_non_claims()
    assert len(gold) > 100 and len(non_claims) > 100
    assert set(gold["qualifier"]) <= {"none", "approx", "over", "under", "ratio"}
    assert not gold.duplicated(["doc_id", "mention", "context"]).any()
    assert all(m.replace(" ", "") in c.replace(" ", "") for m, c in zip(gold["mention"], gold["context"], strict=True))


@pytest.mark.parametrize("name", ["HELDOUT_DIR", "HELDOUT2_DIR", "HELDOUT3_DIR", "HELDOUT4_DIR", "HELDOUT5_DIR",
                                  "HELDOUT6_DIR"])
def test_the_heldout_sets_are_found_in_their_texts_and_scored_field_by_field(name: str) -> None:
    from gongfu import paths
    from gongfu.extract.evaluate import evaluate_folder

    heldout = getattr(paths, name)
    result = evaluate_folder(heldout / "texts", heldout / "claims_gold.csv", heldout / "non_claims.csv")

    assert result.unlocated == []  # every annotated mention sits in its report, after cleaning
    assert result.overall["gold"] == len(pd.read_csv(heldout / "claims_gold.csv"))
    assert {"entity", "entity_type", "basis", "status", "direction"} <= set(result.fields["field"])
    assert 0 < result.overall["matched"] <= result.overall["gold"]


@pytest.mark.parametrize(("text", "context", "mention", "span"), [
    ("全镇产值56.3亿元，同比增长15.2%。", "全镇产值５６．３亿元", "５６．３亿元", (4, 10)),  # raw digits, cleaned text
    ("同比增长15.2%。", "同比增长１５．２％", "１５．２％", (4, 9)),
    ("增长（约）3%", "增长(约)3%", "3%", (5, 7)),
])
def test_a_gold_mention_is_found_whatever_width_its_digits_and_marks(text: str, context: str, mention: str,
                                                                     span: tuple[int, int]) -> None:
    assert locate(text, context, mention) == span
