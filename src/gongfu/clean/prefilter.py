"""Cheap scans before a regex: the literal text a pattern cannot match without.

Python's regex engine tries a pattern with a leading character class or an alternation of many rules at
every position of a line (tens of microseconds on a paragraph). Most rules name words (版权所有, 供图, 关注我们):
a line holding none of a pattern's `needles` cannot match it, and `str.find` or one alternation of plain
literals (which the engine skips through on their first characters) tells that far sooner. Needles are
derived from the parsed pattern, so the rule tables stay the one place the words are written:

- a run of literal characters in a sequence must occur as it stands, and so must any one element's needle
  (each element of a sequence must match), so the longest is taken;
- an alternation needs one needle of each branch (any of them may be the one that matches);
- a group, or a repeat of at least once, needs what its content needs; a character class of a few plain
  characters needs one of them;
- everything else (a repeat that may be empty, a lookaround, an anchor, a wide class, case-insensitive
  parts) needs nothing, and a pattern that needs nothing gets no needles (None): always tried.

A pattern anchored at the start (`^当前位置`, `^(发布时间)?\\s*\\d{4}`) matches only where the line begins, so
the character it can begin with (its `Firsts`: plain characters, ranges, any space, any digit) rules out
every line beginning otherwise, at one look per line: a `NeedleIndex` picks such patterns by the line's first
character instead of by their needles (the 年, 第 and 共 of datelines and page counters are in most lines).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from functools import cache
from itertools import accumulate
from typing import NamedTuple

try:  # the standard library's parser of regular expressions (re uses it to compile)
    from re import _constants as sre
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - another Python: no prefilter, every pattern always tried
    sre = sre_parse = None

CLASS_MAX = 12  # characters of a class that still make a needle (one of them must occur)


def _class_chars(items: list) -> list[str] | None:
    """The characters of a character class made of plain characters and short ranges, else None."""
    out: list[str] = []
    for op, av in items:
        if op is sre.LITERAL:
            out.append(chr(av))
        elif op is sre.RANGE and av[1] - av[0] < CLASS_MAX:
            out.extend(chr(c) for c in range(av[0], av[1] + 1))
        else:
            return None
    return out if len(out) <= CLASS_MAX else None


def _best(options: list[tuple[str, ...]]) -> tuple[str, ...] | None:
    """Of several needle sets that all must be satisfied, the one that rules out most: fewest needles, then
    the longest shortest needle."""
    if not options:
        return None
    return min(options, key=lambda o: (len(o), -min(map(len, o))))


def _sequence(items, ignore_case: bool) -> tuple[str, ...] | None:
    """Needles of a sequence of parsed items: any one element's needles, or a run of literals."""
    options: list[tuple[str, ...]] = []
    run: list[str] = []
    for op, av in [*items, (None, None)]:
        if op is sre.LITERAL and not ignore_case:
            run.append(chr(av))
            continue
        if run:
            options.append(("".join(run),))
            run = []
        if op is None:
            break
        found = _item(op, av, ignore_case)
        if found:
            options.append(found)
    if not options:
        return None
    longest = [o for o in options if len(o) == 1]
    if longest:  # one literal that must occur: the longest such rules out most
        return (max((o[0] for o in longest), key=len),)
    return _best(options)


def _item(op, av, ignore_case: bool) -> tuple[str, ...] | None:
    if op is sre.SUBPATTERN:
        _, add_flags, del_flags, content = av
        case = (ignore_case or bool(add_flags & re.IGNORECASE)) and not del_flags & re.IGNORECASE
        return _sequence(content, case)
    if op is sre.BRANCH:
        needles: list[str] = []
        for branch in av[1]:
            found = _sequence(branch, ignore_case)
            if not found:
                return None
            needles.extend(found)
        return tuple(dict.fromkeys(needles))
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)) and av[0] >= 1:
        return _sequence(av[2], ignore_case)
    if op is getattr(sre, "ATOMIC_GROUP", None):
        return _sequence(av, ignore_case)
    if op is sre.IN and not ignore_case:
        chars = _class_chars(av)
        return tuple(chars) if chars else None
    return None


class Firsts(NamedTuple):
    """The characters a match can begin with: any of `chars`, one in a range of `ranges`, any space (`\\s`:
    str.isspace, as the regex engine reads it in a str pattern), any digit (`\\d`: str.isdecimal)."""

    chars: frozenset[str]
    ranges: tuple[tuple[int, int], ...]
    space: bool
    digit: bool

    def admits(self, ch: str) -> bool:
        """Whether a match can begin with `ch` (one character, or "" for an empty line: never)."""
        if not ch:
            return False
        if ch in self.chars or (self.space and ch.isspace()) or (self.digit and ch.isdecimal()):
            return True
        o = ord(ch)
        return any(lo <= o <= hi for lo, hi in self.ranges)


