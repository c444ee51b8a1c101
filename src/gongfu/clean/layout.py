"""Repair page layout: OCR spaces inside Chinese text, lines cut mid-sentence, 一 read for a range dash,
and whitespace, so the result is one paragraph per line, each ending in a newline.

Joining is deliberately cautious: two lines are re-joined only on positive evidence that the first does not
end where the sentence ends and the second carries it on (a trailing comma, a leading particle or closing
mark, an open quotation closed in the next line, a run of narrow-column fragments, a short sentence end
separated by a photo caption). A line that still ends mid-sentence is kept and flagged, never dropped,
because a wrong join invents a sentence the source never printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gongfu.clean.chars import CJK_PUNCT, CJK_RANGES, CJK_RE, LOST, SENTENCE_PUNCT_RE, TERMINAL
from gongfu.edits import Change, apply_changes

# The visible mark a caption line starts with (set by the boilerplate step; layout never joins into it).
CAPTION_MARK = "图："
CAPTION_MARKS = ("图：", "图:")

WS = " \t\r\f\v\u3000\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\ufeff"
SPACE_RUN_RE = re.compile(f"[{WS}]+")
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
RANGE_DASH_RE = re.compile(f"(?<=[{DIGITS}])一(?=[{DIGITS}])")

QUOTES = "\"'“”‘’"
CLOSERS = "”’」』\"')）》"
COMMA_END = "，,、：:“‘「『（(《"
# Characters that never start a sentence, so a line starting with one continues the line before it.
NON_INITIAL_RE = re.compile(r"^(?:[，。、；：！？）》」』”’,.;:!?)]|了(?!解)|们|的(?!确)|吗|呢|吧)")
SHORT = 10  # non-space characters: a narrow-column fragment or a stray sentence end
RUN_MIN = 3  # narrow-column fragments needed to call a run of short lines a column
TAIL_MAX = 10  # a sentence end carried past a caption is at most this long
CAPTION_MAX = 20  # an unmarked short title-like line between two halves of a sentence
ORPHAN_MAX = 6  # a line this short ending a sentence is a stray fragment
FLAG_CONTEXT = 12
HEADING_MAX = 24  # a line this short without any sentence end, followed by more text, is a heading


def visible_len(line: str) -> int:
    """Length without spaces."""
    return len(SPACE_RUN_RE.sub("", line))


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
    return not is_prose(line) and visible_len(line) <= 40


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
    if via_caption and visible_len(nxt) <= TAIL_MAX and not is_open(nxt) and len(CJK_RE.findall(nxt)) >= 2:
        return "a short sentence end follows the caption that interrupts it"
    if is_heading_like(nxt):
        return None
    if para.rstrip(CLOSERS)[-1:] in COMMA_END or para[-1:] in COMMA_END:
        return f"the line ends with “{para[-1]}”"
    if _quotes_open(para) and _closes_quote(nxt, ascii_quote='"' in para and "“" not in para):
        return "a quotation opened in the line is closed in the next one"
    return None


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    raw: str  # text[start:end], the line without its surrounding whitespace


@dataclass(frozen=True)
class _Fix:
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
    starts: dict[int, int] = {}
    ends: dict[int, int] = {}
    for m in NUMBER_RE.finditer(line):
        starts[m.start()], ends[m.end()] = m.end(), m.start()
    for m in SPACE_RUN_RE.finditer(line):
        # the nearest characters past quotes and other spaces (an edge counts as Chinese context)
        left = line[:m.start()].rstrip(QUOTES + WS)[-1:] or EDGE
        right = line[m.end():].lstrip(QUOTES + WS)[:1] or EDGE
        if left.isascii() and left.isalnum() and right.isascii() and right.isalnum():
            continue  # between Latin words or numbers
        left_cn, right_cn = bool(CHINESE_RE.match(left)), bool(CHINESE_RE.match(right))
        if DIGIT_RE.match(left):
            left_cn = left_cn or _number_in_chinese(line, ends, m.start(), -1)
        if DIGIT_RE.match(right):
            right_cn = right_cn or _number_in_chinese(line, starts, m.end(), 1)
        if (left_cn and right_cn) or ((left_cn or right_cn) and (left in ASCII_PUNCT or right in ASCII_PUNCT)):
            out.append((m.start(), m.end(), "", "OCR space inside Chinese text removed"))
    return out


def _fix(line: str) -> _Fix:
    """A paragraph's spaces (as running text or as a title) and range dashes repaired. Space removal is
    repeated until nothing changes, and dashes are judged once the spaces are gone, so the result is what a
    second run would leave as it is."""
    if not SPACE_RUN_RE.search(line) and "一" not in line:
        return _Fix(line, ())
    kept = list(range(len(line)))  # positions of `line` still present
    spaces: list[tuple[int, int, str, str]] = []
    current = line
    while found := _space_fixes(current):
        gone: set[int] = set()
        for s, e, _, reason in found:
            spaces.append((kept[s], kept[e - 1] + 1, "", reason))
            gone.update(range(s, e))
        kept = [p for n, p in enumerate(kept) if n not in gone]
        current = "".join(line[i] for i in kept)
    dashes = [(kept[m.start()], kept[m.start()] + 1, "-", "OCR misread: 一 between two digits is a range dash "
               "(1一8月 → 1-8月)") for m in RANGE_DASH_RE.finditer(current)]
    changes = tuple(sorted(spaces + dashes))
    return _Fix(apply_changes(line, [Change(s, e, a, r) for s, e, a, r in changes]), changes)


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
        self.units = [_Unit([i]) for i in range(len(lines))]
        self._cache: dict[tuple[int, ...], tuple[str, list[int], _Fix]] = {}

    def paragraph(self, members: list[int]) -> tuple[str, list[int], _Fix]:
        """The members joined as printed (raw), where each member starts in it, and its fixed form."""
        key = tuple(members)
        if key not in self._cache:
            raw, offsets = "", []
            for i in members:
                raw += _joiner(raw, self.lines[i].raw)
                offsets.append(len(raw))
                raw += self.lines[i].raw
            self._cache[key] = (raw, offsets, _fix(raw))
        return self._cache[key]

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


def repair_layout(text: str) -> tuple[str, list[Change]]:
    """One paragraph per line: OCR spaces removed, cut lines re-joined on evidence, what cannot be joined flagged."""
    lines = _lines(text)
    if not lines:
        changes = [Change(0, len(text), "", "blank text: whitespace removed")] if text else []
        return apply_changes(text, changes), changes
    planner = _Planner(lines)
    units = planner.run()
    paragraphs = [u for u in units if not u.moved]
    captions_after: dict[int, list[str]] = {}  # last line of a paragraph -> captions moved below it
    owner: dict[int, int] = {}  # line -> its paragraph
    n_para = -1
    for u in units:
        if u.moved:
            captions_after.setdefault(paragraphs[n_para].members[-1], []).append(planner.text(u))
        else:
            n_para += 1
            owner.update((i, n_para) for i in u.members)
    moved = {i for u in units if u.moved for i in u.members}
    changes: list[Change] = []
    if lines[0].start > 0:
        changes.append(Change(0, lines[0].start, "", "leading blank lines and spaces removed"))
    for u in paragraphs:
        changes.extend(_inner_changes(planner, u))
        changes.extend(_paragraph_flags(planner, u, is_last=u is paragraphs[-1]))
    order = [i for i in range(len(lines)) if i not in moved]
    for n, a in enumerate(order):
        b = order[n + 1] if n + 1 < len(order) else None
        end = lines[b].start if b is not None else len(text)
        gap = text[lines[a].end:end]
        inside = [planner.text(_Unit([m])) for m in range(a + 1, len(lines) if b is None else b) if m in moved]
        caps = captions_after.get(a, [])
        if b is not None and owner[a] == owner[b]:
            target = _joiner(lines[a].raw, lines[b].raw)
            reason = f"line cut mid-sentence re-joined ({planner.why[b]})"
        else:
            target = "\n" + "".join(c + "\n" for c in caps)
            reason = "text ends with one newline" if b is None else _gap_reason(gap)
        if inside:
            reason += "; caption " + ", ".join(f"«{c}»" for c in inside) + " moved below the paragraph"
        elif caps:
            reason = "caption moved below the paragraph it interrupted"
        if gap != target:
            changes.append(Change(lines[a].end, end, target, reason))
    changes.sort(key=lambda c: (c.start, c.end))
    return apply_changes(text, changes), changes


def _to_text(planner: _Planner, unit: _Unit, pos: int) -> int:
    """A position in a paragraph's joined raw form mapped back to the input text."""
    _, offsets, _ = planner.paragraph(unit.members)
    k = max(n for n, off in enumerate(offsets) if off <= pos)
    return planner.lines[unit.members[k]].start + pos - offsets[k]


