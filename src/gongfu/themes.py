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
