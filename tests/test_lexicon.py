"""Every vocabulary has one reader (gongfu.lexicon); these pin what each reader gives."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from gongfu import lexicon
from gongfu.clean.layout import known_words


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_every_indicator_names_a_known_theme_and_a_known_unit() -> None:
    themes = {t.theme_id for t in lexicon.load_themes()}
    units = {u.base_unit for u in lexicon.load_units().values()}

    for ind in lexicon.load_indicators():
        assert ind.theme in themes, ind
        assert ind.unit == "" or ind.unit in units, ind
        assert ind.patterns, ind


def test_indicators_by_id_holds_every_row_once() -> None:
    ids = [r["indicator_id"] for r in rows(lexicon.INDICATORS_FILE)]

    assert len(ids) == len(set(ids)) == len(lexicon.indicators_by_id())
    assert list(lexicon.indicators_by_id()) == ids


@pytest.mark.parametrize(("indicator", "indicator_id", "lang", "label"), [
    ("规上工业总产值", "industrial_output_above_size", "zh", "规上工业总产值"),
    ("", "industrial_output_above_size", "zh", "规上工业总产值"),
    ("规模以上工业总产值", "industrial_output_above_size", "en", "Industrial output above designated size"),
    ("没有的指标", "", "en", "没有的指标"),
    ("没有的指标", "", "zh", "没有的指标"),
    ("", "no_such_id", "zh", "no_such_id"),
])
def test_indicator_label(indicator: str, indicator_id: str, lang: str, label: str) -> None:
    assert lexicon.indicator_label(indicator, indicator_id, lang) == label


@pytest.mark.parametrize(("unit", "kind"), [
    ("元", "money"), ("美元", "money"), ("%", "percent"), ("人", "count"), ("亩", "area"), ("不是单位", ""),
])
def test_unit_kind(unit: str, kind: str) -> None:
    assert lexicon.unit_kind(unit) == kind


@pytest.mark.parametrize(("text", "theme"), [
    ("规上工业总产值增长，企业投资加快", "economy"),
    ("农民人均可支配收入增收明显", "income"),
    ("新建幼儿园和养老床位", "services"),
    ("一句与任何主题都无关的话", ""),
])
def test_theme_of(text: str, theme: str) -> None:
    assert lexicon.theme_of(text) == theme


def test_theme_label_falls_back_to_the_id() -> None:
    assert lexicon.theme_label("economy", "en") == "Economy and industry"
    assert lexicon.theme_label("economy") == "经济与产业"
    assert lexicon.theme_label("unknown") == "unknown"


def test_the_gazetteer_separates_suffixes_from_names_and_derives_stems() -> None:
    gaz = lexicon.load_gazetteer()
    suffix_rows = [r for r in rows(lexicon.PLACES_FILE) if r["level"] == lexicon.SUFFIX]

    assert {zh for zh, _ in gaz.suffixes} == {r["zh"] for r in suffix_rows}
    assert "杭州市" in gaz.names and "杭州市" not in dict(gaz.suffixes)
    lengths = [len(zh) for zh, _ in gaz.stems]
    assert lengths == sorted(lengths, reverse=True)  # longest stem first


def test_cues_and_surnames_come_from_their_files() -> None:
    cues = lexicon.load_cues()
    suffixes = {r["cue"] for r in rows(lexicon.CUES_FILE) if r["type"] in ("suffix", "bare_suffix")}

    assert set(cues.suffixes) == suffixes
    assert cues.bare_suffixes == {r["cue"] for r in rows(lexicon.CUES_FILE) if r["type"] == "bare_suffix"}
    assert set(cues.short_endings) == {r["cue"] for r in rows(lexicon.CUES_FILE) if r["type"] == "short_ending"}
    assert {"公司", "合作社", "银行"} <= set(cues.business_ends)
    assert {"王", "欧阳"} <= lexicon.load_surnames()


@pytest.mark.parametrize(("field", "cue_type"), [
    ("measures", "measure"), ("partners", "partner"), ("partner_adverbs", "partner_adverb"),
    ("where_leads", "where_lead"), ("self_words", "self_word"), ("name_then", "name_then"),
    ("holder_ends", "holder_end"), ("wholes", "whole_of"), ("not_short", "not_short"),
    ("pointing", "pointing"), ("speech_starts", "speech_start"),
])
def test_each_word_list_of_the_name_rules_is_one_cue_type(field: str, cue_type: str) -> None:
    """The words the name, person and indicator rules look for live in entity_cues.csv, not in the code."""
    words = {r["cue"] for r in rows(lexicon.CUES_FILE) if r["type"] == cue_type}
    value = getattr(lexicon.load_cues(), field)
    assert words and set(value) == words
    if isinstance(value, tuple):
        assert [len(w) for w in value] == sorted(map(len, value), reverse=True)  # longest first for startswith


def test_the_vocabulary_is_every_word_of_the_four_word_lists() -> None:
    words = lexicon.vocabulary()

    assert {"杭州市", "街道", "规上工业总产值", "增加值"} <= words
    assert "" not in words


def test_the_layout_step_reads_the_lexicon_vocabulary_by_import() -> None:
    # an OCR cut is re-joined on evidence from the same words extraction uses: no second reader of the CSVs
    assert known_words() == {w for w in lexicon.vocabulary() if 2 <= len(w) <= 8 and all("\u4e00" <= c <= "\u9fff"
                                                                                        for c in w)}
