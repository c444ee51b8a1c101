"""The cleaning chain: each step a pure function on the text, every change recorded with raw offsets.

Order matters and is fixed: bytes first (mojibake, shift: script conversion would mangle them), pinyin before
conversion (the shift step reads orphaned annotations), then script, then the page (boilerplate reads the
blank-line gaps around captions that layout collapses), then punctuation. A final whitespace pass
guarantees one paragraph per line with a trailing newline whichever steps ran; it only ever removes
whitespace, and its edits are recorded under `paragraphs`.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import groupby
from operator import attrgetter, le

from gongfu.clean.boilerplate import strip_boilerplate
from gongfu.clean.chars import CJK_RE, LOST
from gongfu.clean.edits import Change, Edit, Tracker
from gongfu.clean.layout import repair_layout
from gongfu.clean.markup import has_markup, markup_changes
from gongfu.clean.mojibake import mojibake_changes
from gongfu.clean.pinyin import pinyin_changes
from gongfu.clean.punctuation import normalise_punctuation, punctuation_changes
from gongfu.clean.script import check_conversion, conversion_audit, convert, convert_script, plainly_simplified
from gongfu.clean.shift import shift_changes
from gongfu.errors import GongfuError

STEPS = ("markup", "mojibake", "shift", "pinyin", "script", "boilerplate", "layout", "punctuation")
# Steps whose output is by definition their changes applied (repair_mojibake, rebuild_shifted, strip_pinyin,
# normalise_punctuation): the chain asks them for the changes only and the Tracker applies them, once.
SIMPLE_STEPS: dict[str, Callable[[str], list[Change]]] = {
    "mojibake": mojibake_changes, "shift": shift_changes, "pinyin": pinyin_changes,
    "punctuation": punctuation_changes,
}
FINAL_STEP = "paragraphs"
SAMPLE_WIDTH = 80  # characters of raw text in a document's before/after sample
_NOT_SAMPLES = ("boilerplate", FINAL_STEP)  # lines removed whole, and whitespace only
_LINE_RE = re.compile(r"[^\n]+")
_STEP, _RAW_START = attrgetter("step"), attrgetter("raw_start")
AS_PRINTED = ("banner", "url")  # metadata kept exactly as the page prints it (an edition label, an address)
PADDING = " \t\r\f\v\u3000\u00a0\ufeff"


@dataclass
class CleanResult:
    """A cleaned document: body text (one paragraph per line), its edits and what was learnt on the way."""

    text: str
    edits: list[Edit] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    source_script: str = "simplified"
    conversion: str = "none"
    conversion_evidence: str = ""
    status: str = "ok"
    reason: str = ""
    audit: list[dict] = field(default_factory=list)
    sample: tuple[str, str] = ("", "")  # a stretch of the raw text and what it became

    def fixes(self) -> dict[str, int]:
        """Edits that changed text (not flags), per step, for every step of the chain."""
        counts = Counter(e.step for e in self.edits if e.before != e.after)
        return {step: counts.get(step, 0) for step in STEPS}


def check_steps(steps: Sequence[str] | None) -> tuple[str, ...]:
    """The steps to run, in chain order; unknown names are refused with the list of known ones."""
    if steps is None:
        return STEPS
    unknown = [s for s in steps if s not in STEPS]
    if unknown:
        raise GongfuError(f"unknown cleaning step(s) {', '.join(map(repr, unknown))}: use all or a comma-separated "
                          f"selection of {', '.join(STEPS)}.")
    return tuple(s for s in STEPS if s in steps)


def paragraph_changes(text: str, quick: bool = True) -> list[Change]:
    """Whitespace-only changes that leave one paragraph per line and one trailing newline. With `quick`, a text
    already so (one newline after each line, none blank, no padding around one) is found so at one look."""
    if quick and _tidy(text):
        return []
    changes: list[Change] = []
    pos = 0
    last_kept_end = -1
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip(PADDING):  # a blank line goes with its newline
            _remove(changes, start, min(end + 1, len(text)), "blank line removed")
            continue
        lead = len(line) - len(line.lstrip(PADDING))
        trail = len(line) - len(line.rstrip(PADDING))
        if lead:
            _remove(changes, start, start + lead, "spaces at the start of a line removed")
        if trail:
            _remove(changes, end - trail, end, "spaces at the end of a line removed")
        last_kept_end = end
    if last_kept_end == len(text):
        changes.append(Change(len(text), len(text), "\n", "text ends with one newline"))
    return changes


def _tidy(text: str) -> bool:
    """True only when `paragraph_changes(text)` is empty: the text ends with a newline, has no blank line, and no
    line begins or ends with padding (without a plain space and an unprintable character there is none)."""
    if not text.endswith("\n") or text.startswith("\n") or "\n\n" in text:
        return False
    if " " not in text and text.replace("\n", "").isprintable():
        return True
    return all(line == line.strip(PADDING) for line in text[:-1].split("\n"))


def _remove(changes: list[Change], start: int, end: int, reason: str) -> None:
    """Append a removal, merging it into the previous one when they touch (a run of blank lines)."""
    if end <= start:
        return
    if changes and changes[-1].end == start and changes[-1].after == "":
        changes[-1] = Change(changes[-1].start, end, "", changes[-1].reason)
    else:
        changes.append(Change(start, end, "", reason))


def _apply(tracker: Tracker, step: str, new_text: str, changes: Sequence[Change]) -> list[Edit]:
    edits = tracker.apply(step, changes)
    if tracker.text != new_text:  # a step whose changes do not rebuild its own output is a bug, never data
        raise RuntimeError(f"cleaning step {step!r}: its recorded changes do not reproduce its output")
    return edits


def clean_text(text: str, *, conversion: str = "auto", steps: Sequence[str] | None = None) -> CleanResult:
    """Clean one decoded raw text: run the selected steps in chain order, recording every change."""
    selected = check_steps(steps)
    check_conversion(conversion)
    tracker = Tracker(text)
    result = CleanResult(text="")
    hints: dict[str, str] = {}  # what the page's markup says about it (headline, page title, front matter)
    for step in selected:
        if step == "markup":
            if has_markup(tracker.text):  # the cheap scan: most texts have no markup
                found = markup_changes(tracker.text)
                result.edits += tracker.apply(step, found.changes)
                hints = found.meta
        elif step == "script":
            plain = plainly_simplified(tracker.text, conversion)
            if plain is not None:  # the cheap scan: nothing to convert, so no conversion and nothing to audit
                result.conversion_evidence = plain.evidence()
                continue
            converted = convert_script(tracker.text, conversion)
            result.audit = conversion_audit(tracker.text, converted)
            for changes in converted.passes:
                result.edits += tracker.apply(step, changes)
            if tracker.text != converted.text:
                raise RuntimeError("cleaning step 'script': its recorded changes do not reproduce its output")
            choice = converted.choice
            result.source_script, result.conversion = choice.script, choice.conversion
            result.conversion_evidence = choice.evidence()
            hints = {k: convert(v, choice.conversion) for k, v in hints.items()}
        elif step == "boilerplate":
            new_text, changes, meta = strip_boilerplate(tracker.text, hints)
            result.edits += _apply(tracker, step, new_text, changes)
            result.meta = dict(meta)
        elif step == "layout":
            new_text, changes = repair_layout(tracker.text)
            result.edits += _apply(tracker, step, new_text, changes)
        else:
            result.edits += tracker.apply(step, SIMPLE_STEPS[step](tracker.text))
    result.edits += tracker.apply(FINAL_STEP, paragraph_changes(tracker.text))
    result.text = tracker.text
    result.sample = pick_sample(text, tracker, result.edits)
    if "punctuation" in selected:  # the title reads like the body it heads
        result.meta = {k: v if k in AS_PRINTED else normalise_punctuation(v)[0] for k, v in result.meta.items()}
    result.status, result.reason = assess(text, result)
    return result


def pick_sample(raw: str, tracker: Tracker, edits: Sequence[Edit], width: int = SAMPLE_WIDTH) -> tuple[str, str]:
    """A stretch of raw text showing the most kinds of fix, around the rarest one, and what it became:
    a before/after a reader can check at a glance. Lines removed whole (boilerplate) are not samples.

    A converted Traditional text has a thousand fixes and a few dozen lines, so fixes are counted per line
    and step by bisecting each step's raw offsets (in order: a step's edits follow its text)."""
    fixes = [e for e in edits if e.step not in _NOT_SAMPLES and e.before != e.after]
    if not fixes:  # nothing to show (most already-clean texts)
        return "", ""
    lines = [(m.start(), m.end()) for m in _LINE_RE.finditer(raw)]
    by_step: dict[str, list[Edit]] = {}
    for step, group in groupby(fixes, key=_STEP):
        by_step.setdefault(step, []).extend(group)
    offsets = {}
    for step, group in by_step.items():
        at = list(map(_RAW_START, group))
        if not all(map(le, at, at[1:])):
            group.sort(key=_RAW_START)
            at.sort()
        offsets[step] = at
    ranked = []
    for k, (a, b) in enumerate(lines):
        counts = [bisect.bisect_left(at, b) - bisect.bisect_left(at, a) for at in offsets.values()]
        total = sum(counts)
        if total:
            ranked.append((-sum(1 for n in counts if n), -total, k))
    for _, _, k in sorted(ranked):  # most kinds of fix, then most fixes, then the first line
        a, b = lines[k]
        firsts = []  # each step's first fix on the line: the rarest step's first is the one to show
        for n, (step, at) in enumerate(offsets.items()):
            i = bisect.bisect_left(at, a)
            if i < len(at) and at[i] < b:
                firsts.append((len(at), at[i], n, by_step[step][i]))
        rarest = min(firsts)[3]
        a = max(a, min(rarest.raw_start - width // 3, b - width))
        b = min(b, a + width)
        after = tracker.text_from(a, b).strip()
        if after:
            return raw[a:b].strip(), after
    return "", ""


def assess(raw: str, result: CleanResult) -> tuple[str, str]:
    """ok / warning / failed and a reason a journalist can read.

    failed: nothing left, or no Chinese at all. warning: a character lost (□) or a passage flagged in the
    kept text. Losses and flags inside text that was then removed (a garbled copyright footer) are
    reported in the reason but do not make a warning: the article itself is intact.
    """
    if not result.text.strip():
        return "failed", "nothing left after cleaning: every line was removed or blank (see edits.csv)"
    if not CJK_RE.search(raw):
        return "failed", "no Chinese text found: is this the right file?"
    removed = [(e.raw_start, e.raw_end) for e in result.edits
               if e.after == "" and e.step in ("boilerplate", "layout") and e.raw_end > e.raw_start]
    marked = [e for e in result.edits if e.lost or e.before == e.after]  # losses and flags
    gone = [e for e in marked if _inside(e, removed)]
    kept_lost = Counter(e.step for e in marked if e.lost and e not in gone)
    flags = Counter(e.step for e in marked if not e.lost and e not in gone)
    parts = []
    if result.text.count(LOST):
        by_step = ", ".join(f"{s}: {n}" for s, n in sorted(kept_lost.items()))
        parts.append(f"{result.text.count(LOST)} character(s) lost, marked {LOST} in the text ({by_step})")
    elif kept_lost:
        parts.append(f"{sum(kept_lost.values())} passage(s) with lost characters ({', '.join(sorted(kept_lost))})")
    if flags:
        parts.append(f"{sum(flags.values())} passage(s) flagged for checking "
                     f"({', '.join(f'{s}: {n}' for s, n in sorted(flags.items()))})")
    status = "warning" if parts else "ok"
    if gone:
        steps = ", ".join(f"{s}: {n}" for s, n in sorted(Counter(e.step for e in gone).items()))
        parts.append(f"{len(gone)} passage(s) with lost or flagged characters ({steps}) were in lines then "
                     f"removed as boilerplate; the article is not affected")
    return status, "; ".join(parts)


def _inside(edit: Edit, spans: list[tuple[int, int]]) -> bool:
    return any(a <= edit.raw_start and edit.raw_end <= b for a, b in spans)
