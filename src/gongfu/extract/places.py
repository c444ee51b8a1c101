"""The place a document is about, read from its own text when the manifest gives none (every archive document).

`infer_place(text, title)` scores every county-level or higher division the text names, from the official
division table `cpca` ships (province, city, district, 2026 snapshot: 钱塘区, 龙港市 are in it), by how often it
occurs (its short form, 余杭 for 余杭区, counts half), with the title and the first paragraph weighing more. The
best county-level name is the district, its table parents the city and province; a street, town or township
(街道 镇 乡) written right after that district (诸暨市山下湖镇) or named at least twice is the street. A text
naming only a city gets the city. Names of any size are matched whole, never inside a longer run of name
characters (南湖 in 南湖路 is not 南湖区).
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

PLACE_COLUMNS = ("province", "city", "district", "street")
_TITLE_WEIGHT, _LEAD_WEIGHT, _SHORT_WEIGHT = 3.0, 2.0, 0.5
_ADMIN_SUFFIX = re.compile("(?:自治县|自治旗|特别行政区|自治区|自治州|林区|新区|省|市|县|区|旗)$")
_STOP = "的了在是和与及对向由为将从到把被等全该本各这此其每个一也"
_TOWN = re.compile(f"([^{_STOP}\\W\\d]{{1,5}}(?:街道|镇|乡))")


@dataclass(frozen=True)
class Division:
    """One row of the division table: its name and its parents' names ('' where none)."""

    name: str
    province: str
    city: str
    level: str  # province | city | district


@cache
def divisions() -> dict[str, tuple[Division, ...]]:
    """Every division name in cpca's table -> the divisions of that name (several 鼓楼区 exist)."""
    table: dict[str, list[Division]] = {}
    with resources.files("cpca").joinpath("resources/pca.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            province, city, district = row["sheng"], row["shi"], row["qu"]
            for div in (Division(province, "", "", "province"),
                        Division(city, province, "", "city") if city and city != province else None,
                        Division(district, province, city, "district") if district else None):
                if div is not None and div not in table.get(div.name, ()):
                    table.setdefault(div.name, []).append(div)
    return {k: tuple(v) for k, v in table.items()}


def _short(name: str) -> str:
    """余杭区 -> 余杭, 景宁畲族自治县 -> '' (no clean short form): what a text writes for its own place."""
    if "族" in name or len(name) < 3:
        return ""
    short = _ADMIN_SUFFIX.sub("", name)
    return short if len(short) >= 2 else ""


@cache
def _unique_shorts() -> dict[str, str]:
    """Short forms only one division has (龙游 -> 龙游县)."""
    owners: dict[str, set[str]] = {}
    for name in divisions():
        if (s := _short(name)):
            owners.setdefault(s, set()).add(name)
    return {s: next(iter(n)) for s, n in owners.items() if len(n) == 1}


def division_of_short(short: str) -> str:
    """The one division whose short form `short` is (龙泉 -> 龙泉市), '' when none or several."""
    return _unique_shorts().get(short, "")


_SUFFIX_CHAR = re.compile("[省市县区旗州盟]")
_LONGEST = 12  # 景宁畲族自治县, 黔南布依族苗族自治州


def _scan(part: str) -> list[tuple[int, int, str]]:
    """Every division name written whole in `part` (start, end, name): at each ending character, the longest
    table name ending there. A dictionary look-up per ending is about 50 times faster than one regex of the
    3,600 names."""
    table, found = divisions(), []
    for m in _SUFFIX_CHAR.finditer(part):
        end = m.end()
        for size in range(min(_LONGEST, end), 1, -1):
            if part[end - size:end] in table:
                found.append((end - size, end, part[end - size:end]))
                break
    return found


def _scores(text: str, title: str) -> tuple[Counter[str], list[tuple[int, int, str]]]:
    """Each full division name -> its weighted count; and where each one occurs in the text (start, end, name).

    A short form (余杭) counts half, only for a name the text also writes whole or one the title uses."""
    lead_end = text.find("\n")
    lead_end = len(text) if lead_end < 0 else lead_end
    scores: Counter[str] = Counter()
    found = _scan(text)
    for start, _, name in found:
        scores[name] += _LEAD_WEIGHT if start < lead_end else 1.0
    for _, _, name in _scan(title):
        scores[name] += _TITLE_WEIGHT
    shorts = {s: n for n in scores if (s := _short(n))}
    shorts.update((s, n) for s, n in _unique_shorts().items() if s in title)
    for short, name in shorts.items():
        extra = text.count(short) - text.count(name) + (title.count(short) - title.count(name)) * _TITLE_WEIGHT
        if extra > 0:
            scores[name] += extra * _SHORT_WEIGHT
    return scores, found


def infer_place(text: str, title: str = "") -> dict[str, str]:
    """province, city, district and street of the place the text is about ('' where it does not say)."""
    scores, found = _scores(text or "", title or "")
    if not scores:
        return dict.fromkeys(PLACE_COLUMNS, "")
    table = divisions()
    named = set(scores)

    def rank(name: str) -> tuple[float, int]:
        div = _best(table[name], named)
        return scores[name] + (0.5 if div.city in named or div.province in named else 0.0), -_first(found, name)

    by_level: dict[str, list[str]] = {}
    for name in scores:
        by_level.setdefault(_best(table[name], named).level, []).append(name)
    place = dict.fromkeys(PLACE_COLUMNS, "")
    for level in ("district", "city", "province"):
        if by_level.get(level):
            top = _best(table[max(by_level[level], key=rank)], named)
            place.update(province=top.province or (top.name if top.level == "province" else ""),
                         city=top.city or (top.name if top.level == "city" else ""),
                         district=top.name if top.level == "district" else "")
            break
    if place["district"]:
        place["street"] = _street(text or "", title or "", place["district"], found)
    return place


def _best(options: tuple[Division, ...], named: set[str]) -> Division:
    """Of several divisions sharing a name, the one whose city or province the text also names."""
    return next((d for d in options if d.city in named or d.province in named), options[0])


def _first(found: list[tuple[int, int, str]], name: str) -> int:
    return next((s for s, _, n in found if n == name), 1 << 30)


def _street(text: str, title: str, district: str, found: list[tuple[int, int, str]]) -> str:
    """The street, town or township written right after the district's name: in the title (乐清市虹桥镇…主要经济指标),
    or in the text (诸暨市山下湖镇) when the text keeps talking about it: named again, by its short form (山下湖) or by
    its bare ending (街道现有, 全镇)."""
    at_title = title.find(district) if district else -1
    if at_title >= 0 and (town := _TOWN.match(title, at_title + len(district))):
        return town.group(1)  # 乐清市虹桥镇2025年前三季度主要经济指标: a title names what the text is about
    for start, end, name in found:
        if name != district or text[start:end] != district:
            continue
        town = _TOWN.match(text, end)
        if not town:
            continue
        name = town.group(1)
        suffix = _TOWN_SUFFIX.search(name).group()
        short = name[: -len(suffix)]
        again = (title + text).count(short) - 1 if len(short) >= 2 else 0
        again += len(re.findall(f"(?:^|[，。；：、\n]|全|该|本){suffix}(?![一-龥]?[办政])", text, re.M))
        if again >= 1:
            return name
    return ""


_TOWN_SUFFIX = re.compile("(?:街道|镇|乡)$")
