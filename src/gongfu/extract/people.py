"""People a document names: a surname and one or two characters where a person is introduced.

A person: surname + one or two characters after a role or word for people (村民 茶农 种植户 华侨 群众演员),
after 岁的, before 今年/是/来自 at a clause start, or a surname with a term of address (钟大姐, 吴师傅, 叶女士,
小周); never a division (平湖市是…, nor 龙泉是… where the text names 龙泉市) nor a role (党员干部) nor
老师/小时. Every occurrence of a name found is a mention.
"""

from __future__ import annotations

import re
from functools import cache

from gongfu.extract.cue_patterns import ADMIN_CHARS, STOP, first_char_guard, person_end_chars, role_pattern
from gongfu.extract.mentions import Mention
from gongfu.extract.places import division_of_short, divisions
from gongfu.lexicon import load_cues, load_surnames

_DE_PERSON_AFTER = re.compile("一家|做|是|今年|来自")
_SPEECH_AFTER = ("说", "介绍", "表示", "告诉", "笑着说")  # 。”王丽华说: a speaker named after the quotation
_CLAUSE_PERSON = re.compile(r"今年\d|来自|是|做|" + "|".join(_SPEECH_AFTER))
# _CLAUSE_PERSON one to three characters on (a name's second to fourth): a cheap test before reading the name
_CLAUSE_PERSON_NEAR = re.compile(rf"[^\n]{{1,3}}(?:{_CLAUSE_PERSON.pattern})")


@cache
def _de_person() -> re.Pattern[str]:
    """岁的 or 的 before a surname: where a person may be introduced (72岁的朱水源, 村的张益宾)."""
    first = re.escape("".join(sorted({n[0] for n in load_surnames()})))
    return re.compile(f"(?:岁的|的)(?=[{first}])")


@cache
def _clause_person() -> re.Pattern[str]:
    """A surname at the start of a clause, or right after a quoted speech (。”戴素连今年58岁)."""
    first = re.escape("".join(sorted({n[0] for n in load_surnames()})))
    body = f"(?:^|[，,；;：:。！？!?\n]|[。！？!?…]”)([{first}])"
    return re.compile(first_char_guard({n[0] for n in load_surnames()} | set("，,；;：:。！？!?\n…"), body), re.M)


@cache
def _honorific_pattern() -> re.Pattern[str]:
    """A surname with a term of address after it (钟大姐, 林大伯, 叶女士), or 小/老 before it where the person
    speaks or is described (23岁的小周, 小周今年, 老陈说)."""
    words = "|".join(map(re.escape, load_cues().honorifics))
    first = re.escape("".join(sorted(n for n in load_surnames() if len(n) == 1)))
    body = (f"([{first}])(?:{words})|(?<![一-龥])(?:小|老)([{first}])(?=说|今年|是|介绍|告诉|笑|一边|[，,])"
            f"|(?<=[岁的叫{person_end_chars()}])(?:小|老)([{first}])")
    return re.compile(first_char_guard({n for n in load_surnames() if len(n) == 1} | set("小老"), body), re.M)


@cache
def _role_words() -> tuple[str, ...]:
    """The roles and words for people, which no person's name starts with."""
    return tuple(set(load_cues().roles) | set(load_cues().person_nouns))


@cache
def _person_word_end() -> re.Pattern[str]:
    """A word for people at the end of a clause's opening (“00后”群众演员, 种粮大户)."""
    words = "|".join(map(re.escape, load_cues().person_nouns + load_cues().roles))
    return re.compile(f"(?:{words}|[{person_end_chars()}])$")


def described_person(rest: str) -> str:
    """What stands before a person's name once a description of them is taken off: '' for “00后”群众演员 (a noun
    phrase without function words ending in a word for people), `rest` otherwise."""
    if _person_word_end().search(rest) and len(rest) <= 10 and not any(c in STOP for c in rest):
        return ""
    return rest


@cache
def _person_noun_pattern() -> re.Pattern[str]:
    """A word for people right before a surname (茶农钟大姐, 种植户汪建华, 旅意华侨胡先生): where a person is
    introduced. Whole words from the cue list, or any word ending in a person ending (梅农, 菇农)."""
    first = re.escape("".join(sorted({n[0] for n in load_surnames()})))
    nouns = "|".join(map(re.escape, load_cues().person_nouns))
    noun_first = re.escape("".join(sorted({n[0] for n in load_cues().person_nouns})))
    surname_next = f"(?=[{first}]|[小老][{first}])"
    # the words tried only where one can start: most positions the guard lets through start a surname, not a word
    body = f"(?=[{noun_first}])(?:{nouns}){surname_next}|(?<=[{person_end_chars()}]){surname_next}"
    return re.compile(first_char_guard({n[0] for n in load_cues().person_nouns} | {n[0] for n in load_surnames()}
                                       | set("小老"), body))


# What may follow a person's name: punctuation, speech and common verbs or adverbs (朱水源是, 刘勇介绍).
_NICKNAME = re.compile("“((?:阿|小|老)[\u4e00-\u9fff]{1,2})”(?=说|介绍|告诉|表示|笑着说)")
_NAME_FOLLOW = (set("，,。；;：:、！？!?“”（）() \n") | set("说介表告称是今来做一和与也都就还又")
                | set("在从对向把被如看高紧终等主积已每随的年") | set("笑刚正算带家边感回早拿指扳忙领讲")
                | set("个本自"))  # 方建国个人另捐: 个人, 本人, 自己 follow a name


