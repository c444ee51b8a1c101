"""Character sets and cue-list regexes shared by the name, person and entity rules (data/entity_cues.csv)."""

from __future__ import annotations

import re
from functools import cache

from gongfu.extract.periods import PERIOD
from gongfu.lexicon import load_cues

ADMIN_CHARS = set("区乡镇村市县省")
# Characters that never belong to a name; scanning left from a name ending stops at them.
STOP = set("的了在是和与及对向由为将从到把被等已有进入走住位于地处以约占经个辖全该本各这此其每给让使"
           "自户而也都就还又很更最并或但却所之其它他她们我你共均近超逾达据")
NAME_MAX = 16
FIRM_ENDS = ("公司", "集团")  # a firm's endings: its short form keeps one (森趣公司), 达 may sit inside its name (鑫达)
PART_OPENERS = ("其中",)
BUSINESS_HEAD = "business"  # the head of 厂里 / 社里: any business the text names (entity_cues.csv business_end)
TIME_LEAD = re.compile(rf"(?:{PERIOD.pattern}|最近|近日|日均|仅|同时|此外|其中)+")


@cache
def speech_pattern() -> re.Pattern[str]:
    return re.compile("(?:高兴地|笑着|激动地|日前|近日|昨日|昨天|今天|今日|近期|此前|最近)?(?:"
                      + "|".join(map(re.escape, load_cues().speech)) + ")")


@cache
def role_pattern() -> re.Pattern[str]:
    roles = load_cues().roles
    first = re.escape("".join(sorted({r[0] for r in roles} | set("第有相副常执"))))
    alternation = "|".join(map(re.escape, roles))
    return re.compile(rf"(?=[{first}])(?:第[一二三四五六七八九十\d]+)?(?:有关|相关)?(?:副|常务副?|执行)?"
                      rf"(?:{alternation})")


@cache
def person_end_chars() -> str:
    return re.escape(load_cues().person_ends)


def first_char_guard(first_chars: set[str] | str, body: str) -> str:
    """`body` behind a lookahead for the characters any of its matches can start with: the same matches, but a
    position whose character cannot start one is passed over with one class test instead of every alternative
    (a lookbehind or `^` alternative otherwise makes the regex engine try them all at every position). A plain
    alternation of words needs none: the engine tests its first characters itself, and a guard makes it slower."""
    return f"(?=[{re.escape(''.join(sorted(first_chars)))}])(?:{body})"
