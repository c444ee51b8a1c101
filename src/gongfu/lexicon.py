"""Every vocabulary the package reads from src/gongfu/data/*.csv, each with its one reader.

Themes (themes.csv), the indicator taxonomy (indicators.csv), units (units.csv), entity cues and surnames
(entity_cues.csv, surnames.csv), the words that give a claim its direction, status and per-unit basis
(claim_cues.csv), the gazetteer (places.csv) and the reviewed English words (english_words.csv). Extraction,
comparison and the cleaner's layout step (`vocabulary`) import them from here, so an edit to a word list shows
up in one import graph. The cleaner's own rule tables (boilerplate.csv, script_phrases.csv) stay with the step
that applies them.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from gongfu.paths import PACKAGE_DATA

THEMES_FILE = PACKAGE_DATA / "themes.csv"
INDICATORS_FILE = PACKAGE_DATA / "indicators.csv"
UNITS_FILE = PACKAGE_DATA / "units.csv"
CUES_FILE = PACKAGE_DATA / "entity_cues.csv"
SURNAMES_FILE = PACKAGE_DATA / "surnames.csv"
PLACES_FILE = PACKAGE_DATA / "places.csv"
WORDS_FILE = PACKAGE_DATA / "english_words.csv"
CLAIM_CUES_FILE = PACKAGE_DATA / "claim_cues.csv"
SUFFIX, TERM, MEDIA = "suffix", "term", "media"  # levels of places.csv rows that are not places


def _rows(path: Path) -> list[dict[str, str]]:
    with Path(path).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


# --------------------------------------------------------------------------- themes


@dataclass(frozen=True)
class Theme:
    theme_id: str
    zh: str
    en: str
    keywords: tuple[str, ...]


@cache
def load_themes(path: Path = THEMES_FILE) -> tuple[Theme, ...]:
    """The themes in file order (the order charts use)."""
    return tuple(Theme(r["theme_id"], r["zh"], r["en"], tuple(k for k in r["keywords"].split("|") if k))
                 for r in _rows(path))


def theme_of(text: str, path: Path = THEMES_FILE) -> str:
    """The theme whose keywords occur most often in `text` ('' when none does); ties go to file order."""
    best, best_hits = "", 0
    for theme in load_themes(path):
        hits = sum(text.count(k) for k in theme.keywords)
        if hits > best_hits:
            best, best_hits = theme.theme_id, hits
    return best


def theme_label(theme_id: str, lang: str = "zh", path: Path = THEMES_FILE) -> str:
    """A theme's label in `lang` (zh or en); unknown ids come back as given."""
    for theme in load_themes(path):
        if theme.theme_id == theme_id:
            return theme.en if lang == "en" else theme.zh
    return theme_id


# --------------------------------------------------------------------------- indicators


@dataclass(frozen=True)
class Indicator:
    """One row of the indicator taxonomy: id, Chinese label, the words that name it, English label, theme and
    the unit it is measured in ('' when any)."""

    indicator_id: str
    zh: str
    patterns: tuple[str, ...]
    en: str
    theme: str
    unit: str


@cache
def load_indicators(path: Path = INDICATORS_FILE) -> tuple[Indicator, ...]:
    """The taxonomy in file order."""
    return tuple(Indicator(r["indicator_id"], r["zh"], tuple(p for p in r["patterns"].split("|") if p),
                           r["en"], r["theme"], r["unit"]) for r in _rows(path))


@cache
def indicators_by_id(path: Path = INDICATORS_FILE) -> dict[str, Indicator]:
    """The taxonomy keyed by indicator_id."""
    return {ind.indicator_id: ind for ind in load_indicators(path)}


def indicator_label(indicator: str, indicator_id: str = "", lang: str = "zh",
                    path: Path = INDICATORS_FILE) -> str:
    """The label a chart shows: zh = the text's own wording; en = the taxonomy's English label.

    Falls back (en) to the indicator id, then to the Chinese; (zh) to the taxonomy's Chinese, then the id.
    """
    entry = indicators_by_id(path).get(indicator_id or "")
    if lang == "en":
        return (entry.en if entry and entry.en else "") or indicator_id or indicator
    return indicator or (entry.zh if entry else "") or indicator_id