def _person_at(t: str, pos: int, surnames: frozenset[str], sure: bool = False) -> str:
    """A person's name starting at `pos`: surname + one or two given-name characters, followed by a word that
    can follow a name; '' when there is none. `sure` (72岁的朱水源): a three-character name whatever follows."""
    if sure and t[pos:pos + 1] in surnames and name_chars(t[pos:pos + 3]):
        first = _person_at(t, pos, surnames)
        return first or t[pos:pos + 3]
    for surname_len in (2, 1):
        surname = t[pos:pos + surname_len]
        if surname not in surnames:
            continue
        for given in (2, 1):
            end = pos + surname_len + given
            name = t[pos:end]
            if len(name) != surname_len + given or not name_chars(name):
                continue
            if given == 2 and name[-1] in load_cues().speech_starts:
                continue  # 王强说，: the name is 王强, then the speech

            if end >= len(t) or t[end] in _NAME_FOLLOW:
                return name
    return ""


def _short_of_named_division(name: str, text: str) -> bool:
    """Whether `name` is the short form of a division the text also names in full (龙泉 beside 龙泉市): then
    it is that place, not a person (a person called 罗平 in a text that never names 罗平县 stays a person)."""
    full = division_of_short(name)
    return bool(full) and full in text


_CJK = re.compile("[\u4e00-\u9fff]*")


def name_chars(chars: str) -> bool:
    """Whether every character is a CJK ideograph (U+4E00-U+9FFF) that may be part of a name (not in STOP)."""
    return _CJK.fullmatch(chars) is not None and STOP.isdisjoint(chars)


class PersonFinder:
    """Finding people (part of DocumentContext, which sets the attributes)."""

    def _persons(self) -> list[Mention]:
        """People: a surname and one or two characters, found after a role word (村民戴素连), after 岁的, or
        before 今年/来自/是/做/一家 or a speech verb at the start of a clause; then every occurrence of the names
        found."""
        t, surnames = self.t, load_surnames()
        names: set[str] = set()
        for m in role_pattern().finditer(t):
            if (name := _person_at(t, m.end(), surnames)):
                names.add(name)
        for m in _de_person().finditer(t):
            age = m.group() == "岁的"
            name = _person_at(t, m.end(), surnames, sure=age)
            if name and (age or _DE_PERSON_AFTER.match(t, m.end() + len(name))):
                names.add(name)
        for m in _clause_person().finditer(t):
            if not _CLAUSE_PERSON_NEAR.match(t, m.start(1) + 1):
                continue  # no 今年/来自/是/做 where a name of two to four characters would end: no name to read
            name = _person_at(t, m.start(1), surnames)
            follow = _CLAUSE_PERSON.match(t, m.start(1) + len(name)) if name else None
            if follow and not (follow.group() in _SPEECH_AFTER and division_of_short(name)):
                names.add(name)  # 。”王丽华说: a speaker, but 金华表示 is the city speaking
        for m in _person_noun_pattern().finditer(t):  # 种植户汪建华说, 村民王乐义带头, 群众演员小周
            if (name := _person_at(t, m.end(), surnames)):
                names.add(name)
            elif t[m.end():m.end() + 1] in "小老" and t[m.end() + 1:m.end() + 2] in surnames:
                names.add(t[m.end():m.end() + 2])
        for m in _NICKNAME.finditer(t) if "”" in t else ():  # 民宿业主“阿海”说: a person called by a nickname
            names.add(m.group(1))
        for m in _honorific_pattern().finditer(t):  # 钟大姐, 吴师傅, 小周: a person the text calls so
            if not t.startswith(self.cues.not_person, m.start()):  # 老师傅, 小时
                names.add(m.group())
        words = _role_words() if names else ()
        names = {n for n in names if n[-1] not in ADMIN_CHARS and n not in divisions()  # 平湖市是: a place
                 and not n.startswith(words)  # 党员干部: 干部 is a role, not 干 + 部
                 and not _short_of_named_division(n, t)  # 龙泉是…的故乡 where the text names 龙泉市
                 and n[-1] not in self.cues.product_ends}  # 惠明茶是景宁的金名片: a product
        self.person_names = frozenset(names)
        if not names:
            return []
        return [Mention(s, e, t[s:e], "person") for s, e in occurrences(t, names)]


def occurrences(text: str, words: set[str] | frozenset[str]) -> list[tuple[int, int]]:
    """The spans a regex alternation of `words` (longest first) finds in `text`: left to right, not overlapping,
    the longest word at each start. Found with `str.find` per word, so no regex is compiled for each document's
    names (a real archive's names differ from one document to the next and miss Python's regex cache)."""
    found: list[tuple[int, int]] = []
    for word in words:
        i = text.find(word)
        while i >= 0:
            found.append((i, -len(word)))  # sorted: by start, the longest first
            i = text.find(word, i + 1)
    found.sort()
    spans, end = [], 0
    for start, minus in found:
        if start >= end:
            end = start - minus
            spans.append((start, end))
    return spans
