"""Finding every number and quantity in Chinese text: sign, numeral, multiplier, unit, qualifier, range, share.

`find_quantities` is the one entry point. It reports every number it can read, with its span, signed value,
range ends, base unit and qualifier; deciding which numbers are claims (not dates, ordinals or slogans) is
`gongfu.extract.claims`'s job. The scan runs on a same-length folded copy of the text (`numerals.fold`), so every
offset points into the original text unchanged. A numeral inside a word (一切, 四川, 十分, 万一, 统一, 一位名叫)
is not a number: a lone Chinese digit counts only with what makes it a quantity after it (a unit, a multiplier,
成, 倍, 分之) or 第 before it, and a lone 一 before a measure word is an article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from gongfu.extract.numerals import BIG, CN_CHARS, DIGITS, FORMAL, MINUS, SMALL, fold, parse_chinese
from gongfu.extract.qualifiers import (
    INNER,
    POST_AT,
    POST_FIRST,
    POST_QUALIFIER,
    PRE_LAST,
    pre_qualifier,
    pre_word,
)
from gongfu.lexicon import UNITS_FILE, Unit, load_units

_SEP_FIRST = frozenset("-~到至 一")
_SIGN_CHARS = frozenset(MINUS + "负下")
_SPECIAL_FIRST = frozenset("成分半番")
_CURRENCY_LAST = frozenset("币元镑 ")
_RANGE_SEP = re.compile(r" ?(?:--?|~|到|至) ?")
_RATIO_AT = re.compile(r":(\d+(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?)")
# 1/3, 3/10: a fraction (a share); not a date (2024/5/12), a chain (1/2/3) or a Latin-letter code after it
_FRACTION_AT = re.compile(r"/(\d{1,4})(?![\d/.A-Za-z])")
_CURRENCY_BEFORE = re.compile("(新台币|台币|港币|港元|美元|欧元|日元|英镑|韩元|澳元|人民币) ?$")
# 成 as tenths (九成, 三成半), unless it starts a word (三五成群, 一成不变, 成功, 成员, 成本...).
_CHENG_WORD = set("群功立本员果熟绩交就效型品套片批千年分家才语像形器材色全活败名事真不长")
_COLLOQUIAL = re.compile(r"(十?)([一两二三四五六七八九])([两二三四五六七八九])([十百千]?)([万亿]*)")
_NEXT = {"一": 2, "两": 3, "二": 3, "三": 4, "四": 5, "五": 6, "六": 7, "七": 8, "八": 9}
_CJK = re.compile(r"[\u4e00-\u9fff]")
_YI_KINDS = ("multiple", "percent", "money")  # the units a lone 一 counts with (一倍, 一元); else an article
_CLAUSE_MARK = set("，,。；;：:！？!?、）)」”\"' \n") | set("0123456789") | set(CN_CHARS)


@dataclass(frozen=True)
class Quantity:
    """A number found in text: its span, signed value, range ends, base unit and qualifier.

    flag is '' for a well-formed number, else why it was kept but marked ('separator': 1,2345万 has groups of
    four, read as 12345万; 'symbol': a doubled % sign); kind is 'ordinal' after 第, else ''; written is the
    unit as the text writes it (个月 for the base unit 月, 平米 for 平方米), '' when none."""

    text: str
    start: int
    end: int
    value: float
    low: float | None = None
    high: float | None = None
    unit: str = ""
    qualifier: str = "none"
    flag: str = ""
    kind: str = ""
    written: str = ""


# What `_scan` finds, the fields of a Quantity after its text: start, end, value, low, high, unit, qualifier,
# flag, kind, written unit.
_Found = tuple[int, int, float, float | None, float | None, str, str, str, str, str]


@dataclass(slots=True)
class _Num:
    """One number read at a position: value, end, whether written in Arabic digits, qualifier, multiplier."""

    value: float
    start: int
    end: int
    arabic: bool
    qualifier: str = "none"
    big: float = 1.0  # the 万/亿 it ends with (3万 -> 1e4, 两个亿 -> 1e8)
    shared: float = 1.0  # what a bare range start takes from it: big, times a single digit's 十/百/千 (三千)
    flag: str = ""
    lone: bool = False  # one Chinese digit alone (一, 三): a number only with a unit or share after it
    high: float | None = None  # the high end of neighbouring digits read as a range (两三千 -> 3000)


@cache
def _patterns(path: Path = UNITS_FILE) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], dict[str, Unit]]:
    """The candidate and number-body regex (a multiplier character that begins a unit, 千 of 千米 千瓦, is left
    out), the unit regex (longest unit first) and the unit table."""
    units = load_units(path)
    tails: dict[str, list[str]] = {}
    for u in units:
        if u[0] in "十百千万亿" and len(u) > 1:
            tails.setdefault(u[0], []).append(re.escape(u[1:]))
    mult = "|".join(f"{c}(?!{'|'.join(sorted(tails[c], key=len, reverse=True))})" if c in tails else c
                    for c in "十百千万亿")
    unit_mult = f"(?:{mult}|[零〇])"
    digit = "[一二两三四五六七八九几]"
    arabic = r"\d+(?:[.,]\d+)*"
    point = "(?<=[零〇一二两三四五六七八九十百千万亿])点(?=[零〇一二两三四五六七八九])"
    rest = f"(?:(?<![0-9]){digit}|{unit_mult}|(?<=[十百千万亿零〇]){arabic}|{point})*"
    body = f"(?:{arabic}|{digit}|{unit_mult}){rest}"
    # The candidate is the body less what `_scan` would only reject, tested here in C for speed: a lone
    # Chinese digit must be followed by what can make it a quantity (a unit, 成, 分之, a range mark...), a
    # lone 一 by a share, multiple or money unit, a bare 百/千/万/亿 by 余/多 or come after a qualifier.
    cont = "零〇一二两三四五六七八九几十百千万亿点0-9"
    follow = re.escape("".join(sorted({u[0] for u in units} | set("成倍番半分余多几来个到至-~ %‰"))))
    follow_yi = re.escape("".join(sorted({u[0] for u, row in units.items() if row.kind in _YI_KINDS}
                                         | set("成倍番半分到至-~ 个"))))
    first = (f"(?:{arabic}|(?<=第)[{cont[:-4]}]|[零〇二两三四五六七八九几十](?=[{cont}{follow}])"
             f"|一(?=[{cont}{follow_yi}])|[百千万亿](?=[{cont}余多])|(?<=[约为近超过逾上数几破少到足概多 ])(?:{mult}))")
    starts = "0-9零〇一二两三四五六七八九几十百千万亿半"  # a cheap first-character test before the alternatives
    candidate = re.compile(f"(?=[{starts}])(?:(?P<pct>百分之|千分之|万分之)|(?P<half>半数)|(?P<body>{first}{rest}))")
    written = sorted((u for u, row in units.items() if row.written), key=len, reverse=True)
    # a Latin unit (km, kWh, MW) ends where its letters do: 5G, 3A级 and 10min hold none
    unit_re = "|".join(re.escape(u) + ("(?![A-Za-z])" if u[-1].isascii() and u[-1].isalnum() else "")
                       for u in written)
    return candidate, re.compile(body), re.compile(unit_re), units


def _arabic(body: str) -> tuple[float, str, int] | None:
    """An Arabic numeral's value, flag and the length read: 1,286.5 -> 1286.5; 1,2345 (groups of four, a
    Chinese writer's 1亿2345万 style) -> 12345 flagged 'separator'; 1,2 (a list) -> 1 alone; 3.5.6 -> None."""
    if body.count(".") > 1:
        return None
    if "," not in body:
        return float(body), "", len(body)
    head, *groups = body.split(".")[0].split(",")
    if all(len(g) == 3 for g in groups) and len(head) <= 3:
        return float(body.replace(",", "")), "", len(body)
    if all(len(g) == 4 for g in groups) and len(head) <= 4:
        return float(body.replace(",", "")), "separator", len(body)
    return float(head), "", len(head)


