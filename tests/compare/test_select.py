"""Selecting documents and claims: labels, filters, growth and money claims."""

from __future__ import annotations

import pandas as pd
import pytest
from samples import DOCS, claim, enriched

from gongfu.compare.select import (
    UNASSIGNED,
    claim_theme,
    document_labels,
    growth_claims,
    money_claims,
    select_documents,
)
from gongfu.errors import GongfuError

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


def test_growth_and_money_claims_are_selected_by_unit() -> None:
    claims = enriched([
        claim("002_c", 1, "345.25亿元", 3.4525e10, "元", "地区生产总值", "南湖区", "上半年"),
        claim("002_c", 2, "13.9%", 13.9, "%", "地区生产总值", "南湖区", "上半年", is_growth=True),
        claim("002_c", 3, "665亩", 665, "亩", "种植面积", "褚大姐甜瓜专业合作社"),
    ])

    assert list(growth_claims(claims)["mention"]) == ["13.9%"]
    assert list(money_claims(claims)["mention"]) == ["345.25亿元"]
