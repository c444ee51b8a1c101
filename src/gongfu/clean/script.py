"""Detect a document's script and convert Traditional text to Simplified with the OpenCC config its own
wording calls for, and measure what each config would change, right or wrong.

- Simplified text (few characters outside the standard Simplified set that t2s would change) is never
  converted: 乾西乡 stays 乾西乡 (乾 is itself a standard Simplified character).
- Traditional text with Taiwan phrasing (two or more distinct `evidence` phrases of data/script_phrases.csv:
  社群, 视窗, 释出, 专案, 支援...) gets tw2sp: t2s characters, then the phrase changes tw2sp makes minus the
  `deny` ones that damage mainland wording (核心→内核, 指标→指针), plus the `extra` ones it misses (透过→通过).
- Traditional text with mainland wording gets t2s, plus only the `variant` fixes tw2sp makes (乘著→乘着).
- A named config is used for every document; t2s and tw2sp always go through the reviewed phrase table, any
  other (hk2s, tw2s...) is plain OpenCC.
Each pass returns Changes located in its own input, so the chain records every conversion as an edit.
"""

from __future__ import annotations

import bisect
import csv
import difflib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

import numpy as np

from gongfu.clean.chars import cjk_count, code_points
from gongfu.clean.edits import Change, apply_changes
from gongfu.errors import GongfuError
from gongfu.paths import PACKAGE_DATA

PHRASES_FILE = PACKAGE_DATA / "script_phrases.csv"
PHRASE_KINDS = ("evidence", "deny", "extra", "variant")
REVIEWED = ("t2s", "tw2sp")  # configs that go through the phrase table
MIN_TAIWAN_EVIDENCE = 2  # distinct Taiwan phrases needed to choose the phrase conversion
Region = tuple[int, int, int, int]  # (a_start, a_end, b_start, b_end) of a difference between two texts
AUDIT_COLUMNS = ["doc_id", "config", "before", "after", "count", "verdict", "applied"]


@dataclass(frozen=True)
class PhraseTable:
    """data/script_phrases.csv by kind: {before: after} in Simplified script."""

    evidence: dict[str, str]
    deny: dict[str, str]
    extra: dict[str, str]
    variant: dict[str, str]

    def kind_of(self, before: str, after: str) -> str | None:
        for kind in ("variant", "deny", "evidence", "extra"):
            if getattr(self, kind).get(before) == after:
                return kind
        return None

    @cached_property
    def pairs(self) -> list[tuple[str, str]]:
        """Every (before, after) pair, longest first, so a longer phrase wins over a part of it."""
        seen = {(b, a) for kind in PHRASE_KINDS for b, a in getattr(self, kind).items()}
        return sorted(seen, key=lambda p: (-len(p[0]), p))

    @cached_property
    def pairs_by_char(self) -> dict[str, list[tuple[str, str]]]:
        """The pairs (in `pairs` order) whose `before` holds each character."""
        index: dict[str, list[tuple[str, str]]] = {}
        for pair in self.pairs:
            for ch in set(pair[0]):
                index.setdefault(ch, []).append(pair)
        return index


@cache
def load_phrases(path: Path = PHRASES_FILE) -> PhraseTable:
    """The reviewed phrase table; a bad row is an error naming the file and the row."""
    tables: dict[str, dict[str, str]] = {k: {} for k in PHRASE_KINDS}
    with Path(path).open(encoding="utf-8", newline="") as fh:
        for n, row in enumerate(csv.DictReader(fh), start=2):
            if row.get("kind") not in tables or not row.get("before") or not row.get("after"):
                raise GongfuError(f"{path}: row {n} needs kind ({', '.join(PHRASE_KINDS)}), before and after; "
                                  f"got {dict(row)}")
            tables[row["kind"]][row["before"]] = row["after"]
    return PhraseTable(**tables)


@cache
def available_configs() -> tuple[str, ...]:
    """The OpenCC configs the installed opencc ships (t2s, tw2sp, hk2s, ...)."""
    import opencc

    share = Path(opencc.__file__).parent / "clib" / "share" / "opencc"
    return tuple(sorted(p.stem for p in share.glob("*.json")))