def indicator_zh(indicator_id: str, path: Path = INDICATORS_FILE) -> str:
    """The taxonomy's Chinese label of an indicator id ('' when unknown)."""
    entry = indicators_by_id(path).get(indicator_id or "")
    return entry.zh if entry else ""


def indicator_theme(indicator_id: str, path: Path = INDICATORS_FILE) -> str:
    """The theme the taxonomy gives an indicator id ('' when unknown)."""
    entry = indicators_by_id(path).get(indicator_id or "")
    return entry.theme if entry else ""


# --------------------------------------------------------------------------- units


@dataclass(frozen=True)
class Unit:
    """One row of units.csv: a unit as written, its base unit, the factor to it and its kind.

    cn_small_ok: a small Chinese numeral before it is a count (两支) rather than part of a name (三方面);
    bounded: it is this unit only before a clause mark, a numeral or a qualifier (两千来块, not 3块地);
    written: it is written in texts (false for the names the reader gives what it reads: clock, ratio)."""

    unit: str
    base_unit: str
    factor: float
    kind: str
    cn_small_ok: bool
    bounded: bool = False
    written: bool = True


@cache
def load_units(path: Path = UNITS_FILE) -> dict[str, Unit]:
    """The unit table, keyed by the unit as written."""
    return {r["unit"]: Unit(r["unit"], r["base_unit"], float(r["factor"]), r["kind"],
                            r["cn_small_ok"].strip().lower() == "true", r.get("bounded", "").strip().lower() == "true",
                            r.get("written", "true").strip().lower() != "false")
            for r in _rows(path)}


@cache
def unit_kind(unit: str) -> str:
    """The kind of a base unit (money, count, date, ...), '' when the table does not know it."""
    return next((u.kind for u in load_units().values() if u.base_unit == unit), "")


# --------------------------------------------------------------------------- entity cues and surnames


@dataclass(frozen=True)
class Cues:
    """The entity lexicon (data/entity_cues.csv), one field per cue type."""

    suffixes: dict[str, str]
    generic: frozenset[str]
    generic_ends: tuple[str, ...]
    roles: tuple[str, ...]
    object_verbs: tuple[str, ...]
    copulas: tuple[str, ...]
    speech: tuple[str, ...]
    demonstratives: tuple[str, ...]
    deictic: tuple[str, ...]
    prepositions: tuple[str, ...]
    leading_verbs: tuple[str, ...]
    lead_words: tuple[str, ...]  # prepositions and demonstratives, longest first
    not_after: frozenset[str]
    not_after_long: frozenset[str]
    anaphor_follow: frozenset[str]
    honorifics: tuple[str, ...]  # 大姐, 师傅, 女士: a surname before one is a person
    person_nouns: tuple[str, ...]  # 茶农, 养殖户, 华侨: a name after one is a person (never an affiliation cue)
    person_ends: str  # 农 户 民 侨 员: the last character of a word for people (梅农, 种植户, 旅意华侨)
    not_person: tuple[str, ...]  # 老师, 小时, 小区: words that look like 老/小 + surname
    recipients: tuple[str, ...]  # 向, 给: a name after one in its clause receives (向贫困村捐赠)
    product_ends: str  # 茶 酒 鸡 瓷: the last character of a product's name, never of a person's (惠明茶是…)
    bare_suffixes: frozenset[str] = frozenset()  # 企业: an ending that names nothing, but alone stands for a firm
    short_endings: dict[str, str] = field(default_factory=dict)  # 该行 -> 银行, 该校 -> 学校: one-character forms
    business_ends: tuple[str, ...] = ()  # 公司, 合作社, 银行: a business gives its own figures, an agency its place's
    officials: tuple[str, ...] = ()  # 局长, 书记, 镇长: an office whose holder speaks of the place, not of themself
    measures: tuple[str, ...] = ()  # 家 所 座 个: the measure word of 这家企业, 与一家茶企
    pointing: str = ""  # 这 那 该 此: a one-character demonstrative before a measure word (这家企业)
    partners: tuple[str, ...] = ()  # 与 同 跟: who a subject deals with (与白龙桥镇共建) is not the subject
    partner_adverbs: tuple[str, ...] = ()  # 还 也 先后 共同: adverbs that may stand before a partner word
    where_leads: tuple[str, ...] = ()  # 位于 地处 来自: 位于溪头村的公司 says where the subject is
    self_words: tuple[str, ...] = ()  # 个人 本人 自己: after a person, figures of their own
    name_then: tuple[str, ...] = ()  # 集体 水产: words after a name although their first character is not_after
    holder_ends: tuple[str, ...] = ()  # 项目 公司 基地: a name that holds money after 的 (项目的投资)
    speech_starts: str = ""  # 说 介 表 告 称: first characters of speech verbs that never end a two-character name
    not_short: frozenset[str] = frozenset()  # 行业 校区 社会: words a short ending starts (该行业 is no bank)
    wholes: tuple[str, ...] = ()  # 全省 全国: the whole a league or share is taken over


