"""Keep each article body once and take the page around it apart: navigation, widgets, footers and
duplicates are removed as edits; title, byline, date, publisher and source become metadata; captions stay
as lines marked with 图：.

Lines are judged by their shape and words (patterns in data/boilerplate.csv), never by the exact text of
a known page:
- whole lines matching a pattern (breadcrumbs, share buttons, 查看余下全文, Tags:, editor lines, copyright
  footers and the legal lines that continue them, datelines and bylines);
- duplicates: a line equal to an earlier kept line, or the start of a longer one (a summary or a truncated
  second copy), is removed with a reason quoting what it repeats; a run of them is one edit;
- the header: the lines above the first paragraph of running text are the title (and byline); later copies
  of the title are removed;
- captions: a short title-like line set apart by a wider gap than the paragraphs around it, or carrying a
  photo word or credit, is kept and marked 图：; so is a title-like line that begins with the same name as two
  of the page's captions (a caption series such as 临江街道…), and such a caption run into the first line of
  a paragraph by OCR is split off onto its own line;
- a page banner: a run of very short lines of bare characters among the captions after the last paragraph
  (a column logo such as a series name set in three or four lines) is removed.
Run it before `repair_layout`: the blank-line gaps it reads around captions are what layout collapses.
"""

from __future__ import annotations

import bisect
import csv
import itertools
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from statistics import median

from gongfu.clean import furniture, headline
from gongfu.clean.chars import CJK_RANGES, SENTENCE_PUNCT_RE, cjk_count
from gongfu.clean.edits import Change, apply_changes, compose_changes
from gongfu.clean.layout import (
    CAPTION_MARK,
    CAPTION_MARKS,
    HEADING_LIKE_MAX,
    WS,
    close_spaces,
    has_space,
    is_caption,
    is_heading_like,
    is_open,
    is_prose,
    range_dashes,
    visible_len,
)
from gongfu.clean.prefilter import NeedleIndex, branches, firsts_of, may_match, may_start, needles_of, scanner
from gongfu.errors import GongfuError
from gongfu.paths import PACKAGE_DATA

BOILERPLATE_FILE = PACKAGE_DATA / "boilerplate.csv"
META_KEYS = ("title", "kicker", "subtitle", "doc_number", "banner", "author", "published", "publisher", "source", "url")
LINE_KINDS = ("breadcrumb", "search", "share", "related", "more", "app", "welcome", "pager", "follow", "paper",
              "affiliation", "tags", "editor", "copyright", "byline", "edition")
INLINE_KINDS = ("footnote", "editsection")  # rules that remove a piece of a kept line
ROLE_WORDS_RE = re.compile(r"(本报记者|记者|通讯员|作者)\s*")
BRACKETS = "[［〔"  # what a footnote marker or an edit link needs (one is found by str.find: quicker than a class)
TAIL_MIN = 8  # visible characters of a headline after the article
DIGIT_RE = re.compile("[0-9０-９]")
CREDIT_CAPTION_MAX = 60  # visible characters of a caption line that ends with its photo credit
FOOTER_KINDS = {"copyright", "footer", "navbar", "related", "share"}
FOOTER_NAMES = {"copyright": "copyright and legal notice", "footer": "copyright and legal notice",
                "navbar": "navigation links", "related": "related-content box", "share": "share buttons"}
MIN_DUP = 6  # Chinese characters a line needs before an exact repeat counts as a duplicate
MIN_PREFIX = 15  # visible characters a line needs before it counts as repeating the start of a longer one
HEADER_MAX = 6  # lines above the first paragraph that can be a header; more means there is none
CAPTION_MAX = 40
NAV_ITEMS = 4  # short items in a row that make a navigation bar
NAV_MIN = 40  # visible characters of a navigation bar standing alone (shorter rows may be a list of names)
NAME_RE = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
TWO_PART_HEADLINE_RE = re.compile(r"^\S{4,}\s+\S{4,}$")
CAPTION_PUNCT_RE = re.compile(r"[，,；;！？!?]|。(?=.)")
TITLE_JOIN = " / "
SERIES_MIN = 3  # characters two captions must share at their start to make a caption series
BANNER_RE = re.compile(f"^[{CJK_RANGES}]{{2,8}}$")  # a banner line: two to eight bare characters
BANNER_MIN = 3  # banner lines in a row
SPACES_RE = re.compile(f"[{WS}]+")
NAV_SPLIT_RE = re.compile(f"[{WS}|｜│]+")


@dataclass(frozen=True)
class Rule:
    kind: str
    pattern: re.Pattern
    reason: str

    def search(self, line: str) -> re.Match | None:
        """`pattern.search(line)`, after the cheap scan for its needles (clean/prefilter.py)."""
        return self.pattern.search(line) if may_match(self.pattern, line) else None


@cache
def load_rules(path: Path = BOILERPLATE_FILE) -> tuple[Rule, ...]:
    """The boilerplate lexicon: (kind, compiled pattern, reason) in file order."""
    with Path(path).open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for line, row in enumerate(rows, start=2):
        if None in row:  # a comma inside an unquoted pattern splits it, and the rule in force is its first part
            raise GongfuError(f"{path}: line {line} has more than kind,pattern,reason. Quote the pattern.")
    return tuple(Rule(r["kind"], re.compile(r["pattern"]), r["reason"]) for r in rows)


