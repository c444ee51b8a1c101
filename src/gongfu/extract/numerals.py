"""Chinese numerals: the characters, a same-length fold to one spelling, and the value of a numeral.

`fold` maps every spelling of a digit, multiplier, sign or dash to one character (full-width digits to ASCII,
Traditional 萬億兩點 and the formal 壹贰叁…拾佰仟 to lower-case 万亿两点 一二三…十百千, U+2212 and full-width
minus to '-'), one character for one character, so offsets found in the folded copy point into the original.
`parse_chinese` reads a folded numeral, including decimals with 点, compound multipliers (万亿, 万万) and Arabic
digits mixed with Chinese multipliers (1万600, 2千零30万, 1.5万亿); it returns None rather than guess.
"""

from __future__ import annotations

import re

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
SMALL = {"十": 10, "百": 100, "千": 1000}
BIG = {"万": 10_000, "亿": 100_000_000}
ZEROS = "零〇"
JI = "几"  # 十几, 几十: an unknown digit; the value is the round part and the qualifier 'over'

# Formal (大写) numerals, in Simplified and Traditional, and the Traditional forms of ordinary ones.
FORMAL = "壹贰貳叁參肆伍陆陸柒捌玖拾佰仟"
_FORMAL_TO = "一二二三三四五六六七八九十百千"
_TRADITIONAL = "萬億兩點餘幾負"
_TRADITIONAL_TO = "万亿两点余几负"
# Full-width and typographic forms of digits and marks. The em dash folds to '-' too (a range separator);
# U+2212 and the full-width and small hyphen-minus are minus signs (MINUS), the em and en dash are not.
_WIDE = "０１２３４５６７８９．％：～〜－−﹣—–―，￥＄"
_WIDE_TO = "0123456789.%:~~------,¥$"
MINUS = "-−－﹣"
# Traditional forms of unit and qualifier characters (the unit table is Simplified).
_UNITS_TRAD = "約過將達張個條項處場輪畝歲戶針種臺輛間棟噸時鐘號週數來為塊錢萬噸億門雙艘貨櫃"
_UNITS_TRAD_TO = "约过将达张个条项处场轮亩岁户针种台辆间栋吨时钟号周数来为块钱万吨亿门双艘货柜"

_FOLD = str.maketrans(_WIDE + FORMAL + _TRADITIONAL + _UNITS_TRAD, _WIDE_TO + _FORMAL_TO + _TRADITIONAL_TO
                      + _UNITS_TRAD_TO)
# Text that needs folding at all (translate is slow; most text needs none): any folded character but the
# full-width comma, which matters only between digits (a thousands separator).
_NEEDS_FOLD = re.compile("[" + re.escape("".join(chr(c) for c in _FOLD if chr(c) != "，")) + r"]|\d，\d")

CN_CHARS = "".join(DIGITS) + "".join(SMALL) + "".join(BIG) + JI


def fold(text: str) -> str:
    """`text` with one spelling for each digit, multiplier, sign and dash, the same length as `text`."""
    return text.translate(_FOLD) if _NEEDS_FOLD.search(text) else text


def _digit_string(numeral: str) -> float | None:
    """二〇二一, 一九九八 (digits read one by one, as in years: four or more, or with a zero) or a single digit;
    None for runs like 一二, 三五, 八一 (names, lists) and any with 两 (三三两两 is an idiom)."""
    if len(numeral) == 1:
        return float(DIGITS[numeral])
    if "两" not in numeral and (len(numeral) >= 4 or any(ch in ZEROS for ch in numeral)):
        return float("".join(str(DIGITS[ch]) for ch in numeral))
    return None


_ARABIC = re.compile(r"\d+(?:\.\d+)?")


