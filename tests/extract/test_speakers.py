"""A speaker's own figures: the pronoun pattern read in every number's sentence part."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongfu.extract.speakers import _PRONOUN


@pytest.mark.parametrize(("text", "found"), [
    ("他家种了40亩", ["他家"]),
    ("她们家今年", ["她们家"]),
    ("她今年58岁", ["她"]),
    ("其他村民", []),  # 其他 is "other"
    ("他们种了", []),  # 他们: a group, not the person
    ("他人", []),
])
def test_a_pronoun_for_the_person_introduced(text: str, found: list[str]) -> None:
    assert [m.group() for m in _PRONOUN.finditer(text)] == found


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["他", "她", "们", "家", "其", "人", "说", "，", "今年", "1"]),
                max_size=20).map("".join))
def test_the_guard_changes_no_pronoun_match(text: str) -> None:
    guard, body = _PRONOUN.pattern.split(")(?:", 1)
    assert guard == "(?=[他她]"
    plain = re.compile(body[:-1])
    assert [m.span() for m in _PRONOUN.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert [bool(_PRONOUN.match(text, i)) for i in range(len(text))] == [
        bool(plain.match(text, i)) for i in range(len(text))]