def _read(t: str, pos: int, end: int = -1) -> _Num | None:
    """The number whose body starts at `pos` of folded text `t` (and ends at `end` when the caller matched it),
    with an inner 余/多/几/来 and the multipliers after it (3600余万, 一千多万, 十几万, 两个亿); None when the body
    is not a well-formed number."""
    if end < 0:
        m = _patterns()[1].match(t, pos)
        if not m:
            return None
        end = m.end()
    body = t[pos:end]
    if t[end:end + 1] == "." or t[pos - 1:pos] == ".":
        return None  # 1..5亿, 版本1.4.2: malformed, not a number
    flag, arabic = "", body[0].isdigit()
    if arabic:
        if body.isdigit():
            num = _Num(float(body), pos, end, True)
            if t[end:end + 1] in _AFTER_BODY:
                _multipliers(t, num)
            return num
        digits = _ARABIC_HEAD.match(body).group()
        read = _arabic(digits)
        if read is None:
            return None
        value, flag, size = read
        if size < len(digits):  # 1,2: a list, the number is its head
            return _Num(value, pos, pos + size, True)
        if size == len(body):
            num = _Num(value, pos, end, True, flag=flag)
            if t[end:end + 1] in _AFTER_BODY:
                _multipliers(t, num)
            return num
        tail = body[len(digits):]
        body = digits.replace(",", "") + tail
        if tail in BIG:  # 3.5万, 1,286.5亿 (most mixed numerals): what parse_chinese and _multiplier give
            head = float(body[:-1])
            if not head:
                return None  # 0万: parse_chinese refuses a multiplier of nothing
            big = float(BIG[tail])
            num = _Num(head * big, pos, end, True, "none", big, big, flag)
            if t[end:end + 1] in _AFTER_BODY:
                _multipliers(t, num)
            return num
    value = parse_chinese(body)
    if value is None:
        return None if arabic else _colloquial(pos, body)
    big, shared = _multiplier(body)
    num = _Num(value, pos, end, arabic, "over" if "几" in body else "none", big, shared, flag,
               len(body) == 1 and not arabic and body not in BIG)
    if t[end:end + 1] in _AFTER_BODY:
        _multipliers(t, num)
    return num