def _inner_changes(planner: _Planner, unit: _Unit) -> list[Change]:
    """The paragraph's space and dash fixes, located in the input text (each lies inside one line)."""
    fix = planner.paragraph(unit.members)[2]
    return [Change(_to_text(planner, unit, s), _to_text(planner, unit, s) + e - s, a, r) for s, e, a, r in fix.changes]


def _paragraph_flags(planner: _Planner, unit: _Unit, is_last: bool) -> list[Change]:
    """A paragraph still ending mid-sentence, or a stray short sentence end, is flagged (kept as printed)."""
    raw, offsets, fix = planner.paragraph(unit.members)
    whole = fix.text
    if is_open(whole) and is_prose(whole) and (is_last or not _looks_like_heading(whole)):
        reason = ("flag: line ends mid-sentence and no continuation was found (text cut by the page layout); "
                  "kept as printed")
    elif len(unit.members) == 1 and visible_len(whole) <= ORPHAN_MAX and not is_open(whole) and not is_caption(whole):
        reason = "flag: short sentence end standing alone; its start is elsewhere on the page; kept as printed"
    else:
        return []
    floor = max([e for _, e, _, _ in fix.changes] + [offsets[-1], len(raw) - FLAG_CONTEXT])
    if floor >= len(raw):
        return []
    start, end = _to_text(planner, unit, floor), _to_text(planner, unit, len(raw) - 1) + 1
    return [Change(start, end, raw[floor:], reason)]
