"""English place and organisation names: the gazetteer first, else pinyin with the suffix translated and the
Chinese kept in brackets; Chinese pages get every name as written; any string is safe."""

from __future__ import annotations

import csv
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_charts import DOCS

from gongfu import paths
from gongfu.compare import places
from gongfu.compare.places import document_labels, place_label, translate_names

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def gazetteer_rows() -> list[dict[str, str]]:
    with places.PLACES_FILE.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


# --- the gazetteer

@pytest.mark.parametrize(("zh", "en"), [
    ("临江街道", "Linjiang Subdistrict"),
    ("闻堰街道", "Wenyan Subdistrict"),
    ("南湖区", "Nanhu District"),
    ("婺城区", "Wucheng District"),
    ("萧山区", "Xiaoshan District"),
    ("杭州市", "Hangzhou"),
    ("浙江省", "Zhejiang"),
    ("莘畈乡", "Xinfan Township"),  # 莘 reads xīn here; pinyin alone says Shen
])
def test_gazetteer_names_come_out_in_english_without_brackets(zh: str, en: str) -> None:
    assert place_label(zh, "en") == en


def test_every_place_in_the_manifest_is_in_the_gazetteer() -> None:
    with (paths.RAW_DIR / paths.MANIFEST_NAME).open(encoding="utf-8", newline="") as fh:
        manifest = list(csv.DictReader(fh))
    names = {r["zh"] for r in gazetteer_rows()}

    named = {r[c] for r in manifest for c in ("province", "city", "district", "street") if r[c]}

    assert named and named <= names, sorted(named - names)


def test_every_parent_is_a_place_of_the_gazetteer_and_names_are_unique() -> None:
    rows = gazetteer_rows()
    zh = [r["zh"] for r in rows]

    assert len(zh) == len(set(zh))
    assert {r["parent"] for r in rows if r["parent"]} <= set(zh)
    assert not [r["en"] for r in rows if HAN.search(r["en"]) or not r["en"]]


def test_a_traditional_spelling_finds_the_gazetteer_entry() -> None:
    assert place_label("臨江街道", "en") == "Linjiang Subdistrict"


# --- romanisation of names the gazetteer lacks

@pytest.mark.parametrize(("zh", "en"), [
    ("桥南村", "Qiaonan Village (桥南村)"),
    ("南杨社区", "Nanyang Community (南杨社区)"),
    ("褚大姐甜瓜专业合作社", "Chudajie Melon Cooperative (褚大姐甜瓜专业合作社)"),  # 甜瓜: a generic word
    ("安舒医院", "Anshu Hospital (安舒医院)"),
    ("长安镇", "Chang'an Town (长安镇)"),  # syllable apostrophe
    ("女儿村", "Nü'er Village (女儿村)"),  # ü kept
    ("幸福小区", "Xingfu Residential Estate (幸福小区)"),  # the longest suffix wins over 区
    ("萧君", "Xiaojun (萧君)"),  # no suffix
])
def test_other_names_are_romanised_with_the_suffix_in_english_and_the_chinese_kept(zh: str, en: str) -> None:
    assert place_label(zh, "en") == en


def test_a_known_place_at_the_start_of_a_name_keeps_its_english_and_its_reading() -> None:
    assert place_label("金华聚流食品商行", "en") == "Jinhua Juliu Food Trading Firm (金华聚流食品商行)"
    assert place_label("乾西移民小康社区", "en").startswith("Qianxi ")  # 乾 qián, never 干 gān


@pytest.mark.parametrize(("zh", "en"), [
    ("星筑一期项目", "Xingzhu Phase 1 Project"),
    ("闻堰初中", "Wenyan Middle School"),
    ("安居乐堰现代社区发展基金", "Anjuleyan Modern Community Development Fund"),  # 社区 mid-name, after a word
    ("云尖信息总部暨新型基础设施智造基地",
     "Yunjian Information Headquarters and New-type Infrastructure Smart Manufacturing Base"),
    ("浙能镇海项目", "Zhejiang Energy Zhenhai Project"),  # 镇 inside 镇海 is no suffix
    ("凤桥镇联丰村", "Fengqiao Town Lianfeng Village"),  # 镇 between two names is
    ("龙山河区块", "Longshan River Block"),
    ("临江街道“萧君”瓜果农业专业合作社", "Linjiang Subdistrict “Xiaojun” Fruit and Melon Agricultural Cooperative"),
])
def test_generic_words_are_translated_from_the_reviewed_table_and_only_the_name_is_pinyin(zh: str, en: str) -> None:
    assert place_label(zh, "en", zh=False) == en


def test_the_word_table_has_one_row_per_word_and_english_for_every_word() -> None:
    with places.WORDS_FILE.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    words = [r for r in rows if r["kind"] == "word"]

    assert len({r["zh"] for r in rows}) == len(rows)
    assert {r["kind"] for r in rows} == {"word", "unit"}
    assert all(r["en"] and not HAN.search(r["en"]) for r in words)
    assert {"一期", "初中", "基金"} <= {r["zh"] for r in words}


def test_the_brackets_can_be_asked_for_or_left_out() -> None:
    assert place_label("临江街道", "en", zh=True) == "Linjiang Subdistrict (临江街道)"
    assert place_label("桥南村", "en", zh=False) == "Qiaonan Village"


@pytest.mark.parametrize("name", ["临江街道", "桥南村", "臨江街道", "", "Hangzhou"])
def test_chinese_pages_get_every_name_as_written(name: str) -> None:
    assert place_label(name, "zh") == name


@pytest.mark.parametrize("name", ["", "  ", "Hangzhou", "A-12"])
def test_names_without_chinese_are_left_alone(name: str) -> None:
    assert place_label(name, "en") == name


# --- documents and publishers

def test_publishers_are_translated_name_by_name() -> None:
    assert translate_names("中国经济网 (转载 新华每日电讯)", "en") == \
        "China Economic Net (reprinting Xinhua Daily Telegraph)"
    assert translate_names("中国经济网 (转载 新华每日电讯)", "zh") == "中国经济网 (转载 新华每日电讯)"


def test_english_document_labels_name_place_letter_and_publisher_in_english() -> None:
    labels = document_labels(DOCS, "en")

    assert list(labels.values()) == [
        "Linjiang Subdistrict A (Hangzhou Daily)", "Linjiang Subdistrict B",
        "Nanhu District (China Economic Net, reprinting Xinhua Daily Telegraph)", "Wenyan Subdistrict",
        "Wucheng District"]
    assert document_labels(DOCS, "en", publisher=False)[DOCS["doc_id"][1]] == "Linjiang Subdistrict B"


def test_chinese_document_labels_are_unchanged() -> None:
    from gongfu.compare.select import document_labels as labels_zh

    assert document_labels(DOCS, "zh") == labels_zh(DOCS)


# --- any string

@given(st.text())
def test_any_string_gives_a_string_the_same_every_time(name: str) -> None:
    first = place_label(name, "en")

    assert isinstance(first, str) and first == place_label(name, "en")
    assert place_label(name, "zh") == name


SUFFIXES = ["", "村", "社区", "街道", "区", "合作社", "有限公司"]


@given(st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=1, max_size=8),
       st.sampled_from(SUFFIXES))
def test_a_chinese_name_in_english_has_chinese_only_inside_its_bracket(stem: str, suffix: str) -> None:
    name = stem + suffix

    label = place_label(name, "en")
    outside = label.removesuffix(f" ({name})")

    assert outside and not HAN.search(outside), label