_AFTER_BODY = frozenset(" 余多几来个万亿")  # what `_multipliers` may take in


_ARABIC_HEAD = re.compile(r"\d+(?:[.,]\d+)*")


def _multiplier(body: str) -> tuple[float, float]:
    """The 万/亿 a numeral ends with, and the multiplier a range's bare start takes from it: the 万/亿 and a single
    digit's 百/千 before them (三千 -> 1, 1000; 3万 -> 1e4, 1e4; 十五万 -> 1e4, 1e4; 三千五百 -> 1, 1)."""
    big, i = 1.0, len(body)
    while i > 0 and body[i - 1] in BIG:
        big *= BIG[body[i - 1]]
        i -= 1
    shared = big
    if i == 2 and body[1] in "百千" and (body[0] in DIGITS or body[0].isdigit()):
        shared *= SMALL[body[1]]  # not 十: 一到二十 is 1..20
    return big, shared


def _multipliers(t: str, num: _Num) -> None:
    """Take in what follows a numeral's body: one OCR space, an inner 余/多/几/来 before 万/亿, the 万/亿 (and 个
    of 两个亿) themselves. Updates `num` in place."""
    end = num.end
    if t[end:end + 1] == " " and t[end + 1:end + 2] in ("万", "亿"):
        end += 1  # 177.1 亿元
    inner, inner_qualifier = t[end:end + 1], num.qualifier
    if inner in INNER and t[end + 1:end + 2] in ("万", "亿"):
        inner_qualifier, end = INNER[inner], end + 1
    elif inner == "个" and t[end + 1:end + 2] in ("万", "亿"):
        end += 1  # 两个亿
    mult = 1.0
    while t[end:end + 1] in ("万", "亿"):
        if mult > 1 and t[end - 1] == "亿":
            return  # 3万亿亿: malformed multiplier, leave the number as it was
        mult *= BIG[t[end]]
        end += 1
    if mult > 1:
        num.value, num.end, num.lone = num.value * mult, end, False
        num.big, num.shared = num.big * mult, num.shared * mult
        num.qualifier = inner_qualifier