@cache
def rules(kind: str) -> tuple[Rule, ...]:
    """The lexicon's rules of one kind, in file order."""
    return tuple(r for r in load_rules() if r.kind == kind)


def first_match(kind: str, line: str) -> tuple[Rule, re.Match] | None:
    """The first rule of `kind` whose pattern occurs in `line`."""
    for rule in rules(kind):
        m = rule.search(line)
        if m:
            return rule, m
    return None


def trailing_byline(line: str) -> tuple[Rule, re.Match] | None:
    """The reporter's name in brackets closing the line, if any. The rule ends in a closing bracket at the
    line's end, so only such lines are searched (a search tries the rule's lookbehind at every position)."""
    return first_match("trailing_byline", line) if line.endswith((")", "）")) else None


def normalise_date(text: str) -> str:
    """'2021年09月20日' / '2023-1-5' -> 'YYYY-MM-DD'."""
    y, m, d = (int(x) for x in re.findall(r"\d+", text)[:3])
    return f"{y:04d}-{m:02d}-{d:02d}"


def squeeze(line: str) -> str:
    """A line without spaces or caption mark, for comparing copies that differ only in spacing or marking."""
    line = line[len(CAPTION_MARK):] if is_caption(line) else line
    return SPACES_RE.sub("", line) if has_space(line) else line


def short(line: str, n: int = 14) -> str:
    return line if len(line) <= n else line[:n] + "…"


@dataclass(slots=True)  # a page's lines each get one: slots make them quicker to build and to read
class _Line:
    index: int
    start: int  # content start (past leading spaces)
    end: int  # content end
    span_start: int  # physical line start
    span_end: int  # past the newline
    text: str
    gap_before: int = 0  # blank lines between this and the previous kept line
    gap_after: int = 0
    kind: str = ""
    reason: str = ""
    group: str = ""  # lines with the same group next to each other are removed as one edit
    meta: dict[str, str] = field(default_factory=dict)
    key: str = ""  # squeeze(text), for comparing copies
    # What the rules ask of the line's text, found once (the text never changes): is_caption, is_prose,
    # visible_len. Each rule asked them again; a page's lines are judged by a dozen rules.
    caption: bool = False
    prose: bool = False
    visible: int = 0
    spaced: bool = False  # the text holds a space (without one nor a 一, close_spaces leaves it as it is)

    def __post_init__(self) -> None:
        text = self.text
        self.caption = is_caption(text)
        self.prose = is_prose(text)
        self.spaced = spaced = has_space(text)
        self.visible = len(SPACES_RE.sub("", text)) if spaced else len(text)
        body = text[len(CAPTION_MARK):] if self.caption else text
        self.key = SPACES_RE.sub("", body) if spaced else body  # squeeze(text)


def _lines(text: str) -> tuple[list[_Line], list[tuple[int, int]]]:
    """Non-blank lines, and for each physical line its non-blank line's index (-1 when blank) and start."""
    out: list[_Line] = []
    physical: list[tuple[int, int]] = []
    pos = 0
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw) + 1  # past the newline
        pos = end
        if not raw:
            if end <= len(text):
                physical.append((-1, start))
            continue
        body = raw.strip(WS)
        if not body:
            physical.append((-1, start))
            continue
        s = start + len(raw) - len(raw.lstrip(WS))
        physical.append((len(out), start))
        out.append(_Line(len(out), s, s + len(body), start, min(end, len(text)), body))
    return out, physical


def is_navbar(line: str) -> bool:
    """A row of short link labels separated by spaces or bars, without sentence punctuation (a site's
    navigation or footer links)."""
    if is_prose(line):
        return False
    items = [x for x in NAV_SPLIT_RE.split(line) if x]
    return len(items) >= NAV_ITEMS and all(visible_len(x) <= 12 for x in items)


@cache
def line_rules() -> tuple[tuple[Rule, ...], NeedleIndex]:
    """The whole-line rules (LINE_KINDS, in that order, each kind's in file order) and their needle index."""
    found = tuple(r for kind in LINE_KINDS for r in rules(kind))
    return found, NeedleIndex([r.pattern for r in found])


