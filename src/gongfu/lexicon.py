"""The theme lexicon (data/themes.csv): six themes, their zh/en labels and the keywords that signal them."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from gongfu.paths import PACKAGE_DATA

THEMES_FILE = PACKAGE_DATA / "themes.csv"


@dataclass(frozen=True)
class Theme:
    theme_id: str
    zh: str
    en: str
    keywords: tuple[str, ...]


@cache
def load_themes(path: Path = THEMES_FILE) -> tuple[Theme, ...]:
    """The themes in file order (the order charts use)."""
    with Path(path).open(encoding="utf-8", newline="") as fh:
        return tuple(Theme(r["theme_id"], r["zh"], r["en"], tuple(k for k in r["keywords"].split("|") if k))
                     for r in csv.DictReader(fh))


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


INDICATORS_FILE = PACKAGE_DATA / "indicators.csv"

_ZH_COLUMNS = ("zh", "label_zh", "zh_label", "name_zh", "zh_name", "patterns", "zh_patterns")
_EN_COLUMNS = ("en", "label_en", "en_label", "name_en", "en_name", "english")
_THEME_COLUMNS = ("theme", "theme_id")
_UNIT_COLUMNS = ("unit", "expected_unit")


@dataclass(frozen=True)
class Indicator:
    indicator_id: str
    zh: str
    en: str
    theme: str
    unit: str


def _first(row: dict[str, str], names: tuple[str, ...]) -> str:
    for name in names:
        if row.get(name):
            return row[name].strip()
    return ""


@cache
def load_indicators(path: Path = INDICATORS_FILE) -> dict[str, Indicator]:
    """The indicator taxonomy by id; {} while the file does not exist yet (labels then fall back)."""
    path = Path(path)
    if not path.is_file():
        return {}
    out = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            ind_id = (row.get("indicator_id") or row.get("id") or "").strip()
            if not ind_id:
                continue
            zh = _first(row, _ZH_COLUMNS).split("|")[0]
            out[ind_id] = Indicator(ind_id, zh, _first(row, _EN_COLUMNS), _first(row, _THEME_COLUMNS),
                                    _first(row, _UNIT_COLUMNS))
    return out


def indicator_label(indicator: str, indicator_id: str = "", lang: str = "zh",
                    path: Path = INDICATORS_FILE) -> str:
    """The label a chart shows: zh = the text's own wording; en = the taxonomy's English label.

    Falls back (en) to the indicator id, then to the Chinese; (zh) to the taxonomy's Chinese, then the id.
    """
    entry = load_indicators(path).get(indicator_id or "")
    if lang == "en":
        return (entry.en if entry and entry.en else "") or indicator_id or indicator
    return indicator or (entry.zh if entry else "") or indicator_id


def indicator_zh(indicator_id: str, path: Path = INDICATORS_FILE) -> str:
    """The taxonomy's Chinese label of an indicator id ('' when unknown)."""
    entry = load_indicators(path).get(indicator_id or "")
    return entry.zh if entry else ""


def indicator_theme(indicator_id: str, path: Path = INDICATORS_FILE) -> str:
    """The theme the taxonomy gives an indicator id ('' when unknown)."""
    entry = load_indicators(path).get(indicator_id or "")
    return entry.theme if entry else ""