def _colloquial(pos: int, body: str) -> _Num | None:
    """两三千, 三四十万, 十七八, 三五 (a few): two neighbouring digits as a range, its low end with `high` set;
    the caller keeps it only when a multiplier or unit follows."""
    m = _COLLOQUIAL.fullmatch(body)
    if not m:
        return None
    ten, a, b, small, big = m.groups()
    if (_NEXT.get(a) != DIGITS[b] and (a, b) != ("三", "五")) or (ten and ((a, b) == ("三", "五") or small)):
        return None
    mult = 1.0
    for ch in big:
        mult *= BIG[ch]
    shared = mult * SMALL.get(small, 1)
    base = 10 if ten else 0
    low, high = (base + DIGITS[a]) * shared, (base + DIGITS[b]) * shared
    return _Num(low, pos, pos + len(body), False, big=mult, shared=shared, high=high)


def _unit_at(t: str, pos: int, lone_cn: bool) -> tuple[str, int]:
    """The unit written at `pos` (one OCR space allowed before it) and where it ends; ('', pos) when none.
    A bounded unit (块) needs a clause mark, numeral or qualifier after it; after a lone Chinese digit a money
    unit followed by a noun is a name (三元朱村)."""
    _, _, unit_re, units = _patterns()
    gap = pos + 1 if t[pos:pos + 1] == " " else pos
    um = unit_re.match(t, gap)
    if not um:
        return "", pos
    unit, end = um.group(), um.end()
    row = units[unit]
    after = t[end:end + 1]
    if row.bounded and after and after not in _CLAUSE_MARK and after not in "钱多左以每的":
        return "", pos
    if lone_cn and row.kind == "money" and _CJK.match(after) and after not in _MONEY_NEXT:
        return "!", pos  # 三元朱村: a name, not a quantity
    return unit, end