_NO_FIRSTS = Firsts(frozenset(), (), False, False)


def _union(a: Firsts, b: Firsts) -> Firsts:
    return Firsts(a.chars | b.chars, a.ranges + b.ranges, a.space or b.space, a.digit or b.digit)


def _first_of_class(items: list) -> Firsts | None:
    """A character class as Firsts, or None (a negated class, or a category other than \\s and \\d)."""
    chars, ranges, space, digit = set(), [], False, False
    for op, av in items:
        if op is sre.LITERAL:
            chars.add(chr(av))
        elif op is sre.RANGE:
            ranges.append((av[0], av[1]))
        elif op is sre.CATEGORY and av is sre.CATEGORY_SPACE:
            space = True
        elif op is sre.CATEGORY and av is sre.CATEGORY_DIGIT:
            digit = True
        else:
            return None
    return Firsts(frozenset(chars), tuple(ranges), space, digit)


def _first_seq(items) -> tuple[Firsts, bool] | None:
    """(what a match of the sequence can begin with, whether it can be empty), or None when unknown."""
    out = _NO_FIRSTS
    for op, av in items:
        found = _first_item(op, av)
        if found is None:
            return None
        out = _union(out, found[0])
        if not found[1]:
            return out, False
    return out, True


def _first_item(op, av) -> tuple[Firsts, bool] | None:
    if op is sre.LITERAL:
        return Firsts(frozenset(chr(av)), (), False, False), False
    if op is sre.IN:
        found = _first_of_class(av)
        return None if found is None else (found, False)
    if op is sre.SUBPATTERN:
        _, add_flags, _, content = av
        return None if add_flags & re.IGNORECASE else _first_seq(content)
    if op is sre.BRANCH:
        out, empty = _NO_FIRSTS, False
        for branch in av[1]:
            found = _first_seq(branch)
            if found is None:
                return None
            out, empty = _union(out, found[0]), empty or found[1]
        return out, empty
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        found = _first_seq(av[2])
        return None if found is None else (found[0], found[1] or av[0] == 0)
    return None  # any character, an anchor, a lookaround, a back reference...


@cache
def firsts(pattern: str, flags: int = 0) -> Firsts | None:
    """What every match of `pattern` begins with when the pattern is anchored at the start of the text (^ or
    \\A, not multiline) and cannot match an empty text, else None."""
    if sre_parse is None or flags & (re.IGNORECASE | re.MULTILINE):
        return None
    try:
        parsed = sre_parse.parse(pattern, flags)
    except re.error:
        return None
    items = list(parsed)
    if parsed.state.flags & (re.IGNORECASE | re.MULTILINE) or not items \
            or items[0] not in ((sre.AT, sre.AT_BEGINNING), (sre.AT, sre.AT_BEGINNING_STRING)):
        return None
    found = _first_seq(items[1:])
    return None if found is None or found[1] else found[0]


@cache
def firsts_of(pattern: re.Pattern) -> Firsts | None:
    """`firsts` of a compiled pattern."""
    return firsts(pattern.pattern, int(pattern.flags) & ~int(re.UNICODE))


FEW_NEEDLES = 6  # up to this many needles, may_match looks for each on its own