def check_conversion(conversion: str) -> None:
    """Refuse a conversion that is neither auto, none nor an installed OpenCC config, listing the choices."""
    if conversion in ("auto", "none"):
        return
    configs = available_configs()
    if configs and conversion not in configs:
        raise GongfuError(f"conversion {conversion!r} is not an OpenCC config. Use auto, none or one of: "
                          f"{', '.join(configs)}.")


@cache
def converter(config: str):
    import opencc

    return opencc.OpenCC(f"{config}.json")


def convert(text: str, config: str) -> str:
    """OpenCC conversion of text with `config` (t2s, tw2sp, hk2s, ...); 'none' returns text."""
    return text if config == "none" else converter(config).convert(text)


@dataclass
class ScriptChoice:
    """What the detector saw and chose, and why."""

    script: str  # simplified / traditional / mixed (some Traditional paragraphs in a Simplified text)
    conversion: str  # none / t2s / tw2sp / another OpenCC config
    cjk: int = 0
    t2s_changed: int = 0  # Traditional-only characters in the text
    taiwan: dict[str, int] = field(default_factory=dict)
    forced: bool = False
    traditional: list[tuple[int, int]] = field(default_factory=list)  # the Traditional lines found
    spans: list[tuple[int, int]] = field(default_factory=list)  # what is converted: those lines, or all
    regions: list[Region] = field(default_factory=list, repr=False)  # where t2s changes the text

    @property
    def taiwan_worded(self) -> bool:
        return self.script != "simplified" and len(self.taiwan) >= MIN_TAIWAN_EVIDENCE

    def evidence(self) -> str:
        """The why, in one line a journalist can read."""
        share = f"{self.t2s_changed} of {self.cjk} Chinese characters are Traditional-only"
        tw = " ".join(f"{k}×{v}" for k, v in sorted(self.taiwan.items()))
        phrasing = f"Taiwan phrasing: {tw}" if tw else "no Taiwan phrasing"
        if self.forced:
            return f"{self.conversion} set by the conversion parameter ({share}; {phrasing})"
        if self.script == "simplified":
            return f"Simplified, not converted ({share})"
        what = "Traditional" if self.script == "traditional" else \
            f"Simplified with {len(self.spans)} Traditional paragraph(s), only those converted:"
        if self.conversion == "tw2sp":
            return f"{what} with Taiwan phrasing, tw2sp with the reviewed phrase table ({share}; {phrasing})"
        return f"{what} with mainland wording, t2s ({share}; {phrasing})"


@cache
def is_simplified_standard(ch: str) -> bool:
    """True for a character of the GB2312 set: standard Simplified, even where t2s would change it (乾, 著)."""
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


# Where a Traditional-only character can be: the CJK ideograph blocks (radicals, extension A, the unified and
# the compatibility ideographs; OpenCC changes no other BMP character on its own, a test checks it), every
# astral character (extension B and beyond) and lone surrogates (undecodable bytes kept as surrogateescape).
SCANNED_BLOCKS = ((0x2E80, 0x2FDF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))


@cache
def _maybe_traditional_table() -> np.ndarray:
    """Code point -> could be Traditional-only: SCANNED_BLOCKS outside GB2312, and every astral character."""
    table = np.zeros(0x110000, dtype=bool)
    for lo, hi in SCANNED_BLOCKS:
        table[lo:hi + 1] = True
    table[0x10000:] = True
    pairs = bytes(b for hi in range(0xA1, 0xF8) for lo in range(0xA1, 0xFF) for b in (hi, lo))
    table[code_points(pairs.decode("gb2312", errors="ignore"))] = False  # every GB2312 character
    return table


def may_be_traditional(text: str) -> bool:
    """Whether `text` holds a character that could be Traditional-only (outside GB2312, see SCANNED_BLOCKS).

    The cheap scan before detection: a Traditional-only character is one t2s changes that is not standard
    Simplified, so a text without any such character has none, and `detect` would choose no conversion.
    One table lookup per character instead of two OpenCC conversions and the audit.
    """
    try:
        points = code_points(text)
    except UnicodeEncodeError:  # lone surrogates (bytes kept by surrogateescape): let detection decide
        return True
    return bool(_maybe_traditional_table()[points].any())