def _scan(t: str, text: str, m: re.Match[str], prev_end: int) -> _Found | None:
    """The quantity starting at candidate `m` in folded text `t` (original `text`), or None; `prev_end` is
    where the quantity before it ended (a dash right after a quantity is not a minus sign)."""
    if m.group("body") is None:
        return _share_words(t, m)
    start = m.start()
    num = _read(t, start, m.end())
    if num is None or (not num.arabic and not _numeral_ok(t, text, start, m.end())):
        return None
    sign_at = _sign(t, text, start, prev_end) if t[start - 1:start] in _SIGN_CHARS else None
    if t[num.end:num.end + 1] in _SPECIAL_FIRST:
        special = _special(t, start, num, sign_at)
        if special is not None:
            return special
    value, end, qualifier, flag, high = num.value, num.end, num.qualifier, num.flag, num.high
    low = None if high is None else value
    if num.arabic and not flag and t[end:end + 1] == ":" and t[start:end].replace(".", "").isdigit():
        ratio = _RATIO_AT.match(t, end)
        if ratio:
            return _ratio(start, end, value, ratio, t)
    fraction = _fraction(t, start, end) if num.arabic and not flag and t[end:end + 1] == "/" else None
    rng = None if low is not None or t[end:end + 1] not in _SEP_FIRST else _range(t, num, end, "")
    lone = num.lone
    if fraction is not None:  # 占全省的1/3, 近1/4: a share, read as 三分之一 is
        value, unit, unit_end = fraction[0], "%", fraction[1]
    elif rng is None:
        end, qualifier = _inner_after(t, end, num.arabic, qualifier)
        if t[end:end + 2] in ("个半", "个多"):  # 一个半小时, 两个半月, 两个多小时
            unit, unit_end = _unit_at(t, end + 2, False)
            if unit:
                lone, unit = False, "个月" if unit == "月" else unit
                if t[end + 1] == "半":
                    value += 0.5
                elif qualifier == "none":
                    qualifier = "over"
            else:
                unit, unit_end = _unit_at(t, end, lone)
        else:
            unit, unit_end = _unit_at(t, end, lone)
        if unit == "!":
            return None
        if unit and low is None and t[unit_end:unit_end + 1] in _SEP_FIRST:
            rng = _range(t, num, unit_end, unit)  # 10%—15%, 3万元-5万元
    if rng is not None:
        value, high, end, unit, unit_end, qualifier = rng
        low = value
    end = unit_end
    if unit and t[end:end + 1] in ("多", "半"):
        end, value, qualifier = _after_unit(t, end, unit, value, qualifier)
    elif unit in ("元", "块", "圆") and low is None:
        end, value = _small_money(t, end, unit, value)
    kind = "ordinal" if t[start - 1:start] == "第" else ""
    if lone and not kind and low is None and not _lone_ok(t, start, unit):
        return None
    if low is not None and not unit and num.shared == 1 and not num.arabic:
        return None  # 三五, 十四五: neighbouring digits with nothing after are not a range
    post = POST_AT.match(t, end) if t[end:end + 1] in POST_FIRST else None
    if post:
        qualifier, end = POST_QUALIFIER[post.group()], post.end()
    start = pre_at = start if sign_at is None else sign_at
    if t[pre_at - 1:pre_at] in _SYMBOLS and unit in ("", "元"):  # ¥100, $5
        start = pre_at = pre_at - 1
        unit = _SYMBOLS[t[pre_at]]
    if t[pre_at - 1:pre_at] in PRE_LAST:
        start, qualifier = pre_qualifier(t, pre_at, qualifier, num.arabic)
    if sign_at is not None:  # the sign is the left end's: -3~5 is -3..5
        value = -value
        if low is not None:
            low, high = (value, high) if value < high else (None, None)
    if unit in ("元", "") and not num.lone and t[pre_at - 1:pre_at] in _CURRENCY_LAST:
        money = _CURRENCY_BEFORE.search(t, max(0, pre_at - 5), pre_at)
        unit = money.group(1) if money else unit
    if unit == "%" and t[end:end + 1] == "%":
        flag, end = "symbol", end + 1  # 100%%
    return _make(start, end, value, low, high, unit, qualifier, flag, kind)


_MONEY_NEXT = set(CN_CHARS) | set("钱多左以每的整角毛")  # what may follow 元 after a lone digit (三元一斤)
_SMALL_MONEY = re.compile(r"([一二两三四五六七八九\d])([毛角])?(?:([一二三四五六七八九\d])分)?")
_SYMBOLS = {"¥": "元", "$": "美元", "€": "欧元", "£": "英镑"}


def _small_money(t: str, end: int, unit: str, value: float) -> tuple[int, float]:
    """Tenths and hundredths of a 元 written after it: 三块五 (3.5), 两块五毛 (2.5), 3元5角 (3.5), 一元二角五分."""
    m = _SMALL_MONEY.match(t, end)
    if m is None or value % 1:
        return end, value
    tenths, jiao, cents = m.groups()
    if not jiao and not (unit == "块" and t[m.end():m.end() + 1] in _MONEY_END):
        return end, value  # 3元5家: a digit alone after 元 is the next number; 三块五 is colloquial
    value += (int(tenths) if tenths.isdigit() else DIGITS[tenths]) / 10
    if cents:
        value += (int(cents) if cents.isdigit() else DIGITS[cents]) / 100
    return m.end(), value


_MONEY_END = set("，,。；;：:！？!?、）)」”\" \n一每钱") | {""}