def _classify(line: _Line, prev_footer: bool, view: str | None = None, candidates: set[int] | None = None) -> None:
    """Whole-line boilerplate by pattern; footer lines continue a footer above them. A marked caption is kept.
    `view` is close_spaces(line.text) and `candidates` the line rules that may match it, when known (from
    `line_rules()[1]`: the first rule that matches is the one found, whichever are tried)."""
    if line.caption:
        return
    view = close_spaces(line.text) if view is None else view  # judged as layout repair will print it
    prose = line.prose if view == line.text else is_prose(view)
    found = line_rules()[0]
    for i in sorted(candidates) if candidates is not None else range(len(found)):
        rule = found[i]
        m = rule.pattern.search(view)
        if m:
            kind = rule.kind
            line.kind, line.reason = kind, rule.reason
            line.group = "footer" if kind in FOOTER_KINDS else f"{kind}:{line.index}"
            line.meta = {k: v for k, v in m.groupdict().items() if v}
            return
    if not prose and is_navbar(view) and (visible_len(view) > NAV_MIN or prev_footer):
        line.kind, line.reason, line.group = "navbar", "navigation links of the website, not part of the article", \
            "footer"
        return
    parts = [] if prose else furniture.items(view)  # the shapes below are lines without a sentence
    if parts and (furniture.is_menu_row(view) or (len(parts) > 1 and all(first_match("more", x) for x in parts))):
        line.kind, line.reason, line.group = "menu", ("menu or toolbar of the website (a row of short items "
                                                      "without a sentence), not part of the article"), "menu"
        return
    if parts and furniture.is_dated_link(view):
        line.kind, line.reason, line.group = "link", ("link to another article (a headline with its date), not "
                                                      "part of the article"), "links"
        return
    if prev_footer:
        hit = first_match("footer_word", view)
        if hit:
            line.kind, line.reason, line.group = "footer", hit[0].reason, "footer"


def _mark_duplicates(lines: list[_Line], quick: bool = True) -> None:
    """Exact repeats of an earlier kept line, then lines that repeat the start of a longer kept line. With
    `quick`, the summary labels are looked for line by line only when the kept lines' keys hold one of their
    needles somewhere (a key is a piece of the joined keys: a label found in none is in no key)."""
    seen: dict[str, _Line] = {}
    for line in lines:
        if line.kind:
            continue
        key = line.key
        if key in seen and cjk_count(key) >= MIN_DUP:
            first = seen[key]
            line.kind, line.group = "duplicate", "duplicate"
            line.reason = f"duplicate: repeats the line «{short(first.text)}» above"
            line.meta = {"of": str(first.index)}
        else:
            seen.setdefault(key, line)
    kept = sorted((ln.key, ln.index) for ln in lines if not ln.kind)
    keys = [k for k, _ in kept]
    label = rules("summary_label")
    if quick and not any(may_match(rule.pattern, "\n".join(keys)) for rule in label):
        label = ()
    for line in [ln for ln in lines if not ln.kind]:
        body = line.key
        for rule in label:
            if may_match(rule.pattern, body):
                body = rule.pattern.sub("", body, count=1)
        if len(body) < MIN_PREFIX:
            continue
        at = bisect.bisect_right(keys, body)  # the keys that start with body and are longer follow it
        longer = lines[kept[at][1]] if at < len(keys) and keys[at].startswith(body) else None
        if longer is not None and longer is not line:
            line.kind, line.group = "duplicate", f"prefix:{line.index}"
            line.reason = f"duplicate: repeats the start of the paragraph «{short(longer.text)}» (summary or cut copy)"


def _header(kept: list[_Line], lead: int | None = None) -> list[_Line]:
    """The kept lines above the first paragraph of running text (none when there is no such paragraph, and
    none past a caption: a marked caption belongs to the body). When the page names its headline (`lead`,
    its index in `kept`), the header runs from the top to the first paragraph below the headline."""
    if lead is not None:
        end = next((i for i in range(lead + 1, len(kept)) if kept[i].prose or kept[i].caption), len(kept))
        return kept[:end]
    for i, line in enumerate(kept):
        if line.caption:
            return []
        if line.prose:
            return kept[:i] if i <= HEADER_MAX else []
    return []


def _is_paragraph(line: str) -> bool:
    """Running text: it has sentence punctuation (re-joining cut lines never makes a line running text that
    was not, so the header found here is the one found again after layout repair)."""
    return is_prose(line)


def _names(line: str) -> bool:
    tokens = [t for t in re.split(f"[{WS}、]+", line) if t]
    return 2 <= len(tokens) <= 8 and all(NAME_RE.match(t) for t in tokens)


ROLE_REASONS = {"title": "headline, kept as metadata (title)", "kicker": "kicker above the headline, kept as "
                "metadata", "subtitle": "subtitle below the headline, kept as metadata",
                "number": "document number (文号) of a notice, kept as metadata (doc_number)",
                "furniture": "page furniture around the headline (a line without a sentence), not part of the article"}


def _take_header(header: list[_Line], meta: dict[str, str], hints: dict[str, str]) -> None:
    """Every header line is removed: the headline, its kicker and subtitle become metadata, a list of names
    the author; other lines around the headline are furniture."""
    candidates: list[_Line] = []
    for line in header:
        if candidates and _names(line.text):
            line.kind, line.reason = "byline", "byline (authors' names), kept as metadata"
            meta.setdefault("author", line.text)
        elif first_match("question", line.text) and is_heading_like(line.text):
            line.kind, line.reason = "question", first_match("question", line.text)[0].reason
        else:
            candidates.append(line)
        line.group = f"header:{line.index}"
    if not candidates:
        return
    found = headline.analyse([ln.text for ln in candidates], hints)
    for n, (line, role) in enumerate(zip(candidates, found.roles, strict=True)):
        line.kind = "title" if role == "title" else role
        line.reason = ROLE_REASONS[role] + (f"; {found.notes[n]}" if n in found.notes else "")
    for key, value in found.meta.items():
        meta.setdefault(key, normalise_date(value) if key == "published" else value)


