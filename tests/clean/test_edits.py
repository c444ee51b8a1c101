"""Change, apply_changes and Tracker: every edit keeps pointing at the raw text, however many steps ran."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongfu.clean.edits import Change, Tracker, apply_changes


def test_apply_changes_replaces_deletes_and_inserts_in_any_order():
    text = "臨江街道:展新城"
    changes = [Change(4, 5, "：", "punct"), Change(0, 2, "临江", "script"), Change(8, 8, "面貌", "insert")]

    assert apply_changes(text, changes) == "临江街道：展新城面貌"


def test_apply_changes_refuses_overlapping_changes():
    with pytest.raises(ValueError, match="overlapping"):
        apply_changes("社群服務", [Change(0, 2, "社区", "a"), Change(1, 3, "x", "b")])


def test_tracker_maps_a_second_step_back_to_raw_offsets():
    raw = "機(jī)遇 打造"  # pinyin removed first, then script conversion of 機
    tracker = Tracker(raw)
    tracker.apply("pinyin", [Change(1, 5, "", "pinyin")])

    edits = tracker.apply("script", [Change(0, 1, "机", "t2s")])

    assert tracker.text == "机遇 打造"
    assert (edits[0].raw_start, edits[0].raw_end, edits[0].before) == (0, 1, "機")
    assert raw[edits[0].raw_start:edits[0].raw_end] == "機"


def test_tracker_deletion_after_an_earlier_deletion_points_past_it():
    raw = "首頁 > 旅遊\n\n正文開始"
    tracker = Tracker(raw)
    tracker.apply("boilerplate", [Change(0, 9, "", "breadcrumb")])

    edits = tracker.apply("script", [Change(0, 2, "正文", "t2s")])

    assert raw[edits[0].raw_start:edits[0].raw_end] == "正文"


def test_tracker_insertion_point_is_recorded_as_an_empty_raw_span():
    tracker = Tracker("共富路上")

    edits = tracker.apply("punctuation", [Change(2, 2, "，", "insert")])

    assert tracker.text == "共富，路上"
    assert (edits[0].raw_start, edits[0].raw_end, edits[0].before) == (2, 2, "")


def test_a_flag_keeps_the_text_and_each_characters_own_span():
    raw = "道 2019 年启\n动"
    tracker = Tracker(raw)

    flag = tracker.apply("layout", [Change(0, 9, raw[0:9], "fragment kept, not re-joined")])
    later = tracker.apply("script", [Change(8, 9, "啓", "variant")])

    assert tracker.text == "道 2019 年啓\n动"
    assert flag[0].before == flag[0].after
    assert (later[0].raw_start, later[0].raw_end) == (8, 9)


def test_a_longer_replacement_spreads_over_the_whole_span():
    tracker = Tracker("鍒嗕韩鍒帮細X")
    tracker.apply("mojibake", [Change(0, 6, "分享到：", "mojibake")])

    edits = tracker.apply("punctuation", [Change(3, 4, ":", "narrow")])

    assert (edits[0].raw_start, edits[0].raw_end) == (0, 6)


def test_tracker_refuses_out_of_range_changes_naming_the_step():
    with pytest.raises(ValueError, match="layout"):
        Tracker("短").apply("layout", [Change(0, 5, "", "x")])


@st.composite
def _text_and_changes(draw):
    text = draw(st.text(alphabet="共富临江街道 ,\n", max_size=30))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=6)))
    changes = []
    for a, b in zip(cuts[::2], cuts[1::2], strict=False):
        changes.append(Change(a, b, draw(st.text(alphabet="区，", max_size=3)), "r"))
    return text, changes


@given(_text_and_changes(), _text_and_changes())
def test_every_edit_before_is_the_raw_slice_when_it_is_the_first_step(first, second):
    raw, changes = first
    tracker = Tracker(raw)

    edits = tracker.apply("one", changes)
    # a second step's edits always fall inside the raw text
    _, later = second
    later = [c for c in later if c.end <= len(tracker.text)]
    later_edits = tracker.apply("two", later)

    assert tracker.text == apply_changes(apply_changes(raw, changes), later)
    assert all(raw[e.raw_start:e.raw_end] == e.before for e in edits)
    assert all(0 <= e.raw_start <= e.raw_end <= len(raw) for e in later_edits)


def test_text_from_gives_what_a_stretch_of_the_raw_text_became():
    raw = "機(jī)遇,現(xiàn)代"
    tracker = Tracker(raw)
    tracker.apply("pinyin", [Change(1, 5, "", "pinyin"), Change(8, 14, "", "pinyin")])
    tracker.apply("script", [Change(0, 1, "机", "t2s"), Change(3, 4, "现", "t2s")])

    assert tracker.text_from(0, 6) == "机遇"
    assert tracker.text_from(6, len(raw)) == ",现代"


class _CharacterSpans:
    """The Tracker's rule, one list entry per character: what the Tracker must match (ranges,
    then lists, skipped same-length copies and all)."""

    def __init__(self, raw: str) -> None:
        self.text, self.raw_len = raw, len(raw)
        self.starts, self.ends = list(range(len(raw))), list(range(1, len(raw) + 1))

    def apply(self, changes: list[Change]) -> list[tuple[int, int]]:
        n, spans, starts, ends, text = len(self.text), [], [], [], []
        pos = 0
        for c in sorted(changes, key=lambda c: (c.start, c.end)):
            raw_start = self.starts[c.start] if c.start < n else (self.ends[n - 1] if n else self.raw_len)
            raw_end = max(raw_start, self.ends[c.end - 1]) if c.end > c.start else raw_start
            spans.append((raw_start, raw_end))
            starts += self.starts[pos:c.start]
            ends += self.ends[pos:c.start]
            same = len(c.after) == c.end - c.start
            starts += self.starts[c.start:c.end] if same else [raw_start] * len(c.after)
            ends += self.ends[c.start:c.end] if same else [raw_end] * len(c.after)
            text += [self.text[pos:c.start], c.after]
            pos = c.end
        self.starts, self.ends = starts + self.starts[pos:], ends + self.ends[pos:]
        self.text = "".join(text) + self.text[pos:]
        return spans


@st.composite
def _steps(draw):
    """A raw text and a few steps of changes, each drawn against the text the previous steps left."""
    raw = draw(st.text(alphabet="共富临江 ,\n", max_size=25))
    reference = _CharacterSpans(raw)
    steps = []
    for _ in range(draw(st.integers(1, 4))):
        n = len(reference.text)
        cuts = sorted(draw(st.lists(st.integers(0, n), max_size=8)))
        changes = [Change(a, b, draw(st.sampled_from(["", "区", "区区", reference.text[a:b], "x" * (b - a)])), "r")
                   for a, b in zip(cuts[::2], cuts[1::2], strict=False)]
        steps.append((changes, reference.apply(changes), reference.text, list(reference.starts)))
    return raw, steps


@given(_steps())
def test_tracker_spans_match_the_per_character_rule(case):
    raw, steps = case
    tracker = Tracker(raw)
    for changes, spans, text, starts in steps:
        edits = tracker.apply("step", list(reversed(changes)))  # any order

        assert [(e.raw_start, e.raw_end) for e in edits] == spans
        assert tracker.text == text
        assert list(tracker._starts) == starts
    for a in range(len(raw) + 1):
        for b in range(a, len(raw) + 1):
            lo, hi = sum(1 for s in starts if s < a), sum(1 for s in starts if s < b)
            assert tracker.text_from(a, b) == tracker.text[lo:hi]


def test_an_edit_row_has_the_edits_csv_columns_in_order():
    from dataclasses import asdict

    from gongfu.clean.edits import EDIT_COLUMNS, Edit

    edit = Edit("script", 3, 4, "區", "区", "script: OpenCC t2s", False)

    assert edit.row("000", 7) == {"doc_id": "000", "edit_id": 7, **asdict(edit)}
    assert list(edit.row("000", 7)) == EDIT_COLUMNS