def _numeral_ok(t: str, text: str, start: int, end: int) -> bool:
    """A Chinese body is a number: not a bare 百/千/万/亿 inside a word (百姓, 千方百计: one needs a qualifier
    before it, 上万, or 余/多 after, 千余), not a lone formal digit outside money (陆续, 陆家嘴)."""
    body = t[start:end]
    if body[0] in "百千万亿":
        if not all(ch in "百千万亿" for ch in body):
            return False  # 万一, 千万一: a bare multiplier does not start a longer numeral
        return bool(pre_word(t, start)) or t[end:end + 1] in ("余", "多")
    if end - start == 1 and text[start] in FORMAL:  # 壹元, 贰到叁元; not 陆续, 伍
        sep = _RANGE_SEP.match(t, end)
        if sep and t[sep.end():sep.end() + 1] in CN_CHARS:
            return True
        _, _, unit_re, units = _patterns()
        um = unit_re.match(t, end)
        return bool(um) and units[um.group()].kind == "money"
    return True


def _lone_ok(t: str, start: int, unit: str) -> bool:
    """A lone Chinese digit with this unit is a number. 一 before a measure word is an article (一个, 一位名叫,
    一家人) unless the unit is a share, multiple or money (一倍, 一元); other digits need a unit (两家, 三年)."""
    if not unit:
        return False
    if t[start] == "一":
        kind = load_units()[unit].kind if unit in load_units() else ""
        return kind in _YI_KINDS
    return True


def _sign(t: str, text: str, start: int, prev_end: int) -> int | None:
    """Where the number's own minus sign starts (负3.2%, -3.2%, −3.2%, －3.2%), else None. A dash right after a
    quantity, a digit, a letter or another dash is a range, a date or an identifier (5%-3%, 2021-09, G-3, ——3)."""
    if start == 0:
        return None
    if t[start - 1] == "负":
        return start - 1
    if t[start - 2:start] == "零下":
        return start - 2  # 零下5℃
    if text[start - 1] in MINUS and prev_end != start - 1:
        prev = t[start - 2:start - 1]
        if not prev or (not (prev.isascii() and prev.isalnum()) and prev != "-" and prev not in CN_CHARS):
            return start - 1
    return None


def _special(t: str, start: int, num: _Num, sign_at: int | None) -> _Found | None:
    """Shares and multiples written with words: 九成, 三成半, 八点五成 (tenths, in %); 三分之一, 五分之二
    (fractions, in %); 一半 (50 %); 翻一番, 翻了两番 (100 %, 300 %)."""
    end = num.end
    nxt = t[end:end + 1]
    if nxt == "成" and num.value <= 10 and num.big == 1 and t[end + 1:end + 2] not in _CHENG_WORD:
        value, end = num.value * 10, end + 1
        if t[end:end + 1] == "半":
            value, end = value + 5, end + 1
        high = None if num.high is None else num.high * 10  # 七八成
        return _finish(t, start, end, value, "%", num.qualifier, sign_at, high=high)
    if nxt == "分" and t[end + 1:end + 2] == "之":
        right = _read(t, end + 2)
        if right is None or num.value == 0 or num.big != 1 or right.big != 1:
            return None
        return _finish(t, start, right.end, right.value / num.value * 100, "%", "none", sign_at)
    if num.lone and t[start] == "一" and nxt == "半" and not _unit_at(t, end + 1, False)[0]:
        return _finish(t, start, end + 1, 50.0, "%", "none", sign_at)
    if nxt == "番" and num.big == 1 and num.value <= 10:
        verb = 2 if t[start - 2:start] == "翻了" else 1 if t[start - 1:start] == "翻" else 0
        if verb:
            return _finish(t, start - verb, end + 1, (2 ** num.value - 1) * 100, "%", "none", None)
    return None


