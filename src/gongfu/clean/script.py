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

import csv
import difflib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from gongfu.clean.chars import cjk_count
from gongfu.edits import Change, apply_changes
from gongfu.errors import GongfuError
from gongfu.paths import PACKAGE_DATA

PHRASES_FILE = PACKAGE_DATA / "script_phrases.csv"
PHRASE_KINDS = ("evidence", "deny", "extra", "variant")
REVIEWED = ("t2s", "tw2sp")  # configs that go through the phrase table
MIN_TAIWAN_EVIDENCE = 2  # distinct Taiwan phrases needed to choose the phrase conversion
TRADITIONAL_RATIO = 0.05  # share of CJK characters t2s changes above which a text is Traditional
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

    def pairs(self) -> list[tuple[str, str]]:
        """Every (before, after) pair, longest first, so a longer phrase wins over a part of it."""
        seen = {(b, a) for kind in PHRASE_KINDS for b, a in getattr(self, kind).items()}
        return sorted(seen, key=lambda p: (-len(p[0]), p))


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

    script: str  # simplified / traditional
    conversion: str  # none / t2s / tw2sp / another OpenCC config
    cjk: int = 0
    t2s_changed: int = 0
    taiwan: dict[str, int] = field(default_factory=dict)
    forced: bool = False

    @property
    def taiwan_worded(self) -> bool:
        return self.script == "traditional" and len(self.taiwan) >= MIN_TAIWAN_EVIDENCE

    def evidence(self) -> str:
        """The why, in one line a journalist can read."""
        share = f"{self.t2s_changed} of {self.cjk} Chinese characters are Traditional-only"
        tw = " ".join(f"{k}×{v}" for k, v in sorted(self.taiwan.items()))
        phrasing = f"Taiwan phrasing: {tw}" if tw else "no Taiwan phrasing"
        if self.forced:
            return f"{self.conversion} set by the conversion parameter ({share}; {phrasing})"
        if self.script == "simplified":
            return f"Simplified, not converted ({share})"
        if self.conversion == "tw2sp":
            return f"Traditional with Taiwan phrasing, tw2sp with the reviewed phrase table ({share}; {phrasing})"
        return f"Traditional with mainland wording, t2s ({share}; {phrasing})"


@cache
def is_simplified_standard(ch: str) -> bool:
    """True for a character of the GB2312 set: standard Simplified, even where t2s would change it (乾, 著)."""
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def traditional_chars(text: str, simplified: str) -> int:
    """Characters t2s changes that are not standard Simplified ones: 乾 in 乾西乡 does not count, 區 does."""
    if len(text) == len(simplified):
        return sum(1 for x, y in zip(text, simplified, strict=True) if x != y and not is_simplified_standard(x))
    sm = difflib.SequenceMatcher(None, text, simplified, autojunk=False)
    return sum(1 for op, i1, i2, _, _ in sm.get_opcodes() if op != "equal"
               for x in text[i1:i2] if not is_simplified_standard(x))


def detect(text: str, table: PhraseTable | None = None) -> ScriptChoice:
    """Decide the script and the conversion from the text alone."""
    table = table or load_phrases()
    cjk = cjk_count(text)
    simplified = convert(text, "t2s")
    changed = traditional_chars(text, simplified)
    if cjk == 0 or changed <= max(3, TRADITIONAL_RATIO * cjk):
        return ScriptChoice("simplified", "none", cjk, changed)
    taiwan = {p: n for p in table.evidence if (n := simplified.count(p))}
    choice = ScriptChoice("traditional", "t2s", cjk, changed, taiwan)
    choice.conversion = "tw2sp" if choice.taiwan_worded else "t2s"
    return choice


def choose(text: str, conversion: str = "auto", table: PhraseTable | None = None) -> ScriptChoice:
    """The detector's choice, or the named config with the detector's evidence beside it."""
    check_conversion(conversion)
    choice = detect(text, table)
    if conversion != "auto":
        choice.conversion, choice.forced = conversion, True
    return choice


def _regions(a: str, b: str) -> Iterator[tuple[int, int, int, int]]:
    """(a_start, a_end, b_start, b_end) of the differences between two line-aligned conversions."""
    a_lines, b_lines = a.split("\n"), b.split("\n")
    if len(a_lines) != len(b_lines):
        a_lines, b_lines = [a], [b]
    a_off = b_off = 0
    for la, lb in zip(a_lines, b_lines, strict=True):
        if la != lb:
            if len(la) == len(lb):
                k, n = 0, len(la)
                while k < n:
                    if la[k] != lb[k]:
                        s = k
                        while k < n and la[k] != lb[k]:
                            k += 1
                        yield a_off + s, a_off + k, b_off + s, b_off + k
                    else:
                        k += 1
            else:
                sm = difflib.SequenceMatcher(None, la, lb, autojunk=False)
                for op, i1, i2, j1, j2 in sm.get_opcodes():
                    if op != "equal":
                        yield a_off + i1, a_off + i2, b_off + j1, b_off + j2
        a_off += len(la) + 1
        b_off += len(lb) + 1