def plainly_simplified(text: str, conversion: str = "auto") -> ScriptChoice | None:
    """The choice for a text the cheap scan clears (auto conversion, no character that could be
    Traditional-only): Simplified, not converted, exactly what `detect` would say; None when the scan
    does not clear it and detection, conversion and the audit must run."""
    if conversion != "auto" or may_be_traditional(text):
        return None
    return ScriptChoice("simplified", "none", cjk_count(text))


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def traditional_lines(text: str, simplified: str, regions: list[Region] | None = None,
                      ) -> tuple[list[tuple[int, int]], int]:
    """The spans of the Traditional lines of `text`, and its number of Traditional-only characters.

    A Traditional-only character is one t2s changes that is not standard Simplified (區 counts, 乾 does
    not). A line is Traditional with two of them, or one in a short line (a fifth of its Chinese). A text
    that is mostly Traditional is converted whole; otherwise only its Traditional lines are, so a
    Simplified line is never converted for what the rest of the document is. `regions`: where
    `simplified` differs from `text`, if known.
    """
    lines = _line_spans(text)
    per_line = _traditional_per_line(text, simplified, lines, regions)
    spans = [lines[i] for i, n in sorted(per_line.items())
             if n >= 2 or n * 5 >= cjk_count(text[lines[i][0]:lines[i][1]])]
    return spans, sum(per_line.values())


def _traditional_per_line(text: str, simplified: str, lines: list[tuple[int, int]],
                          regions: list[Region] | None) -> dict[int, int]:
    """Traditional-only characters per line (by index in `lines`), for the lines that have any."""
    if len(simplified) == len(text):  # the usual case: t2s changed characters one for one, so count at once
        return _traditional_per_line_at_once(text, simplified, lines)
    starts = [s for s, _ in lines]
    per_line: Counter[int] = Counter()
    for a1, a2, _, _ in _regions(text, simplified) if regions is None else regions:
        n = sum(1 for ch in text[a1:a2] if not is_simplified_standard(ch))
        if n:  # a changed run never crosses a line: t2s leaves newlines alone
            per_line[bisect.bisect_right(starts, a1) - 1] += n
    return dict(per_line)


def _traditional_per_line_at_once(text: str, simplified: str, lines: list[tuple[int, int]]) -> dict[int, int]:
    """_traditional_per_line for a `simplified` of the same length, from arrays of code points."""
    x = code_points(text)
    changed = np.flatnonzero(x != code_points(simplified))
    codes, inverse = np.unique(x[changed], return_inverse=True)
    standard = np.array([is_simplified_standard(chr(c)) for c in codes.tolist()], dtype=bool)
    # a changed run never crosses a line (t2s leaves newlines alone): each character counts for its own
    line_of = np.searchsorted([s for s, _ in lines], changed[~standard[inverse.ravel()]], side="right") - 1
    return {i: n for i, n in enumerate(np.bincount(line_of).tolist()) if n}


def detect(text: str, table: PhraseTable | None = None, simplified: str | None = None) -> ScriptChoice:
    """Decide the script and the conversion from the text alone (`simplified`: its t2s text, if known)."""
    table = table or load_phrases()
    cjk = cjk_count(text)
    simplified = convert(text, "t2s") if simplified is None else simplified
    regions = _regions(text, simplified)
    spans, changed = traditional_lines(text, simplified, regions)
    if not spans:
        return ScriptChoice("simplified", "none", cjk, changed, regions=regions)
    if len(simplified) != len(text):  # a conversion that changes lengths: decide for the whole text
        spans = [(0, len(text))]
    traditional_cjk = cjk_count("".join(text[a:b] for a, b in spans))
    script = "traditional" if traditional_cjk * 2 >= cjk else "mixed"
    if script == "traditional":  # a Traditional text is converted whole (什麼 has no Traditional-only character)
        spans = [(0, len(text))]
    in_spans = "\n".join(simplified[a:b] for a, b in spans)
    taiwan = {p: n for p in table.evidence if (n := in_spans.count(p))}
    choice = ScriptChoice(script, "t2s", cjk, changed, taiwan, traditional=spans, spans=spans, regions=regions)
    choice.conversion = "tw2sp" if choice.taiwan_worded else "t2s"
    return choice