def _finish(t: str, start: int, end: int, value: float, unit: str, qualifier: str, sign_at: int | None,
            high: float | None = None) -> _Found:
    """A share's post and pre qualifiers and sign, as for any number."""
    if t[end:end + 1] == "多" and qualifier == "none":
        qualifier, end = "over", end + 1
    post = POST_AT.match(t, end)
    if post:
        qualifier, end = POST_QUALIFIER[post.group()], post.end()
    pre_at = start if sign_at is None else sign_at
    start, qualifier = pre_qualifier(t, pre_at, qualifier, False)
    if sign_at is not None:
        value = -value
    low = value if high is not None else None
    return _make(start, end, value, low, high, unit, qualifier, "", "")


def _share_words(t: str, m: re.Match[str]) -> _Found | None:
    """百分之六十五, 百分之零点五, 千分之五 (‰), 万分之五 (0.05 %), 百分之三十到四十, and 半数 (50 %)."""
    start = m.start()
    if m.group("half"):
        return _finish(t, start, m.end(), 50.0, "%", "none", None)
    word = m.group("pct")
    unit, scale = {"百分之": ("%", 1.0), "千分之": ("‰", 1.0), "万分之": ("%", 0.01)}[word]
    num = _read(t, m.end())
    if num is None or num.big != 1:
        return None
    end, high = num.end, None
    sep = _RANGE_SEP.match(t, end)
    if sep:
        at = sep.end() + (3 if t.startswith(word, sep.end()) else 0)
        right = _read(t, at)
        if right is not None and right.big == 1 and right.value > num.value:
            end, high = right.end, right.value * scale
    sign_at = start - 1 if t[start - 1:start] == "负" else None
    return _finish(t, start, end, num.value * scale, unit, "none", sign_at, high=high)


def _range(t: str, left: _Num, at: int, left_unit: str) -> tuple[float, float, int, str, int, str] | None:
    """A range whose separator starts at `at`, after the left number or its unit `left_unit` (3-5家, 2——3万元,
    两到三千人, 10%—15%, 3万-5万元, 1一8月 with an OCR dash): low, high, end of the right number, unit, end of
    the unit, qualifier. The left end shares the right end's multiplier (2——3万 = 20000..30000) unless it has
    its own; a descending pair (2021-09) is no range."""
    nxt = t[at:at + 1]
    if nxt not in _SEP_FIRST:
        return None
    sep = _RANGE_SEP.match(t, at)
    if sep is not None:
        sep_end = sep.end()
    elif left.arabic and not left_unit and nxt == "一" and t[at + 1:at + 2].isdigit():
        sep_end = at + 1
    else:
        return None
    if left.arabic and t[left.start] == "0" and t[left.start + 1:left.start + 2].isdigit():
        return None  # 0576-83988123: a number with a leading zero is a code, not a range end
    right = _read(t, sep_end)
    if right is None or right.arabic != left.arabic or right.flag or right.high is not None:
        return None
    low = left.value
    if left.big == 1 and right.big > 1 and left.value < right.value / right.big:
        low = left.value * right.big  # 2——3万, 三十到五十万
    if left.shared == 1 and right.shared > right.big and left.value < right.value / right.shared:
        low = low * right.shared / right.big  # 两到三千
    if not low < right.value:
        return None
    end, qualifier = _inner_after(t, right.end, right.arabic, right.qualifier)
    unit, unit_end = _unit_at(t, end, False)
    if unit == "!" or (left_unit and unit != left_unit):
        return None
    return low, right.value, end, unit, unit_end, qualifier


def _inner_after(t: str, end: int, arabic: bool, qualifier: str) -> tuple[int, str]:
    """余/多/几/来 right after a number without a multiplier (十余家, 5000多人, 600来个, 30 多场)."""
    gap = end + 1 if t[end:end + 1] == " " else end
    ch = t[gap:gap + 1]
    if ch not in INNER or qualifier != "none" or (ch == "几" and not arabic):
        return end, qualifier
    if ch == "来" and not _unit_at(t, gap + 1, False)[0]:
        return end, qualifier  # 2019年来, 三年来: 来 is approximate only before a unit
    return gap + 1, INNER[ch]