@cache
def load_cues(path: Path = CUES_FILE) -> Cues:
    """The entity lexicon, longest cue first within each type."""
    by_type: dict[str, list[tuple[str, str]]] = {}
    for row in _rows(path):
        by_type.setdefault(row["type"], []).append((row["cue"], row.get("group") or row["cue"]))

    def words(kind: str) -> tuple[str, ...]:
        return tuple(sorted((c for c, _ in by_type.get(kind, [])), key=len, reverse=True))

    suffixes = dict(by_type.get("suffix", []) + by_type.get("bare_suffix", []))
    return Cues(suffixes, frozenset(words("generic")), words("generic_end"), words("role"),
                words("object_verb"), words("copula"), words("speech"), words("demonstrative"), words("deictic"),
                words("preposition"), words("leading_verb"),
                tuple(sorted(words("preposition") + words("demonstrative"), key=len, reverse=True)),
                frozenset(words("not_after")),
                frozenset(words("not_after_long")), frozenset(words("anaphor_follow")), words("honorific"),
                words("person_noun"), "".join(sorted(words("person_end"))), words("not_person"),
                words("recipient"), "".join(sorted(words("product_end"))), frozenset(words("bare_suffix")),
                dict(by_type.get("short_ending", [])), words("business_end"), words("official"),
                words("measure"), "".join(words("pointing")), words("partner"), words("partner_adverb"),
                words("where_lead"), words("self_word"), words("name_then"), words("holder_end"),
                "".join(words("speech_start")), frozenset(words("not_short")), words("whole_of"))


@cache
def suffix_types(path: Path = CUES_FILE) -> dict[str, str]:
    """Name endings -> the entity_type a name with that ending has (place, organisation, project)."""
    return {r["cue"]: r.get("entity_type") or "place" for r in _rows(path) if r["type"] == "suffix"}


@cache
def load_surnames(path: Path = SURNAMES_FILE) -> frozenset[str]:
    """Chinese surnames, single and compound."""
    return frozenset(r["surname"] for r in _rows(path))


# --------------------------------------------------------------------------- claim cues


@dataclass(frozen=True)
class ClaimCues:
    """The words around a number that say which way it moved, whether it happened and per what it counts
    (data/claim_cues.csv), longest first within each kind."""

    change: dict[str, str]  # 增长 -> up, 下降 -> down: a change against a baseline
    comparative: dict[str, str]  # 高出 -> up: a change only after 比/较 and an earlier time
    level: tuple[str, ...]  # 到, 至 after a change word: a level reached (增加到)
    addition: tuple[str, ...]  # 新增, 累计, 节约: counts and savings, levels
    status: dict[str, str]  # 计划 -> plan, 预计 -> projection, 目前 -> actual
    basis: dict[str, str]  # 人均 -> 人, 每亩 -> 亩, 一年 -> 年
    basis_measures: tuple[str, ...]  # 斤, 小时...: 每X and 一X make X the basis
    lead_words: tuple[str, ...]  # 其中, 全县, 当地: scope words dropped from the front of an indicator
    link_words: tuple[str, ...]  # 达到, 为, 超过: words joining an indicator to its number
    categories: tuple[str, ...] = ()  # 企业, 项目, 农户: nouns a bound before them makes a category (超亿元企业)
    rank_verbs: tuple[str, ...] = ()  # 居, 位列, 排名: verbs before a place in a league table (居全省第二)
    activities: dict[str, str] = field(default_factory=dict)  # 养 -> 养殖, 包 -> 承包: a speaker's verb and its noun