def convert_chars(text: str, config: str) -> tuple[str, list[Change]]:
    """Character conversion with one Change per changed run of characters."""
    out = convert(text, config)
    changes = [Change(a1, a2, out[b1:b2], f"script: OpenCC {config}") for a1, a2, b1, b2 in _regions(text, out)]
    return out, changes


@dataclass(frozen=True)
class PhraseDiff:
    """One difference between the t2s and the tw2sp text, widened to a table phrase where one covers it."""

    start: int
    end: int
    before: str
    after: str
    kind: str | None


def phrase_diffs(original: str, simplified: str, table: PhraseTable) -> list[PhraseDiff]:
    """What tw2sp changes beyond t2s (`simplified` is the t2s text of `original`), one diff per phrase."""
    tw = convert(original, "tw2sp")
    diffs: list[PhraseDiff] = []
    for a1, a2, b1, b2 in _regions(simplified, tw):
        diff = _widen(simplified, tw, a1, a2, b1 - a1, table) or PhraseDiff(a1, a2, simplified[a1:a2], tw[b1:b2], None)
        if diffs and diff.start < diffs[-1].end:  # a second difference inside a phrase already covered
            continue
        diffs.append(diff)
    return diffs


def _widen(simplified: str, tw: str, a1: int, a2: int, delta: int, table: PhraseTable) -> PhraseDiff | None:
    for before, after in table.pairs():
        n = len(before)
        s = simplified.find(before, max(0, a2 - n), a1 + n)
        while s != -1 and s <= a1:
            if s + n >= a2 and tw[s + delta:s + delta + len(after)] == after:
                return PhraseDiff(s, s + n, before, after, table.kind_of(before, after))
            s = simplified.find(before, s + 1, a1 + n)
    return None


def phrase_changes(original: str, simplified: str, mode: str,
                   table: PhraseTable | None = None) -> list[Change]:
    """The phrase pass on `simplified` (the t2s text of `original`) for mode t2s or tw2sp."""
    table = table or load_phrases()
    changes: list[Change] = []
    for d in phrase_diffs(original, simplified, table):
        if d.kind == "variant" or (mode == "tw2sp" and d.kind != "deny"):
            note = "variant" if d.kind == "variant" else "tw2sp phrase"
            changes.append(Change(d.start, d.end, d.after, f"script: {note} {d.before}→{d.after}"))
    if mode == "tw2sp":
        changes += _extra_changes(simplified, changes, table)
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


def convert_script(text: str, conversion: str = "auto", table: PhraseTable | None = None) -> ScriptResult:
    """Choose the conversion for `text` and apply it as a character pass and (t2s, tw2sp) a phrase pass."""
    table = table or load_phrases()
    choice = choose(text, conversion, table)
    if choice.conversion == "none":
        return ScriptResult(text, choice)
    base = "t2s" if choice.conversion in REVIEWED else choice.conversion
    chars, char_changes = convert_chars(text, base)
    passes = [char_changes]
    if choice.conversion in REVIEWED:
        phrases = phrase_changes(text, chars, choice.conversion, table)
        passes.append(phrases)
        chars = apply_changes(chars, phrases)
    return ScriptResult(chars, choice, passes)


def conversion_audit(text: str, result: ScriptResult, table: PhraseTable | None = None) -> list[dict]:
    """What t2s (against none) and tw2sp (against t2s) would change in `text`, with a verdict for each.

    `result` is what convert_script made of `text`.
    verdict: needed (Traditional characters), right, damage (over-conversion), unreviewed (not in the
    table: read it), left (Taiwan phrasing the chosen conversion leaves in the text). `applied` says
    whether the chosen conversion made the change. Counts are occurrences.
    """
    table = table or load_phrases()
    choice = result.choice
    simplified = convert(text, "t2s")
    converts = choice.conversion != "none"
    rows: Counter[tuple[str, str, str, str, bool]] = Counter()
    if choice.script == "traditional":
        rows["t2s", "(characters)", "(characters)", "needed", converts] += choice.t2s_changed
    else:
        for a1, a2, b1, b2 in _regions(text, simplified):  # one character of context: 乾西→干西
            rows["t2s", text[max(0, a1 - 1):a2 + 1], simplified[max(0, b1 - 1):b2 + 1], "damage", converts] += 1
    accepted = {(c.start, c.end, c.after) for c in phrase_changes(text, simplified, "tw2sp", table)} \
        if choice.conversion == "tw2sp" else set()
    for d in phrase_diffs(text, simplified, table):
        applied = (d.kind == "variant" and choice.conversion in REVIEWED) or (d.start, d.end, d.after) in accepted
        rows["tw2sp", d.before, d.after, _verdict(d.kind, choice), applied] += 1
    if choice.conversion == "tw2sp":
        diff_spans = {(d.start, d.end) for d in phrase_diffs(text, simplified, table)}
        for c in _extra_changes(simplified, [], table):
            if (c.start, c.end) not in diff_spans:
                rows["table", simplified[c.start:c.end], c.after, "right", True] += 1
    for phrase in table.evidence:
        if choice.script == "traditional" and (n := result.text.count(phrase)):
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