def _mark_title_repeats(lines: list[_Line], header: list[_Line]) -> None:
    """Later copies of the title (a page header repeated over the body) are removed."""
    titles = {h.key for h in header if h.kind == "title"}
    for line in lines:
        if (not line.kind or line.kind == "duplicate") and line.key in titles:
            line.kind, line.group = "duplicate", f"title:{line.index}"
            line.reason = f"duplicate: repeats the title «{short(line.text)}»"


def _set_gaps(kept: list[_Line], physical: list[tuple[int, int]], changes: list[Change]) -> None:
    """Blank lines between consecutive kept lines, as they stand once the removed lines (and the blank lines
    inside a removed block) are gone."""
    where = {owner: p for p, (owner, _) in enumerate(physical) if owner >= 0}
    starts = sorted((c.start, c.end) for c in changes)

    def removed(pos: int) -> bool:
        i = bisect.bisect_right(starts, (pos, math.inf)) - 1
        return i >= 0 and starts[i][0] <= pos < starts[i][1]

    for a, b in itertools.pairwise(kept):
        first, stop = where[a.index] + 1, where[b.index]
        a.gap_after = b.gap_before = 0 if first == stop else sum(
            1 for p in range(first, stop) if physical[p][0] == -1 and not removed(physical[p][1]))


def _caption_reason(line: _Line, wide: int, first: bool, last: bool) -> str | None:
    """Why a kept line is a caption, or None. A reporter's name closing the line is not looked at, so the
    decision is the same once that name has gone to the metadata."""
    hit = trailing_byline(line.text)
    if hit:
        text = line.text[:hit[1].start()]
        caption, visible = is_caption(text), visible_len(text)
    else:
        text, caption, visible = line.text, line.caption, line.visible
    if caption or visible > CAPTION_MAX or CAPTION_PUNCT_RE.search(text):
        return None
    hit = first_match("credit", text) or first_match("caption_word", text)
    if hit:
        return hit[0].reason
    if TWO_PART_HEADLINE_RE.match(text):
        return None
    if (not first and line.gap_before >= wide) or (not last and line.gap_after >= wide):
        return "image caption (a short line set apart by a wider gap than the paragraphs), kept as a marked line"
    return None


def _is_banner_line(line: _Line) -> bool:
    """Two to eight bare characters (no punctuation, no photo word or credit): a piece of a banner."""
    return (not line.caption and bool(BANNER_RE.match(line.key))
            and not first_match("credit", line.text) and not first_match("caption_word", line.text))


def _mark_banner(kept: list[_Line]) -> None:
    """A page banner (a column logo or series name set in short lines) among the captions at the page end:
    a run of at least BANNER_MIN very short lines of bare characters after the last paragraph (running text
    that is not caption-shaped: longer than a caption, or with a comma or a sentence end inside). Judged by
    that shape only; a shorter run is left alone (it may be a caption)."""
    body = [n for n, ln in enumerate(kept) if ln.prose and not ln.caption
            and (ln.visible > CAPTION_MAX or CAPTION_PUNCT_RE.search(ln.text))]
    if not body:
        return
    run: list[_Line] = []
    for line in [*kept[body[-1] + 1:], None]:
        if line is not None and _is_banner_line(line):
            run.append(line)
            continue
        if len(run) >= BANNER_MIN:
            words = " / ".join(ln.text for ln in run)
            for ln in run:
                ln.kind, ln.group = "banner", "banner"
                ln.reason = (f"page banner «{words}» ({len(run)} very short unpunctuated lines among the captions "
                             "at the page end: a column logo), not part of the article")
        run = []


def _series_prefixes(captions: list[str]) -> tuple[str, ...]:
    """The names two or more of the page's captions begin with (at least SERIES_MIN Chinese characters): a
    caption series such as 临江街道迎接… / 临江街道高颜值…."""
    texts = sorted(squeeze(c) for c in captions)
    found = set()
    for a, b in itertools.pairwise(texts):
        n = 0
        while n < min(len(a), len(b)) and a[n] == b[n]:
            n += 1
        if n >= SERIES_MIN and cjk_count(a[:n]) == n:
            found.add(a[:n])
    return tuple(sorted(found, key=len, reverse=True))


def _in_series(text: str, prefixes: tuple[str, ...]) -> str | None:
    """The series name `text` begins with when it is caption-shaped (short, no sentence punctuation, one
    part, more than the name), else None."""
    if is_caption(text) or is_prose(text) or visible_len(text) > CAPTION_MAX or SPACES_RE.search(text):
        return None
    return next((p for p in prefixes if text.startswith(p) and len(text) > len(p) + 1), None)