def choose(text: str, conversion: str = "auto", table: PhraseTable | None = None,
           simplified: str | None = None) -> ScriptChoice:
    """The detector's choice, or the named config with the detector's evidence beside it."""
    check_conversion(conversion)
    choice = detect(text, table, simplified)
    if conversion != "auto":
        choice.conversion, choice.forced, choice.spans = conversion, True, [(0, len(text))]
    return choice


def _equal_length_edges(a: str, b: str) -> tuple[list[int], list[int]]:
    """The starts and the ends of the runs of positions where two equal-length strings differ."""
    diff = np.concatenate(([False], code_points(a) != code_points(b), [False]))
    edges = np.flatnonzero(diff[1:] != diff[:-1])
    return edges[::2].tolist(), edges[1::2].tolist()


def _equal_length_runs(a: str, b: str) -> list[tuple[int, int]]:
    """(start, end) of each run of positions where two equal-length strings differ (vectorised)."""
    return list(zip(*_equal_length_edges(a, b), strict=True))


def _regions(a: str, b: str) -> list[Region]:
    """(a_start, a_end, b_start, b_end) of the differences between two conversions of the same text."""
    if len(a) == len(b):  # the usual case: every change is character for character
        starts, ends = _equal_length_edges(a, b)
        return list(zip(starts, ends, starts, ends, strict=True))
    return list(_line_regions(a, b))


def _line_regions(a: str, b: str) -> Iterator[Region]:
    """_regions line by line, for conversions that change lengths."""
    a_lines, b_lines = a.split("\n"), b.split("\n")
    if len(a_lines) != len(b_lines):
        a_lines, b_lines = [a], [b]
    a_off = b_off = 0
    for la, lb in zip(a_lines, b_lines, strict=True):
        if la != lb:
            if len(la) == len(lb):
                for s, e in _equal_length_runs(la, lb):
                    yield a_off + s, a_off + e, b_off + s, b_off + e
            else:
                sm = difflib.SequenceMatcher(None, la, lb, autojunk=False)
                for op, i1, i2, j1, j2 in sm.get_opcodes():
                    if op != "equal":
                        yield a_off + i1, a_off + i2, b_off + j1, b_off + j2
        a_off += len(la) + 1
        b_off += len(lb) + 1