def _fraction(t: str, start: int, end: int) -> tuple[float, int] | None:
    """The share (in %) and end of a fraction a/b written with a slash whose numerator is [start, end), or None."""
    m = _FRACTION_AT.match(t, end)
    if m is None or t[start - 1:start] == "/" or not t[start:end].isdigit():
        return None
    top, bottom = int(t[start:end]), int(m.group(1))
    return (100 * top / bottom, m.end()) if 0 < top < bottom else None


def _after_unit(t: str, end: int, unit: str, value: float, qualifier: str) -> tuple[int, float, str]:
    """一倍多, 两年多 (over) and 三年半, 一倍半 (a half more), written after the unit."""
    row = load_units().get(unit)
    kind = row.kind if row else ""
    nxt = t[end:end + 1]
    if nxt == "多" and qualifier == "none" and kind in ("multiple", "duration", "year", "age") \
            and not _CJK.match(t[end + 1:end + 2] or "x"):
        return end + 1, value, "over"
    if nxt == "半" and kind in ("multiple", "duration", "year") and not _CJK.match(t[end + 1:end + 2] or "x"):
        return end + 1, value + 0.5, qualifier
    return end, value, qualifier


def _ratio(start: int, end: int, left: float, ratio: re.Match[str], t: str) -> _Found:
    """1.5:1 as a ratio (value a/b); 10:37 (two-digit minutes, no decimals) as a clock time."""
    right = ratio.group(1)
    if len(right) == 2 and "." not in t[start:end] + right and left <= 24:
        return _make(start, ratio.end(), left, None, None, "clock", "none", "", "")
    denominator = float(right.replace(",", ""))
    return _make(start, ratio.end(), left / denominator if denominator else left, None, None, "ratio", "ratio",
                 "", "")


def _make(start: int, end: int, value: float, low: float | None, high: float | None, unit: str,
          qualifier: str, flag: str, kind: str) -> _Found:
    """The quantity's fields with its unit converted to the base unit of the table (平米 -> 平方米, 毛钱 -> 0.1 元)."""
    row = load_units().get(unit)
    factor, base = (row.factor, row.base_unit) if row else (1.0, unit)
    return (start, end, _tidy(value * factor), None if low is None else _tidy(low * factor),
            None if high is None else _tidy(high * factor), base, qualifier, flag, kind, unit)


def _tidy(value: float) -> float:
    """Round away binary noise from multiplying decimals (1.4 * 10000 = 14000.000000000002)."""
    if value.is_integer():
        return value + 0.0
    return float(f"{value:.15g}") if abs(value) >= 1e6 else float(round(value, 6)) + 0.0  # 82.6亿: 8259999999.999999


def find_quantities(text: str) -> list[Quantity]:
    """Every number and quantity in `text`, in order, with its span in `text` (end exclusive).

    `value` is the number times its multiplier, signed by the number's own sign (负3.2%, -3.2%); a range gives
    its low end and `low`/`high` both ends; a share in 成 or 分之 is in % (九成 -> 90); a ratio a:b gives a/b.
    `unit` is the base unit from units.csv ('' when none follows), `qualifier` one of none/approx/over/under/
    ratio, `flag` marks a number kept but malformed. Never raises on odd input; numbers that cannot be read
    without guessing (1..5亿, 3.5.6万元, 万亿亿) are left out.
    """
    if not text:
        return []
    t = fold(text)
    candidate = _patterns()[0]
    found: list[Quantity] = []
    pos = 0
    while True:
        m = candidate.search(t, pos)
        if not m:
            break
        q = _scan(t, text, m, found[-1].end if found else -1)
        if q is not None and q[1] > q[0]:
            found.append(Quantity(text[q[0]:q[1]], *q))
            pos = q[1]
        else:
            pos = m.end()
    return found