def _series_captions(kept: list[_Line], captions: set[int], changes: list[Change]) -> None:
    """Mark the title-like lines that begin like the page's caption series, and split a series caption that
    OCR ran into the first line of a paragraph after a cut one (its column's caption sat above the text)."""
    prefixes = _series_prefixes([ln.text for ln in kept if ln.index in captions or ln.caption])
    if not prefixes:
        return
    for prev, line in itertools.pairwise([None, *kept]):
        if line.index in captions or line.caption:
            continue
        name = None if line.prose else _in_series(line.text, prefixes)  # _in_series refuses running text
        if name:
            captions.add(line.index)
            changes.append(Change(line.start, line.start, CAPTION_MARK,
                                  f"image caption (begins like the page's other captions, «{name}…»), kept as a "
                                  "marked line"))
            continue
        m = SPACES_RE.search(line.text) if line.spaced else None
        if m is None or prev is None or not is_prose(line.text[m.end():]):
            continue
        head = line.text[:m.start()]
        name = _in_series(head, prefixes)
        if name and prev.prose and is_open(prev.text) and not prev.caption:
            captions.add(line.index)
            changes.append(Change(line.start, line.start, CAPTION_MARK,
                                  f"image caption (begins like the page's other captions, «{name}…»), kept as a "
                                  "marked line"))
            changes.append(Change(line.start + m.start(), line.start + m.end(), "\n",
                                  f"caption «{head}» run into the first line of the paragraph after it by OCR "
                                  "(the paragraph above is cut mid-sentence): put on a line of its own"))


def _changes(text: str, lines: list[_Line]) -> list[Change]:
    """One edit per removed line, or per run of removed lines of the same group."""
    changes: list[Change] = []
    removed = [ln for ln in lines if ln.kind and ln.kind != "caption"]
    i = 0
    while i < len(removed):
        j = i
        while j + 1 < len(removed) and removed[j + 1].group == removed[i].group \
                and removed[j + 1].index == removed[j].index + 1:
            j += 1
        block = removed[i:j + 1]
        start, end = block[0].span_start, block[-1].span_end
        if len(block) == 1:
            reason = block[0].reason
        elif block[0].group == "footer":
            kinds = dict.fromkeys(FOOTER_NAMES[ln.kind] for ln in block)
            reason = "website footer, not part of the article: " + ", ".join(kinds)
        elif block[0].group == "duplicate":
            first, last = (lines[int(b.meta["of"])].text for b in (block[0], block[-1]))
            reason = (f"duplicate: repeats {len(block)} lines above, from «{short(first)}» to «{short(last)}» "
                      "(a repeated copy of the article)")
        else:
            reason = block[0].reason
        changes.append(Change(start, end, "", reason))
        i = j + 1
    return changes


def _region_lines(lines: list[_Line], lead: int | None) -> tuple[int, int]:
    """(end of the page's top, start of its bottom) among kept lines: above the headline the page names, else
    above the first paragraph; below the last paragraph."""
    kept = [ln for ln in lines if not ln.kind]
    prose = [i for i, ln in enumerate(kept) if ln.prose and not ln.caption]
    top = lead if lead is not None else (prose[0] if prose else 0)
    return top, (prose[-1] + 1 if prose else len(kept))


def _mark_shapes(lines: list[_Line], hints: dict[str, str]) -> int | None:
    """Furniture known by its shape: site names (printed twice, or parts of the page's <title>), menus set one
    item per line above or below the article, lists after a related-content heading. Returns the index (among
    kept lines) of the headline the page names, if it is there."""
    kept = [ln for ln in lines if not ln.kind]
    lead = _named_headline(kept, hints)
    parts = set()
    for part in furniture.title_parts(hints.get("page_title", "")):
        parts.update(squeeze(x) for x in [part, *part.split()] if x)
    heads = {squeeze(hints[k]) for k in ("headline", "title") if hints.get(k)}
    counts: dict[str, int] = {}
    for ln in kept:
        counts[ln.key] = counts.get(ln.key, 0) + 1
    for n, ln in enumerate(kept):
        if n == lead or ln.key in heads or ln.caption or ln.visible > furniture.SITE_NAME_MAX \
                or not furniture.is_short_name(ln.text):
            continue
        if ln.key in parts:
            ln.kind, ln.group = "site", "site"
            ln.reason = f"site or channel name (a part of the page title «{short(hints['page_title'], 24)}»)"
        elif counts[ln.key] > 1:
            ln.kind, ln.group = "site", "site"
            ln.reason = "site or channel name (a short line printed more than once on the page)"
    kept = [ln for ln in lines if not ln.kind]
    lead = _named_headline(kept, hints)
    top, bottom = _region_lines(lines, lead)
    for run in furniture.column_runs([ln.text for ln in kept], [ln.visible for ln in kept]):
        if run.stop <= top or run.start >= bottom:
            for i in run:
                kept[i].kind, kept[i].group = "menu", "menu"
                kept[i].reason = ("menu of the website (very short lines without punctuation, one item per line), "
                                  "not part of the article")
    after_related = False
    for ln in lines:
        if ln.kind == "related":
            after_related = True
        elif not ln.kind and after_related:
            if ln.prose or ln.caption:
                after_related = False
            else:
                ln.kind, ln.group = "related", "footer"
                ln.reason = "related-content link (another article's headline under a related-content heading)"
    return _named_headline([ln for ln in lines if not ln.kind], hints)