def _within(a1: int, a2: int, spans: list[tuple[int, int]] | None) -> bool:
    """Whether a1:a2 lies inside one of the (sorted, disjoint) spans; None means everywhere."""
    if spans is None:
        return True
    k = bisect.bisect_right(spans, (a1, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= a1 and a2 <= spans[k][1]


def convert_chars(text: str, config: str, out: str | None = None, spans: list[tuple[int, int]] | None = None,
                  regions: list[Region] | None = None) -> tuple[str, list[Change]]:
    """Character conversion with one Change per changed run of characters, only inside `spans` if given.

    `out` is the converted text and `regions` where it differs, when already known.
    """
    out = convert(text, config) if out is None else out
    reason = f"script: OpenCC {config}"
    changes = [Change(a1, a2, out[b1:b2], reason) for a1, a2, b1, b2 in
               (_regions(text, out) if regions is None else regions) if spans is None or _within(a1, a2, spans)]
    if spans is None:  # every difference applied: the result is `out` itself (the chain checks it)
        return out, changes
    return apply_changes(text, changes), changes


@dataclass(frozen=True)
class PhraseDiff:
    """One difference between the t2s and the tw2sp text, widened to a table phrase where one covers it."""

    start: int
    end: int
    before: str
    after: str
    kind: str | None


def phrase_diffs(original: str, simplified: str, table: PhraseTable, tw: str | None = None) -> list[PhraseDiff]:
    """What tw2sp changes beyond t2s (`simplified`, `tw`: the t2s and tw2sp texts of `original`), per phrase."""
    tw = convert(original, "tw2sp") if tw is None else tw
    diffs: list[PhraseDiff] = []
    for a1, a2, b1, b2 in _regions(simplified, tw):
        diff = _widen(simplified, tw, a1, a2, b1 - a1, table) or PhraseDiff(a1, a2, simplified[a1:a2], tw[b1:b2], None)
        if diffs and diff.start < diffs[-1].end:  # a second difference inside a phrase already covered
            continue
        diffs.append(diff)
    return diffs


def _widen(simplified: str, tw: str, a1: int, a2: int, delta: int, table: PhraseTable) -> PhraseDiff | None:
    # a phrase that covers a1:a2 holds simplified[a1]: only those are tried (all of them for an insertion)
    for before, after in table.pairs_by_char.get(simplified[a1], []) if a2 > a1 else table.pairs:
        n = len(before)
        s = simplified.find(before, max(0, a2 - n), a1 + n)
        while s != -1 and s <= a1:
            if s + n >= a2 and tw[s + delta:s + delta + len(after)] == after:
                return PhraseDiff(s, s + n, before, after, table.kind_of(before, after))
            s = simplified.find(before, s + 1, a1 + n)
    return None


def phrase_changes(original: str, simplified: str, mode: str, table: PhraseTable | None = None,
                   tw: str | None = None, spans: list[tuple[int, int]] | None = None,
                   diffs: list[PhraseDiff] | None = None) -> list[Change]:
    """The phrase pass on `simplified` (the t2s text of `original`) for mode t2s or tw2sp, inside `spans`
    (`diffs`: its phrase_diffs, if known)."""
    table = table or load_phrases()
    changes: list[Change] = []
    for d in phrase_diffs(original, simplified, table, tw) if diffs is None else diffs:
        if not _within(d.start, d.end, spans):
            continue
        if d.kind == "variant" or (mode == "tw2sp" and d.kind != "deny"):
            note = "variant" if d.kind == "variant" else "tw2sp phrase"
            changes.append(Change(d.start, d.end, d.after, f"script: {note} {d.before}→{d.after}"))
    if mode == "tw2sp":
        changes += [c for c in _extra_changes(simplified, changes, table) if _within(c.start, c.end, spans)]
    return sorted(changes, key=lambda c: c.start)


def _extra_changes(simplified: str, taken: list[Change], table: PhraseTable) -> list[Change]:
    spans = [(c.start, c.end) for c in taken]
    out = []
    for before, after in sorted(table.extra.items(), key=lambda p: (-len(p[0]), p)):
        s = simplified.find(before)
        while s != -1:
            e = s + len(before)
            if not any(a < e and s < b for a, b in spans):
                out.append(Change(s, e, after, f"script: table {before}→{after} (tw2sp misses it)"))
                spans.append((s, e))
            s = simplified.find(before, e)
    return out


@dataclass
class ScriptResult:
    """The converted text, the choice, and the passes (each a list of Changes in its own input)."""

    text: str
    choice: ScriptChoice
    passes: list[list[Change]] = field(default_factory=list)
    simplified: str = ""  # the input's t2s text
    taiwan: str | None = None  # the input's tw2sp text, when it was needed
    diffs: list[PhraseDiff] | None = field(default=None, repr=False)  # phrase_diffs(simplified, taiwan, table)
    table: PhraseTable | None = field(default=None, repr=False)  # the phrase table used


def convert_script(text: str, conversion: str = "auto", table: PhraseTable | None = None) -> ScriptResult:
    """Choose the conversion for `text` and apply it as a character pass and (t2s, tw2sp) a phrase pass."""
    table = table or load_phrases()
    simplified = convert(text, "t2s")
    choice = choose(text, conversion, table, simplified)
    if choice.conversion == "none":
        return ScriptResult(text, choice, simplified=simplified)
    base = "t2s" if choice.conversion in REVIEWED else choice.conversion
    spans = None if choice.spans == [(0, len(text))] else choice.spans  # None: everywhere, the quick way
    t2s = base == "t2s"
    chars, char_changes = convert_chars(text, base, simplified if t2s else None, spans, choice.regions if t2s else None)
    passes = [char_changes]
    taiwan = None
    diffs = None
    if choice.conversion in REVIEWED:
        taiwan = convert(text, "tw2sp")
        char_diffs = phrase_diffs(text, chars, table, taiwan)
        if chars == simplified:  # converted whole: the audit measures the same differences
            diffs = char_diffs
        phrases = phrase_changes(text, chars, choice.conversion, table, taiwan, spans, char_diffs)
        passes.append(phrases)
        chars = apply_changes(chars, phrases)
    return ScriptResult(chars, choice, passes, simplified, taiwan, diffs, table)


def conversion_audit(text: str, result: ScriptResult, table: PhraseTable | None = None) -> list[dict]:
    """What t2s (against none) and tw2sp (against t2s) would change in `text`, with a verdict for each.

    `result` is what convert_script made of `text`. verdict: needed (Traditional characters in Traditional
    lines), right, damage (over-conversion: any change to a Simplified line, a refused phrase),
    unreviewed (not in the table: read it), left (Taiwan phrasing the chosen conversion leaves in the
    text). `applied` says whether the chosen conversion made the change. Counts are occurrences.
    """
    table = table or load_phrases()
    choice = result.choice
    simplified = result.simplified or convert(text, "t2s")
    taiwan = convert(text, "tw2sp") if result.taiwan is None else result.taiwan
    whole = [(0, len(text))]
    converted = choice.spans if choice.conversion != "none" else []
    rows: Counter[tuple[str, str, str, str, bool]] = Counter()
    regions = choice.regions or _regions(text, simplified)
    if choice.traditional == whole:  # the usual Traditional text: every change is a needed one
        rows["t2s", "(characters)", "(characters)", "needed", converted == whole] += sum(r[1] - r[0] for r in regions)
        regions = []
    for a1, a2, b1, b2 in regions:
        applied = bool(converted) and _within(a1, a2, converted)
        if choice.traditional and _within(a1, a2, choice.traditional):
            rows["t2s", "(characters)", "(characters)", "needed", applied] += a2 - a1
        else:  # one character of context, so 乾→干 reads 乾西→干西
            rows["t2s", text[max(0, a1 - 1):a2 + 1], simplified[max(0, b1 - 1):b2 + 1], "damage", applied] += 1
    accepted = {(c.start, c.end) for c in result.passes[1]} if len(result.passes) > 1 else set()
    diffs = result.diffs if result.diffs is not None and result.table == table else \
        phrase_diffs(text, simplified, table, taiwan)
    for d in diffs:
        verdict = _verdict(d.kind, choice) if _within(d.start, d.end, choice.traditional) and choice.traditional \
            else "damage"
        rows["tw2sp", d.before, d.after, verdict, (d.start, d.end) in accepted] += 1
    diff_spans = {(d.start, d.end) for d in diffs}
    for c in _extra_changes(simplified, [], table):
        if (c.start, c.end) in accepted and (c.start, c.end) not in diff_spans:
            rows["table", simplified[c.start:c.end], c.after, "right", True] += 1
    if choice.script != "simplified":
        for phrase in table.evidence:
            if n := result.text.count(phrase):
                rows[choice.conversion, phrase, phrase, "left", False] += n
    return [{"config": config, "before": before, "after": after, "count": n, "verdict": verdict, "applied": applied}
            for (config, before, after, verdict, applied), n in sorted(rows.items())]


def _verdict(kind: str | None, choice: ScriptChoice) -> str:
    if kind == "variant":
        return "right"
    if kind == "deny":
        return "damage"
    if not choice.taiwan_worded:  # no Taiwan phrasing to undo: every phrase change is over-conversion
        return "damage"
    return "right" if kind in ("evidence", "extra") else "unreviewed"