@cache
def load_claim_cues(path: Path = CLAIM_CUES_FILE) -> ClaimCues:
    """The claim cue table, each kind longest cue first."""
    by_kind: dict[str, dict[str, str]] = {}
    for row in _rows(path):
        by_kind.setdefault(row["kind"], {})[row["cue"]] = row["value"]

    def kind(name: str) -> dict[str, str]:
        return dict(sorted(by_kind.get(name, {}).items(), key=lambda kv: -len(kv[0])))

    return ClaimCues(kind("change"), kind("comparative"), tuple(kind("level")), tuple(kind("addition")),
                     kind("status"), kind("basis"), tuple(kind("basis_measure")), tuple(kind("lead_word")),
                     tuple(kind("link_word")), tuple(kind("category")), tuple(kind("rank_verb")),
                     kind("activity"))


# --------------------------------------------------------------------------- places


@dataclass(frozen=True)
class Gazetteer:
    """Names (zh -> en: places, media, terms) and administrative suffixes (zh -> en, longest first)."""

    names: dict[str, str]
    suffixes: tuple[tuple[str, str], ...]
    stems: tuple[tuple[str, str], ...]  # 临江 -> Linjiang: a known place's name without its suffix, longest first


@cache
def load_gazetteer(path: Path = PLACES_FILE) -> Gazetteer:
    """Read places.csv: rows of level `suffix` are the suffix table, every other row a name."""
    rows = _rows(path)
    suffixes = tuple(sorted(((r["zh"], r["en"]) for r in rows if r["level"] == SUFFIX), key=lambda s: -len(s[0])))
    names = {r["zh"]: r["en"] for r in rows if r["level"] != SUFFIX}
    stems = {}
    for r in rows:
        if r["level"] in (SUFFIX, TERM, MEDIA):
            continue
        for zh, en in suffixes:
            if r["zh"].endswith(zh) and len(r["zh"]) > len(zh):
                stems[r["zh"][: -len(zh)]] = r["en"].removesuffix(f" {en}")
                break
    return Gazetteer(names, suffixes, tuple(sorted(stems.items(), key=lambda s: -len(s[0]))))


# --------------------------------------------------------------------------- English words


WORD, UNIT = "word", "unit"


@dataclass(frozen=True)
class EnglishWords:
    """The reviewed zh -> en table (data/english_words.csv): generic words inside names (一期 phase 1,
    初中 middle school, 基金 fund), longest first, and unit names (plural, singular)."""

    words: tuple[tuple[str, str], ...]
    units: dict[str, tuple[str, str]]


@cache
def load_words(path: Path = WORDS_FILE) -> EnglishWords:
    """Read english_words.csv: kind `word` rows translate parts of names, kind `unit` rows name units."""
    rows = _rows(path)
    words = tuple(sorted(((r["zh"], r["en"]) for r in rows if r["kind"] == WORD), key=lambda w: -len(w[0])))
    units = {r["zh"]: (r["en"], r["en_one"] or r["en"]) for r in rows if r["kind"] == UNIT}
    return EnglishWords(words, units)


# --------------------------------------------------------------------------- all of them


VOCABULARY = ((PLACES_FILE, "zh"), (CUES_FILE, "cue"), (THEMES_FILE, "keywords"), (INDICATORS_FILE, "patterns"))


@cache
def vocabulary() -> frozenset[str]:
    """Every word of the project's vocabulary: place names, entity cues, theme keywords, indicator names.

    The cleaner's layout step reads it as evidence: a known word cut by a line end shows where a stray
    fragment of an OCR column belongs.
    """
    return frozenset(w for path, column in VOCABULARY for row in _rows(path)
                     for w in (row.get(column) or "").split("|") if w)
