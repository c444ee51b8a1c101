"""Shared cue patterns: the first-character guard keeps every match of the alternation it guards."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongfu.extract.cue_patterns import first_char_guard

BODIES = [  # (the characters its matches can start with, the alternation)
    ("村镇街", "村|镇|街道"),
    ("王李", "(?<=[农户])(?=[王李])"),  # an empty match after a word for people, before a surname
    ("王李，。", "(?:^|[，。])([王李])"),
    ("小老王", "(?<![一-龥])(?:小|老)王|王(?:大姐|师傅)"),
]


@pytest.mark.parametrize(("chars", "body", "text", "expected"), [
    ("村镇街", "村|镇|街道", "下姜村和孚镇临江街道", ["村", "镇", "街道"]),
    ("王李", "(?<=[农户])(?=[王李])", "茶农王大姐，菇农李四", ["", ""]),
    ("王李，。", "(?:^|[，。])([王李])", "王五，李四。张三", ["王", "，李"]),
])
def test_a_guarded_pattern_finds_the_same_matches(chars: str, body: str, text: str, expected: list[str]) -> None:
    guarded = re.compile(first_char_guard(chars, body), re.M)
    assert [m.group() for m in guarded.finditer(text)] == expected


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(BODIES), st.text(alphabet=st.sampled_from(list("村镇街道王李小老大姐师傅农户，。\n一")),
                                        max_size=30))
def test_the_guard_changes_no_match(body: tuple[str, str], text: str) -> None:
    chars, alternation = body
    guarded, plain = re.compile(first_char_guard(chars, alternation), re.M), re.compile(alternation, re.M)
    assert [(m.span(), m.groups()) for m in guarded.finditer(text)] == [
        (m.span(), m.groups()) for m in plain.finditer(text)]