def _named_headline(kept: list[_Line], hints: dict[str, str]) -> int | None:
    """Index in `kept` of the line the page's markup or front matter names as its headline."""
    for key in ("title", "headline"):
        if hints.get(key):
            want = squeeze(hints[key])
            for i, ln in enumerate(kept):
                if ln.key == want or headline.squeeze(headline.unglue(ln.text)[0]) == want:
                    return i
    return None


def _inline_changes(lines: list[_Line], text: str | None = None) -> list[Change]:
    """Pieces of kept lines that are not article text: footnote markers, a wiki's edit link, an abstract's label.
    `text` is the page the lines are pieces of, when known: what the page holds nowhere, no line holds, so a
    page without a bracket has no footnote nor edit link, and one without an abstract label's needle no label."""
    brackets = text is None or any(b in text for b in BRACKETS)
    labels = text is None or any(may_match(rule.pattern, text) for rule in rules("summary_label_strip"))
    changes = []
    for ln in lines if brackets or labels else ():
        if ln.kind:
            continue
        for kind in INLINE_KINDS if brackets and any(b in ln.text for b in BRACKETS) else ():
            for rule in rules(kind):
                changes += [Change(ln.start + m.start(), ln.start + m.end(), "", rule.reason)
                            for m in rule.pattern.finditer(ln.text)]
        hit = first_match("summary_label_strip", ln.text) if labels else None
        if hit and _is_paragraph(ln.text[hit[1].end():]):
            changes.append(Change(ln.start + hit[1].start(), ln.start + hit[1].end(), "", hit[0].reason))
    return changes


def _credit_caption(line: _Line) -> str | None:
    """A short line that ends with its photo credit (…供图, 记者 某某 摄) is a caption, whatever is inside it."""
    if line.caption or line.visible > CREDIT_CAPTION_MAX:
        return None
    text = line.text
    hit = first_match("credit", text)
    if hit and hit[1].end() >= len(text.rstrip(WS + "）)")) and text.count("。") <= 1:
        return hit[0].reason
    return None


def _mark_tail(kept: list[_Line], captions: set[int], changes: list[Change]) -> None:
    """Headline-shaped lines with a number after the article's last paragraph that are not captions: other
    articles' headlines (whose numbers would become claims). Shorter lines may be captions and stay."""
    body = [n for n, ln in enumerate(kept) if ln.prose and not ln.caption and ln.index not in captions]
    if not body:
        return
    for ln in kept[body[-1] + 1:]:
        if ln.index in captions or ln.caption or ln.prose or ln.visible > HEADING_LIKE_MAX \
                or ln.visible < TAIL_MIN or not DIGIT_RE.search(ln.text):
            continue
        changes.append(Change(ln.span_start, ln.span_end, "", "another article's headline after the article (a "
                                                              "line with a number and no sentence), not part of it"))
        ln.kind = "tail"


def _author(value: str) -> str:
    """Names only: role words, affiliation numbers and separators dropped (本报记者 陈海 通讯员 林晓 -> 陈海 林晓)."""
    value = ROLE_WORDS_RE.sub(" ", value)
    value = re.sub(r"[\d*＊]+", "", value)
    return " ".join(re.split(f"[{WS}、，,]+", value)).strip()


def strip_boilerplate(text: str, hints: dict[str, str] | None = None) -> tuple[str, list[Change], dict[str, str]]:
    """The article body once, page furniture removed as edits, metadata (title, kicker, subtitle, banner,
    author, published, publisher, source, url) returned, captions marked 图：. `hints` is what the page's
    markup said about itself (headline, page_title, front-matter fields).

    A removal can set a remaining short line apart by a wider gap, which makes it a caption only on a second
    look; so when the first pass removed lines, a second pass runs on its result and the two passes' changes
    are composed into one list located in `text` (stripping the result again then changes nothing)."""
    out, changes, meta = _strip_pass(text, hints)
    if not any(c.after == "" and c.end > c.start for c in changes):
        return out, changes, meta
    again, more, _ = _strip_pass(out, hints)
    if again != out:
        composed = compose_changes(text, changes, more)
        if composed is not None:
            return again, composed, meta
    return out, changes, meta


