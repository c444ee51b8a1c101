"""Names a document gives: the patterns the name finder scans the whole text with."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongfu.extract.names import _LOCAL


@pytest.mark.parametrize(("text", "found"), [
    ("村里有民宿23家", ["村"]),  # at the start of the text
    ("去年，镇上新建厂房", ["镇"]),  # after a clause break
    ("在村里的合作社", []),  # after a character: not at a clause start
    ("下姜村上半年", []),
    ("。县里出台政策", ["县"]),
])
def test_a_local_noun_of_place_opens_a_clause(text: str, found: list[str]) -> None:
    assert [m.group(1) or m.group(2) for m in _LOCAL.finditer(text)] == found


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["村", "镇", "县", "乡", "里", "上", "在", "，", "。", "\n", "1", "有"]),
                max_size=20).map("".join))
def test_the_guard_changes_no_local_match(text: str) -> None:
    guard, body = _LOCAL.pattern.split(")(?:", 1)
    assert guard == "(?=[乡县村镇]"
    plain = re.compile(body[:-1])
    assert [(m.span(), m.groups()) for m in _LOCAL.finditer(text)] == [
        (m.span(), m.groups()) for m in plain.finditer(text)]
