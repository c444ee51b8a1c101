"""What a mention stands for: a short name given in full earlier is the latest full name that ends with it."""

from __future__ import annotations

import pytest

from gongfu.extract.context import DocumentContext

COUNTY = {"doc_id": "t", "district": "淳安县", "city": "杭州市", "province": "浙江省"}
FIRST = "乾西乡移民小康社区有住户120户。"
SECOND = "东坪村移民小康社区有住户80户。"
AGAIN = "乾西乡移民小康社区新建道路2条。"
SHORT = "移民小康社区新建房屋30幢。"


@pytest.mark.parametrize(("text", "expected"), [
    (SHORT, "移民小康社区"),  # nothing earlier: the name as written
    (FIRST + SHORT, "乾西乡移民小康社区"),
    (FIRST + SECOND + SHORT, "东坪村移民小康社区"),  # the latest full name
    (FIRST + SECOND + AGAIN + SHORT, "乾西乡移民小康社区"),  # named again: the latest again
    (SECOND + FIRST + SECOND + SHORT, "东坪村移民小康社区"),
])
def test_a_short_name_is_the_latest_full_name_ending_with_it(text: str, expected: str) -> None:
    start = text.rindex("30幢")
    assert DocumentContext(text, COUNTY).entity(start, start + 3) == expected