def _strip_pass(text: str, hints: dict[str, str] | None, quick: bool = True) \
        -> tuple[str, list[Change], dict[str, str]]:
    """One look at the page: what `strip_boilerplate` removes, marks and reads, located in `text`. `quick=False`
    turns off the page-wide scans (what the page holds nowhere, none of its lines holds) and `_untouched`: the
    same result, line by line."""
    if quick and not hints and _untouched(text):
        return text, [], {}
    hints = hints or {}
    lines, physical = _lines(text)
    prev_footer = False
    # A line without a space is its own view unless a range dash (一 between two digits) is in it, and so in
    # the page: one look at the page's 一s instead of one per line holding one.
    dashes = not quick or bool(range_dashes(text))
    views = [close_spaces(line.text) if line.spaced or (dashes and "一" in line.text) else line.text
             for line in lines]
    for line, view, candidates in zip(lines, views, line_rules()[1].candidates(views), strict=True):
        _classify(line, prev_footer, view, candidates)
        prev_footer = line.kind in FOOTER_KINDS
    meta: dict[str, str] = {}
    for line in lines:
        for key, value in line.meta.items():
            if key in META_KEYS:
                meta.setdefault(key, normalise_date(value) if key == "published" else value)
    _mark_duplicates(lines, quick)
    lead = _mark_shapes(lines, hints)
    header = _header([ln for ln in lines if not ln.kind], lead)
    _take_header(header, meta, hints)
    _mark_title_repeats(lines, header)
    _mark_banner([ln for ln in lines if not ln.kind])
    kept = [ln for ln in lines if not ln.kind]
    changes = _changes(text, lines)
    for line in lines:
        if line.kind in ("copyright", "footer") and "publisher" not in meta:
            hit = first_match("publisher", line.text)
            if hit:
                meta["publisher"] = hit[1].group("publisher")
    _set_gaps(kept, physical, changes)
    gaps = [ln.gap_after for ln in kept[:-1]]
    wide = max(2, int(median(gaps)) + 1) if gaps else 2
    captions = set()
    for n, line in enumerate(kept):
        if quick and line.visible > CREDIT_CAPTION_MAX and not line.text.endswith((")", "）")):
            continue  # too long for a caption of either kind, with no reporter's name to take off its end
        reason = _caption_reason(line, wide, n == 0, n == len(kept) - 1) or _credit_caption(line)
        if reason:
            captions.add(line.index)
            changes.append(Change(line.start, line.start, CAPTION_MARK, reason))
    _series_captions(kept, captions, changes)
    _mark_tail(kept, captions, changes)
    kept = [ln for ln in kept if not ln.kind]
    changes += _inline_changes(kept, text if quick else None)
    paragraphs = [ln for ln in kept if ln.prose and not ln.caption and ln.index not in captions]
    if paragraphs:
        last = paragraphs[-1]
        hit = trailing_byline(last.text)
        if hit:
            rule, m = hit
            meta.setdefault("author", re.sub("^(记者|通讯员)\\s*", "", m.group("author")))
            changes.append(Change(last.start + m.start(), last.end, "", rule.reason))
    for key in ("title", "author", "published", "source", "publisher", "url", "subtitle"):
        if hints.get(key) and key not in meta:
            meta[key] = normalise_date(hints[key]) if key == "published" else hints[key]
    if "title" not in meta and hints.get("headline"):
        meta["title"] = hints["headline"]
    if "author" in meta:
        meta["author"] = _author(meta["author"])
    changes.sort(key=lambda c: (c.start, c.end))
    return apply_changes(text, changes), changes, {k: meta[k] for k in META_KEYS if meta.get(k)}


@cache
def _line_tests() -> tuple[tuple[tuple[re.Pattern, tuple[str, ...] | None], ...], ...]:
    """For each whole-line rule (`line_rules()[0]`), its branches each with the needles one of which it needs
    (None: none known): the rule matches a line exactly when a branch holding its needles does."""
    return tuple(tuple((b, needles_of(b) if firsts_of(b) is None else None) for b in branches(r.pattern))
                 for r in line_rules()[0])


@cache
def _needle_scanner(*kinds: str) -> re.Pattern | None:
    """One search for the needles of every rule of `kinds`, or None when one of them needs none."""
    found = [needles_of(r.pattern) for kind in kinds for r in rules(kind)]
    return None if not all(found) else scanner(tuple(dict.fromkeys(n for f in found for n in f)))


MARKS_OF_ITEMS = frozenset("|｜│/【】[]")  # besides spaces: what splits a navigation bar or a menu row into items


