"""Theme emphasis: claims per theme and the share of each text about each theme."""

from __future__ import annotations

import pytest
from samples import DOCS, claim, enriched

from gongfu.compare.emphasis import theme_counts, theme_shares


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
