"""Finding every number and quantity in Chinese text: numerals, multipliers, units, qualifiers, ranges, ratios.

`find_quantities` is the one entry point. It reports every number it can read, with its span, value, base
unit and qualifier; deciding which numbers are claims (not dates, ordinals or slogans) is `gongfu.extract.claims`'s job.
The scan runs on a same-length normalised copy of the text (full-width digits and the Traditional forms of
numerals and units mapped to Simplified), so every offset points into the original text unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from gongfu.lexicon import UNITS_FILE, Unit, load_units

# One character for one character, so offsets survive: full-width forms and Traditional numerals/units.
_FOLD = str.maketrans(
    "０１２３４５６７８９．％：～－—–，萬億餘兩幾約過將達點張個條項處場輪畝歲戶針種臺輛間棟噸時鐘號週數來為",
    "0123456789.%:~--—,万亿余两几约过将达点张个条项处场轮亩岁户针种台辆间栋吨时钟号周数来为",
)
# The em dash maps to itself above only to keep the two strings the same length; fold it to '-' here.
_FOLD[ord("—")] = ord("-")
# Text that needs folding: any folded character except the full-width comma, which matters only between digits.
_NEEDS_FOLD = re.compile("[" + re.escape("".join(chr(c) for c in _FOLD if chr(c) not in "，")) + r"]|\d，\d")

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10_000, "亿": 100_000_000}
_CN_CHARS = "".join(_CN_DIGITS) + "".join(_CN_SMALL) + "".join(_CN_BIG)
_MULTIPLIERS = {"万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "十亿": 1e9, "千万": 1e7, "百万": 1e6, "十万": 1e5,
                "亿": 1e8, "万": 1e4, "千": 1e3}

_ARABIC = r"\d+(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?"
_CANDIDATE = re.compile(rf"百分之[{_CN_CHARS}点]+|(?P<ar>{_ARABIC})|(?P<cn>[{_CN_CHARS}]+)")
_ARABIC_AT = re.compile(_ARABIC)
_CN_AT = re.compile(f"[{_CN_CHARS}]+")
_MULT_AT = re.compile("|".join(sorted(_MULTIPLIERS, key=len, reverse=True)))
_MORE_AT = re.compile("[余多]")
_JI_AT = re.compile("几")
_RATIO_AT = re.compile(rf":({_ARABIC})")
_POST_AT = re.compile("左右|以上|以下|以内|之多")
_PRE = re.compile("(?:约为|大约|将近|接近|超过|不到|不足|约|近|超|逾|上|数|几)$")
_PRE_QUALIFIER = {"约为": "approx", "大约": "approx", "将近": "approx", "接近": "approx", "约": "approx",
                  "近": "approx", "超过": "over", "超": "over", "逾": "over", "上": "over", "数": "over",
                  "几": "over", "不到": "under", "不足": "under"}
_POST_QUALIFIER = {"左右": "approx", "以上": "over", "以下": "under", "以内": "under", "之多": "over",
                   "余": "over", "多": "over", "几": "over"}


@dataclass(frozen=True)
class Quantity:
    """A number found in text, with its span, value, range ends, base unit and qualifier."""

    text: str
    start: int
    end: int
    value: float
    low: float | None = None
    high: float | None = None
    unit: str = ""
    qualifier: str = "none"


@cache
def _unit_pattern(path: Path = UNITS_FILE) -> re.Pattern[str]:
    units = sorted(load_units(path), key=len, reverse=True)
    return re.compile("|".join(re.escape(u) for u in units if u.isascii() is False or u == "%"))


def parse_chinese(numeral: str) -> float | None:
    """The value of a Chinese numeral (十余 is read as 十), or None when it is not well formed.

    Handles 一百二十, 三千五百, 两万, 十四, colloquial 三千五 (3500), 万亿, and digit strings with 〇 (二〇二一).
    Malformed runs (万亿亿, 十四五, 一二) give None rather than a guess.
    """
    if not numeral:
        return None
    if all(ch in _CN_DIGITS for ch in numeral):
        if len(numeral) == 1:
            return float(_CN_DIGITS[numeral])
        if "〇" in numeral or "零" in numeral:
            return float("".join(str(_CN_DIGITS[ch]) for ch in numeral))
        return None
    total, section, digit = 0.0, 0.0, None
    last_small, last_big, prev, zero = 10_000, float("inf"), "", False
    for ch in numeral:
        if ch in ("零", "〇"):
            digit, prev, zero = None, ch, True  # 一百零五: the 五 is units, not tens
            continue
        if ch in _CN_DIGITS:
            if digit is not None:
                return None
            digit = _CN_DIGITS[ch]
        elif ch in _CN_SMALL:
            unit = _CN_SMALL[ch]
            if unit >= last_small:
                return None
            section += (1 if digit is None else digit) * unit
            digit, last_small, zero = None, unit, False
        else:
            unit = _CN_BIG[ch]
            part = section + (digit or 0)
            if part == 0 and not prev:
                part = 1  # a bare 万 or 亿 (上万, 近亿)
            if part == 0:
                if ch == "亿" and prev == "万" and last_big == 10_000:
                    total, last_big, prev = total * 1e8, 1e12, ch
                    continue
                return None
            if unit >= last_big:
                return None
            total += part * unit
            section, digit, last_small, last_big = 0.0, None, 10_000, unit
        prev = ch
    if digit is not None and not zero and last_small < 10_000 and section:
        return total + section + digit * last_small / 10  # 三千五 = 3500, 一百二 = 120
    if digit is not None and not zero and section == 0 and total and last_big < float("inf"):
        return total + digit * last_big / 10  # 一万二 = 12000
    return total + section + (digit or 0)


def _arabic_value(token: str) -> float:
    return float(token.replace(",", ""))


def _percent_chinese(token: str) -> float | None:
    whole, _, frac = token.partition("点")
    value = parse_chinese(whole)
    if value is None or (frac and not all(ch in _CN_DIGITS for ch in frac)):
        return None
    return float(f"{int(value)}.{''.join(str(_CN_DIGITS[c]) for c in frac)}") if frac else value


def _trailing_multiplier(run: str) -> float:
    """The 万/亿 a Chinese numeral ends with (三亿 -> 1e8), 1 when none: what a bare range start inherits."""
    mult, i = 1.0, len(run)
    while i > 1 and run[i - 1] in _CN_BIG:
        mult *= _CN_BIG[run[i - 1]]
        i -= 1
    return mult


def _read_number(t: str, pos: int) -> tuple[float, int, bool, str, float] | None:
    """One number at `pos` with its multiplier and an inner 余/多: value, end, is_arabic, qualifier, multiplier."""
    m = _ARABIC_AT.match(t, pos)
    if m:
        end = m.end()
        if (end < len(t) and t[end] == ".") or (pos > 0 and t[pos - 1] == "."):
            return None  # 1..5亿, 1.4.2: malformed, not a number
        value, inner, mult = _arabic_value(m.group()), "", 1.0
        more = _MORE_AT.match(t, end)
        mm = _MULT_AT.match(t, more.end() if more else end)
        if mm:
            mult, end, inner = _MULTIPLIERS[mm.group()], mm.end(), "over" if more else ""
            if end < len(t) and t[end] in _CN_BIG:
                return None  # 3万亿亿: malformed multiplier
        return value * mult, end, True, inner, mult
    m = _CN_AT.match(t, pos)
    if not m:
        return None
    value = parse_chinese(m.group())
    if value is None:
        return None
    return value, m.end(), False, "", _trailing_multiplier(m.group())


def _range_sep(t: str, end: int, arabic: bool) -> int | None:
    """Where the second number starts if a range separator follows `end` (1一8月 is an OCR dash)."""
    if end < len(t) and t[end] in "-~到至":
        return end + 1
    if arabic and t[end:end + 1] == "一" and t[end + 1:end + 2].isdigit():
        return end + 1
    return None


def _pre_qualifier(t: str, start: int) -> re.Match[str] | None:
    """The qualifier word (约, 近, 超过...) right before `start`, across one OCR space (近 万平方米)."""
    if t[start - 1:start] == " ":
        start -= 1
    return _PRE.search(t, max(0, start - 2), start)


def _bare_multiplier_ok(t: str, start: int, end: int) -> bool:
    """A lone 百/千/万/亿 is a number only with a qualifier before it (上万, 近万) or 余/多 after (千余)."""
    return bool(_pre_qualifier(t, start)) or t[end:end + 1] in ("余", "多")


def _scan(t: str, m: re.Match[str], units: dict[str, Unit]) -> Quantity | None:
    """The quantity starting at candidate `m` in normalised text `t`, or None when it is not a number."""
    start, qualifier, low, high = m.start(), "none", None, None
    if m.group().startswith("百分之"):
        value = _percent_chinese(m.group()[3:])
        if value is None:
            return None
        end, unit = m.end(), "%"
    else:
        cn = m.group("cn")
        if cn and all(ch in "百千万亿" for ch in cn) and not _bare_multiplier_ok(t, start, m.end()):
            return None
        read = _read_number(t, start)
        if read is None:
            return None
        value, end, arabic, inner, mult = read
        qualifier = inner or qualifier
        ratio = _RATIO_AT.match(t, end) if arabic and mult == 1 else None
        if ratio:
            return _ratio(t, start, end, value, ratio)
        sep = _range_sep(t, end, arabic)
        right = _read_number(t, sep) if sep is not None else None
        if right is not None and right[2] == arabic:
            lvalue = value * right[4] if mult == 1 else value
            if lvalue < right[0]:
                value, low, high, end = lvalue, lvalue, right[0], right[1]
                qualifier = right[3] or qualifier
        gap = end + 1 if t[end:end + 1] == " " else end  # OCR puts spaces inside words: 30 多场, 2019 年
        more = _MORE_AT.match(t, gap) or (None if arabic else _JI_AT.match(t, gap))
        if more and qualifier == "none":
            qualifier, end = "over", more.end()
            gap = end + 1 if t[end:end + 1] == " " else end
        unit = ""
        um = _unit_pattern().match(t, gap)
        if um:
            unit, end = um.group(), um.end()
    post = _POST_AT.match(t, end)
    if post:
        qualifier = _POST_QUALIFIER[post.group()]
        end = post.end()
    pre = _pre_qualifier(t, start)
    if qualifier == "none" and pre and (pre.group() not in ("上", "数", "几") or m.group("cn")):
        qualifier = _PRE_QUALIFIER[pre.group()]
    if pre and qualifier == _PRE_QUALIFIER[pre.group()] and pre.group() not in ("数", "几"):
        start = pre.start()  # the span as written includes its qualifier: 近20万斤, 上万元
    row = units.get(unit)
    factor, base = (row.factor, row.base_unit) if row else (1.0, unit)
    return _make(start, end, value * factor, None if low is None else low * factor,
                 None if high is None else high * factor, base, qualifier)


def _ratio(t: str, start: int, end: int, left: float, ratio: re.Match[str]) -> Quantity:
    """1.5:1 as a ratio (value a/b); 10:37 (two-digit minutes, no decimals) as a clock time."""
    right = ratio.group(1)
    if len(right) == 2 and "." not in t[start:end] + right and left <= 24:
        return _make(start, ratio.end(), left, None, None, "clock", "none")
    denominator = _arabic_value(right)
    return _make(start, ratio.end(), left / denominator if denominator else left, None, None, "ratio", "ratio")


def _make(start: int, end: int, value: float, low: float | None, high: float | None, unit: str,
          qualifier: str) -> Quantity:
    return Quantity("", start, end, _tidy(value), None if low is None else _tidy(low),
                    None if high is None else _tidy(high), unit, qualifier)


def _tidy(value: float) -> float:
    """Round away binary noise from multiplying decimals (1.4 * 10000 = 14000.000000000002)."""
    return float(round(value, 6))


def find_quantities(text: str) -> list[Quantity]:
    """Every number and quantity in `text`, in order, with its span in `text` (end exclusive).

    `value` is the number times its multiplier (a range gives its low end; a ratio a:b gives a/b), `unit` the
    base unit from units.csv ('' when none follows), `qualifier` one of none/approx/over/under/ratio.
    Never raises on odd input; malformed numbers (1..5亿, 万亿亿) are left out.
    """
    if not text:
        return []
    t = text.translate(_FOLD) if _NEEDS_FOLD.search(text) else text  # translate is slow; most text needs none
    units = load_units()
    found: list[Quantity] = []
    pos = 0
    while True:
        m = _CANDIDATE.search(t, pos)
        if not m:
            break
        q = _scan(t, m, units)
        if q is not None:
            found.append(Quantity(text[q.start:q.end], q.start, q.end, q.value, q.low, q.high, q.unit, q.qualifier))
        pos = q.end if q is not None else m.end()
    return found
