"""Repair page layout: OCR spaces inside Chinese text, lines cut mid-sentence, 一 read for a range dash,
and whitespace, so the result is one paragraph per line, each ending in a newline.

Joining is deliberately cautious: two lines are re-joined only on positive evidence that the first does not
end where the sentence ends and the second carries it on (a trailing comma, a leading particle or closing
mark, an open quotation closed in the next line, a run of narrow-column fragments, a short sentence end
separated by a photo caption). A line that still ends mid-sentence is kept and flagged, never dropped,
because a wrong join invents a sentence the source never printed.

Two kinds of column damage are rebuilt from the text's own evidence, after the joins above:
- a stray fragment that ends mid-word (`自临江街`) is put back before the line of a narrow column that
  completes a word of the project's vocabulary with it (`道…`: 临江街道), when the column's current junction
  there cuts no known word (so the column was joined wrongly at that point); the stray sentence ends read out
  with it (`新格局。`, `地方。`) go back to the column's lines left open, in the one order the OCR read them in
  that agrees with the word-placed fragment (all of them, or none);
- two columns cut at the same height and read across (`…不断增` / `…全力推` / `强…。` / `进…`): the second
  cut paragraph's continuation is shown by a known word across the cut (推进) or a non-initial character, and
  the short sentence end between them completes the first.
A moved line is deleted where it stood and inserted where it belongs, both in one recorded change each.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import NamedTuple

from gongfu.clean.chars import CJK_PUNCT, CJK_RANGES, CJK_RE, LOST, SENTENCE_PUNCT_RE, TERMINAL
from gongfu.clean.edits import Change, apply_changes, compose_changes
from gongfu.lexicon import vocabulary

# The visible mark a caption line starts with (set by the boilerplate step; layout never joins into it).
CAPTION_MARK = "图："
CAPTION_MARKS = ("图：", "图:")

WS = " \t\r\f\v\u3000\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\ufeff"
SPACE_RUN_RE = re.compile(f"[{WS}]+")
SPACE_RE = re.compile(f"[{WS}]")  # whether a line has a space: without the run, the search is twice as quick
# A character that belongs to Chinese running text: ideographs, CJK punctuation, the lost-character mark,
# and the half-width punctuation Chinese text still carries before the punctuation step.
CHINESE = f"{CJK_RANGES}{CJK_PUNCT}{LOST}\ufffd"
CHINESE_RE = re.compile(f"[{CHINESE}]")
EDGE = "\u3000"  # stands for the line's edge when judging the text around a space
ASCII_PUNCT = set(",.:;!?\"'()%")
DIGITS = "0-9\uff10-\uff19"
DIGIT_RE = re.compile(f"[{DIGITS}]")
# A number, with , or . inside it; one at the line's edge may continue into text the line is joined to.
NUMBER_RE = re.compile(f"(?:^[.,])?[{DIGITS}]+(?:[.,][{DIGITS}]+)*(?:[.,]$)?%?")
# A number standing between two Chinese characters with spaces on both sides (`道 2019 年启`).
SPACED_NUMBER_RE = re.compile(
    f"(?<=[{CJK_RANGES}])([{WS}]+)[{DIGITS}]+(?:\\.[{DIGITS}]+)?%?([{WS}]+)(?=[{CJK_RANGES}])")
RANGE_DASH_RE = re.compile(f"(?<=[{DIGITS}])一(?=[{DIGITS}])")  # the rule; `range_dashes` applies it quickly
DIGIT_CHARS = frozenset("0123456789\uff10\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19")


_ONE_BEFORE_DIGIT_RE = re.compile(f"一(?=[{DIGITS}])")  # a literal first: the engine skips to each 一


def range_dashes(text: str) -> list[int]:
    """Where RANGE_DASH_RE matches: each 一 between two digits. (一 is one of the commonest characters of
    Chinese text and the rule's lookbehind would be tried at every position; a pattern beginning with 一 is
    searched for 一 first, and the digit before each one found is looked at.)"""
    return [i for m in _ONE_BEFORE_DIGIT_RE.finditer(text, 1) if text[(i := m.start()) - 1] in DIGIT_CHARS]

QUOTES = "\"'“”‘’"
QUOTES_OR_WS = frozenset(QUOTES + WS)
CLOSERS = "”’」』\"')）》"
COMMA_END = "，,、：:“‘「『（(《"
# A list item's marker (read with .match at a line's start): 一、 （二） (3) 4、 5. 第一，(not 1.5万 or 2024年)
LIST_ITEM_RE = re.compile(r"(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)]"
                          r"|\d{1,2}[、.．](?!\d)|第[一二三四五六七八九十]{1,3}[，,、：:])")
# Characters that never start a sentence, so a line starting with one continues the line before it.
NON_INITIAL_RE = re.compile(r"^(?:[，。、；：！？）》」』”’,.;:!?)]|了(?!解)|们|的(?!确)|吗|呢|吧)")
SHORT = 10  # non-space characters: a narrow-column fragment or a stray sentence end
RUN_MIN = 3  # narrow-column fragments needed to call a run of short lines a column
TAIL_MAX = 10  # a sentence end carried past a caption is at most this long
CAPTION_MAX = 20  # an unmarked short title-like line between two halves of a sentence
ORPHAN_MAX = 6  # a line this short ending a sentence is a stray fragment
FLAG_CONTEXT = 12
HEADING_MAX = 24  # a line this short without any sentence end, followed by more text, is a heading
HEADING_LIKE_MAX = 40  # visible characters of a title-like line (is_heading_like)
RUN_REASON = "fragments of a narrow newspaper column"
RELOCATE_WINDOW = 8  # paragraphs either side of a stray fragment searched for the place it belongs
WORD_MAX = 8
WORD_RE = re.compile(f"^[{CJK_RANGES}]{{2,{WORD_MAX}}}$")


def has_space(line: str) -> bool:
    """Whether the line holds a space (one of WS): SPACE_RE.search, quicker. Every WS character but the plain
    space is unprintable (a separator, a control or a format character), so a printable line without " " has
    none; str.isprintable is one C scan, where the class is tried at every position (7 ns a character)."""
    if " " in line:
        return True
    return not line.isprintable() and SPACE_RE.search(line) is not None


def visible_len(line: str) -> int:
    """Length without spaces."""
    return len(SPACE_RUN_RE.sub("", line)) if has_space(line) else len(line)


def is_caption(line: str) -> bool:
    """A line carrying the caption mark."""
    return line.startswith(CAPTION_MARKS)


def is_open(line: str) -> bool:
    """True when the line does not end a sentence (last mark, past closing quotes, is not terminal)."""
    stripped = line.rstrip(WS)
    if stripped.endswith((")", "）")):
        return False
    core = stripped.rstrip(CLOSERS)
    return bool(core) and core[-1] not in TERMINAL


def is_prose(line: str) -> bool:
    """A line of running text (it has sentence punctuation) rather than a heading, caption or byline."""
    return bool(SENTENCE_PUNCT_RE.search(line))


def is_heading_like(line: str) -> bool:
    """A short line without sentence punctuation: a title, heading, caption or byline."""
    return not is_prose(line) and visible_len(line) <= HEADING_LIKE_MAX


def _quotes_open(text: str) -> bool:
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


def _closes_quote(text: str, ascii_quote: bool) -> bool:
    if ascii_quote:
        return text.count('"') % 2 == 1
    m = re.search("[“”]", text)
    return bool(m) and m.group() == "”"


def continuation_evidence(para: str, nxt: str, via_caption: bool = False) -> str | None:
    """Why `nxt` carries on the sentence `para` leaves open, or None when nothing shows it does."""
    if not is_open(para) or not is_prose(para) or is_caption(para) or is_caption(nxt):
        return None
    if via_caption and visible_len(para) <= SHORT:
        return None
    if NON_INITIAL_RE.match(nxt):
        return f"the next line starts with “{nxt[0]}”, which cannot begin a sentence"
    if LIST_ITEM_RE.match(nxt):
        return None  # 通知如下：\n一、…: a list item starts its own paragraph, whatever the line before ends with
    if via_caption and visible_len(nxt) <= TAIL_MAX and not is_open(nxt) and len(CJK_RE.findall(nxt)) >= 2:
        return "a short sentence end follows the caption that interrupts it"
    if is_heading_like(nxt):
        return None
    if para.rstrip(CLOSERS)[-1:] in COMMA_END or para[-1:] in COMMA_END:
        return f"the line ends with “{para[-1]}”"
    if _quotes_open(para) and _closes_quote(nxt, ascii_quote='"' in para and "“" not in para):
        return "a quotation opened in the line is closed in the next one"
    return None


class _Line(NamedTuple):  # a named tuple, not a frozen dataclass: one is made per line, and per paragraph
    start: int
    end: int
    raw: str  # text[start:end], the line without its surrounding whitespace


class _Fix(NamedTuple):
    """A paragraph as it will be printed: the fixed text and the inner changes in paragraph coordinates."""

    text: str
    changes: tuple[tuple[int, int, str, str], ...]


def _number_in_chinese(line: str, numbers: dict[int, int], at: int, step: int) -> bool:
    """Whether the number that starts (step 1) or ends (step -1) at `at` stands in Chinese text on its far side
    (so `307 个` and `共 3 个` close up, while `Python 3.11 环境` keeps its spaces). `numbers` maps each
    number's start to its end (step 1) or its end to its start (step -1). The line's edge counts as Chinese:
    the line may be re-joined to Chinese text, and the decision must not change when it is."""
    i = numbers.get(at, at) if step == 1 else numbers.get(at, at) - 1
    while 0 <= i < len(line) and line[i] in WS:
        i += step
    return not 0 <= i < len(line) or bool(CHINESE_RE.match(line[i]))


def _space_fixes(line: str) -> list[tuple[int, int, str, str]]:
    """Spaces inside Chinese text: removed in running text; in titles and bylines only around a spaced number."""
    out = []
    if not is_prose(line):
        for m in SPACED_NUMBER_RE.finditer(line):
            out += [(m.start(g), m.end(g), "", "OCR space around a number inside Chinese text removed") for g in (1, 2)]
        return out
    numbers: tuple[dict[int, int], dict[int, int]] | None = None  # found when a digit is next to a space
    n = len(line)
    for m in SPACE_RUN_RE.finditer(line):
        s, e = m.span()
        if 0 < s and e < n and line[s - 1] not in QUOTES_OR_WS and line[e] not in QUOTES_OR_WS \
                and CHINESE_RE.match(line[s - 1]) and CHINESE_RE.match(line[e]):
            out.append((s, e, "", "OCR space inside Chinese text removed"))  # the usual OCR space, decided below
            continue  # (Chinese on both sides is never a digit, nor ASCII: the rule below removes it too)
        # the nearest characters past quotes and other spaces (an edge counts as Chinese context)
        i, j = s - 1, e
        while i >= 0 and line[i] in QUOTES_OR_WS:
            i -= 1
        while j < n and line[j] in QUOTES_OR_WS:
            j += 1
        left = line[i] if i >= 0 else EDGE
        right = line[j] if j < n else EDGE
        if left.isascii() and left.isalnum() and right.isascii() and right.isalnum():
            continue  # between Latin words or numbers
        left_cn, right_cn = bool(CHINESE_RE.match(left)), bool(CHINESE_RE.match(right))
        left_digit, right_digit = bool(DIGIT_RE.match(left)), bool(DIGIT_RE.match(right))
        if (left_digit or right_digit) and numbers is None:
            numbers = ({}, {})
            for num in NUMBER_RE.finditer(line):
                numbers[0][num.start()], numbers[1][num.end()] = num.end(), num.start()
        if left_digit:
            left_cn = left_cn or _number_in_chinese(line, numbers[1], s, -1)
        if right_digit:
            right_cn = right_cn or _number_in_chinese(line, numbers[0], e, 1)
        if (left_cn and right_cn) or ((left_cn or right_cn) and (left in ASCII_PUNCT or right in ASCII_PUNCT)):
            out.append((s, e, "", "OCR space inside Chinese text removed"))
    return out


def _cut(text: str, spans: list[tuple[int, int, str, str]]) -> str:
    """`text` without the (sorted, disjoint) spans."""
    parts, pos = [], 0
    for s, e, _, _ in spans:
        parts.append(text[pos:s])
        pos = e
    parts.append(text[pos:])
    return "".join(parts)


def _fix(line: str) -> _Fix:
    """A paragraph's spaces (as running text or as a title) and range dashes repaired. Space removal is
    repeated until nothing changes, and dashes are judged once the spaces are gone, so the result is what a
    second run would leave as it is. (A space run found in a later round never straddles one removed before,
    since runs are maximal, so the changes never overlap and the text is built as they are found; the spans
    of the first round are already in the line's own positions, which are mapped only when more is found.)"""
    spaced = has_space(line)
    if not spaced and "一" not in line:
        return _Fix(line, ())
    rounds: list[list[tuple[int, int, str, str]]] = []  # each round's spans, in that round's text
    current = line
    while spaced and (found := _space_fixes(current)):
        rounds.append(found)
        current = _cut(current, found)
        spaced = has_space(current)
    dashes = range_dashes(current)
    if not dashes and len(rounds) <= 1:
        return _Fix(current, tuple(rounds[0]) if rounds else ())
    kept: range | list[int] = range(len(line))  # positions of `line` still present
    spaces: list[tuple[int, int, str, str]] = []
    for found in rounds:
        spaces += [(kept[s], kept[e - 1] + 1, a, r) for s, e, a, r in found]
        still: list[int] = []
        pos = 0
        for s, e, _, _ in found:
            still.extend(kept[pos:s])
            pos = e
        still.extend(kept[pos:])
        kept = still
    marks = [(kept[m], kept[m] + 1, "-", "OCR misread: 一 between two digits is a range dash "
              "(1一8月 → 1-8月)") for m in dashes]
    return _Fix(_dashed(current, dashes), tuple(sorted(spaces + marks)))


def _dashed(text: str, dashes: list[int]) -> str:
    """`text` with a range dash at each of the positions `dashes`."""
    if not dashes:
        return text
    chars = list(text)
    for i in dashes:
        chars[i] = "-"
    return "".join(chars)


def close_spaces(line: str) -> str:
    """The line as layout repair leaves it when it stands alone (OCR spaces removed, range dashes restored),
    for other steps that judge a line by its words."""
    return _fix(line).text


def _lines(text: str) -> list[_Line]:
    """Non-blank lines with their content span (whitespace trimmed)."""
    out: list[_Line] = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group()
        body = line.strip(WS)
        if body:
            s = m.start() + len(line) - len(line.lstrip(WS))
            out.append(_Line(s, s + len(body), body))
    return out


def _runs(texts: list[str], frozen: list[bool]) -> set[int]:
    """Indices i whose line is joined to line i+1 as fragments of one narrow column."""
    joined: set[int] = set()
    i = 0
    while i < len(texts):
        j = i
        while (j < len(texts) and visible_len(texts[j]) <= SHORT and not is_caption(texts[j]) and not frozen[j]
               and (j == i or is_open(texts[j - 1]))):
            j += 1
        run = range(i, j)
        if len(run) >= RUN_MIN and any(is_prose(texts[k]) for k in run):
            joined.update(range(i, j - 1))
            if i > 0 and is_open(texts[i - 1]) and is_prose(texts[i - 1]) and not frozen[i - 1]:
                joined.add(i - 1)
        i = max(j, i + 1)
    return joined


@dataclass
class _Unit:
    """An output line being built: original line indices in order, or one caption moved out of a sentence."""

    members: list[int]
    moved: bool = False


class _Planner:
    """Joins lines into paragraphs, repeating until nothing more joins. Each paragraph is judged and fixed as
    the one line it will become, so running the repair again on its output finds nothing to do."""

    def __init__(self, lines: list[_Line]) -> None:
        self.lines = lines
        self.why: dict[int, str] = {}  # first line of a joined piece -> why it was joined
        self.relocated: set[int] = set()  # lines moved from where they stood (not captions)
        self.placed: dict[int, str] = {}  # a relocated line -> why it was put where it is
        self.units = [_Unit([i]) for i in range(len(lines))]
        self._cache: dict[tuple[int, ...] | int, tuple[str, list[int], _Fix]] = {}

    def paragraph(self, members: list[int]) -> tuple[str, list[int], _Fix]:
        """The members joined as printed (raw), where each member starts in it, and its fixed form."""
        key = members[0] if len(members) == 1 else tuple(members)
        found = self._cache.get(key)
        if found is None:
            raw, offsets = "", []
            for i in members:
                raw += _joiner(raw, self.lines[i].raw)
                offsets.append(len(raw))
                raw += self.lines[i].raw
            found = self._cache[key] = (raw, offsets, _fix(raw))
        return found

    def text(self, unit: _Unit) -> str:
        return self.paragraph(unit.members)[2].text

    def step(self) -> bool:
        """One pass of joins over the current units; True when anything joined."""
        units, texts = self.units, [self.text(u) for u in self.units]
        in_run = _runs(texts, [u.moved for u in units])
        out: list[_Unit] = []
        changed = False
        i = 0
        while i < len(units):
            para, moved_here, k = _Unit(list(units[i].members), units[i].moved), [], i
            while not para.moved and k + 1 < len(units):
                nxt, text = k + 1, self.text(para)
                if k in in_run:
                    reason = "fragments of a narrow newspaper column"
                else:
                    reason = None if units[nxt].moved else continuation_evidence(text, texts[nxt])
                    if reason is None and nxt + 1 < len(units) and _skippable(texts[nxt]) \
                            and not units[nxt + 1].moved:
                        reason = continuation_evidence(text, texts[nxt + 1], via_caption=True)
                        if reason is not None:
                            moved_here.append(_Unit(units[nxt].members, moved=True))
                            nxt += 1
                if reason is None:
                    break
                self.why[units[nxt].members[0]] = reason
                para.members += units[nxt].members
                k, changed = nxt, True
            out.append(para)
            out.extend(moved_here)
            i = k + 1
        self.units = out
        return changed

    def run(self) -> list[_Unit]:
        while self.step():
            pass
        return self.units


def _first_joins(texts: list[str], open_prose: list[bool] | None = None, spaced: list[bool] | None = None) -> bool:
    """Whether `_Planner.step` joins anything on lines standing alone (none moved) whose fixed texts are
    `texts`. The same tests, asked only where a join can start: a column run, or a line of running text left
    open (continuation_evidence gives None for any other line); most lines of most pages are neither.
    `open_prose` is `_open_prose` of each text, and `spaced` `has_space` of each, when known."""
    if _may_run(texts, spaced) and _runs(texts, [False] * len(texts)):
        return True
    n = len(texts)
    if open_prose is None:
        open_prose = [_open_prose(t) for t in texts]
    for i in range(n - 1):
        if not open_prose[i]:
            continue
        text = texts[i]
        if continuation_evidence(text, texts[i + 1]) is not None:
            return True
        if i + 2 < n and _skippable(texts[i + 1]) and continuation_evidence(text, texts[i + 2], True) is not None:
            return True
    return False


def _may_run(texts: list[str], spaced: list[bool] | None = None) -> bool:
    """False when `_runs` joins nothing: a run needs RUN_MIN lines in a row of at most SHORT visible characters
    (a cheap scan: most lines are longer, and a line without a space is as long as it looks). `spaced` is
    `has_space` of each text, when known."""
    short = 0
    for n, t in enumerate(texts):
        short = short + 1 if len(t) <= SHORT or ((spaced[n] if spaced is not None else has_space(t))
                                                 and visible_len(t) <= SHORT) else 0
        if short >= RUN_MIN:
            return True
    return False


def _skippable(line: str) -> bool:
    """A caption that may sit between two halves of a sentence: marked, or an unmarked title-like line longer
    than a column fragment (a short one could be a fragment itself)."""
    return is_caption(line) or (is_heading_like(line) and SHORT < visible_len(line) <= CAPTION_MAX)


def _looks_like_heading(line: str) -> bool:
    """A short line with no sentence end anywhere (a heading with a comma), not a cut sentence."""
    return visible_len(line) <= HEADING_MAX and not any(ch in TERMINAL for ch in line)


def _gap_reason(gap: str) -> str:
    parts = []
    if gap.count("\n") > 1:
        parts.append("blank lines collapsed")
    if SPACE_RUN_RE.search(gap):
        parts.append("spaces at line start/end trimmed")
    if "\n" not in gap:
        parts.append("paragraph break restored")
    return "whitespace between paragraphs normalised: " + ", ".join(parts or ["line break normalised"])


def _joiner(left: str, right: str) -> str:
    """What joins two pieces of one sentence: nothing in Chinese, a space between two Latin words or numbers."""
    return " " if left[-1:].isascii() and left[-1:].isalnum() and right[:1].isascii() and right[:1].isalnum() else ""


@cache
def known_words() -> frozenset[str]:
    """The project's vocabulary (`gongfu.lexicon.vocabulary`: place names, entity cues, theme keywords,
    indicator names) in words of two to eight Chinese characters: the words a cut line can be seen to split."""
    return frozenset(w for w in vocabulary() if WORD_RE.match(w))


def split_word(left: str, right: str) -> str | None:
    """The longest known word that starts at the end of `left` and ends at the start of `right` (a word a
    line break cuts), or None."""
    words, starts = known_words(), _word_starts()
    left, right = SPACE_RUN_RE.sub("", left)[-(WORD_MAX - 1):], SPACE_RUN_RE.sub("", right)[:WORD_MAX - 1]
    best = None
    for i in range(1, len(left) + 1):
        head = left[-i:]
        if head not in starts:  # no known word begins with it (most ends of most lines)
            continue
        for j in range(1, min(len(right), WORD_MAX - i) + 1):
            word = head + right[:j]
            if word in words and (best is None or len(word) > len(best)):
                best = word
            if word not in starts:  # nor with anything longer that begins with it
                break
    return best


@cache
def _word_starts() -> frozenset[str]:
    """Every proper start of a known word (临, 临江, 临江街 of 临江街道): what a cut word's first piece must be."""
    return frozenset(w[:k] for w in known_words() for k in range(1, len(w)))


def _open_prose(text: str) -> bool:
    """Running text left open: it does not end its sentence."""
    return is_prose(text) and is_open(text) and not is_caption(text)


def _narrow(line: str) -> bool:
    """A line of a narrow column: every piece between OCR spaces is a column fragment."""
    return all(visible_len(piece) <= SHORT for piece in SPACE_RUN_RE.split(line))


def _stray(planner: _Planner, unit: _Unit) -> bool:
    """A column fragment standing alone: one short line that is not a caption."""
    if len(unit.members) != 1 or unit.moved:
        return False
    line = planner.lines[unit.members[0]].raw  # the same visible length as its fixed form
    return (len(line) <= SHORT or visible_len(line) <= SHORT) and not is_caption(planner.text(unit))


def _is_paragraph(planner: _Planner, unit: _Unit) -> bool:
    return not unit.moved and not is_caption(planner.text(unit))


def _relocate_fragments(planner: _Planner, units: list[_Unit]) -> bool:
    """Put back a stray fragment that ends mid-word before the column line that completes a known word with
    it (see the module docstring), and the stray sentence ends read out with it; True when anything moved."""
    if all(len(u.members) == 1 for u in units):
        return False  # a fragment is only put back inside a joined column (below: a junction between members)
    loose = [n for n, u in enumerate(units) if _stray(planner, u) and not is_prose(planner.text(u))
             and is_open(planner.text(u))]
    if not loose:
        return False
    paras = [n for n, u in enumerate(units) if _is_paragraph(planner, u)]
    for n in loose:
        p_at, text = paras.index(n), planner.text(units[n])
        hits = []
        for m in paras[max(0, p_at - RELOCATE_WINDOW):p_at + RELOCATE_WINDOW + 1]:
            members = units[m].members
            for k in range(1, len(members)):
                a, b = planner.lines[members[k - 1]].raw, planner.lines[members[k]].raw
                if planner.why.get(members[k]) != RUN_REASON or split_word(a, b):
                    continue
                word = split_word(text, b)
                if word:
                    hits.append((m, k, word))
        if len(hits) != 1:
            continue
        m, k, word = hits[0]
        _place_fragment(planner, units, n, m, k, word)
        return True
    return False


def _place_fragment(planner: _Planner, units: list[_Unit], n: int, m: int, k: int, word: str) -> None:
    """Move the stray at `n` before member k of unit `m` (splitting that unit there), then put the stray
    sentence ends read out with it back at the column's open ends when their order allows only one way."""
    target = units[m]
    frag = units[n].members[0]
    first, second = _Unit(target.members[:k]), _Unit([frag, *target.members[k:]])
    planner.why[target.members[k]] = f"the word «{word}» is cut between them"
    planner.placed[frag] = f"«{planner.lines[frag].raw}» put back before the column line it begins (the word «{word}»)"
    units[m:m + 1] = [first, second]
    if n > m:
        n += 1
    strays = _stray_block(planner, units, n)
    start = _column_start(planner, units, m)
    slots = [u for u in units[start:m + 2] if _is_paragraph(planner, u) and _open_prose(planner.text(u))]
    ends = [units[i] for i in strays if i != n]
    order = None
    if len(ends) == len(slots) and all(not is_open(planner.text(u)) for u in ends):
        # targets in text order: the open ends, then the fragment's own place (after every slot)
        at = strays.index(n)
        if at == 0:
            order = list(reversed(slots))  # read bottom-up: the first fragment read belongs last
        elif at == len(strays) - 1:
            order = slots  # read top-down
    if order:
        for end, slot in zip(ends, order, strict=True):
            line = end.members[0]
            slot.members.append(line)
            planner.why[line] = "a stray sentence end read out of the column with the fragment placed by a word"
            planner.placed[line] = (f"«{planner.lines[line].raw}» put back at the end of the column line it "
                                    "completes (stray sentence ends follow the order the OCR read them in)")
    moved = {frag, *(u.members[0] for u in ends)} if order else {frag}
    units[:] = [u for u in units if not (len(u.members) == 1 and u.members[0] in moved and u is not second)]
    planner.relocated.update(moved)


def _stray_block(planner: _Planner, units: list[_Unit], n: int) -> list[int]:
    """Indices of the consecutive stray fragments around unit `n`."""
    lo = n
    while lo > 0 and _stray(planner, units[lo - 1]):
        lo -= 1
    hi = n
    while hi + 1 < len(units) and _stray(planner, units[hi + 1]):
        hi += 1
    return list(range(lo, hi + 1))


def _column_start(planner: _Planner, units: list[_Unit], m: int) -> int:
    """The first unit of the narrow column that unit `m` belongs to."""
    while m > 0 and _is_paragraph(planner, units[m - 1]) and all(
            _narrow(planner.lines[i].raw) for i in units[m - 1].members):
        m -= 1
    return m


def _cross_columns(planner: _Planner, units: list[_Unit]) -> bool:
    """Two columns cut at the same height and read across: A and B both open, then a short sentence end C,
    then D that continues B (a known word across the cut, or a character no sentence starts with). C then
    completes A. True when a pair was rebuilt."""
    paras = [n for n, u in enumerate(units) if _is_paragraph(planner, u)]
    open_ = [_open_prose(planner.text(units[n])) for n in paras]  # A and B first: most paragraphs end theirs
    for k in range(len(paras) - 3):
        if not (open_[k] and open_[k + 1]):
            continue
        a, b, c, d = paras[k:k + 4]
        if c != b + 1 or d != c + 1 or len(units[c].members) != 1 or (d + 1 < len(units) and units[d + 1].moved):
            continue
        tc = planner.text(units[c])
        if is_open(tc) or visible_len(tc) > TAIL_MAX or len(CJK_RE.findall(tc)) < 2:
            continue
        tb, td = planner.text(units[b]), planner.text(units[d])
        if split_word(tb, tc) or NON_INITIAL_RE.match(tc) or is_heading_like(td) or is_caption(td):
            continue
        word = split_word(tb, td)
        if not word and not NON_INITIAL_RE.match(td):
            continue
        line_c, first_d = units[c].members[0], units[d].members[0]
        planner.why[line_c] = ("two columns cut at the same height: the short sentence end after the second "
                               "completes the first")
        planner.why[first_d] = (f"the word «{word}» is cut between them" if word
                                else f"the next line starts with “{td[0]}”, which cannot begin a sentence")
        planner.placed[line_c] = (f"«{planner.lines[line_c].raw}» put back after the paragraph it completes (two "
                                  "columns cut at the same height were read across)")
        planner.relocated.add(line_c)
        units[a].members.extend(units[c].members)
        units[b].members.extend(units[d].members)
        del units[c:d + 1]
        return True
    return False


def _rebuild(planner: _Planner, quick: bool = True) -> list[_Unit]:
    """Join, then rebuild cut columns, then join again, until nothing changes. With `quick` (the cheap scan),
    a page where `_first_joins` finds nothing skips the first round of joins (it would leave every line
    alone)."""
    if quick and not _first_joins([planner.text(u) for u in planner.units]):
        units = planner.units
    else:
        units = planner.run()
    for _ in range(len(planner.lines)):
        if not (_relocate_fragments(planner, units) or _cross_columns(planner, units)):
            break
        planner.units = units
        units = planner.run()
    return units


def _pieces(planner: _Planner, members: list[int]) -> list[tuple[str, str]]:
    """(joiner, fixed text) of each member of a paragraph: the paragraph's fixed text is their concatenation."""
    raw, offsets, fix = planner.paragraph(members)
    if len(members) == 1:
        return [("", fix.text)]
    out = []
    for k, i in enumerate(members):
        s, e = offsets[k], offsets[k] + len(planner.lines[i].raw)
        joiner = raw[offsets[k - 1] + len(planner.lines[members[k - 1]].raw):s] if k else ""
        inner = [Change(a - s, b - s, t, r) for a, b, t, r in fix.changes if s <= a and b <= e]
        out.append((joiner, apply_changes(planner.lines[i].raw, inner)))
    return out


MAX_PASSES = 4  # a re-join can expose another (two columns read across once the stray lines are back)
# reasons of the changes that can expose another re-join (whole words: "removed" is not "moved")
_REARRANGING_RE = re.compile(r"\b(?:re-joined|moved|put back)\b")


def repair_layout(text: str) -> tuple[str, list[Change]]:
    """One paragraph per line: OCR spaces removed, cut lines re-joined on evidence, what cannot be joined flagged.

    Passes repeat until the text stops changing, so repairing the result again changes nothing; the passes'
    changes are composed into one list located in `text`."""
    current, changes = _repair_pass(text)
    if not any(_REARRANGING_RE.search(c.reason) for c in changes):
        return current, changes  # nothing was re-joined or moved, so no new evidence for a second pass
    for _ in range(MAX_PASSES - 1):
        again, more = _repair_pass(current)
        if again == current:
            break
        composed = compose_changes(text, changes, more)
        if composed is None:
            break
        changes, current = composed, again
    return current, changes


def _repair_pass(text: str, quick: bool = True) -> tuple[str, list[Change]]:
    """One pass of `repair_layout`. `quick=False` turns off the cheap scans (`_rebuild`, `_lone_lines`):
    the same result, the long way."""
    if quick:
        flags = _settled(text)
        if flags is not None:
            return text, flags
    lines = _lines(text)
    if not lines:
        changes = [Change(0, len(text), "", "blank text: whitespace removed")] if text else []
        return apply_changes(text, changes), changes
    if quick:
        lone = _lone_page(text, lines)  # the cheap scan: no planner for a page of lines that all stay alone
        if lone is not None:
            return lone
    planner = _Planner(lines)
    units = _rebuild(planner, quick)
    if quick and not planner.relocated and len(units) == len(lines) \
            and all(u.members == [n] and not u.moved for n, u in enumerate(units)):
        return _lone_lines(text, lines, [planner.paragraph(u.members)[2] for u in units])
    moved = planner.relocated | {i for u in units if u.moved for i in u.members}
    # the output as a stream: a line left in place is an int; the rest is printed text, and a moved line
    # printed whole is (line, text)
    tokens: list[int | str | tuple[int, str]] = []
    for u in units:
        for i, (joiner, piece) in zip(u.members, _pieces(planner, u.members), strict=True):
            tokens += [joiner, (i, piece) if i in moved else i]
        tokens.append("\n")
    changes: list[Change] = []
    paragraphs = [u for u in units if not u.moved]
    for u in paragraphs:
        changes.extend(_inner_changes(planner, u, skip=moved))
        if u.members[-1] not in moved:
            changes.extend(_paragraph_flags(planner, u, is_last=u is paragraphs[-1]))
    unit_of = {i: n for n, u in enumerate(units) for i in u.members}
    prev: int | None = None
    printed: list[str] = []
    arrived: list[int] = []
    for t in [*tokens, None]:
        if isinstance(t, str):
            printed.append(t)
            continue
        if isinstance(t, tuple):
            arrived.append(t[0])
            printed.append(t[1])
            continue
        start = lines[prev].end if prev is not None else 0
        end = lines[t].start if t is not None else len(text)
        target = "".join(printed).lstrip("\n") if prev is None else "".join(printed)
        gap = text[start:end]
        if gap != target:
            stood = range(prev + 1 if prev is not None else 0, t if t is not None else len(lines))
            changes.append(Change(start, end, target, _gap_change_reason(planner, units, unit_of, (prev, t), gap,
                                                                          list(stood), arrived)))
        prev, printed, arrived = t, [], []
    changes.sort(key=lambda c: (c.start, c.end))
    return apply_changes(text, changes), changes


def _settled(text: str) -> list[Change] | None:
    """`_repair_pass(text)`'s changes when they can only be flags (most cleaned text: none at all), asked of the
    whole page, else None: one newline after each line and no blank line, no space around a line nor one to
    remove inside it, and no range dash (so every line is its own fixed text), no join and no two columns
    (`_lone_page`'s tests); then each line left open, or too short to be closed, is asked for its flag."""
    if not text.endswith("\n") or text.startswith("\n") or "\n\n" in text or range_dashes(text):
        return None
    texts = text[:-1].split("\n")
    if not text.replace("\n", "").isprintable():  # every space but " " is unprintable
        spaced = [has_space(t) for t in texts]
    else:
        spaced = [" " in t for t in texts] if " " in text else [False] * len(texts)
    if any(sp and (t.strip(WS) != t or _fix(t).changes) for t, sp in zip(texts, spaced, strict=True)):
        return None
    open_ = [t[-1] not in TERMINAL and is_open(t) for t in texts]
    captions = [t.startswith(CAPTION_MARKS) for t in texts]  # is_caption
    open_prose = [o and not c and is_prose(t) for t, o, c in zip(texts, open_, captions, strict=True)]
    if _first_joins(texts, open_prose, spaced):
        return None
    paragraphs = [o for o, c in zip(open_prose, captions, strict=True) if not c]
    if any(paragraphs[k] and paragraphs[k + 1] for k in range(len(paragraphs) - 3)):
        return None
    flags: list[Change] = []
    last, start = len(texts) - 1, 0
    for n, t in enumerate(texts):  # as _lone_lines flags each line
        if open_[n] or len(t) <= ORPHAN_MAX or spaced[n]:
            flag = _flag(t, [0], _Fix(t, ()), True, n == last)
            if flag is not None:
                floor, reason = flag
                flags.append(Change(start + floor, start + len(t), t[floor:], reason))
        start += len(t) + 1
    return flags


def _lone_page(text: str, lines: list[_Line]) -> tuple[str, list[Change]] | None:
    """`_repair_pass` of a page whose lines `_rebuild` leaves alone where they stood, judged on their fixed
    texts without a planner, or None when the long way must decide: `_first_joins` finds no join, so the first
    round is skipped; `_relocate_fragments` moves nothing on a page of single lines; and `_cross_columns`
    needs two open paragraphs in a row (A and B) among the first of them, which most pages have nowhere."""
    fixes = [_fix(line.raw) for line in lines]
    texts = [f.text for f in fixes]
    # is_open of each fixed text (which never ends in a space: its line was stripped and spaces are only
    # removed); a text ending in a sentence end is closed, the usual case, without asking
    open_ = [t[-1] not in TERMINAL and is_open(t) for t in texts]
    captions = [is_caption(t) for t in texts]
    open_prose = [o and not c and is_prose(t) for t, o, c in zip(texts, open_, captions, strict=True)]
    if _first_joins(texts, open_prose):
        return None
    paragraphs = [o for o, c in zip(open_prose, captions, strict=True) if not c]  # what _cross_columns looks at
    if any(paragraphs[k] and paragraphs[k + 1] for k in range(len(paragraphs) - 3)):
        return None
    return _lone_lines(text, lines, fixes, open_)


def _lone_lines(text: str, lines: list[_Line], fixes: list[_Fix], open_: list[bool] | None = None) \
        -> tuple[str, list[Change]]:
    """`_repair_pass` when every line stays where it stood, alone (most lines of most pages): each line's own
    fixes (`fixes`, one per line) and flags, and the whitespace around lines made one newline, without the
    stream of printed pieces that joined and moved lines need. `open_` is `is_open` of each fixed text, when
    known: a closed line longer than ORPHAN_MAX is never flagged (a line without a space is as long as it
    looks)."""
    changes: list[Change] = []
    last = len(lines) - 1
    for n, (line, fix) in enumerate(zip(lines, fixes, strict=True)):
        start = line.start
        if fix.changes:
            changes.extend(Change(start + s, start + e, a, r) for s, e, a, r in fix.changes)
        if open_ is not None and not open_[n] and len(fix.text) > ORPHAN_MAX and not has_space(fix.text):
            continue
        flag = _flag(line.raw, [0], fix, True, n == last)
        if flag is not None:
            floor, reason = flag
            changes.append(Change(start + floor, start + len(line.raw), line.raw[floor:], reason))
    if lines[0].start:
        changes.append(Change(0, lines[0].start, "", "leading blank lines and spaces removed"))
    for a, b in pairwise(lines):
        if text[a.end:b.start] != "\n":
            changes.append(Change(a.end, b.start, "\n", _gap_reason(text[a.end:b.start])))
    if text[lines[-1].end:] != "\n":
        changes.append(Change(lines[-1].end, len(text), "\n", "text ends with one newline"))
    changes.sort(key=lambda c: (c.start, c.end))
    return apply_changes(text, changes), changes


def _gap_change_reason(planner: _Planner, units: list[_Unit], unit_of: dict[int, int],
                       pair: tuple[int | None, int | None], gap: str, stood: list[int], arrived: list[int]) -> str:
    """Why the text between two lines left in place (a, b; None for the text's edge) changed: the lines that
    stood there were moved away, and `arrived` lines are printed there now."""
    a, b = pair
    if a is None:
        reason = "leading blank lines and spaces removed"
    elif b is None:
        reason = "text ends with one newline"
    elif unit_of[a] == unit_of[b] and units[unit_of[a]].members.index(b) == units[unit_of[a]].members.index(a) + 1:
        reason = f"line cut mid-sentence re-joined ({planner.why[b]})"
    else:
        reason = _gap_reason(gap)
    captions = [m for m in stood if m not in planner.relocated]
    if captions:
        names = ", ".join(f"«{planner.text(_Unit([m]))}»" for m in captions)
        reason += f"; caption {names} moved below the paragraph"
    elif any(m not in planner.relocated for m in arrived):
        reason = "caption moved below the paragraph it interrupted"
    placed = [planner.placed[m] for m in arrived if m in planner.relocated]
    gone = [f"«{planner.lines[m].raw}»" for m in stood if m in planner.relocated]
    if gone:
        placed.append(f"stray column line {gone[0]} moved to where it belongs" if len(gone) == 1 else
                      f"stray column lines {', '.join(gone)} moved to where they belong")
    return "; ".join([*placed, reason])


def _to_text(planner: _Planner, unit: _Unit, pos: int) -> int:
    """A position in a paragraph's joined raw form mapped back to the input text."""
    _, offsets, _ = planner.paragraph(unit.members)
    k = bisect.bisect_right(offsets, pos) - 1
    return planner.lines[unit.members[k]].start + pos - offsets[k]


def _inner_changes(planner: _Planner, unit: _Unit, skip: set[int]) -> list[Change]:
    """The paragraph's space and dash fixes, located in the input text (each lies inside one line); those in
    the lines of `skip` (moved lines, printed whole where they land) are left out."""
    _, offsets, fix = planner.paragraph(unit.members)
    if len(offsets) == 1:
        start = planner.lines[unit.members[0]].start
        return [] if unit.members[0] in skip else [Change(start + s, start + e, a, r) for s, e, a, r in fix.changes]
    out = []
    for s, e, a, r in fix.changes:
        k = bisect.bisect_right(offsets, s) - 1
        if unit.members[k] not in skip:
            at = planner.lines[unit.members[k]].start + s - offsets[k]
            out.append(Change(at, at + e - s, a, r))
    return out


def _paragraph_flags(planner: _Planner, unit: _Unit, is_last: bool) -> list[Change]:
    """A paragraph still ending mid-sentence, or a stray short sentence end, is flagged (kept as printed)."""
    raw, offsets, fix = planner.paragraph(unit.members)
    flag = _flag(raw, offsets, fix, len(unit.members) == 1, is_last)
    if flag is None:
        return []
    floor, reason = flag
    start, end = _to_text(planner, unit, floor), _to_text(planner, unit, len(raw) - 1) + 1
    return [Change(start, end, raw[floor:], reason)]


def _flag(raw: str, offsets: list[int], fix: _Fix, single: bool, is_last: bool) -> tuple[int, str] | None:
    """Where in a paragraph's joined raw form (`raw`, its members starting at `offsets`, fixed as `fix`; one
    member when `single`) its flag starts, and why: ending mid-sentence, or a short sentence end standing
    alone. None when it needs none."""
    whole = fix.text
    if is_open(whole) and is_prose(whole) and (is_last or not _looks_like_heading(whole)):
        reason = ("flag: line ends mid-sentence and no continuation was found (text cut by the page layout); "
                  "kept as printed")
    elif single and visible_len(whole) <= ORPHAN_MAX and not is_open(whole) and not is_caption(whole):
        reason = "flag: short sentence end standing alone; its start is elsewhere on the page; kept as printed"
    else:
        return None
    floor = max([e for _, e, _, _ in fix.changes] + [offsets[-1], len(raw) - FLAG_CONTEXT])
    if floor >= len(raw):
        return None
    return floor, reason