@cache
def needles(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """Literal strings one of which every match of `pattern` contains, or None when the pattern needs none."""
    if sre_parse is None or flags & re.IGNORECASE:
        return None
    try:
        parsed = sre_parse.parse(pattern, flags)
    except re.error:
        return None
    if parsed.state.flags & re.IGNORECASE:
        return None
    return _sequence(list(parsed), False)


@cache
def scanner(found: tuple[str, ...]) -> re.Pattern:
    """One pattern of plain literals, finding at each place the longest of `found` that begins there (what
    the alternation of them, longest first, finds), written as a trie: `(?:临江(?:街道)?|版权...)`. The regex
    engine tries an alternation's branches one by one wherever one may begin; the trie tries one character
    per step, which reads a document two to three times as fast."""
    return re.compile(_trie(found))


def _trie(words: Iterable[str]) -> str:
    """The trie pattern of `words`: for each first character, that character and the pattern of the rest,
    optional when a word ends there."""
    children: dict[str, list[str]] = {}
    ends = False
    for w in words:
        if w:
            children.setdefault(w[0], []).append(w[1:])
        else:
            ends = True
    alts = [re.escape(ch) + _trie(rest) for ch, rest in sorted(children.items())]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if ends else body


@cache
def needles_of(pattern: re.Pattern) -> tuple[str, ...] | None:
    """`needles` of a compiled pattern."""
    return needles(pattern.pattern, int(pattern.flags) & ~int(re.UNICODE))


class NeedleIndex:
    """Which of several patterns may match each of many lines, from one search of all the lines (a document's
    lines: most needles occur nowhere in it, and the rest in a few lines)."""

    def __init__(self, patterns: Sequence[re.Pattern]) -> None:
        # patterns anchored at the start, picked by the line's first character (their needles are not sought)
        self.anchored = {i: f for i, p in enumerate(patterns) if (f := firsts_of(p)) is not None}
        self.always = frozenset(i for i, p in enumerate(patterns)
                                if i not in self.anchored and not _usable(needles_of(p)))
        self._by_char: dict[str, frozenset[int]] = {}
        self.owners: dict[str, list[int]] = {}
        for i, p in enumerate(patterns):
            if i not in self.always and i not in self.anchored:
                for n in needles_of(p) or ():
                    self.owners.setdefault(n, []).append(i)
        self.by_first: dict[str, list[str]] = {}  # the needles that begin with each character
        for n in self.owners:
            self.by_first.setdefault(n[0], []).append(n)
        self.any_needle = scanner(tuple(self.owners)) if self.owners else None
        # What one match of the alternation, a needle N, tells without looking at the text around it: the
        # owners of every needle inside N; and the needles that begin inside N and run past its end (they
        # occur only if the text goes on as they do), with where they begin in N. Most needles have none.
        self.within: dict[str, frozenset[int]] = {}
        self.overhang: dict[str, tuple[tuple[int, str], ...]] = {}
        for n in self.owners:
            inside: set[int] = set()
            past: list[tuple[int, str]] = []
            for k in range(len(n)):
                for other in self.by_first.get(n[k], ()):
                    if n.startswith(other, k):
                        inside.update(self.owners[other])
                    elif k and other.startswith(n[k:]):  # at k = 0 a longer needle would be the match
                        past.append((k, other))
            self.within[n], self.overhang[n] = frozenset(inside), tuple(past)

    def candidates(self, lines: Sequence[str], quick: bool = True) -> list[AbstractSet[int]]:
        """For each line, the indices of the patterns that may match in it (all others cannot).

        With `quick`, one search of the alternation of every needle finds where needles occur: each occurrence
        of a needle starts inside a match of the alternation (a scan left to right that reaches an occurrence
        not inside an earlier match finds a match there), so the needles starting at each position of each match
        are all the occurrences: those inside the match (`within`, known from the match alone: the alternation
        tries longer needles first, so none that starts where the match does runs past it) and those that run
        past its end (`overhang`, looked for in the text). A line without a needle shares one frozen set.
        `quick=False` finds each needle on its own (a hundred searches of the document; the same sets)."""
        out: list[AbstractSet[int]] = [self.opening(line[:1]) for line in lines]
        if not self.owners:
            return [set(x) for x in out]
        joined = "\n".join(lines)
        starts = list(accumulate((len(x) + 1 for x in lines[:-1]), initial=0))
        if not quick:
            found = [set(x) for x in out]
            for needle, owners in self.owners.items():
                at = joined.find(needle)
                while at != -1:
                    found[bisect.bisect_right(starts, at) - 1].update(owners)
                    at = joined.find(needle, at + 1)
            return found
        within, overhang, owners = self.within, self.overhang, self.owners
        for m in self.any_needle.finditer(joined):
            s, needle = m.start(), m.group()
            k = bisect.bisect_right(starts, s) - 1  # a needle holds no line break: one line
            line = out[k]
            if type(line) is frozenset:  # shared by the lines beginning alike: this line gets its own
                line = out[k] = set(line)
            line.update(within[needle])
            for at, other in overhang[needle]:
                if joined.startswith(other, s + at):
                    line.update(owners[other])
        return out


    def opening(self, ch: str) -> frozenset[int]:
        """The patterns a line beginning with `ch` ("" for an empty line) may match before its needles are
        looked at: those always tried, and the anchored ones that can begin with `ch` (one frozen set per
        character, shared by the lines that begin with it)."""
        found = self._by_char.get(ch)
        if found is None:
            found = self._by_char[ch] = self.always | {i for i, f in self.anchored.items() if f.admits(ch)}
        return found


def _usable(found: tuple[str, ...] | None) -> bool:
    """Needles a line-by-line index can use: some, none of them holding a line break."""
    return bool(found) and not any("\n" in n for n in found)


_GROUP_OPEN_RE = re.compile(r"^\((?:\?:|\?P<\w+>)?")


def _syntax(pattern: str) -> list[tuple[int, str, int]]:
    """(position, character, group depth after it) of each character of `pattern` that is syntax: not escaped
    and not inside a character class."""
    out, depth, i, opened = [], 0, 0, -1  # opened: where the class we are in begins (-1: none)
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if opened >= 0:  # a ] first in the class (after [ or [^) is a plain character
            if ch == "]" and i != opened + 1 and not (i == opened + 2 and pattern[opened + 1] == "^"):
                opened = -1
        elif ch == "[":
            opened = i
        else:
            depth += (ch == "(") - (ch == ")")
            out.append((i, ch, depth))
        i += 1
    return out


def _top_level_parts(pattern: str) -> list[str]:
    """`pattern` cut at each `|` outside groups and classes."""
    cuts = [i for i, ch, depth in _syntax(pattern) if ch == "|" and depth == 0]
    return [pattern[a + 1:b] for a, b in itertools.pairwise([-1, *cuts, len(pattern)])]


def _one_group(pattern: str) -> bool:
    """Whether `pattern` is one capturing, named or plain group ((...), (?P<n>...), (?:...)) round all of it."""
    if not pattern.endswith(")") or (pattern[1:2] == "?" and not pattern.startswith(("(?:", "(?P<"))):
        return False
    closing = next((i for i, ch, depth in _syntax(pattern) if ch == ")" and depth == 0), None)
    return pattern.startswith("(") and closing == len(pattern) - 1


@cache
def branches(pattern: re.Pattern) -> tuple[re.Pattern, ...]:
    """The top-level alternatives of `pattern`, each compiled on its own (the pattern itself when it is not an
    alternation, or its parts do not parse back to its branches): it matches somewhere in a text exactly when
    one of them does. A search of an alternation tries every branch at every position; most branches name a
    word and are ruled out by their needles, and one beginning with ^ is tried at the start only."""
    if sre_parse is None:
        return (pattern,)
    try:
        parsed = list(sre_parse.parse(pattern.pattern, int(pattern.flags) & ~int(re.UNICODE)))
        source = pattern.pattern
        if _one_group(source):  # one group round it all: its content's branches
            source = _GROUP_OPEN_RE.sub("", source[:-1], count=1)
            if len(parsed) == 1 and parsed[0][0] is sre.SUBPATTERN and not parsed[0][1][1] and not parsed[0][1][2]:
                parsed = list(parsed[0][1][3])  # a capturing group (the parser leaves out a plain (?:...))
        parts = _top_level_parts(source)
        if len(parts) < 2 or len(parsed) != 1 or parsed[0][0] is not sre.BRANCH or len(parsed[0][1][1]) != len(parts):
            return (pattern,)
        compiled = tuple(re.compile(part, pattern.flags) for part in parts)
    except (re.error, TypeError, IndexError):
        return (pattern,)
    return compiled


@cache
def first_class(pattern: re.Pattern) -> re.Pattern | None:
    """A one-character class of what `pattern`, anchored at the start, can begin with (`firsts_of`), or None:
    searched in the string of a page's line-initial characters, it tells at one look whether any line may match."""
    found = firsts_of(pattern)
    if found is None:
        return None
    parts = [re.escape(ch) for ch in sorted(found.chars)]
    parts += [f"{re.escape(chr(lo))}-{re.escape(chr(hi))}" for lo, hi in found.ranges]
    parts += [r"\s"] * found.space + [r"\d"] * found.digit
    return re.compile(f"[{''.join(parts)}]") if parts else re.compile(r"(?!)")


def may_start(pattern: re.Pattern, starts: str, text: str) -> bool:
    """False only when `pattern`, searched in each line of `text` on its own, matches in none: a pattern anchored
    at the start that can begin with none of the lines' first characters (`starts`, one per line), or one
    whose needles `text` holds nowhere."""
    found = first_class(pattern)
    if found is None:
        return may_match(pattern, text)
    return found.search(starts) is not None


def may_match(pattern: re.Pattern, text: str) -> bool:
    """False only when `pattern` cannot match anywhere in `text` (it holds none of the pattern's needles)."""
    found = needles_of(pattern)
    if not found:
        return True
    if len(found) <= FEW_NEEDLES:  # a str.find each is quicker than the alternation (which the engine tries
        for needle in found:  # at every position of the text)
            if needle in text:
                return True
        return False
    return scanner(found).search(text) is not None