def parse_chinese(numeral: str) -> float | None:
    """The value of a folded numeral, or None when it is not well formed.

    一百二十, 三千五百, 两万, 十四, 一百零五, colloquial 三千五 (3500) and 一万二 (12000), 十二点五亿, 零点八,
    compound 两万亿 and 万万, mixed 1万600, 3万4千, 2千零30万, 10亿零500万, 1.5万亿, digit strings 二〇二一.
    几 counts as the round part (十几 -> 10, 几十万 -> 100000). Malformed runs (万亿亿, 十四五, 一二, 十百) give None.
    """
    if not numeral or numeral == JI:
        return None
    if all(ch in DIGITS for ch in numeral):
        return _digit_string(numeral)
    total, section = 0.0, 0.0
    cur: float | None = None  # the digit or Arabic number waiting for its multiplier
    cur_single = False  # cur is one digit (三千五: the 五 is hundreds)
    last_small, last_big = 10_000, float("inf")
    prev = ""  # the kind of the last token: d(igit), z(ero), s(mall), b(ig), p(oint)
    whole, frac = 0, ""  # a decimal's whole part and its digits after 点
    i, n = 0, len(numeral)
    while i < n:
        ch = numeral[i]
        if ch.isdigit():
            m = _ARABIC.match(numeral, i)
            if cur is not None or m is None or prev == "p":
                return None
            cur, cur_single, prev, i = float(m.group()), len(m.group()) == 1, "d", m.end()
            continue
        i += 1
        if ch in ZEROS:
            if cur is not None:
                return None
            prev = "z"
        elif ch in DIGITS or ch == JI:
            if cur is not None or prev == "p":
                return None
            cur, cur_single = (0.0 if ch == JI else float(DIGITS[ch])), True
            if ch == JI and i < n and (numeral[i] in SMALL or (numeral[i] in BIG and prev != "s")):
                cur = 1.0  # 几十, 几万: the round part is one of them (十几万: it is not)
            prev = "d"
        elif ch == "点":
            j = i
            while j < n and numeral[j] in DIGITS:
                j += 1
            if (cur is None and prev not in ("s", "z", "b")) or j == i or prev == "p" or (cur or 0.0) % 1:
                return None
            whole = int(section + (cur or 0.0))
            frac = "".join(str(DIGITS[c]) for c in numeral[i:j])
            section = float(f"{whole}.{frac}")
            cur, prev, i, last_small = None, "p", j, 1
        elif ch in SMALL:
            unit = SMALL[ch]
            if unit >= last_small or (cur is None and prev != ""):
                return None  # 十百; 一百十 (a bare 十 mid-number)
            section += (1.0 if cur is None else cur) * unit
            cur, last_small, prev = None, unit, "s"
        elif ch in BIG:
            unit = BIG[ch]
            part = section + (cur or 0.0)
            if prev == "":
                part = 1.0  # a bare 万 or 亿 (上万, 近亿)
            elif unit > last_big:  # 两万亿, 1234万5678亿: what came before counts in units of 亿
                total, part = (total + part) * unit, 0.0
            elif prev == "b" and unit == last_big == 10_000:  # 万万 = 亿
                total, part, unit = total * unit, 0.0, 100_000_000
            elif part == 0 or unit == last_big:
                return None  # 亿万, 万亿亿, 三万四万
            total += part * unit
            section, cur, last_small, last_big, prev = 0.0, None, 10_000, float(unit), "b"
        else:
            return None  # not a numeral character (1.4.2)
    if prev == "p":  # the decimal ends the numeral: read it from its digits, not by adding floats
        return float(f"{int(total) + whole}.{frac}")
    if prev == "d" and cur_single and cur and numeral[-2:-1] not in ZEROS:
        if prev_small := (last_small < 10_000 and section):
            return total + section + cur * last_small / 10  # 三千五 = 3500, 一百二 = 120
        if not prev_small and section == 0 and total and numeral[-2:-1] in BIG:
            return total + cur * last_big / 10  # 一万二 = 12000
    return total + section + (cur or 0.0)


def trailing_multiplier(numeral: str) -> float:
    """The 万/亿 a numeral ends with (三亿 -> 1e8, 2万亿 -> 1e12), 1 when none: what a bare range start shares."""
    mult, i = 1.0, len(numeral)
    while i > 1 and numeral[i - 1] in BIG:
        mult *= BIG[numeral[i - 1]]
        i -= 1
    return mult