def _untouched(text: str) -> bool:
    """True only when `_strip_pass(text, {})` removes, marks and reads nothing (most cleaned text): each of its
    steps asked of the page at once, with the same rules and tests, without a record per line. False is no
    verdict (the pass decides). A page without blank lines or brackets must have no line rule, navigation,
    menu or link shape on any line, no abstract label, no repeated key nor one starting a longer one, no menu
    column in its top or bottom, no header above the first paragraph, no caption (no blank line sets one
    apart: only a credit or photo word makes one), no caption series, no banner or other article's headline
    after the last paragraph and no reporter's name closing it."""
    if "\n\n" in text or any(b in text for b in BRACKETS):  # cheap refusals first: most raw pages have one
        return False
    texts = text.split("\n")
    if texts[-1] == "":
        texts.pop()
    bodies = [t.strip(WS) for t in texts]
    if not bodies or not all(bodies):  # a blank line: gaps to weigh for captions
        return False
    starts = "".join(b[0] for b in bodies)
    caption = [b.startswith(CAPTION_MARKS) for b in bodies]
    punct = SENTENCE_PUNCT_RE.search
    prose = [punct(b) is not None for b in bodies]
    first = next((n for n, (p, c) in enumerate(zip(prose, caption, strict=True)) if p or c), None)
    if first is not None and prose[first] and not caption[first] and 0 < first <= HEADER_MAX:
        return False  # a header: the lines above the first paragraph
    if any(may_start(r.pattern, starts, text) for r in rules("summary_label_strip")):  # as _inline_changes asks
        for b in bodies:
            hit = first_match("summary_label_strip", b)
            if hit and _is_paragraph(b[hit[1].end():]):
                return False
    if " " in text or not "".join(bodies).isprintable():
        spaced = [has_space(b) for b in bodies]
    else:
        spaced = [False] * len(bodies)
    dashes = bool(range_dashes(text))
    views = [close_spaces(b) if sp or (dashes and "一" in b) else b for b, sp in zip(bodies, spaced, strict=True)]
    tests = _line_tests()
    for n, ids in enumerate(line_rules()[1].candidates(views)):
        if caption[n]:
            continue
        view = views[n]
        for i in ids:
            for pattern, needles in tests[i]:
                if (needles is None or any(x in view for x in needles)) and pattern.search(view):
                    return False
        if prose[n] if view is bodies[n] else is_prose(view):
            continue
        if has_space(view) or not MARKS_OF_ITEMS.isdisjoint(view):  # more than one item: a bar or a menu row?
            if is_navbar(view) and visible_len(view) > NAV_MIN:
                return False
            parts = furniture.items(view)
            if furniture.is_menu_row(view) or (len(parts) > 1 and all(first_match("more", x) for x in parts)):
                return False
        if furniture.is_dated_link(view):
            return False
    keys = [(b[len(CAPTION_MARK):] if c else b) for b, c in zip(bodies, caption, strict=True)]
    keys = [SPACES_RE.sub("", k) if sp else k for k, sp in zip(keys, spaced, strict=True)]
    ordered = sorted(keys)
    if len(set(ordered)) < len(ordered) \
            or any(len(a) >= MIN_PREFIX and b.startswith(a) for a, b in itertools.pairwise(ordered)):
        return False  # a repeat, or the start of a longer line (labels aside, just below)
    if any(may_start(r.pattern, "".join(k[:1] for k in keys), "\n".join(ordered)) for r in rules("summary_label")):
        return False
    visible = [len(SPACES_RE.sub("", b)) if sp else len(b) for b, sp in zip(bodies, spaced, strict=True)]
    body = [n for n, (p, c) in enumerate(zip(prose, caption, strict=True)) if p and not c]
    top, bottom = (body[0], body[-1] + 1) if body else (0, len(bodies))
    if sum(v <= furniture.COLUMN_ITEM_MAX for v in visible) >= furniture.COLUMN_ITEMS \
            and any(run.stop <= top or run.start >= bottom for run in furniture.column_runs(bodies, visible)):
        return False
    credits = _needle_scanner("credit", "caption_word")  # only a credit or a photo word makes a caption here
    if credits is None:
        holding: Iterable[int] = range(len(bodies))
    else:  # the lines holding one of their needles (none runs across a line break)
        starts = list(itertools.accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
        holding = sorted({bisect.bisect_right(starts, m.start()) - 1 for m in credits.finditer(text)})
    last = len(bodies) - 1
    for n in holding:
        b = bodies[n]
        if visible[n] <= CREDIT_CAPTION_MAX or b.endswith((")", "）")):
            line = _Line(n, 0, len(b), 0, len(b), b)
            if _caption_reason(line, 2, n == 0, n == last) or _credit_caption(line):
                return False
    prefixes = _series_prefixes([b for b, c in zip(bodies, caption, strict=True) if c]) if sum(caption) > 1 else ()
    for n, b in enumerate(bodies if prefixes else ()):  # as _series_captions asks it of each line
        if caption[n]:
            continue
        if not prose[n] and _in_series(b, prefixes):
            return False
        m = SPACES_RE.search(b) if spaced[n] else None
        if m is not None and n and is_prose(b[m.end():]) and _in_series(b[:m.start()], prefixes) \
                and prose[n - 1] and is_open(bodies[n - 1]) and not caption[n - 1]:
            return False
    if not body:
        return True
    ending = [n for n in range(len(bodies)) if prose[n] and not caption[n]
              and (visible[n] > CAPTION_MAX or CAPTION_PUNCT_RE.search(bodies[n]))]
    run = 0
    for n in range(ending[-1] + 1, len(bodies)) if ending else ():
        is_banner = not caption[n] and bool(BANNER_RE.match(keys[n])) and not first_match("credit", bodies[n]) \
            and not first_match("caption_word", bodies[n])
        run = run + 1 if is_banner else 0
        if run >= BANNER_MIN:
            return False
    for n in range(body[-1] + 1, len(bodies)):
        if not caption[n] and not prose[n] and TAIL_MIN <= visible[n] <= HEADING_LIKE_MAX \
                and DIGIT_RE.search(bodies[n]):
            return False
    return trailing_byline(bodies[body[-1]]) is None
