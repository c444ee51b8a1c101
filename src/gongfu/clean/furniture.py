"""Page furniture recognised from what it is, not from a list of phrases: the shapes of menus, link lists,
site names and other pages' headlines. The boilerplate step asks these questions of each line.

- a menu: a row of three or more short items (spaces, bars or brackets between them) without a sentence, or a
  column of four or more very short lines without punctuation next to each other, above or below the article;
  a row of personal names is a byline, not a menu (each begins with a surname, none ends like a place);
- a link to another article: a headline-shaped line closed by its date (县领导调研烧饼产业 2024-03-02);
- a site or channel name: a short line without punctuation printed twice on the page, or a part of the
  page's <title> other than its headline (禾城新闻网, 浙江频道).
"""

from __future__ import annotations

import re
from functools import cache

from gongfu.clean.chars import CJK_RANGES, SENTENCE_PUNCT_RE
from gongfu.clean.layout import WS, visible_len
from gongfu.lexicon import load_gazetteer, load_surnames

ITEM_SPLIT_RE = re.compile(f"[{WS}|｜│/【】\\[\\]]+")
MENU_ITEMS = 3  # items in a row that make a menu
MENU_ITEM_MAX = 8  # visible characters of one menu item
MENU_MAX = 80  # visible characters of a whole menu row
COLUMN_ITEMS = 4  # very short lines in a row that make a menu column
COLUMN_ITEM_MAX = 6
SITE_NAME_MAX = 15  # visible characters of a site or channel name
DATE_END_RE = re.compile(r"\s*[(（\[]?\s*(?:\d{4}[-/.年]\s*)?\d{1,2}[-/.月]\d{1,2}日?\s*[)）\]]?$")
TITLE_SPLIT_RE = re.compile(r"\s*(?:[_|｜]|\s[-–—·]\s|--)\s*")
NAME_RE = re.compile(f"^[{CJK_RANGES}]{{2,4}}$")
PUNCT_RE = re.compile(r"[。，；！？,;!?：:]")


@cache
def _place_suffixes() -> tuple[str, ...]:
    return tuple(zh for zh, _ in load_gazetteer().suffixes)


def is_name_list(items: list[str]) -> bool:
    """Personal names (a byline): two to four characters each, none ending like a place, most beginning with
    a known surname (the surname table is not every surname there is)."""
    surnames = load_surnames()
    places = _place_suffixes()
    if not items or not all(NAME_RE.match(x) and not x.endswith(places) for x in items):
        return False
    return 2 * sum(1 for x in items if x[0] in surnames or x[:2] in surnames) > len(items)


def items(line: str) -> list[str]:
    return [x for x in ITEM_SPLIT_RE.split(line) if x]


def is_menu_row(line: str) -> bool:
    """A row of short items without a sentence: a site menu, a toolbar (字号 大 中 小 打印), a list of places."""
    if SENTENCE_PUNCT_RE.search(line) or visible_len(line) > MENU_MAX:
        return False
    parts = items(line)
    return (len(parts) >= MENU_ITEMS and all(visible_len(x) <= MENU_ITEM_MAX for x in parts)
            and not is_name_list(parts))


def is_column_item(line: str) -> bool:
    """A very short line without punctuation (one entry of a menu set one item per line)."""
    return visible_len(line) <= COLUMN_ITEM_MAX and not PUNCT_RE.search(line)


def column_runs(lines: list[str], visible: list[int] | None = None) -> list[range]:
    """Runs of at least COLUMN_ITEMS consecutive menu entries. `visible` is each line's visible length, when
    known (a line longer than a menu entry is not one, whatever else it holds)."""
    if visible is not None:
        items = [n <= COLUMN_ITEM_MAX and is_column_item(x) for x, n in zip(lines, visible, strict=True)]
    else:
        items = [is_column_item(x) for x in lines]
    runs, i = [], 0
    while i < len(lines):
        j = i
        while j < len(lines) and items[j]:
            j += 1
        if j - i >= COLUMN_ITEMS:
            runs.append(range(i, j))
        i = max(j, i + 1)
    return runs


def is_dated_link(line: str) -> bool:
    """Another article's headline with its date after it, as link lists print them."""
    m = DATE_END_RE.search(line)
    if m is None or m.start() == 0:
        return False
    head = line[:m.start()]
    return visible_len(head) >= 4 and not SENTENCE_PUNCT_RE.search(head) and visible_len(head) <= 40


def is_short_name(line: str) -> bool:
    """Short enough and bare enough to be a site or channel name."""
    return visible_len(line) <= SITE_NAME_MAX and not PUNCT_RE.search(line)


def title_parts(page_title: str) -> list[str]:
    """The parts of a page's <title> (headline_channel_site, headline - site)."""
    return [p for p in TITLE_SPLIT_RE.split(page_title.strip()) if p]
