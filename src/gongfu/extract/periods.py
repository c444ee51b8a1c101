"""Periods: the time expressions claims are about, their calendar year and their span."""

from __future__ import annotations

import re
from dataclasses import dataclass

from gongfu.extract.numerals import parse_chinese

# A time expression as the texts write it (今年1-8月, 上半年, 2020年底, 截至9月底, “十四五”期间, “十三五”以来,
# 国庆假期, 五一假期5天, 假期里, 10月1日至7日 (a span of days), 近三年, 二十多年来, 到2025年, 改造后, 制度实施以来,
# 现在, 截至10月25日, 这两年, 到年底, 那时候). The lookahead lists every first character: a cheap test before the
# alternation.
_CN_COUNT = "一二两三四五六七八九十"
PERIOD = re.compile(
    rf"(?=[今去前明上下一截现目当如这近初起“十过原以届全旺最鼎国春五端中到改建投达实搬整开运启设成未假年那{_CN_COUNT}\d])(?:"
    r"截至(?:(?:今年|去年|\d{4}年)?\d{1,2}月(?:\d{1,2}日|底|末)?|(?:今年|去年|\d{4}年)(?:底|末)?|目前|年底)"
    r"|(?:今年|去年|前年|明年|\d{4}年)?(?:上半年|下半年|一季度|前三季度|\d{1,2}[-一~至]\d{1,2}月"
    rf"|前(?:\d{{1,2}}|[{_CN_COUNT}]{{1,2}})个月)(?:以来|来)?"
    r"|(?:今年|去年)?\d{1,2}月份?以来|\d{4}年度|(?<![高加长升降少])到\d{4}年底?|\d{4}年(?:以来|底|末)?|(?:今年|去年)以来"
    rf"|(?:今年|去年)?(?:“(?:五一|国庆|春节|端午|中秋|十一)”|(?:五一|国庆|春节|端午|中秋|十一))(?:假期|黄金周|期间)"
    rf"(?:[{_CN_COUNT}\d]{{1,2}}天)?"
    rf"|(?:近|过去|今后|未来)(?:[{_CN_COUNT}]{{1,2}}|\d+)年"
    r"|今年|去年|前年|明年"
    r"|\d{1,2}月\d{1,2}日(?:至|到|[-~])(?:\d{1,2}月)?\d{1,2}日|假期(?:里|中|期间)"
    r"|\d{1,2}[-一]\d{1,2}月|\d{1,2}月份|截至目前|现如今|目前|当前|如今|这些年|这两年|这几年|近年来|初期|起初"
    r"|到年底|年底前|那时候"
    r"|过去|现在|原来|以前|届时|全年|旺季|最初|鼎盛时期"
    rf"|[{_CN_COUNT}\d]+多?年来"
    r"|(?:改造|建成|投产|达产|投用|实施|搬迁|整治|开园|运营|启动|设市|成立)(?:后|前|以来|之初)"
    r"|“?十[一二三四五六七八九]五”?(?:期间|以来|时期))"
)
# An event a clause opens with, then 后 and a comma (统一品牌后，全部并网后，大学毕业后，): the time after it, as
# 改造后 above, for any event; not 之后/以后 (after what came before), nor a clause holding a number or a time.
EVENT_AFTER = re.compile("(?<![^，,。；;：:！？\n])(?:全部|全面|正式)?[\u4e00-\u9fff]{2,5}?(?<![之以])后(?=[，,])")
# A season or a stretch of days a clause opens with (秋收时节，3天时间里，风情节这几天，): the time of what follows
SEASON_OPENING = re.compile(r"(?<![^，,。；;：:！？“\n])(?:[\u4e00-\u9fff]{2,4}时节"
                            r"|[\d一二三四五六七八九十两]{1,3}天时间里|[\u4e00-\u9fff]{2,6}这几天)(?=[，,])")
SEASONS = {"上半年", "下半年"}
_RANGE_DASH = re.compile(r"(\d)[一~至](\d)")


