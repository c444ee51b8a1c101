"""clean_document: one raw file to its cleaned text and documents.csv row, with the place read from the text
when the manifest gives none."""

from __future__ import annotations

import pytest

from gongfu.clean.document import _headings, clean_document

NOTICE = """{office}关于下达2025年度设施农业补助资金的通知
{number}
各镇人民政府、街道办事处：
根据财政预算安排，现下达2025年度设施农业补助资金1,260万元，用于新建连栋大棚3,200亩。
请各地抓紧组织实施，确保资金于年底前拨付到位。
"""


@pytest.mark.parametrize(("office", "number", "place"), [
    ("嘉善县农业农村局", "善农〔2025〕12号", ("浙江省", "嘉兴市", "嘉善县")),
    ("开化县财政局", "开财〔2025〕8号", ("浙江省", "衢州市", "开化县")),
    ("宁海县农业农村局", "宁农〔2025〕21号", ("浙江省", "宁波市", "宁海县")),
])
def test_a_notice_naming_its_office_only_above_the_text_gets_that_place(office: str, number: str,
                                                                      place: tuple[str, str, str]) -> None:
    row = clean_document(NOTICE.format(office=office, number=number).encode(), "notice").document

    assert office in row["title"] + row["kicker"]  # the office is a heading line, not in the body
    assert (row["province"], row["city"], row["district"]) == place


def test_a_manifest_place_is_kept_over_the_text() -> None:
    raw = NOTICE.format(office="嘉善县农业农村局", number="善农〔2025〕12号").encode()
    manifest = {"district": "平湖市", "city": "嘉兴市", "province": "浙江省"}
    row = clean_document(raw, "notice", manifest=manifest).document

    assert (row["city"], row["district"]) == ("嘉兴市", "平湖市")


@pytest.mark.parametrize(("meta", "expected"), [
    ({"title": "善农〔2025〕12号", "kicker": "嘉善县农业农村局关于…的通知"},
     "善农〔2025〕12号 嘉善县农业农村局关于…的通知"),
    ({"title": "龙港市上半年经济运行情况", "subtitle": "工业增加值增长8.1%"},
     "龙港市上半年经济运行情况 工业增加值增长8.1%"),
    ({"title": "", "kicker": "", "author": "王小明"}, ""),
    ({}, ""),
])
def test_headings_are_title_kicker_and_subtitle(meta: dict[str, str], expected: str) -> None:
    assert _headings(meta) == expected