def normalise_period(period: str) -> str:
    """1一8月 (OCR dash) -> 1-8月."""
    if len(period) <= 3 or ("一" not in period and "~" not in period and "至" not in period):
        return period  # no dash to mend (most periods: 今年, 2023年): no regex run
    return _RANGE_DASH.sub(r"\1-\2", period)


_YEAR_IN_PERIOD = re.compile(r"(\d{4})年")
_YEAR_START = re.compile(r"(\d{4})")
_RELATIVE_YEAR = {"今年": 0, "去年": -1, "前年": -2, "明年": 1}
_CURRENT = re.compile(r"上半年|下半年|季度|前\S{1,2}个月|\d{1,2}[-一~至]\d{1,2}月|\d{1,2}月份|目前|当前|如今|截至目前")


def resolve_year(period: str, published: str) -> int | None:
    """The year a period refers to: stated (2020年), or relative (今年, 去年, 上半年, 目前) to the publication date."""
    stated = _YEAR_IN_PERIOD.search(period)
    if stated:
        return None if "以来" in period else int(stated.group(1))
    pub = _YEAR_START.match(published or "")
    if not pub or not period:
        return None
    for word, offset in _RELATIVE_YEAR.items():
        if word in period:
            return int(pub.group(1)) + offset
    return int(pub.group(1)) if _CURRENT.search(period) else None


# --------------------------------------------------------------------------- periods

@dataclass(frozen=True)
class PeriodKey:
    """A claim's period reduced to (year, span); None/'' where the text does not say."""

    year: int | None
    span: str  # "now", "H1", "M1-8", "FY", "" ...


_NOW = ("截至目前", "现如今", "如今", "目前", "当前", "现有", "现在", "至今", "累计", "已")
_MONTHS = re.compile(r"([0-9０-９]{1,2})\s*[-－—一至到~～]\s*([0-9０-９]{1,2})\s*月")


_FIRST_MONTHS = re.compile(rf"前(?:([0-9]{{1,2}}|[{_CN_COUNT}]{{1,2}})个月|三季度)")
def period_key(period: str, year: object = "") -> PeriodKey:
    """Normalise a period expression: 上半年 and 1-6月 are the same span; 1-8月 is not."""
    period = _cell(period)
    y = _cell(year)
    found_year = int(float(y)) if re.fullmatch(r"\d{4}(\.0)?", y) else None
    explicit = re.search(r"((?:19|20)\d{2})\s*年", period)
    if found_year is None and explicit:
        found_year = int(explicit.group(1))
    span = ""
    months = _MONTHS.search(period)
    if months:
        a, b = (int(x.translate(str.maketrans("０１２３４５６７８９", "0123456789"))) for x in months.groups())
        span = "H1" if (a, b) == (1, 6) else "FY" if (a, b) == (1, 12) else f"M{a}-{b}"
    elif first := _FIRST_MONTHS.search(period):  # 前8个月 is 1-8月, 前三季度 1-9月
        n = int(parse_chinese(first.group(1)) or 0) if first.group(1) else 9
        span = "" if not 0 < n <= 12 else "H1" if n == 6 else "FY" if n == 12 else f"M1-{n}"  # 前十十个月: none
    elif "上半年" in period:
        span = "H1"
    elif "下半年" in period:
        span = "H2"
    elif re.search(r"一季度|第一季度", period):
        span = "Q1"
    elif any(word in period for word in _NOW):
        span = "now"
    elif "以来" in period:
        span = "YTD"
    elif re.search(r"全年|今年|去年|明年|前年|年$|年度", period):
        span = "FY"
    return PeriodKey(found_year, span)


def same_period(a: PeriodKey, b: PeriodKey) -> bool | None:
    """True when two periods are the same, False when they differ, None when the texts do not tell."""
    if not a.span or not b.span:
        return None
    if a.year is not None and b.year is not None and a.year != b.year:
        return False
    if a.span != b.span:
        return False
    if a.year is None or b.year is None:
        return None  # same kind of span, but whose year (or whose "now")?
    return True


def _cell(value: object) -> str:
    """A table cell as text: '' for None and NaN (a float that is not equal to itself)."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value).strip()
